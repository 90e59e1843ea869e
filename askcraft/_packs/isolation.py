"""Render a pack's template: the built-in pack here, every other pack in the render worker.

A pack is somebody else's code, so besides the budgets every render has, packs that are not
built in render in a worker process (``askcraft._packs.worker``) with a memory limit and a
hard timeout. ``ASKCRAFT_RENDER_ISOLATION`` chooses: ``auto`` (the default: packs that are
not built in), ``all``, or ``off``.

One worker serves the whole process: it starts on the first isolated render and is reused by
every later one, so a draft pays a pipe round trip, not a process start. Threads take turns.
A worker that overruns its time is killed and the next render starts a new one; the worker
exits by itself when this process closes the pipe (or dies), and at exit askcraft waits for it.
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import json
import os
import select
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

from askcraft._errors import AskcraftError, MissingDependencyError, PackError, RenderError
from askcraft._packs import budget
from askcraft._packs.render import check_written_text, render_here
from askcraft._packs.worker import MEMORY_MB, write_frame

if TYPE_CHECKING:
    from askcraft._packs.pack import Pack

#: How long past its own render time limit a worker may take before it is killed: compiling a
#: template does not count against the render's own limit, and a large one takes seconds.
GRACE_SECONDS = 10.0
#: How long a new worker may take to start (import Jinja and the sandbox).
START_SECONDS = 60.0
#: The most a worker may send back (a message is at most MAX_OUTPUT characters).
MAX_REPLY = 1 << 20
ENV_ISOLATION = "ASKCRAFT_RENDER_ISOLATION"
ISOLATION_MODES = ("auto", "all", "off")
_BOOT = (
    "import sys, json; sys.path[:0] = json.loads(sys.argv[1]); "
    "from askcraft._packs.worker import main; main()"
)


class _StoppedError(Exception):
    """The worker died, went silent past its deadline, or sent something that is not a reply."""


def available() -> bool:
    """Return whether renders can be isolated here (POSIX, with a Python to start)."""
    return os.name == "posix" and bool(sys.executable)


def isolation_mode() -> str:
    """Return how packs are isolated: ``auto``, ``all`` or ``off`` (``ASKCRAFT_RENDER_ISOLATION``)."""
    raw = os.environ.get(ENV_ISOLATION, "").strip().lower() or "auto"
    if raw not in ISOLATION_MODES:
        choices = ", ".join(ISOLATION_MODES)
        raise PackError(f"{ENV_ISOLATION}={raw!r} is not a setting askcraft knows; use one of: {choices}")
    return raw


def render_pack_template(pack: Pack, template: str, context: Mapping[str, Any]) -> dict[str, str | None]:
    """Render *template* of *pack* with *context* into its subject and body blocks.

    What a pack writes is checked for terminal escapes, controls and invisible direction marks
    (``check_written_text``) wherever it rendered.
    """
    mode = isolation_mode()
    if mode == "off" or (mode == "auto" and _ours(pack)) or not available():
        blocks = render_here(pack.environment, template, context, pack=pack.name)
    else:
        blocks = render_isolated(pack, template, context)
    check_written_text(blocks, context, pack=pack.name, template=template)
    return blocks


def _ours(pack: Pack) -> bool:
    """Return whether *pack* is askcraft's own built-in pack (however it was named: it is our files)."""
    from askcraft._packs.pack import builtin_root  # noqa: PLC0415

    return pack.source == "builtin" or pack.root.resolve() == builtin_root().resolve()


def _import_paths() -> list[str]:
    # The worker imports the very askcraft (and Jinja) this process imported.
    here = str(Path(__file__).resolve().parent.parent.parent)
    return [here, *(str(Path(p).resolve()) for p in sys.path if p and Path(p).is_dir())]


class _Worker:
    def __init__(self) -> None:
        self.owner = os.getpid()
        try:
            self.process = subprocess.Popen(  # noqa: S603  (our interpreter and our own module)
                [sys.executable, "-I", "-B", "-c", _BOOT, json.dumps(_import_paths())],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                close_fds=True,
            )
        except OSError as exc:
            raise _StoppedError(f"could not start the render process ({exc})") from None
        self.buffer = b""
        try:
            ready = self.receive(time.monotonic() + START_SECONDS).get("op") == "ready"
        except TimeoutError:
            ready = False
        if not ready:
            self.kill()
            raise _StoppedError(f"the render process did not start within {START_SECONDS:g} s")

    def usable(self) -> bool:
        return self.owner == os.getpid() and self.process.poll() is None

    def send(self, message: dict[str, Any]) -> None:
        assert self.process.stdin is not None
        try:
            write_frame(self.process.stdin, message, to_worker=True)
        except OSError as exc:  # a broken pipe: the worker is gone
            raise _StoppedError(f"could not reach the render process ({exc})") from None

    def _read(self, size: int, deadline: float) -> bytes:
        assert self.process.stdout is not None
        fd = self.process.stdout.fileno()
        while len(self.buffer) < size:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise TimeoutError
            chunk = os.read(fd, max(65536, size - len(self.buffer)))
            if not chunk:
                raise _StoppedError(self._ending())
            self.buffer += chunk
        data, self.buffer = self.buffer[:size], self.buffer[size:]
        return data

    def receive(self, deadline: float) -> dict[str, Any]:
        size = int.from_bytes(self._read(4, deadline), "big")
        if size > MAX_REPLY:
            raise _StoppedError(f"the render process sent {size:,} bytes, more than a reply may be")
        try:
            message = json.loads(self._read(size, deadline))
        except ValueError:
            raise _StoppedError("the render process sent something that is not a reply") from None
        if not isinstance(message, dict):
            raise _StoppedError("the render process sent something that is not a reply")
        return message

    def _ending(self) -> str:
        try:
            code = self.process.wait(timeout=2.0)
        except subprocess.TimeoutExpired:
            return "the render process stopped answering"
        how = f"signal {-code}" if code < 0 else f"exit code {code}"
        return f"the render process stopped unexpectedly ({how})"

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            self.process.kill()
        self.close()

    def close(self) -> None:
        for stream in (self.process.stdin, self.process.stdout):
            with contextlib.suppress(OSError):
                if stream is not None:
                    stream.close()
        try:
            self.process.wait(timeout=2.0)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


_lock = threading.Lock()
_worker: _Worker | None = None


def _current() -> _Worker:
    global _worker  # noqa: PLW0603  (the process's one worker)
    if _worker is not None and not _worker.usable():
        if _worker.owner == os.getpid():
            _worker.close()
        _worker = None  # a forked child never uses its parent's worker
    if _worker is None:
        _worker = _Worker()
    return _worker


def shutdown() -> None:
    """Stop the worker (at exit, or in tests); the next isolated render starts a new one."""
    global _worker  # noqa: PLW0603
    with _lock:
        if _worker is not None and _worker.owner == os.getpid():
            _worker.close()
        _worker = None


atexit.register(shutdown)


def _source(pack: Pack, name: Any) -> dict[str, Any]:
    """Read a template for the worker with the pack's own loader (the worker reads no files)."""
    try:
        source, _, _ = pack.loader.get_source(pack.environment, str(name))
    except jinja2.TemplateNotFound:
        return {"op": "source", "missing": True}
    except PackError as exc:
        return {"op": "source", "error": {"message": str(exc), "pack": exc.pack, "file": exc.file}}
    except (OSError, UnicodeError) as exc:
        message = f"pack '{pack.name}', {name}: cannot read it ({exc})"
        return {"op": "source", "error": {"message": message, "pack": pack.name, "file": str(name)}}
    return {"op": "source", "source": source}


def _exchange(pack: Pack, request: dict[str, Any], seconds: float) -> dict[str, Any]:
    global _worker  # noqa: PLW0603
    with _lock:
        try:
            worker = _current()
            deadline = time.monotonic() + seconds
            worker.send(request)
            while (reply := worker.receive(deadline)).get("op") == "source":
                worker.send(_source(pack, reply.get("name")))
            if reply.get("kind") == "memory":
                worker.close()  # it exits after running out; reap it
                _worker = None
            return reply
        except BaseException:
            if _worker is not None:
                _worker.kill()  # mid-conversation: it cannot be trusted to be in step any more
                _worker = None
            raise


def render_isolated(pack: Pack, template: str, context: Mapping[str, Any]) -> dict[str, str | None]:
    """Render *template* of *pack* in the worker; raise what rendering here would raise."""
    limits = budget.Limits.current()
    request = {
        "op": "render",
        "pack": [str(pack.root), pack.name, pack.content_hash],
        "template": template,
        "context": dict(context),
        "limits": dataclasses.asdict(limits),
        "stop_after": limits.seconds + GRACE_SECONDS,
    }
    seconds = limits.seconds + GRACE_SECONDS
    where = f"pack '{pack.name}', {template}"
    try:
        reply = _exchange(pack, request, seconds)
    except TimeoutError:
        raise RenderError(
            f"{where}: the template took longer than {seconds:g} s to render and was stopped",
            pack=pack.name,
            file=template,
        ) from None
    except _StoppedError as exc:
        raise RenderError(f"{where}: {exc}", pack=pack.name, file=template) from None
    return _result(reply, pack.name, template)


def _result(reply: dict[str, Any], pack: str, template: str) -> dict[str, str | None]:
    if reply.get("op") == "done":
        blocks = reply.get("blocks")
        if isinstance(blocks, dict) and all(isinstance(v, str | None) for v in blocks.values()):
            return {str(k): v for k, v in blocks.items()}
    elif reply.get("op") == "error":
        line = reply.get("line")
        message = str(reply.get("message"))[:2000]
        if reply.get("kind") == "memory":
            message = f"pack '{pack}', {template}: the template needed more than {MEMORY_MB} MB of memory"
        if reply.get("kind") == "MissingDependencyError":
            raise MissingDependencyError(message, package=str(reply.get("package")))
        error: AskcraftError = (RenderError if reply.get("kind") != "PackError" else PackError)(
            message,
            pack=pack,
            file=str(reply.get("file") or template),
            line=line if isinstance(line, int) else None,
        )
        raise error
    raise RenderError(f"pack '{pack}', {template}: the render process sent a reply askcraft cannot read")
