"""Cross-validate the politeness model against a bag-of-words baseline on the same folds.

Run from the repository root:  python scripts/eval_politeness.py
Seeded 10-fold cross-validation over the Stack Exchange part of the Stanford Politeness
Corpus. Reports accuracy on the polite/impolite quartile task and the Spearman
correlation with Normalized Score, for askcraft's strategy model and for a bag-of-words
logistic regression, and writes docs/politeness-eval.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from scipy.stats import spearmanr
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.model_selection import KFold

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fit_politeness import ALPHA, ROOT, SEED, featurize, fit, load_corpus

RESULTS = ROOT / "docs" / "politeness-eval.json"
FOLDS = 10


def _accuracy(predicted_polite: np.ndarray, quartile: np.ndarray) -> float:
    mask = quartile != 0
    return float(np.mean(predicted_polite[mask] == (quartile[mask] == 1)))


def _spearman(predicted: np.ndarray, scores: np.ndarray) -> float:
    return float(spearmanr(predicted, scores).statistic)


def evaluate(alpha: float = ALPHA) -> dict[str, dict[str, float]]:
    """Return mean and standard deviation of both metrics per model over the folds."""
    corpus = load_corpus()
    x = featurize(corpus.texts)
    texts = np.array(corpus.texts, dtype=object)
    per_fold: dict[str, dict[str, list[float]]] = {
        name: {"accuracy": [], "spearman": []} for name in ("askcraft", "bow-logreg", "bow-ridge")
    }
    for train, test in KFold(FOLDS, shuffle=True, random_state=SEED).split(x):
        y, q = corpus.scores[train], corpus.quartile[train]
        # askcraft: ridge on strategies; the threshold comes from the training folds only.
        model, threshold = fit(x[train], y, q, alpha)
        predicted = model.predict(x[test])
        per_fold["askcraft"]["accuracy"].append(_accuracy(predicted >= threshold, corpus.quartile[test]))
        per_fold["askcraft"]["spearman"].append(_spearman(predicted, corpus.scores[test]))
        # Baseline: unigram counts, logistic regression on the training folds' quartile requests.
        vectorizer = CountVectorizer(lowercase=True, min_df=2)
        bow_train = vectorizer.fit_transform(texts[train])
        bow_test = vectorizer.transform(texts[test])
        mask = q != 0
        logreg = LogisticRegression(max_iter=2000, random_state=SEED).fit(bow_train[mask], q[mask] == 1)
        per_fold["bow-logreg"]["accuracy"].append(_accuracy(logreg.predict(bow_test), corpus.quartile[test]))
        per_fold["bow-logreg"]["spearman"].append(
            _spearman(logreg.decision_function(bow_test), corpus.scores[test])
        )
        # A second, stronger baseline for the correlation: ridge regression on the same words.
        ridge = Ridge(alpha=10.0).fit(bow_train, y)
        bow_pred = ridge.predict(bow_test)
        bow_threshold = float(np.median(ridge.predict(bow_train[mask])))
        per_fold["bow-ridge"]["accuracy"].append(_accuracy(bow_pred >= bow_threshold, corpus.quartile[test]))
        per_fold["bow-ridge"]["spearman"].append(_spearman(bow_pred, corpus.scores[test]))
    return {
        name: {
            f"{metric}_{stat}": round(float(fn(values)), 4)
            for metric, values in metrics.items()
            for stat, fn in (("mean", np.mean), ("sd", np.std))
        }
        for name, metrics in per_fold.items()
    }


def main() -> None:
    """Print the comparison table and write the JSON results."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--alphas", type=float, nargs="*", help="also try these ridge penalties")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    for alpha in args.alphas or []:
        res = evaluate(alpha)["askcraft"]
        print(f"alpha={alpha:<8g} accuracy={res['accuracy_mean']:.4f} spearman={res['spearman_mean']:.4f}")
    results = evaluate()
    print(f"{FOLDS}-fold cross-validation, seed {SEED}, alpha {ALPHA}")
    print(f"{'model':<12} {'accuracy':>16} {'spearman':>16}")
    for name, res in results.items():
        print(
            f"{name:<12} {res['accuracy_mean']:>9.4f} ± {res['accuracy_sd']:.3f}"
            f" {res['spearman_mean']:>9.4f} ± {res['spearman_sd']:.3f}"
        )
    args.out.parent.mkdir(exist_ok=True)
    payload = {"folds": FOLDS, "seed": SEED, "alpha": ALPHA, "results": results}
    args.out.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
