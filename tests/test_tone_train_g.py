"""Set G of the learned pushy model's training messages (tests/data/tone_train_g.yaml) is well formed.

Written blind to the rules and the evaluation sets: informal writers (texts, DMs, family, students,
gig and shop work). The same schema as the evaluation set; no id shared with another set, and no
sentence of five words or more shared with an evaluation message.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import test_tone_eval as eval_set
import yaml
from test_tone_eval import ITEMS as EVAL_ITEMS
from test_tone_eval import _clashes
from test_tone_train import _texts

DATA = Path(__file__).resolve().parent / "data"


def _load(name: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))["items"]
    return items


G_ITEMS = _load("tone_train_g.yaml")
OTHER_IDS = [
    i["id"]
    for name in sorted(p.name for p in DATA.glob("tone_*.yaml"))
    if name != "tone_train_g.yaml"
    for i in _load(name)
]


@pytest.mark.parametrize("item", G_ITEMS, ids=lambda item: str(item["id"]))
def test_every_message_follows_the_schema(item: dict[str, Any]):
    """Known fields, fixed kinds, channels and labels; pushy ones quote their words, gentle ones none."""
    eval_set.test_every_item_follows_the_schema(item)
    assert re.fullmatch(r"train-g-\d{3}", item["id"])
    if item["label"] == "pushy":
        eval_set.test_pushy_items_name_their_categories_and_the_words(item)
    else:
        eval_set.test_gentle_items_have_no_categories(item)


def test_the_set_has_its_size_and_balance():
    """300 messages, 140 of them pushy; each category on at least 15 and each kind and channel both labels."""
    assert len(G_ITEMS) == 300
    assert sum(i["label"] == "pushy" for i in G_ITEMS) == 140
    categories = Counter(c for i in G_ITEMS for c in i.get("categories") or ())
    assert {c: categories[c] for c in eval_set.CATEGORIES if categories[c] < 15} == {}
    for field, values in (("kind", eval_set.KINDS), ("channel", eval_set.CHANNELS)):
        counts = Counter((i[field], i["label"]) for i in G_ITEMS)
        short = {(v, lab): counts[v, lab] for v in values for lab in eval_set.LABELS if counts[v, lab] < 8}
        assert short == {}, field


def test_ids_are_unique_and_in_no_other_set():
    """Each id is used once here and in no other training or evaluation set."""
    ids = [i["id"] for i in G_ITEMS]
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert set(ids) & set(OTHER_IDS) == set()


def test_connection_notes_fit_linkedin():
    """LinkedIn connection notes stop at 300 characters."""
    notes = {i["id"]: len(i["text"]) for i in G_ITEMS if i["channel"] == "linkedin-connection-note"}
    assert {k: n for k, n in notes.items() if n > 300} == {}


def test_no_sentence_is_in_an_evaluation_set():
    """No sentence of five words or more appears in both a set-G message and an evaluation message."""
    blind = _load("tone_eval_blind.yaml") + _load("tone_eval_blind2.yaml")
    assert _clashes(G_ITEMS, _texts(EVAL_ITEMS) + _texts(blind)) == []


def test_gentle_messages_with_capitals_are_acronym_traps():
    """A gentle message with a word in capitals (other than OK) carries the acronym trap."""
    unmarked = [
        i["id"]
        for i in G_ITEMS
        if i["label"] == "gentle"
        and set(re.findall(r"\b[A-Z]{2,}[A-Z0-9]*\b", i["text"])) - {"OK"}
        and "acronym" not in (i.get("traps") or ())
    ]
    assert unmarked == []


def test_no_message_is_repeated():
    """No two messages are the same text."""
    texts = Counter(" ".join(i["text"].split()).casefold() for i in G_ITEMS)
    assert [t for t, n in texts.items() if n > 1] == []
