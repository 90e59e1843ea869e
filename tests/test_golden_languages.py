"""Golden files for the German, French and Spanish templates: every kind x channel x goal, each variant.

Two people per language, one addressed formally with a gendered greeting, one informally without
pronouns, so both registers and both kinds of greeting are pinned. Rewrite the files with
``python -m pytest tests/test_golden_languages.py --update-golden`` and review the diff in git.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

import askcraft
from askcraft._intent.model import CHANNELS, GOALS, KINDS
from askcraft.packs import builtin_pack

GOLDEN = Path(__file__).parent / "golden-languages"
TODAY = date(2026, 11, 12)
VARIANTS = {
    "request": ("direct", "warm-up", "brief"),
    "reminder": ("nudge", "update", "brief"),
    "thank-you": ("news", "grateful", "brief"),
}

#: Per language: (name, fields) of the two people. Their words are in the language and in no register.
PEOPLE: dict[str, list[tuple[str, dict[str, Any]]]] = {
    "es": [
        (
            "dra-mensah-acquaintance",
            {
                "industry": "energías renovables",
                "role": "ingeniera de proyectos",
                "count": 2,
                "recipient": {
                    "name": "Dra. Ama Mensah",
                    "relationship": "acquaintance",
                    "company": "SunWorks",
                },
                "sender": {
                    "name": "Kofi Asante",
                    "reason": "Mi trabajo en parques solares me ha hecho querer construirlos a tiempo completo",  # noqa: E501
                },
                "details": "decirme qué certificaciones cuentan de verdad",
                "help": "revisar mi carta de presentación",
                "outcome": "Me han llamado para una entrevista en SunWorks.",
                "gift": "una cena en Tartine",
                "sent_on": date(2026, 10, 30),
                "send_date": TODAY,
            },
        ),
        (
            "pablo-friend",
            {
                "company": "Acme",
                "role": "diseñador UX",
                "count": 1,
                "recipient": {"name": "Pablo Ruiz", "relationship": "friend"},
                "sender": {
                    "name": "Jo-Anne Durán",
                    "reason": "Después de cinco años en comercio, ¡me encantaría diseñar las apps que uso!",
                },
                "details": "darme algunos consejos sobre mi portafolio",
                "help": "tus consejos",
                "news": "Acabo de terminar un curso de UX.",
                "sent_on": date(2026, 11, 4),
                "send_date": TODAY,
            },
        ),
    ],
    "fr": [
        (
            "madame-mensah-alumni",
            {
                "industry": "les énergies renouvelables",
                "role": "ingénieure projet",
                "count": 2,
                "recipient": {
                    "name": "Ama Mensah",
                    "relationship": "alumni",
                    "pronouns": "she/her",
                    "company": "SunWorks",
                },
                "sender": {
                    "name": "Kofi Asante",
                    "reason": "Mon travail sur des parcs solaires m'a donné envie d'en construire à plein temps",  # noqa: E501
                },
                "details": "me dire quelles certifications comptent vraiment",
                "help": "avoir relu ma lettre de motivation",
                "outcome": "J'ai décroché un entretien chez SunWorks.",
                "gift": "un dîner chez Tartine",
                "sent_on": date(2026, 10, 30),
                "send_date": TODAY,
            },
        ),
        (
            "hugo-friend",
            {
                "company": "Acme",
                "role": "designer UX",
                "count": 1,
                "recipient": {"name": "Hugo Martin", "relationship": "friend"},
                "sender": {
                    "name": "Jo-Anne Durand",
                    "reason": "Après cinq ans dans le commerce, j'aimerais concevoir les applis que j'utilise !",  # noqa: E501
                },
                "details": "me donner quelques conseils sur mon portfolio",
                "help": "m'avoir présenté Tom",
                "news": "Je viens de terminer une formation en UX.",
                "sent_on": date(2026, 11, 4),
                "send_date": TODAY,
            },
        ),
    ],
    "de": [
        (
            "frau-dr-mensah-mentor",
            {
                "industry": "erneuerbare Energien",
                "role": "Projektingenieurin",
                "count": 2,
                "recipient": {
                    "name": "Dr. Ama Mensah",
                    "relationship": "mentor",
                    "pronouns": "she/her",
                    "company": "SunWorks",
                },
                "sender": {
                    "name": "Kofi Asante",
                    "reason": "Meine Arbeit an Solarparks hat mir gezeigt, dass ich sie hauptberuflich bauen möchte",  # noqa: E501
                },
                "details": "mir sagen, welche Zertifikate wirklich zählen",
                "help": "die Durchsicht meines Anschreibens",
                "outcome": "Ich habe eine Einladung zum Vorstellungsgespräch bei SunWorks.",
                "gift": "ein Abendessen im Tartine",
                "sent_on": date(2026, 10, 30),
                "send_date": TODAY,
            },
        ),
        (
            "jonas-friend",
            {
                "company": "Acme",
                "role": "UX-Designer",
                "count": 1,
                "recipient": {"name": "Jonas Weber", "relationship": "friend"},
                "sender": {
                    "name": "Jo-Anne Dietz",
                    "reason": "Nach fünf Jahren im Einzelhandel würde ich gern die Apps gestalten, die ich selbst nutze!",  # noqa: E501
                },
                "details": "ein paar Tipps zu meinem Portfolio geben",
                "help": "die Vorstellung bei Tom",
                "news": "Ich habe gerade einen UX-Kurs abgeschlossen.",
                "sent_on": date(2026, 11, 4),
                "send_date": TODAY,
            },
        ),
    ],
}


def _combinations(language: str) -> list[tuple[str, str, str]]:
    combos = set()
    for entry in builtin_pack().manifest.templates:
        if entry.language != language:
            continue
        combos.update((k, c, g) for k in entry.kinds for c in entry.channels for g in entry.goals)
    return sorted(combos)


CASES = [(lang, *combo) for lang in sorted(PEOPLE) for combo in _combinations(lang)]


def _path(language: str, kind: str, channel: str, goal: str) -> Path:
    return GOLDEN / language / kind / channel / f"{goal}.txt"


def _render(language: str, kind: str, channel: str, goal: str) -> str:
    parts = [f"# {language} / {kind} / {channel} / {goal}\n"]
    for name, fields in PEOPLE[language]:
        data = {
            **fields,
            "kind": kind,
            "goal": goal,
            "channel": channel,
            "language": f"{language}-{language.upper()}",
        }
        if language == "es":
            data["language"] = "es-ES"
        for variant in VARIANTS[kind]:
            result = askcraft.draft(data, variant=variant, check=False, today=TODAY)
            parts.append(f"\n## {name} [{variant}] ({result.provenance.template})\n\n{result.to_text()}")
    return "".join(parts)


def test_every_language_covers_what_english_covers() -> None:
    """Each language pack drafts every kind x channel x goal the English one does, with its variants."""
    english = set(_combinations("en"))
    for language in PEOPLE:
        assert set(_combinations(language)) == english, language
    for kind in KINDS:
        assert any(c[0] == kind for c in english)
    assert {c[1] for c in english} == set(CHANNELS)
    assert {c[2] for c in english} == set(GOALS)


@pytest.mark.parametrize(
    ("language", "kind", "channel", "goal"), [pytest.param(*c, id="/".join(c)) for c in CASES]
)
def test_golden(language: str, kind: str, channel: str, goal: str, update_golden: bool) -> None:
    """The drafts for the fixed people match their golden file exactly."""
    path = _path(language, kind, channel, goal)
    actual = _render(language, kind, channel, goal)
    if update_golden:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
        return
    assert path.is_file(), f"{path} is missing; run pytest with --update-golden and review the new file"
    assert actual == path.read_text(encoding="utf-8"), (
        f"{path} changed; if intended, rerun with --update-golden"
    )


def test_no_stale_golden_files(update_golden: bool) -> None:
    """Every golden file belongs to a language and combination that still exists."""
    wanted = {_path(*case) for case in CASES}
    present = set(GOLDEN.rglob("*.txt"))
    if update_golden:
        for stale in present - wanted:
            stale.unlink()
        return
    assert not present - wanted, f"stale golden files: {sorted(map(str, present - wanted))}"
