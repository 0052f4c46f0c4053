"""What a visitor with a script can do: raw HTTP requests and a reader kernel's websocket."""

from __future__ import annotations

import asyncio
import contextlib
import http.client
import json
import re
import urllib.parse
import uuid
from concurrent.futures import ThreadPoolExecutor

from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect

V1 = "v1.kernel.websocket.jupyter.org"


def in_thread(coroutine):
    """Run ``coroutine`` on an event loop of its own, in another thread, and return its
    result (in a test run, Playwright's sync API owns the main thread's loop)."""
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, coroutine).result()


def raw_get(
    app_url: str,
    path: str,
    method: str = "GET",
    body: bytes | None = None,
    source: str | None = None,
    timeout: float = 30,
):
    """Send ``path`` exactly as written; return (status, body text, headers).

    ``source`` binds the client to another loopback address (127.0.0.2...), so the site
    sees a different client.
    """
    parsed = urllib.parse.urlsplit(app_url)
    connection = http.client.HTTPConnection(
        parsed.hostname,
        parsed.port,
        timeout=timeout,
        source_address=(source, 0) if source else None,
    )
    try:
        connection.request(method, path, body=body, headers={"Content-Type": "application/json"})
        response = connection.getresponse()
        payload = response.read().decode("utf-8", "replace")
    finally:
        connection.close()  # also on a timeout: no socket left for the garbage collector
    return response.status, payload, dict(response.getheaders())


def reader_kernel(app_url: str, chapter: str = "03_park_survey") -> str:
    """Open a chapter as a reader would and return the id of the kernel it was given."""
    status, body, _ = raw_get(app_url, f"/voila/render/{chapter}.ipynb")
    assert status == 200, status
    return re.search(r'"kernelId": "([0-9a-f-]{36})"', body).group(1)


@contextlib.asynccontextmanager
async def channels(app_url: str, kernel: str, subprotocol: str | None = None):
    """The kernel's websocket, as the page opens it (legacy JSON protocol by default),
    closed on leaving the block."""
    url = app_url.replace("http://", "ws://") + f"api/kernels/{kernel}/channels"
    request = HTTPRequest(f"{url}?session_id={uuid.uuid4().hex}")
    socket = await websocket_connect(request, subprotocols=[subprotocol] if subprotocol else None)
    try:
        yield socket
    finally:
        await close(socket)


async def close(socket, seconds: float = 5) -> None:
    """Close ``socket`` and wait for its TCP stream to go.

    Tornado's ``close()`` only sends the close frame; it tears the stream down when the
    server answers, or on a timer of the event loop. A loop that ends first (``asyncio.run``
    returning) would leave the socket to the garbage collector, a ResourceWarning in
    whichever test happens to run then.
    """
    stream = socket.stream  # the TCP stream, kept by the connection after the handshake
    socket.close()
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(seconds):
            while not stream.closed():
                await asyncio.sleep(0.02)
    stream.close()  # the server did not answer in time: tear it down ourselves


def message(msg_type: str, content: dict, channel: str = "shell") -> dict:
    return {
        "header": {
            "msg_id": uuid.uuid4().hex,
            "msg_type": msg_type,
            "username": "visitor",
            "session": uuid.uuid4().hex,
            "version": "5.3",
            "date": "",
        },
        "parent_header": {},
        "metadata": {},
        "content": content,
        "channel": channel,
        "buffers": [],
    }


async def replies(socket, parent: dict, seconds: float = 4) -> list[dict]:
    """Messages the kernel sends in answer to ``parent`` within ``seconds``."""
    found = []
    try:
        while True:
            text = await asyncio.wait_for(socket.read_message(), timeout=seconds)
            if text is None:
                break
            reply = json.loads(text) if isinstance(text, str) else {}
            if reply.get("parent_header", {}).get("msg_id") == parent["header"]["msg_id"]:
                found.append(reply)
    except TimeoutError:
        pass
    return found


async def ask(socket, msg: dict, seconds: float = 4) -> list[dict]:
    await socket.write_message(json.dumps(msg))
    return await replies(socket, msg, seconds)


async def widget_comms(socket) -> dict[str, dict]:
    """Every widget of the kernel: comm id -> its state, as the page would fetch it."""
    info = await ask(socket, message("comm_info_request", {"target_name": "jupyter.widget"}))
    comms = next(r for r in info if r["header"]["msg_type"] == "comm_info_reply")
    states = {}
    for comm_id in comms["content"]["comms"]:
        answer = await ask(
            socket,
            message("comm_msg", {"comm_id": comm_id, "data": {"method": "request_state"}}),
            seconds=2,
        )
        for reply in answer:
            data = reply["content"].get("data", {})
            if data.get("method") == "update":
                states[comm_id] = data["state"]
    return states


def update(comm_id: str, state: dict) -> dict:
    """A widget update as the page sends it when a reader changes a control."""
    return message(
        "comm_msg",
        {"comm_id": comm_id, "data": {"method": "update", "state": state, "buffer_paths": []}},
    )
