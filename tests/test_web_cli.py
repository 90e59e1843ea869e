"""``askcraft serve`` on the command line: the missing extra, the flags, a taken port, opening the browser."""

from __future__ import annotations

import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from browserkit import serving
from click.testing import CliRunner

from askcraft._cli import main
from askcraft._cli.app import cli
from askcraft._cli.serve import INSTALL_HINT
from askcraft._web import server

REPO = Path(__file__).resolve().parent.parent

WITHOUT = """\
import sys
sys.modules[{module!r}] = None  # as if it were not installed
from askcraft._cli import main
sys.exit(main(["serve", "--no-browser"]))
"""


@pytest.mark.parametrize("module", ["starlette", "uvicorn"])
def test_without_the_web_extra_serve_says_what_to_install(module: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", WITHOUT.format(module=module)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr == f"error: {INSTALL_HINT}\n"  # exactly one line
    assert "pip install 'askcraft[web]'" in proc.stderr
    assert proc.stdout == ""


def test_serve_is_a_command_with_its_flags() -> None:
    runner = CliRunner()
    assert "serve" in runner.invoke(cli, ["--help"]).output
    text = runner.invoke(cli, ["serve", "--help"]).output
    assert "--port" in text
    assert "--no-browser" in text
    assert "127.0.0.1" in text


def test_a_taken_port_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--no-browser", "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert f"cannot listen on 127.0.0.1:{port}" in err
    assert "leave out --port" in err


def test_the_server_binds_to_loopback_only() -> None:
    sock = server.bind(0)
    try:
        host, port = sock.getsockname()
        assert host == "127.0.0.1"
        assert port > 0
    finally:
        sock.close()


def test_python_m_askcraft_serve_prints_a_link_that_opens_the_page() -> None:
    """The printed URL works once (cookie), and the page behind it without the token is refused."""
    with serving() as url:
        assert url.startswith("http://127.0.0.1:")
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        with opener.open(url, timeout=30) as page:  # follows the redirects, keeping the cookie
            assert page.status == 200
            assert page.url.endswith("/draft")
            assert "server" not in {k.lower() for k in page.headers}  # uvicorn does not announce itself
            assert page.headers["content-security-policy"].startswith("default-src 'none'")
            assert b"Draft a message" in page.read()
        bare = url.split("?")[0] + "draft"
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(bare, timeout=30)  # noqa: S310 (a loopback URL the test made)
        assert refused.value.code == 403
        refused.value.close()


class _FakeServer:
    def __init__(self) -> None:
        self.started = False
        self.should_exit = False


def test_the_browser_opens_once_the_server_is_up() -> None:
    fake = _FakeServer()
    opened: list[str] = []

    def opener(url: str) -> Any:
        assert fake.started, "opened before the server could answer"
        opened.append(url)

    fake.started = True
    server._open_when_started(fake, "http://127.0.0.1:1/?token=t", opener)  # type: ignore[arg-type]
    assert opened == ["http://127.0.0.1:1/?token=t"]
    stopped = _FakeServer()
    stopped.should_exit = True
    server._open_when_started(stopped, "http://x", opener)  # type: ignore[arg-type]
    assert opened == ["http://127.0.0.1:1/?token=t"]
