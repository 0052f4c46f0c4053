"""Malformed kernel websocket frames are refused before jupyter_server decodes them."""

from __future__ import annotations

import json
import logging
import struct
import tracemalloc
from unittest import mock

import pytest
from jupyter_client.jsonutil import json_default
from jupyter_client.session import Session
from jupyter_server.services.kernels.connection.base import (
    BaseKernelWebsocketConnection,
    deserialize_binary_message,
    deserialize_msg_from_ws_v1,
    serialize_binary_message,
    serialize_msg_to_ws_v1,
)
from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection
from jupyter_server.services.kernels.websocket import KernelWebsocketHandler
from traitlets import Unicode
from traitlets.config import Config, Configurable

from app.frames import (
    CHANNELS,
    MAX_BUFFERS,
    MAX_FRAME_BYTES,
    V1_SUBPROTOCOL,
    MalformedFrame,
    ValidatedConnection,
    check_frame,
    check_legacy_binary_frame,
    check_legacy_text_frame,
    check_v1_frame,
)

SESSION = Session()

# The frame from the report: an offset count of 2**62 and nothing to back it.
REPORTED = (2**62).to_bytes(8, "little") + b"\x00" * 7


def message(**extra):
    msg = SESSION.msg("comm_msg", content={"comm_id": "c1", "data": {"method": "update"}})
    return {**msg, **extra}


def json_parts(msg) -> list[bytes]:
    return [SESSION.pack(msg[k]) for k in ("header", "parent_header", "metadata", "content")]


def v1_frame(buffers=(), channel="shell") -> bytes:
    """A frame made by jupyter_server's own serializer."""
    return serialize_msg_to_ws_v1([*json_parts(message()), *buffers], channel)


def raw_v1(channel: bytes, *parts: bytes) -> bytes:
    """A v1 frame built by hand, so that its channel and parts can be anything."""
    offsets = [8 * (len(parts) + 3)]
    for part in (channel, *parts):
        offsets.append(offsets[-1] + len(part))
    table = [len(offsets).to_bytes(8, "little"), *(o.to_bytes(8, "little") for o in offsets)]
    return b"".join([*table, channel, *parts])


def with_count(frame: bytes, count: int) -> bytes:
    return count.to_bytes(8, "little") + frame[8:]


def v1_offsets(frame: bytes) -> list[int]:
    count = int.from_bytes(frame[:8], "little")
    return [int.from_bytes(frame[8 * i : 8 * i + 8], "little") for i in range(1, count + 1)]


def with_offset(frame: bytes, index: int, value: int) -> bytes:
    start = 8 * (index + 1)
    return frame[:start] + value.to_bytes(8, "little") + frame[start + 8 :]


REST = json_parts(message())[1:]  # parent_header, metadata, content
VALID = v1_frame()
OFFSETS = v1_offsets(VALID)

HOSTILE_V1 = [
    pytest.param(REPORTED, "offset count 4611686018427387904", id="reported-15-bytes"),
    pytest.param(b"", "empty frame", id="empty"),
    pytest.param(b"\x06" + b"\x00" * 6, "shorter than its offset count", id="7-bytes"),
    pytest.param(with_count(VALID, 2**63 - 1), "offset count 9223372036854775807 ",
                 id="huge-count"),
    pytest.param(with_count(VALID, 0), "offset count 0 ", id="count-0"),
    pytest.param(with_count(VALID, 1), "offset count 1 ", id="count-1"),
    pytest.param(with_count(VALID, 2**64 - 1), "offset count 18446744073709551615 ",
                 id="count-all-ones"),
    pytest.param(with_count(VALID, 7 + MAX_BUFFERS), "offset count 23 ", id="count-over-max"),
    pytest.param(
        (6 + MAX_BUFFERS).to_bytes(8, "little") + b"\x00" * 100,
        "offset table of 184 bytes",
        id="table-longer-than-frame",
    ),
    pytest.param(with_offset(VALID, 5, len(VALID) + 1), "past the end", id="offset-past-end"),
    pytest.param(with_offset(VALID, 5, 2**64 - 1), "past the end", id="offset-far-past-end"),
    pytest.param(with_offset(VALID, 2, OFFSETS[1] - 1), "offset 2 is before", id="decreasing"),
    pytest.param(with_offset(VALID, 0, 8), "into the offset table", id="offset-into-table"),
    pytest.param(with_offset(VALID, 0, 0), "into the offset table", id="offset-zero"),
    pytest.param(raw_v1(b"\xff\xfe", json_parts(message())[0], *REST), "channel is not UTF-8",
                 id="channel-not-utf8"),
    pytest.param(raw_v1(b"nope", json_parts(message())[0], *REST), "unknown channel",
                 id="unknown-channel"),
    pytest.param(raw_v1(b"", json_parts(message())[0], *REST), "unknown channel",
                 id="empty-channel"),
    pytest.param(raw_v1(b"shell", b"not json", *REST), "header is not UTF-8 JSON",
                 id="header-not-json"),
    pytest.param(raw_v1(b"shell", b'{"msg_type": "\xff"}', *REST), "header is not UTF-8 JSON",
                 id="header-not-utf8"),
    pytest.param(raw_v1(b"shell", b"[]", *REST), "header is not a JSON object",
                 id="header-list"),
    pytest.param(raw_v1(b"shell", b'{"msg_id": "1"}', *REST), "no string msg_type",
                 id="header-without-msg_type"),
    pytest.param(raw_v1(b"shell", b'{"msg_type": 5}', *REST), "no string msg_type",
                 id="msg_type-not-string"),
    pytest.param(raw_v1(b"shell", b"[" * 100_000, *REST), "header is not UTF-8 JSON",
                 id="header-deeply-nested"),
]  # fmt: skip


def legacy_frame(buffers=(b"abc",), **extra) -> bytes:
    return serialize_binary_message(message(channel="shell", buffers=list(buffers), **extra))


def legacy_raw(first: bytes, *buffers: bytes) -> bytes:
    """A legacy binary frame built by hand around an arbitrary first part."""
    parts = [first, *buffers]
    offsets = [4 * (len(parts) + 1)]
    for part in parts[:-1]:
        offsets.append(offsets[-1] + len(part))
    return struct.pack(f"!{len(parts) + 1}I", len(parts), *offsets) + b"".join(parts)


LEGACY = legacy_frame()

HOSTILE_LEGACY = [
    pytest.param(b"\x00\x00\x01", "shorter than its part count", id="3-bytes"),
    pytest.param(struct.pack("!i", -1) + LEGACY[4:], "part count -1 ", id="negative-count"),
    pytest.param(struct.pack("!i", 2**31 - 1) + LEGACY[4:], "part count 2147483647 ",
                 id="count-2**31-1"),
    pytest.param(struct.pack("!i", 0) + LEGACY[4:], "part count 0 ", id="count-0"),
    pytest.param(struct.pack("!i", 2 + MAX_BUFFERS) + LEGACY[4:], "part count 18 ",
                 id="count-over-max"),
    pytest.param(struct.pack("!i", 1 + MAX_BUFFERS) + b"\x00" * 40, "offset table of 72 bytes",
                 id="table-longer-than-frame"),
    pytest.param(LEGACY[:8] + struct.pack("!I", len(LEGACY) + 1) + LEGACY[12:], "past the end",
                 id="offset-past-end"),
    pytest.param(LEGACY[:8] + struct.pack("!I", 11) + LEGACY[12:], "offset 1 is before",
                 id="decreasing"),
    pytest.param(LEGACY[:4] + struct.pack("!I", 16) + LEGACY[8:], "does not follow",
                 id="first-offset-skips"),
    pytest.param(legacy_raw(b"not json", b"abc"), "message is not UTF-8 JSON",
                 id="first-part-not-json"),
    pytest.param(legacy_raw(b"[1, 2]"), "message is not a JSON object", id="first-part-list"),
    pytest.param(legacy_raw(b'{"channel": "shell"}'), "message has no header", id="no-header"),
    pytest.param(legacy_raw(b'{"header": []}'), "header is not a JSON object", id="header-list"),
    pytest.param(legacy_raw(b'{"header": {}}'), "no string msg_type", id="no-msg_type"),
    pytest.param(legacy_raw(b'{"header": {"msg_type": "x"}, "channel": "nope"}'),
                 "unknown channel", id="unknown-channel"),
]  # fmt: skip


# v1 frames from jupyter_server's own serializer


@pytest.mark.parametrize("n_buffers", [0, 1, 2, MAX_BUFFERS])
def test_real_v1_frames_pass_and_round_trip(n_buffers):
    buffers = [bytes([i]) * (i + 3) for i in range(n_buffers)]
    parts = [*json_parts(message()), *buffers]
    frame = serialize_msg_to_ws_v1(parts, "shell")
    check_v1_frame(frame)
    assert deserialize_msg_from_ws_v1(frame) == ("shell", parts)


@pytest.mark.parametrize("channel", sorted(CHANNELS))
def test_every_channel_passes(channel):
    check_v1_frame(v1_frame(channel=channel))


def test_serializer_with_pack_passes():
    check_v1_frame(serialize_msg_to_ws_v1(message(), "iopub", SESSION.pack))


def test_hand_built_frames_match_the_serializer():
    parts = json_parts(message())
    assert raw_v1(b"shell", *parts) == serialize_msg_to_ws_v1(parts, "shell")


# Hostile v1 frames


@pytest.mark.parametrize(("frame", "reason"), HOSTILE_V1)
def test_hostile_v1_frames_are_rejected(frame, reason):
    with pytest.raises(MalformedFrame, match=reason):
        check_v1_frame(frame)


def test_v1_size_limit():
    check_v1_frame(VALID, max_size=len(VALID))
    with pytest.raises(MalformedFrame, match=f"frame of {len(VALID)} bytes exceeds the limit"):
        check_v1_frame(VALID, max_size=len(VALID) - 1)


def test_v1_default_size_limit():
    padding = MAX_FRAME_BYTES - len(v1_frame([b""]))
    at_limit = v1_frame([b"\x00" * padding])
    assert len(at_limit) == MAX_FRAME_BYTES
    check_v1_frame(at_limit)
    with pytest.raises(MalformedFrame, match="exceeds the limit of 1048576"):
        check_v1_frame(v1_frame([b"\x00" * (padding + 1)]))


def test_reasons_do_not_echo_the_frame():
    parts = json_parts(message())
    frames = [
        raw_v1(b"SECRET-channel", *parts),
        raw_v1(b"shell", b'{"msg_type": ["SECRET"]}', *REST),
        raw_v1(b"shell", b"SECRET not json", *REST),
    ]
    for frame in frames:
        with pytest.raises(MalformedFrame) as caught:
            check_v1_frame(frame)
        assert "SECRET" not in str(caught.value)


def test_malformed_frame_is_a_value_error():
    assert issubclass(MalformedFrame, ValueError)


# Legacy binary frames


@pytest.mark.parametrize("buffers", [(), (b"abc",), (b"abc", b"", b"\x00" * 10)])
def test_real_legacy_binary_frames_pass_and_round_trip(buffers):
    sent = message(channel="shell", buffers=list(buffers))
    frame = serialize_binary_message(sent)
    check_legacy_binary_frame(frame)
    received = deserialize_binary_message(frame)
    assert received["header"] == sent["header"]
    assert received["content"] == sent["content"]
    assert received["buffers"] == list(buffers)


@pytest.mark.parametrize(("frame", "reason"), HOSTILE_LEGACY)
def test_hostile_legacy_binary_frames_are_rejected(frame, reason):
    with pytest.raises(MalformedFrame, match=reason):
        check_legacy_binary_frame(frame)


BOUNDED_CASES = [
    *(pytest.param(p.values[0], V1_SUBPROTOCOL, id=f"v1-{p.id}") for p in HOSTILE_V1),
    *(pytest.param(p.values[0], None, id=f"legacy-{p.id}") for p in HOSTILE_LEGACY),
]


@pytest.mark.parametrize(("frame", "subprotocol"), BOUNDED_CASES)
def test_rejecting_a_hostile_frame_does_bounded_work(frame, subprotocol):
    # No clock: a hang fails the run, and memory shows the work. On REPORTED, upstream grows
    # a list without end; the checks copy at most a part or two of the frame.
    tracemalloc.start()
    try:
        for _ in range(3):
            with pytest.raises(MalformedFrame):
                check_frame(frame, subprotocol)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * len(frame) + 64 * 1024


def test_legacy_binary_size_limit():
    check_legacy_binary_frame(LEGACY, max_size=len(LEGACY))
    with pytest.raises(MalformedFrame, match="exceeds the limit"):
        check_legacy_binary_frame(LEGACY, max_size=len(LEGACY) - 1)


# Legacy text frames


def legacy_text(**extra) -> str:
    # As the browser sends it: JSON.stringify leaves non-ASCII characters unescaped.
    msg = message(**{"channel": "shell", **extra})
    return json.dumps(msg, default=json_default, ensure_ascii=False)


def test_legacy_text_passes():
    check_legacy_text_frame(legacy_text())
    # jupyter_server assumes "shell" when the channel is missing.
    check_legacy_text_frame(json.dumps({"header": {"msg_type": "comm_msg"}}))


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        pytest.param("not json", "message is not UTF-8 JSON", id="not-json"),
        pytest.param("[]", "message is not a JSON object", id="list"),
        pytest.param('{"channel": "shell"}', "message has no header", id="no-header"),
        pytest.param('{"header": "x"}', "header is not a JSON object", id="header-string"),
        pytest.param('{"header": {"msg_id": "1"}}', "no string msg_type", id="no-msg_type"),
        pytest.param('{"header": {"msg_type": null}}', "no string msg_type", id="msg_type-null"),
        pytest.param(legacy_text(channel="nope"), "unknown channel", id="unknown-channel"),
        pytest.param("[" * 100_000, "message is not UTF-8 JSON", id="deeply-nested"),
    ],
)
def test_hostile_legacy_text_frames_are_rejected(text, reason):
    with pytest.raises(MalformedFrame, match=reason):
        check_legacy_text_frame(text)


def test_legacy_text_size_limit_counts_utf8_bytes():
    text = legacy_text(metadata={"note": "é" * 10})
    size = len(text.encode("utf-8"))
    assert size == len(text) + 10
    check_legacy_text_frame(text, max_size=size)
    with pytest.raises(MalformedFrame, match=f"frame of {size} bytes exceeds the limit"):
        check_legacy_text_frame(text, max_size=size - 1)
    with pytest.raises(MalformedFrame, match="exceeds the limit of 1048576"):
        check_legacy_text_frame(" " * MAX_FRAME_BYTES + "{}")


# Dispatch


def test_check_frame_dispatches_on_subprotocol_and_type():
    check_frame(VALID, V1_SUBPROTOCOL)
    check_frame(legacy_text(), None)
    check_frame(legacy_text(), "")
    check_frame(LEGACY, None)
    with pytest.raises(MalformedFrame, match="text frame under the v1 subprotocol"):
        check_frame(legacy_text(), V1_SUBPROTOCOL)
    # Read as legacy, a v1 frame's first four bytes are a part count of 6 << 24.
    with pytest.raises(MalformedFrame, match="part count 100663296 "):
        check_frame(VALID, None)
    with pytest.raises(MalformedFrame, match="offset count"):
        check_frame(LEGACY, V1_SUBPROTOCOL)
    with pytest.raises(MalformedFrame, match="neither text nor binary"):
        check_frame(42, None)  # type: ignore[arg-type]
    with pytest.raises(MalformedFrame, match="exceeds the limit of 10"):
        check_frame(VALID, V1_SUBPROTOCOL, max_size=10)


# The connection class


class _Kernel(Configurable):
    """Stands in for the kernel manager that the server makes the connection's parent."""

    kernel_id = Unicode("kernel-1234")


LOG = logging.getLogger("test_frames.connection")


def connection(subprotocol=V1_SUBPROTOCOL, open_=True, config=None) -> ValidatedConnection:
    handler = mock.create_autospec(KernelWebsocketHandler, instance=True)
    handler.selected_subprotocol = subprotocol
    channels = {name: mock.Mock(name=name) for name in CHANNELS} if open_ else {}
    return ValidatedConnection(
        parent=_Kernel(), websocket_handler=handler, log=LOG, channels=channels, config=config
    )


@pytest.fixture
def upstream():
    """jupyter_server's handle_incoming_message, replaced by a recording mock."""
    with mock.patch.object(
        ZMQChannelsWebsocketConnection, "handle_incoming_message", autospec=True
    ) as patched:
        yield patched


def warnings_logged(caplog) -> list[str]:
    return [
        r.getMessage() for r in caplog.records if r.name == LOG.name and r.levelname == "WARNING"
    ]


def test_stand_ins_are_what_the_server_passes():
    conn = connection()
    assert isinstance(conn, BaseKernelWebsocketConnection)
    assert conn.subprotocol == V1_SUBPROTOCOL
    assert conn.kernel_id == "kernel-1234"
    assert conn.max_frame_bytes == MAX_FRAME_BYTES


@pytest.mark.parametrize(
    ("subprotocol", "frame", "reason"),
    [
        (V1_SUBPROTOCOL, REPORTED, "offset count 4611686018427387904"),
        (V1_SUBPROTOCOL, '{"header": {"msg_type": "comm_msg"}}', "text frame under the v1"),
        (None, "not json", "message is not UTF-8 JSON"),
        (None, struct.pack("!i", -1) + LEGACY[4:], "part count -1 "),
    ],
    ids=["reported-v1", "text-under-v1", "legacy-text", "legacy-binary"],
)
def test_malformed_frame_closes_this_websocket_only(caplog, upstream, subprotocol, frame, reason):
    conn = connection(subprotocol)
    caplog.set_level(logging.WARNING, logger=LOG.name)
    conn.handle_incoming_message(frame)

    upstream.assert_not_called()
    conn.websocket_handler.close.assert_called_once_with(code=1007, reason="malformed frame")
    conn.websocket_handler.write_message.assert_not_called()
    for stream in conn.channels.values():
        assert stream.mock_calls == []
    (line,) = warnings_logged(caplog)
    assert "kernel-1234" in line and reason in line
    assert "\n" not in line and "not json" not in line


@pytest.mark.parametrize(
    ("subprotocol", "frame"),
    [(V1_SUBPROTOCOL, VALID), (None, legacy_text()), (None, LEGACY), ("", legacy_text())],
    ids=["v1", "legacy-text", "legacy-binary", "empty-subprotocol"],
)
def test_valid_frame_is_passed_on(caplog, upstream, subprotocol, frame):
    conn = connection(subprotocol)
    caplog.set_level(logging.DEBUG, logger=LOG.name)
    conn.handle_incoming_message(frame)

    upstream.assert_called_once_with(conn, frame)
    conn.websocket_handler.close.assert_not_called()
    assert warnings_logged(caplog) == []


def test_closed_connection_is_left_to_upstream(upstream):
    conn = connection(open_=False)
    conn.handle_incoming_message(REPORTED)
    upstream.assert_called_once_with(conn, REPORTED)
    conn.websocket_handler.close.assert_not_called()


def test_upstream_ignores_any_frame_once_closed():
    # What the delegation above relies on: a closed connection never decodes the frame.
    conn = connection(open_=False)
    with mock.patch(
        "jupyter_server.services.kernels.connection.channels.deserialize_msg_from_ws_v1"
    ) as decode:
        conn.handle_incoming_message(REPORTED)
    decode.assert_not_called()
    conn.websocket_handler.close.assert_not_called()


def test_size_limit_is_configurable(caplog, upstream):
    config = Config()
    config.ValidatedConnection.max_frame_bytes = 100
    conn = connection(config=config)
    assert conn.max_frame_bytes == 100
    assert len(VALID) > 100
    caplog.set_level(logging.WARNING, logger=LOG.name)
    conn.handle_incoming_message(VALID)

    upstream.assert_not_called()
    conn.websocket_handler.close.assert_called_once_with(code=1007, reason="malformed frame")
    (line,) = warnings_logged(caplog)
    assert "exceeds the limit of 100" in line


def test_voila_accepts_the_class_by_name():
    from voila.app import Voila

    config = Config()
    config.Voila.kernel_websocket_connection_class = "app.frames.ValidatedConnection"
    assert Voila(config=config).kernel_websocket_connection_class is ValidatedConnection
