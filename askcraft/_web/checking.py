"""The Check page's request: a message the user wrote, its findings in place, and its politeness.

``askcraft.check`` finds the problems; ``askcraft.tone.politeness`` and ``askcraft.tone.strategies``
say how polite it reads and why. A fix the user clicks is applied here, to the text the page sent,
at the offsets askcraft gave (the page never does offset arithmetic).
"""

from __future__ import annotations

import dataclasses
import functools
import time
from typing import Any

import askcraft
import askcraft.packs
import askcraft.tone
from askcraft._web.drafting import BadRequestError
from askcraft._web.findings import describe, runs

#: The longest message the page checks (a long email is about 2,000 characters).
MAX_TEXT = 20_000
#: How the page words a politeness score (the scale of the Stanford Politeness Corpus: about 0 is an
#: average request, one standard deviation is about 0.7; askcraft warns below 0).
VERDICTS = ((0.0, "Reads as curt"), (0.5, "Polite"), (float("inf"), "Warm and polite"))


@functools.cache
def vocabulary() -> dict[str, tuple[str, ...]]:
    """Return the kinds and channels an intent accepts, from its JSON Schema."""
    properties = askcraft.packs.intent_schema()["properties"]
    return {name: tuple(properties[name]["enum"]) for name in ("kind", "channel")}


@dataclasses.dataclass(frozen=True)
class CheckAsk:
    """What the page asks to check, and the fix to make first (if any)."""

    text: str
    kind: str
    channel: str
    grammar: bool
    fix: tuple[int, int, str] | None


def read_check(data: Any) -> CheckAsk:
    """Validate the page's request: raise BadRequestError for anything the page itself would never send."""
    if not isinstance(data, dict) or not set(data) <= {"text", "kind", "channel", "grammar", "fix"}:
        raise BadRequestError("expected an object with text, kind, channel, grammar and fix")
    text, kind, channel = data.get("text", ""), data.get("kind", "request"), data.get("channel", "email")
    if not isinstance(text, str):
        raise BadRequestError("text must be a string")
    if len(text) > MAX_TEXT:
        raise BadRequestError(
            f"the message is longer than {MAX_TEXT:,} characters; check one message at a time"
        )
    known = vocabulary()
    if kind not in known["kind"] or channel not in known["channel"]:
        raise BadRequestError("unknown kind or channel")
    grammar = data.get("grammar", True)
    if not isinstance(grammar, bool):
        raise BadRequestError("grammar must be true or false")
    fix = data.get("fix")
    parsed: tuple[int, int, str] | None = None
    if fix is not None:
        if not isinstance(fix, dict) or set(fix) != {"offset", "length", "replacement"}:
            raise BadRequestError("fix must have offset, length and replacement")
        offset, length, replacement = fix["offset"], fix["length"], fix["replacement"]
        if not (
            isinstance(offset, int)
            and isinstance(length, int)
            and isinstance(replacement, str)
            and not isinstance(offset, bool)
            and not isinstance(length, bool)
            and 0 <= offset <= offset + length <= len(text)
            and len(replacement) <= 1_000
        ):
            raise BadRequestError("the fix does not fit the text")
        parsed = (offset, length, replacement)
    return CheckAsk(text.replace("\r\n", "\n"), kind, channel, grammar, parsed)


def _politeness(text: str) -> dict[str, Any]:
    score = askcraft.tone.politeness(text)
    verdict = next(words for bound, words in VERDICTS if score < bound)
    found = sorted(askcraft.tone.strategies(text), key=lambda s: -abs(s.weight))

    def shown(strategy: askcraft.tone.Strategy) -> dict[str, Any]:
        return {
            "label": strategy.label or strategy.name.replace("_", " "),
            "words": text[strategy.offset : strategy.offset + strategy.length],
            "weight": round(strategy.weight, 3),
        }

    return {
        "score": round(score, 2),
        "verdict": verdict,
        "raised": [shown(s) for s in found if s.weight > 0],
        "lowered": [shown(s) for s in found if s.weight < 0],
    }


def check(ask: CheckAsk) -> tuple[dict[str, Any], float]:
    """Return the page's answer (the text, its runs, findings and politeness) and askcraft's time."""
    text = ask.text
    if ask.fix is not None:
        offset, length, replacement = ask.fix
        text = text[:offset] + replacement + text[offset + length :]
    if not text.strip():
        return {"text": text, "runs": runs(text, []), "findings": [], "politeness": None}, 0.0
    start = time.perf_counter()
    found = askcraft.check(text, kind=ask.kind, channel=ask.channel, grammar=ask.grammar)
    seconds = time.perf_counter() - start
    findings = []
    for ident, finding in enumerate(found):
        fixes = [
            {"replacement": r, "offset": finding.offset, "length": finding.length}
            for r in finding.replacements[:3]
            if finding.length or r
        ]
        findings.append(describe(ident, finding, text, fixes))
    spans = [(i, f.offset, f.length) for i, f in enumerate(found) if f.field == "body"]
    answer = {
        "text": text,
        "runs": runs(text, spans),
        "findings": findings,
        "politeness": _politeness(text),
    }
    return answer, seconds
