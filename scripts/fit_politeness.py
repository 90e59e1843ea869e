"""Fit the politeness weights from the Stanford Politeness Corpus (Stack Exchange part).

Run from the repository root:  python scripts/fit_politeness.py
Writes askcraft/_checks/rules/politeness_weights.json. Needs the `fit` extra (scikit-learn, numpy).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import Ridge

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from askcraft import tone  # noqa: E402  (the repo root must be on sys.path first)
from askcraft._checks import tone_model  # noqa: E402

_CORPUS_PATH = Path("shared") / "data" / "politeness" / "stack-exchange.annotated.csv"


def _find_corpus() -> Path:
    """Return the corpus beside the checkout (``../shared``), also from a worktree further down."""
    for folder in ROOT.parents:
        if (folder / _CORPUS_PATH).is_file():
            return folder / _CORPUS_PATH
    return ROOT.parent / _CORPUS_PATH


CORPUS = _find_corpus()
WEIGHTS = ROOT / "askcraft" / "_checks" / "rules" / "politeness_weights.json"
SEED = 20130804  # the ACL 2013 conference date; any fixed number would do
ALPHA = 10.0  # ridge penalty; chosen by the nested search in eval_politeness.py --alphas


@dataclass(frozen=True)
class Corpus:
    """The requests, their Normalized Scores and the polite/impolite quartile labels."""

    texts: list[str]
    scores: np.ndarray
    #: +1 polite (top quartile), -1 impolite (bottom quartile), 0 the middle half.
    quartile: np.ndarray


def load_corpus(path: Path = CORPUS) -> Corpus:
    """Read the annotated CSV; quartiles are computed over the whole file, as in the paper."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    texts = [row["Request"] for row in rows]
    scores = np.array([float(row["Normalized Score"]) for row in rows])
    low, high = np.percentile(scores, [25, 75])
    quartile = np.where(scores >= high, 1, np.where(scores <= low, -1, 0))
    return Corpus(texts, scores, quartile)


def feature_names() -> list[str]:
    """Return the model's feature names in a fixed order."""
    return [*tone.strategy_names(), *tone.GENERAL_FEATURES]


def featurize(texts: list[str]) -> np.ndarray:
    """Return the feature matrix askcraft.tone computes for *texts*."""
    names = feature_names()
    rows = (tone_model._features(t) for t in texts)
    return np.array([[row[n] for n in names] for row in rows])


def fit(x: np.ndarray, y: np.ndarray, quartile: np.ndarray, alpha: float = ALPHA) -> tuple[Ridge, float]:
    """Fit a ridge regression of Normalized Score; return it and the polite/impolite threshold."""
    model = Ridge(alpha=alpha, random_state=SEED).fit(x, y)
    # The quartile task is balanced, so the median prediction on its requests splits it best.
    threshold = float(np.median(model.predict(x[quartile != 0])))
    return model, threshold


def main() -> None:
    """Fit on the whole corpus and write the weights JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    args = parser.parse_args()
    corpus = load_corpus(args.corpus)
    x = featurize(corpus.texts)
    model, threshold = fit(x, corpus.scores, corpus.quartile)
    weights = {name: round(float(w), 4) for name, w in zip(feature_names(), model.coef_, strict=True)}
    data = {
        "model": "ridge regression of Normalized Score on politeness strategies",
        "corpus": "Stanford Politeness Corpus, Stack Exchange part (6,603 requests)",
        "alpha": ALPHA,
        "seed": SEED,
        "intercept": round(float(model.intercept_), 4),
        "polite_threshold": round(threshold, 4),
        "weights": weights,
    }
    args.out.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out.relative_to(ROOT)}")
    for name, w in sorted(weights.items(), key=lambda kv: kv[1]):
        print(f"  {name:24s} {w:+.3f}")


if __name__ == "__main__":
    main()
