"""More of what a recipient notices: a religious title in a friend's greeting, a knighthood in a
greeting in another language, a company's legal name and its article, and how a text thank-you after
a setback ends."""

from __future__ import annotations

from typing import Any

import pytest

from askcraft._render.names import greeting_name
from tests.test_recipient_reads import NAMES, _advice_thanks, _drafts

# --- a religious title ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "warm", "formal"),
    [
        ("Father Mike Doyle", "Father Mike", "Father Doyle"),
        ("Fr. Mike Doyle", "Fr. Mike", "Fr. Doyle"),
        ("father mike doyle", "Father Mike", "Father Doyle"),
        ("Father Michael J. Doyle", "Father Michael", "Father Doyle"),
        ("Sister Jane Smith", "Sister Jane", "Sister Jane"),
        ("Br. Tom Ellis", "Br. Tom", "Br. Tom"),
        # A religious name of two words is the name: not "Sister Mary", "Brother John".
        ("Sister Mary Clare", "Sister Mary Clare", "Sister Mary Clare"),
        ("Sister Mary Clare Byrne", "Sister Mary Clare", "Sister Mary Clare"),
        ("Brother John Paul", "Brother John Paul", "Brother John Paul"),
        ("Sr. María José", "Sr. María José", "Sr. María José"),
        ("Father Mike", "Father Mike", "Father Mike"),
    ],
)
def test_a_religious_title_goes_with_the_name_people_call_them_by(name: str, warm: str, formal: str) -> None:
    """ "Hey Father Mike Doyle!": a friend says "Father Mike"; a formal letter "Dear Father Doyle"
    (a priest by his surname), and a sister or brother by the given name ("Dear Sister Jane")."""
    assert greeting_name(name, warm=True).name == warm
    assert greeting_name(name, warm=False).name == formal


@pytest.mark.parametrize("channel", ["text", "email", "linkedin-message"])
@pytest.mark.parametrize("relationship", ["friend", "family", "acquaintance", "mentor"])
def test_a_friend_who_is_a_priest_is_not_greeted_by_his_whole_name(channel: str, relationship: str) -> None:
    """The draft's own greeting: "Hey Father Mike!" to a friend, "Dear Father Doyle," to an acquaintance;
    never "Father Mike Doyle"."""
    intent: dict[str, Any] = {
        "kind": "request",
        "goal": "favour",
        "channel": channel,
        "details": "look over my CV",
        "recipient": {"name": "Father Mike Doyle", "relationship": relationship},
        "sender": {"name": "Alex Kim", "reason": "I'm applying for analyst roles."},
    }
    expected = "Father Mike" if relationship in {"friend", "family"} else "Father Doyle"
    for draft in _drafts(intent):
        first = draft.body.split("\n")[0]
        assert "Father Mike Doyle" not in draft.body, draft.body
        assert expected in first, draft.body


@pytest.mark.parametrize(
    ("language", "name", "called", "ask"),
    [
        ("es-ES", "Padre Miguel Díaz", "Padre Miguel", ("revisar mi CV", "Busco trabajo de administrativa.")),
        ("fr-FR", "Père Jean Martin", "Père Jean", ("relire mon CV", "Je cherche un poste d'assistante.")),
        (
            "de-DE",
            "Pater Anselm Grün",
            "Pater Anselm",
            ("meinen Lebenslauf lesen", "Ich suche eine neue Stelle."),
        ),
    ],
)
@pytest.mark.parametrize("channel", ["text", "email"])
def test_a_friend_who_is_a_priest_keeps_his_name_in_another_language(
    language: str, name: str, called: str, ask: tuple[str, str], channel: str
) -> None:
    """ "¡Hola, Padre!": "Padre Miguel Díaz" was read as a given name "Padre", and the friend's own name
    went. He is "Padre Miguel" ("Salut Père Jean !")."""
    intent: dict[str, Any] = {
        "kind": "request",
        "goal": "favour",
        "channel": channel,
        "language": language,
        "details": ask[0],
        "recipient": {"name": name, "relationship": "friend"},
        "sender": {"name": "Ana Ruiz", "reason": ask[1]},
    }
    for draft in _drafts(intent):
        assert called in draft.body.split("\n")[0], draft.body


# --- a knighthood in another language's greeting -------------------------------------------------


REASONS = {
    "es-ES": ("documentales", "Quiero dedicarme a los documentales."),
    "de-DE": ("Dokumentarfilm", "Ich möchte Dokumentarfilme machen."),
    "fr-FR": ("documentaire", "Je veux me lancer dans le documentaire."),
}


@pytest.mark.parametrize(
    ("language", "name", "called"),
    [
        ("es-ES", "Sir David Attenborough", (("Sr. Attenborough",), "David")),
        ("es-ES", "Dame Judi Dench", (("Sra. Dench",), "Judi")),
        ("de-DE", "Sir David Attenborough", (("Herr Attenborough", "Herrn Attenborough"), "David")),
        ("de-DE", "Dame Judi Dench", (("Frau Dench",), "Judi")),
        ("fr-FR", "Sir David Attenborough", (("Monsieur",), "David")),
        ("fr-FR", "Dame Judi Dench", (("Madame",), "Judi")),
    ],
)
@pytest.mark.parametrize("channel", ["email", "linkedin-message", "text"])
@pytest.mark.parametrize("relationship", ["acquaintance", "alumni", "friend"])
def test_a_knighthood_is_not_said_in_a_greeting_in_another_language(
    language: str, name: str, called: tuple[tuple[str, ...], str], channel: str, relationship: str
) -> None:
    """ "Hola, Sir David Attenborough:": a British honour in a Spanish greeting. It says he is a man:
    "Estimado Sr. Attenborough:" ("Sehr geehrter Herr Attenborough", "Monsieur,"), and to a friend
    "¡Hola, David!"."""
    intent: dict[str, Any] = {
        "kind": "request",
        "goal": "advice",
        "channel": channel,
        "language": language,
        "industry": REASONS[language][0],
        "recipient": {"name": name, "relationship": relationship},
        "sender": {"name": "Ana Ruiz", "reason": REASONS[language][1]},
    }
    formal, warm = called
    for draft in _drafts(intent):
        first = draft.body.split("\n")[0]
        assert "Sir" not in first, draft.body
        assert "Dame " not in first, draft.body
        if relationship == "friend":
            assert warm in first, draft.body
        else:
            assert any(f in first for f in formal), draft.body


# --- a text thank-you after a setback does not end on it --------------------------------------------

SETBACK_TEXTS = [
    (
        "es-ES",
        "presentarme a Lucía Fernández, la directora de recursos humanos de la clínica de Valencia",
        "Por desgracia, al final eligieron a otra candidata con más experiencia en gestión de equipos.",
    ),
    (
        "es-ES",
        "presentarme a Lucía Fernández, la directora de recursos humanos",
        "Por desgracia, al final eligieron a otra candidata con más experiencia en gestión de equipos.",
    ),
    (
        "fr-FR",
        "m'avoir présentée à Hélène Lefèvre, la directrice des ressources humaines de la clinique",
        "Malheureusement, ils ont finalement choisi une autre candidate bien plus expérimentée que moi.",
    ),
    (
        "de-DE",
        "die Vorstellung bei Frau Dr. Müller, der Personalleiterin der Klinik in Düsseldorf",
        "Leider hat sich das Team am Ende für eine Kandidatin mit mehr Führungserfahrung entschieden.",
    ),
]


@pytest.mark.parametrize(("language", "help_", "outcome"), SETBACK_TEXTS)
@pytest.mark.parametrize("relationship", ["friend", "former-colleague", "mentor", "acquaintance"])
def test_a_text_thank_you_does_not_end_on_its_setback(
    language: str, help_: str, outcome: str, relationship: str
) -> None:
    """ "¡Mil gracias por presentarme a Lucía! Por desgracia, al final eligieron a otra candidata.": an
    accent makes the text UCS-2, the length fit left out the offer, and the thanks ended on the bad
    news. After a setback the short offer stays ("¡Te debo una!")."""
    for name in ["José Martínez", "Hélène Dubois", "Jürgen Weiß", *NAMES]:
        intent: dict[str, Any] = {
            "kind": "thank-you",
            "goal": "introduction",
            "channel": "text",
            "language": language,
            "help": help_,
            "outcome": outcome,
            "recipient": {"name": name, "relationship": relationship},
            "sender": {"name": "Ana Ruiz"},
        }
        for draft in _drafts(intent):
            assert not draft.body.rstrip().endswith(outcome), draft.body


# --- a company's legal name, and the "The" in its name ---------------------------------------------


@pytest.mark.parametrize(
    ("company", "said", "not_said"),
    [
        ("Spotify Technology S.A.", "Spotify", "Spotify Technology"),
        ("Uber Technologies, Inc.", "Uber", "Uber Technologies"),
        ("Alibaba Group Holding Limited", "Alibaba", "Alibaba Group"),
        ("Toyota Motor Corporation", "Toyota", "Toyota Motor"),
        ("The Carlyle Group Inc.", "Carlyle", "Carlyle Group"),
        # Two words left are the name, and a common adjective is nobody's.
        ("Lloyds Banking Group plc", "Lloyds Banking Group", "plc"),
        ("Global Technology Ltd", "Global Technology", "Ltd"),
    ],
)
@pytest.mark.parametrize("kind", ["request", "reminder", "thank-you"])
def test_a_legal_name_is_said_as_its_brand(company: str, said: str, not_said: str, kind: str) -> None:
    """ "a data engineer role at Spotify Technology": the legal form went, and what was left is what
    nobody calls it. People say "at Spotify"."""
    intent: dict[str, Any] = {
        "kind": kind,
        "goal": "referral",
        "channel": "email",
        "role": "data engineer",
        "company": company,
        "help": "referring me",
        "outcome": "I have an interview next week.",
        "recipient": {"name": "Sam Lee", "relationship": "former-colleague"},
        "sender": {"name": "Alex Kim", "reason": "I want to move into data engineering."},
    }
    for draft in _drafts(intent):
        text = f"{draft.subject}\n{draft.body}"
        assert said in text, text
        assert not_said not in text, text


@pytest.mark.parametrize(
    ("company", "said"),
    [
        ("The Home Depot", "the Home Depot"),
        ("The Walt Disney Company", "the Walt Disney Company"),
        ("The Home Depot, Inc.", "the Home Depot"),
        ("The BBC", "the BBC"),
        ("The University of Michigan", "the University of Michigan"),
    ],
)
@pytest.mark.parametrize("kind", ["request", "reminder"])
@pytest.mark.parametrize("channel", ["email", "text"])
def test_a_companys_the_is_lower_case_mid_sentence(company: str, said: str, kind: str, channel: str) -> None:
    """ "Do you know two people at The Home Depot": running text writes "the" in lower case even when
    it is part of the name ("at the Home Depot"), as it does for "the University of Michigan"."""
    for name in NAMES:
        intent: dict[str, Any] = {
            "kind": kind,
            "goal": "job-leads",
            "channel": channel,
            "company": company,
            "count": 2,
            "recipient": {"name": name, "relationship": "alumni"},
            "sender": {"name": "Alex Kim", "reason": "I want to move into retail management."},
        }
        for draft in _drafts(intent):
            text = f"{draft.subject}\n{draft.body}"
            assert said in text, text
            assert " The " not in text.replace(". The ", ""), text


# --- a reminder's news that says "since" itself ------------------------------------------------------

FIELDS = {"en-US": "logistics", "de-DE": "Logistik", "fr-FR": "logistique", "es-ES": "logística"}
SINCE_NEWS = {
    "en-US": ("I've since run my first usability study for a local nonprofit.", "since then"),
    "de-DE": ("Ich habe inzwischen meinen Staplerschein gemacht.", "Seitdem"),
    "fr-FR": ("J'ai depuis obtenu mon CACES.", "Du nouveau depuis"),
    "es-ES": ("Desde entonces he sacado el carné de carretillero.", "desde entonces"),
}


@pytest.mark.parametrize("language", list(SINCE_NEWS))
@pytest.mark.parametrize("channel", ["email", "linkedin-message"])
@pytest.mark.parametrize("relationship", ["friend", "acquaintance", "mentor"])
def test_a_reminders_news_that_says_since_is_not_led_in_with_since_then(
    language: str, channel: str, relationship: str
) -> None:
    """ "Some news since then: I've since run my first usability study.": the lead-in says what the
    news says. It is led in plainly ("Some news: I've since run ...")."""
    news, lead = SINCE_NEWS[language]
    for name in [*NAMES, "Anna Weber", "Luis García", "Marta Gil", "Jo Lee", "Kim Tran", "Ola Berg"]:
        intent: dict[str, Any] = {
            "kind": "reminder",
            "goal": "job-leads",
            "channel": channel,
            "language": language,
            "count": 2,
            "industry": FIELDS[language],
            "news": news,
            "recipient": {"name": name, "relationship": relationship},
            "sender": {"name": "Lea Brandt", "reason": "x"},
        }
        for draft in _drafts(intent):
            assert draft.body.casefold().count(lead.casefold()) == news.casefold().count(lead.casefold()), (
                draft.body
            )


# --- a gift that names its recipient in the third person ---------------------------------------------


@pytest.mark.parametrize(
    ("gift", "said"),
    [
        ("a box of his favourite cookies", "your favourite cookies"),
        ("a bottle of her favorite wine.", "your favorite wine"),
        ("flowers for her", "flowers for you"),
        ("Her favourite tea", "your favourite tea"),
        ("tickets to see their favourite band", "your favourite band"),
    ],
)
@pytest.mark.parametrize("channel", ["email", "linkedin-message", "text"])
@pytest.mark.parametrize("relationship", ["family", "friend", "mentor"])
def test_a_gift_is_told_to_the_person_it_is_for(
    gift: str, said: str, channel: str, relationship: str
) -> None:
    """ "Sending a box of his favourite cookies your way as a thank-you.": the user wrote the gift as
    they think of it; the message speaks to Grandpa Joe ("a box of your favourite cookies")."""
    for name in ["Grandpa Joe", *NAMES]:
        intent: dict[str, Any] = {
            "kind": "thank-you",
            "goal": "favour",
            "channel": channel,
            "help": "being a reference for me",
            "outcome": "We got the apartment!",
            "gift": gift,
            "recipient": {"name": name, "relationship": relationship},
            "sender": {"name": "Lily Chen"},
        }
        for draft in _drafts(intent):
            body = draft.body.casefold()
            assert said.casefold() in body, draft.body
            for third in (" his ", " her ", " their ", " him.", " her."):
                assert third not in body, draft.body


# --- the register the user's own words say ------------------------------------------------------------

TYPED_REGISTER = [
    ("fr-FR", "tes conseils sur mon CV", "J'attends encore une réponse de L'Oréal.", "informal"),
    ("fr-FR", "m'avoir présentée à ta collègue", "J'ai un entretien jeudi.", "informal"),
    ("es-ES", "tus consejos sobre mi CV", "Tengo una entrevista el martes.", "informal"),
    (
        "de-DE",
        "deine Tipps zu meinem Lebenslauf",
        "Ich habe nächste Woche ein Vorstellungsgespräch.",
        "informal",
    ),
    ("fr-FR", "vos conseils sur mon CV", "J'ai un entretien jeudi.", "formal"),
    ("es-ES", "la ayuda que usted me dio", "Tengo una entrevista el martes.", "formal"),
    (
        "de-DE",
        "die Tipps, die Sie mir gegeben haben",
        "Ich habe nächste Woche ein Vorstellungsgespräch.",
        "formal",
    ),
]


@pytest.mark.parametrize(("language", "help_", "outcome", "register"), TYPED_REGISTER)
@pytest.mark.parametrize("channel", ["email", "linkedin-message", "text"])
def test_the_message_says_you_as_the_users_own_words_do(
    language: str, help_: str, outcome: str, register: str, channel: str
) -> None:
    """ "Merci beaucoup pour tes conseils sur mon CV. ... Si je peux faire quelque chose pour vous, ...":
    the user's words say tu to a former colleague, the message vous. With no formality given, the
    message says you as the user's own words do, as if they had set it."""
    relationships = ["former-colleague", "acquaintance", "mentor"] if register == "informal" else ["friend"]
    for relationship in relationships:
        for name in ["Jean-Pierre Lefèvre", "Anna Weber", *NAMES[:3]]:
            who = {"name": name, "relationship": relationship}
            intent = _advice_thanks(language, help_, outcome, channel, recipient=who, sender="Amélie Roux")
            said = [d.body for d in _drafts(dict(intent))]
            assert said == [d.body for d in _drafts({**intent, "formality": register})], said


def test_words_in_both_registers_leave_it_to_the_relationship() -> None:
    """ "tes conseils" and "votre équipe" in one intent say nothing clear: a former colleague is vous."""
    intent: dict[str, Any] = {
        "kind": "thank-you",
        "goal": "advice",
        "channel": "email",
        "language": "fr-FR",
        "help": "tes conseils sur mon CV",
        "outcome": "Votre équipe m'a rappelée.",
        "recipient": {"name": "Jean-Pierre Lefèvre", "relationship": "former-colleague"},
        "sender": {"name": "Amélie Roux"},
    }
    assert [d.body for d in _drafts(dict(intent))] == [
        d.body for d in _drafts({**intent, "formality": "formal"})
    ]


# --- a role the reason named, in an introduction ----------------------------------------------------


@pytest.mark.parametrize("count", [1, 2])
@pytest.mark.parametrize("channel", ["email", "linkedin-message"])
@pytest.mark.parametrize("relationship", ["colleague", "friend", "alumni"])
def test_an_introduction_refers_back_to_the_role_the_reason_named(
    count: int, channel: str, relationship: str
) -> None:
    """ "I'd like to move from recruiting into an HR business partner role. Would you be open to
    introducing me to two HR business partners at Unilever?": the role twice. The ask refers back
    ("two people in that role at Unilever")."""
    for name in NAMES:
        intent: dict[str, Any] = {
            "kind": "request",
            "goal": "introduction",
            "channel": channel,
            "role": "HR business partner",
            "company": "Unilever PLC",
            "count": count,
            "recipient": {"name": name, "relationship": relationship},
            "sender": {
                "name": "Tom Reyes",
                "reason": "I'd like to move from recruiting into an HR business partner role.",
            },
        }
        for draft in _drafts(intent):
            assert draft.body.count("HR business partner") == 1, draft.body
            assert "in that role at Unilever" in draft.body, draft.body


def test_a_role_the_reason_names_in_passing_is_still_said_in_the_ask() -> None:
    """The other side: "I want advice from someone who made partner. Would you put me in touch with
    someone in that role at Ernst & Young?" points at a role the sender never aimed at; "a partner at
    Ernst & Young" says it."""
    for name in NAMES:
        intent: dict[str, Any] = {
            "kind": "request",
            "goal": "introduction",
            "channel": "email",
            "role": "partner",
            "count": 1,
            "company": "Ernst & Young LLP",
            "recipient": {"name": name, "relationship": "mentor"},
            "sender": {"name": "Bea Lind", "reason": "I want advice from someone who made partner."},
        }
        for draft in _drafts(intent):
            assert "a partner at Ernst & Young" in draft.body, draft.body


@pytest.mark.parametrize("channel", ["text", "linkedin-connection-note"])
@pytest.mark.parametrize("relationship", ["friend", "colleague", "acquaintance"])
def test_a_short_message_that_asks_first_tells_a_reason_naming_the_role_first(
    channel: str, relationship: str
) -> None:
    """ "Would you be open to referring me for a project manager role at Siemens? I'm looking for a
    project manager job.": the brief text asked first, and the reason said the role again. A reason
    that names the role is told first, and the ask refers back ("that kind of role at Siemens")."""
    for name in NAMES:
        intent: dict[str, Any] = {
            "kind": "request",
            "goal": "referral",
            "channel": channel,
            "role": "project manager",
            "company": "Siemens AG",
            "recipient": {"name": name, "relationship": relationship},
            "sender": {"name": "Tom Reyes", "reason": "I'm looking for a project manager job."},
        }
        for draft in _drafts(intent):
            assert draft.body.count("project manager") == 1, draft.body


# --- a referral for the one opening the news named --------------------------------------------------


@pytest.mark.parametrize(
    ("news", "said"),
    [
        ("Datadog just reposted the SRE role.", "for that role"),
        ("They just reposted the SRE role.", "for that role at Datadog"),
        ("The SRE position you mentioned is open again.", "for that role"),
    ],
)
@pytest.mark.parametrize("channel", ["email", "linkedin-message", "text"])
def test_a_referral_for_the_opening_the_news_named_is_for_that_role(
    news: str, said: str, channel: str
) -> None:
    """ "News: Datadog just reposted the SRE role. Would you be open to referring me for that kind of
    role there?": the news named one opening, and the ask is for it ("for that role")."""
    for name in NAMES:
        intent: dict[str, Any] = {
            "kind": "reminder",
            "goal": "referral",
            "channel": channel,
            "role": "SRE",
            "company": "Datadog, Inc.",
            "news": news,
            "recipient": {"name": name, "relationship": "former-colleague"},
            "sender": {"name": "Ines Duarte", "reason": "I've been running on-call for three years."},
        }
        for draft in _drafts(intent):
            assert "that kind of role" not in draft.body, draft.body
            assert said in draft.body, draft.body


# --- a count of people in figures, in a thank-you -------------------------------------------------


@pytest.mark.parametrize(
    ("help_", "said"),
    [
        ("sending me those 3 contacts at Deloitte", "those three contacts at Deloitte"),
        ("the 2 names at P&G", "the two names at P&G"),
        ("the 20 minutes on UX research", "the 20 minutes on UX research"),
    ],
)
@pytest.mark.parametrize("channel", ["email", "linkedin-message", "text"])
def test_a_thank_you_says_a_count_of_people_in_words(help_: str, said: str, channel: str) -> None:
    """ "Many thanks for sending me those 3 contacts at Deloitte.": counts of people are said in words
    ("three contacts"), as the request said them; twenty minutes stay in figures."""
    for name in NAMES:
        intent: dict[str, Any] = {
            "kind": "thank-you",
            "goal": "job-leads",
            "channel": channel,
            "help": help_,
            "outcome": "Two of them got back to me within a day!",
            "recipient": {"name": name, "relationship": "friend"},
            "sender": {"name": "Erin Walsh"},
        }
        for draft in _drafts(intent):
            assert said in draft.body, draft.body


# --- a reminder's "still" that says the ask's word -------------------------------------------------

STILL = {
    "es-ES": (
        "Terminé un bootcamp de UX en Platzi.",
        "Quiero pasar del diseño gráfico al diseño UX.",
        "cambio",
    ),
    "fr-FR": ("J'ai terminé une formation en UX.", "Je veux passer du graphisme au design UX.", "changement"),
}


@pytest.mark.parametrize("language", list(STILL))
@pytest.mark.parametrize("channel", ["email", "linkedin-message"])
def test_a_reminders_still_does_not_say_the_asks_word(language: str, channel: str) -> None:
    """ "Sigo dándole vueltas al cambio, así que le pregunto otra vez si tendría algún consejo sobre
    este cambio.": the same word twice in one sentence. (And "Una pequeña novedad: terminé ...", in lower
    case after the colon.)"""
    news, reason, word = STILL[language]
    for name in [*NAMES, "Anna Weber", "Luis García", "Marta Gil", "Jo Lee", "Kim Tran", "Ola Berg"]:
        intent: dict[str, Any] = {
            "kind": "reminder",
            "goal": "advice",
            "channel": channel,
            "language": language,
            "industry": "UX",
            "news": news,
            "recipient": {"name": name, "relationship": "acquaintance"},
            "sender": {"name": "Diego Torres", "reason": reason},
        }
        for draft in _drafts(intent):
            for sentence in draft.body.replace("\n", " ").split(". "):
                assert sentence.casefold().count(word) <= 1, draft.body
            assert ": Terminé" not in draft.body, draft.body  # Spanish goes on in lower case after a colon


# --- a gift that names its recipient, in another language -------------------------------------------


@pytest.mark.parametrize(
    ("language", "gift", "relationship", "said"),
    [
        ("es-ES", "una cena en su restaurante favorito", "friend", "tu restaurante favorito"),
        ("fr-FR", "une bouteille de son vin préféré", "friend", "ton vin préféré"),
        ("fr-FR", "une bouteille de son vin préféré", "mentor", "votre vin préféré"),
        ("de-DE", "eine Flasche seines Lieblingsweins", "friend", "deines Lieblingsweins"),
    ],
)
def test_a_gift_is_told_to_its_recipient_in_another_language(
    language: str, gift: str, relationship: str, said: str
) -> None:
    """ "Me encantaría invitarte a una cena en su restaurante favorito": "su" is a third person in a
    tú message; the gift is told to her ("tu restaurante favorito")."""
    helps = {
        "es-ES": "revisar mi carta",
        "fr-FR": "ta relecture" if relationship == "friend" else "votre relecture",
    }
    for name in NAMES:
        intent: dict[str, Any] = {
            "kind": "thank-you",
            "goal": "favour",
            "channel": "email",
            "language": language,
            "help": helps.get(language, "die Hilfe mit meinem Lebenslauf"),
            "outcome": {"es-ES": "Me llamaron para una entrevista.", "fr-FR": "J'ai un entretien jeudi."}.get(
                language, "Ich habe ein Vorstellungsgespräch."
            ),
            "gift": gift,
            "recipient": {"name": name, "relationship": relationship},
            "sender": {"name": "Lucía Gómez"},
        }
        for draft in _drafts(intent):
            assert said in draft.body, draft.body


# --- a role's seniority abbreviated, a legal form in title case -------------------------------------


@pytest.mark.parametrize(
    ("role", "said"),
    [("Sr. Software Engineer", "senior software engineer"), ("Jr Analyst", "junior analyst")],
)
def test_an_abbreviated_seniority_is_spelt_out(role: str, said: str) -> None:
    """ "referring me for a Sr. software engineer role at Atlassian Corporation Plc": running text
    spells "senior" out, and "Plc" is a legal form as "plc" and "PLC" are."""
    for name in NAMES:
        intent: dict[str, Any] = {
            "kind": "request",
            "goal": "referral",
            "channel": "email",
            "role": role,
            "company": "Atlassian Corporation Plc",
            "recipient": {"name": name, "relationship": "former-colleague"},
            "sender": {"name": "Ben Carter", "reason": "I want a bigger team after six years at a startup."},
        }
        for draft in _drafts(intent):
            assert said in draft.body, draft.body
            assert "Plc" not in f"{draft.subject}\n{draft.body}", draft.body
