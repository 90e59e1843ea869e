"""Findings as the page shows them: a style group each, and the text cut into highlighted runs.

The page never computes offsets: the server cuts the text into consecutive runs, each naming the
findings that cover it, and the browser puts each run in the page as text (never as HTML).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from askcraft import Finding

#: The five styles of the page: each finding category belongs to one.
STYLE = {
    "grammar": "grammar",
    "spelling": "spelling",
    "politeness": "tone",
    "pressure": "tone",
    "negativity": "tone",
    "specificity": "etiquette",
    "ask-size": "etiquette",
    "patience": "etiquette",
    "reciprocity": "etiquette",
    "length": "etiquette",
    "readability": "etiquette",
    "questions": "etiquette",
    "content": "content",
}
STYLE_LABELS = {
    "grammar": "Grammar",
    "spelling": "Spelling",
    "tone": "Tone",
    "etiquette": "Etiquette",
    "content": "Content",
}


def style_of(category: str) -> str:
    """Return the page style of a finding category (``etiquette`` for one the page does not know)."""
    return STYLE.get(category, "etiquette")


def runs(text: str, spans: Sequence[tuple[int, int, int]]) -> list[dict[str, Any]]:
    """Cut *text* into consecutive runs; each lists the ids of the spans ``(id, offset, length)`` over it.

    Spans of length zero (a finding about the whole text) mark nothing; spans past the end are cut.
    """
    size = len(text)
    cuts = {0, size}
    live = []
    for ident, offset, length in spans:
        start, end = min(offset, size), min(offset + length, size)
        if end > start:
            live.append((ident, start, end))
            cuts.update((start, end))
    ordered = sorted(cuts)
    out: list[dict[str, Any]] = []
    for start, end in itertools.pairwise(ordered):
        ids = [ident for ident, a, b in live if a <= start and b >= end]
        out.append({"text": text[start:end], "ids": ids})
    return out


def describe(ident: int, finding: Finding, text: str, fixes: list[dict[str, Any]]) -> dict[str, Any]:
    """Return one finding as JSON for the page: what, where, how bad, and the fixes it offers."""
    style = style_of(finding.category)
    return {
        "id": ident,
        "rule": finding.rule,
        "category": finding.category,
        "style": style,
        "style_label": STYLE_LABELS[style],
        "severity": finding.severity,
        "message": finding.message,
        "field": finding.field,
        "excerpt": finding.excerpt(text),
        "fixes": fixes,
    }
