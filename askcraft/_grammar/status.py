"""What ``askcraft languagetool status`` reports: the install, the server in use, its memory."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from askcraft._grammar.config import (
    VERSION,
    configured_url,
    home,
    switched_off,
)
from askcraft._grammar.obtain import find_installation
from askcraft._grammar.server import healthy, recorded_server, server_version

# --------------------------------------------------------------------------- server process


def server_memory_bytes(pid: int) -> int | None:
    """Return the resident memory of *pid*, when the platform says (Linux /proc)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(r"^VmRSS:\s+(\d+)\s+kB", status, re.MULTILINE)
    return int(match.group(1)) * 1024 if match else None


def status() -> dict[str, Any]:
    """Describe the install and the server askcraft would use, as plain data."""
    installation = find_installation()
    info: dict[str, Any] = {
        "version": VERSION,
        "switched_off": switched_off(),
        "home": str(home()),
        "installed": installation is not None,
        "install_path": str(installation.path) if installation else None,
        "install_route": installation.route if installation else None,
        "install_languages": list(installation.languages) if installation else None,
        "url": None,
        "running": False,
        "managed": True,
        "pid": None,
        "port": None,
        "memory_bytes": None,
        "idle_minutes": None,
        "log": None,
        "server_version": None,
    }
    url = configured_url()
    if url is not None:
        info.update(url=url, managed=False, running=healthy(url))
        if info["running"]:
            info["server_version"] = server_version(url)
        return info
    server = recorded_server()
    if server is not None:
        assert server.pid is not None
        info.update(
            url=server.url,
            running=True,
            pid=server.pid,
            port=server.port,
            memory_bytes=server_memory_bytes(server.pid),
            idle_minutes=server.idle_minutes,
            log=server.log,
            server_version=server.version,
        )
    return info
