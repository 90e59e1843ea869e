"""Stopping askcraft's servers: only processes verified to be ours, orphans too, and their files.

``terminate`` signals a pid that ``askcraft._grammar.processes`` has verified; servers that no
readable record names (the record was truncated, removed, or replaced) are found in the
process table; and the per-port settings and log files a server leaves in the runtime folder
go with it (and are swept when no server uses them any more).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from askcraft._grammar import watchdog
from askcraft._grammar.config import logger, runtime_dir
from askcraft._grammar.processes import ServerProcess, server_processes

#: Whether a pid runs and is not a zombie (a killed server nobody reaped is dead).
pid_alive = watchdog.alive
#: A settings or log file younger than this may belong to a server that is starting right now.
_SWEEP_AFTER_SECONDS = 60.0
_LAUNCHER = Path(__file__).with_name("launch.py")
_WATCHDOG = Path(__file__).with_name("watchdog.py")


def terminate(process: ServerProcess, grace: float = 10.0) -> None:
    """Ask a verified server to stop, then insist; remove its files."""
    pid = process.pid
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline and pid_alive(pid):
        time.sleep(0.1)
    if pid_alive(pid):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)
    remove_port_files(process.port)


def port_files(port: int) -> list[Path]:
    """Return the settings and log files of the server on *port*."""
    run = runtime_dir()
    return [run / f"languagetool-{port}.properties", run / f"languagetool-{port}.log"]


def remove_port_files(port: int) -> None:
    """Remove the settings and log files of a stopped server."""
    for path in port_files(port):
        with contextlib.suppress(OSError):
            path.unlink()


def sweep_port_files() -> list[Path]:
    """Remove settings and log files in the runtime folder that no running server uses; return them."""
    run = runtime_dir()
    in_use = {
        process.port
        for process in server_processes()
        if Path(process.config).parent.resolve() == run.resolve()
    }
    removed = []
    for path in [*run.glob("languagetool-*.properties"), *run.glob("languagetool-*.log")]:
        port = path.stem.removeprefix("languagetool-")
        if not port.isdigit() or int(port) in in_use:
            continue
        try:
            if time.time() - path.lstat().st_mtime < _SWEEP_AFTER_SECONDS:
                continue
            path.unlink()
        except OSError:
            continue
        removed.append(path)
    if removed:
        logger.info("Removed %d leftover LanguageTool files from %s", len(removed), run)
    return removed


def launch(spec: dict[str, object]) -> subprocess.CompletedProcess[str]:
    """Run the launcher script: it starts java (or, given a pid, only the idle watchdog) detached."""
    return subprocess.run(  # noqa: S603  (our interpreter and a fixed script)
        [sys.executable, "-I", str(_LAUNCHER), json.dumps({**spec, "watchdog": str(_WATCHDOG)})],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
