"""The grammar and spelling checker: LanguageTool matches as askcraft findings.

The checker talks to the shared LanguageTool server (see ``askcraft._languagetool``)
through language-tool-python's ``remote_server=`` client. How each LanguageTool rule
is reported (error, warning, suggestion or dropped) is data, in
``_grammar_policy.yaml``. When LanguageTool cannot run, the checker returns one
notice-level finding that says why and how to fix it; it never raises.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import re
import threading
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from importlib import resources
from typing import Any, Literal, cast

from askcraft import _languagetool as lt
from askcraft._checks import CheckContext
from askcraft._errors import CheckerUnavailableError
from askcraft._findings import Finding, Severity
from askcraft._yaml import safe_load

logger = logging.getLogger("askcraft.languagetool")

#: The most replacements a finding carries (LanguageTool may offer 40 for a typo).
MAX_REPLACEMENTS = 5
#: A process-wide cache of results for identical texts (text, language, names).
_CACHE_SIZE = 1024

Field = Literal["body", "subject"]
Decision = Severity | Literal["off"]


# --------------------------------------------------------------------------- policy


@dataclasses.dataclass(frozen=True)
class Policy:
    """Which severity each LanguageTool rule, category and issue type gets."""

    default: Decision
    rules: Mapping[str, Decision]
    categories: Mapping[str, Decision]
    issue_types: Mapping[str, Decision]
    spelling_rule_prefixes: tuple[str, ...]

    def decide(self, rule_id: str, category_id: str, issue_type: str) -> Decision:
        """Return the severity for a match, or "off" to drop it."""
        for table, key in (
            (self.rules, rule_id),
            (self.categories, category_id),
            (self.issue_types, issue_type),
        ):
            if key in table:
                return table[key]
        return self.default

    def is_spelling(self, rule_id: str, category_id: str) -> bool:
        """Return whether a match is a spelling mistake rather than grammar."""
        return category_id == "TYPOS" or rule_id.startswith(self.spelling_rule_prefixes)

    @property
    def off_rules(self) -> frozenset[str]:
        """Return the rule ids not worth asking the server for."""
        return frozenset(rule for rule, decision in self.rules.items() if decision == "off")

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, source: str = "policy") -> Policy:
        """Build a policy from its YAML data, rejecting unknown severities."""
        allowed = {"error", "warning", "suggestion", "off"}

        def table(name: str) -> dict[str, Decision]:
            raw = data.get(name) or {}
            if not isinstance(raw, Mapping):
                raise ValueError(f"{source}: '{name}' must be a mapping")
            for key, value in raw.items():
                if value not in allowed:
                    raise ValueError(
                        f"{source}: {name}.{key} is {value!r}; use one of {', '.join(sorted(allowed))}"
                    )
            return {str(k): cast(Decision, v) for k, v in raw.items()}

        default = data.get("default", "warning")
        if default not in allowed:
            raise ValueError(f"{source}: default is {default!r}; use one of {', '.join(sorted(allowed))}")
        return cls(
            default=cast(Decision, default),
            rules=table("rules"),
            categories=table("categories"),
            issue_types=table("issue_types"),
            spelling_rule_prefixes=tuple(str(p) for p in data.get("spelling_rule_prefixes") or ()),
        )


@functools.cache
def policy() -> Policy:
    """Return the severity policy shipped with askcraft."""
    text = resources.files("askcraft").joinpath("_grammar_policy.yaml").read_text(encoding="utf-8")
    return Policy.from_mapping(safe_load(text), source="_grammar_policy.yaml")


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


# --------------------------------------------------------------------------- names

# Words of a name: "Zoë Saint-Aubin" -> Zoë, Saint, Aubin; "O'Brien" -> O, Brien.
_NAME_WORD_SPLIT = re.compile(r"[\s\-'\u2019.,/&()]+")
# A word LanguageTool quotes in its message, in curly or straight quotes.
_QUOTED = re.compile(r"[\u201c\u2018\"']([^\u201d\u2019\"']+)[\u201d\u2019\"']")


def _name_spans(text: str, names: Collection[str]) -> list[tuple[int, int]]:
    """Return where the given names (and each of their words) occur in *text*."""
    pieces: set[str] = set()
    for raw in names:
        name = raw.strip()
        if not name:
            continue
        pieces.add(name)
        pieces.update(p for p in re.split(r"[\s,/&()]+", name) if len(p) > 1)
        pieces.update(p for p in _NAME_WORD_SPLIT.split(name) if len(p) > 1)
    spans: list[tuple[int, int]] = []
    for piece in pieces:
        for match in re.finditer(rf"(?<!\w){re.escape(piece)}(?!\w)", text):
            spans.append((match.start(), match.end()))
    return spans


def _within_name(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _is_name_word(excerpt: str, names: Collection[str]) -> bool:
    """Return whether a flagged word is a name (or a name with a possessive s)."""
    word = re.sub(r"['\u2019]s$", "", excerpt.strip())
    if not word:
        return False
    return any(word == name or word in _NAME_WORD_SPLIT.split(name) for name in names)


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


class _LanguageNotAvailableError(Exception):
    """The server has no rules for the requested language."""


class _ServerFailedError(Exception):
    """The server did not answer (connection refused, timeout, bad response)."""


def _tool(server: lt.Server, language: str) -> Any:
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
        raise _LanguageNotAvailableError(str(exc)) from exc
    except (LanguageToolError, OSError) as exc:
        raise _ServerFailedError(str(exc)) from exc
    tool.disabled_rules = set(policy().off_rules)
    with _tools_lock:
        _tools.setdefault(key, tool)
        return _tools[key]


def _forget_tools(url: str) -> None:
    with _tools_lock:
        for key in [k for k in _tools if k[0] == url]:
            del _tools[key]


def _matches(server: lt.Server, text: str, language: str) -> list[Any]:
    """Return language-tool-python matches for *text* (offsets in ``str`` indices)."""
    from language_tool_python.exceptions import LanguageToolError  # noqa: PLC0415

    tool = _tool(server, language)
    astral = any(ord(ch) >= 0x10000 for ch in text)
    try:
        with _offset_lock.write() if astral else _offset_lock.read():
            return list(tool.check(text))
    except (LanguageToolError, OSError) as exc:
        raise _ServerFailedError(str(exc)) from exc


def _to_findings(
    text: str,
    matches: Sequence[Any],
    names: Collection[str],
    field: Field,
) -> list[Finding]:
    """Map language-tool-python matches to findings, applying the policy and the names."""
    rules = policy()
    spans = _name_spans(text, names) if names else []
    to_index = utf16_to_index(text)
    findings: list[Finding] = []
    for match in matches:
        rule_id = str(match.rule_id)
        category_id = str(match.category)
        issue_type = str(match.rule_issue_type)
        decision = rules.decide(rule_id, category_id, issue_type)
        if decision == "off":
            continue
        # language-tool-python already moved the start to a str index; the length is
        # still in UTF-16 units, so convert the end through UTF-16.
        start = min(int(match.offset), len(text))
        end = to_index(index_to_utf16(text, start) + int(match.error_length))
        end = max(start, min(end, len(text)))
        spelling = rules.is_spelling(rule_id, category_id)
        if names and (
            _within_name(start, end, spans) or (spelling and _is_name_word(text[start:end], names))
        ):
            continue
        replacements = tuple(str(r) for r in match.replacements[:MAX_REPLACEMENTS])
        findings.append(
            Finding(
                category="spelling" if spelling else "grammar",
                severity=decision,
                message=_message(str(match.message), replacements),
                rule=f"{'spelling' if spelling else 'grammar'}.{rule_id}",
                offset=start,
                length=end - start,
                replacements=replacements,
                field=field,
            )
        )
    return findings


def _message(message: str, replacements: Sequence[str]) -> str:
    message = message.strip()
    quoted = set(_QUOTED.findall(message))
    if replacements and replacements[0] not in quoted:
        shown = ", ".join(f"“{r}”" for r in replacements[:3])
        message = f"{message} Try {shown}."
    return message


# --------------------------------------------------------------------------- cache

_cache_lock = threading.Lock()
_cache: dict[tuple[str, str, str, tuple[str, ...], Field], tuple[Finding, ...]] = {}


def clear_cache() -> None:
    """Forget cached results (e.g. after changing the policy)."""
    with _cache_lock:
        _cache.clear()


def _cached(key: tuple[str, str, str, tuple[str, ...], Field]) -> tuple[Finding, ...] | None:
    with _cache_lock:
        return _cache.get(key)


def _store(key: tuple[str, str, str, tuple[str, ...], Field], findings: list[Finding]) -> None:
    with _cache_lock:
        if len(_cache) >= _CACHE_SIZE:
            _cache.pop(next(iter(_cache)))
        _cache[key] = tuple(findings)


# --------------------------------------------------------------------------- the checker

#: Set by ``askcraft.testing.use_grammar_checker`` to replace the real checker.
_override: Callable[[CheckContext], list[Finding]] | None = None


def unavailable(reason: str) -> Finding:
    """Return the one notice that says grammar was not checked, why, and how to fix it."""
    return Finding(
        category="grammar",
        severity="notice",
        rule="grammar.unavailable",
        message=f"Grammar and spelling were not checked: {reason}",
    )


def check(ctx: CheckContext) -> list[Finding]:
    """Check the text (and subject) of *ctx* with LanguageTool; never raise."""
    if _override is not None:
        return list(_override(ctx))
    parts: list[tuple[str, Field]] = [(ctx.text, "body")]
    if ctx.subject:
        parts.append((ctx.subject, "subject"))
    parts = [(text, field) for text, field in parts if text.strip()]
    if not parts:
        return []
    try:
        server = lt.ensure_server(progress=None)
    except CheckerUnavailableError as exc:
        return [unavailable(str(exc))]
    except Exception as exc:  # never let a grammar check take the draft down
        logger.debug("LanguageTool could not be started", exc_info=True)
        return [unavailable(f"LanguageTool could not be started ({type(exc).__name__}: {exc}).")]
    findings: list[Finding] = []
    for text, field in parts:
        result = _check_text(server, text, ctx.language, tuple(ctx.names), field)
        if isinstance(result, Finding):
            return [result]
        findings.extend(result)
    return findings


def _check_text(
    server: lt.Server,
    text: str,
    language: str,
    names: tuple[str, ...],
    field: Field,
) -> list[Finding] | Finding:
    """Return the findings for one text, or the one notice explaining why there are none."""
    key = (server.url, language, text, names, field)
    cached = _cached(key)
    if cached is not None:
        return list(cached)
    for attempt in (1, 2):
        try:
            findings = _to_findings(text, _matches(server, text, language), names, field)
        except _LanguageNotAvailableError:
            return unavailable(
                f"the LanguageTool server at {server.url} has no rules for language {language!r} "
                f"(askcraft installs English only). Check the intent's language, or set {lt.ENV_URL} "
                "to a LanguageTool server with that language."
            )
        except _ServerFailedError as exc:
            if lt.healthy(server.url):
                # The server is up but refused this text (bad language code, text too long, ...).
                return unavailable(f"LanguageTool at {server.url} rejected the text: {_short(str(exc))}")
            _forget_tools(server.url)
            if attempt == 2 or not server.managed:
                return unavailable(
                    f"the LanguageTool server at {server.url} stopped answering ({_short(str(exc))}). "
                    + (
                        f"Start it again, or unset {lt.ENV_URL} to let askcraft run its own."
                        if not server.managed
                        else "Run `python -m askcraft languagetool status` and see its log."
                    )
                )
            logger.warning("LanguageTool at %s stopped answering; restarting it once", server.url)
            try:
                server = lt.restart_server(server)
            except CheckerUnavailableError as restart_error:
                return unavailable(
                    f"LanguageTool stopped answering and could not be restarted: {restart_error}"
                )
            key = (server.url, language, text, names, field)
            continue
        _store(key, findings)
        return findings
    raise AssertionError("unreachable")  # pragma: no cover


def _short(message: str, limit: int = 300) -> str:
    message = " ".join(message.split())
    return message if len(message) <= limit else message[: limit - 1] + "…"
