"""LanguageTool management: obtain it, start one local server, reuse it, stop it.

askcraft runs LanguageTool as a local HTTP server bound to 127.0.0.1 and shares it
between calls in a process and between CLI invocations (its pid and port are kept in
a small record in the user runtime folder). Nothing here prints: progress goes to a
callback and to the ``askcraft.languagetool`` logger.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from askcraft._errors import CheckerUnavailableError
from askcraft._grammar import watchdog
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
)
from askcraft._grammar.java import find_java
from askcraft._grammar.obtain import find_installation, install
from askcraft._grammar.record import load_record, read_record, remove_record, touch, write_record

# --------------------------------------------------------------------------- server process

#: Scripts run by path with ``python -I`` (plain stdlib, so they do not import askcraft).
_LAUNCHER = Path(__file__).with_name("launch.py")
_WATCHDOG = Path(__file__).with_name("watchdog.py")


#: Whether a pid runs and is not a zombie (a killed server nobody reaped is dead).
pid_alive = watchdog.alive


def is_languagetool(pid: int) -> bool:
    """Return whether *pid* looks like a LanguageTool server (guards against pid reuse)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return pid_alive(pid)  # no /proc (macOS): trust the port check that follows
    return MAIN_CLASS.encode() in cmdline


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def healthy(url: str, timeout: float = 5.0) -> bool:
    """Return whether a LanguageTool server answers its health check at *url*."""
    try:
        with urllib.request.urlopen(f"{url}/v2/healthcheck", timeout=timeout) as response:  # noqa: S310
            return bool(response.status == 200)
    except (OSError, ValueError, http.client.HTTPException):
        return False


def server_version(url: str, timeout: float = 30.0) -> str | None:
    """Return the LanguageTool version a server reports (by checking a tiny text)."""
    data = urllib.parse.urlencode({"language": "en-US", "text": "Hello."}).encode()
    try:
        with urllib.request.urlopen(f"{url}/v2/check", data=data, timeout=timeout) as response:  # noqa: S310
            payload = json.loads(response.read().decode("utf-8"))
    except (OSError, ValueError, http.client.HTTPException):
        return None
    version = payload.get("software", {}).get("version")
    return str(version) if version else None


def _warm_up(url: str, timeout: float) -> None:
    # The first check loads the English rules and dictionaries (seconds); pay it here,
    # not in the user's first check.
    text = "This is a short warm-up message; I hope you are doing well and that it's fine."
    data = urllib.parse.urlencode({"language": "en-US", "text": text}).encode()
    with urllib.request.urlopen(f"{url}/v2/check", data=data, timeout=timeout) as response:  # noqa: S310
        response.read()


def recorded_server() -> Server | None:
    """Return the recorded server if it is alive and healthy; clean up a stale record."""
    server = load_record()
    if server is None:
        return None
    assert server.pid is not None
    if not (pid_alive(server.pid) and is_languagetool(server.pid)):
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
        stale = read_record()
        if stale is not None and stale.get("pid") and pid_alive(int(stale["pid"])):
            # Alive but not answering: a hung server. Stop it before starting another.
            terminate(int(stale["pid"]))
            remove_record()
        return _launch(installation, java, idle_minutes, progress)


def _launch(
    installation: Installation, java: str, idle_minutes: float | None, progress: Progress | None
) -> Server:
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
    record = record_path()
    spec = {
        "cmd": cmd,
        "log": str(log),
        "record": str(record),
        "idle_seconds": idle * 60.0,
        "watchdog": str(_WATCHDOG),
    }
    say(progress, f"Starting LanguageTool {installation.version} on {url}")
    started = time.monotonic()
    # A short-lived launcher starts java (and the idle watchdog) in their own sessions, so
    # the server outlives this process and is never our zombie or our ResourceWarning.
    result = subprocess.run(  # noqa: S603  (our interpreter and a fixed script)
        [sys.executable, "-I", str(_LAUNCHER), json.dumps(spec)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    if result.returncode != 0 or not result.stdout.strip().isdigit():
        raise CheckerUnavailableError(
            f"Could not launch java for LanguageTool: {result.stderr.strip()[-500:]}"
        )
    pid = int(result.stdout.strip())
    server = Server(
        url=url,
        pid=pid,
        port=port,
        version=installation.version,
        idle_minutes=idle,
        started_at=time.time(),
        log=str(log),
    )
    # Record at once, so `stop` and the watchdog know the process while it starts.
    write_record(server, ready=False)
    timeout = float_env(ENV_START_TIMEOUT, DEFAULT_START_TIMEOUT)
    try:
        _wait_healthy(server, timeout, log)
        try:
            _warm_up(url, timeout)
        except (OSError, http.client.HTTPException) as exc:
            raise CheckerUnavailableError(
                f"LanguageTool started but failed its first check ({type(exc).__name__}: {exc}). "
                f"Last lines of its log ({log}):\n{_tail(log)}"
            ) from exc
    except BaseException:
        terminate(pid)
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


def terminate(pid: int, grace: float = 10.0) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        if not pid_alive(pid):
            return
        time.sleep(0.1)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.kill(pid, signal.SIGKILL)


def stop_server() -> Server | None:
    """Stop the recorded local server; return it, or None when none was running."""
    server = load_record()
    if server is None:
        return None
    assert server.pid is not None
    remove_record(server.pid)
    if pid_alive(server.pid) and is_languagetool(server.pid):
        terminate(server.pid)
    _forget()
    return server


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
        if not url.startswith(("http://", "https://")):
            raise CheckerUnavailableError(
                f"{ENV_URL}={url!r} is not an http(s) URL, e.g. http://localhost:8010."
            )
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
            if pid_alive(dead.pid) and is_languagetool(dead.pid):
                terminate(dead.pid)
            remove_record(dead.pid)
        say(progress, "LanguageTool stopped answering; starting it again")
        _current = start_server(progress=progress)
        return _current
