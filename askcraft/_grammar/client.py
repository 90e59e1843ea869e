"""Talking to a LanguageTool server: ``/v2/check`` over askcraft's own HTTP, answers checked.

askcraft sends the check itself (``askcraft._grammar.http``: a total deadline per request that
holds even against a server that drips, and a cap on the answer's size) and reads the JSON
with care: an answer that is not JSON, misses a key or has a wrong type is a
``BadAnswerError``, never a KeyError. language-tool-python remains askcraft's route to the
LanguageTool release download (``askcraft._grammar.obtain``).
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable
from typing import Any

from askcraft._grammar.config import Server, Timeouts, timeouts
from askcraft._grammar.http import ServerFailedError, request
from askcraft._grammar.policy import policy

__all__ = [
    "BadAnswerError",
    "LanguageNotAvailableError",
    "Match",
    "ServerFailedError",
    "TextRejectedError",
    "index_to_utf16",
    "matches",
    "utf16_to_index",
]

#: The most matches askcraft reads from one answer, and replacements from one match.
MAX_MATCHES = 20_000
MAX_REPLACEMENTS = 20

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


# --------------------------------------------------------------------------- answers


class LanguageNotAvailableError(Exception):
    """The server has no rules for the requested language."""


class TextRejectedError(Exception):
    """The server answered, but refused this text (HTTP 4xx: too long, a bad parameter)."""


class BadAnswerError(ServerFailedError):
    """The server sent something that is not a LanguageTool answer askcraft can read."""


@dataclasses.dataclass(frozen=True)
class Match:
    """One LanguageTool match: ``offset`` is a ``str`` index, ``error_length`` counts UTF-16 units."""

    rule_id: str
    category: str
    rule_issue_type: str
    message: str
    offset: int
    error_length: int
    replacements: tuple[str, ...]


def _field(data: Any, *path: str, kind: type = str, default: Any = None) -> Any:
    value = data
    for key in path:
        if not isinstance(value, dict):
            raise BadAnswerError(f"'{'.'.join(path)}' is missing from a match")
        value = value.get(key, default if key == path[-1] else None)
    if not isinstance(value, kind) or isinstance(value, bool) != (kind is bool):
        raise BadAnswerError(f"'{'.'.join(path)}' of a match is {type(value).__name__}, not {kind.__name__}")
    return value


def _match(item: Any, to_index: Callable[[int], int]) -> Match:
    offset, length = _field(item, "offset", kind=int), _field(item, "length", kind=int)
    if offset < 0 or length < 0:
        raise BadAnswerError("a match has a negative offset or length")
    replacements = _field(item, "replacements", kind=list, default=[])
    return Match(
        rule_id=_field(item, "rule", "id"),
        category=_field(item, "rule", "category", "id"),
        rule_issue_type=_field(item, "rule", "issueType", default=""),
        message=_field(item, "message"),
        offset=to_index(offset),
        error_length=length,
        replacements=tuple(_field(r, "value") for r in replacements[:MAX_REPLACEMENTS]),
    )


def parse_matches(body: bytes, text: str) -> list[Match]:
    """Read LanguageTool's ``/v2/check`` JSON answer for *text*; raise BadAnswerError if it is not one."""
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        raise BadAnswerError(f"an answer that is not JSON ({_excerpt(body)})") from None
    if not isinstance(data, dict) or not isinstance(data.get("matches"), list):
        raise BadAnswerError(f"JSON without a list of matches ({_excerpt(body)})")
    to_index = utf16_to_index(text)
    return [_match(item, to_index) for item in data["matches"][:MAX_MATCHES]]


_UNKNOWN_LANGUAGE = re.compile(rb"not a language code known|unsupported language")


def matches(server: Server, text: str, language: str, *, limits: Timeouts | None = None) -> list[Match]:
    """Check *text* on *server* (within *limits*, by default the configured ones for its length);
    raise ServerFailedError, BadAnswerError, TextRejectedError or LanguageNotAvailableError when it
    cannot be checked."""
    fields = {"language": language, "text": text}
    off = policy().off_rules
    if off:
        fields["disabledRules"] = ",".join(sorted(off))
    answer = request(server.url, "/v2/check", fields, limits=limits or timeouts().for_text(len(text)))
    if answer.status == 200:
        return parse_matches(answer.body, text)
    if 400 <= answer.status < 500:
        if _UNKNOWN_LANGUAGE.search(answer.body[:2000]):
            raise LanguageNotAvailableError(_excerpt(answer.body))
        raise TextRejectedError(f"HTTP {answer.status}: {_excerpt(answer.body)}")
    raise ServerFailedError(f"HTTP {answer.status}: {_excerpt(answer.body)}")


def _excerpt(body: bytes, limit: int = 200) -> str:
    text = " ".join(body[: limit * 4].decode("utf-8", "replace").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
