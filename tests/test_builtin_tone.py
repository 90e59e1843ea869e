"""The built-in pack passes its own tone checks: every kind, channel, goal and variant."""

from __future__ import annotations

import importlib.util
import itertools
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

import askcraft
from askcraft import tone
from askcraft._checks.context import CheckContext
from askcraft._checks.registry import run_checks
from askcraft._checks.rules.base import known_options
from askcraft._intent.model import CHANNELS, GOALS, KINDS, RELATIONSHIPS
from askcraft._packs.pack import builtin_pack

TODAY = date(2026, 11, 12)
#: askcraft's own drafts aim higher than the warning (politeness.min_score, -0.5): an average
#: Stack Exchange request (0.0) or better.
THRESHOLD = 0.0
ROOT = Path(__file__).resolve().parent.parent
#: Goal -> the fields a person would give for it (the built-in pack's requirements).
GOAL_FIELDS: dict[str, dict[str, Any]] = {
    "job-leads": {"count": 3, "industry": "banking"},
    "introduction": {"count": 2, "company": "Acme Bank"},
    "informational-interview": {"role": "data analyst"},
    "advice": {"industry": "healthcare", "details": "share how you made the switch"},
    "referral": {"company": "Globex"},
    "favour": {"details": "look over my CV before I send it out"},
}
#: Two senders and recipients: a warm friend and a formal professional contact.
PEOPLE = [
    (
        {"name": "Sam Lee", "relationship": "friend"},
        {"name": "Alex Kim", "reason": "I want to put my maths degree to work in finance"},
    ),
    (
        {"name": "Dr. Priya Natarajan", "relationship": "former-colleague", "company": "Initech"},
        {
            "name": "Jordan O'Neill",
            "reason": "after six years in teaching, I'm moving into data work, which I have enjoyed most",
        },
    ),
]


def _intent(kind: str, goal: str, channel: str, people: int) -> dict[str, Any]:
    recipient, sender = PEOPLE[people]
    data: dict[str, Any] = {
        "kind": kind,
        "goal": goal,
        "channel": channel,
        "recipient": recipient,
        "sender": sender,
        **GOAL_FIELDS[goal],
    }
    if kind == "reminder":
        data |= {"sent_on": TODAY - timedelta(days=10), "send_date": TODAY}
    if kind == "thank-you":
        data |= {"help": "introducing me to Priya", "outcome": "I have an interview with her team next week"}
    return data


def _cases() -> list[Any]:
    pack = builtin_pack()
    cases = []
    for kind, goal, channel in itertools.product(KINDS, GOALS, CHANNELS):
        for entry in pack.entries_for(kind, goal, channel, "en-US"):
            for variant, people in itertools.product(entry.variants, range(len(PEOPLE))):
                cases.append(
                    pytest.param(
                        kind, goal, channel, variant, people, id=f"{kind}-{goal}-{channel}-{variant}-{people}"
                    )
                )
    return cases


@pytest.mark.parametrize(("kind", "goal", "channel", "variant", "people"), _cases())
def test_builtin_draft_is_polite_and_has_no_tone_warnings(
    kind: str, goal: str, channel: str, variant: str, people: int
):
    """A drafted message scores above the politeness threshold and raises no tone warning or error."""
    draft = askcraft.draft(_intent(kind, goal, channel, people), variant=variant, grammar=False, today=TODAY)
    score = tone.politeness(draft.body)
    assert score >= THRESHOLD, f"politeness {score:+.2f} < {THRESHOLD:+.2f}:\n{draft.body}"
    blocking = [
        f"{f.rule}: {f.excerpt(draft.subject or '') if f.field == 'subject' else f.excerpt(draft.body)!r}"
        for f in draft.findings
        if f.severity in ("error", "warning") and f.category not in ("grammar", "spelling")
    ]
    assert not blocking, f"{blocking}\n---\n{draft.subject}\n{draft.body}"


def test_own_drafts_are_held_above_the_warning():
    """The bar for askcraft's own drafts is stricter than the one the politeness rule warns below."""
    assert float(known_options()["politeness.min_score"]) < THRESHOLD


@pytest.mark.parametrize("relationship", sorted(RELATIONSHIPS))
def test_every_relationship_is_drafted_without_tone_warnings(relationship: str):
    """Each relationship has its own closing lines ("I'm grateful for any thoughts." to a mentor
    read as a vague ask): every goal's email and text, to several people, raises no tone warning."""
    blocking = []
    for goal, channel, name in itertools.product(
        GOALS, ("email", "text"), ("Sam Lee", "Wei Zhang", "Ann Bo")
    ):
        data = {
            **_intent("request", goal, channel, 0),
            "recipient": {"name": name, "relationship": relationship},
        }
        draft = askcraft.draft(data, grammar=False, today=TODAY)
        blocking += [
            f"{goal}/{channel}/{name} {f.rule}: {draft.body!r}"
            for f in draft.findings
            if f.severity in ("error", "warning") and f.category not in ("grammar", "spelling")
        ]
    assert not blocking, "\n".join(blocking)


def test_the_speed_benchmarks_drafts_raise_no_warning_without_their_intent():
    """askcraft's own drafts, checked as pasted text (no intent), as the speed benchmark checks
    them: no warning ("Could you look over my CV?" after "a role with more client contact" once
    drew specificity.target), and every thank-you offers something back, an update included."""
    spec = importlib.util.spec_from_file_location("bench_checks", ROOT / "benchmarks" / "bench_checks.py")
    assert spec is not None
    assert spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    flagged = []
    for kind, channel, body, subject in bench.drafts(300):
        ctx = CheckContext(text=body, kind=kind, channel=channel, subject=subject, send_date=TODAY)
        flagged += [
            f"{f.rule}: {body!r}"
            for f in run_checks(ctx, grammar=False)
            if f.severity in ("error", "warning") or f.rule == "reciprocity.offer"
        ]
    assert not flagged, "\n".join(flagged)
