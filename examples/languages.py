"""One ask in German, French and Spanish: the request to a friend (du, tu, tú) and to a mentor
(Sie, vous, usted), then the reminder and the thank-you in the same voice.

Run: python examples/languages.py
(Grammar is left out here; with LanguageTool's modules installed --
``python -m askcraft languagetool install --language de --language fr`` -- drop ``grammar=False``
and each message is checked in its own language.)
"""

from __future__ import annotations

from datetime import date

import askcraft

#: What the sender says, in each language (askcraft does not translate the user's own words).
WORDS = {
    "de-DE": {
        "industry": "Bankwesen",
        "reason": "Nach sechs Jahren als Mathelehrer möchte ich in die Finanzbranche wechseln.",
        "help": "die Vorstellung bei Priya",
        "outcome": "Ich habe am Montag ein Vorstellungsgespräch.",
    },
    "fr-FR": {
        "industry": "la banque",
        "reason": "Après six ans à enseigner les maths, je souhaite travailler dans la finance.",
        "help": "la mise en relation avec Priya",
        "outcome": "J'ai un entretien lundi.",
    },
    "es-ES": {
        "industry": "banca",
        "reason": "Después de seis años dando clases de matemáticas, quiero dar el salto a las finanzas.",
        "help": "presentarme a Priya",
        "outcome": "Tengo una entrevista el lunes.",
    },
}
PEOPLE = [
    {"name": "Mia Becker", "relationship": "friend", "pronouns": "she/her"},
    {"name": "Dr. Ama Mensah", "relationship": "mentor", "pronouns": "she/her"},
]


def main() -> None:
    """Draft the request, reminder and thank-you for each language and person."""
    sent = date(2026, 11, 2)
    for language, words in WORDS.items():
        for person in PEOPLE:
            request = askcraft.draft(
                {
                    "kind": "request",
                    "goal": "job-leads",
                    "language": language,
                    "industry": words["industry"],
                    "count": 3,
                    "recipient": person,
                    "sender": {"name": "Alex Kim", "reason": words["reason"]},
                    "send_date": sent,
                },
                grammar=False,
            )
            reminder = request.reminder(sent_on=sent, send_date=date(2026, 11, 12))
            thanks = request.thank_you(
                help=words["help"], outcome=words["outcome"], send_date=date(2026, 11, 20)
            )
            for message in (request, reminder, thanks):
                print(f"--- {language} {message.kind} to {person['name']}")
                print(message.to_text())


if __name__ == "__main__":
    main()
