"""The campaign's batch path against the real LanguageTool: the same findings as draft() gives."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

import askcraft
from askcraft import campaign
from askcraft._grammar.checker import clear_cache

pytestmark = pytest.mark.languagetool

TODAY = date(2026, 11, 12)
ASK: dict[str, Any] = {
    "kind": "request",
    "goal": "job-leads",
    "industry": "banking",
    "count": 2,
    "channel": "email",
    "sender": {"name": "Alex Kim", "reason": "After six years teaching math, I want to work in finance."},
}


def test_draft_many_finds_what_draft_finds(languagetool_server: Any) -> None:
    """Grammar in shared batches gives exactly the findings of one draft() per intent, typos included."""
    people = [
        ("Sam Lee", "former-colleague"),
        ("Zoë Ødegård", "friend"),
        ("Siobhán O'Brien", "mentor"),
        ("Nguyễn Thị Lan", "alumni"),
        ("Aunt Rosa", "family"),
        ("Kwame Mensah", "acquaintance"),
    ]
    channels = ["email", "text", "linkedin-message"] * 4
    intents = [
        {**ASK, "channel": channel, "recipient": {"name": name, "relationship": relationship},
         "hook": "we met at teh alumni dinner" if i % 2 else None}
        for i, ((name, relationship), channel) in enumerate(zip(people * 2, channels, strict=False))
    ]  # fmt: skip
    clear_cache()
    batched = [o.draft for o in campaign.draft_many(intents, today=TODAY, batch=5)]
    clear_cache()
    alone = [askcraft.draft(i, today=TODAY) for i in intents]
    assert [d.findings if d else None for d in batched] == [d.findings for d in alone]
    typos = [f for d in alone for f in d.findings if f.category == "spelling"]
    assert typos, "the planted typo 'teh' should be found by LanguageTool"
    assert not [f for d in alone for f in d.findings if f.rule == "grammar.unavailable"]


def test_a_campaign_checks_grammar_with_the_real_server(languagetool_server: Any, tmp_path: Path) -> None:
    """A campaign run with grammar on reports LanguageTool's findings in the review, and no 'not checked'."""
    contacts = tmp_path / "c.csv"
    contacts.write_text(
        "name,email,relationship,hook\n"
        "Mia Chen,mia@example.com,colleague,\n"
        "Sam Lee,sam@example.com,friend,we met at teh alumni dinner\n",
        encoding="utf-8",
    )
    result = campaign.run_campaign(contacts, ASK, out=tmp_path / "d", record=False, today=TODAY)
    rules = [f["rule"] for e in result.entries for f in e.findings]
    assert any(rule.startswith("spelling.") for rule in rules)
    assert "grammar.unavailable" not in rules
    assert [e.name for e in result.entries] == ["Mia Chen", "Sam Lee"]  # row order
    review = (tmp_path / "d" / "review.md").read_text()
    assert review.index("Sam Lee") < review.index("Mia Chen")  # the review: worst first
