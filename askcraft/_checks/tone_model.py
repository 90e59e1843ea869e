"""The politeness model behind ``askcraft.tone``: strategies found by word lists, weights fitted on data."""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import json
import math
import operator
import re
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from askcraft._checks.rules.anchors import first_words, second_words, starts_with_word, whole_words
from askcraft._checks.rules.reading import sentence_marks
from askcraft._checks.rules.tokeniser import TEXTS_KEPT, scan, word_set
from askcraft._yaml import safe_load

_DATA = Path(__file__).parent / "rules" / "data"
_WEIGHTS = Path(__file__).parent / "rules" / "politeness_weights.json"

_APOSTROPHES = "'\u2019"
#: A sentence starts at the start of the text, after end punctuation and space, or after a line break:
#: ``[.!?]+["\u201d'\u2019)\]]*\s+|\n\s*``, written to begin with the class of its first character so
#: that the regular expression engine tries it only where one of those is (as ``_CAPS_WORD``,
#: ``\b[A-Z]{3,}\b``; ``tests/test_fast_patterns.py`` compares them).
_SENTENCE_BREAK = re.compile(rf"[.!?\n](?:(?<=\n)\s*|[.!?]*[\"\u201d{_APOSTROPHES})\]]*\s+)")
_CAPS_WORD = re.compile(r"[A-Z](?<!\w[A-Z])[A-Z]{2,}\b")

#: General features next to the strategies; each is capped so long texts do not dominate.
GENERAL_FEATURES = ("words_log", "questions", "exclamations", "shouting", "you_count")
#: Second-person words, counted for ``you_count`` (how much a text is about the reader).
_YOU = frozenset({"you", "your", "yours", "yourself", "you're", "you've", "you'd", "you'll", "u"})


@dataclasses.dataclass(frozen=True, slots=True)
class Strategy:
    """One politeness strategy found in a text, with where it is and what it weighs."""

    name: str
    offset: int
    length: int
    weight: float
    label: str = ""
    impolite: bool = False

    @property
    def span(self) -> tuple[int, int]:
        """Return ``(start, end)`` so that ``text[start:end]`` is the matched words."""
        return (self.offset, self.offset + self.length)


@dataclasses.dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    label: str
    where: str
    phrases: re.Pattern[str] | None
    words: frozenset[str]
    impolite: bool
    #: First words of the phrases: a text without any of them cannot match (a cheap pre-check).
    keys: frozenset[str] = frozenset()
    #: Every phrase starts with a word (not punctuation), so matches start where a key word does.
    anchored: bool = False
    #: Key words that are a whole phrase and start no other: where one is a word, it is the match.
    whole_words: frozenset[str] = frozenset()
    #: Strategies not counted inside this one's matches ("no" in "no rush" is not a negation).
    hides: frozenset[str] = frozenset()
    #: For each key word, the second words of the phrases it starts; None where one of them is a
    #: single word or not ASCII (see ``anchors.second_words``).
    seconds: tuple[tuple[str, frozenset[str] | None], ...] = ()


def _phrase_pattern(phrases: list[str]) -> re.Pattern[str]:
    # Longest first, so "thank you" wins over "thank"; whitespace inside a phrase is flexible.
    alternatives = sorted({p.lower() for p in phrases}, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(part) for part in p.split()) for p in alternatives)
    body = body.replace("'", f"[{_APOSTROPHES}]")
    return re.compile(rf"(?<![\w{_APOSTROPHES}])(?:{body})(?![\w{_APOSTROPHES}])", re.IGNORECASE)


def words(text: str) -> tuple[tuple[str, int, int], ...]:
    """Return ``(lowercased word, start, end)`` for every word of *text* ("\u2019" read as "'")."""
    _, _, _, found, starts, ends = scan(text)
    return tuple(zip(found, starts, ends, strict=True))


@functools.cache
def _rules() -> tuple[_Rule, ...]:
    spec = safe_load((_DATA / "politeness_strategies.yaml").read_text(encoding="utf-8"))
    lexicons = safe_load((_DATA / "politeness_lexicons.yaml").read_text(encoding="utf-8"))
    rules = []
    for name, entry in spec["strategies"].items():
        phrases = list(entry.get("phrases", []))
        words: frozenset[str] = frozenset()
        if entry["where"] == "lexicon":
            words = frozenset(w.lower() for w in lexicons[entry["list"]])
            phrases = list(lexicons.get(entry.get("phrase_list", ""), []))
        rules.append(
            _Rule(
                name=name,
                label=entry.get("label", name),
                where=entry["where"],
                phrases=_phrase_pattern(phrases) if phrases else None,
                words=words,
                impolite=bool(entry.get("impolite", False)),
                keys=first_words(phrases),
                anchored=starts_with_word(phrases),
                whole_words=whole_words(phrases),
                hides=frozenset(entry.get("hides", ())),
                seconds=second_words(phrases),
            )
        )
    return tuple(rules)


@functools.cache
def _lexicon_index() -> dict[str, tuple[_Rule, ...]]:
    """Map each lexicon word to the strategies it signals, so a text's words are looked up once."""
    index: dict[str, list[_Rule]] = {}
    for rule in _rules():
        for word in rule.words:
            index.setdefault(word, []).append(rule)
    return {word: tuple(rules) for word, rules in index.items()}


@functools.cache
def strategy_names() -> tuple[str, ...]:
    """Return the names of every strategy the model knows, in data-file order."""
    return tuple(rule.name for rule in _rules())


def _sentence_starts(text: str) -> list[int]:
    return [0, *map(re.Match.end, _SENTENCE_BREAK.finditer(text))]


def _mark_ends(text: str) -> list[int]:
    """Return the text's start and where each mark that may end a sentence ends (``reading``'s
    sentence marks, read once for the checks), for :func:`_leading_words`.

    Not :func:`_sentence_starts`' offsets, but the same first words: a mark's ``_SENTENCE_BREAK``
    match is its ``_SENTENCE_END`` match and the spaces after (where no word starts), and the
    line breaks among those spaces, which are marks of their own, start no words
    (``tests/test_fast_patterns.py`` compares the two).
    """
    return [0, *map(_END, sentence_marks(text))]


def _leading_words(text: str, starts: list[int]) -> tuple[set[int], set[int]]:
    """Return the offsets of the first word, and of the first two words, of every sentence."""
    first: set[int] = set()
    first_two: set[int] = set()
    begins = scan(text)[4]  # where each word starts
    count = len(begins)
    for k, start in enumerate(starts):
        at = bisect.bisect_left(begins, start)  # the first word at or after the sentence start
        end = starts[k + 1] if k + 1 < len(starts) else len(text)
        if at < count and begins[at] < end:
            first.add(begins[at])
            first_two.add(begins[at])
            if at + 1 < count and begins[at + 1] < end:
                first_two.add(begins[at + 1])
    return first, first_two


@functools.lru_cache(maxsize=TEXTS_KEPT)
def _matches(text: str) -> tuple[tuple[_Rule, int, int], ...]:
    """Return ``(rule, offset, length)`` for every strategy occurrence in *text*."""
    # Cached: a checker asks for the score and the strategies of the same text in turn.
    return tuple(hide(_find(text)))


def hide(found: list[tuple[_Rule, int, int]]) -> list[tuple[_Rule, int, int]]:
    """Drop the occurrences a hiding strategy covers: "no" inside "no rush" is not a negation."""
    covers = [(at, at + length, rule.hides) for rule, at, length in found if rule.hides]
    if not covers:
        return found
    hidden = frozenset().union(*(hides for _, _, hides in covers))  # the only names that may go
    return [
        (rule, at, length)
        for rule, at, length in found
        if rule.name not in hidden
        or not any(rule.name in hides and start <= at and at + length <= end for start, end, hides in covers)
    ]


#: A word's entry in :func:`_word_index`: its lexicon strategies, the phrase rules (by number) it is
#: a whole phrase of, and the other phrase rules it may start with the words that may follow it.
_Entry = tuple[tuple[_Rule, ...], tuple[int, ...], tuple[tuple[int, frozenset[str] | None], ...]]


@functools.cache
def _word_index() -> dict[str, _Entry]:
    """Map each word to the lexicon strategies it signals and the anchored phrase rules it may start:
    those it alone matches (``anchors.whole_words``) apart from the others (``anchors.second_words``).
    """
    lexicon = _lexicon_index()
    wholes: dict[str, list[int]] = {}
    starts: dict[str, list[tuple[int, frozenset[str] | None]]] = {}
    for number, rule in enumerate(_rules()):
        if rule.phrases is not None and rule.anchored:
            seconds = dict(rule.seconds)
            for key in rule.keys:
                if key in rule.whole_words:
                    wholes.setdefault(key, []).append(number)
                else:
                    starts.setdefault(key, []).append((number, seconds.get(key)))
    return {
        word: (lexicon.get(word, ()), tuple(wholes.get(word, ())), tuple(starts.get(word, ())))
        for word in lexicon.keys() | wholes.keys() | starts.keys()
    }


def _find(text: str) -> list[tuple[_Rule, int, int]]:
    """Find every strategy in one pass over the words of *text*.

    Lexicon words are looked up as they come; an anchored phrase rule tries its pattern only
    where one of its first words starts, and, like ``finditer``, never inside its last match.
    Occurrences come out as the strategies are listed: lexicon words first, then each phrase rule.
    """
    out, hits = _word_pass(text)
    rules = _rules()
    unanchored = _unanchored()
    present: frozenset[str] | None = None
    leading: tuple[set[int], set[int]] | None = None
    # The phrase rules in order: those the word pass found, and those it cannot find.
    for number in sorted(hits.keys() | unanchored) if unanchored else sorted(hits):
        rule = rules[number]
        if rule.anchored:
            spans = hits[number]
        else:
            present = word_set(text) if present is None else present
            if rule.keys.isdisjoint(present):
                continue
            spans = [m.span() for m in rule.phrases.finditer(text)]  # type: ignore[union-attr]
        where = rule.where
        if where not in _POSITIONAL:
            out += [(rule, at, end - at) for at, end in spans]
            continue
        leading = _leading_words(text, _mark_ends(text)) if leading is None else leading
        first, first_two = leading
        for at, end in spans:
            if (
                (where == "sentence_start" and at not in first)
                or (where == "not_start" and at in first)
                or (where == "first_two" and at not in first_two)
            ):
                continue
            out.append((rule, at, end - at))
    return out


@functools.cache
def _unanchored() -> frozenset[int]:
    """Return the numbers of the phrase rules the word pass does not try (not anchored)."""
    return frozenset(n for n, rule in enumerate(_rules()) if rule.phrases is not None and not rule.anchored)


def _word_pass(text: str) -> tuple[list[tuple[_Rule, int, int]], dict[int, list[tuple[int, int]]]]:
    """Return the lexicon strategies of *text*, and each anchored phrase rule's ``(start, end)`` spans
    (a word the whole phrase of a rule must stand alone: no word character or apostrophe beside it)."""
    rules = _rules()
    index = _word_index()
    size = len(text)
    out: list[tuple[_Rule, int, int]] = []
    hits: defaultdict[int, list[tuple[int, int]]] = defaultdict(list)
    last_end = [-1] * len(rules)
    _, _, _, found, starts, ends = scan(text)
    plain = text.isascii()  # where a phrase's second word must be the next word
    last = len(found) - 1
    entries = list(map(index.get, found))  # the words that are in the index, found in bulk
    for at in itertools.compress(range(len(entries)), entries):
        start, end = starts[at], ends[at]
        lexical, wholes, phrasal = entries[at]  # type: ignore[misc]
        for rule in lexical:
            out.append((rule, start, end - start))
        if (  # asked once a word, not once a rule ("you", "i" and "my" are whole phrases of two)
            wholes
            and not (start and ((char := text[start - 1]).isalnum() or char in _JOINERS))
            and not (end < size and ((char := text[end]).isalnum() or char in _JOINERS))
        ):
            for number in wholes:
                if start >= last_end[number]:  # matches never overlap
                    last_end[number] = end
                    hits[number].append((start, end))
        for number, seconds in phrasal:
            if start < last_end[number]:
                continue  # matches never overlap
            if plain and seconds is not None and (at == last or found[at + 1] not in seconds):
                continue  # no phrase starting with this word goes on with the next one
            match = rules[number].phrases.match(text, start)  # type: ignore[union-attr]
            if match is not None:
                last_end[number] = stop = match.end()
                hits[number].append((start, stop))
    return out, hits


#: What joins a word besides a letter or digit (``[\w'\u2019]`` in a pattern).
_JOINERS = frozenset("_" + _APOSTROPHES)
_END = operator.itemgetter(1)
#: Where-values that depend on a word's place in its sentence.
_POSITIONAL = frozenset({"sentence_start", "not_start", "first_two"})


def _general(text: str) -> dict[str, float]:
    found = scan(text)[3]  # the words alone
    return {
        "words_log": math.log1p(len(found)),
        "questions": float(min(text.count("?"), 3)),
        "exclamations": float(min(text.count("!"), 3)),
        "shouting": float(min(_shouted_words(text), 3)),
        "you_count": float(min(sum(map(found.count, _YOU.intersection(word_set(text)))), 3)),
    }


def _shouted_words(text: str) -> int:
    """Return how many words of three capitals or more *text* has (``_CAPS_WORD``'s matches).

    A text whose ASCII letters, read alone, hold no three capitals in a row has none: most do not.
    """
    if b"AAA" not in text.encode("ascii", "ignore").translate(_CAPITALS):
        return 0
    return len(_CAPS_WORD.findall(text))


#: Each byte as :func:`_shouted_words` reads it: a capital as "A", anything else as a space.
_CAPITALS = bytes(65 if 65 <= c <= 90 else 32 for c in range(256))


def _features(text: str) -> dict[str, float]:
    """Return the model's input: 1.0 for each strategy present, plus the general features."""
    values = dict.fromkeys(strategy_names(), 0.0)
    for rule, _, _ in _matches(text):
        values[rule.name] = 1.0
    values.update(_general(text))
    return values


@functools.cache
def _model() -> Mapping[str, Any]:
    data: dict[str, Any] = json.loads(_WEIGHTS.read_text(encoding="utf-8"))
    return data


def politeness(text: str) -> float:
    """Return how polite *text* reads: about 0 for an average request, higher is more polite.

    The scale is that of the corpus's Normalized Score (a mean of annotator z-scores,
    standard deviation about 0.7): above 0.5 reads clearly polite, below -0.5 curt.
    """
    model = _model()
    weights: Mapping[str, float] = model["weights"]
    score = float(model["intercept"])
    if not _skips_absent():
        for name, value in _features(text).items():
            score += weights.get(name, 0.0) * value
        return score
    # The same sum in the same order as over _features(), less the strategies that are absent:
    # each of those adds a weight times 0.0, a zero, which leaves a sum that is not zero as it is.
    order = _order()
    for name in sorted({rule.name for rule, _, _ in _matches(text)}, key=order.__getitem__):
        score += weights.get(name, 0.0) * 1.0
    for name, value in _general(text).items():
        score += weights.get(name, 0.0) * value
    return score


@functools.cache
def _order() -> dict[str, int]:
    """Map each strategy name to its place in :func:`strategy_names`."""
    return {name: number for number, name in enumerate(strategy_names())}


@functools.cache
def _skips_absent() -> bool:
    """Return whether a score may leave out absent strategies: a non-zero start, finite weights."""
    model = _model()
    finite = all(math.isfinite(w) for w in model["weights"].values())
    return finite and float(model["intercept"]) != 0.0 and not set(GENERAL_FEATURES) & set(strategy_names())


def spans(text: str, names: frozenset[str]) -> list[tuple[str, int, int]]:
    """Return ``(name, offset, length)`` of the strategies called *names* in *text* (no weights)."""
    return [(rule.name, offset, length) for rule, offset, length in _matches(text) if rule.name in names]


def strategies(text: str) -> list[Strategy]:
    """Return every politeness strategy found in *text*, in text order, with its fitted weight."""
    weights: Mapping[str, float] = _model()["weights"]
    found = [
        Strategy(rule.name, offset, length, float(weights.get(rule.name, 0.0)), rule.label, rule.impolite)
        for rule, offset, length in _matches(text)
    ]
    found.sort(key=lambda s: (s.offset, s.name))
    return found
