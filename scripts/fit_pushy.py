"""Fit the pushy-sentence model (askcraft/_checks/rules/pushy.py) on the training set.

Run from the repository root:  python scripts/fit_pushy.py --addressed-only [--train PATH ...] [--own-voice N]
(the shipped weights: --addressed-only, and the default 2,000 drafts of askcraft's own voice)
Writes askcraft/_checks/rules/pushy_weights.json. Needs the `fit` extra (scikit-learn, numpy).

Training data: the labelled messages of tests/data/tone_train*.yaml (same schema as the evaluation
set; a sentence is pushy when it holds words a label quotes, every other sentence is not) and the
examples of the pressure, negativity and politeness rules; and, with --own-voice N (default 2,000),
every distinct sentence of N drafts askcraft writes itself, as gentle: askcraft's drafts are gentle
by design (scripts/own_voice.py generates their intents, none of them an intent the model is
checked on). The evaluation sets (tests/data/tone_eval.yaml, tests/data/tone_eval_blind.yaml) are
never read here.

The threshold is chosen by 5-fold cross-validation over the training messages: the lowest
probability at which the rules and the model together leave at least --clean of the gentle
messages without a warning. The regularisation strength is chosen the same way (the one that
flags the most pushy messages at that threshold).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import askcraft  # noqa: E402  (the repo root must be on sys.path first)
from askcraft._checks.fix import apply_fixes  # noqa: E402
from askcraft._checks.rules.base import sentences  # noqa: E402
from askcraft._checks.rules.constructions import tokens  # noqa: E402
from askcraft._checks.rules.pushy import addresses_reader, features  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
import own_voice  # noqa: E402  (scripts/own_voice.py)

#: Every training set: tone_train.yaml (958 messages, five writers) and the sets written since
#: (tone_train_f.yaml, tone_train_g.yaml: 300 each, formal and texting voices).
TRAIN = sorted((ROOT / "tests" / "data").glob("tone_train*.yaml"))
RULE_DATA = ROOT / "askcraft" / "_checks" / "rules" / "data"
WEIGHTS = ROOT / "askcraft" / "_checks" / "rules" / "pushy_weights.json"
COUNTED = ("politeness", "pressure", "negativity", "patience")
SEED = 20261126
#: Rules whose examples are about pressure, reproach, orders and complaints (not length, say).
EXAMPLE_RULES = (
    "pressure.",
    "negativity.",
    "politeness.command",
    "politeness.please-start",
    "politeness.negative-command",
)
SKIPPED_RULES = ("pressure.pushy",)  # the model's own examples test the model; they don't train it


def _sentence_rows(item: dict[str, Any]) -> list[tuple[str, int]]:
    """Return ``(features, label)`` per sentence of a labelled message."""
    text = item["text"]
    quotes = [
        q
        for words in (item.get("evidence") or {}).values()
        for q in ([words] if isinstance(words, str) else words)
    ]
    spans = [(text.index(q), text.index(q) + len(q)) for q in quotes if q in text]
    rows = []
    for start, end in sentences(text):
        pushy = item["label"] == "pushy" and any(a < end and start < b for a, b in spans)
        rows.append((_doc(text, start, end), int(pushy)))
    return rows


def _doc(text: str, start: int, end: int) -> str:
    return "\t".join(sorted(features(tokens(text, start, end))))


def _example_rows() -> list[tuple[str, int]]:
    rows = []
    for path in sorted(RULE_DATA.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for rule_id, rule in (data.get("rules") or {}).items():
            if not rule_id.startswith(EXAMPLE_RULES) or rule_id in SKIPPED_RULES:
                continue
            for key, label in (("flag", 1), ("pass", 0)):
                for example in (rule.get("examples") or {}).get(key) or []:
                    text = example if isinstance(example, str) else example["text"]
                    rows.extend((_doc(text, a, b), label) for a, b in sentences(text))
    return rows


def _rewrite_rows() -> list[tuple[str, int]]:
    """Return the sentences of every flag example once the rules' own rewrites are applied, as gentle.

    A rewrite is what askcraft tells the writer to send instead ("You should forward my resume to
    your boss." becomes "Could you forward my resume to your boss?"), so the model must not flag it.
    Sentences that still draw a warning of a pressure, negativity or politeness rule are left out.
    """
    docs: set[str] = set()
    for path in sorted(RULE_DATA.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for rule_id, rule in (data.get("rules") or {}).items():
            if not rule_id.startswith(EXAMPLE_RULES) or rule_id in SKIPPED_RULES:
                continue
            for example in (rule.get("examples") or {}).get("flag") or []:
                text = example if isinstance(example, str) else example["text"]
                found = askcraft.check(text, grammar=False, disable=["pressure.pushy"])
                fixed = apply_fixes(text, found)
                for a, b in sentences(fixed):
                    left = askcraft.check(fixed[a:b], grammar=False, disable=["pressure.pushy"])
                    if not any(f.severity in ("warning", "error") and f.category in COUNTED for f in left):
                        docs.add(_doc(fixed, a, b))
    return [(doc, 0) for doc in sorted(docs)]


def _own_voice_rows(n: int) -> list[tuple[str, int]]:
    """Return every distinct sentence of *n* of askcraft's own drafts, as gentle (label 0)."""
    docs = {_doc(body, a, b) for body in own_voice.drafts(n) for a, b in sentences(body)}
    return [(doc, 0) for doc in sorted(docs)]


def _vectorizer() -> CountVectorizer:
    return CountVectorizer(analyzer=lambda doc: doc.split("\t"), binary=True)


def _fit(rows: list[tuple[str, int]], c: float) -> tuple[CountVectorizer, LogisticRegression]:
    vec = _vectorizer()
    matrix = vec.fit_transform([doc for doc, _ in rows])
    clf = LogisticRegression(C=c, class_weight="balanced", max_iter=5000, random_state=SEED)
    clf.fit(matrix, [label for _, label in rows])
    return vec, clf


def _message_scores(
    vec: CountVectorizer, clf: LogisticRegression, items: list[dict[str, Any]], addressed_only: bool
) -> np.ndarray:
    scores = []
    for item in items:
        text = item["text"]
        spans = [(a, b) for a, b in sentences(text) if not addressed_only or addresses_reader(text, a, b)]
        docs = [_doc(text, a, b) for a, b in spans]
        scores.append(float(clf.predict_proba(vec.transform(docs))[:, 1].max()) if docs else 0.0)
    return np.array(scores)


def _rules_flag(items: list[dict[str, Any]]) -> np.ndarray:
    flags = []
    for item in items:
        sent_on = item.get("sent_on")
        found = askcraft.check(
            item["text"],
            kind=item["kind"],
            channel=item["channel"],
            subject=item.get("subject"),
            grammar=False,
            options={"patience.sent_on": str(sent_on)} if sent_on else None,
            send_date=_date(item.get("send_date")),
            disable=["pressure.pushy"],
        )
        flags.append(any(f.severity in ("warning", "error") and f.category in COUNTED for f in found))
    return np.array(flags)


def _date(value: object) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value  # type: ignore[return-value]


def load(paths: list[Path]) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for path in paths:
        items.extend(yaml.safe_load(path.read_text(encoding="utf-8"))["items"])
    return items


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--train",
        type=Path,
        action="append",
        help="training set(s) (default: every tests/data/tone_train*.yaml)",
    )
    parser.add_argument(
        "--clean",
        type=float,
        default=0.97,
        help="gentle messages left clean in CV (0.97, or the rules' less 1 point)",
    )
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    parser.add_argument(
        "--addressed-only",
        action="store_true",
        help="weigh only sentences that speak to the reader (say 'you' or give an order)",
    )
    parser.add_argument(
        "--own-voice",
        type=int,
        default=2000,
        metavar="N",
        help="add the sentences of N drafts askcraft writes itself, as gentle (0: none)",
    )
    parser.add_argument(
        "--no-rewrites",
        dest="rewrites",
        action="store_false",
        help="leave out the rules' rewrites of their own examples (added as gentle by default)",
    )
    args = parser.parse_args(argv)
    paths = args.train or TRAIN
    items = load(paths)
    own = _own_voice_rows(args.own_voice) if args.own_voice else []
    print(f"askcraft's own voice: {len(own)} distinct sentences of {args.own_voice} drafts, as gentle")
    rewrites = _rewrite_rows() if args.rewrites else []
    print(f"the rules' rewrites: {len(rewrites)} distinct sentences, as gentle")
    examples = _example_rows() + own + rewrites
    labels = np.array([item["label"] == "pushy" for item in items])
    rules = _rules_flag(items)
    rules_clean = 1 - (rules & ~labels).sum() / max(1, (~labels).sum())
    print(
        f"the rules alone: pushy flagged {(rules & labels).sum() / max(1, labels.sum()):.1%}, "
        f"gentle clean {rules_clean:.1%}"
    )
    # The model may cost at most one point of gentle messages the rules leave clean.
    floor = min(args.clean, float(rules_clean) - 0.01)
    folds = np.random.default_rng(SEED).integers(0, 5, len(items))
    best: tuple[float, float, float, float] | None = None  # (recall, clean, threshold, C)
    for c in (0.3, 1.0, 3.0):
        scores = np.zeros(len(items))
        for k in range(5):
            train = [row for i, item in enumerate(items) if folds[i] != k for row in _sentence_rows(item)]
            vec, clf = _fit(train + examples, c)
            held = [i for i in range(len(items)) if folds[i] == k]
            scores[held] = _message_scores(vec, clf, [items[i] for i in held], args.addressed_only)
        for threshold in np.arange(0.50, 0.995, 0.01):
            flagged = rules | (scores >= threshold)
            clean = 1 - (flagged & ~labels).sum() / max(1, (~labels).sum())
            if clean >= floor:
                recall = (flagged & labels).sum() / max(1, labels.sum())
                print(
                    f"C={c}: threshold {threshold:.2f}, cross-validated pushy flagged {recall:.1%}, "
                    f"gentle clean {clean:.1%}"
                )
                # The most pushy messages flagged; of fits within half a point of each other, the
                # one that leaves more gentle messages clean.
                if best is None or recall > best[0] + 0.005 or (recall > best[0] - 0.005 and clean > best[1]):
                    best = (float(recall), float(clean), float(threshold), c)
                break
    if best is None:
        print("no threshold keeps enough gentle messages clean", file=sys.stderr)
        return 1
    recall, clean, threshold, c = best
    rows = [row for item in items for row in _sentence_rows(item)] + examples
    vec, clf = _fit(rows, c)
    names = vec.get_feature_names_out()
    weights = {
        str(n): round(float(w), 4) for n, w in zip(names, clf.coef_[0], strict=True) if abs(w) >= 0.005
    }
    out = {
        "about": "askcraft's pushy-sentence model: logistic regression on words and word pairs "
        "(scripts/fit_pushy.py); p = 1 / (1 + exp(-(intercept + the weights of the features present)))",
        "trained_on": [str(p.relative_to(ROOT)) if p.is_relative_to(ROOT) else p.name for p in paths],
        "messages": len(items),
        "sentences": len(rows),
        "own_voice": {"drafts": args.own_voice, "seed": own_voice.SEED, "sentences": len(own)},
        "rewrites": len(rewrites),
        "C": c,
        "threshold": round(threshold, 2),
        "addressed_only": args.addressed_only,
        "cross_validated": {"pushy_flagged": round(recall, 4), "gentle_clean": round(clean, 4)},
        "intercept": round(float(clf.intercept_[0]), 4),
        "weights": dict(sorted(weights.items())),
    }
    args.out.write_text(json.dumps(out, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(
        f"wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}: "
        f"{len(weights)} weights, C={c}, threshold {threshold:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
