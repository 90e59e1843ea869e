"""Danescu-Niculescu-Mizil et al. (2013) on our data: their protocol, human agreement, and what we tried.

Run from the repository root:  python scripts/politeness_paper.py [--loo] [--corpus PATH]
Writes the ``paper_protocol``, ``human`` and ``experiments`` sections of docs/politeness-eval.json
(``scripts/eval_politeness.py`` writes the rest; run it first, this script keeps what it wrote).

The paper's protocol (ACL 2013, section 5): requests in the top and bottom quartile of the
Normalized Score are *polite* and *impolite*; a linear SVM is trained on them, in-domain with
leave-one-out cross-validation. "BOW" is a bag of unigrams; "Ling." adds the politeness strategies
to it. Our reproduction uses the authors' released code's settings (sudhof/politeness, master:
``scripts/train_model.py`` and ``features/vectorizer.py``): binary word features, ``SVC(C=0.02,
kernel='linear')``; askcraft's strategies stand in for theirs (theirs read dependency parses).

``--corpus`` runs the same on another file of the Stanford Politeness Corpus (same columns), e.g.
``corpora/wikipedia.annotated.csv`` of sudhof/politeness (branch python3), to see whether the
protocol reproduces the paper's figures there; that file is not part of this repository.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, hstack
from scipy.stats import spearmanr
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import HuberRegressor, Ridge
from sklearn.model_selection import KFold, LeaveOneOut
from sklearn.preprocessing import StandardScaler
from sklearn.svm import LinearSVC

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fit_politeness import ALPHA, CORPUS, SEED, featurize, load_corpus

RESULTS = Path(__file__).resolve().parent.parent / "docs" / "politeness-eval.json"
FOLDS = 10
INNER_FOLDS = 5
#: The released code's SVM penalty (``svm.SVC(C=0.02, kernel='linear')``); the paper gives none.
SVM_C = 0.02
#: Words as nltk.word_tokenize keeps them for a bag of words, with "?" and "!" as tokens.
TOKENS = r"[A-Za-z0-9]+(?:'[A-Za-z]+)?|[?!]"
#: Strategies tried after the shipped model (none kept: see docs/checks.md). Each is a phrase
#: found anywhere, case-insensitively on word boundaries, as ``where: anywhere`` in the YAML.
CANDIDATES: dict[str, tuple[str, ...]] = {
    "obligation": ("you should", "you need to", "you have to", "you must", "you'd better",
                   "you had better", "you ought to", "you'll need to", "you will need to",
                   "you shouldn't", "you don't need"),
    "incredulity": ("did you even", "have you even", "do you even", "what's the point",
                    "what is the point", "come on", "you do realize", "you realize", "how hard",
                    "is it really", "are you serious", "seriously"),
    "help_offer": ("hope this helps", "hope that helps", "let me know", "happy to help",
                   "glad to help", "if you need", "if you want", "if you like", "feel free",
                   "i can help", "i could help"),
    "have_you_tried": ("have you tried", "did you try", "have you considered", "did you consider",
                       "have you thought", "have you looked", "did you check", "have you checked"),
    "softener": ("a bit", "a little", "a little bit", "somewhat", "slightly", "kind of", "sort of",
                 "a few"),
}  # fmt: skip


def _stats(values: Sequence[float]) -> dict[str, float]:
    return {"mean": round(float(np.mean(values)), 4), "sd": round(float(np.std(values)), 4)}


def _folds(n: int, folds: int = FOLDS) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    yield from KFold(folds, shuffle=True, random_state=SEED).split(np.zeros(n))


def _svm(x_train: csr_matrix, y_train: np.ndarray) -> LinearSVC:
    return LinearSVC(C=SVM_C, max_iter=100_000).fit(x_train, y_train)


def _design(
    texts: np.ndarray, strategies: np.ndarray | None, train: np.ndarray, vocabulary: list[str] | None = None
) -> Callable[[np.ndarray], csr_matrix]:
    """Return a function making the feature matrix of some rows, fitted on the *train* rows."""
    vectorizer = CountVectorizer(binary=True, token_pattern=TOKENS, lowercase=True, vocabulary=vocabulary)
    vectorizer.fit(texts[train])
    scaler = StandardScaler().fit(strategies[train]) if strategies is not None else None

    def make(rows: np.ndarray) -> csr_matrix:
        words = vectorizer.transform(texts[rows])
        if strategies is None or scaler is None:
            return csr_matrix(words)
        return csr_matrix(hstack([words, csr_matrix(scaler.transform(strategies[rows]))]).tocsr())

    return make


def paper_protocol(path: Path, loo: bool) -> dict[str, object]:
    """BOW and Ling. SVMs on the quartile requests: 10-fold (and leave-one-out) accuracy."""
    corpus = load_corpus(path)
    keep = corpus.quartile != 0
    texts = np.array(corpus.texts, dtype=object)[keep]
    labels = corpus.quartile[keep] == 1
    strategies = featurize(list(texts))
    models: dict[str, tuple[bool, np.ndarray | None]] = {
        "BOW": (True, None),
        "Ling.": (True, strategies),
        "strategies only": (False, strategies),
    }
    results: dict[str, object] = {"requests": int(keep.sum()), "svm_c": SVM_C}
    for name, (words, feats) in models.items():
        accuracy = []
        for train, test in _folds(len(texts)):
            make = _matrix(texts, feats, train, words)
            classifier = _svm(make(train), labels[train])
            accuracy.append(float(np.mean(classifier.predict(make(test)) == labels[test])))
        entry: dict[str, object] = {"accuracy_10fold": _stats(accuracy)}
        if loo:
            # As the released code: the vocabulary comes from all requests, then one is left out.
            make = _matrix(texts, feats, np.arange(len(texts)), words)
            x = make(np.arange(len(texts)))
            hits = [
                bool(_svm(x[train], labels[train]).predict(x[test])[0] == labels[test][0])
                for train, test in LeaveOneOut().split(np.zeros(len(texts)))
            ]
            entry["accuracy_leave_one_out"] = round(float(np.mean(hits)), 4)
        results[name] = entry
        print(f"  {name:16s} {entry}", flush=True)
    return results


def _matrix(
    texts: np.ndarray, feats: np.ndarray | None, train: np.ndarray, words: bool
) -> Callable[[np.ndarray], csr_matrix]:
    if words:
        return _design(texts, feats, train)
    assert feats is not None
    scaler = StandardScaler().fit(feats[train])
    return lambda rows: csr_matrix(scaler.transform(feats[rows]))


def human_agreement(path: Path) -> dict[str, float]:
    """How well one annotator does on the quartile task, and their Spearman with the others.

    Each annotator's ratings are z-scored per annotator (as the Normalized Score is). ``vs_five``:
    an annotator's own z-score, split at its median, against the quartile labels of all five
    (their own rating is part of the label, so this flatters). ``vs_other_four``: against the
    quartile labels of the mean of the other four (the fair version).
    """
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    ratings: dict[str, list[float]] = {}
    for row in rows:
        for j in range(1, 6):
            ratings.setdefault(row[f"TurkId{j}"], []).append(float(row[f"Score{j}"]))
    moments = {turker: (np.mean(r), np.std(r) or 1.0) for turker, r in ratings.items()}
    z = np.array(
        [
            [
                (float(row[f"Score{j}"]) - moments[row[f"TurkId{j}"]][0]) / moments[row[f"TurkId{j}"]][1]
                for j in range(1, 6)
            ]
            for row in rows
        ]
    )
    everyone = z.mean(axis=1)
    vs_five, vs_four, rho = [], [], []
    for j in range(5):
        own, others = z[:, j], np.delete(z, j, axis=1).mean(axis=1)
        for target, out in ((everyone, vs_five), (others, vs_four)):
            low, high = np.percentile(target, [25, 75])
            quart = (target <= low) | (target >= high)
            guess = own[quart] >= np.median(own[quart])
            out.append(float(np.mean(guess == (target[quart] >= high))))
        rho.append(float(spearmanr(own, others).statistic))
    return {
        "accuracy_vs_five": round(float(np.mean(vs_five)), 4),
        "accuracy_vs_other_four": round(float(np.mean(vs_four)), 4),
        "spearman_vs_other_four": round(float(np.mean(rho)), 4),
    }


def _candidate_columns(texts: Sequence[str]) -> np.ndarray:
    alternatives = ("|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ps) for ps in CANDIDATES.values())
    patterns = [re.compile(rf"(?<![\w'])(?:{body})(?![\w'])", re.IGNORECASE) for body in alternatives]
    return np.array([[1.0 if p.search(t.replace("\u2019", "'")) else 0.0 for p in patterns] for t in texts])


def _ridge_scores(
    x: np.ndarray,
    scores: np.ndarray,
    quartile: np.ndarray,
    split: tuple[np.ndarray, np.ndarray],
    alpha: float,
) -> tuple[float, float]:
    train, test = split
    model = Ridge(alpha=alpha).fit(x[train], scores[train])
    threshold = float(np.median(model.predict(x[train][quartile[train] != 0])))
    predicted = model.predict(x[test])
    mask = quartile[test] != 0
    accuracy = float(np.mean((predicted[mask] >= threshold) == (quartile[test][mask] == 1)))
    return accuracy, float(spearmanr(predicted, scores[test]).statistic)


def _inner_accuracy(x: np.ndarray, scores: np.ndarray, quartile: np.ndarray, alpha: float) -> float:
    return float(
        np.mean(
            [
                _ridge_scores(x, scores, quartile, (tr, te), alpha)[0]
                for tr, te in KFold(INNER_FOLDS, shuffle=True, random_state=SEED).split(x)
            ]
        )
    )


def _general_vocabulary(
    texts: np.ndarray, communities: np.ndarray, min_df: int, min_communities: int
) -> list[str]:
    """Words in at least *min_df* requests and in at least *min_communities* Stack Exchange sites."""
    vectorizer = CountVectorizer(binary=True, token_pattern=TOKENS, min_df=min_df).fit(texts)
    words = np.array(vectorizer.get_feature_names_out())
    present = vectorizer.transform(texts)
    sites = np.zeros(len(words))
    for site in set(communities):
        sites += np.asarray(present[communities == site].sum(axis=0)).ravel() > 0
    return [str(w) for w in words[sites >= min_communities] if w not in {"?", "!"}]


def experiments(path: Path) -> dict[str, object]:
    """Nested cross-validation of what we tried to add to the shipped model (ridge, alpha ALPHA)."""
    corpus = load_corpus(path)
    with path.open(encoding="utf-8", newline="") as handle:
        communities = np.array([row["Community"] for row in csv.DictReader(handle)])
    texts = np.array(corpus.texts, dtype=object)
    base = featurize(corpus.texts)
    extra = _candidate_columns(corpus.texts)
    y, q = corpus.scores, corpus.quartile
    names = list(CANDIDATES)
    subsets = [s for r in range(len(names) + 1) for s in itertools.combinations(range(len(names)), r)]
    out: dict[str, object] = {"candidate_strategies": {n: list(p) for n, p in CANDIDATES.items()}}
    shipped, strategies, vocab, huber = [], [], [], []
    kept_strategies: list[list[str]] = []
    kept_vocab: list[str] = []
    heaviest: list[list[str]] = []
    for train, test in _folds(len(texts)):
        shipped.append(_ridge_scores(base, y, q, (train, test), ALPHA))
        # Candidate strategies: the inner folds choose which to add.
        best = max(
            subsets,
            key=lambda s: _inner_accuracy(
                np.hstack([base, extra[:, list(s)]])[train], y[train], q[train], ALPHA
            ),
        )
        kept_strategies.append([names[i] for i in best])
        strategies.append(_ridge_scores(np.hstack([base, extra[:, list(best)]]), y, q, (train, test), ALPHA))
        # A restricted vocabulary (words common across Stack Exchange sites): inner folds choose it.
        options: list[tuple[str, np.ndarray, float]] = [("none", base, ALPHA)]
        vocabularies: dict[str, list[str]] = {"none": []}
        for min_sites, alpha in itertools.product((1, 5, 10), (30.0, 100.0)):
            words = _general_vocabulary(texts[train], communities[train], 20, min_sites)
            bag = CountVectorizer(binary=True, token_pattern=TOKENS, vocabulary=words).transform(texts)
            label = f"df>=20, sites>={min_sites}, alpha {alpha:g}"
            options.append((label, np.hstack([base, bag.toarray()]), alpha))
            vocabularies[label] = words
        label, x, alpha = max(options, key=lambda o: _inner_accuracy(o[1][train], y[train], q[train], o[2]))
        kept_vocab.append(label)
        vocab.append(_ridge_scores(x, y, q, (train, test), alpha))
        if vocabularies[label]:  # the chosen vocabulary's heaviest words, to see what it learns
            weights = Ridge(alpha=alpha).fit(x[train], y[train]).coef_[base.shape[1] :]
            order = np.argsort(weights)
            heaviest.append([vocabularies[label][i] for i in (*order[:8], *order[-8:])])
        # A robust loss instead of ridge's squared error.
        model = HuberRegressor(alpha=1e-3, max_iter=5000).fit(base[train], y[train])
        threshold = float(np.median(model.predict(base[train][q[train] != 0])))
        predicted, mask = model.predict(base[test]), q[test] != 0
        huber.append(
            (
                float(np.mean((predicted[mask] >= threshold) == (q[test][mask] == 1))),
                float(spearmanr(predicted, y[test]).statistic),
            )
        )
    runs = {"shipped": shipped, "strategies_nested": strategies, "vocabulary_nested": vocab, "huber": huber}
    for key, pairs in runs.items():
        out[key] = {"accuracy": _stats([a for a, _ in pairs]), "spearman": _stats([s for _, s in pairs])}
        print(f"  {key:18s} {out[key]}", flush=True)
    out["strategies_kept_per_fold"] = kept_strategies
    out["vocabulary_kept_per_fold"] = kept_vocab
    out["vocabulary_heaviest_words_per_fold"] = heaviest  # 8 most impolite, then 8 most polite
    return out


def main() -> None:
    """Run the reproduction and the experiments; merge them into docs/politeness-eval.json."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--loo", action="store_true", help="also leave-one-out (about 10 minutes)")
    parser.add_argument("--no-experiments", action="store_true")
    parser.add_argument("--out", type=Path, default=RESULTS, help="'-' prints only")
    args = parser.parse_args()
    print(f"paper protocol on {args.corpus.name}")
    payload: dict[str, object] = {"corpus": args.corpus.name}
    payload["paper_protocol"] = paper_protocol(args.corpus, args.loo)
    payload["human"] = human_agreement(args.corpus)
    print(f"  human {payload['human']}")
    if not args.no_experiments:
        print("experiments (nested cross-validation)")
        payload["experiments"] = experiments(args.corpus)
    if str(args.out) == "-":
        return
    data = json.loads(args.out.read_text(encoding="utf-8")) if args.out.is_file() else {}
    if args.corpus.resolve() == CORPUS.resolve():
        data.update({k: v for k, v in payload.items() if k != "corpus"})
    else:  # another part of the corpus (e.g. Wikipedia): a diagnostic beside the main figures
        data.setdefault("other_corpora", {})[args.corpus.name] = payload
    args.out.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
