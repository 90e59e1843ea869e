"""Golden files: every built-in template variant, for a fixed set of intents, byte for byte.

Any change to a template's output fails here. When the change is intended, rewrite the files with
``python -m pytest tests/test_golden.py --update-golden`` (or ``ASKCRAFT_UPDATE_GOLDEN=1``) and
review the diff in git.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

import askcraft
from askcraft._intent.model import CHANNELS, GOALS, KINDS
from askcraft.packs import builtin_pack

GOLDEN = Path(__file__).parent / "golden"
TODAY = date(2026, 11, 12)

#: Three people who cover the voices and the grammar: formal and warm, one person and many,
#: accents, apostrophes and hyphens, a role that takes "a" and one that takes "an", a title,
#: American and British English.
INTENTS: dict[str, dict[str, Any]] = {
    "sam-former-colleague": {
        "industry": "banking",
        "count": 3,
        "recipient": {"name": "Sam Lee", "relationship": "former-colleague", "company": "Northwind Bank"},
        "sender": {"name": "Alex Kim", "reason": "I want to put my maths degree to work in finance"},
        "details": "look over my CV",
        "help": "introducing me to Priya",
        "outcome": "I have an interview at Northwind on Monday",
        "sent_on": date(2026, 11, 2),
        "send_date": TODAY,
    },
    "zoe-friend": {
        "role": "UX designer",
        "company": "Acme",
        "count": 1,
        "recipient": {"name": "Zoë O'Brien-Núñez", "relationship": "friend"},
        "sender": {
            "name": "Jo-Anne D'Souza",
            "reason": "After five years in retail, I'd love to design the apps I use",
        },
        "details": "Share a few tips on my portfolio",
        "help": "the introduction to Tom",
        "outcome": "Tom offered me a trial day.",
        "gift": "a box of chocolates",
        "send_date": TODAY,
    },
    "dr-cruz-mentor": {
        "industry": "renewable energy",
        "role": "engineer",
        "count": 5,
        "recipient": {"name": "Dr. Ana María Cruz", "relationship": "mentor", "company": "SunWorks"},
        "sender": {
            "name": "Kofi Mensah",
            "reason": "my engineering work on solar farms made me want to build them full time",
            "signature": "Kofi",
        },
        "details": "tell me which certifications matter",
        "help": "reviewing my cover letter",
        "language": "en-GB",
        "send_date": TODAY,
    },
}


def _combinations() -> list[tuple[str, str, str, str]]:
    """Return (kind, channel, goal, variant) for everything the built-in pack drafts."""
    combos: set[tuple[str, str, str, str]] = set()
    for entry in builtin_pack().manifest.templates:
        for kind in entry.kinds:
            for channel in entry.channels:
                for goal in entry.goals:
                    combos.update((kind, channel, goal, variant) for variant in entry.variants)
    return sorted(combos)


COMBINATIONS = _combinations()


def _path(kind: str, channel: str, goal: str, variant: str) -> Path:
    return GOLDEN / kind / channel / f"{goal}--{variant}.txt"


def _render(kind: str, channel: str, goal: str, variant: str) -> str:
    parts = [f"# {kind} / {channel} / {goal} / {variant}\n"]
    for name, fields in INTENTS.items():
        intent = askcraft.Intent.parse({**fields, "kind": kind, "goal": goal, "channel": channel})
        result = askcraft.draft(intent, variant=variant, check=False, today=TODAY)
        assert result.provenance.variant == variant
        parts.append(f"\n## {name} ({result.provenance.template})\n\n{result.to_text()}")
    return "".join(parts)


def test_the_pack_covers_every_kind_channel_and_goal() -> None:
    """The built-in pack drafts every kind x channel x goal with at least three variants.

    Reminders and thank-yous cannot go as connection notes (the intent refuses them), so the pack
    has no templates for them.
    """
    for kind in KINDS:
        for channel in CHANNELS:
            for goal in GOALS:
                variants = [c[3] for c in COMBINATIONS if c[:3] == (kind, channel, goal)]
                if kind != "request" and channel == "linkedin-connection-note":
                    assert variants == [], (kind, channel, goal)
                else:
                    assert len(variants) >= 3, (kind, channel, goal)


@pytest.mark.parametrize(
    ("kind", "channel", "goal", "variant"), [pytest.param(*c, id="/".join(c)) for c in COMBINATIONS]
)
def test_golden(kind: str, channel: str, goal: str, variant: str, update_golden: bool) -> None:
    """The draft for each fixed intent matches its golden file exactly."""
    path = _path(kind, channel, goal, variant)
    actual = _render(kind, channel, goal, variant)
    if update_golden:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
        return
    assert path.is_file(), f"{path} is missing; run pytest with --update-golden and review the new file"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{path} changed; if intended, rerun with --update-golden and review the diff"


def test_no_stale_golden_files(update_golden: bool) -> None:
    """Every golden file belongs to a template variant that still exists."""
    wanted = {_path(*combo) for combo in COMBINATIONS}
    present = set(GOLDEN.rglob("*.txt"))
    if update_golden:
        for stale in present - wanted:
            stale.unlink()
        return
    assert not present - wanted, f"stale golden files: {sorted(map(str, present - wanted))}"
