"""What the user typed in English, inside a German, French or Spanish draft, is not left silent."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import askcraft
from askcraft._draft.untranslated import looks_english

LANGUAGES = ["de-DE", "fr-FR", "es-ES"]
FIELD = {"de": "Bankwesen", "fr": "la banque", "es": "banca"}


def _findings(language: str, kind: str = "request", channel: str = "email", **fields: Any) -> list[str]:
    intent: dict[str, Any] = {
        "kind": kind,
        "goal": "job-leads",
        "channel": channel,
        "language": language,
        "industry": FIELD.get(language[:2], "banking"),
        "count": 2,
        "recipient": {"name": "Sam Lee", "relationship": "former-colleague"},
        "sender": {"name": "Alex Kim", "reason": fields.pop("reason", None)},
        **fields,
    }
    if kind == "reminder":
        intent["sent_on"] = "2026-11-10"
    drafted = askcraft.draft(intent, grammar=False, today=date(2026, 11, 28))
    return [f.rule for f in drafted.findings if f.rule.startswith("content.untranslated.")]


ENGLISH = [
    "After six years teaching math, I want to work in finance.",
    "I've been laid off and I'm looking again!",
    "I got the job!",
    "I finished the bootcamp",
    "we met at PyCon in 2019",
    "look over my CV",
    "the names you sent",
    "I moved to Denver last week",
]
#: Their own language, with English names, titles and companies in it: never an alarm.
NATIVE = {
    "de": [
        "Nach sechs Jahren als Lehrerin will ich in die Finanzbranche wechseln.",
        "Ich möchte zur Boston Consulting Group and Bain",
        "Ich will als Data Scientist im Bereich Machine Learning arbeiten",
        "Ich habe bei Johnson & Johnson und bei The Walt Disney Company gearbeitet",
        "wir haben uns beim Hackathon „Code for Germany“ kennengelernt",
        "Ich habe 'what color is your parachute' gelesen",
        "Ich arbeite jetzt bei Made in Berlin",
    ],
    "fr": [
        "Je veux rejoindre Marks and Spencer à Londres",
        "J'ai travaillé pour Save the Children et Doctors of the World",
        "nous nous sommes rencontrés au meetup Women in Tech",
        "J'ai lu « The Lean Startup » et je veux créer ma boîte",
        "je veux bosser dans le growth hacking",
        "J'ai un entretien chez Out of the Box",
        "Je fais du freelance to get my foot in the door",
    ],
    "es": [
        "Quiero trabajar en Bank of America o en The Home Depot.",
        "Trabajo con Save the Children, Doctors of the World y Friends of the Earth",
        "Mi jefe en Procter & Gamble me recomendó hablar con usted",
        "El libro What Color Is Your Parachute me ayudó mucho",
        "Tengo una entrevista en Back to the Roots",
        "Bank of the West",
        "quiero trabajar en marketing y hacer networking",
    ],
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("text", ENGLISH)
def test_english_text_is_recognised(language: str, text: str) -> None:
    assert looks_english(text, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_names_and_titles_in_the_message_language_are_not_english(language: str) -> None:
    for text in NATIVE[language[:2]]:
        assert not looks_english(text, language), text


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("channel", ["email", "text", "linkedin-message"])
def test_an_english_reason_in_another_language_is_named_in_a_finding(language: str, channel: str) -> None:
    """ "Hola, Ana: ... After six years teaching math, I want to work in finance. ¿Me podrías ...?"
    goes out only if the user knows it will."""
    reason = "After six years teaching math, I want to work in finance."
    assert _findings(language, channel=channel, reason=reason) == ["content.untranslated.reason"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_english_news_and_hook_are_named_too(language: str) -> None:
    assert "content.untranslated.news" in _findings(language, "reminder", news="I passed my CFA exam.")
    native = NATIVE[language[:2]][0]
    assert "content.untranslated.hook" in _findings(language, reason=native, hook="we met at PyCon in 2019")


@pytest.mark.parametrize("language", LANGUAGES)
def test_reasons_in_their_own_language_are_not_named(language: str) -> None:
    for reason in NATIVE[language[:2]]:
        assert _findings(language, reason=reason, hook=NATIVE[language[:2]][1]) == [], reason


def test_an_english_message_never_gets_the_finding() -> None:
    assert _findings("en-US", reason="I want to work in finance with my friends at the bank.") == []
