"""A learned reading of pressure: how pushy a sentence sounds, from labelled messages.

The constructions in ``pressure.yaml`` catch the ways of being pushy their writers thought of;
people find others. This model weighs every word and word pair of a sentence (as the checks
read them: "haven't" is "have not", and the sentence's start is a word of its own), with weights
fitted by logistic regression on a training set of labelled networking messages
(``scripts/fit_pushy.py``, ``tests/data/tone_train.yaml``) that is kept apart from the evaluation
sets. Only the weights ship (``pushy_weights.json``); nothing is fitted or downloaded at run time.

It is explainable: :func:`weigh` returns the words that raised a sentence's score the most, and
the finding names them.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
from collections.abc import Iterator, Sequence
from importlib import resources
from typing import NamedTuple

from askcraft._checks.rules.constructions import Token, tokens

#: The word that stands for a sentence's start in the model's word pairs ("<s> send").
START = "<s>"


class Weighed(NamedTuple):
    """A sentence's probability of being pushy, and the words that raised it most."""

    probability: float
    raised_by: tuple[str, ...]


class Model(NamedTuple):
    """The fitted weights: an intercept, one weight per word or word pair, and the threshold."""

    intercept: float
    threshold: float
    weights: dict[str, float]
    #: Weigh only sentences that speak to the reader ("you", an order): see :func:`addresses_reader`.
    addressed_only: bool = False


#: Words by which a sentence speaks to its reader.
_READER = frozenset({"you", "your", "yours", "yourself", "u", "ur", "ya", "yall"})


def addresses_reader(text: str, start: int, end: int) -> bool:
    """Return whether a sentence speaks to the reader: it says "you", or it gives an order."""
    from askcraft._checks.rules.clauses import command  # noqa: PLC0415  (clauses reads the lexicon)

    if any(t.norm.lower() in _READER for t in tokens(text, start, end)):
        return True
    return command(text, start, end) is not None


@functools.cache
def model() -> Model:
    """Load the shipped weights (once)."""
    raw = json.loads(
        resources.files("askcraft._checks.rules").joinpath("pushy_weights.json").read_text("utf-8")
    )
    weights = {k: float(v) for k, v in raw["weights"].items()}
    return Model(
        float(raw["intercept"]), float(raw["threshold"]), weights, bool(raw.get("addressed_only", False))
    )


def features(toks: Sequence[Token]) -> set[str]:
    """Return the words and word pairs of a sentence, as the model reads them (lower case)."""
    words = [START, *(t.norm.lower() for t in toks)]
    found = set(words[1:])
    found.update(f"{a} {b}" for a, b in itertools.pairwise(words))
    return found


def weigh(text: str, start: int, end: int) -> Weighed:
    """Return how pushy the sentence ``text[start:end]`` reads, and the words that weigh most."""
    fitted = model()
    weights = fitted.weights
    present = [(weights[f], f) for f in features(tokens(text, start, end)) if f in weights]
    score = fitted.intercept + sum(w for w, _ in present)
    probability = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))
    raised = tuple(
        f.removeprefix(f"{START} ") for w, f in sorted(present, reverse=True) if w > 0 and _wordy(f)
    )[:3]
    return Weighed(probability, raised)


def _wordy(feature: str) -> bool:
    """Return whether a feature is worth naming to a reader: words, not marks or the sentence start."""
    return any(c.isalpha() for c in feature.replace(START, ""))


def pushy_sentences(text: str, spans: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int, Weighed]]:
    """Yield ``(start, end, weighed)`` for each sentence whose probability passes the threshold."""
    fitted = model()
    for start, end in spans:
        if fitted.addressed_only and not addresses_reader(text, start, end):
            continue
        weighed = weigh(text, start, end)
        if weighed.probability >= fitted.threshold:
            yield start, end, weighed
