"""Stop an implicitly started LanguageTool server after it has been idle for a while.

Run by path (``python -I watchdog.py SPEC``) next to the server. "Idle" is the
time since the server's record file was last touched (every check touches it). The
watchdog exits quietly when the server dies or when the record no longer names this
server (``askcraft languagetool stop`` or a restart took over). Standard library only.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import stat
import sys
import time
from pathlib import Path
from typing import Any

#: How long a freshly launched server may go without a record (it is written just after).
_RECORD_GRACE_SECONDS = 60.0
#: A record is a few hundred bytes.
_MAX_RECORD_BYTES = 64 * 1024


def alive(pid: int) -> bool:
    """Return whether *pid* runs and is not a zombie."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def load(record: Path, pid: int) -> tuple[dict[str, Any], float] | None:
    """Return the record and when it was last touched, if it is a regular file that still names *pid*.

    Opened without following a link and without blocking: a FIFO or a folder put in the
    record's place is not a record, and must not stop the watchdog in its tracks.
    """
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(record, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_RECORD_BYTES:
            return None
        data = json.loads(os.read(fd, _MAX_RECORD_BYTES))
    except (OSError, ValueError, RecursionError):
        return None
    finally:
        os.close(fd)
    if not isinstance(data, dict) or data.get("pid") != pid:
        return None
    return data, info.st_mtime


def stop(pid: int) -> None:
    """Ask the server to stop, then insist."""
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    for _ in range(60):
        time.sleep(0.25)
        if not alive(pid):
            return
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


def _remove(record: Path, files: list[str]) -> None:
    for path in [record, *map(Path, files)]:
        with contextlib.suppress(OSError):
            path.unlink()


def watch(pid: int, record: Path, idle_seconds: float, files: list[str] | None = None) -> None:
    """Poll until the server dies, is taken over, or stays idle longer than *idle_seconds*.

    When it stops the server (or finds it dead), it removes the record and the server's *files*.
    """
    born = time.time()
    interval = min(15.0, max(1.0, idle_seconds / 4))
    while True:
        time.sleep(interval)
        found = load(record, pid)
        if found is None:
            if time.time() - born < _RECORD_GRACE_SECONDS and alive(pid):
                continue
            return
        data, touched = found
        if not alive(pid):
            _remove(record, files or [])
            return
        if not data.get("ready"):
            continue  # still starting: the idle clock starts once it is warm
        if time.time() - touched > idle_seconds:
            _remove(record, [])
            stop(pid)
            _remove(record, files or [])
            return


def main(argv: list[str]) -> int:
    """Watch the server described by the JSON spec in *argv*."""
    spec = json.loads(argv[1])
    watch(int(spec["pid"]), Path(spec["record"]), float(spec["idle_seconds"]), list(spec.get("files", [])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
