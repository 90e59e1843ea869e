"""What may reach a header of a file askcraft writes, and how such headers are written.

Every exporter that writes a header (``.eml``, ``.ics``, and later the campaign's files) goes
through here. A header value may not hold:

- a control character (C0, DEL, C1 -- NEL, U+0085, among them), a line or paragraph separator
  (U+2028, U+2029), or a bidi control (U+202A-202E, U+2066-2069, U+200E, U+200F, U+061C);
- ``=?``, the start of an RFC 2047 encoded word. Python's email package decodes encoded words
  when it re-folds a header (CPython 3.10-3.12), so an encoded CR LF in a name came out as a
  real line break: an injected ``Bcc:`` or a replaced body.

Headers are then written here, not by the email package's folder: display names as plain
words, a quoted string, or one RFC 2047 encoded word; the subject as words or encoded words;
lines folded at spaces. The exporters parse what they wrote back and compare it with what
they meant before returning it.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from askcraft._errors import IntentError
from askcraft._intent.safe_text import UNSAFE_CHARS, ascii_domain, describe_char

if TYPE_CHECKING:
    from askcraft._export.exportable import Exportable

ENCODED_WORD_START = "=?"
#: Header lines are folded to this length where a space allows (RFC 5322 recommends 78).
LINE_LENGTH = 78
#: UTF-8 bytes per encoded word: 45 bytes are 60 base64 characters, a 72-character word.
_WORD_BYTES = 45
_ATEXT = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+")
_DOT_ATOM = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
#: Line breaks of every kind (what ``str.splitlines`` splits on), made one ``\n`` in calendar text.
LINE_BREAKS = re.compile(r"\r\n|[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def header_problem(value: str) -> tuple[str, str] | None:
    """Return (the offending text, what is wrong) when *value* may not reach a header, else None."""
    match = UNSAFE_CHARS.search(value)
    if match:
        return match[0], f"contains {describe_char(match[0])}, a control or invisible direction character"
    if ENCODED_WORD_START in value:
        return ENCODED_WORD_START, (
            "contains '=?', which mail programs decode as an RFC 2047 encoded word (one can hide "
            "line breaks and extra headers)"
        )
    return None


def check_header(value: str, field: str, *, fix: str = "remove it") -> str:
    """Return *value* when it may reach a header; else raise an IntentError naming *field*."""
    problem = header_problem(value)
    if problem is not None:
        raise IntentError(f"{field} {problem[1]}; {fix}", problems=[f"{field}: {problem[1]}"])
    return value


def _strings(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from _strings(item, f"{path}[{i}]")


def check_written(draft: Exportable, value: str, what: str) -> str:
    """Return *value* (text a template wrote, such as the subject) when it may reach a header.

    Otherwise name the intent field it came from, or the pack and template that wrote it.
    """
    problem = header_problem(value)
    if problem is None:
        return value
    token, reason = problem
    data = draft.intent.model_dump(mode="python")
    field = next((path for path, text in _strings(data) if token in text), None)
    if field is not None:
        message = f"{field} {reason}, and it reaches the {what}; remove it from the intent"
    else:
        pack, template = draft.provenance.pack, draft.provenance.template
        message = (
            f"the {what} written by pack '{pack}' ({template}) {reason}; fix the template "
            "or draft with another pack"
        )
    raise IntentError(message, problems=[f"{what}: {reason}"])


def split_address(address: str, field: str) -> tuple[str, str]:
    """Return the ASCII local part and the ASCII (IDNA) domain of *address*, or raise an IntentError."""
    check_header(address, field, fix="write the address without it")
    local, _, domain = address.rpartition("@")
    if not _DOT_ATOM.fullmatch(local):
        raise IntentError(
            f"{field} {address!r}: the part before @ must be plain ASCII (letters, digits and "
            "!#$%&'*+-/=?^_`{|}~, with single dots) for an .eml; use another address",
            problems=[f"{field}: local part not ASCII"],
        )
    try:
        return local, ascii_domain(domain)
    except ValueError as exc:
        raise IntentError(f"{field}: {exc}", problems=[f"{field}: {exc}"]) from None


def encoded_words(text: str) -> list[str]:
    """Return *text* as RFC 2047 base64 encoded words of at most 72 characters, split between characters."""
    words: list[str] = []
    chunk = b""
    for char in text:
        data = char.encode("utf-8")
        if chunk and len(chunk) + len(data) > _WORD_BYTES:
            words.append(_word(chunk))
            chunk = b""
        chunk += data
    if chunk:
        words.append(_word(chunk))
    return words


def _word(data: bytes) -> str:
    return f"=?utf-8?b?{base64.b64encode(data).decode('ascii')}?="


def display_name(name: str) -> list[str]:
    """Return a display name as header tokens: plain words, one quoted string, or one encoded word.

    A name is one encoded word even when long: the email package reads the space between two
    adjacent encoded words in a name as part of the name (RFC 2047 says to drop it).
    """
    words = name.split(" ")
    if all(_ATEXT.fullmatch(word) for word in words):
        return words
    if name.isascii() and name.isprintable() and len(name) <= LINE_LENGTH - 12:
        return ['"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"']
    return [_word(name.encode("utf-8"))]


def unstructured(text: str) -> list[str]:
    """Return free header text (a subject) as tokens: words when plain ASCII, else encoded words."""
    words = text.split(" ")
    plain = text.isascii() and text.isprintable() and all(0 < len(w) <= LINE_LENGTH - 12 for w in words)
    return words if plain else encoded_words(text)


def fold(name: str, tokens: list[str]) -> str:
    """Return the header line ``name: tokens...``, folded at the spaces between tokens."""
    lines = [f"{name}:"]
    for token in tokens:
        if len(lines[-1]) + 1 + len(token) > LINE_LENGTH and lines[-1] != f"{name}:":
            lines.append(f" {token}")
        else:
            lines[-1] += f" {token}"
    return "\r\n".join(lines)


def calendar_text(text: str, what: str, draft: Exportable) -> str:
    """Return *text* for an iCalendar TEXT value: every kind of line break made ``\\n``, no controls."""
    text = LINE_BREAKS.sub("\n", text)
    match = UNSAFE_CHARS.search(text.replace("\n", "").replace("\t", ""))
    if match:
        check_written(draft, match[0], what)
    return text
