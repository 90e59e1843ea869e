"""Greetings in German, French and Spanish: register, gender and titles as each language has them.

"Liebe Frau Dr. Mensah", "Hallo Sam", "Chère Madame", "Bonjour Sam", "Estimada Dra. Mensah",
"Hola, Sam". A gendered greeting needs the recipient's pronouns (or a title in the name that
says it, "Frau", "Sra.", "Tante"): gender is never guessed from a name, and without it the
greeting is one that needs none ("Guten Tag Sam Lee", "Bonjour Sam Lee", "Hola, Sam").
"""

from __future__ import annotations

import dataclasses
import functools
import re
from typing import TYPE_CHECKING, Any

from askcraft._render.languages import data, gender_from_pronouns, informal, primary
from askcraft._render.names import chinese_whole, family_first, greeting_name, particle_given_name, tidy_case

if TYPE_CHECKING:
    from askcraft._intent.model import Intent
    from askcraft._render.discourse import Discourse

#: Relationships greeted at a distance in a formal register ("Sehr geehrte", "Chère Madame").
DISTANT = frozenset({"acquaintance", "alumni"})
_SYMBOLS = re.compile("[\U0001f000-\U0001faff\U00002600-\U000027bf\u200d\ufe0f\u2b50\u2764\u2728]+")
#: Particles that belong to a surname: "van der Berg", "de la Fuente", "von Trapp".
_PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "del", "della", "la", "le", "du", "da", "dos", "zu"}
)


@dataclasses.dataclass(frozen=True)
class Addressee:
    """How one person is addressed in one language."""

    given: str
    full: str
    gender: str | None
    addr: str | None


def _key(word: str) -> str:
    return word.casefold().rstrip(".")


@functools.cache
def _title_genders(language: str) -> dict[str, str]:
    genders = data(language)["title_gender"]
    return {word: g for g in ("f", "m") for word in genders[g]}


def addressee(name: str, pronouns: str | None, language: str) -> Addressee:
    """Return how *name* is addressed in *language*: given name, full name, gender, formal address."""
    lang = data(language)
    clean = tidy_case(" ".join(_SYMBOLS.sub(" ", name).split()) or name.strip())  # "ana ruiz": Sra. Ruiz
    words = clean.split()
    genders = _title_genders(language)
    academic_titles: dict[str, Any] = lang["academic"]
    gender = gender_from_pronouns(pronouns)
    honorifics: list[str] = []
    academic: list[str] = []
    family = False
    known_academic = {"dr", "doctor", "dra", "prof", "professor"}
    while len(words) > 1 and (_key(words[0]) in genders or _key(words[0]) in known_academic):
        word = _key(words[0])
        if word in known_academic:
            academic.append(word)
            gender = gender or genders.get(word)  # "Dra." says it, "Dr." does not
        elif word in genders:
            gender = gender or genders[word]
            if word in lang.get("kin_titles", ()):
                family = True
                break  # a family title stays in the name: "Tante Marisol"
            honorifics.append(word)
        words = words[1:]
    rest = words
    if honorifics and len(rest) == 1:
        given = clean  # "Madame Lefèvre", "Frau Yilmaz": the title is how they are called
    else:
        given = greeting_name(" ".join(rest), warm=True).name if rest else clean
    if family and lang.get("kin_title_lower") and given.split(" ", 1)[0] == rest[0]:
        given = given[:1].lower() + given[1:]  # "¡Hola, tía Carmen!", "Salut tante Sophie"
    elif len(words) == 1 and _key(given) in lang.get("kin_alone_lower", ()):
        given = given.lower()  # "¡Hola, abuela!": a common noun, as a vocative
    joined = particle_given_name(rest)
    if joined:  # "María del Carmen Ruiz": the particle is in her given name, and Ruiz is the surname
        surname = " ".join(rest[joined:]) or None
    else:
        surname = rest[0] if len(rest) == 1 and (honorifics or academic) else _surname(rest, language)
    kept = [_academic(a, gender, academic_titles) for a in academic]
    shown = [t for t in kept if t]
    full = " ".join([*shown, *rest]) if rest else clean
    addr = None if family else _formal(lang, gender, surname, shown, rest if honorifics or shown else [])
    return Addressee(given=given, full=full, gender=gender, addr=addr)


def _formal(
    lang: dict[str, Any], gender: str | None, surname: str | None, shown: list[str], titled: list[str]
) -> str | None:
    """Return the formal address ("Frau Dr. Mensah", "Sra. Ruiz"), or None without a gender.

    When the surname is not clear, a name the user typed with a title (*titled*: "Sr. José Luis
    Martínez") is addressed with the title and the whole name, never the bare "José Luis Martínez".
    """
    if gender is None:
        return None
    title = [lang["honorific"][gender]] if lang["academic_after_honorific"] or not shown else []
    if surname is not None:
        return " ".join([*title, *shown, surname])
    return " ".join([*title, *shown, *titled]) if titled else None


def _academic(title: str, gender: str | None, titles: dict[str, Any]) -> str | None:
    """Return an academic title as *language* writes it ("Dr.", "Dra."), or None to leave it out."""
    form = titles.get(title)
    if isinstance(form, dict):
        return str(form[gender]) if gender in form else None
    return str(form) if form else None


def _surname(words: list[str], language: str) -> str | None:
    """Return the surname a formal address uses, or None when it is not clear which it is."""
    if len(words) < 2:
        return None
    if family_first(words):
        return words[0]  # "Nguyễn Thị Lan": Frau Nguyễn, as greeting_name reads the family name first
    if chinese_whole(words):
        return None  # "Zhang Wei": Zhang or Wei? Not guessed
    for i, word in enumerate(words[1:], start=1):
        if word.casefold() in _PARTICLES:
            return " ".join(words[i:])
    if len(words) == 2:
        return words[1]
    # "Lucía Pérez García", "María José López": two given names or two surnames? Not guessed.
    return None if primary(language) == "es" else words[-1]


def greeting(intent: Intent, choose: Discourse) -> tuple[str, Addressee]:
    """Return the greeting without punctuation ("Liebe Frau Lee") and how the person is addressed."""
    language = intent.language
    person = addressee(intent.recipient.name, intent.recipient.pronouns, language)
    own = intent.recipient.greeting
    if own:
        return own.rstrip(" ,!.:;"), person
    lang = data(language)
    if informal(intent):
        style = "informal"
    elif intent.recipient.relationship in DISTANT:
        style = "distant"
    else:
        style = "formal"
    lists = lang["greetings"][style]
    options = lists[person.gender] if person.gender in lists else lists["none"]
    if any("{addr}" in o for o in options) and person.addr is None:
        options = lists["none"]
    if intent.channel == "text":
        banned = tuple(lang["not_in_texts"])
        options = [o for o in options if not o.startswith(banned)] or [
            o for o in lists["none"] if not o.startswith(banned)
        ]
    chosen: str = choose.pick("greeting", options)
    return chosen.format(given=person.given, full=person.full, addr=person.addr), person


def letter_line(hello: str, language: str) -> str | None:
    """Return *hello* with the mark a letter puts after it ("Liebe Anna,", "Querida Ana:") when it is
    a greeting that opens a letter, else None: a text puts such a greeting on its own line instead of
    exclaiming it ("Liebe Anna!", "¡Estimada Sra. Ruiz!")."""
    letter = data(language).get("letter_greetings")
    if not letter or not any(hello == o or hello.startswith(o + " ") for o in letter["openings"]):
        return None
    return f"{hello}{letter['mark']}"
