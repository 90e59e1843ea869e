"""Which processes are askcraft's own LanguageTool servers, read from the process table.

A pid from the server record is only a claim: the record may be stale (the pid reused), or
written by someone else. Before askcraft signals a process, it checks that the process runs
as this user and is LanguageTool's server started from this install (its classpath) with
its settings in this runtime folder; when the record is unreadable, the same test finds
askcraft's servers in the process table.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
from pathlib import Path

from askcraft._grammar.config import MAIN_CLASS, home, runtime_dir


@dataclasses.dataclass(frozen=True)
class ServerProcess:
    """A running LanguageTool server process: its pid, port, classpath and settings file."""

    pid: int
    port: int
    classpath: str
    config: str

    @property
    def url(self) -> str:
        """Return the URL the server answers on (askcraft binds it to 127.0.0.1)."""
        return f"http://127.0.0.1:{self.port}"


def _argv(pid: int) -> list[str] | None:
    """Return the command line of *pid* when it runs as this user."""
    if not Path("/proc/self").exists():
        return _argv_from_ps(pid)
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    uid = next((line.split()[1] for line in status.splitlines() if line.startswith("Uid:")), None)
    if uid != str(os.getuid()):
        return None
    return [arg.decode("utf-8", "replace") for arg in raw.split(b"\0") if arg]


def _argv_from_ps(pid: int) -> list[str] | None:
    # No /proc (macOS): ps prints the command as one line; paths with spaces do not survive.
    try:
        result = subprocess.run(  # noqa: S603  (ps with a number)
            ["ps", "-ww", "-o", "uid=", "-o", "command=", "-p", str(int(pid))],  # noqa: S607
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    fields = result.stdout.split()
    if result.returncode != 0 or not fields or fields[0] != str(os.getuid()):
        return None
    return fields[1:]


def _after(argv: list[str], flag: str) -> str | None:
    try:
        return argv[argv.index(flag) + 1]
    except (ValueError, IndexError):
        return None


def server_process(pid: int) -> ServerProcess | None:
    """Return *pid* as a LanguageTool server of this user, or None when it is not one."""
    argv = _argv(pid)
    if not argv or MAIN_CLASS not in argv:
        return None
    port, classpath, config = _after(argv, "--port"), _after(argv, "-cp"), _after(argv, "--config")
    if not (port and port.isdigit() and classpath and config):
        return None
    return ServerProcess(pid=pid, port=int(port), classpath=classpath, config=config)


def _inside(path: str, folder: Path) -> bool:
    try:
        return Path(path.split(os.pathsep, maxsplit=1)[0]).resolve().is_relative_to(folder.resolve())
    except (OSError, ValueError):
        return False


def is_ours(process: ServerProcess) -> bool:
    """Return whether *process* runs from this install home with its settings in this runtime folder."""
    return _inside(process.classpath, home()) and _inside(process.config, runtime_dir())


def our_server(pid: int, port: int | None = None) -> ServerProcess | None:
    """Return *pid* when it is one of askcraft's servers (on *port*, when given); None otherwise."""
    process = server_process(pid)
    if process is None or not is_ours(process) or (port is not None and process.port != port):
        return None
    return process


def server_processes() -> list[ServerProcess]:
    """Return every LanguageTool server this user runs (found through /proc; none without it)."""
    try:
        pids = [int(entry.name) for entry in Path("/proc").iterdir() if entry.name.isdigit()]
    except OSError:
        return []
    found = (server_process(pid) for pid in sorted(pids) if pid != os.getpid())
    return [process for process in found if process is not None]


def our_servers() -> list[ServerProcess]:
    """Return askcraft's own servers: this install home, this runtime folder."""
    return [process for process in server_processes() if is_ours(process)]
