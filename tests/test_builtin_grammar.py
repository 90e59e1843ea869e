"""Every built-in template, drafted over a spread of intents, has zero LanguageTool errors."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

import pytest

import askcraft
from askcraft._checks.context import CheckContext
from askcraft._draft.check import check_many
from askcraft._intent.model import CHANNELS, GOALS, KINDS
from askcraft.packs import builtin_pack

pytestmark = [pytest.mark.languagetool, pytest.mark.slow]

TODAY = date(2026, 11, 12)

#: People with accents, apostrophes and hyphens, in warm and formal relationships.
PEOPLE: list[tuple[dict[str, Any], dict[str, Any]]] = [
    ({"name": "Sam Lee", "relationship": "former-colleague"}, {"name": "Alex Kim"}),
    ({"name": "Zoë Ødegård", "relationship": "friend"}, {"name": "Mateus Araújo"}),
    ({"name": "Siobhán O'Brien", "relationship": "mentor"}, {"name": "Jean-Luc Moreau"}),
    (
        {"name": "Nguyễn Thị Mai", "relationship": "acquaintance", "company": "Łódź Fintech"},
        {"name": "Priya Rao"},
    ),
    ({"name": "Dana Smith-Jones", "relationship": "family"}, {"name": "Kai D'Angelo"}),
    ({"name": "José Ángel García", "relationship": "alumni"}, {"name": "Anna-Lena Weiß"}),
]
#: Where the ask points, with the reason a sender would give.
TARGETS: list[dict[str, Any]] = [
    {"industry": "banking", "reason": "I want to put my statistics degree to work in finance"},
    {"industry": "renewable energy", "role": "project manager", "reason": "I want work with a clear purpose"},
    {"company": "Acme Robotics", "role": "data analyst", "reason": "my team is being wound down"},
    {"industry": "health care", "reason": "I have finished my nursing degree"},
    {"role": "product designer", "company": "Northwind", "reason": "I am moving back to Chicago"},
]
GOAL_DETAILS = {"favour": "look over my résumé before I send it out"}
HELP = [
    "introducing me to Priya at the bank",
    "sharing three names at your old firm",
    "taking the time to talk through my plans",
]


def _variants(kind: str, goal: str, channel: str) -> list[str]:
    pack = builtin_pack()
    names: list[str] = []
    for entry in pack.entries_for(kind, goal, channel, "en-US"):
        names.extend(entry.variants)
    return names


def _intents() -> list[tuple[str, Any]]:
    """Return (label, intent) for each kind, channel, goal and variant, over rotating people and targets."""
    out: list[tuple[str, Any]] = []
    spread = itertools.count()
    for kind, channel, goal in itertools.product(KINDS, CHANNELS, GOALS):
        for variant in _variants(kind, goal, channel):
            for _ in range(2):
                i = next(spread)
                recipient, sender = PEOPLE[i % len(PEOPLE)]
                target = TARGETS[i % len(TARGETS)]
                data: dict[str, Any] = {
                    "kind": kind,
                    "goal": goal,
                    "channel": channel,
                    "count": 1 + i % 5,
                    "recipient": dict(recipient),
                    "sender": {**sender, "reason": target["reason"]},
                    **{k: v for k, v in target.items() if k != "reason"},
                }
                if goal == "referral" and "company" not in data:
                    data["company"] = "Acme Robotics"
                if goal in ("informational-interview", "advice") and not {
                    "industry",
                    "role",
                    "company",
                } & set(data):
                    data["industry"] = "banking"
                if goal in GOAL_DETAILS:
                    data["details"] = GOAL_DETAILS[goal]
                if kind == "reminder":
                    data["sent_on"] = date(2026, 11, 2).isoformat()
                if kind == "thank-you":
                    data["help"] = HELP[i % len(HELP)]
                label = f"{kind}/{channel}/{goal}/{variant}#{i}"
                out.append((label, (askcraft.Intent.parse(data), variant)))
    return out


def test_every_builtin_template_is_free_of_grammar_errors(languagetool_server: Any):
    """Zero error-level grammar or spelling findings over every kind, channel, goal and variant."""
    contexts: list[CheckContext] = []
    labels: list[str] = []
    from askcraft._checks.context import names_in  # noqa: PLC0415  (the names the draft checks use)

    for label, (intent, variant) in _intents():
        draft = askcraft.draft(intent, variant=variant, check=False, today=TODAY)
        contexts.append(
            CheckContext(
                text=draft.body,
                kind=intent.kind,
                channel=intent.channel,
                subject=draft.subject,
                language=intent.language,
                names=names_in(intent),
                send_date=TODAY,
            )
        )
        labels.append(label)
    assert len(contexts) >= len(KINDS) * len(CHANNELS) * len(GOALS) * 2
    results = check_many(contexts, disable=())
    problems: list[str] = []
    for label, ctx, findings in zip(labels, contexts, results, strict=True):
        for f in findings:
            if f.rule == "grammar.unavailable":
                pytest.fail(f"LanguageTool did not check {label}: {f.message}")
            if f.category in ("grammar", "spelling") and f.severity == "error":
                source = ctx.subject if f.field == "subject" and ctx.subject else ctx.text
                start = max(0, f.offset - 40)
                context = source[start : f.offset + f.length + 40].replace("\n", " ")
                problems.append(f"{label} [{f.field}] {f.rule} {f.excerpt(source)!r} in …{context}…")
    assert not problems, f"{len(problems)} grammar errors:\n" + "\n".join(sorted(set(problems))[:80])
