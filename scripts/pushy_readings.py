"""Readings of a sentence for the pushy model, and their cross-validated comparison.

Used by ``python scripts/fit_pushy.py --compare``. Each reading turns a sentence (with the message
it stands in) into the features a logistic regression weighs: the shipped words and word pairs,
and richer ones tried against them (word trigrams, skip-bigrams, lemmas, a sentiment lexicon, the
message's kind, the neighbouring sentences' words, WordLlama sentence embeddings, character
n-grams within words).

The comparison is cross-validation over the training messages, one writer's set a fold (or, with
fit_pushy's --random-folds, 5 folds by message), the rules included as shipped: a message is
flagged when a rule warns on it or the model's probability for one of its sentences that speak to
the reader reaches the threshold. Every reading is measured at
the same share of gentle messages left clean (by default 98.4%, what the shipped model keeps in
cross-validation): the threshold is the lowest one that keeps it, and the figure is the share of
pushy messages flagged there. With random folds several fold seeds are averaged, since one seed
moves a figure by a point or so.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression

from askcraft._checks.rules.constructions import Token, tokens
from askcraft._checks.rules.pushy import START, addresses_reader, features


@dataclass(frozen=True)
class Row:
    """One training sentence: where it stands, its label, and the message around it."""

    text: str
    start: int
    end: int
    label: int
    item: int = -1  # the training message it stands in (-1: a rule example, own draft or rewrite)
    kind: str = ""
    neighbours: tuple[tuple[int, int], ...] = ()  # the sentences before and after it
    addressed: bool = True

    @property
    def sentence(self) -> str:
        return self.text[self.start : self.end]


Reading = Callable[[Row, Sequence[Token]], set[str]]


def words_and_pairs(row: Row, toks: Sequence[Token]) -> set[str]:
    """The reading shipped until now: every word and word pair, the sentence's start a word."""
    words = [START, *(t[0] for t in toks)]
    return set(words[1:]) | {f"{a} {b}" for a, b in itertools.pairwise(words)}


def trigrams(row: Row, toks: Sequence[Token]) -> set[str]:
    words = [START, *(t[0] for t in toks)]
    return {" ".join(w) for w in zip(words, words[1:], words[2:], strict=False)}


def skip_pairs(row: Row, toks: Sequence[Token]) -> set[str]:
    """Word pairs with one word between them ("need _ by"): what ``pushy.features`` adds."""
    return features(toks) - words_and_pairs(row, toks)


@functools.cache
def _lemma(word: str) -> str:
    from lemminflect import getAllLemmas  # noqa: PLC0415

    found = getAllLemmas(word)
    for upos in ("VERB", "AUX", "NOUN", "ADJ", "ADV"):
        if upos in found:
            return str(found[upos][0])
    return word


def lemmas(row: Row, toks: Sequence[Token]) -> set[str]:
    """Each word's lemma (lemminflect, no tagger: a verb's first) and lemma pairs, marked "L:"."""
    words = [START, *(_lemma(t[0]) for t in toks)]
    return {f"L:{w}" for w in words[1:]} | {f"L:{a} {b}" for a, b in itertools.pairwise(words)}


@functools.cache
def _vader() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # noqa: PLC0415

    return SentimentIntensityAnalyzer()


def sentiment(row: Row, toks: Sequence[Token]) -> set[str]:
    """VADER's compound score, in five bins, and its negative share in three."""
    polarity = _vader().polarity_scores(row.sentence)
    compound = int(np.digitize(polarity["compound"], [-0.5, -0.05, 0.05, 0.5]))
    negative = int(np.digitize(polarity["neg"], [0.05, 0.2]))
    return {f"vader:c{compound}", f"vader:n{negative}"}


def kind(row: Row, toks: Sequence[Token]) -> set[str]:
    """The message's kind (request, reminder, thank-you), when the sentence stands in a message."""
    return {f"kind:{row.kind}"} if row.kind else set()


def neighbours(row: Row, toks: Sequence[Token]) -> set[str]:
    """The words of the sentences just before and after, marked "<" and ">"."""
    found: set[str] = set()
    for mark, (a, b) in zip("<>", row.neighbours, strict=False):
        if b > a:
            found.update(f"{mark}{t[0]}" for t in tokens(row.text, a, b))
    return found


def chars(row: Row, toks: Sequence[Token]) -> set[str]:
    """Character 3- to 5-grams within each word ("<dis", "appoi"), marked "C:": word forms not seen."""
    found: set[str] = set()
    for t in toks:
        w = f"<{t[0]}>"
        for n in (3, 4, 5):
            found.update(f"C:{w[i : i + n]}" for i in range(len(w) - n + 1))
    return found


READINGS: dict[str, Reading] = {
    "chars": chars,
    "words": words_and_pairs,
    "trigrams": trigrams,
    "skip": skip_pairs,
    "lemmas": lemmas,
    "vader": sentiment,
    "kind": kind,
    "neighbours": neighbours,
}


@functools.cache
def wordllama() -> Any:
    """WordLlama's default model (l2_supercat, 256 dimensions), from the files its wheel ships.

    ``WordLlama.load()`` looks for the tokenizer in ``wordllama/tokenizer/`` while the wheel ships
    it in ``wordllama/tokenizers/``, and so downloads it; given the package's own folder as its
    cache, with downloads disabled, it finds both files there.
    """
    import wordllama as package  # noqa: PLC0415

    return package.WordLlama.load(cache_dir=Path(package.__file__).parent, disable_download=True)


def embed(sentences: list[str], norm: bool = True) -> np.ndarray:
    """Mean-pooled WordLlama embeddings (the mean of the tokens' vectors), scaled to unit length
    when *norm*: unscaled, a linear weighing of the embedding is a weight per token, averaged."""
    vectors: np.ndarray = wordllama().embed(sentences, norm=norm)
    return vectors


@dataclass
class Data:
    """The training rows and what the comparison needs of the messages."""

    rows: list[Row]
    labels: np.ndarray  # per message: pushy
    rules: np.ndarray  # per message: a rule warns
    toks: list[Sequence[Token]] = field(default_factory=list)
    #: Per message, its writer (training set F, G... or the first set's writers A-E): when given,
    #: cross-validation leaves one writer out a fold, as a message from a writer never seen would be.
    groups: np.ndarray | None = None

    def __post_init__(self) -> None:
        self.toks = [tokens(r.text, r.start, r.end) for r in self.rows]


def message_rows(items: list[dict[str, Any]], sentence_spans: Callable[[str], Any]) -> list[Row]:
    """Every sentence of every training message, with its label and its message's context."""
    rows = []
    for index, item in enumerate(items):
        text = item["text"]
        quotes = [
            q
            for words in (item.get("evidence") or {}).values()
            for q in ([words] if isinstance(words, str) else words)
        ]
        spans = [(text.index(q), text.index(q) + len(q)) for q in quotes if q in text]
        sents = list(sentence_spans(text))
        for k, (start, end) in enumerate(sents):
            pushy = item["label"] == "pushy" and any(a < end and start < b for a, b in spans)
            around = (sents[k - 1] if k else (0, 0), sents[k + 1] if k + 1 < len(sents) else (0, 0))
            rows.append(
                Row(
                    text,
                    start,
                    end,
                    int(pushy),
                    index,
                    item["kind"],
                    around,
                    addresses_reader(text, start, end),
                )
            )
    return rows


def documents(data: Data, names: Sequence[str]) -> list[set[str]]:
    """Each row's features under the readings *names*."""
    return [
        set().union(*(READINGS[n](row, toks) for n in names))
        for row, toks in zip(data.rows, data.toks, strict=True)
    ]


def vectorizer() -> CountVectorizer:
    """A vectorizer of feature sets (each feature present or not)."""
    return CountVectorizer(analyzer=lambda doc: doc, binary=True, lowercase=False)


def matrix(
    data: Data, names: Sequence[str], embedding_scale: float = 0.0, norm: bool = True
) -> sparse.csr_matrix:
    """The rows' features under the readings *names*, and WordLlama's embedding when scaled > 0."""
    blocks = []
    if names:
        blocks.append(vectorizer().fit_transform(documents(data, names)))
    if embedding_scale:
        dense = embed([row.sentence for row in data.rows], norm) * embedding_scale
        blocks.append(sparse.csr_matrix(dense))
    return sparse.hstack(blocks).tocsr()


def nb_ratios(features_: sparse.csr_matrix, labels: np.ndarray, alpha: float) -> np.ndarray:
    """Each feature's log-count ratio: how much likelier it is in a pushy sentence than a gentle one.

    As in Wang and Manning's NBSVM ("Baselines and Bigrams", 2012): r = log((p / |p|) / (q / |q|)),
    p and q the feature's counts in pushy and gentle rows plus *alpha*. The logistic regression is
    fitted on the features scaled by r, so a word's weight is its ratio times what the fit makes of
    it: the same words, word pairs and skip pairs, weighed with what a naive Bayes count says of
    each (a rare word seen only in pushy sentences starts high rather than at nothing).
    """
    p = alpha + np.asarray(features_[labels == 1].sum(axis=0)).ravel()
    q = alpha + np.asarray(features_[labels == 0].sum(axis=0)).ravel()
    return np.asarray(np.log((p / p.sum()) / (q / q.sum())))


def nb_scaled(features_: sparse.csr_matrix, ratios: np.ndarray) -> sparse.csr_matrix:
    """The features scaled by their log-count ratios (:func:`nb_ratios`)."""
    return sparse.csr_matrix(features_ @ sparse.diags(ratios))


def cross_validate(
    data: Data,
    features_: sparse.csr_matrix,
    *,
    c: float = 1.0,
    class_weight: str | None = "balanced",
    seeds: Sequence[int] = (20261126,),
    clean: float = 0.984,
    nb_alpha: float | None = None,
) -> dict[str, float]:
    """Pushy messages flagged at *clean* gentle messages left clean, averaged over fold seeds.

    With *nb_alpha*, the features are scaled by log-count ratios (:func:`nb_ratios`) counted on
    each fold's training rows only.
    """
    y = np.array([r.label for r in data.rows])
    item = np.array([r.item for r in data.rows])
    addressed = np.array([r.addressed for r in data.rows])
    n = len(data.labels)
    recalls, thresholds, cleans = [], [], []
    for seed in seeds if data.groups is None else seeds[:1]:  # folds by writer: one way to fold
        folds = np.random.default_rng(seed).integers(0, 5, n) if data.groups is None else data.groups
        row_fold = np.where(item >= 0, folds[np.maximum(item, 0)], -1)
        scores = np.zeros(n)
        for k in range(int(folds.max()) + 1):
            train = row_fold != k
            held = (row_fold == k) & addressed
            fit_on, score_on = features_[train], features_[held]
            if nb_alpha is not None:
                ratios = nb_ratios(fit_on, y[train], nb_alpha)
                fit_on, score_on = nb_scaled(fit_on, ratios), nb_scaled(score_on, ratios)
            clf = LogisticRegression(C=c, class_weight=class_weight, max_iter=5000, random_state=seed)
            clf.fit(fit_on, y[train])
            proba = clf.predict_proba(score_on)[:, 1]
            np.maximum.at(scores, item[held], proba)
        recall, threshold, kept = at_clean(scores, data.labels, data.rules, clean)
        recalls.append(recall)
        thresholds.append(threshold)
        cleans.append(kept)
    return {
        "pushy_flagged": float(np.mean(recalls)),
        "gentle_clean": float(np.mean(cleans)),
        "threshold": float(np.mean(thresholds)),
        "spread": float(np.max(recalls) - np.min(recalls)),
    }


def at_clean(
    scores: np.ndarray, labels: np.ndarray, rules: np.ndarray, clean: float
) -> tuple[float, float, float]:
    """Return (pushy flagged, threshold, gentle clean) at the lowest threshold keeping *clean*."""
    gentle = ~labels
    allowed = int(np.floor((1 - clean) * gentle.sum() + 1e-9)) - int((rules & gentle).sum())
    free = np.sort(scores[gentle & ~rules])[::-1]  # the gentle messages only the model could flag
    if allowed < 0:
        threshold = 1.0
    elif allowed >= len(free):
        threshold = 0.0
    else:
        threshold = float(np.nextafter(free[allowed], 1.0))  # just above the first not allowed
    flagged = rules | (scores >= threshold)
    return (
        float((flagged & labels).sum() / labels.sum()),
        threshold,
        float(1 - (flagged & gentle).sum() / gentle.sum()),
    )
