"""The languages askcraft writes besides English: counts, plurals and dates, register and gender.

Counts in words come from num2words, plural categories and relative dates from Babel (CLDR);
both ship their data, so nothing is downloaded. What neither knows (the words for "one week ago"
in the right case, greetings, how a language says "in banking") is in ``data/lang/<code>.yaml``.
English keeps its own code (``words.py``, ``names.py``, ``slots.py``): nothing here changes it.
"""

from __future__ import annotations

import functools
import re
from datetime import timedelta
from typing import TYPE_CHECKING, Any, Literal

from askcraft._render.lexicon import _DATA
from askcraft._yaml import safe_load

if TYPE_CHECKING:
    from askcraft._intent.model import Intent

#: The languages with data here; English is written by the English code.
LANGUAGES = ("de", "fr", "es")
#: Relationships addressed informally (du, tu, tú) unless the intent says otherwise.
INFORMAL_RELATIONSHIPS = frozenset({"friend", "family"})
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30}
Unit = Literal["day", "week", "month"]
#: Three and a half to four weeks: said as "a few weeks", not yet "a month" (as ``words.ago`` does).
_FEW_WEEKS = range(25, 30)


def primary(tag: str) -> str:
    """Return the primary language of a BCP 47 tag: 'de-DE' -> 'de'."""
    return tag.split("-", maxsplit=1)[0].lower()


def is_english(tag: str) -> bool:
    """Return whether *tag* is English (any region)."""
    return primary(tag) == "en"


@functools.cache
def data(language: str) -> dict[str, Any]:
    """Return the renderer's data for *language* (a tag or a primary code)."""
    code = primary(language)
    if code not in LANGUAGES:
        raise ValueError(f"askcraft has no word data for language {language!r}")
    loaded: dict[str, Any] = safe_load((_DATA / "lang" / f"{code}.yaml").read_text(encoding="utf-8"))
    return loaded


def number_words(value: int, language: str, *, threshold: int = 100) -> str:
    """Write a count in words in *language*: 3 -> 'drei', 'trois', 'tres' (num2words)."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"words expects a whole number, got {value!r}")
    if value >= threshold or value < 0:
        return str(value)
    from num2words import num2words  # noqa: PLC0415  (only when a non-English draft needs it)

    return str(num2words(value, lang=primary(language)))


def plural_category(count: int, language: str) -> str:
    """Return the CLDR plural category of *count* in *language*: 'one', 'other', ..."""
    from babel import Locale  # noqa: PLC0415

    return str(Locale.parse(primary(language)).plural_form(count))


def plural_form(count: int, one: str, other: str, language: str) -> str:
    """Return *one* or *other* for *count* as the language's plural rule says (CLDR)."""
    return one if plural_category(count, language) == "one" else other


def _bucket(days: int) -> tuple[int, Unit] | None:
    """Return how people round *days* when they say how long ago: (2, 'week') for 14 days."""
    if days < 7:
        return days, "day"
    if days < 11:
        return 1, "week"
    if days < 18:
        return 2, "week"
    if days < 25:
        return 3, "week"
    if days < 45:
        return 1, "month"
    if days < 53:
        return 6, "week"  # as English says "about six weeks": not "two months" for 46 days
    months = round(days / 30.4)
    return (months, "month") if months < 12 else None


def ago(days: int, language: str) -> str:
    """Say how long ago in *language*: 'vor zwei Wochen', 'il y a deux semaines', 'hace dos semanas'."""
    if days < 0:
        raise ValueError("days must not be negative")
    words = data(language)["ago"]
    if days == 0:
        return str(words["today"])
    if days == 1:
        return str(words["yesterday"])
    bucket = _bucket(days)
    if bucket is None:
        return str(words["over_a_year"])
    if days in _FEW_WEEKS:
        return str(words["few_weeks"])  # "vor ein paar Wochen": 25 days is not yet "vor einem Monat"
    count, unit = bucket
    from babel.dates import format_timedelta  # noqa: PLC0415

    # CLDR words six weeks as a month and a half ("vor 1 Monat"): the phrase is made for two weeks,
    # which has the same plural form, and the count put in.
    shown = 2 if unit == "week" and count > 3 else count
    delta = timedelta(days=-shown * _UNIT_DAYS[unit])
    phrase = str(
        format_timedelta(delta, granularity=unit, threshold=1, add_direction=True, locale=primary(language))
    )
    if count == 1:
        # CLDR says "vor 1 Woche"; a person says "vor einer Woche" (the article's case is the language's).
        return phrase.replace(f"1 {words['unit_one'][unit]}", str(words["one"][unit]))
    return phrase.replace(str(shown), number_words(count, language), 1)


def informal(intent: Intent) -> bool:
    """Return whether the message says du/tu/tú: the intent's register, else the one the user's own
    words address the person in ("tes conseils sur mon CV"), else friends and family."""
    if intent.formality is not None:
        return intent.formality == "informal"
    typed = typed_register(intent)
    if typed is not None:
        return typed == "informal"
    return intent.recipient.relationship in INFORMAL_RELATIONSHIPS


def typed_register(intent: Intent) -> str | None:
    """Return the register ("informal" or "formal") the user's own words address the recipient in,
    when they say one and only one: "Merci pour tes conseils" is tu, "votre aide" vous. A message in
    the other one would mix them ("Merci pour tes conseils. Si je peux faire quelque chose pour
    vous, ...")."""
    if primary(intent.language) not in LANGUAGES:
        return None
    typed = " ".join(
        t for t in (intent.help, intent.outcome, intent.details, intent.news, intent.hook, intent.gift) if t
    )
    if not typed:
        return None
    said = {r for r in ("informal", "formal") if _register(intent.language, r).search(typed)}
    return said.pop() if len(said) == 1 else None


@functools.cache
def _register(language: str, register: str) -> re.Pattern[str]:
    """The words that say *register* in *language*, as one pattern of whole words ("t'" before its
    word). Formal words that count only capitalised and not opening a sentence (German "Sie", as
    "sie" is also "she") are matched so; the others in any case."""
    listed: dict[str, Any] = data(language).get("register_words", {})
    words = [str(w) for w in listed.get(register, [])]
    if not words:
        return re.compile(r"(?!)")
    either = "|".join(
        re.escape(w[:-1]) + "['\u2019]" if w.endswith("'") else re.escape(w) + r"(?!\w)" for w in words
    )
    if register == "formal" and listed.get("formal_capitalised"):
        return re.compile(r"(?<=[\w,;] )(?:" + either + ")")
    return re.compile(r"(?<!\w)(?i:" + either + ")")


def gender_from_pronouns(pronouns: str | None) -> str | None:
    """Return 'f', 'm' or None (no gendered forms) from the recipient's pronouns; never from a name."""
    return {"she/her": "f", "he/him": "m"}.get(pronouns or "")


def after_colon(text: str, language: str) -> str:
    """Lower the first word of *text* when the language goes on in lower case after a colon.

    French and Spanish do ("Bonne nouvelle : j'ai ..."), for words listed in the language's data
    (a name keeps its capital); German keeps the capital of a whole sentence.
    """
    words = data(language).get("after_colon_lower", [])
    # Spanish opens an exclamation or a question with its mark: "Novedad: ¡he aprobado el máster!".
    mark = len(text) - len(text.lstrip("\u00a1\u00bf"))
    first = text[mark:].split(" ", 1)[0]
    key = first.casefold().split("'")[0].split("\u2019")[0]
    if key in words or first.casefold() in words:
        return text[:mark] + text[mark : mark + 1].lower() + text[mark + 1 :]
    return text
