"""The scripted visitor of the browser tests leaves no socket behind.

A websocket that tornado has not finished closing when ``asyncio.run`` returns is left to
the garbage collector, and the ResourceWarning then fails whichever test runs next (this
failed CI once, in two unrelated tests). Checked here against a small websocket server.
"""

from __future__ import annotations

import asyncio
import gc
import socket
import threading
import time
import warnings

import pytest
import tornado.web
import tornado.websocket
from tornado.ioloop import IOLoop

from tools import visitor


class Busy(tornado.websocket.WebSocketHandler):
    """A server busy for a moment after each message, as a reader's kernel may be: the
    client's close frame waits to be answered."""

    def on_message(self, message):
        time.sleep(0.3)  # blocks this server's event loop, on purpose


@pytest.fixture
def websocket_server():
    """A websocket server on its own thread, at ``ws://127.0.0.1:<port>/api/kernels/k/channels``."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    started = threading.Event()
    loops = []

    def serve():
        async def main():
            server = tornado.web.Application([(r"/api/kernels/k/channels", Busy)]).listen(
                port, address="127.0.0.1"
            )
            loops.append((IOLoop.current(), asyncio.Event()))
            started.set()
            await loops[0][1].wait()
            server.stop()

        asyncio.run(main())

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    assert started.wait(10)
    yield f"http://127.0.0.1:{port}/"
    loop, stop = loops[0]
    loop.add_callback(stop.set)
    thread.join(10)


async def _start_an_ioloop():
    IOLoop.current()


def unclosed_sockets_after(coroutine) -> list[str]:
    """Run ``coroutine`` as the browser tests do, collect garbage, and return any
    ResourceWarning about a socket."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        visitor.in_thread(coroutine)  # as the browser tests run their visitors
        # Tornado forgets a closed loop (and the sockets it watched) only when the next
        # IOLoop starts: start one, as the next test would, then collect.
        visitor.in_thread(_start_an_ioloop())
        gc.collect()
    return [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)]


def test_leaving_the_block_closes_the_socket(websocket_server):
    async def open_and_leave():
        async with visitor.channels(websocket_server, "k") as ws:
            await ws.write_message("{}")
        return ws

    assert unclosed_sockets_after(open_and_leave()) == []


def test_the_check_sees_a_socket_left_open(websocket_server):
    """The check above can fail: closing as tornado does, without waiting, is caught."""

    async def close_without_waiting():
        ws = await tornado.websocket.websocket_connect(
            websocket_server.replace("http", "ws") + "api/kernels/k/channels"
        )
        await ws.write_message("{}")
        ws.close()

    assert unclosed_sockets_after(close_without_waiting()) != []


def test_a_socket_closed_by_hand_inside_the_block_is_still_released(websocket_server):
    async def close_inside():
        async with visitor.channels(websocket_server, "k") as ws:
            ws.close()  # tornado drops its protocol here, before the stream has closed
        await asyncio.wait_for(visitor.close(ws), timeout=1)  # a second close returns at once

    assert unclosed_sockets_after(close_inside()) == []
