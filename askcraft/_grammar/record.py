"""The record of the shared local server (pid, port, URL) in the user runtime folder, kept between runs.

The record is read with care: only a regular file is read (a FIFO would block, a folder or a
link is not ours), at most 64 KB of it, and only a complete record naming a loopback URL
(``http://127.0.0.1:PORT``) on its own port counts. Anything else is *unreadable*: askcraft
then looks for its servers in the process table instead of trusting or ignoring it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import stat
from pathlib import Path
from typing import Any, Literal

from askcraft._errors import CheckerUnavailableError
from askcraft._grammar.config import Server, record_path

#: A record is a few hundred bytes; more than this is not one.
MAX_RECORD_BYTES = 64 * 1024
Unreadable = Literal["unreadable"]
UNREADABLE: Unreadable = "unreadable"


def read_regular(path: Path, limit: int = MAX_RECORD_BYTES) -> bytes | Unreadable | None:
    """Return the bytes of the regular file at *path*, None when there is none, or UNREADABLE.

    Opened without following a link and without blocking (a FIFO), checked to be a regular
    file before a byte is read.
    """
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return None
    except OSError:
        return UNREADABLE
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return UNREADABLE
        data = os.read(fd, limit + 1)
    except OSError:
        return UNREADABLE
    finally:
        os.close(fd)
    return data if len(data) <= limit else UNREADABLE


def read_record() -> dict[str, Any] | Unreadable | None:
    """Return the record's data, None when there is no record, or UNREADABLE."""
    data = read_regular(record_path())
    if data is None or data == UNREADABLE:
        return data
    try:
        parsed = json.loads(data)
    except (ValueError, RecursionError):
        return UNREADABLE
    return parsed if isinstance(parsed, dict) else UNREADABLE


def _server_from_record(data: dict[str, Any]) -> Server:
    pid, port, url = data["pid"], data["port"], data["url"]
    if not (isinstance(pid, int) and isinstance(port, int) and pid > 1 and 0 < port < 65536):
        raise ValueError("pid and port must be numbers")
    if url != f"http://127.0.0.1:{port}":
        raise ValueError("a recorded server is on 127.0.0.1, at its own port")
    log = data.get("log")
    return Server(
        url=url,
        pid=pid,
        port=port,
        version=str(data["version"]) if data.get("version") is not None else None,
        idle_minutes=float(data.get("idle_minutes", 0.0)),
        started_at=float(data.get("started_at", 0.0)),
        log=log if isinstance(log, str) else None,
    )


def load_record() -> Server | Unreadable | None:
    """Return the server the record names (alive or not), None without a record, or UNREADABLE."""
    data = read_record()
    if data is None or data == UNREADABLE:
        return data
    try:
        return _server_from_record(data)
    except (KeyError, TypeError, ValueError, OverflowError):
        return UNREADABLE


def recorded_pid() -> int | None:
    """Return the pid a readable record names, if any."""
    server = load_record()
    return server.pid if isinstance(server, Server) else None


def remove_record(pid: int | None = None) -> None:
    """Remove the record (only if it still names *pid*, when given); a folder in its place stays."""
    if pid is not None and recorded_pid() not in (pid, None):
        return
    with contextlib.suppress(OSError):
        record_path().unlink()


def check_record_path() -> None:
    """Refuse to start a server whose record could not be written (a folder in its place)."""
    path = record_path()
    with contextlib.suppress(OSError):
        if stat.S_ISDIR(path.lstat().st_mode):
            raise CheckerUnavailableError(
                f"{path} is a folder, so askcraft cannot keep its LanguageTool server record there. "
                "Remove it, then try again."
            )


def write_record(server: Server, *, ready: bool) -> None:
    """Write the record atomically: a new file renamed over the old (a link or FIFO there is replaced)."""
    record = record_path()
    tmp = record.with_name(f".{record.name}.{os.getpid()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    try:
        fd = os.open(tmp, flags, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({**dataclasses.asdict(server), "ready": ready}, handle)
        tmp.replace(record)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        message = f"Could not write the LanguageTool server record {record}: {exc}"
        raise CheckerUnavailableError(message) from exc


def touch() -> None:
    """Mark the shared server as used now, so the idle watchdog keeps it running."""
    with contextlib.suppress(OSError, NotImplementedError):
        os.utime(record_path(), follow_symlinks=False)
