"""Training set F (tests/data/tone_train_f.yaml) is well formed and kept apart from the evaluation sets.

Written blind to the rules and the evaluation sets; checked here with the evaluation set's schema
tests and the training set's separation check, so the learned model is never fitted on a sentence
it is later measured on.
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
from test_tone_eval import _clashes, _sentences
from test_tone_train import BLIND, BLIND2, TRAIN, _texts

DATA = Path(__file__).resolve().parent / "data"


def _load(name: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))["items"]
    return items


F_ITEMS = _load("tone_train_f.yaml")


@pytest.mark.parametrize("item", F_ITEMS, ids=lambda item: str(item["id"]))
def test_every_message_follows_the_evaluation_schema(item: dict[str, Any]):
    """Set F uses the evaluation set's schema, labels and quoted evidence."""
    eval_set.test_every_item_follows_the_schema(item)
    if item["label"] == "pushy":
        eval_set.test_pushy_items_name_their_categories_and_the_words(item)
    else:
        eval_set.test_gentle_items_have_no_categories(item)


def test_the_set_has_300_messages_140_pushy_with_ids_of_its_own():
    """300 messages, 140 pushy; ids train-f-NNN, unique, and in no other set."""
    assert len(F_ITEMS) == 300
    assert sum(i["label"] == "pushy" for i in F_ITEMS) == 140
    ids = [i["id"] for i in F_ITEMS]
    assert all(re.fullmatch(r"train-f-\d{3}", i) for i in ids)
    assert len(ids) == len(set(ids))
    # TRAIN holds every tone_train*.yaml, this set included: compare with the others only.
    others = {i["id"] for i in TRAIN + BLIND + BLIND2 + EVAL_ITEMS if not i["id"].startswith("train-f-")}
    assert set(ids) & others == set()
    assert sum(i["id"].startswith("train-f-") for i in TRAIN) == 300  # and none of its ids elsewhere


def test_no_sentence_is_in_an_evaluation_set():
    """No sentence of five words or more appears in both a set-F message and an evaluation one."""
    assert _clashes(F_ITEMS, _texts(EVAL_ITEMS) + _texts(BLIND) + _texts(BLIND2)) == []


def test_the_separation_check_catches_a_shared_sentence():
    """A sentence copied from an evaluation message into a set-F message is caught."""
    sentence = next(s for s in _sentences(EVAL_ITEMS[0]["text"]) if len(s.split()) > 6)
    copied = {"id": "copied", "text": f"Hi Sam, {sentence}. Thanks, Alex"}
    assert _clashes([copied], _texts(EVAL_ITEMS))


def _unmarked_capitals(items: list[dict[str, Any]]) -> list[str]:
    return [
        item["id"]
        for item in items
        if item["label"] == "gentle"
        and set(re.findall(r"\b[A-Z]{2,}[A-Z0-9]*\b", item["text"])) - {"OK"}
        and "acronym" not in (item.get("traps") or ())
    ]


def test_gentle_messages_with_capitals_are_acronym_traps():
    """A gentle message with a word in capitals (other than OK) carries the acronym trap."""
    assert _unmarked_capitals(F_ITEMS) == []


def test_the_capitals_check_catches_an_unmarked_message():
    """A gentle message with "NHS" and no acronym trap is named."""
    item = {"id": "unmarked", "label": "gentle", "text": "Dear Ruth, my NHS post ends soon.", "traps": []}
    assert _unmarked_capitals([item]) == ["unmarked"]


def test_connection_notes_fit_linkedin():
    """LinkedIn connection notes stop at 300 characters."""
    long = {i["id"]: len(i["text"]) for i in F_ITEMS if i["channel"] == "linkedin-connection-note"}
    assert {k: n for k, n in long.items() if n > 300} == {}


def test_the_set_covers_every_category_kind_and_channel():
    """Each category has fifteen pushy messages; each kind and channel has both labels."""
    categories = Counter(c for item in F_ITEMS for c in item.get("categories") or ())
    assert {c: categories[c] for c in eval_set.CATEGORIES if categories[c] < 15} == {}
    for field, values in (("kind", eval_set.KINDS), ("channel", eval_set.CHANNELS)):
        counts = Counter((item[field], item["label"]) for item in F_ITEMS)
        pairs = [(v, label) for v in values for label in eval_set.LABELS]
        assert {pair: counts[pair] for pair in pairs if counts[pair] < 8} == {}, field


def test_the_messages_are_not_filled_in_templates():
    """No two messages are the same, and no sentence of eight words or more recurs."""
    texts = Counter(item["text"] for item in F_ITEMS)
    assert [t for t, n in texts.items() if n > 1] == []
    long_sentences = Counter(
        s for item in F_ITEMS for s in set(_sentences(item["text"])) if len(s.split()) >= 8
    )
    assert [s for s, n in long_sentences.items() if n > 1] == []
