"""LanguageTool management: obtain it, start one local server, reuse it, stop it.

askcraft runs LanguageTool as a local HTTP server bound to 127.0.0.1 and shares it
between calls in a process and between CLI invocations (its pid and port are kept in
a small record in the user runtime folder). Nothing here prints: progress goes to a
callback and to the ``askcraft.languagetool`` logger.
"""

from __future__ import annotations

import dataclasses
import json
import os
import socket
import threading
import time
from pathlib import Path
from typing import Any

from askcraft._errors import CheckerUnavailableError
from askcraft._grammar.config import (
    DEFAULT_START_TIMEOUT,
    ENV_AUTO_INSTALL,
    ENV_START_TIMEOUT,
    ENV_SWITCH,
    ENV_URL,
    FIX_HINT,
    MAIN_CLASS,
    SERVER_PROPERTIES,
    VERSION,
    Installation,
    Progress,
    Server,
    configured_url,
    file_lock,
    float_env,
    idle_minutes_default,
    install_dir,
    java_opts,
    logger,
    record_path,
    runtime_dir,
    say,
    switched_off,
    timeouts,
)
from askcraft._grammar.http import ServerFailedError, request
from askcraft._grammar.java import find_java
from askcraft._grammar.obtain import find_installation, install
from askcraft._grammar.processes import our_server, our_servers
from askcraft._grammar.record import check_record_path, load_record, remove_record, touch, write_record
from askcraft._grammar.stop import (
    launch,
    pid_alive,
    port_files,
    remove_port_files,
    sweep_port_files,
    terminate,
)

# --------------------------------------------------------------------------- server process


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def healthy(url: str, timeout: float = 5.0) -> bool:
    """Return whether a LanguageTool server answers its health check at *url* within *timeout*."""
    try:
        answer = request(url, "/v2/healthcheck", limits=timeouts().at_most(timeout))
    except (ServerFailedError, CheckerUnavailableError):
        return False
    return answer.status == 200


def server_version(url: str, timeout: float = 30.0) -> str | None:
    """Return the LanguageTool version a server reports (by checking a tiny text)."""
    try:
        answer = request(
            url, "/v2/check", {"language": "en-US", "text": "Hello."}, limits=timeouts().at_most(timeout)
        )
        payload = json.loads(answer.body)
    except (ServerFailedError, CheckerUnavailableError, ValueError, RecursionError):
        return None
    software = payload.get("software") if isinstance(payload, dict) else None
    version = software.get("version") if isinstance(software, dict) else None
    return version if isinstance(version, str) and version else None


def _warm_up(url: str, timeout: float) -> None:
    # The first check loads the English rules and dictionaries (seconds); pay it here,
    # not in the user's first check.
    text = "This is a short warm-up message; I hope you are doing well and that it's fine."
    limits = timeouts()
    limits = dataclasses.replace(limits, total=timeout, read=timeout)
    answer = request(url, "/v2/check", {"language": "en-US", "text": text}, limits=limits)
    if answer.status != 200:
        raise ServerFailedError(f"HTTP {answer.status}")


def recorded_server() -> Server | None:
    """Return the recorded server if it is ours, alive and healthy; clean up a stale record."""
    server = load_record()
    if not isinstance(server, Server):
        return None
    assert server.pid is not None
    if our_server(server.pid, server.port) is None:
        logger.info("Removing the stale record of LanguageTool server pid %s (not running)", server.pid)
        remove_record(server.pid)
        return None
    if not healthy(server.url):
        logger.info("Recorded LanguageTool server pid %s does not answer at %s", server.pid, server.url)
        return None
    return server


def start_server(
    *,
    idle_minutes: float | None = None,
    progress: Progress | None = None,
    auto_install: bool | None = None,
) -> Server:
    """Start a local server (or reuse the recorded one) and return it once it is warm.

    *idle_minutes* > 0 stops the server after that long without checks (an implicitly
    started server); 0 keeps it running until ``stop_server()``.
    """
    installation = find_installation()
    if installation is None:
        if auto_install is None:
            auto_install = os.environ.get(ENV_AUTO_INSTALL, "1").strip().lower() not in {
                "0",
                "off",
                "false",
                "no",
            }
        if not auto_install:
            raise CheckerUnavailableError(
                f"LanguageTool {VERSION} is not installed (looked in {install_dir()}). {FIX_HINT}"
            )
        say(progress, f"LanguageTool {VERSION} is not installed yet; installing it once into {install_dir()}")
        installation = install(progress=progress)
    java, _ = find_java()
    record_lock = record_path().with_suffix(".lock")
    with file_lock(record_lock):
        existing = recorded_server()
        if existing is not None:
            return existing
        stale = load_record()
        if isinstance(stale, Server) and stale.pid is not None:
            hung = our_server(stale.pid, stale.port)
            if hung is not None:  # ours, alive, not answering: stop it before starting another
                terminate(hung)
        remove_record()
        adopted = _adopt_orphans(installation.version, idle_minutes)
        if adopted is not None:
            return adopted
        sweep_port_files()
        return _launch(installation, java, idle_minutes, progress)


def _adopt_orphans(version: str, idle_minutes: float | None) -> Server | None:
    """Take over a server of ours that no readable record names (keep one that answers, stop the rest)."""
    adopted: Server | None = None
    for process in our_servers():
        if adopted is None and healthy(process.url):
            adopted = Server(
                url=process.url,
                pid=process.pid,
                port=process.port,
                version=version,
                idle_minutes=idle_minutes_default() if idle_minutes is None else idle_minutes,
                started_at=time.time(),
                log=str(port_files(process.port)[1]),
            )
            write_record(adopted, ready=True)
            if adopted.idle_minutes > 0:  # its old watchdog lost the record and left: start another
                launch(_watch_spec(adopted, {"pid": process.pid}))
            logger.info("LanguageTool pid %s on %s had no record; using it", process.pid, process.url)
        else:
            logger.info("Stopping LanguageTool pid %s on %s: no record names it", process.pid, process.url)
            terminate(process)
    return adopted


def _watch_spec(server: Server, extra: dict[str, Any]) -> dict[str, Any]:
    assert server.port is not None
    return {
        **extra,
        "record": str(record_path()),
        "idle_seconds": server.idle_minutes * 60.0,
        "files": [str(path) for path in port_files(server.port)],
    }


def _launch(
    installation: Installation, java: str, idle_minutes: float | None, progress: Progress | None
) -> Server:
    check_record_path()
    idle = idle_minutes_default() if idle_minutes is None else idle_minutes
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    run = runtime_dir()
    config = run / f"languagetool-{port}.properties"
    config.write_text("".join(f"{k}={v}\n" for k, v in SERVER_PROPERTIES.items()), encoding="utf-8")
    log = run / f"languagetool-{port}.log"
    log.write_bytes(b"")
    cmd = [
        java,
        *java_opts(),
        "-cp",
        installation.classpath,
        MAIN_CLASS,
        "--port",
        str(port),
        "--config",
        str(config),
    ]
    say(progress, f"Starting LanguageTool {installation.version} on {url}")
    started = time.monotonic()
    planned = Server(url=url, port=port, version=installation.version, idle_minutes=idle, log=str(log))
    # A short-lived launcher starts java (and the idle watchdog) in their own sessions, so the
    # server outlives this process and is never our zombie or our ResourceWarning.
    result = launch(_watch_spec(planned, {"cmd": cmd, "log": str(log)}))
    if result.returncode != 0 or not result.stdout.strip().isdigit():
        raise CheckerUnavailableError(
            f"Could not launch java for LanguageTool: {result.stderr.strip()[-500:]}"
        )
    pid = int(result.stdout.strip())
    server = dataclasses.replace(planned, pid=pid, started_at=time.time())
    timeout = float_env(ENV_START_TIMEOUT, DEFAULT_START_TIMEOUT)
    try:
        # Record at once, so `stop` and the watchdog know the process while it starts; if the
        # record cannot be written, the process is stopped, never left without one.
        write_record(server, ready=False)
        _wait_healthy(server, timeout, log)
        try:
            _warm_up(url, timeout)
        except ServerFailedError as exc:
            raise CheckerUnavailableError(
                f"LanguageTool started but failed its first check ({exc}). "
                f"Last lines of its log ({log}):\n{_tail(log)}"
            ) from exc
    except BaseException:
        started_process = our_server(pid, port)
        if started_process is not None:
            terminate(started_process)
        else:
            remove_port_files(port)
        remove_record(pid)
        raise
    write_record(server, ready=True)
    say(progress, f"LanguageTool is ready on {url} (pid {pid}, {time.monotonic() - started:.1f} s)")
    touch()
    return server


def _wait_healthy(server: Server, timeout: float, log: Path) -> None:
    assert server.pid is not None
    deadline = time.monotonic() + timeout
    delay = 0.1
    while time.monotonic() < deadline:
        if healthy(server.url, timeout=2.0):
            return
        if not pid_alive(server.pid):
            raise CheckerUnavailableError(
                f"LanguageTool exited while starting. Last lines of its log ({log}):\n{_tail(log)}"
            )
        time.sleep(delay)
        delay = min(delay * 1.5, 0.5)
    raise CheckerUnavailableError(
        f"LanguageTool did not answer {server.url}/v2/healthcheck within {timeout:.0f} s "
        f"(raise {ENV_START_TIMEOUT}). Last lines of its log ({log}):\n{_tail(log)}"
    )


def _tail(log: Path, lines: int = 8) -> str:
    try:
        text = log.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "(no log)"
    interesting = [
        ln for ln in text.splitlines() if ln.strip() and "WARNING: this process is running as root" not in ln
    ]
    return "\n".join(interesting[-lines:]) or "(empty log)"


def stop_server() -> Server | None:
    """Stop askcraft's local server (and any of its servers no record names); return the one stopped."""
    with file_lock(record_path().with_suffix(".lock")):
        recorded = load_record()
        stopped: Server | None = None
        if isinstance(recorded, Server) and recorded.pid is not None:
            process = our_server(recorded.pid, recorded.port)
            if process is not None:
                terminate(process)
                stopped = recorded
        remove_record()
        for process in our_servers():  # servers a truncated or replaced record lost track of
            terminate(process)
            stopped = stopped or Server(url=process.url, pid=process.pid, port=process.port)
        _forget()
    return stopped


# --------------------------------------------------------------------------- in-process reuse

_lock = threading.Lock()
_current: Server | None = None
_last_touch = 0.0


def _forget() -> None:
    global _current  # noqa: PLW0603  (the process-wide shared server)
    _current = None


def ensure_server(*, progress: Progress | None = None, auto_install: bool | None = None) -> Server:
    """Return a server to check with: the configured URL, this process's, the recorded one, or a new one.

    Raises CheckerUnavailableError (with what to do next) when none can be had.
    """
    global _current, _last_touch  # noqa: PLW0603  (the process-wide shared server)
    if switched_off():
        raise CheckerUnavailableError(
            f"LanguageTool is switched off ({ENV_SWITCH}=off); grammar was not checked."
        )
    url = configured_url()
    if url is not None:
        return Server(url=url, managed=False)
    with _lock:
        now = time.monotonic()
        current = _current
        if current is not None and current.pid is not None and pid_alive(current.pid):
            if now - _last_touch > 30.0:
                touch()
                _last_touch = now
            return current
        _current = start_server(progress=progress, auto_install=auto_install)
        _last_touch = now
        return _current


def restart_server(dead: Server, *, progress: Progress | None = None) -> Server:
    """Replace a server that stopped answering with a fresh one (once per failure)."""
    global _current  # noqa: PLW0603  (the process-wide shared server)
    if not dead.managed:
        raise CheckerUnavailableError(
            f"The LanguageTool server at {dead.url} ({ENV_URL}) is not answering. "
            f"Start it, or unset {ENV_URL}."
        )
    with _lock:
        if _current is not None and _current != dead and _current.pid is not None and pid_alive(_current.pid):
            return _current  # another thread already restarted it
        if dead.pid is not None:
            process = our_server(dead.pid, dead.port)
            if process is not None:
                terminate(process)
            remove_record(dead.pid)
        say(progress, "LanguageTool stopped answering; starting it again")
        _current = start_server(progress=progress)
        return _current
