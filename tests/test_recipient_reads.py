"""What a recipient notices in a draft: how a company is named, a field's capital, a field the role
already says, a letter's greeting in a text, a capital after a French colon, a thank-you after a
setback, and a title in a friendly greeting."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import askcraft

TODAY = date(2026, 11, 28)
NAMES = ["Rachel Goldberg", "Sam Lee", "Ana Ruiz", "Tom Hale", "Jo Park", "Priya Nair"]
VARIANTS = {
    "request": ["direct", "warm-up", "brief"],
    "reminder": ["nudge", "update", "brief"],
    "thank-you": ["grateful", "news", "brief"],
}


def _drafts(intent: dict[str, Any]) -> list[askcraft.Draft]:
    if intent["kind"] != "request":
        intent.setdefault("sent_on", "2026-11-10")
    return [askcraft.draft(intent, check=False, variant=v, today=TODAY) for v in VARIANTS[intent["kind"]]]


# --- a company is named as people say it -----------------------------------------------------------

ENGLISH_LEGAL = ["Salesforce, Inc.", "Salesforce Inc.", "Salesforce, Inc", "Salesforce LLC", "Salesforce Ltd"]


@pytest.mark.parametrize("company", ENGLISH_LEGAL)
@pytest.mark.parametrize("channel", ["email", "linkedin-message", "text"])
@pytest.mark.parametrize("relationship", ["friend", "acquaintance", "alumni"])
@pytest.mark.parametrize("kind", ["request", "reminder", "thank-you"])
def test_an_english_draft_names_a_company_without_its_legal_form(
    company: str, channel: str, relationship: str, kind: str
) -> None:
    """ "Could you refer me for an account executive role at Salesforce, Inc.?" reads as a form letter:
    people say "at Salesforce", in a text and in a letter alike (an email is not a contract)."""
    for name in NAMES[:3]:
        intent: dict[str, Any] = {
            "kind": kind,
            "goal": "referral",
            "channel": channel,
            "role": "account executive",
            "company": company,
            "help": "referring me",
            "outcome": "I have an interview next week.",
            "recipient": {"name": name, "relationship": relationship},
            "sender": {"name": "Tasha Green", "reason": "I want to move into sales."},
        }
        for draft in _drafts(intent):
            said = f"{draft.subject or ''}\n{draft.body}"
            assert "Salesforce" in said, said
            for form in ("Inc", "LLC", "Ltd"):
                assert form not in said, said


@pytest.mark.parametrize(
    ("company", "spoken"),
    [
        ("Siemens AG", "bei Siemens"),
        ("Bosch GmbH", "bei Bosch"),
        ("Deutsche Bank AG", "bei der Deutschen Bank"),
        ("Müller GmbH & Co. KG", "bei Müller"),
    ],
)
@pytest.mark.parametrize(
    ("channel", "relationship"),
    [
        ("text", "friend"),
        ("text", "former-colleague"),
        ("linkedin-message", "acquaintance"),
        ("email", "friend"),
    ],
)
def test_a_german_company_keeps_its_legal_form_only_in_a_formal_letter(
    company: str, spoken: str, channel: str, relationship: str
) -> None:
    """ "Kennst du zwei Personen bei der Siemens AG?" in a text to a friend reads like a contract;
    "bei der Siemens AG" belongs to a letter in the Sie register (test_reminder_wording keeps it there)."""
    for name in NAMES[:3]:
        intent: dict[str, Any] = {
            "kind": "request",
            "goal": "job-leads",
            "channel": channel,
            "language": "de-DE",
            "company": company,
            "count": 2,
            "recipient": {"name": name, "relationship": relationship},
            "sender": {"name": "Lena Brandt", "reason": "Ich möchte in die Industrie wechseln."},
        }
        for draft in _drafts(intent):
            assert spoken in draft.body, draft.body
            assert " AG" not in draft.body, draft.body
            assert "GmbH" not in draft.body, draft.body


REASONS = {"fr-FR": "Je veux changer de secteur.", "es-ES": "Quiero cambiar de sector."}


@pytest.mark.parametrize(
    ("language", "company", "spoken"),
    [("fr-FR", "Danone SA", "chez Danone"), ("es-ES", "Telefónica, S.A.", "en Telefónica")],
)
@pytest.mark.parametrize("relationship", ["friend", "acquaintance"])
def test_a_french_or_spanish_company_is_named_without_its_legal_form(
    language: str, company: str, spoken: str, relationship: str
) -> None:
    """ "chez Danone SA", "en Telefónica, S.A.": not how anyone names a company in a message."""
    for name in NAMES[:3]:
        intent: dict[str, Any] = {
            "kind": "request",
            "goal": "job-leads",
            "channel": "email",
            "language": language,
            "company": company,
            "count": 2,
            "recipient": {"name": name, "relationship": relationship},
            "sender": {"name": "Léa Brandt", "reason": REASONS[language]},
        }
        for draft in _drafts(intent):
            assert spoken in draft.body, draft.body
            assert company not in draft.body, draft.body


def test_a_company_named_inside_another_name_is_still_named_as_people_say_it() -> None:
    """ "I passed the Salesforce Admin certification" names a certificate, not the company: the ask
    still names the company ("at Salesforce"), not "there"."""
    intent: dict[str, Any] = {
        "kind": "reminder",
        "goal": "referral",
        "channel": "text",
        "role": "enablement specialist",
        "company": "Salesforce",
        "news": "I passed the Salesforce Admin certification last week.",
        "recipient": {"name": "Marcus Lee", "relationship": "alumni"},
        "sender": {"name": "Tasha Green", "reason": "I want to move into enablement."},
    }
    for draft in _drafts(intent):
        assert "role at Salesforce" in draft.body, draft.body


# --- a field is a common noun, unless it is a name or an acronym -----------------------------------


@pytest.mark.parametrize(
    ("typed", "said", "kept"),
    [
        ("Tech", "in tech", "Tech"),
        ("Real Estate", "in real estate", "Real Estate"),
        ("Financial Services", "in financial services", "Financial Services"),
        ("AI", "in AI", None),
        ("HR", "in HR", None),
        ("IT", "in IT", None),
        ("Big Tech", "in Big Tech", None),
        ("Silicon Valley", "in Silicon Valley", None),
    ],
)
@pytest.mark.parametrize("channel", ["email", "linkedin-message", "text"])
def test_a_field_typed_with_a_capital_is_said_as_a_common_noun(
    typed: str, said: str, kept: str | None, channel: str
) -> None:
    """ "Do you know two people in Tech I could talk to?" keeps a capital the user typed for a common
    noun; "in AI", "in HR" and "in Silicon Valley" keep theirs."""
    for name in NAMES:
        intent: dict[str, Any] = {
            "kind": "request",
            "goal": "job-leads",
            "channel": channel,
            "industry": typed,
            "count": 2,
            "recipient": {"name": name, "relationship": "friend"},
            "sender": {"name": "Alex Kim", "reason": "I want to leave retail."},
        }
        for draft in _drafts(intent):
            assert said in draft.body, draft.body
            if kept:
                assert kept not in draft.body, draft.body


# --- a field the role already says is not said again ------------------------------------------------


@pytest.mark.parametrize(
    ("role", "industry"),
    [
        ("physician assistant", "healthcare"),
        ("ICU nurse", "nursing"),
        ("paralegal", "the legal sector"),
        ("high school teacher", "education"),
        ("software engineer", "tech"),
    ],
)
@pytest.mark.parametrize("goal", ["job-leads", "introduction", "informational-interview", "advice"])
@pytest.mark.parametrize("channel", ["email", "text"])
def test_a_field_the_role_already_says_is_not_said_again(
    role: str, industry: str, goal: str, channel: str
) -> None:
    """ "two people in healthcare I could call to talk about physician assistant openings": a physician
    assistant works in healthcare, so the ask names the role and leaves the field to it."""
    for name in NAMES:
        intent: dict[str, Any] = {
            "kind": "request",
            "goal": goal,
            "channel": channel,
            "industry": industry,
            "role": role,
            "count": 2,
            "recipient": {"name": name, "relationship": "former-colleague"},
            "sender": {"name": "Alex Kim", "reason": "I just finished my training."},
        }
        for draft in _drafts(intent):
            assert role.rsplit(maxsplit=1)[-1] in draft.body, draft.body
            assert f"in {industry}" not in draft.body, draft.body


def test_a_field_the_role_does_not_say_is_kept() -> None:
    """A data analyst may work anywhere: "two people in healthcare ... about data analyst openings"."""
    intent: dict[str, Any] = {
        "kind": "request",
        "goal": "job-leads",
        "channel": "email",
        "industry": "healthcare",
        "role": "data analyst",
        "count": 2,
        "recipient": {"name": "Sam Lee", "relationship": "former-colleague"},
        "sender": {"name": "Alex Kim", "reason": "I just finished my training."},
    }
    for draft in _drafts(intent):
        assert "healthcare" in draft.body, draft.body


# --- a letter's greeting in a text -----------------------------------------------------------------

LETTER_GREETINGS = [
    ("de-DE", "Liebe Anna", "Liebe Anna,\n"),
    ("de-DE", "Sehr geehrte Frau Weber", "Sehr geehrte Frau Weber,\n"),
    ("es-ES", "Querida Ana", "Querida Ana:\n"),
    ("es-ES", "Estimada Sra. Ruiz", "Estimada Sra. Ruiz:\n"),
    ("fr-FR", "Chère Anne", "Chère Anne,\n"),
    ("en-US", "Dear Professor Lin", "Dear Professor Lin,\n"),
]
HELP = {"de": "die Namen", "es": "los nombres", "fr": "les noms", "en": "the names"}
REASON = {
    "de": "Ich möchte in die Logistik wechseln.",
    "es": "Quiero cambiar al sector logístico.",
    "fr": "Je veux passer à la logistique.",
    "en": "I want to move into logistics.",
}


@pytest.mark.parametrize(("language", "greeting", "line"), LETTER_GREETINGS)
@pytest.mark.parametrize("kind", ["request", "reminder", "thank-you"])
@pytest.mark.parametrize("relationship", ["friend", "family", "acquaintance"])
def test_a_text_does_not_exclaim_a_letter_greeting(
    language: str, greeting: str, line: str, kind: str, relationship: str
) -> None:
    """ "Sehr geehrte Frau Weber! Danke für ...", "¡Estimada Sra. Ruiz! ...": a letter's greeting,
    exclaimed. A text that opens like a letter puts the greeting on its line with the letter's mark (a
    comma; a colon in Spanish), and goes on below it (in German in lower case: "danke für ...")."""
    code = language[:2]
    intent: dict[str, Any] = {
        "kind": kind,
        "goal": "job-leads",
        "channel": "text",
        "language": language,
        "count": 2,
        "industry": {"de": "Logistik", "es": "logística", "fr": "la logistique", "en": "logistics"}[code],
        "help": HELP[code],
        "recipient": {"name": "Anna Weber", "relationship": relationship, "greeting": greeting},
        "sender": {"name": "Lena Brandt", "reason": REASON[code]},
    }
    for draft in _drafts(intent):
        if relationship == "acquaintance" and code != "es":
            # Not warm: the greeting and who is writing, on one line ("Liebe Anna, hier ist Lena Brandt.").
            assert draft.body.startswith(line.rstrip("\n") + " "), draft.body
            continue
        assert draft.body.startswith(line), draft.body
        if relationship == "acquaintance":
            assert draft.body.startswith(line + "Soy Lena Brandt."), draft.body  # not "Estimada Sra. Ruiz."
        if code == "de":
            assert draft.body[len(line)].islower(), draft.body
