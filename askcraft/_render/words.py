"""Words for templates: counts in words, plurals, a/an, names, and free text made to fit (filters)."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from jinja2 import pass_context

from askcraft._render import languages
from askcraft._render.places import at_filter
from askcraft._render.treats import unnamed_treats_filter

if TYPE_CHECKING:
    import inflect


@cache
def _engine() -> inflect.engine:
    from askcraft._render.inflect import english_engine  # noqa: PLC0415  (only needed when rendering)

    engine: inflect.engine = english_engine()
    return engine


def number_words(value: int, *, threshold: int = 100) -> str:
    """Write a count in words: 3 -> 'three' (numbers of *threshold* and above stay digits)."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"words expects a whole number, got {value!r}")
    if value >= threshold:
        return str(value)
    return str(_engine().number_to_words(value))  # type: ignore[arg-type]  # inflect types Number


#: Letters whose names start with a vowel sound: an F, an H, an L, an M, an N, an R, an S, an X.
_VOWEL_LETTERS = frozenset("AEFHILMNORSX")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]*[A-Z0-9]|[A-Z]")


def _said_as_word(word: str) -> bool:
    from askcraft._render.lexicon import words  # noqa: PLC0415

    if word.casefold() in words("words", "said_as_words"):
        return True
    # An acronym of five or more letters with vowels inside is usually said as a word.
    return len(word) >= 5 and word.isalpha() and any(c in "AEIOU" for c in word[1:])


@functools.lru_cache(maxsize=2048)  # inflect takes a fraction of a millisecond per noun
def plural(noun: str, count: int = 2) -> str:
    """Return *noun* (a word or a phrase) for *count*: ('person', 3) -> 'people', 'RN' -> 'RNs'."""
    if count == 1:
        return noun
    before, of, after = noun.partition(" of ")
    if of and before.strip():  # "Head of Sales" -> "Heads of Sales", "VP of Marketing" -> "VPs of Marketing"
        return f"{plural(before, count)}{of}{after}"
    head, _, last = noun.rpartition(" ")
    # Acronyms take a plain s (RNs, CPAs), not inflect's "RNS".
    last = f"{last}s" if _ACRONYM.fullmatch(last) else str(_engine().plural_noun(last, count))
    return f"{head} {last}" if head else last


def singular_role(role: str) -> str:
    """Return a role typed in the plural as one person's: 'software engineers' -> 'software engineer',
    'RNs' -> 'RN', 'teaching assistants' -> 'teaching assistant'.

    Only a last word that names a person is made singular ("-er", "-or", "-ist", "-ant", "-ian",
    "-ee", or a word in ``person_nouns``): "Head of Sales", "VP of Operations", "public relations"
    and "analytics" are left as they are.
    """
    head, _, last = role.rpartition(" ")
    if " of " in f" {head} " or not last.endswith("s") or len(last) < 3:
        return role
    if _ACRONYM.fullmatch(last[:-1]) and last[-1] == "s":
        one = last[:-1]
    else:
        found = _engine().singular_noun(last)
        if not found or found == last:
            return role
        one = str(found)
        from askcraft._render.lexicon import words  # noqa: PLC0415

        low = one.casefold()
        if not (low.endswith(_PERSON_ENDINGS) or low in words("words", "person_nouns")):
            return role
    return f"{head} {one}" if head else one


#: Endings of words that name a person who does something: engineer, editor, dentist, assistant.
_PERSON_ENDINGS = ("er", "or", "ist", "ant", "ian", "ee", "eer")


@functools.lru_cache(maxsize=2048)
def article(phrase: str) -> str:
    """Prefix *phrase* with 'a' or 'an' as it is said: 'an hour', 'an SEO specialist', 'a NICU nurse'."""
    first = phrase.split(" ", 1)[0].strip("\"'\u201c\u2018(")
    first = re.split(r"[/-]", first, maxsplit=1)[0] or first  # "UX/UI", "SEO/SEM": the first is said
    if _ACRONYM.fullmatch(first):
        if _said_as_word(first.replace("&", "")):
            return f"{'an' if first[0] in 'AEIO' else 'a'} {phrase}"
        return f"{'an' if first[0] in _VOWEL_LETTERS else 'a'} {phrase}"  # said letter by letter
    return str(_engine().a(phrase))


def join_names(items: list[str], conj: str = "and") -> str:
    """Join words in a list the way people write them: 'A, B and C'."""
    return str(_engine().join(list(items), conj=conj, final_sep=""))


def possessive(name: str) -> str:
    """Return the possessive of a name: 'Sam' -> "Sam's", 'James' -> "James's"."""
    return name if name.endswith(("'", "\u2019")) else f"{name}'s"


#: A face typed at the end of a sentence, which ends it as a full stop would: ":)", ";-)", ":D", "<3".
_FACE = re.compile(r"(?:^|\s)(?:[:;=8]['-]?[()DPpO/\\|*\]\[]+|<3+|x{2,})$")


def ends_with_face(text: str) -> bool:
    """Return whether *text* ends with an emoji or a typed face ("passed my NCLEX 🎉", "already :)"),
    which takes no full stop after it."""
    last = text.rstrip()[-1:]
    return bool(last) and (unicodedata.category(last) in {"So", "Sk", "Mn", "Cf"} or bool(_FACE.search(text)))


def sentence(text: str) -> str:
    """Make free text one sentence: first letter capital, ending punctuation added if missing."""
    text = text.strip()
    if not text:
        return text
    mark = len(text) - len(text.lstrip(_SENTENCE_OPENERS))  # "¡acabo de terminar!" -> "¡Acabo ..."
    text = text[:mark] + text[mark : mark + 1].upper() + text[mark + 1 :]
    return text if text[-1] in ".!?…" or ends_with_face(text) else text + "."


#: Marks a sentence may open with before its first letter: Spanish "¡" and "¿", and quotes.
_SENTENCE_OPENERS = '\u00a1\u00bf"\u201c\u201e\u00ab'


#: A label typed before the news itself ("Update:", "Big news -", "Bonne nouvelle :", "¡Buenas
#: noticias!"): the reminder introduces news in its own words, so the label would be said twice
#: ("Some news since then: Update: ..."). Only with a mark after it: "News travels fast" is news.
_NEWS_LABELS = {
    "en": r"(?:(?:some|big|good|great|exciting|happy|quick|small|short|latest|an?|one|more)\s+)*"
    r"(?:news|update)",
    "de": r"(?:(?:kurzes|kleines|kleine|gute|große|tolle|eine|neue)\s+)*"
    r"(?:update|neuigkeit(?:en)?|news|nachrichten)",
    "fr": r"(?:(?:petites?|bonnes?|grandes?|super|excellentes?|une|quelques)\s+)*"
    r"(?:nouvelles?|news|mise à jour|du nouveau)",
    "es": r"(?:(?:buenas?|grandes?|gran|pequeña|una|última|últimas)\s+)*"
    r"(?:noticias?|novedad(?:es)?|actualización)",
}
_TRAILING_OFF = re.compile(r"\s*(?:\.\.\.|\u2026)$")


def told(text: str, language: str = "en") -> str:
    """Return news or a hook as the fact alone: without a label of its own ("Update: two companies
    called me back" -> "two companies called me back") and not trailing off ("I finished the
    bootcamp..." -> "I finished the bootcamp."), as a reason is not."""
    label = _NEWS_LABELS.get(languages.primary(language), _NEWS_LABELS["en"])
    found = re.match(rf"\s*\u00a1?{label}\s*(?:[:!\u2013\u2014-]+|\.\.\.|\u2026)\s*", text, re.IGNORECASE)
    rest = text[found.end() :] if found else text
    if not re.search(r"\w", rest):
        rest = text  # "Big news!" alone is the news
    return _TRAILING_OFF.sub(".", rest.strip())


def typed_lower(texts: dict[str, tuple[str | None, str | None]], language: str = "en") -> list[str]:
    """Return the sentences (of *texts*: name -> (as typed, as a sentence)) whose first word the user
    typed in lower case: after a colon it goes on so ("Some news since then: two companies called
    me back", "Du nouveau : deux entreprises ..."), whatever the word, as it is no name."""
    return [
        made
        for typed, made in texts.values()
        if typed and made and told(typed, language).lstrip(_SENTENCE_OPENERS)[:1].islower()
    ]


def clause(text: str) -> str:
    """Make free text fit mid-sentence: first letter lower-case unless it looks like a name, no end stop."""
    from askcraft._render.typography import unstopped  # noqa: PLC0415

    text = unstopped(text, ".")
    if len(text) > 1 and text[0].isupper() and text[1].islower() and not text.startswith("I "):
        first = text.split(" ", 1)[0]
        if first.lower() in _lowerable():
            text = text[0].lower() + text[1:]
    return text


def _lowerable() -> frozenset[str]:
    """Words that start a user's phrase and are safe to lower-case when it moves mid-sentence."""
    from askcraft._render.lexicon import words  # noqa: PLC0415

    return words("words", "lowerable")


def capfirst(text: str) -> str:
    """Capitalise the first letter only, leaving names later in the text alone."""
    return text[:1].upper() + text[1:]


def midsentence(text: str) -> str:
    """Lower-case the first word of a sentence when it can go after a colon: 'My course' -> 'my course'.

    Names, 'I' and acronyms keep their capitals; the end punctuation stays.
    """
    first = text.split(" ", 1)[0]
    if first.startswith("I'") or first.startswith("I\u2019"):
        return text
    if len(first) > 1 and first[0].isupper() and first[1:].islower() and first.lower() in _lowerable():
        return text[0].lower() + text[1:]
    return text


def lowerfirst(text: str) -> str:
    """Lower-case the first letter unless the text starts with 'I ' or an acronym: 'Do you' -> 'do you'."""
    first = text.split(" ", 1)[0]
    if first in {"I", "I'm", "I've", "I'd", "I'll"} or (len(first) > 1 and first[:2].isupper()):
        return text
    return text[:1].lower() + text[1:]


#: A word as a reader counts it: "FP&A", "AT&T", "R&D" are one word; the "&" of "Bain & Co" none.
_READ_WORD = re.compile(r"[^\W_]+(?:['\u2019&-][^\W_]+)*")


def word_count(text: str) -> int:
    """Return how many words a reader counts in *text*: 'Advice on becoming an FP&A analyst' is six."""
    return len(_READ_WORD.findall(text))


def fitting(options: list[str], least: int = 3, most: int = 6) -> list[str]:
    """Keep the options of *least* to *most* words, counted as the length check counts them."""
    return [o for o in options if least <= word_count(o) <= most]


def first_name(name: str) -> str:
    """Return the name a greeting uses: 'Sam' for Sam Lee, 'Dr. Cruz', 'Aunt Marisol', 'Robert'."""
    if not name.strip():
        return name
    from askcraft._render.names import greeting_name  # noqa: PLC0415  (nameparser on first use)

    return greeting_name(name, warm=False).name


def ago(days: int) -> str:
    """Say how long ago something happened, as people do: 'yesterday', 'a week ago', 'two weeks ago'."""
    if days < 0:
        raise ValueError("days must not be negative")
    if days == 0:
        return "earlier today"
    if days == 1:
        return "yesterday"
    if days < 7:
        return f"{number_words(days)} days ago"
    if days < 9:
        return "a week ago"
    if days < 12:
        return "about ten days ago"
    if days < 18:
        return "two weeks ago"
    if days < 25:
        return "three weeks ago"
    if days < 30:
        return "a few weeks ago"  # three and a half to four weeks: not yet "a month"
    if days < 45:
        return "a month ago"
    if days < 53:
        return "about six weeks ago"  # round(days / 30.4) is 1 here: not "one months ago"
    months = round(days / 30.4)
    if months < 12:
        return f"{number_words(months)} months ago"
    return "over a year ago"


def _language(context: Any) -> str:
    return str(context.get("language") or "en-US")


@pass_context
def _words_filter(context: Any, value: int, threshold: int = 100) -> str:
    """'words' in the message's language: 3 -> 'three', 'drei', 'trois', 'tres'."""
    language = _language(context)
    if languages.is_english(language):
        return number_words(value, threshold=threshold)
    return languages.number_words(value, language, threshold=threshold)


@pass_context
def _plural_filter(context: Any, noun: str, count: int = 2, other: str | None = None) -> str:
    """'plural': in English, the plural of *noun*; elsewhere *other* when CLDR's rule says so."""
    language = _language(context)
    if other is not None and not languages.is_english(language):
        return languages.plural_form(count, noun, other, language)
    if other is not None:
        return noun if count == 1 else other
    if not languages.is_english(language):
        raise ValueError(
            f"the plural filter knows English nouns only; in {language} give the plural form: "
            f"'{noun}'|plural(count, 'PLURAL')"
        )
    return plural(noun, count)


@pass_context
def _article_filter(context: Any, phrase: str) -> str:
    """'a': 'a'/'an' in English; other languages need the noun's gender, so the template says it."""
    language = _language(context)
    if not languages.is_english(language):
        raise ValueError(f"the a filter knows English articles only; in {language} write the article")
    return article(phrase)


@pass_context
def _ago_filter(context: Any, days: int) -> str:
    """'ago' in the message's language: 14 -> 'two weeks ago', 'vor zwei Wochen'."""
    language = _language(context)
    if languages.is_english(language):
        return ago(days)
    return languages.ago(days, language)


#: Spanish opens an exclamation or a question with its mark: "Novedad: ¡dos empresas me han llamado!".
_OPENING_MARKS = "\u00a1\u00bf"


@pass_context
def _midsentence_filter(context: Any, text: str) -> str:
    """'midsentence': after a colon French and Spanish go on in lower case; German keeps the capital.

    A sentence the user began in lower case goes on so after a colon in English, French and Spanish
    ("Du nouveau depuis : deux entreprises m'ont rappelée"), whatever its first word."""
    language = _language(context)
    mark = len(text) - len(text.lstrip(_OPENING_MARKS))
    first = text[mark:].split(" ", 1)[0]
    typed = context.get("typed_lower") or ()
    own = any(first == made.lstrip(_OPENING_MARKS).split(" ", 1)[0] for made in typed)
    if own and languages.primary(language) != "de" and first[:1] != "I" and not first[1:2].isupper():
        return text[:mark] + text[mark : mark + 1].lower() + text[mark + 1 :]
    if languages.is_english(language):
        return midsentence(text)
    return languages.after_colon(text, language)


#: A German clause a favour goes on with after a comma ("mir sagen, welche Zertifikate zählen"):
#: the finite verb comes before it, not at the end of it.
_GERMAN_CLAUSE = re.compile(
    r",\s+(?=(?:welche[rsmn]?|was|wie|wo|wann|warum|weshalb|wieso|wer|wem|wen|ob|dass|weil|damit|"
    r"wo(?:r|)(?:an|auf|aus|bei|für|mit|nach|über|um|von|zu)|um)\b)",
    re.IGNORECASE,
)


def verb_last(text: str, verb: str) -> str:
    """Return a German favour with its finite verb at the end of its own clause: "mir sagen könnten,
    welche Zertifikate zählen", not "mir sagen, welche Zertifikate zählen könnten"."""
    found = _GERMAN_CLAUSE.search(text)
    return f"{text[: found.start()]} {verb}{text[found.start() :]}" if found else f"{text} {verb}"


FILTERS: dict[str, Callable[..., Any]] = {
    "verb_last": verb_last,
    "words": _words_filter,
    "plural": _plural_filter,
    "a": _article_filter,
    "join_names": join_names,
    "possessive": possessive,
    "sentence": sentence,
    "clause": clause,
    "first_name": first_name,
    "capfirst": capfirst,
    "ago": _ago_filter,
    "lowerfirst": lowerfirst,
    "fitting": fitting,
    "midsentence": _midsentence_filter,
    "at": at_filter,
    "unnamed_treats": unnamed_treats_filter,
}
