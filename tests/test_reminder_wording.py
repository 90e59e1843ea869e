"""Reminders and requests read as their recipient: the joins a reader trips over, in every language."""

from __future__ import annotations

import itertools
import re
from datetime import date
from typing import Any

import pytest

import askcraft

REMINDER_VARIANTS = ["nudge", "update", "brief"]
VARIANTS = {
    "request": ["direct", "warm-up", "brief"],
    "reminder": REMINDER_VARIANTS,
    "thank-you": ["grateful", "news", "brief"],
}
NAMES = ["Rachel Goldberg", "Sam Lee", "Ana Ruiz", "Tom Hale", "Jo Park", "Priya Nair"]


def _intent(kind: str, language: str = "en-US", **fields: Any) -> dict[str, Any]:
    intent: dict[str, Any] = {
        "kind": kind,
        "goal": "job-leads",
        "channel": "email",
        "language": language,
        "industry": {"en": "banking", "de": "Bankwesen", "fr": "la banque", "es": "banca"}[language[:2]],
        "count": 2,
        "recipient": {"name": "Sam Lee", "relationship": "former-colleague"},
        "sender": {"name": "Alex Kim", "reason": "I want to move into finance."},
        **fields,
    }
    if kind == "reminder":
        intent.setdefault("sent_on", "2026-11-10")
    return intent


def _body(intent: dict[str, Any], variant: str | None = None) -> str:
    return askcraft.draft(intent, check=False, variant=variant, today=date(2026, 11, 28)).body


# --- news the user labelled themselves ------------------------------------------------------------

LABELLED_NEWS = [
    ("en-US", "Update: two companies called me back", "two companies called me back"),
    ("en-US", "Big news: I was accepted into the fellowship", "I was accepted into the fellowship"),
    ("en-US", "good news - I got a first interview at Stripe", "I got a first interview at Stripe"),
    ("en-US", "News! I got certified.", "I got certified"),
    ("en-US", "Quick update... I moved to Denver", "I moved to Denver"),
    ("de-DE", "Neuigkeit: Zwei Firmen haben sich gemeldet", "wei Firmen haben sich gemeldet"),
    ("de-DE", "Gute Nachrichten: ich habe ein Gespräch bei SAP", "ch habe ein Gespräch bei SAP"),
    ("fr-FR", "Bonne nouvelle : j'ai un entretien chez L'Oréal", "'ai un entretien chez L'Oréal"),
    ("fr-FR", "Nouvelle : deux entreprises m'ont rappelé", "eux entreprises m'ont rappelé"),
    ("es-ES", "Buenas noticias: tengo una entrevista en Inditex", "engo una entrevista en Inditex"),
    ("es-ES", "Novedad: dos empresas me han llamado", "os empresas me han llamado"),
    ("es-ES", "¡Buenas noticias! Tengo una entrevista en Inditex", "engo una entrevista en Inditex"),
    ("es-ES", "Buena noticia: ya tengo la certificación de AWS", "a tengo la certificación de AWS"),
    ("fr-FR", "Excellente nouvelle ! J'ai décroché un entretien", "'ai décroché un entretien"),
    ("de-DE", "Gute Neuigkeiten: Ich habe die Prüfung bestanden", "ch habe die Prüfung bestanden"),
]
LABEL = re.compile(
    r"\b(?:news|update|neuigkeit|neuigkeiten|nachrichten|nouvelle|noticias?|novedad)\b\s*[:!\-\u2013]\s*\W?"
    r"(?:news|update|neuigkeit|neuigkeiten|gute|nachrichten|bonne|excellente|nouvelle|buenas?|noticias?|novedad)\b",
    re.IGNORECASE,
)


@pytest.mark.parametrize(("language", "news", "kept"), LABELLED_NEWS)
@pytest.mark.parametrize("channel", ["email", "text"])
@pytest.mark.parametrize("name", NAMES)
def test_news_the_user_labelled_is_not_labelled_twice(
    language: str, news: str, kept: str, channel: str, name: str
) -> None:
    """ "Some news since then: Update: two companies called me back" says the label twice; the news
    is told once, after the reminder's own words for it."""
    recipient = {"name": name, "relationship": "former-colleague"}
    for variant in REMINDER_VARIANTS:
        body = _body(_intent("reminder", language, news=news, channel=channel, recipient=recipient), variant)
        assert kept[1:] in body, body  # its first letter takes the case of where it goes
        assert not LABEL.search(body), body


def test_news_that_is_only_a_label_is_kept() -> None:
    body = _body(_intent("reminder", news="Big news!"), "update")
    assert "Big news!" in body, body


@pytest.mark.parametrize("language", ["en-US", "de-DE", "fr-FR", "es-ES"])
@pytest.mark.parametrize("name", NAMES)
def test_news_that_trails_off_ends_with_a_full_stop(language: str, name: str) -> None:
    """A reason that trails off with "..." ends with a full stop; so does news ("I finished the
    bootcamp... I'd still love to know" reads unsure)."""
    news = {
        "en": "I finished the bootcamp...",
        "de": "Ich habe das Bootcamp abgeschlossen...",
        "fr": "J'ai fini le bootcamp...",
        "es": "Terminé el bootcamp...",
    }[language[:2]]
    recipient = {"name": name, "relationship": "former-colleague"}
    for variant in REMINDER_VARIANTS:
        body = _body(_intent("reminder", language, news=news, recipient=recipient), variant)
        assert "..." not in body, body
        assert "\u2026" not in body, body


# --- joins: elision, articles ---------------------------------------------------------------------


@pytest.mark.parametrize("goal", ["job-leads", "referral"])
@pytest.mark.parametrize("name", [*NAMES, "Julien Morel", "Claire Dubois", "Émilie Roux", "Karim Benali"])
def test_french_elides_te_before_a_vowel(goal: str, name: str) -> None:
    """ "Je peux te envoyer mon CV" is "Je peux t'envoyer mon CV"."""
    extra = {"company": "Airbus", "role": "analyste"} if goal == "referral" else {}
    recipient = {"name": name, "relationship": "friend"}
    for variant in ["direct", "warm-up", "brief"]:
        for channel in ["email", "linkedin-message"]:
            intent = _intent("request", "fr-FR", goal=goal, channel=channel, recipient=recipient, **extra)
            body = _body(intent, variant)
            assert not re.search(r"\b(?:te|me|je|de|que|ne|se) [aeiouyhéèêàâîô]", body, re.IGNORECASE), body


@pytest.mark.parametrize(
    ("company", "said"),
    [
        ("Siemens AG", "bei der Siemens AG"),
        ("Bosch GmbH", "bei der Bosch GmbH"),
        ("Allianz SE", "bei der Allianz SE"),
        ("Müller GmbH & Co. KG", "bei der Müller GmbH & Co. KG"),
        ("Tafel Deutschland e.V.", "beim Tafel Deutschland e.V."),
        ("Siemens", "bei Siemens"),
    ],
)
@pytest.mark.parametrize("kind", ["request", "reminder"])
def test_a_german_company_with_its_legal_form_takes_the_article(company: str, said: str, kind: str) -> None:
    """ "bei Siemens", but "bei der Siemens AG": a legal form is a noun with a gender (die AG, die
    GmbH, der Verein)."""
    for name in NAMES:
        recipient = {"name": name, "relationship": "former-colleague"}
        intent = _intent(kind, "de-DE", company=company, industry=None, recipient=recipient)
        body = _body(intent)
        assert said in body, body


# --- a reminder long after the ask says each thing once -------------------------------------------


@pytest.mark.parametrize("goal", ["job-leads", "introduction", "referral", "advice", "favour"])
@pytest.mark.parametrize("name", NAMES)
def test_a_late_english_reminder_does_not_join_two_sentences_with_so(goal: str, name: str) -> None:
    """ "I know it's been two months since I wrote, so I hope a follow-up is welcome. Messages do get
    buried, so I'd love to know ..." says "so" twice in a row."""
    extra = {"favour": {"details": "look over my CV"}, "referral": {"company": "Stripe"}}.get(goal, {})
    recipient = {"name": name, "relationship": "acquaintance"}
    for variant in REMINDER_VARIANTS:
        intent = _intent("reminder", goal=goal, sent_on="2026-09-01", recipient=recipient, **extra)
        body = _body(intent, variant)
        sentences = re.split(r"(?<=[.?!])\s+", body)
        for first, second in itertools.pairwise(sentences):
            assert not (", so " in first and ", so " in second), body


@pytest.mark.parametrize(
    ("language", "twice"),
    [("fr-FR", r"\bje me permets\b"), ("de-DE", r"\bnoch einmal\b"), ("es-ES", r"\bde nuevo\b")],
)
@pytest.mark.parametrize("formality", ["formal", "informal"])
@pytest.mark.parametrize("name", NAMES)
def test_a_reminder_does_not_say_its_follow_up_words_twice(
    language: str, twice: str, formality: str, name: str
) -> None:
    """ "Je me permets de relancer mon message ... alors je me permets de te redemander", "Ich melde
    mich noch einmal ... daher wollte ich noch einmal fragen", "Te escribo de nuevo ... quería
    preguntarte de nuevo": the follow-up says it is one; the ask restated does not say it again."""
    recipient = {"name": name, "relationship": "former-colleague"}
    for sent_on in ["2026-11-10", "2026-11-18", "2026-08-01", None]:
        for variant in REMINDER_VARIANTS:
            intent = _intent("reminder", language, formality=formality, recipient=recipient)
            intent["sent_on"] = sent_on
            body = _body(intent, variant)
            assert len(re.findall(twice, body, re.IGNORECASE)) <= 1, body


# --- the voice fits the greeting --------------------------------------------------------------------


TITLED = ["Mr. Lars Nielsen", "Dr. Ama Mensah", "Rev. Thomas Hale", "Prof. Lin", "Ms. Nguyễn Thị Lan"]


@pytest.mark.parametrize("name", TITLED)
@pytest.mark.parametrize("relationship", ["colleague", "former-colleague"])
@pytest.mark.parametrize("kind", ["request", "reminder", "thank-you"])
def test_a_formal_greeting_is_not_signed_off_with_cheers(name: str, relationship: str, kind: str) -> None:
    """ "Hello Mr. Nielsen, ... Cheers, Ana Souza": whoever is greeted by title is not signed off
    with a pub's "Cheers"."""
    variants = VARIANTS[kind]
    for goal in ["job-leads", "favour", "advice"]:
        extra: dict[str, Any] = {"details": "look over my CV"} if goal == "favour" else {}
        if kind == "thank-you":
            extra["help"] = "reviewing my CV" if goal == "favour" else "the names you sent"
        for channel in ["email", "linkedin-message"]:
            recipient = {"name": name, "relationship": relationship}
            intent = _intent(kind, goal=goal, channel=channel, recipient=recipient, **extra)
            for variant in variants:
                body = _body(intent, variant)
                assert "Cheers" not in body, body


@pytest.mark.parametrize("goal", ["advice", "favour"])
@pytest.mark.parametrize("kind", ["request", "reminder"])
@pytest.mark.parametrize("formality", ["formal", "informal"])
def test_a_german_favour_with_a_clause_of_its_own_keeps_its_verb_before_it(
    goal: str, kind: str, formality: str
) -> None:
    """ "ob Sie ... hätten und vielleicht mir sagen, welche Zertifikate wirklich zählen könnten" puts
    "könnten" in the wrong clause: "mir sagen könnten, welche Zertifikate wirklich zählen"."""
    details = "mir sagen, welche Zertifikate wirklich zählen"
    extra = {"role": "Projektingenieurin"} if goal == "advice" else {}
    for name in NAMES:
        recipient = {"name": name, "relationship": "mentor"}
        for variant in VARIANTS[kind]:
            fields = {"goal": goal, "details": details, "formality": formality, "recipient": recipient}
            intent = _intent(kind, "de-DE", **fields, **extra)
            body = _body(intent, variant)
            assert not re.search(r"zählen (?:könnten|könntest)", body), body


@pytest.mark.parametrize(
    ("language", "news", "after_colon"),
    [
        ("en-US", "several recruiters reached out", ": several recruiters"),
        ("fr-FR", "deux entreprises m'ont rappelée", ": deux entreprises"),
        ("fr-FR", "Nouvelle : trois recruteurs m'ont contactée", ": trois recruteurs"),
        ("es-ES", "varias empresas me han llamado", ": varias empresas"),
        ("es-ES", "¡dos empresas me han llamado!", ": ¡dos empresas"),
        ("en-US", "Google called me back", ": Google called"),
        ("en-US", "i passed my exam", ": I passed"),
        ("de-DE", "zwei Firmen haben sich gemeldet", ": Zwei Firmen"),
    ],
)
def test_news_typed_in_lower_case_stays_so_after_a_colon(language: str, news: str, after_colon: str) -> None:
    """ "Du nouveau de mon côté : Deux entreprises m'ont rappelée": the user wrote "deux", no name;
    after a colon it stays in lower case (German starts a whole sentence with a capital)."""
    seen = set()
    for name in NAMES:
        recipient = {"name": name, "relationship": "friend"}
        for variant in REMINDER_VARIANTS:
            body = _body(_intent("reminder", language, news=news, recipient=recipient), variant)
            seen |= {" ".join(m.group().split()) for m in re.finditer(r":\s+\S+ \S+", body)}
    mark = len(after_colon) - len(after_colon[2:].lstrip("\u00a1"))
    wrong = after_colon[:mark] + after_colon[mark].swapcase() + after_colon[mark + 1 :]
    assert after_colon in seen, seen
    assert wrong not in seen, seen


#: The word for the move a sender is making, which the lines around an advice ask used twice:
#: "Sigo pensando en mi próximo paso y ... algún consejo sobre mi paso a un puesto como ...",
#: "Ce projet de reconversion me tient toujours à cœur, et ... quelques conseils pour ma
#: reconversion comme ...", "Der Wechsel beschäftigt mich weiterhin, daher ... Tipps für meinen Wechsel".
MOVE_WORDS = {
    "en-US": r"\bmov(?:e|ing)\b",
    "de-DE": r"\bWechsel\b",
    "fr-FR": r"\breconversion\b",
    "es-ES": r"\bpaso\b",
}
REASONS = {
    "en-US": "I've taught math for six years.",
    "de-DE": "Ich unterrichte seit sechs Jahren Mathe.",
    "fr-FR": "J'enseigne les maths depuis six ans.",
    "es-ES": "Llevo seis años enseñando matemáticas.",
}
ADVICE_TARGETS = {
    "en-US": [{"role": "product manager"}, {"industry": "healthcare"}],
    "de-DE": [{"role": "Produktmanagerin"}, {"industry": "Gesundheitswesen"}],
    "fr-FR": [{"role": "cheffe de produit"}, {"industry": "santé"}],
    "es-ES": [{"role": "jefa de producto"}, {"industry": "sanidad"}],
}


@pytest.mark.parametrize("language", list(MOVE_WORDS))
@pytest.mark.parametrize("kind", ["request", "reminder"])
@pytest.mark.parametrize("name", NAMES)
def test_an_advice_ask_names_the_move_once(language: str, kind: str, name: str) -> None:
    for target in ADVICE_TARGETS[language]:
        for formality in ["formal", "informal"]:
            recipient = {"name": name, "relationship": "mentor"}
            reason = {"name": "Alex Kim", "reason": REASONS[language]}
            fields = {"goal": "advice", "industry": None, "formality": formality, "recipient": recipient}
            fields["sender"] = reason
            for variant in VARIANTS[kind]:
                body = _body(_intent(kind, language, **{**fields, **target}), variant)
                said = re.findall(MOVE_WORDS[language], body, re.IGNORECASE)
                assert len(said) <= 1, body


@pytest.mark.parametrize("greeting", ["Dear Professor Lin", "Dear Nana,", "Dearest Mia"])
@pytest.mark.parametrize("kind", ["request", "reminder"])
@pytest.mark.parametrize("relationship", ["family", "friend"])
def test_a_warm_text_does_not_exclaim_a_letter_greeting(greeting: str, kind: str, relationship: str) -> None:
    """ "Dear Professor Lin! Would you know ...?": a greeting of the user's own that opens a letter
    stands on its line, as in a letter; "Hi Nana!" is exclaimed as before."""
    recipient = {"name": "Rosa Diaz", "relationship": relationship, "greeting": greeting}
    for variant in VARIANTS[kind]:
        body = _body(_intent(kind, channel="text", recipient=recipient), variant)
        assert body.startswith(greeting.rstrip(",") + ",\n"), body
        assert "!" not in body.split("\n")[0], body
    recipient["greeting"] = "Hi Nana"
    assert _body(_intent(kind, channel="text", recipient=recipient)).startswith("Hi Nana! ")


#: A reason whose first sentence is background and whose second says what the sender wants.
TWO_SENTENCES = {
    "de-DE": (
        "Ich habe zehn Jahre im Einzelhandel gearbeitet. Jetzt möchte ich in die Finanzbranche wechseln.",
        "Finanzbranche",
    ),
    "fr-FR": (
        "J'ai travaillé dix ans dans le commerce. Maintenant, je voudrais passer à la finance.",
        "finance",
    ),
    "es-ES": ("He trabajado diez años en el comercio. Ahora quiero pasarme a las finanzas.", "finanzas"),
}


@pytest.mark.parametrize("language", list(TWO_SENTENCES))
@pytest.mark.parametrize("name", NAMES)
def test_a_shortened_reason_keeps_what_the_sender_wants(language: str, name: str) -> None:
    """A connection note short of room keeps the reason's point: "Ich habe zehn Jahre im
    Einzelhandel gearbeitet." alone says nothing of the move; "Jetzt möchte ich in die
    Finanzbranche wechseln." does."""
    reason, point = TWO_SENTENCES[language]
    recipient = {"name": name, "relationship": "friend"}
    for variant in VARIANTS["request"]:
        sender = {"name": "Alex Kim", "reason": reason}
        intent = _intent(
            "request", language, channel="linkedin-connection-note", recipient=recipient, sender=sender
        )
        assert point in _body(intent, variant)


@pytest.mark.parametrize(
    ("reason", "said"),
    [
        ("¡¡acabo de terminar la carrera!!", "¡Acabo de terminar la carrera!"),
        ("¡acabo de terminar la carrera!", "¡Acabo de terminar la carrera!"),
        ("¿sabías que me mudo a Madrid?", "¿Sabías que me mudo a Madrid?"),
    ],
)
@pytest.mark.parametrize("channel", ["email", "text", "linkedin-message"])
def test_a_spanish_reason_opened_with_its_mark_gets_its_capital_and_one_mark(
    reason: str, said: str, channel: str
) -> None:
    """ "¡¡acabo de terminar la carrera!" keeps a lower case letter and two opening marks for one
    closing mark: "¡Acabo de terminar la carrera!"."""
    sender = {"name": "Alex Kim", "reason": reason}
    for variant in VARIANTS["request"]:
        assert said in _body(_intent("request", "es-ES", channel=channel, sender=sender), variant)


@pytest.mark.parametrize(
    ("role", "industry"),
    [("clinical research coordinator", "clinical research"), ("UX research lead", "UX research")],
)
@pytest.mark.parametrize("goal", ["advice", "introduction", "job-leads", "informational-interview"])
@pytest.mark.parametrize("kind", ["request", "reminder"])
@pytest.mark.parametrize("name", NAMES[:3])
def test_a_field_the_role_names_is_not_said_again_in_any_ask(
    role: str, industry: str, goal: str, kind: str, name: str
) -> None:
    """ "your advice on becoming a clinical research coordinator in clinical research", "two clinical
    research coordinators in clinical research": the role says the field; every ask says it once."""
    recipient = {"name": name, "relationship": "former-colleague"}
    for variant in VARIANTS[kind]:
        for channel in ["email", "text"]:
            fields = {
                "goal": goal,
                "role": role,
                "industry": industry,
                "channel": channel,
                "recipient": recipient,
            }
            body = _body(_intent(kind, **fields), variant)
            for said in re.split(r"(?<=[.?!])\s+", body):
                assert said.lower().count(industry.lower()) <= 1, body
            assert role.rsplit(maxsplit=1)[-1] in body, body


# --- an ask that points at what only the reason named ----------------------------------------------

#: (reason, favour, what the reason must bring back): the favour's "it", "them" or "there" points at
#: something only the reason names, and a reminder leaves the reason out.
LEANING_ASKS = [
    ("I'm applying for the evening MBA.", "tell me if your company sponsors employees for it", "evening MBA"),
    (
        "I got an offer to join a startup and I can't decide!!",
        "tell me what you'd ask them before saying yes",
        "startup",
    ),
    (
        "I'm applying to the apprenticeship at the engineering works where you spent thirty years.",
        "tell me what the foremen there actually look for in an apprentice",
        "engineering works",
    ),
]


@pytest.mark.parametrize(("reason", "details", "named"), LEANING_ASKS)
@pytest.mark.parametrize(
    ("variant", "channel"), list(itertools.product(REMINDER_VARIANTS, ["email", "text", "linkedin-message"]))
)
@pytest.mark.parametrize("late", [False, True])
def test_a_reminder_whose_ask_points_back_says_the_reason_again(
    reason: str, details: str, named: str, variant: str, channel: str, *, late: bool
) -> None:
    intent = _intent(
        "reminder",
        goal="favour",
        channel=channel,
        details=details,
        sender={"name": "Alex Kim", "reason": reason},
        sent_on="2026-08-01" if late else "2026-11-10",
    )
    body = _body(intent, variant)
    assert named in body, body
    # Said before the ask that points at it, and once.
    assert body.index(named) < body.index(" ".join(details.split()[-3:])), body
    assert body.count(named) == 1, body


@pytest.mark.parametrize(
    "details",
    [
        "look over my CV before I send it out",
        "sit in on my dry run and tell me where it drags",
        "tell me which vendors treat their implementation consultants well",
        "let me know if there's an opening",
        "tell me whether the thesis track is worth it",
    ],
)
def test_a_reminder_whose_ask_stands_alone_does_not_repeat_the_reason(details: str) -> None:
    reason = {"name": "Alex Kim", "reason": "I'm applying for the evening MBA."}
    intent = _intent("reminder", goal="favour", details=details, sender=reason)
    for variant in REMINDER_VARIANTS:
        body = _body(intent, variant)
        assert "evening MBA" not in body, body
