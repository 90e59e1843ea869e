"""A learned reading of pressure: how pushy a sentence sounds, from labelled messages.

The constructions in ``pressure.yaml`` catch the ways of being pushy their writers thought of;
people find others. This model weighs every word, word pair and skip pair (two words with one
between them, "need _ by") of a sentence, as the checks read them: "haven't" is "have not", and
the sentence's start is a word of its own. Its weights are fitted by logistic regression, on
the features scaled by their naive Bayes log-count ratios (NBSVM), on labelled networking
messages (``scripts/fit_pushy.py``, every ``tests/data/tone_train*.yaml``) kept apart from the
evaluation sets; richer readings (trigrams, lemmas, a sentiment lexicon, the
message's kind, the neighbouring sentences, WordLlama sentence embeddings) were measured against
it by cross-validation and did not do better (docs/checks.md, "The learned model"). Only the
weights ship (``pushy_weights.json``); nothing is fitted or downloaded at run time.

It is explainable: the score is the intercept plus the weights of the features present, and
:func:`weigh` returns the words that raised it the most, which the finding names.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import operator
from collections.abc import Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from importlib import resources
from typing import Any, NamedTuple

from askcraft._checks.rules.clauses import command
from askcraft._checks.rules.tokeniser import Token, norms_in, tokens

#: The word that stands for a sentence's start in the model's word pairs ("<s> send").
START = "<s>"
#: The word that stands for any one word in a skip pair ("need _ by": "need it by", "need this by").
SKIP = "_"


class Weighed(NamedTuple):
    """A sentence's probability of being pushy, and the words that raised it most."""

    probability: float
    raised_by: tuple[str, ...]


class Model(NamedTuple):
    """The fitted weights: an intercept, one weight per word or word pair, and the threshold."""

    intercept: float
    threshold: float
    weights: dict[str, float]
    #: The same weights for scoring: the words', and the word pairs' as (first, second).
    words: dict[str, float]
    pairs: dict[tuple[str, str], float]
    #: Weigh only sentences that speak to the reader ("you", an order): see :func:`addresses_reader`.
    addressed_only: bool = False
    #: Word pairs with one word between them ("need _ by"), as (first, last).
    skips: dict[tuple[str, str], float] = {}  # noqa: RUF012  (read only)
    #: The pairs and skips that start at the sentence's start, by the word after it.
    opening: dict[str, float] = {}  # noqa: RUF012
    opening_skips: dict[str, float] = {}  # noqa: RUF012
    #: The scores of sentences met before, by their tokens' norms (drafts share whole sentences);
    #: :func:`read_model` gives each model its own. A copy made with ``_replace`` shares it, and
    #: with it the weights it was filled with.
    scores: dict[tuple[str, ...], float] | None = None


#: What may come before "let's" when it opens a clause.
_CLAUSE_START = frozenset(
    {START, ",", ";", ":", "(", "and", "but", "so", "then", "please", "just", "now", "ok", "okay"}
)
#: Words by which a sentence speaks to its reader.
_READER = frozenset({"you", "your", "yours", "yourself", "u", "ur", "ya", "yall"})


def addresses_reader(
    text: str,
    start: int,
    end: int,
    norms: Sequence[str] | None = None,
    words: AbstractSet[str] | None = None,
) -> bool:
    """Return whether a sentence speaks to the reader: it says "you", or it gives an order.

    "Let's ..." (let us) is an order that includes the writer. *norms* are the sentence's tokens'
    norms and *words* their set, when the caller has them (``read_sentences``).
    """
    if norms is None:
        norms = norms_in(text, start, end)
    if words is None:
        words = set(norms)
    if not _READER.isdisjoint(words):
        return True
    if "let" in words and "us" in words:
        before = START
        for a, b in itertools.pairwise(norms):
            if a == "let" and b == "us" and before in _CLAUSE_START:
                return True  # "Let's ...", "..., so let's ...", not "they let us go"
            before = a
    return command(text, start, end) is not None


@functools.cache
def model() -> Model:
    """Load the shipped weights (once)."""
    raw = json.loads(
        resources.files("askcraft._checks.rules").joinpath("pushy_weights.json").read_text("utf-8")
    )
    return read_model(raw)


def read_model(raw: dict[str, Any]) -> Model:
    """Read fitted weights (``pushy_weights.json``'s content): words, pairs and skip pairs apart."""
    weights = {k: float(v) for k, v in raw["weights"].items()}
    words: dict[str, float] = {}
    pairs: dict[tuple[str, str], float] = {}
    skips: dict[tuple[str, str], float] = {}
    for feature, weight in weights.items():
        parts = feature.split(" ")
        if len(parts) == 3 and parts[1] == SKIP:
            skips[parts[0], parts[2]] = weight
        elif len(parts) == 2:
            pairs[parts[0], parts[1]] = weight
        else:
            words[feature] = weight
    return Model(
        float(raw["intercept"]),
        float(raw["threshold"]),
        weights,
        words,
        {k: w for k, w in pairs.items() if k[0] != START},
        bool(raw.get("addressed_only", False)),
        {k: w for k, w in skips.items() if k[0] != START},
        {k[1]: w for k, w in pairs.items() if k[0] == START},
        {k[1]: w for k, w in skips.items() if k[0] == START},
        {},
    )


def features(toks: Sequence[Token]) -> set[str]:
    """Return the words, word pairs and skip pairs of a sentence, as the model reads them.

    A skip pair is two words with one between them, written "need _ by". Tokens are in lower case.
    """
    words = [START, *(t[0] for t in toks)]
    found = set(words[1:])
    found.update(f"{a} {b}" for a, b in itertools.pairwise(words))
    found.update(f"{a} {SKIP} {c}" for a, c in zip(words, words[2:], strict=False))
    return found


def weigh(text: str, start: int, end: int) -> Weighed:
    """Return how pushy the sentence ``text[start:end]`` reads, and the words that weigh most."""
    fitted = model()
    weights = fitted.weights
    present = [(weights[f], f) for f in features(tokens(text, start, end)) if f in weights]
    probability = _probability(fitted.intercept + sum(map(_WEIGHT, present)))
    raised: list[str] = []
    seen: set[str] = set()  # a word named once is not named again inside a pair ("I expect", "expect")
    for weight, feature in sorted(present, reverse=True):
        if weight <= 0 or len(raised) == 3:
            break  # heaviest first: the rest lowered the score, or three are named already
        named = feature.removeprefix(_OPENING)
        words = set(named.split())
        words.discard(SKIP)
        if not words & seen and any(map(_telling_word, words)):
            raised.append(named)
            seen |= words
    return Weighed(probability, tuple(raised))


_WEIGHT = operator.itemgetter(0)
#: How a feature that starts at the sentence's start begins ("<s> send").
_OPENING = f"{START} "


def as_written(text: str, start: int, end: int, feature: str) -> str:
    """Return *feature* (a word or word pair, as the model reads it) as the sentence writes it.

    "am really" is "I'm really" in "...but I'm really depending...", "you will" is "you'll";
    the feature itself when it cannot be found.
    """
    words = feature.split()
    toks = tokens(text, start, end)
    for i in range(len(toks) - len(words) + 1):
        if all(word == SKIP or toks[i + k][0] == word for k, word in enumerate(words)):
            if len(words) == 3 and words[1] == SKIP:  # "need _ by": the two words it weighs
                return f"{text[toks[i][1] : toks[i][2]]} \u2026 {text[toks[i + 2][1] : toks[i + 2][2]]}"
            return text[toks[i][1] : toks[i + len(words) - 1][2]]
    return feature


def _probability(score: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


#: Words that carry weight in the model but tell a reader nothing when named alone ("this", "am").
_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "one",
        "it",
        "its",
        "i",
        "me",
        "my",
        "mine",
        "you",
        "your",
        "yours",
        "we",
        "us",
        "our",
        "he",
        "him",
        "his",
        "she",
        "her",
        "they",
        "them",
        "their",
        "am",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "do",
        "does",
        "did",
        "have",
        "has",
        "had",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "and",
        "but",
        "or",
        "nor",
        "so",
        "if",
        "then",
        "than",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "from",
        "by",
        "as",
        "up",
        "out",
        "about",
        "into",
        "over",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "why",
        "how",
        "there",
        "here",
        "not",
        "no",
        "yes",
        "all",
        "any",
        "some",
        "very",
        "too",
        "also",
        "u",
        "ur",
    ]
)


@functools.lru_cache(maxsize=4096)
def _telling_word(word: str) -> bool:
    """Return whether a word of a feature is worth naming to a reader: a word, not a mark, and not
    a function word alone ("this", "but"). A feature is worth naming when one of its words is
    (the sentence's start and the "_" of a skip pair never are)."""
    return word not in _FUNCTION_WORDS and any(c.isalpha() for c in word)


def score(norms: Sequence[str], words: AbstractSet[str]) -> float:
    """Return the model's score (log-odds) for a sentence: its tokens' norms, and its distinct words.

    The same sum as the weights of :func:`features`, read from what the other checks already made
    (``read_sentences`` and ``scan``), without building a string per pair: each distinct word,
    word pair and skip pair is looked up once (a missing one adds 0.0, which leaves the sum as it
    is); those that start at the sentence's start are looked up by the word after it.
    """
    fitted = model()
    total = fitted.intercept + sum(map(fitted.words.get, words, _ZEROS))
    skips = zip(norms, norms[2:], strict=False)
    if len(words) == len(norms):  # no word twice, so no pair or skip pair twice: look each one up
        total += sum(map(fitted.pairs.get, itertools.pairwise(norms), _ZEROS))
        total += sum(map(fitted.skips.get, skips, _ZEROS))
    else:  # a pair may come twice ("very very very") and counts once: the distinct ones present
        total += sum(map(fitted.pairs.__getitem__, fitted.pairs.keys() & itertools.pairwise(norms)))
        total += sum(map(fitted.skips.__getitem__, fitted.skips.keys() & skips))
    if norms:
        total += fitted.opening.get(norms[0], 0.0)
        if len(norms) > 1:
            total += fitted.opening_skips.get(norms[1], 0.0)
    return total


#: A 0.0 for every word, pair or skip pair the model does not know (``map`` takes as many as it needs).
_ZEROS = itertools.repeat(0.0)


def pushy_sentences(
    text: str, reading: Iterable[tuple[int, int, tuple[str, ...], AbstractSet[str]]]
) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` for each sentence whose probability passes the threshold.

    *reading* is ``(start, end, norms, words)`` per sentence, as ``read_sentences`` gives them.
    A sentence without "you" is asked whether it gives an order before it is scored: most do not
    (they say "I ..."), which costs less to find than the score. A sentence met before is not
    scored again. The words that weigh most are left to :func:`weigh`, for the sentences a finding
    names (most flagged sentences are orders, or warned on already).
    """
    fitted = model()
    for start, end, norms, words in reading:
        if (
            fitted.addressed_only
            and _READER.isdisjoint(words)
            and not addresses_reader(text, start, end, norms, words)
        ):
            continue  # the model weighs only sentences that speak to the reader
        if _probability(_score(fitted, norms, words)) < fitted.threshold:
            continue
        yield start, end


#: How many sentences' scores a model keeps (``Model.scores``); when full, it starts again.
_SCORES_KEPT = 8192


def _score(fitted: Model, norms: tuple[str, ...], words: AbstractSet[str]) -> float:
    """Return :func:`score` of a sentence (its norms, and its words: their set), once per sentence."""
    scores = fitted.scores
    if scores is None:
        return score(norms, words)
    found = scores.get(norms)
    if found is None:
        if len(scores) >= _SCORES_KEPT:
            scores.clear()
        found = scores[norms] = score(norms, words)
    return found
