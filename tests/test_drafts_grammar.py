"""The real LanguageTool finds no error in what askcraft writes, over the awkward corpus and a sweep.

Every variant of every awkward-corpus item, and a sweep of every relationship x goal x kind x
channel for two recipients each (so that many phrasings are drawn), is checked in one batch. An
error-level finding is allowed only on the user's own words (a company LanguageTool does not
know, "full time" in a reason): askcraft's joins, phrasings and normalised slots must be clean.
"""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

import askcraft
from askcraft._checks.context import CheckContext, names_in
from askcraft._draft.draft import _written_names
from askcraft._intent.model import CHANNELS, GOALS, RELATIONSHIPS

pytestmark = [pytest.mark.languagetool, pytest.mark.slow]

TODAY = date(2026, 11, 12)
CORPUS = Path(__file__).parent / "data" / "awkward_intents.yaml"
META = {"id", "why", "tags", "thread", "expect_error", "expect"}
VARIANTS = {
    "request": ("direct", "warm-up", "brief"),
    "reminder": ("nudge", "update", "brief"),
    "thank-you": ("news", "grateful", "brief"),
}
SWEEP_NAMES = ("Priya Patel", "Dr. Kwame Asante")
#: Everything a sweep intent can carry, so every move of every template has something to say.
SWEEP: dict[str, Any] = {
    "industry": "banking",
    "role": "data analyst",
    "company": "Northwind Bank",
    "count": 2,
    "sender": {
        "name": "Alex Kim",
        "reason": "After six years teaching math, I want to put my numbers skills to work in finance",
        "links": ["https://www.linkedin.com/in/alex-kim"],
    },
    "details": "look over my CV",
    "help": "introducing me to Priya",
    "outcome": "I have an interview on Monday",
    "gift": "some flowers",
    "sent_on": "2026-10-29",
    "send_date": "2026-11-12",
    "news": "I passed the CFA Level I exam",
    "hook": "we worked together at Acme for three years",
}


def _user_words(data: dict[str, Any]) -> str:
    """Return every string the user typed into the intent, lower case."""
    out: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(data)
    return "\n".join(out).casefold()


def _drafts() -> list[tuple[str, dict[str, Any], askcraft.Draft]]:
    corpus = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    out: list[tuple[str, dict[str, Any], askcraft.Draft]] = []
    for item in corpus["items"]:
        if item.get("expect_error"):
            continue
        data = {k: v for k, v in item.items() if k not in META}
        for variant in VARIANTS[item["kind"]]:
            draft = askcraft.draft(data, variant=variant, check=False, today=TODAY)
            out.append((f"{item['id']} [{variant}]", data, draft))
    for relationship in RELATIONSHIPS:
        for goal in GOALS:
            for kind in VARIANTS:
                for channel in CHANNELS:
                    if kind != "request" and channel == "linkedin-connection-note":
                        continue
                    for name in SWEEP_NAMES:
                        recipient = {"name": name, "relationship": relationship, "company": "Northwind Bank"}
                        data = {
                            **SWEEP,
                            "kind": kind,
                            "goal": goal,
                            "channel": channel,
                            "recipient": recipient,
                        }
                        draft = askcraft.draft(data, check=False, today=TODAY)
                        out.append((f"sweep {relationship}/{goal}/{kind}/{channel}/{name}", data, draft))
    return out


@functools.cache
def _checked() -> list[tuple[str, dict[str, Any], askcraft.Draft, list[askcraft.Finding]]]:
    drafts = _drafts()
    contexts = [
        CheckContext(
            text=draft.body,
            subject=draft.subject,
            kind=draft.kind,
            channel=draft.channel,
            language=draft.intent.language,
            intent=draft.intent,
            names=names_in(draft.intent) + _written_names(draft.intent),  # as the draft's own check
            send_date=TODAY,
        )
        for _, _, draft in drafts
    ]
    tone = ["politeness", "pressure", "negativity", "specificity", "ask-size", "patience"]
    rest = ["reciprocity", "length", "readability", "questions"]
    results = askcraft.check_many(contexts, disable=tone + rest)
    return [(label, data, draft, found) for (label, data, draft), found in zip(drafts, results, strict=True)]


def test_languagetool_ran_on_every_draft(languagetool_server: Any) -> None:
    """The check really ran: no draft came back with a 'not checked' notice."""
    checked = _checked()
    assert len(checked) > 1_000
    notices = [label for label, _, _, found in checked if any(f.severity == "notice" for f in found)]
    assert notices == []


def test_no_grammar_or_spelling_error_in_askcrafts_own_words(languagetool_server: Any) -> None:
    """Every error LanguageTool reports sits in the user's own words, never in askcraft's."""
    ours = []
    for label, data, draft, found in _checked():
        user = _user_words(data)
        for finding in found:
            if finding.category not in {"grammar", "spelling"} or finding.severity != "error":
                continue
            text = draft.subject or "" if finding.field == "subject" else draft.body
            excerpt = finding.excerpt(text)
            if excerpt.casefold() not in user:
                context = text[max(0, finding.offset - 40) : finding.offset + finding.length + 40]
                ours.append(f"{label}: {finding.rule} {excerpt!r} in {context!r}")
    assert ours == [], "\n".join(ours[:40])
