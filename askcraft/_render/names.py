"""People's names as a greeting uses them: 'Aunt Marisol', 'Dr. Mensah', 'Robert' (for J. Robert Ellis).

Names are parsed with nameparser, plus what it lacks for greetings: family titles (Aunt,
Grandpa, Cousin), titles used with the first name (Sister, Father, Sir), a name written in
lower case, an initial that stands before the name someone goes by, and emoji.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from typing import TYPE_CHECKING

from askcraft._render.lexicon import words

if TYPE_CHECKING:
    from nameparser import HumanName
    from nameparser.config import Constants

#: Characters that are not part of a name in a greeting: emoji, pictographs, symbols.
_SYMBOLS = re.compile(
    "[\U0001f000-\U0001faff\U00002600-\U000027bf\U0001f900-\U0001f9ff\u200d\ufe0f\u2b50\u2764\u2728]+"
)
_INITIAL = re.compile(r"(?:[^\W\d_]\.)+|[^\W\d_]")


def _titles(key: str) -> frozenset[str]:
    return words("names", key)


@functools.cache
def _constants() -> Constants:
    from nameparser.config import Constants  # noqa: PLC0415  (loaded only when a name is parsed)

    constants = Constants()
    constants.titles.add(
        *(_titles("family_titles") | _titles("given_name_titles") | _titles("surname_titles"))
    )
    # "Sr." first is a title (Sister), last a suffix (Senior): nameparser tells them by position.
    return constants


def _parse(name: str) -> HumanName:
    from nameparser import HumanName  # noqa: PLC0415

    return HumanName(name, constants=_constants())


def _key(word: str) -> str:
    return word.casefold().rstrip(".")


@dataclasses.dataclass(frozen=True)
class GreetingName:
    """How to address someone: the name a greeting uses, and whether it is a formal address."""

    name: str
    #: True for "Dr. Mensah", "Prof. Lin": a title with the surname.
    formal: bool = False


def tidy_case(name: str) -> str:
    """Capitalise a name typed all in lower (or upper) case; leave mixed case as the person wrote it."""
    letters = [c for c in name if c.isalpha()]
    if letters and (all(c.islower() for c in letters) or all(c.isupper() for c in letters)):
        parsed = _parse(name)
        parsed.capitalize(force=True)
        fixed = str(parsed)
        # nameparser drops what it cannot place; fall back to word-by-word capitals then.
        if fixed.replace(" ", "").casefold() == name.replace(" ", "").casefold():
            return fixed
        return " ".join(w[:1].upper() + w[1:].lower() for w in name.split())
    return name


#: A name made of name characters only: letters, and spaces, hyphens, apostrophes and full stops between.
_NAME_LIKE = re.compile(r"[^\W\d_]+(?:[\s'\u2019.-]+[^\W\d_]+)*\.?")


def signed_name(name: str) -> str:
    """Return the sender's *name* as a signature writes it: "alex kim" -> "Alex Kim"; a name with
    anything but name characters in it is left exactly as typed."""
    return tidy_case(name) if _NAME_LIKE.fullmatch(name) else name


#: A plain "Given Family..." name: capitalised words, no title, initial, nickname, suffix or comma.
_PLAIN = re.compile(r"[^\W\d_][^\W\d_'\u2019-]*(?:['\u2019-][^\W\d_]+)*(?:\s+[^\W\d_][\w'\u2019.-]*)+")


def _plain_given_name(clean: str) -> str | None:
    """Return the first word of a plain name ('Sam Lee' -> 'Sam'), or None when parsing is needed."""
    if not _PLAIN.fullmatch(clean) or "." in clean:
        return None
    words = clean.split()
    first = words[0]
    if not (first[0].isupper() and not first.isupper()) or _key(first) in _ANY_TITLE():
        return None
    if _key(first) in _titles("nickname_openers") and len(words) > 1:
        return f"{first} {words[1]}"  # "Big Mike": the nickname is both words
    if _key(first) in _titles("korean_family_names") or family_first(words) or chinese_whole(words):
        return None  # "Nguyễn Thị Lan", "Kim Min-jun", "Li Na": the parse below reads them
    return first


def family_name_first() -> frozenset[str]:
    """Return the family names written first (Vietnamese: "Nguyễn Thị Lan"), lower case."""
    return _titles("family_name_first")


#: A word of pinyin (without tone marks): syllables of an initial and a final; only the first may
#: go without an initial ("Anna", not "Lee").
_FINAL = "(?:[iu]ang|iong|[aeio]ng|uai|[iu]an|iao|[aeu]i|ao|ou|[aeiu]n|i[aeu]|u[aeo]|er|[aoeiu])"
_INITIAL_P = "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])"
_PINYIN = re.compile(f"{_INITIAL_P}?{_FINAL}(?:{_INITIAL_P}{_FINAL})*")


def family_first(words: list[str]) -> bool:
    """Return whether a name (its words, no title) is written family name first: "Nguyễn Thị Lan",
    or a Chinese name in pinyin whose given name is no family name too ("Zhang Xiaoming", "Li Na")."""
    if len(words) < 2:
        return False
    first = _key(words[0])
    if first in _titles("family_name_first"):
        return True
    chinese = _titles("chinese_family_names")
    given = "".join(words[1:]).replace("-", "").casefold()
    return (
        len(words) == 2
        and first in chinese
        and given not in chinese
        and all(_PINYIN.fullmatch(w.replace("-", "").casefold()) for w in words)
    )


_SYLLABLE = re.compile(f"{_INITIAL_P}?{_FINAL}")


def chinese_whole(words: list[str]) -> bool:
    """Return whether a name is a Chinese name in pinyin, family name first or perhaps so, whose
    given name is one syllable ("Li Na", "Zhang Wei", "Wei Zhang"): its bearer is called by the whole
    name, and which word is the family name may not be known ("Zhang Wei" is greeted "Zhang Wei",
    not "Zhang", and never "Dr. Wei")."""
    return (
        len(words) == 2
        and _key(words[0]) in _titles("chinese_family_names")
        and bool(_SYLLABLE.fullmatch(words[1].casefold()))
        and all(_PINYIN.fullmatch(w.casefold()) for w in words)
    )


@functools.cache
def _ANY_TITLE() -> frozenset[str]:  # noqa: N802  (a constant, loaded once)
    return _titles("family_titles") | _titles("given_name_titles") | _titles("surname_titles")


def _unaccented(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text.casefold()) if not unicodedata.combining(c))


@functools.cache
def _PARTICLE_GIVEN() -> frozenset[str]:  # noqa: N802  (a constant, loaded once)
    return frozenset(_unaccented(n) for n in _titles("particle_given_names"))


def particle_given_name(words: list[str]) -> int:
    """Return how many of *words* make a given name joined by a particle ("María del Carmen": 3,
    "María de los Ángeles": 4), or 0. A particle not listed starts the surname ("Juan de la Cruz")."""
    for size in (4, 3):
        if len(words) >= size and _unaccented(" ".join(words[:size])) in _PARTICLE_GIVEN():
            return size
    return 0


@functools.lru_cache(maxsize=4096)
def greeting_name(name: str, *, warm: bool) -> GreetingName:
    """Return the name to greet *name* by: warm voices use given names, formal ones title + surname."""
    clean = " ".join(_SYMBOLS.sub(" ", name).split()) or name.strip()
    joined = particle_given_name(clean.split())
    if joined:
        return GreetingName(tidy_case(" ".join(clean.split()[:joined])))  # "María del Carmen Ruiz"
    pair = clean.split()[:2]
    if len(pair) == 2 and f"{_key(pair[0])} {_key(pair[1])}" in _titles("compound_given_names"):
        return GreetingName(tidy_case(" ".join(pair)))  # "Ana María López": both words are her name
    plain = _plain_given_name(clean)
    if plain is not None:  # most names: no need to run the full parser (a few milliseconds each)
        return GreetingName(plain)
    clean = tidy_case(clean)
    words = clean.split()
    if len(words) == 1:
        return GreetingName(words[0])
    parsed = _parse(clean)
    title = parsed.title.strip()
    first, middle, last = parsed.first.strip(), parsed.middle.strip(), parsed.last.strip()
    nickname = parsed.nickname.strip()
    if not middle and "-" in last and _key(first) in _titles("korean_family_names"):
        first, last = last, first  # "Dr. Kim Min-jun": Kim is the family name, Min-jun the given
    if nickname:
        return GreetingName(nickname)
    if title:
        return _titled(title, (first, middle, last), clean, warm=warm)
    # nameparser reads "Grandpa Joe" and "Cousin Bea" as first and last names.
    if _key(words[0]) in _titles("family_titles"):
        return GreetingName(" ".join(words[:2]))
    if chinese_whole(words):
        return GreetingName(clean)  # "Hi Li Na", "Hi Zhang Wei"
    if family_first(words):
        return GreetingName(words[-1])
    if not first:
        return GreetingName(words[0])
    if len(first.rstrip(".")) == 1 and not middle:
        return GreetingName(clean)  # "T. Nakamura": no given name to use, and no gender to guess
    return GreetingName(_given(first, middle))


def _titled(title: str, parts: tuple[str, str, str], clean: str, *, warm: bool) -> GreetingName:
    """Return how to greet someone whose name has a title: 'Aunt Marisol', 'Sister Mary Clare',
    'Sir David', 'Dr. Mensah' (or, warmly, 'Kwame')."""
    first, middle, last = parts
    named = clean.split()[len(title.split()) :]
    joined = particle_given_name(named)
    if joined:  # "Dra. María del Carmen Ruiz": nameparser reads "del Carmen Ruiz" as the surname
        first, middle, last = " ".join(named[:joined]), "", " ".join(named[joined:])
    key = _key(title.rsplit(maxsplit=1)[-1])
    kin = key in _titles("family_titles")
    if chinese_whole(named) and (warm or kin or not family_first(named)):
        # "Dr. Zhang Wei": which is the family name is not known, so "Dr. Zhang Wei", not "Dr. Wei";
        # a friend "Dr. Li Na" is "Li Na", as she is called, and an aunt "Aunt Li Na".
        whole = " ".join(named)
        if kin or not warm:
            return GreetingName(f"{title} {whole}", formal=not kin)
        return GreetingName(whole)
    if family_first(named):
        # "Ms. Nguyễn Thị Lan": the family name first, as without a title; "Ms. Nguyễn", or "Lan".
        first, middle, last = named[-1], "", named[0]
    given = " ".join(p for p in (first, middle) if p)
    if key in _titles("family_titles"):
        return GreetingName(f"{title} {given or last}".strip())
    if key in {"sir", "dame"}:
        # "Sir David Attwood" is "Sir David" (and "David" to his friends), never the whole name;
        # "Professor Sir Roy Calne" is "Professor Calne": a title before the knighthood takes the surname.
        before = title.rsplit(maxsplit=1)[0] if " " in title.strip() else ""
        if before and not warm:
            return GreetingName(f"{before} {last or first}".strip(), formal=True)
        if warm:
            return GreetingName(_given(first, middle))
        return GreetingName(f"{title} {first or last}".strip(), formal=True)  # "Dear Sir David"
    if key in _titles("religious_titles") and len(named) > 1:
        called = _religious(key, named, (first, middle, last), warm=warm)
        return GreetingName(f"{title} {called}", formal=called == last and called != first)
    if key in _titles("given_name_titles"):
        rest = clean.split(maxsplit=len(title.split()))[-1]
        honour = key in _titles("honours")
        if honour and warm and first and last:
            return GreetingName(_given(first, middle))  # a friend "Lady Mary Crawley" is "Mary"
        honour = honour and not warm  # "Dear Lord Sugar", "Hello Lady Mary Crawley", never "Hi Lord Sugar"
        return GreetingName(
            f"{title} {rest if len(rest.split()) <= 2 else given or last}".strip(), formal=honour
        )
    if warm and first and key not in {"coach"}:
        return GreetingName(_given(first, middle))
    return GreetingName(f"{title} {last or first}".strip(), formal=True)


def _religious(key: str, named: list[str], parts: tuple[str, str, str], *, warm: bool) -> str:
    """Return the name a religious title goes with: "Mike" (a friend's "Father Mike Doyle"), "Doyle"
    (his in a formal letter: "Dear Father Doyle"), "Jane" ("Sister Jane Smith"), or a religious name
    whole ("Sister Mary Clare", "Sr. María José")."""
    first, middle, last = parts
    pair = f"{_key(named[0])} {_key(named[1])}"
    if pair in _titles("compound_given_names") or _key(named[0]) in _titles("religious_name_openers"):
        return " ".join(named[:2])
    if not warm and key in _titles("priest_titles") and last:
        return last
    return _given(first, middle) if first else named[0]


def _given(first: str, middle: str) -> str:
    """Return the given name someone goes by: 'J. Robert' goes by Robert; 'A.J.' is A.J."""
    if _INITIAL.fullmatch(first) and middle and not _INITIAL.fullmatch(middle.split(maxsplit=1)[0]):
        return middle.split(maxsplit=1)[0]
    return first
