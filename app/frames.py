"""Reject malformed kernel websocket frames before jupyter_server decodes them.

jupyter_server 2.21.1 trusts the counts at the start of a binary frame from the browser:
``deserialize_msg_from_ws_v1`` loops over an 8-byte offset count, so a 15-byte frame from
any visitor keeps the server busy and growing until it dies, and ``deserialize_binary_message``
builds a struct format string as long as a signed 32-bit part count. :class:`ValidatedConnection`
checks every incoming frame with the pure functions below, bounded by the frame's length,
and closes the one websocket that sent a malformed frame instead of passing it on.

Enable it in standalone Voila (``app/voila.py``)::

    c.Voila.kernel_websocket_connection_class = "app.frames.ValidatedConnection"

or, with Voila as a Jupyter server extension::

    c.ServerApp.kernel_websocket_connection_class = "app.frames.ValidatedConnection"

The repository root must be importable (``app`` is a package). The size limit is
``c.ValidatedConnection.max_frame_bytes``.
"""

from __future__ import annotations

import json
import struct
from typing import Any

from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection
from traitlets import Integer

__all__ = [
    "CHANNELS",
    "MAX_BUFFERS",
    "MAX_FRAME_BYTES",
    "V1_SUBPROTOCOL",
    "MalformedFrame",
    "ValidatedConnection",
    "check_frame",
    "check_legacy_binary_frame",
    "check_legacy_text_frame",
    "check_v1_frame",
]

V1_SUBPROTOCOL = "v1.kernel.websocket.jupyter.org"
CHANNELS = frozenset({"shell", "control", "stdin", "iopub"})

# Widget messages on this site (dropdowns, buttons, HTML) are a few kilobytes at most;
# tornado's own cap (websocket_max_message_size) is 10 MiB.
MAX_FRAME_BYTES = 1_048_576

# Binary buffers after the JSON parts. ipywidgets sends one per bytes-valued trait of a
# state update (file uploads, images); the widgets here send none, and 16 leaves room while
# keeping the offset table (and the work of reading it) a few hundred bytes.
MAX_BUFFERS = 16

# v1 offsets: start of the channel, then the end of the channel and of each part:
# header, parent_header, metadata, content, then the buffers.
_V1_MIN_OFFSETS = 2 + 4
_V1_MAX_OFFSETS = _V1_MIN_OFFSETS + MAX_BUFFERS
# Legacy binary: one offset per part, the JSON message first, then the buffers.
_LEGACY_MAX_PARTS = 1 + MAX_BUFFERS


class MalformedFrame(ValueError):
    """An incoming websocket frame that the kernel protocol does not allow."""


def _check_size(size: int, max_size: int) -> None:
    if size > max_size:
        raise MalformedFrame(f"frame of {size} bytes exceeds the limit of {max_size}")


def _json_object(part: bytes | str, what: str) -> dict[str, Any]:
    try:
        text = part.decode("utf-8") if isinstance(part, bytes | bytearray) else part
        value = json.loads(text)
    # Deep nesting raises RecursionError, not ValueError (UnicodeDecodeError is one).
    except (ValueError, RecursionError):
        raise MalformedFrame(f"{what} is not UTF-8 JSON") from None
    if not isinstance(value, dict):
        raise MalformedFrame(f"{what} is not a JSON object")
    return value


def _check_msg_type(header: Any) -> None:
    if not isinstance(header, dict):
        raise MalformedFrame("header is not a JSON object")
    if not isinstance(header.get("msg_type"), str):
        raise MalformedFrame("header has no string msg_type")


def _check_offsets(offsets: list[int], table_end: int, size: int) -> None:
    if offsets[0] < table_end:
        raise MalformedFrame("first offset points into the offset table")
    for i in range(1, len(offsets)):
        if offsets[i] < offsets[i - 1]:
            raise MalformedFrame(f"offset {i} is before offset {i - 1}")
    if offsets[-1] > size:
        raise MalformedFrame("an offset points past the end of the frame")


def check_v1_frame(frame: bytes, max_size: int = MAX_FRAME_BYTES) -> None:
    """Raise :class:`MalformedFrame` unless ``frame`` is a well-formed v1 binary message.

    Layout (``serialize_msg_to_ws_v1``): an 8-byte little-endian count n, n 8-byte offsets,
    then the channel name and the message parts. Work is bounded by the frame's length.
    """
    if not isinstance(frame, bytes | bytearray):
        raise MalformedFrame("v1 frames are binary")
    if not frame:
        raise MalformedFrame("empty frame")
    size = len(frame)
    if size < 8:
        raise MalformedFrame(f"frame of {size} bytes is shorter than its offset count")
    _check_size(size, max_size)

    count = int.from_bytes(frame[:8], "little")
    if not _V1_MIN_OFFSETS <= count <= _V1_MAX_OFFSETS:
        raise MalformedFrame(f"offset count {count} outside {_V1_MIN_OFFSETS}..{_V1_MAX_OFFSETS}")
    table_end = 8 * (count + 1)
    if table_end > size:
        raise MalformedFrame(f"offset table of {table_end} bytes exceeds the frame of {size}")
    offsets = [int.from_bytes(frame[8 * i : 8 * (i + 1)], "little") for i in range(1, count + 1)]
    _check_offsets(offsets, table_end, size)

    try:
        channel = frame[offsets[0] : offsets[1]].decode("utf-8")
    except UnicodeDecodeError:
        raise MalformedFrame("channel is not UTF-8") from None
    if channel not in CHANNELS:
        raise MalformedFrame("unknown channel")
    _check_msg_type(_json_object(frame[offsets[1] : offsets[2]], "header"))


def _check_legacy_message(msg: dict[str, Any]) -> None:
    if "header" not in msg:
        raise MalformedFrame("message has no header")
    _check_msg_type(msg["header"])
    # jupyter_server assumes "shell" when the channel is missing, so only a given one counts.
    if "channel" in msg and msg["channel"] not in CHANNELS:
        raise MalformedFrame("unknown channel")


def check_legacy_binary_frame(frame: bytes, max_size: int = MAX_FRAME_BYTES) -> None:
    """Raise :class:`MalformedFrame` unless ``frame`` suits ``deserialize_binary_message``.

    Layout (``serialize_binary_message``): a 4-byte big-endian part count n, n 4-byte
    big-endian offsets, then the JSON message and its binary buffers.
    """
    if not isinstance(frame, bytes | bytearray):
        raise MalformedFrame("binary frame expected")
    size = len(frame)
    if size < 4:
        raise MalformedFrame(f"frame of {size} bytes is shorter than its part count")
    _check_size(size, max_size)

    # Signed, as jupyter_server reads it.
    (count,) = struct.unpack("!i", frame[:4])
    if not 1 <= count <= _LEGACY_MAX_PARTS:
        raise MalformedFrame(f"part count {count} outside 1..{_LEGACY_MAX_PARTS}")
    table_end = 4 * (count + 1)
    if table_end > size:
        raise MalformedFrame(f"offset table of {table_end} bytes exceeds the frame of {size}")
    offsets = list(struct.unpack(f"!{count}I", frame[4:table_end]))
    # Both serializers (Python and JupyterLab's) start the JSON right after the table.
    if offsets[0] != table_end:
        raise MalformedFrame("first offset does not follow the offset table")
    _check_offsets(offsets, table_end, size)

    end = offsets[1] if count > 1 else size
    _check_legacy_message(_json_object(frame[offsets[0] : end], "message"))


def check_legacy_text_frame(text: str, max_size: int = MAX_FRAME_BYTES) -> None:
    """Raise :class:`MalformedFrame` unless ``text`` is a JSON kernel message."""
    if not isinstance(text, str):
        raise MalformedFrame("text frame expected")
    # A character is at least one UTF-8 byte: skip encoding what is already too long.
    _check_size(len(text), max_size)
    _check_size(len(text.encode("utf-8", "surrogatepass")), max_size)
    _check_legacy_message(_json_object(text, "message"))


def check_frame(
    message: str | bytes, subprotocol: str | None, max_size: int = MAX_FRAME_BYTES
) -> None:
    """Check one incoming frame the way jupyter_server will decode it.

    Under the v1 subprotocol jupyter_server hands every frame to
    ``deserialize_msg_from_ws_v1`` and JupyterLab's client only sends binary frames there,
    so text is malformed. Any other subprotocol is the legacy one: JSON text, or binary
    when the message carries buffers.
    """
    if subprotocol == V1_SUBPROTOCOL:
        if isinstance(message, str):
            raise MalformedFrame("text frame under the v1 subprotocol")
        check_v1_frame(message, max_size)
    elif isinstance(message, str):
        check_legacy_text_frame(message, max_size)
    elif isinstance(message, bytes | bytearray):
        check_legacy_binary_frame(message, max_size)
    else:
        raise MalformedFrame("frame is neither text nor binary")


class ValidatedConnection(ZMQChannelsWebsocketConnection):
    """A kernel websocket connection that closes itself on a malformed incoming frame."""

    max_frame_bytes = Integer(
        MAX_FRAME_BYTES,
        config=True,
        help="Largest incoming websocket frame, in bytes, passed on to the kernel.",
    )

    def handle_incoming_message(self, incoming_msg: str | bytes) -> None:
        """Pass well-formed frames on; close this websocket on a malformed one."""
        if not self.channels:
            # Closed: jupyter_server ignores the message without decoding it.
            super().handle_incoming_message(incoming_msg)
            return
        try:
            check_frame(incoming_msg, self.subprotocol, self.max_frame_bytes)
        except MalformedFrame as err:
            # One line, the reason only: the frame is the visitor's and may be large.
            self.log.warning("Closing websocket to kernel %s: %s", self.kernel_id, err)
            # 1007: the payload is inconsistent with the message type. Tornado then calls
            # on_close, which disconnects this connection only; the kernel stays up.
            self.websocket_handler.close(code=1007, reason="malformed frame")
            return
        super().handle_incoming_message(incoming_msg)

    # --- open connections by kernel, so a released kernel's pages can be told ----------

    _open: dict[str, set[ValidatedConnection]] = {}

    async def connect(self) -> None:
        await super().connect()
        self._open.setdefault(self.kernel_id, set()).add(self)

    def disconnect(self) -> None:
        self._open.get(self.kernel_id, set()).discard(self)
        super().disconnect()

    @classmethod
    def close_all(cls, kernel_id: str) -> int:
        """Close every page connection to ``kernel_id`` (it is being shut down).

        Without this, a page whose kernel was culled keeps an open websocket to nothing
        and cannot tell that its kernel is gone.  Returns how many were closed.
        """
        connections = cls._open.pop(kernel_id, set())
        for connection in connections:
            # 1001 "going away": the server ends the connection on purpose.
            connection.websocket_handler.close(code=1001, reason="kernel shut down")
        return len(connections)
