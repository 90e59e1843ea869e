"""Distinctness: how many different messages thirty recipients of one ask receive (issue 9).

Run from the repository root:  python benchmarks/distinct_drafts.py [--language de] [--show N]

For each ask, thirty people of the same relationship (different, realistic names) are sent the
same intent. Each draft (subject and body, default variant, no checks) is masked: every
occurrence of the recipient's whole name and of each word of it becomes "<NAME>", so two drafts
that differ only in the name count as one. The figure is the number of distinct masked drafts
out of thirty; issue 9's target is at least twenty. Also printed: distinct openings (the first
line or sentence after the greeting) and distinct closings (the last two lines), to show where
the sameness sits.
"""

from __future__ import annotations

import argparse
import copy
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import askcraft  # noqa: E402

TODAY = date(2026, 11, 12)

#: Thirty people one might ask, from many backgrounds (none of them also an ordinary word).
PEOPLE = [
    "Sam Lee",
    "Priya Patel",
    "Jordan Blake",
    "María González",
    "Kofi Mensah",
    "Aoife Byrne",
    "Wei Zhang",
    "Olivia Brown",
    "Tomasz Nowak",
    "Fatima Zahra",
    "Liam O'Connor",
    "Chloé Dubois",
    "Daniel Okafor",
    "Hiroko Yamamoto",
    "Marcus Webb",
    "Ingrid Sørensen",
    "Ravi Shah",
    "Nicole Brandt",
    "Oluwaseun Adeyemi",
    "Emma Wilson",
    "Diego Flores",
    "Aisha Bello",
    "Lukas Becker",
    "Sinéad Murphy",
    "Kenji Watanabe",
    "Gloria Mendes",
    "Björn Andersson",
    "Thandiwe Dlamini",
    "Hannah Cole",
    "Yusuf Demir",
]
#: Thirty family members, as people write them in a contact list.
FAMILY = [
    "Mom",
    "Dad",
    "Aunt Marisol",
    "Uncle Ray",
    "Grandma Rose",
    "Grandpa Joe",
    "Cousin Bea",
    "Nana",
    "Aunt Priya",
    "Uncle Tomás",
    "Gran",
    "Cousin Dev",
    "Auntie Ngozi",
    "Uncle Kenji",
    "Mia",
    "Jake",
    "Tía Carmen",
    "Tío José",
    "Aunt Sarah",
    "Uncle Liam",
    "Grandma Wei",
    "Cousin Ana",
    "Aunt Fatima",
    "Uncle Kofi",
    "Lena",
    "Oma",
    "Opa",
    "Aunt Chloé",
    "Uncle Marcus",
    "Cousin Ravi",
]

#: The asks measured: one intent each, sent to thirty recipients of one relationship.
ASKS: dict[str, tuple[dict[str, Any], list[str]]] = {
    "job-leads email to friends": (
        {
            "kind": "request",
            "goal": "job-leads",
            "channel": "email",
            "industry": "banking",
            "count": 3,
            "recipient": {"relationship": "friend"},
            "sender": {
                "name": "Alex Kim",
                "reason": (
                    "After six years teaching math, I want to put my numbers skills to work in finance."
                ),
            },
        },
        PEOPLE,
    ),
    "favour text to family": (
        {
            "kind": "request",
            "goal": "favour",
            "channel": "text",
            "details": "look over my CV before I send it out",
            "recipient": {"relationship": "family"},
            "sender": {
                "name": "Alex Kim",
                "reason": (
                    "I'm applying for analyst roles this month and want my CV to be as clear as it can be."
                ),
            },
        },
        FAMILY,
    ),
    "informational interview to alumni (email)": (
        {
            "kind": "request",
            "goal": "informational-interview",
            "channel": "email",
            "industry": "environmental consulting",
            "recipient": {"relationship": "alumni"},
            "sender": {
                "name": "Sarah Johnson",
                "reason": "I've taught high-school chemistry for eight years and want to use it outdoors.",
            },
        },
        PEOPLE,
    ),
    "reminder email to former colleagues": (
        {
            "kind": "reminder",
            "goal": "job-leads",
            "channel": "email",
            "industry": "banking",
            "count": 3,
            "sent_on": "2026-10-29",
            "send_date": "2026-11-12",
            "recipient": {"relationship": "former-colleague"},
            "sender": {"name": "Alex Kim", "reason": "I want to put my math degree to work in finance."},
        },
        PEOPLE,
    ),
    "thank-you text to friends": (
        {
            "kind": "thank-you",
            "goal": "introduction",
            "channel": "text",
            "industry": "banking",
            "count": 2,
            "help": "introducing me to Tamsin at Northbank",
            "outcome": "I have an interview on Monday",
            "recipient": {"relationship": "friend"},
            "sender": {"name": "Alex Kim"},
        },
        PEOPLE,
    ),
}


#: The same five asks in German, French and Spanish: (what changes from the English ask).
LOCALISED: dict[str, dict[str, dict[str, Any]]] = {
    "de": {
        "job-leads email to friends": {
            "industry": "Bankwesen",
            "sender": {
                "reason": "Nach sechs Jahren als Mathelehrer möchte ich meine Zahlenkenntnisse im Finanzbereich einsetzen."  # noqa: E501
            },
        },
        "favour text to family": {
            "details": "einen Blick auf meinen Lebenslauf werfen, bevor ich ihn verschicke",
            "sender": {
                "reason": "Ich bewerbe mich diesen Monat auf Analystenstellen und möchte einen möglichst klaren Lebenslauf."  # noqa: E501
            },
        },
        "informational interview to alumni (email)": {
            "industry": "Umweltberatung",
            "sender": {
                "reason": "Ich unterrichte seit acht Jahren Chemie und möchte mein Wissen draußen anwenden."
            },
        },
        "reminder email to former colleagues": {
            "industry": "Bankwesen",
            "sender": {"reason": "Ich möchte mein Mathestudium im Finanzbereich nutzen."},
        },
        "thank-you text to friends": {
            "industry": "Bankwesen",
            "help": "die Vorstellung bei Tamsin von der Northbank",
            "outcome": "Ich habe am Montag ein Vorstellungsgespräch",
        },
    },
}


LOCALISED["fr"] = {
    "job-leads email to friends": {
        "industry": "la banque",
        "sender": {
            "reason": "Après six ans à enseigner les maths, je veux mettre mes compétences au service de la finance."  # noqa: E501
        },
    },
    "favour text to family": {
        "details": "relire mon CV avant que je l'envoie",
        "sender": {
            "reason": "Je postule à des postes d'analyste ce mois-ci et je veux un CV aussi clair que possible."  # noqa: E501
        },
    },
    "informational interview to alumni (email)": {
        "industry": "conseil en environnement",
        "sender": {
            "reason": "J'enseigne la chimie depuis huit ans et j'aimerais l'appliquer sur le terrain."
        },
    },
    "reminder email to former colleagues": {
        "industry": "la banque",
        "sender": {"reason": "Je veux mettre mon diplôme de maths au service de la finance."},
    },
    "thank-you text to friends": {
        "industry": "la banque",
        "help": "la mise en relation avec Tamsin chez Northbank",
        "outcome": "J'ai un entretien lundi",
    },
}


LOCALISED["es"] = {
    "job-leads email to friends": {
        "industry": "banca",
        "sender": {
            "reason": "Después de seis años dando clases de matemáticas, quiero aplicar mis números en finanzas."  # noqa: E501
        },
    },
    "favour text to family": {
        "details": "revisar mi CV antes de enviarlo",
        "sender": {
            "reason": "Este mes me presento a puestos de analista y quiero un CV lo más claro posible."
        },
    },
    "informational interview to alumni (email)": {
        "industry": "consultoría ambiental",
        "sender": {"reason": "Llevo ocho años enseñando química y me gustaría aplicarla fuera del aula."},
    },
    "reminder email to former colleagues": {
        "industry": "banca",
        "sender": {"reason": "Quiero aplicar mi carrera de matemáticas en finanzas."},
    },
    "thank-you text to friends": {
        "industry": "banca",
        "help": "presentarme a Tamsin, de Northbank",
        "outcome": "Tengo una entrevista el lunes",
    },
}


def asks_in(language: str) -> dict[str, tuple[dict[str, Any], list[str]]]:
    """Return the measured asks written in *language* ('en' for the English ones)."""
    if language == "en":
        return ASKS
    out = {}
    for label, (base, names) in ASKS.items():
        changes = LOCALISED[language][label]
        data = copy.deepcopy(base)
        data["language"] = language
        for key, value in changes.items():
            data[key] = {**data[key], **value} if isinstance(value, dict) else value
        out[label] = (data, names)
    return out


def mask(text: str, name: str) -> str:
    """Replace the recipient's whole name and each word of it with <NAME>."""
    parts = sorted({name, *name.split()}, key=len, reverse=True)
    pattern = "|".join(rf"(?<!\w){re.escape(p)}(?!\w)" for p in parts if p)
    return re.sub(pattern, "<NAME>", text)


def drafts_for(base: dict[str, Any], names: list[str]) -> list[tuple[str, str]]:
    """Draft *base* once per name and return each (subject, body), the name masked."""
    out = []
    for name in names:
        data = copy.deepcopy(base)
        data["recipient"]["name"] = name
        draft = askcraft.draft(data, check=False, today=TODAY)
        out.append((mask(draft.subject or "", name), mask(draft.body, name)))
    return out


def distinct_drafts(base: dict[str, Any], names: list[str]) -> int:
    """Return how many different messages (name masked) the recipients in *names* get."""
    return len(set(drafts_for(base, names)))


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def _opening(body: str) -> str:
    """Return the first sentence after the greeting."""
    lines = [line for line in body.splitlines() if line.strip()]
    if len(lines) > 1:  # a letter: the greeting has a line of its own
        return _sentences(lines[1])[0]
    sentences = _sentences(lines[0])  # a text message: greeting and all on one line
    return sentences[1] if len(sentences) > 1 else sentences[0]


def _closing(body: str) -> str:
    """Return the last paragraph's last sentence and the sign-off (a text: its last two sentences)."""
    lines = [line for line in body.splitlines() if line.strip()]
    if len(lines) == 1:
        return " ".join(_sentences(lines[0])[-2:])
    return " / ".join([_sentences(lines[-3])[-1], *lines[-2:]])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print N masked drafts of each ask")
    parser.add_argument("--language", default="en", choices=["en", *LOCALISED], help="the asks' language")
    args = parser.parse_args()
    print(f"{'ask':45} {'distinct':>8} {'openings':>8} {'closings':>8}   (of 30 recipients; target >= 20)")
    for label, (base, names) in asks_in(args.language).items():
        assert len(set(names)) == 30, f"{label}: thirty different recipients"
        drafts = drafts_for(base, names)
        distinct = len(set(drafts))
        openings = len({_opening(body) for _, body in drafts})
        closings = len({_closing(body) for _, body in drafts})
        print(f"{label:45} {distinct:>8} {openings:>8} {closings:>8}")
        for subject, body in sorted(set(drafts))[: args.show]:
            text = f"Subject: {subject}\n{body}" if subject else body
            print("    " + text.replace("\n", "\n    "), end="\n\n")


if __name__ == "__main__":
    main()
