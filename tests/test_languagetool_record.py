"""The server record cannot be used against askcraft: truncated, a folder, a FIFO, a decoy pid, a far URL.

The "servers" here are small Python processes whose command line reads like askcraft's
LanguageTool server (main class, classpath under the install home, settings in the runtime
folder) and, when asked to, answer the health check; every one is killed after its test.
Calls that could hang run in a thread with a bound.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import askcraft
import askcraft._grammar.config as lt_config
import askcraft._grammar.server as lt_server
import askcraft._grammar.watchdog as lt_watchdog
from askcraft._errors import CheckerUnavailableError

BOUND = 30.0
SERVE = """
import http.server, sys
class Healthy(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"OK")
    def log_message(self, *args):
        pass
port = int(sys.argv[sys.argv.index("--port") + 1])
if sys.argv[1] == "healthy":
    http.server.HTTPServer(("127.0.0.1", port), Healthy).serve_forever()
else:
    import time; time.sleep(120)
"""


@pytest.fixture
def lt_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """A private install home and runtime folder; no URL configured; this process has no server."""
    monkeypatch.setenv("ASKCRAFT_LANGUAGETOOL_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ASKCRAFT_LANGUAGETOOL_RUNTIME_DIR", str(tmp_path / "run"))
    monkeypatch.delenv("ASKCRAFT_LANGUAGETOOL_URL", raising=False)
    monkeypatch.delenv("ASKCRAFT_LANGUAGETOOL", raising=False)
    monkeypatch.setattr(lt_server, "_current", None)
    (tmp_path / "home").mkdir()
    yield tmp_path
    lt_server._current = None


@pytest.fixture
def servers(lt_home: Path) -> Iterator[Callable[..., subprocess.Popen[bytes]]]:
    """Start processes that look like LanguageTool servers; kill them all after the test."""
    started: list[subprocess.Popen[bytes]] = []

    def start(
        *, healthy: bool = False, ours: bool = True, port: int | None = None
    ) -> subprocess.Popen[bytes]:
        port = port or _free_port()
        home = lt_config.install_dir() if ours else lt_home / "another-install"
        run = lt_config.runtime_dir()
        config = run / f"languagetool-{port}.properties"
        config.write_text("cacheSize=0\n")
        (run / f"languagetool-{port}.log").write_text("log\n")
        argv = [sys.executable, "-c", SERVE, "healthy" if healthy else "silent", lt_config.MAIN_CLASS]
        argv += ["-cp", f"{home}/lib/*", "--port", str(port), "--config", str(config)]
        process = subprocess.Popen(argv)
        started.append(process)
        if healthy:
            _wait_until(lambda: lt_server.healthy(f"http://127.0.0.1:{port}", timeout=1.0))
        else:
            _wait_until(
                lambda: lt_config.MAIN_CLASS.encode() in Path(f"/proc/{process.pid}/cmdline").read_bytes()
            )
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until(condition: Callable[[], bool], seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError("the fake server did not come up")


def _port(process: subprocess.Popen[bytes]) -> int:
    args = process.args
    assert isinstance(args, list)
    return int(args[args.index("--port") + 1])


def _record(process: subprocess.Popen[bytes], **changes: Any) -> dict[str, Any]:
    port = _port(process)
    data = {"url": f"http://127.0.0.1:{port}", "pid": process.pid, "port": port, "ready": True, **changes}
    lt_config.record_path().write_text(json.dumps(data))
    return data


def bounded(call: Callable[[], Any]) -> Any:
    """Run *call* in a thread; fail if it is still running after BOUND seconds."""
    result: list[Any] = []
    errors: list[BaseException] = []
    thread = threading.Thread(target=lambda: _capture(call, result, errors), daemon=True)
    thread.start()
    thread.join(BOUND)
    if thread.is_alive():
        pytest.fail(f"still waiting after {BOUND:g} s")
    if errors:
        raise errors[0]
    return result[0]


def _capture(call: Callable[[], Any], result: list[Any], errors: list[BaseException]) -> None:
    try:
        result.append(call())
    except BaseException as exc:
        errors.append(exc)


@pytest.fixture
def no_launch(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record (instead of running) every attempt to launch a new server."""
    launched: list[str] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        launched.append("launch")
        raise CheckerUnavailableError("a new server was launched")

    monkeypatch.setattr(lt_server, "_launch", refuse)
    monkeypatch.setattr(lt_server, "find_installation", _installation)
    monkeypatch.setattr(lt_server, "find_java", lambda: ("java", 17))
    return launched


def _installation() -> lt_config.Installation:
    path = lt_config.install_dir()
    return lt_config.Installation(
        path=path, version=lt_config.VERSION, route="maven", classpath=f"{path}/lib/*"
    )


def _alive(process: subprocess.Popen[bytes]) -> bool:
    return process.poll() is None


# --------------------------------------------------------------------------- a truncated record


def test_a_truncated_record_adopts_the_running_server_instead_of_starting_another(
    servers: Callable[..., subprocess.Popen[bytes]], no_launch: list[str]
) -> None:
    """The server a cut-off record lost is found, answers, and is used: no second server, no orphan."""
    orphan = servers(healthy=True)
    lt_config.record_path().write_text('{"url": "http://127.0.0.1:', encoding="utf-8")
    server = bounded(lambda: lt_server.start_server(idle_minutes=0))
    assert server.pid == orphan.pid
    assert no_launch == []
    assert json.loads(lt_config.record_path().read_text())["pid"] == orphan.pid


def test_a_truncated_record_stops_a_server_that_does_not_answer(
    servers: Callable[..., subprocess.Popen[bytes]], no_launch: list[str]
) -> None:
    """An unrecorded server of ours that does not answer is stopped before a new one starts."""
    orphan = servers(healthy=False)
    lt_config.record_path().write_text("{", encoding="utf-8")
    with pytest.raises(CheckerUnavailableError, match="a new server was launched"):
        bounded(lambda: lt_server.start_server(idle_minutes=0))
    assert orphan.wait(timeout=20) is not None


def test_stop_finds_servers_an_unreadable_record_lost(
    servers: Callable[..., subprocess.Popen[bytes]],
) -> None:
    """`languagetool stop` stops askcraft's servers even when the record is garbage."""
    orphan = servers(healthy=True)
    lt_config.record_path().write_text("not json", encoding="utf-8")
    stopped = bounded(lt_server.stop_server)
    assert stopped is not None
    assert stopped.pid == orphan.pid
    assert orphan.wait(timeout=20) is not None


# --------------------------------------------------------------------------- a folder or a FIFO in its place


def test_a_folder_in_place_of_the_record_starts_no_server(
    lt_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Java is never launched when its record could not be written (it would be left running)."""
    launched: list[object] = []
    monkeypatch.setattr(lt_server, "launch", launched.append)
    lt_config.record_path().mkdir(parents=True)
    with pytest.raises(CheckerUnavailableError, match="is a folder"):
        lt_server._launch(_installation(), "java", 0, None)
    assert launched == []


def test_a_record_that_cannot_be_written_stops_the_server_just_launched(
    servers: Callable[..., subprocess.Popen[bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """If writing the record fails after java started, that java process is stopped."""
    started: list[subprocess.Popen[bytes]] = []

    def fake_launch(spec: dict[str, Any]) -> subprocess.CompletedProcess[str]:
        port = int(spec["cmd"][spec["cmd"].index("--port") + 1])
        process = servers(port=port)
        started.append(process)
        return subprocess.CompletedProcess([], 0, f"{process.pid}\n", "")

    def cannot_write(*args: Any, **kwargs: Any) -> None:
        raise CheckerUnavailableError("disk full")

    monkeypatch.setattr(lt_server, "launch", fake_launch)
    monkeypatch.setattr(lt_server, "write_record", cannot_write)
    with pytest.raises(CheckerUnavailableError, match="disk full"):
        lt_server._launch(_installation(), "java", 0, None)
    assert started[0].wait(timeout=20) is not None


def test_a_fifo_record_hangs_nothing(
    lt_home: Path, servers: Callable[..., subprocess.Popen[bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A FIFO where the record should be is unreadable: status, stop and the watchdog all return."""
    monkeypatch.setattr(lt_watchdog, "_RECORD_GRACE_SECONDS", 0.0)
    fifo = lt_config.record_path()
    fifo.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(fifo)
    assert bounded(lt_server.recorded_server) is None
    assert bounded(lambda: askcraft.check("Hi Sam.", grammar=False)) is not None
    process = servers()
    assert bounded(lambda: lt_watchdog.watch(process.pid, fifo, idle_seconds=1.0)) is None
    assert _alive(process)  # an unreadable record is not an order to stop
    bounded(lt_server.stop_server)
    assert not fifo.exists()


def test_a_fifo_lock_file_is_refused_not_waited_on(lt_home: Path) -> None:
    """The start-up lock refuses a FIFO in its place instead of blocking on it."""
    lock = lt_config.record_path().with_suffix(".lock")
    lock.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(lock)

    def take() -> None:
        with lt_config.file_lock(lock):
            pass

    with pytest.raises(CheckerUnavailableError, match="not a regular file"):
        bounded(take)


# --------------------------------------------------------------------------- whom askcraft signals


@pytest.mark.parametrize("decoy", ["plain process", "another install's server"])
def test_stop_never_signals_a_process_that_is_not_askcrafts_server(
    servers: Callable[..., subprocess.Popen[bytes]], decoy: str
) -> None:
    """A record naming someone else's process: stop removes the record and leaves the process alone."""
    if decoy == "plain process":
        process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
        port = _free_port()
        lt_config.record_path().parent.mkdir(parents=True, exist_ok=True)
        lt_config.record_path().write_text(
            json.dumps({"url": f"http://127.0.0.1:{port}", "pid": process.pid, "port": port})
        )
    else:
        process = servers(healthy=True, ours=False)
        _record(process)
    try:
        bounded(lt_server.stop_server)
        time.sleep(0.5)
        assert _alive(process)
        assert not lt_config.record_path().exists()
    finally:
        process.kill()
        process.wait()


def test_a_start_never_signals_the_decoy_a_stale_record_names(lt_home: Path, no_launch: list[str]) -> None:
    """The 'stop the hung server first' step of a start only stops a verified server of ours."""
    decoy = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        port = _free_port()
        lt_config.record_path().parent.mkdir(parents=True, exist_ok=True)
        lt_config.record_path().write_text(
            json.dumps({"url": f"http://127.0.0.1:{port}", "pid": decoy.pid, "port": port})
        )
        with pytest.raises(CheckerUnavailableError, match="a new server was launched"):
            bounded(lambda: lt_server.start_server(idle_minutes=0))
        time.sleep(0.5)
        assert _alive(decoy)
    finally:
        decoy.send_signal(signal.SIGKILL)
        decoy.wait()


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.2:{port}", "http://localhost:{port}", "https://127.0.0.1:{port}", "http://evil.example"],
)
def test_only_a_loopback_url_on_its_own_port_is_taken_from_the_record(
    servers: Callable[..., subprocess.Popen[bytes]], url: str
) -> None:
    """A record pointing anywhere but http://127.0.0.1:PORT is not used (text would go there)."""
    process = servers(healthy=True)
    _record(process, url=url.format(port=_port(process)))
    assert bounded(lt_server.recorded_server) is None


# --------------------------------------------------------------------------- files left behind


def test_stop_removes_the_servers_settings_and_log(servers: Callable[..., subprocess.Popen[bytes]]) -> None:
    """After `languagetool stop`, the runtime folder holds no per-port files of that server."""
    process = servers(healthy=True)
    _record(process)
    port = _port(process)
    bounded(lt_server.stop_server)
    assert process.wait(timeout=20) is not None
    assert not list(lt_config.runtime_dir().glob(f"languagetool-{port}.*"))


def test_a_start_sweeps_files_of_servers_that_are_gone(
    servers: Callable[..., subprocess.Popen[bytes]], no_launch: list[str]
) -> None:
    """Per-port files of servers no longer running are removed; a running server's are kept."""
    run = lt_config.runtime_dir()
    stale = [run / "languagetool-1234.properties", run / "languagetool-1234.log"]
    for path in stale:
        path.write_text("old\n")
        os.utime(path, (time.time() - 3600, time.time() - 3600))
    live = servers(healthy=False, ours=False)  # another install's server, same runtime folder
    live_files = list(run.glob(f"languagetool-{_port(live)}.*"))
    for path in live_files:
        os.utime(path, (time.time() - 3600, time.time() - 3600))
    with pytest.raises(CheckerUnavailableError, match="a new server was launched"):
        bounded(lambda: lt_server.start_server(idle_minutes=0))
    assert not any(path.exists() for path in stale)
    assert live_files
    assert all(path.exists() for path in live_files)
