"""A company or institution after a preposition takes the article its name needs, in every language.

"en Hospital La Paz", "chez Hôpital Necker", "bei Krankenhaus Nord" and "at University of Michigan"
read as a template's joins; "en el Hospital La Paz", "à l'Hôpital Necker", "im Krankenhaus Nord" and
"at the University of Michigan" as a person writes. Brands take none: "en Google", "bei Siemens".
"""

from __future__ import annotations

from datetime import date

import pytest

import askcraft
from askcraft._render.places import at

TODAY = date(2026, 11, 12)


@pytest.mark.parametrize(
    ("name", "language", "preposition", "expected"),
    [
        ("Hospital La Paz", "es", None, "en el Hospital La Paz"),
        ("Universidad de Salamanca", "es", None, "en la Universidad de Salamanca"),
        ("Ayuntamiento de Madrid", "es", "de", "del Ayuntamiento de Madrid"),
        ("Banco Santander", "es", "sobre", "sobre el Banco Santander"),
        ("El Corte Inglés", "es", None, "en El Corte Inglés"),
        ("Google", "es", None, "en Google"),
        ("Hôpital Necker", "fr", None, "à l'Hôpital Necker"),
        ("Université de Lyon", "fr", "sur", "sur l'Université de Lyon"),
        ("Crédit Agricole", "fr", None, "au Crédit Agricole"),
        ("CHU de Lyon", "fr", None, "au CHU de Lyon"),
        ("Mairie de Paris", "fr", None, "à la Mairie de Paris"),
        ("Google", "fr", None, "chez Google"),
        ("Krankenhaus Nord", "de", None, "im Krankenhaus Nord"),
        ("Krankenhaus Nord", "de", "zu", "zum Krankenhaus Nord"),
        ("Universität Heidelberg", "de", None, "an der Universität Heidelberg"),
        ("Technische Universität München", "de", "zu", "zur Technischen Universität München"),
        ("Deutsche Bank", "de", None, "bei der Deutschen Bank"),
        ("Commerzbank", "de", None, "bei der Commerzbank"),
        ("Städtisches Klinikum Karlsruhe", "de", None, "im Städtischen Klinikum Karlsruhe"),
        ("Stadt München", "de", None, "bei der Stadt München"),
        ("Siemens", "de", None, "bei Siemens"),
        ("Siemens AG", "de", None, "bei der Siemens AG"),
        ("Bosch GmbH", "de", "zu", "zur Bosch GmbH"),
        ("Tafel Deutschland e.V.", "de", None, "beim Tafel Deutschland e.V."),
        ("Verlag", "de", None, "beim Verlag"),
        ("AP-HP", "fr", None, "à l'AP-HP"),
        ("SNCF", "fr", None, "à la SNCF"),
        ("RATP", "fr", "sur", "sur la RATP"),
        ("Springer Verlag", "de", None, "beim Springer Verlag"),
        ("S. Fischer Verlag", "de", "zu", "zum S. Fischer Verlag"),
        ("Berliner Volksbank", "de", None, "bei der Berliner Volksbank"),
        ("Max Planck Institut", "de", None, "am Max Planck Institut"),
        ("Merck Darmstadt", "de", None, "bei Merck Darmstadt"),
        ("Johns Hopkins University", "de", None, "an der Johns Hopkins University"),
        ("Imperial College", "de", "zu", "zum Imperial College"),
        ("Axel Springer", "de", None, "bei Axel Springer"),
        ("Cooper Industries", "de", None, "bei Cooper Industries"),
        ("University of Michigan", "en-US", None, "at the University of Michigan"),
        ("Department of Health", "en-GB", "about", "about the Department of Health"),
        ("Bank of America", "en-US", None, "at Bank of America"),
        ("Mayo Clinic", "en-US", None, "at Mayo Clinic"),
    ],
)
def test_a_place_takes_the_article_its_name_needs(
    name: str, language: str, preposition: str | None, expected: str
) -> None:
    assert at(name, language, preposition) == expected


@pytest.mark.parametrize(
    ("language", "company", "said", "wrong"),
    [
        ("es", "Hospital La Paz", "en el Hospital La Paz", "en Hospital"),
        ("es", "Google", "en Google", "en el Google"),
        ("fr", "Hôpital Necker", "à l'Hôpital Necker", "chez Hôpital"),
        ("fr", "Google", "chez Google", "à Google"),
        ("de", "Krankenhaus Nord", "im Krankenhaus Nord", "bei Krankenhaus"),
        ("de", "Siemens", "bei Siemens", "beim Siemens"),
        ("en-US", "University of Michigan", "at the University of Michigan", "at University"),
        # English "the" typed before a company is English: gone before an acronym, the name's own
        # capital otherwise ("chez the BBC" and "bei the Guardian" were English inside the sentence).
        ("fr", "the BBC", "chez BBC", "the BBC"),
        ("es", "the bbc", "en BBC", "The BBC"),
        ("de", "the Guardian", "bei The Guardian", "the Guardian"),
        ("en-US", "the BBC", "at the BBC", "at BBC"),
    ],
)
@pytest.mark.parametrize("goal", ["job-leads", "referral", "advice"])
def test_drafts_put_the_article_before_an_institution(
    language: str, company: str, said: str, wrong: str, goal: str
) -> None:
    """The recipient's workplace in the pleasantry, the target in the ask and the subject line."""
    intent = {
        "kind": "request",
        "goal": goal,
        "channel": "email",
        "language": language,
        "company": company,
        "count": 2,
        "recipient": {"name": "Helen Ward", "relationship": "former-colleague", "company": company},
        "sender": {"name": "Ollie Grant", "reason": "X."},
    }
    draft = askcraft.draft(intent, check=False, grammar=False, today=TODAY)
    text = f"{draft.subject}\n{draft.body}"
    assert said in draft.body, draft.body
    assert wrong not in text, text
