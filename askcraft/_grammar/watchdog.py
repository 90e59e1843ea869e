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
import sys
import time
from pathlib import Path
from typing import Any

#: How long a freshly launched server may go without a record (it is written just after).
_RECORD_GRACE_SECONDS = 60.0


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


def load(record: Path, pid: int) -> dict[str, Any] | None:
    """Return the record if it still names *pid*."""
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("pid") == pid else None


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


def watch(pid: int, record: Path, idle_seconds: float) -> None:
    """Poll until the server dies, is taken over, or stays idle longer than *idle_seconds*."""
    born = time.time()
    interval = min(15.0, max(1.0, idle_seconds / 4))
    while True:
        time.sleep(interval)
        data = load(record, pid)
        if data is None:
            if time.time() - born < _RECORD_GRACE_SECONDS and alive(pid):
                continue
            return
        if not alive(pid):
            record.unlink(missing_ok=True)
            return
        if not data.get("ready"):
            continue  # still starting: the idle clock starts once it is warm
        try:
            idle_for = time.time() - record.stat().st_mtime
        except OSError:
            return
        if idle_for > idle_seconds:
            record.unlink(missing_ok=True)
            stop(pid)
            return


def main(argv: list[str]) -> int:
    """Watch the server described by the JSON spec in *argv*."""
    spec = json.loads(argv[1])
    watch(int(spec["pid"]), Path(spec["record"]), float(spec["idle_seconds"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
