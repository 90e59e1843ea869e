"""The grammar and spelling checker: LanguageTool matches as askcraft findings.

The checker talks to the shared LanguageTool server (see ``askcraft._grammar.server``)
through askcraft's own client (``askcraft._grammar.client``). How each LanguageTool rule
is reported (error, warning, suggestion or dropped) is data, in
``policy.yaml``. When LanguageTool cannot run, the checker returns one
notice-level finding that says why and how to fix it; it never raises. After a server fails,
the checks that follow get the same notice at once for a while (a circuit breaker), so a batch
waits for one dead server once, not once per text.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import time
from collections.abc import Callable, Collection, Sequence
from typing import Literal

from askcraft._checks.context import CheckContext, letter_names
from askcraft._checks.findings import Finding, Severity
from askcraft._errors import CheckerUnavailableError
from askcraft._grammar.client import (
    BadAnswerError,
    LanguageNotAvailableError,
    Match,
    ServerFailedError,
    TextRejectedError,
    index_to_utf16,
    matches,
    utf16_to_index,
)
from askcraft._grammar.config import (
    ENV_HOME,
    ENV_RUNTIME,
    ENV_SWITCH,
    ENV_URL,
    Server,
    timeouts,
)
from askcraft._grammar.policy import policy
from askcraft._grammar.server import ensure_server, restart_server
from askcraft._grammar.warm import warm_language, young_limits

logger = logging.getLogger("askcraft.languagetool")

#: The most replacements a finding carries (LanguageTool may offer 40 for a typo).
MAX_REPLACEMENTS = 5
#: A process-wide cache of results for identical texts (text, language, names).
_CACHE_SIZE = 1024

Field = Literal["body", "subject"]
Decision = Severity | Literal["off"]


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


def _to_findings(
    text: str,
    matches: Sequence[Match],
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
override: Callable[[CheckContext], list[Finding]] | None = None


def unavailable(reason: str) -> Finding:
    """Return the one notice that says grammar was not checked, why, and how to fix it."""
    return Finding(
        category="grammar",
        severity="notice",
        rule="grammar.unavailable",
        message=f"Grammar and spelling were not checked: {reason}",
    )


# --------------------------------------------------------------------------- the circuit breaker

#: After a server fails, checks get the same notice at once for this long instead of each waiting.
BREAKER_SECONDS = 30.0
#: A failure to start a server that took longer than this trips the breaker too.
_SLOW_FAILURE_SECONDS = 1.0
_breaker_lock = threading.Lock()
_broken: dict[tuple[str, ...], tuple[float, Finding]] = {}


def _breaker_key() -> tuple[str, ...]:
    # The settings that choose the server: another URL, home or switch is another server.
    return tuple(os.environ.get(name, "") for name in (ENV_URL, ENV_SWITCH, ENV_HOME, ENV_RUNTIME))


def _tripped() -> Finding | None:
    with _breaker_lock:
        entry = _broken.get(_breaker_key())
    if entry is not None and time.monotonic() - entry[0] < BREAKER_SECONDS:
        return entry[1]
    return None


def _trip(notice: Finding) -> Finding:
    with _breaker_lock:
        _broken[_breaker_key()] = (time.monotonic(), notice)
    return notice


def reset_breaker() -> None:
    """Let the next check try the server again (after it failed, checks skip it for a while)."""
    with _breaker_lock:
        _broken.clear()


def prepare_server() -> Server | Finding:
    """Find or start the server before a batch; a failure is the notice every check then reports."""
    tripped = _tripped()
    if tripped is not None:
        return tripped
    started = time.monotonic()
    try:
        timeouts()  # a bad setting is the notice, before any server is started
        return ensure_server(progress=None)
    except CheckerUnavailableError as exc:
        notice = unavailable(str(exc))
    except Exception as exc:  # never let a grammar check take the draft down
        logger.debug("LanguageTool could not be started", exc_info=True)
        notice = unavailable(f"LanguageTool could not be started ({type(exc).__name__}: {exc}).")
    # A failure that cost time (a start that timed out) is not tried again for every text; an
    # instant one (switched off, Java missing) is cheap to repeat and may be fixed any moment.
    return _trip(notice) if time.monotonic() - started > _SLOW_FAILURE_SECONDS else notice


# --------------------------------------------------------------------------- the checker


def check(ctx: CheckContext) -> list[Finding]:
    """Check the text (and subject) of *ctx* with LanguageTool; never raise."""
    if override is not None:
        return list(override(ctx))
    parts: list[tuple[str, Field]] = [(ctx.text, "body")]
    if ctx.subject:
        parts.append((ctx.subject, "subject"))
    parts = [(text, field) for text, field in parts if text.strip()]
    if not parts:
        return []
    server = prepare_server()
    if isinstance(server, Finding):
        return [server]
    findings: list[Finding] = []
    for text, field in parts:
        # Who the letter greets and who signs it are names too: "Cheers, Efua" is no typo.
        names = (
            tuple(dict.fromkeys((*ctx.names, *letter_names(text)))) if field == "body" else tuple(ctx.names)
        )
        result = _check_text(server, text, ctx.language, names, field)
        if isinstance(result, Finding):
            return [result]
        findings.extend(result)
    return findings


def _check_text(
    server: Server,
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
            warm_language(server, language)
            patient = young_limits(server, language, len(text))
            found = matches(server, text, language, **({"limits": patient} if patient else {}))
        except LanguageNotAvailableError:
            code = language.split("-", maxsplit=1)[0]
            return unavailable(
                f"the LanguageTool server at {server.url} has no rules for language {language!r}. "
                f"Install them with `askcraft languagetool install --language {code}`, "
                f"or set {ENV_URL} to a LanguageTool server with that language."
            )
        except TextRejectedError as exc:
            return unavailable(f"LanguageTool at {server.url} refused the text: {_short(str(exc))}")
        except BadAnswerError as exc:
            if attempt == 1 and server.managed:
                # askcraft's own server answering garbage (an empty answer as it dies) is a broken
                # server: restart it once, as for one that stopped answering.
                server, restarted = _restarted(server, exc)
                if restarted is not None:
                    return restarted
                key = (server.url, language, text, names, field)
                continue
            return _trip(
                unavailable(
                    f"LanguageTool at {server.url} sent {_short(str(exc))}, not an answer askcraft can read. "
                    + _next_step(server)
                )
            )
        except ServerFailedError as exc:
            if attempt == 2 or not server.managed:
                return _trip(
                    unavailable(
                        f"the LanguageTool server at {server.url} stopped answering ({_short(str(exc))}). "
                        + _next_step(server)
                    )
                )
            server, restarted = _restarted(server, exc)
            if restarted is not None:
                return restarted
            key = (server.url, language, text, names, field)
            continue
        findings = _to_findings(text, found, names, field)
        _store(key, findings)
        return findings
    raise AssertionError("unreachable")  # pragma: no cover


def _restarted(server: Server, exc: Exception) -> tuple[Server, Finding | None]:
    """Restart askcraft's own *server* once; return the new one, or the notice if that failed."""
    logger.warning("LanguageTool at %s stopped answering (%s); restarting it once", server.url, exc)
    try:
        return restart_server(server), None
    except CheckerUnavailableError as restart_error:
        return server, _trip(
            unavailable(f"LanguageTool stopped answering and could not be restarted: {restart_error}")
        )


def _next_step(server: Server) -> str:
    if not server.managed:
        return f"Start it again, or unset {ENV_URL} to let askcraft run its own."
    return "Run `python -m askcraft languagetool status` and see its log."


def _short(message: str, limit: int = 300) -> str:
    message = " ".join(message.split())
    return message if len(message) <= limit else message[: limit - 1] + "…"
