"""The record of the shared local server (pid, port, URL) in the user runtime folder, kept between runs."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
from typing import Any

from askcraft._grammar.config import Server, record_path


def read_record() -> dict[str, Any] | None:
    try:
        data = json.loads(record_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _server_from_record(data: dict[str, Any]) -> Server:
    return Server(
        url=str(data["url"]),
        pid=int(data["pid"]),
        port=int(data["port"]),
        version=data.get("version"),
        idle_minutes=float(data.get("idle_minutes", 0.0)),
        started_at=float(data.get("started_at", 0.0)),
        log=data.get("log"),
    )


def load_record() -> Server | None:
    """Return the server the record names (alive or not); drop an unreadable record."""
    data = read_record()
    if data is None:
        return None
    try:
        return _server_from_record(data)
    except (KeyError, TypeError, ValueError):
        remove_record()
        return None


def remove_record(pid: int | None = None) -> None:
    path = record_path()
    data = read_record()
    if data is None or pid is None or data.get("pid") == pid:
        with contextlib.suppress(OSError):
            path.unlink()


def write_record(server: Server, *, ready: bool) -> None:
    record = record_path()
    tmp = record.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps({**dataclasses.asdict(server), "ready": ready}), encoding="utf-8")
    tmp.replace(record)


def touch() -> None:
    """Mark the shared server as used now, so the idle watchdog keeps it running."""
    with contextlib.suppress(OSError):
        os.utime(record_path())
