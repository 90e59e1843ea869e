"""Reminders in every language do not open three sentences in a row with the same word.

"Ich melde mich noch einmal kurz. Ich hatte dir vor drei Wochen geschrieben. Ich suche zwei
Personen..." reads as all about the sender, as English thank-yous did (tests/test_thank_you_rhythm.py,
whose sentence reading this file shares). The template's own sentence about when the sender wrote
takes another shape: "Vor drei Wochen hatte ich dir geschrieben."
"""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

import pytest
from test_thank_you_rhythm import three_alike

import askcraft

REASONS = {
    "en-US": "I want to move into logistics after parental leave.",
    "de-DE": "Ich möchte nach der Elternzeit wieder in die Logistik einsteigen.",
    "fr-FR": "Je souhaite revenir dans la logistique après mon congé parental.",
    "es-ES": "Quiero volver a la logística después de mi baja por paternidad.",
}
INDUSTRY = {"en-US": "logistics", "de-DE": "Logistik", "fr-FR": "la logistique", "es-ES": "logística"}
VARIANTS = ("nudge", "brief", "update")
CHANNELS = ("text", "email")
SENT = ("2026-11-05", "2026-11-21", None)
FORMALITY = ("informal", "formal")
NEWS = (None, "Two firms have called me back.")


def _cases() -> list[Any]:
    cases = []
    for language, variant, channel, sent, formality, news in itertools.product(
        REASONS, VARIANTS, CHANNELS, SENT, FORMALITY, NEWS
    ):
        if news and language != "en-US":
            continue  # news in the draft's own language is read elsewhere
        name = "-".join([language, variant, channel, str(sent), formality, "news" if news else "plain"])
        case = {"language": language, "variant": variant, "channel": channel, "sent": sent}
        cases.append(pytest.param({**case, "formality": formality, "news": news}, id=name))
    return cases


@pytest.mark.parametrize("case", _cases())
def test_no_three_sentences_in_a_row_open_alike(case: dict[str, Any]) -> None:
    language = case["language"]
    intent: dict[str, Any] = {
        "kind": "reminder",
        "goal": "job-leads",
        "channel": case["channel"],
        "language": language,
        "formality": case["formality"],
        "industry": INDUSTRY[language],
        "count": 2,
        "recipient": {"name": "Jonas Weber", "relationship": "friend"},
        "sender": {"name": "Mia Roth", "reason": REASONS[language]},
    }
    if case["sent"]:
        intent["sent_on"] = case["sent"]
    if case["news"]:
        intent["news"] = case["news"]
    body = askcraft.draft(intent, check=False, variant=case["variant"], today=date(2026, 11, 28)).body
    assert not three_alike(body), body
