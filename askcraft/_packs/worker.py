"""The render worker: a child process that renders untrusted pack templates, and nothing else.

Started by ``askcraft._packs.isolation`` as ``python -I -B -c BOOT``. It limits its own address
space (so a runaway template gets a MemoryError, not the machine's memory), may not fork or
write files, reads no files (it asks its parent for each template's source, which the pack's
own loader reads), and exits when its parent closes the pipe. Messages are framed by a 4-byte
length: ``render`` requests and ``source`` replies come in as pickles from the parent (a
context holds the functions templates call); ``ready``, ``source`` requests and
``done``/``error`` replies go out as JSON.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import pickle
import signal
import struct
import sys
from collections import OrderedDict
from collections.abc import Callable
from typing import IO, Any

import jinja2

#: How much address space the worker may use beyond what it has when it starts.
MEMORY_MB = 256
#: Environments kept (one per pack version), each with its compiled templates.
_CACHED_PACKS = 8
_HEADER = struct.Struct(">I")


def write_frame(stream: IO[bytes], message: dict[str, Any], *, to_worker: bool = False) -> None:
    """Write one framed message: JSON from the worker, a pickle to it (the context holds functions).

    Only the parent's messages are unpickled, by the worker: what the worker sends back, which a
    template could have shaped, is plain JSON that the parent reads with care.
    """
    if to_worker:
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    else:
        data = json.dumps(message, separators=(",", ":")).encode("utf-8")
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _read_request(stream: IO[bytes]) -> dict[str, Any] | None:
    """Read one framed message from the parent; None at the end of the stream."""
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return None
    (size,) = _HEADER.unpack(header)
    data = stream.read(size)
    if len(data) < size:
        return None
    message = pickle.loads(data)  # noqa: S301  (from the parent process, which started us)
    return message if isinstance(message, dict) else None


class _AskingLoader(jinja2.BaseLoader):
    """Get each template's source from the parent process."""

    def __init__(self, ask: Callable[[str], dict[str, Any]]) -> None:
        self.ask = ask

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        from askcraft._errors import PackError  # noqa: PLC0415

        reply = self.ask(template)
        if isinstance(reply.get("source"), str):
            return reply["source"], template, lambda: True
        error = reply.get("error")
        if isinstance(error, dict):
            raise PackError(str(error.get("message")), pack=error.get("pack"), file=error.get("file"))
        raise jinja2.TemplateNotFound(template)


def _limit_resources() -> None:
    import resource  # noqa: PLC0415  (POSIX only; the parent does not isolate elsewhere)

    try:
        with open("/proc/self/statm", encoding="ascii") as statm:  # noqa: PTH123
            used = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        used = 512 << 20
    limit = used + (MEMORY_MB << 20)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write to a file fails instead of killing us
    for which, wanted in (
        (resource.RLIMIT_AS, limit),
        (resource.RLIMIT_CORE, 0),
        (resource.RLIMIT_FSIZE, 0),
        (resource.RLIMIT_NPROC, 0),
    ):
        with contextlib.suppress(ValueError, OSError):
            hard = resource.getrlimit(which)[1]
            value = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
            resource.setrlimit(which, (value, value))


def _serve(requests: IO[bytes], replies: IO[bytes]) -> None:
    from askcraft._errors import AskcraftError  # noqa: PLC0415  (imported before the limits apply)
    from askcraft._packs.budget import Limits  # noqa: PLC0415
    from askcraft._packs.render import OutOfMemoryError, render_here  # noqa: PLC0415
    from askcraft._packs.sandbox import make_environment  # noqa: PLC0415

    _limit_resources()

    def ask(name: str) -> dict[str, Any]:
        write_frame(replies, {"op": "source", "name": name})
        return _read_request(requests) or {}

    environments: OrderedDict[str, jinja2.Environment] = OrderedDict()
    write_frame(replies, {"op": "ready"})
    while (request := _read_request(requests)) is not None:
        key = json.dumps(request["pack"])
        environment = environments.pop(key, None) or make_environment(_AskingLoader(ask))
        environments[key] = environment
        while len(environments) > _CACHED_PACKS:
            environments.popitem(last=False)
        Limits(**request["limits"]).apply()
        name = str(request["pack"][1])
        # Should the parent die mid-render, nobody would kill a render stuck past its budget.
        signal.alarm(math.ceil(float(request["stop_after"])) + 1)
        try:
            blocks = render_here(environment, request["template"], request["context"], pack=name)
        except Exception as exc:  # every failure goes back to the parent
            write_frame(
                replies,
                {
                    "op": "error",
                    "kind": "memory" if isinstance(exc, OutOfMemoryError) else type(exc).__name__,
                    "message": str(exc) if isinstance(exc, AskcraftError) else f"{type(exc).__name__}: {exc}",
                    "pack": getattr(exc, "pack", None),
                    "file": getattr(exc, "file", None),
                    "line": getattr(exc, "line", None),
                    "package": getattr(exc, "package", None),
                },
            )
            if isinstance(exc, OutOfMemoryError):
                return  # start afresh rather than render on in a process that ran out
            signal.alarm(0)
            continue
        write_frame(replies, {"op": "done", "blocks": blocks})
        signal.alarm(0)


def main() -> None:
    """Serve render requests on stdin/stdout until the parent closes the pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    requests, replies = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write into the reply pipe
    with contextlib.suppress(BrokenPipeError, MemoryError):
        _serve(requests, replies)
