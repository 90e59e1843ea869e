"""Run the web app: on 127.0.0.1 only, on a free port, behind a per-run token, and open the browser."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
import webbrowser
from collections.abc import Callable

import uvicorn

import askcraft
from askcraft._web.app import create_app
from askcraft._web.security import Secrets

#: Loopback only: the page is for the person at this computer, never for the network.
HOST = "127.0.0.1"
#: Requests handled at once; a person at one browser sends a few.
MAX_CONCURRENT = 32


def bind(port: int = 0) -> socket.socket:
    """Return a socket bound to 127.0.0.1 on *port* (0: a free one); OSError when it is taken."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind((HOST, port))
        sock.listen(128)  # a browser that is quicker than the server's start-up waits in the queue
    except OSError:
        sock.close()
        raise
    return sock


def _warm_up() -> None:
    """Start LanguageTool (and load the checks) before the first draft asks for them."""
    with contextlib.suppress(Exception):  # a missing Java is reported by the first draft, in the page
        askcraft.check("Could you tell me how you got started?", kind="request")


def _open_when_started(server: uvicorn.Server, url: str, opener: Callable[[str], object]) -> None:
    for _ in range(200):
        if server.started:
            opener(url)
            return
        if server.should_exit:
            return
        time.sleep(0.05)


def serve(
    *,
    port: int = 0,
    open_browser: bool = True,
    echo: Callable[[str], None] = print,
    opener: Callable[[str], object] = webbrowser.open,
) -> None:
    """Serve the page until interrupted; print its URL (with the token) first."""
    sock = bind(port)
    actual = sock.getsockname()[1]
    keys = Secrets.new(actual)
    url = f"http://{HOST}:{actual}/?token={keys.token}"
    config = uvicorn.Config(
        create_app(keys),
        log_level="warning",
        access_log=False,  # the first request's URL carries the token: never log it
        server_header=False,
        ws="none",
        lifespan="off",
        limit_concurrency=MAX_CONCURRENT,
        timeout_graceful_shutdown=2,
    )
    server = uvicorn.Server(config)
    echo(f"askcraft is serving the page on this computer only, at:\n\n    {url}\n")
    echo("Keep that link to yourself: it is the key to your drafts. Press Ctrl+C to stop.")
    threading.Thread(target=_warm_up, name="askcraft-warm-up", daemon=True).start()
    if open_browser:
        threading.Thread(
            target=_open_when_started, args=(server, url, opener), name="askcraft-browser", daemon=True
        ).start()
    server.run(sockets=[sock])
