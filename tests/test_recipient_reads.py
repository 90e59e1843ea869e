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


def _advice_thanks(
    language: str, help_: str, outcome: str, channel: str, *, recipient: dict[str, str], sender: str
) -> dict[str, Any]:
    """A thank-you for advice in *language*, with the help and the outcome as the user typed them."""
    return {
        "kind": "thank-you",
        "goal": "advice",
        "channel": channel,
        "language": language,
        "help": help_,
        "outcome": outcome,
        "recipient": recipient,
        "sender": {"name": sender},
    }


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
        ("Oil & Gas", "in oil & gas", "Oil & Gas"),
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


# --- a title of honour in a friendly greeting ------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "formal", "warm"),
    [
        ("Sir David Attenborough", "Sir David", "David"),
        ("Dame Judi Dench", "Dame Judi", "Judi"),
        ("Lady Mary Crawley", "Lady Mary Crawley", "Mary"),
        ("Lord Sugar", "Lord Sugar", "Lord Sugar"),
    ],
)
@pytest.mark.parametrize("channel", ["email", "linkedin-message", "text"])
@pytest.mark.parametrize("relationship", ["acquaintance", "former-colleague", "mentor", "alumni", "friend"])
def test_a_title_of_honour_is_not_greeted_with_hi(
    name: str, formal: str, warm: str, channel: str, relationship: str
) -> None:
    """ "Hi Sir David": a knighthood is a formal address, and "Hi" is not. He is "Dear Sir David" (or
    "Hello Sir David" in a text) to an acquaintance, and "David" to a friend."""
    intent: dict[str, Any] = {
        "kind": "request",
        "goal": "advice",
        "channel": channel,
        "industry": "wildlife filmmaking",
        "recipient": {"name": name, "relationship": relationship},
        "sender": {"name": "Alex Kim", "reason": "I want to move into documentary work."},
    }
    for draft in _drafts(intent):
        first = draft.body.split("\n")[0]
        if relationship == "friend":
            assert first.startswith((f"Hi {warm}", f"Hey {warm}")), draft.body
        else:
            assert first.startswith((f"Dear {formal}", f"Hello {formal}")), draft.body
            assert not first.startswith("Dear") or channel != "text", draft.body


# --- a French or Spanish outcome after a colon -----------------------------------------------------

OUTCOMES = [
    ("fr-FR", "Ton contact m'a proposé un entretien.", "ton contact"),
    ("fr-FR", "Votre collègue m'a rappelée hier.", "votre collègue"),
    ("fr-FR", "Deux entretiens plus tard, j'ai le poste.", "deux entretiens"),
    ("fr-FR", "Quelqu'un de son équipe m'a contactée.", "quelqu'un de"),
    ("es-ES", "Tu contacto me ofreció una entrevista.", "tu contacto"),
    ("es-ES", "Dos entrevistas después, tengo el puesto.", "dos entrevistas"),
]


@pytest.mark.parametrize(("language", "outcome", "lowered"), OUTCOMES)
@pytest.mark.parametrize("channel", ["email", "linkedin-message", "text"])
@pytest.mark.parametrize("relationship", ["friend", "acquaintance", "mentor"])
def test_an_outcome_goes_on_in_lower_case_after_a_colon(
    language: str, outcome: str, lowered: str, channel: str, relationship: str
) -> None:
    """ "Bonne nouvelle : Ton contact m'a proposé un entretien." French (and Spanish) go on in lower case
    after a colon; only a name keeps its capital ("Bonne nouvelle : Sophie m'a rappelée")."""
    code = language[:2]
    for name in NAMES:
        intent: dict[str, Any] = {
            "kind": "thank-you",
            "goal": "job-leads",
            "channel": channel,
            "language": language,
            "help": HELP[code],
            "outcome": outcome,
            "recipient": {"name": name, "relationship": relationship, "pronouns": "she/her"},
            "sender": {"name": "Léa Brandt"},
        }
        for draft in _drafts(intent):
            capital = lowered[0].upper() + lowered[1:]
            for colon in (":", "\u00a0:"):
                assert f"{colon} {capital}" not in draft.body, draft.body


@pytest.mark.parametrize("channel", ["email", "text"])
def test_a_name_keeps_its_capital_after_a_french_colon(channel: str) -> None:
    """The other side: "Bonne nouvelle : Sophie m'a rappelée", "... : DHL m'a proposé un poste"."""
    for outcome in ["Sophie m'a rappelée hier.", "DHL m'a proposé un poste."]:
        for name in NAMES:
            intent: dict[str, Any] = {
                "kind": "thank-you",
                "goal": "job-leads",
                "channel": channel,
                "language": "fr-FR",
                "help": "les noms",
                "outcome": outcome,
                "recipient": {"name": name, "relationship": "friend", "pronouns": "she/her"},
                "sender": {"name": "Léa Brandt"},
            }
            for draft in _drafts(intent):
                assert outcome.split()[0] in draft.body, draft.body


# --- a thank-you by text after a setback -----------------------------------------------------------

SETBACKS = [
    "Sadly the role went to an internal candidate.",
    "I didn't get the job in the end, but the interview taught me a lot.",
    "Unfortunately they went with someone else.",
]


@pytest.mark.parametrize("outcome", SETBACKS)
@pytest.mark.parametrize("goal", ["job-leads", "introduction", "referral"])
def test_a_text_to_a_mentor_after_a_setback_does_not_promise_how_it_goes(outcome: str, goal: str) -> None:
    """ "I didn't get the job in the end. I'll let you know how it goes.": nothing is left to go. What
    a mentor hears about next is what comes next ("I'll keep you posted on what's next")."""
    for name in NAMES:
        intent: dict[str, Any] = {
            "kind": "thank-you",
            "goal": goal,
            "channel": "text",
            "help": "introducing me to Priya",
            "company": "Stripe",
            "outcome": outcome,
            "recipient": {"name": name, "relationship": "mentor"},
            "sender": {"name": "Lea Brandt"},
        }
        for draft in _drafts(intent):
            assert "how it goes" not in draft.body, draft.body


@pytest.mark.parametrize(
    "outcome", [SETBACKS[0], SETBACKS[2]]
)  # the second leaves a text to a colleague no room
@pytest.mark.parametrize("relationship", ["friend", "mentor", "acquaintance", "former-colleague", "family"])
def test_a_text_after_a_setback_says_the_help_still_counted_when_there_is_room(
    outcome: str, relationship: str
) -> None:
    """A letter after a setback says the help counted all the same ("I'm no less grateful for your
    help"); a text with room does too, instead of going from "Sadly ..." straight to "I owe you one"."""
    grateful = ("grateful all the same", "still meant a lot", "I'm really grateful", "All the same")
    said = 0
    for name in NAMES:
        intent: dict[str, Any] = {
            "kind": "thank-you",
            "goal": "introduction",
            "channel": "text",
            "help": "introducing me to Priya",
            "outcome": outcome,
            "recipient": {"name": name, "relationship": relationship},
            "sender": {"name": "Lea Brandt"},
        }
        for draft in _drafts(intent):
            said += any(g in draft.body for g in grateful)
            assert draft.body.count(outcome) == 1, draft.body
    assert said >= len(NAMES), said  # most texts have the room; a long one may leave it out


# --- a public body takes "the" ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("company", "said"),
    [
        ("Los Angeles County Metropolitan Transportation Authority", "the Los Angeles County"),
        ("British Council", "the British Council"),
        ("Gates Foundation", "the Gates Foundation"),
        ("World Health Organization", "the World Health Organization"),
        (
            "The Northern Ireland Health and Social Care Business Services Organisation",
            "the Northern Ireland",
        ),
        ("The University of Michigan", "the University of Michigan"),
    ],
)
@pytest.mark.parametrize("kind", ["request", "reminder"])
def test_a_public_body_named_by_its_last_word_takes_the(company: str, said: str, kind: str) -> None:
    """ "two people at Los Angeles County Metropolitan Transportation Authority": an authority, an
    agency, a council or a foundation is "the" one, as "the University of Michigan" is."""
    for name in NAMES:
        intent: dict[str, Any] = {
            "kind": kind,
            "goal": "job-leads",
            "channel": "email",
            "company": company,
            "count": 2,
            "recipient": {"name": name, "relationship": "alumni"},
            "sender": {"name": "Leila Farahani", "reason": "I want to move into transit planning."},
        }
        for draft in _drafts(intent):
            assert f"at {said}" in draft.body, draft.body
            assert f"at {company}" not in draft.body, draft.body


def test_a_brand_ending_in_an_institutions_word_is_not_given_the() -> None:
    """The other side: "at Deutsche Bank", "at Mayo Clinic", "at Google"."""
    for company in ["Deutsche Bank", "Mayo Clinic", "Google"]:
        intent: dict[str, Any] = {
            "kind": "request",
            "goal": "job-leads",
            "channel": "email",
            "company": company,
            "count": 2,
            "recipient": {"name": "Sam Lee", "relationship": "alumni"},
            "sender": {"name": "Leila Farahani", "reason": "I want to move into banking."},
        }
        for draft in _drafts(intent):
            assert f"at {company}" in draft.body, draft.body


# --- a German favour reminder does not say "freuen" twice ------------------------------------------


@pytest.mark.parametrize("channel", ["email", "linkedin-message", "text"])
@pytest.mark.parametrize("relationship", ["friend", "former-colleague", "acquaintance", "family"])
def test_a_german_favour_reminder_does_not_say_freuen_twice(channel: str, relationship: str) -> None:
    """ "Über Ihre Hilfe würde ich mich weiterhin sehr freuen. Deshalb würde ich mich freuen zu hören,
    ob Sie meinen Lebenslauf durchsehen könnten.": the same verb in two sentences in a row."""
    for name in [*NAMES, "Anna Weber", "Luis García", "Jo Lee", "Kim Tran"]:
        intent: dict[str, Any] = {
            "kind": "reminder",
            "goal": "favour",
            "channel": channel,
            "language": "de-DE",
            "details": "meinen Lebenslauf durchsehen",
            "recipient": {"name": name, "relationship": relationship},
            "sender": {"name": "Lea Brandt", "reason": "Ich bewerbe mich gerade."},
        }
        for draft in _drafts(intent):
            for paragraph in draft.body.split("\n\n"):
                assert paragraph.count("freuen") <= 1, draft.body


# --- a role typed in title case --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("Registered Nurse", "registered nurse"),
        ("UX Researcher role", "UX researcher"),
        ("Senior Software Engineer", "senior software engineer"),
        ("Java Developer", "Java developer"),
        ("Salesforce Administrator", "Salesforce administrator"),
        ("Head of Sales", "Head"),  # a title with "of" is kept as typed ("two Heads of Sales")
        ("Chief Happiness Officer", "Chief Happiness Officer"),  # a title of its own, kept whole
    ],
)
@pytest.mark.parametrize("goal", ["job-leads", "introduction", "referral", "informational-interview"])
@pytest.mark.parametrize("channel", ["email", "text"])
def test_a_role_typed_in_title_case_is_said_as_a_common_noun(
    typed: str, said: str, goal: str, channel: str
) -> None:
    """ "Do you know three Registered Nurses I could talk to?", "a UX Researcher role at Spotify": a role
    is a common noun mid-sentence; a name in it keeps its capital ("a Java developer")."""
    for name in NAMES:
        intent: dict[str, Any] = {
            "kind": "request",
            "goal": goal,
            "channel": channel,
            "role": typed,
            "company": "Spotify",
            "count": 3,
            "recipient": {"name": name, "relationship": "former-colleague"},
            "sender": {"name": "Alex Kim", "reason": "After six years in retail I want a change."},
        }
        for draft in _drafts(intent):
            assert said in draft.body, draft.body


# --- a referral's thanks does not name the role the outcome names ----------------------------------


@pytest.mark.parametrize(
    ("help_", "outcome"),
    [
        ("referring me to the docs team", "I got the technical writer job!"),
        ("referring me to your director", "I accepted the technical writer offer."),
    ],
)
@pytest.mark.parametrize("channel", ["email", "linkedin-message", "text"])
def test_a_referral_thanks_does_not_name_the_role_its_outcome_names(
    help_: str, outcome: str, channel: str
) -> None:
    """ "Thank you so much for referring me to the docs team for the technical writer role. I got the
    technical writer job!": the role twice in two sentences. The outcome names it; the thanks need not."""
    for name in NAMES:
        intent: dict[str, Any] = {
            "kind": "thank-you",
            "goal": "referral",
            "channel": channel,
            "role": "technical writer",
            "company": "Stripe",
            "help": help_,
            "outcome": outcome,
            "recipient": {"name": name, "relationship": "friend"},
            "sender": {"name": "Hannah Cole"},
        }
        for draft in _drafts(intent):
            assert draft.body.count("technical writer") == 1, draft.body


# --- a Spanish thank-you by text does not say "gracias" twice in a row -----------------------------


TWICE = [
    "gracias a ti! Gracias",
    "gracias a usted. Gracias",
    "gracias a ti, así que muchas gracias",
    "gracias a usted, así que muchas gracias",
]


@pytest.mark.parametrize("relationship", ["friend", "family", "acquaintance", "mentor"])
@pytest.mark.parametrize("channel", ["text", "email", "linkedin-message"])
def test_a_spanish_thank_you_does_not_say_gracias_twice_in_a_row(relationship: str, channel: str) -> None:
    """ "¡Es gracias a ti! Gracias por presentarme a Julián.", "Es gracias a usted, así que muchas
    gracias por ...": "gracias" twice, one after the other."""
    for name in [*NAMES, "Anna Weber", "Luis García", "Marta Gil", "Jo Lee"]:
        intent: dict[str, Any] = {
            "kind": "thank-you",
            "goal": "introduction",
            "channel": channel,
            "language": "es-ES",
            "help": "presentarme a Julián",
            "outcome": "Tengo una entrevista en Seur la semana que viene.",
            "recipient": {"name": name, "relationship": relationship},
            "sender": {"name": "Lea Brandt"},
        }
        for draft in _drafts(intent):
            for said in (
                "gracias a ti! Gracias",
                "gracias a usted. Gracias",
                "gracias a ti, así que muchas gracias",
            ):
                assert said not in draft.body, draft.body
            assert "gracias a usted, así que muchas gracias" not in draft.body, draft.body


# --- a reminder's news is not led in with a word the sentence before just said ---------------------

NEWS = {
    "de-DE": ("Ich habe meinen Staplerschein gemacht.", "kurz", "Kurzes Update:"),
    "fr-FR": ("J'ai obtenu mon CACES.", "Petite relance", "Petite nouvelle"),
    "es-ES": ("He sacado el carné de carretillero.", "pequeño", "Una pequeña novedad"),
}


@pytest.mark.parametrize("language", list(NEWS))
@pytest.mark.parametrize("channel", ["email", "linkedin-message"])
@pytest.mark.parametrize("relationship", ["friend", "acquaintance", "former-colleague", "mentor"])
def test_a_reminders_news_is_not_led_in_with_the_word_before_it(
    language: str, channel: str, relationship: str
) -> None:
    """ "Petite relance au sujet de mon dernier message. Petite nouvelle : ...", "Ich wollte mich nur kurz
    melden. Kurzes Update: ...", "Un pequeño recordatorio ... Una pequeña novedad: ...": the lead-in to the
    news says again what the sentence before it just said."""
    news, before, lead = NEWS[language]
    for name in [*NAMES, "Anna Weber", "Luis García", "Marta Gil", "Jo Lee", "Kim Tran", "Ola Berg"]:
        intent: dict[str, Any] = {
            "kind": "reminder",
            "goal": "job-leads",
            "channel": channel,
            "language": language,
            "count": 2,
            "industry": "Logistik" if language == "de-DE" else "logística",
            "news": news,
            "recipient": {"name": name, "relationship": relationship},
            "sender": {"name": "Lea Brandt", "reason": "x"},
        }
        for draft in _drafts(intent):
            for paragraph in draft.body.split("\n\n"):
                said = (
                    paragraph.split(lead)[0].strip().rstrip(".").rsplit(". ", 1)[-1]
                    if lead in paragraph
                    else ""
                )
                assert before.casefold() not in said.casefold(), draft.body


# --- a connection note's hello does not open as the reason does ------------------------------------

NOTE_REASONS = {
    "en-US": ("I'd love to move from audit into deal advisory.", "I'd love to connect. I'd love"),
    "es-ES": ("Me encantaría pasarme a la logística.", "conectar con usted. Me encantaría"),
}


@pytest.mark.parametrize("language", list(NOTE_REASONS))
def test_a_connection_notes_hello_does_not_open_as_the_reason_does(language: str) -> None:
    """ "I'd love to connect. I'd love to move from audit into deal advisory.": two sentences, one
    opening, one after the other."""
    reason, twice = NOTE_REASONS[language]
    for name in [*NAMES, "Olivia Hart", "Ben Cole", "Anna Weber", "Luis García", "Marta Gil", "Jo Lee"]:
        intent: dict[str, Any] = {
            "kind": "request",
            "goal": "job-leads",
            "channel": "linkedin-connection-note",
            "language": language,
            "count": 2,
            "industry": "deal advisory" if language == "en-US" else "logística",
            "recipient": {"name": name, "relationship": "acquaintance"},
            "sender": {"name": "Ben Adeyemi", "reason": reason},
        }
        body = askcraft.draft(intent, check=False, variant="warm-up", today=TODAY).body
        assert twice not in body, body


# --- a German, French or Spanish role or field as its language writes a common noun ---------------


@pytest.mark.parametrize(
    ("language", "field", "role", "said"),
    [
        ("de-DE", "logistik", None, "Logistik"),
        ("de-DE", None, "disponentin", "als Disponentin"),
        ("fr-FR", "Logistique", None, "logistique"),
        ("fr-FR", None, "Planificatrice", "planificatrice"),
        ("es-ES", "Logística", None, "logística"),
        ("es-ES", None, "Enfermera", "enfermera"),
        ("fr-FR", "RH", None, "RH"),
        ("es-ES", "Silicon Valley", None, "Silicon Valley"),
    ],
)
@pytest.mark.parametrize("channel", ["email", "text"])
def test_a_field_or_role_is_written_as_its_language_writes_a_common_noun(
    language: str, field: str | None, role: str | None, said: str, channel: str
) -> None:
    """ "Stellen als disponentin", "deux personnes en Logistique", "un puesto de Enfermera": German
    capitalises its nouns, French and Spanish do not, mid-sentence; an acronym or a name is kept."""
    for name in NAMES:
        intent: dict[str, Any] = {
            "kind": "request",
            "goal": "job-leads",
            "channel": channel,
            "language": language,
            "count": 2,
            "recipient": {"name": name, "relationship": "friend"},
            "sender": {"name": "Lea Brandt", "reason": "x"},
        }
        if field:
            intent["industry"] = field
        if role:
            intent.update(role=role, company="Acme")
        for draft in _drafts(intent):
            assert said in draft.body, draft.body


# --- "thank you again" when the outcome says "again" -----------------------------------------------

AGAIN = [
    ("fr-FR", "tes conseils sur mon CV", "J'attends encore une réponse.", ("Encore merci",)),
    (
        "de-DE",
        "das Gespräch",
        "Ich bewerbe mich nächsten Monat noch einmal.",
        ("Noch einmal danke", "Noch einmal vielen"),
    ),
    ("es-ES", "tus consejos", "Lo intentaré de nuevo el mes que viene.", ("Gracias de nuevo",)),
    ("en-US", "the call", "I'm applying again next month.", ("Thank you again", "Thanks again")),
]


@pytest.mark.parametrize(("language", "help_", "outcome", "thanks"), AGAIN)
@pytest.mark.parametrize("channel", ["email", "linkedin-message", "text"])
def test_the_thanks_leave_again_to_an_outcome_that_says_it(
    language: str, help_: str, outcome: str, thanks: tuple[str, ...], channel: str
) -> None:
    """ "Encore merci pour tes conseils sur mon CV. J'attends encore une réponse.": a thank-you after
    a conversation says "thank you again", but not beside an outcome that says "again" itself."""
    for name in [*NAMES, "Anne Martin", "Anna Weber", "Marta Gil", "Jo Lee"]:
        recipient = {"name": name, "relationship": "friend", "pronouns": "she/her"}
        intent = _advice_thanks(language, help_, outcome, channel, recipient=recipient, sender="Léa Brandt")
        for draft in _drafts(intent):
            for said in thanks:
                assert said.casefold() not in draft.body.casefold(), draft.body
