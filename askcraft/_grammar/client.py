"""Talking to a LanguageTool server: one client per server and language, matches with str offsets."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from askcraft._grammar.config import Server
from askcraft._grammar.policy import policy

# --------------------------------------------------------------------------- offsets


def utf16_to_index(text: str) -> Callable[[int], int]:
    """Return a function mapping UTF-16 offsets (LanguageTool's) to ``str`` indices of *text*."""
    if text.isascii() or all(ord(ch) < 0x10000 for ch in text):
        return lambda offset: min(offset, len(text))
    starts: list[int] = []  # starts[i] = UTF-16 offset of text[i]
    position = 0
    for ch in text:
        starts.append(position)
        position += 2 if ord(ch) >= 0x10000 else 1
    starts.append(position)

    def convert(offset: int) -> int:
        import bisect  # noqa: PLC0415  (only for texts with emoji and other astral characters)

        return min(bisect.bisect_right(starts, offset) - 1, len(text))

    return convert


def index_to_utf16(text: str, index: int) -> int:
    """Return the UTF-16 offset of ``text[index]``."""
    return index + sum(1 for ch in text[:index] if ord(ch) >= 0x10000)


# --------------------------------------------------------------------------- client


class _ReadWriteLock:
    """Many readers or one writer.

    language-tool-python 3.4 corrects offsets for emoji with class-level state shared
    by all threads; texts with astral characters therefore check alone (writer) while
    plain texts, whose correction is always zero, check concurrently (readers).
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writer = False

    @contextmanager
    def read(self) -> Iterator[None]:
        with self._cond:
            while self._writer:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def write(self) -> Iterator[None]:
        with self._cond:
            while self._writer or self._readers:
                self._cond.wait()
            self._writer = True
        try:
            yield
        finally:
            with self._cond:
                self._writer = False
                self._cond.notify_all()


_offset_lock = _ReadWriteLock()
_tools_lock = threading.Lock()
_tools: dict[tuple[str, str], Any] = {}


class LanguageNotAvailableError(Exception):
    """The server has no rules for the requested language."""


class ServerFailedError(Exception):
    """The server did not answer (connection refused, timeout, bad response)."""


def client_for(server: Server, language: str) -> Any:
    """Return a language-tool-python client for *server* and *language* (cached, never mutated)."""
    key = (server.url, language)
    with _tools_lock:
        tool = _tools.get(key)
    if tool is not None:
        return tool
    import language_tool_python  # noqa: PLC0415  (keeps `import askcraft` light)
    from language_tool_python.exceptions import LanguageToolError  # noqa: PLC0415

    try:
        tool = language_tool_python.LanguageTool(language, remote_server=server.url)
    except ValueError as exc:
        raise LanguageNotAvailableError(str(exc)) from exc
    except (LanguageToolError, OSError) as exc:
        raise ServerFailedError(str(exc)) from exc
    tool.disabled_rules = set(policy().off_rules)
    with _tools_lock:
        _tools.setdefault(key, tool)
        return _tools[key]


def forget_tools(url: str) -> None:
    with _tools_lock:
        for key in [k for k in _tools if k[0] == url]:
            del _tools[key]


def matches(server: Server, text: str, language: str) -> list[Any]:
    """Return language-tool-python matches for *text* (offsets in ``str`` indices)."""
    from language_tool_python.exceptions import LanguageToolError  # noqa: PLC0415

    tool = client_for(server, language)
    astral = any(ord(ch) >= 0x10000 for ch in text)
    try:
        with _offset_lock.write() if astral else _offset_lock.read():
            return list(tool.check(text))
    except (LanguageToolError, OSError) as exc:
        raise ServerFailedError(str(exc)) from exc
