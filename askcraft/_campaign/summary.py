"""What was asked of whom, in words: "two names in banking"; "Asked 30 people for two names each"."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any


@functools.cache
def _words(n: int) -> str:
    from askcraft._render.words import number_words  # noqa: PLC0415  (inflect loads on first use)

    return number_words(n)


def where(intent: Mapping[str, Any]) -> str:
    """Return where the ask aims, as a phrase: "in banking", "at Acme Bank", "for data analyst roles"."""
    if intent.get("company"):
        return f"at {intent['company']}"
    if intent.get("industry"):
        return f"in {intent['industry']}"
    if intent.get("role"):
        return f"for {intent['role']} roles"
    return ""


def _names(count: int | None) -> str:
    if not count:
        return "names"
    return f"{_words(count)} name{'s' if count != 1 else ''}"


def ask_text(intent: Mapping[str, Any]) -> str:
    """Return one ask in a few words, as the review sheet and the ledger show it."""
    goal, count, target = intent.get("goal"), intent.get("count"), where(intent)
    recipient = intent.get("recipient") or {}
    phrase = {
        "job-leads": _names(count),
        "introduction": f"introductions to {_words(count) if count else 'some'} "
        f"{'person' if count == 1 else 'people'}",
        "informational-interview": "an informational interview",
        "referral": "a referral",
        "advice": "advice",
        "favour": f"a favour: {intent.get('details') or 'help'}",
    }.get(str(goal), str(goal))
    if goal == "referral":
        company = intent.get("company") or recipient.get("company")
        return f"{phrase} at {company}" if company else phrase
    if goal == "favour":
        return phrase
    return f"{phrase} {target}".strip()


def summary(intents: Sequence[Mapping[str, Any]]) -> str:
    """Return what a campaign asked of whom: "Asked 30 people for two names each in banking (60 in all)."."""
    if not intents:
        return "Asked nobody yet."
    groups: Counter[tuple[str, int | None]] = Counter((str(i.get("goal")), i.get("count")) for i in intents)
    targets = {where(i) for i in intents}
    parts: list[str] = []
    for index, ((goal, count), n) in enumerate(
        sorted(groups.items(), key=lambda item: (-item[1], item[0][1] or 0))
    ):
        people = f"{n} {'person' if n == 1 else 'people'}" if index == 0 else str(n)
        each = " each" if n > 1 else ""
        if goal == "job-leads" and count:
            parts.append(f"{people} for {_names(count)}{each}")
        elif goal == "introduction" and count:
            parts.append(f"{people} for {_words(count)} introduction{'s' if count != 1 else ''}{each}")
        else:
            sample = next(i for i in intents if i.get("goal") == goal and i.get("count") == count)
            parts.append(
                f"{people} for {ask_text({**sample, 'industry': None, 'company': None, 'role': None})}"
            )
    joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    sentence = f"Asked {joined}"
    if len(targets) == 1 and (target := next(iter(targets))):
        sentence += f" {target}" if len(parts) == 1 else f", {target}"
    names = sum(int(i.get("count") or 0) for i in intents if i.get("goal") in {"job-leads", "introduction"})
    most = max((int(i.get("count") or 0) for i in intents), default=0)
    if names and len(intents) > 1:
        sentence += f" ({names} in all, no more than {_words(most)} from anyone)"
    return sentence + "."
