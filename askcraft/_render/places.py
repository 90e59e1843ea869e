"""A company or institution after a preposition: the article a name of a place takes.

A brand takes none ("at Google", "en Google", "chez Google", "bei Siemens"); a place named by a
common noun does: "at the University of Michigan", "en el Hospital La Paz", "à l'Hôpital Necker",
"im Krankenhaus Nord", "an der Technischen Universität München". The name is read by its head (its
first word; in German also the last part of a compound, "Kreiskrankenhaus", "Commerzbank", or the
last word after a name, "beim Springer Verlag", "bei der Berliner Volksbank"), whose gender and usual
preposition are in ``data/places.yaml``. A name the data does not know is a brand.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from jinja2 import pass_context

from askcraft._render.languages import primary
from askcraft._render.lexicon import table

_VOWELS = "aeiouyàâäéèêëîïôöûüœæ"
#: German adjectives that come before the head and are inflected after the article ("Deutsche Bank",
#: "Technische Universität", "Städtisches Klinikum"); a name before the head ("Springer Verlag") is not.
_GERMAN_ADJECTIVE = re.compile(
    r"(?:\w{3,}isch|\w{3,}lich|deutsch|frei|allgemein|kommunal|national|neu)(?:e|es|er)", re.IGNORECASE
)


def at(name: str, language: str, preposition: str | None = None) -> str:
    """Return *name* after *preposition* (by default the one a workplace takes), with its article.

    ``at("Hospital La Paz", "es")`` is "en el Hospital La Paz"; ``at("Krankenhaus Nord", "de", "zu")``
    is "zum Krankenhaus Nord"; ``at("Google", "fr")`` is "chez Google".
    """
    name = " ".join(name.split())
    code = primary(language)
    if code == "de":
        return _german(name, preposition)
    if code == "fr":
        return _french(name, preposition)
    if code == "es":
        return _spanish(name, preposition)
    return _english(name, preposition or "at")


@functools.cache
def _legal_tail() -> re.Pattern[str]:
    forms = sorted((str(f) for f in table("places")["legal_forms"]), key=len, reverse=True)
    either = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"(?:,?\s+(?:{either}))+$")


def spoken(company: str) -> str:
    """Return *company* as people say it, without its legal form: "Salesforce, Inc." is "Salesforce",
    "Siemens AG" is "Siemens", "Robert Bosch GmbH & Co. KG" is "Robert Bosch". A name that would be
    left with too little ("AB Inc.") is kept whole. A legal name's group or line of business goes with
    its legal form when one word, the brand, is left: "Spotify Technology S.A." is "Spotify", "Alibaba
    Group Holding Limited" "Alibaba"; "Lloyds Banking Group plc" stays "Lloyds Banking Group"."""
    short = without_legal_form(company)
    return _brand(short) if short != company else short


def without_legal_form(company: str) -> str:
    """Return *company* without its legal form ("Spotify Technology S.A." is "Spotify Technology"),
    or whole when too little would be left ("AB Inc.")."""
    short = _legal_tail().sub("", company).rstrip(" ,")
    return short if len(short) > 2 else company


def _brand(name: str) -> str:
    """Return the brand of a legal name without its legal form ("Spotify Technology"), or *name*."""
    rules = table("places")["legal_name"]
    words = name.split(" ")
    kept = words[1:] if words[0].casefold() == "the" else words[:]
    while len(kept) > 1 and kept[-1].casefold() in rules["descriptors"]:
        kept.pop()
    brand = kept[0]
    too_short = len(brand) < 3 and not brand.isupper()  # "BT Group plc" is "BT"
    if len(kept) != 1 or brand.casefold() in rules["not_a_brand_alone"] or too_short:
        return name
    return brand


def _first(name: str) -> str:
    return name.split(" ", maxsplit=1)[0].casefold() if name else ""


def _english(name: str, preposition: str) -> str:
    rules = table("places")["en"]
    words = name.casefold().split(" ")
    # "The University of Michigan", typed with its article: "at the University of Michigan".
    if (
        words[0] == "the"
        and len(words) > 2
        and (bare := _english(name[4:], preposition)) != f"{preposition} {name[4:]}"
    ):
        return bare
    if len(words) > 2 and words[0] in rules["heads"] and words[1] in rules["followed_by"]:
        return f"{preposition} the {name}"
    if len(words) > 1 and words[0] != "the" and words[-1] in rules["last_heads"] and not name.isupper():
        return f"{preposition} the {name}"  # "at the British Council", "at the Port Authority"
    return f"{preposition} {name}"


def _gender(name: str, rules: dict[str, Any]) -> str | None:
    first = _first(name)
    return "m" if first in rules["m"] else "f" if first in rules["f"] else None


def _spanish(name: str, preposition: str | None) -> str:
    rules = table("places")["es"]
    preposition = preposition or rules["at"]
    gender = _gender(name, rules)
    if gender is None:
        return f"{preposition} {name}"
    if gender == "m" and preposition in {"de", "a"}:
        return f"{preposition}l {name}"  # del, al
    return f"{preposition} {'el' if gender == 'm' else 'la'} {name}"


def _french(name: str, preposition: str | None) -> str:
    rules = table("places")["fr"]
    gender = _gender(name, rules)
    if gender is None:
        return f"{preposition or rules['company_at']} {name}"
    preposition = preposition or rules["at"]
    first = _first(name)
    if first[:1] in _VOWELS or first in rules["mute_h"]:
        return f"{preposition} l'{name}"
    if gender == "m" and preposition in {"à", "de"}:
        return f"{'au' if preposition == 'à' else 'du'} {name}"
    return f"{preposition} {'le' if gender == 'm' else 'la'} {name}"


def _german_head(word: str, rules: dict[str, Any], *, last: bool = False) -> list[str] | None:
    low = word.casefold()
    heads: dict[str, list[str]] = rules["heads"]
    if low in heads:
        return heads[low]
    for head, facts in heads.items():
        if head in rules["whole_word"] or (last and head in rules["not_last"]):
            continue
        if len(low) > len(head) and low.endswith(head):
            return facts
    return None


def _german(name: str, preposition: str | None) -> str:
    rules = table("places")["de"]
    words = name.split(" ")
    head = _german_head(words[0], rules)
    if head is None and len(words) > 1 and _GERMAN_ADJECTIVE.fullmatch(words[0]):
        head = _german_head(words[1], rules)
        if head is not None:
            words[0] = re.sub(r"(?:e|es|er)$", "en", words[0])  # der Deutschen Bank
    if head is None and len(words) > 1:
        head = _german_head(words[-1], rules, last=True)  # beim Springer Verlag, bei der Berliner Volksbank
    if head is None:
        return f"{preposition or rules['at']} {name}"
    gender, usual = head
    joined = f"{preposition or usual} {rules['articles'][gender]}"
    return f"{rules['contractions'].get(joined, joined)} {' '.join(words)}"


@pass_context
def at_filter(context: Any, name: str, preposition: str | None = None) -> str:
    """The ``at`` filter: *name* after the preposition a workplace takes, in the message's language."""
    return at(str(name), str(context.get("language") or "en-US"), preposition)
