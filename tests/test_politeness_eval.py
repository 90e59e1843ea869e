"""The politeness model's published figures: docs/checks.md says what docs/politeness-eval.json holds."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = json.loads((ROOT / "docs" / "politeness-eval.json").read_text(encoding="utf-8"))
DOC = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
SECTION = DOC[DOC.index("## The politeness model") : DOC.index("## Readability")]


def _cell(mean: float, sd: float) -> str:
    return f"{mean:.3f} ± {sd:.3f}"


def test_shipped_model_figures_match_the_evaluation():
    """The table's shipped-model row is the evaluation's cross-validated mean ± sd."""
    shipped = RESULTS["results"]["askcraft"]
    row = next(line for line in SECTION.splitlines() if line.startswith("| **askcraft**"))
    assert _cell(shipped["accuracy_mean"], shipped["accuracy_sd"]) in row
    assert _cell(shipped["spearman_mean"], shipped["spearman_sd"]) in row


def test_reproduced_paper_protocol_figures_match():
    """The paper's protocol, rerun on our data, is reported as the script computed it."""
    protocol = RESULTS["paper_protocol"]
    for name, label in (("BOW", "BOW, linear SVM"), ("Ling.", "Ling. (BOW")):
        row = next(line for line in SECTION.splitlines() if label in line and line.startswith("|"))
        folds = protocol[name]["accuracy_10fold"]
        assert _cell(folds["mean"], folds["sd"]) in row
        assert f"leave-one-out {protocol[name]['accuracy_leave_one_out']:.3f}" in row


def test_paper_figures_are_marked_as_unverified_where_they_are():
    """Figures remembered but not read in the paper say so, in the JSON and in the docs."""
    paper = RESULTS["paper"]
    assert paper["verified"]["protocol"] is True
    if not paper["verified"]["figures"]:
        assert "unverified" in SECTION
    stack_exchange = paper["stack_exchange_in_domain_accuracy"]
    assert f"{stack_exchange['BOW']:.3f}" in SECTION
    assert f"{stack_exchange['Ling.']:.3f}" in SECTION
