"""Training set F (tests/data/tone_train_f.yaml) is well formed, balanced, and written afresh.

Written blind to the rules and the evaluation sets. The schema, the ids shared with no other set
and the separation from every evaluation message are checked for every training file at once in
tests/test_tone_train.py (its TRAIN reads each tests/data/tone_train*.yaml); this file checks
what is particular to set F.
"""

from __future__ import annotations

import re
from collections import Counter

from test_tone_eval import _sentences
from test_tone_train import TRAIN, _load, _short_of_balance, _unmarked_capitals

F_ITEMS = _load("tone_train_f.yaml")


def test_the_set_has_300_messages_140_pushy_with_ids_of_its_own():
    """300 messages, 140 pushy; ids train-f-NNN, unique, and all of them read as training messages."""
    assert len(F_ITEMS) == 300
    assert sum(i["label"] == "pushy" for i in F_ITEMS) == 140
    ids = [i["id"] for i in F_ITEMS]
    assert all(re.fullmatch(r"train-f-\d{3}", i) for i in ids)
    assert len(ids) == len(set(ids))
    assert sum(i["id"].startswith("train-f-") for i in TRAIN) == 300


def test_gentle_messages_with_capitals_are_acronym_traps():
    """A gentle message with a word in capitals (other than OK) carries the acronym trap."""
    assert _unmarked_capitals(F_ITEMS) == []


def test_the_set_covers_every_category_kind_and_channel():
    """Each category has fifteen pushy messages; each kind and channel eight of each label; short notes."""
    assert _short_of_balance(F_ITEMS, per_category=15, per_label=8) == {}


def test_the_messages_are_not_filled_in_templates():
    """No two messages are the same, and no sentence of eight words or more recurs."""
    texts = Counter(item["text"] for item in F_ITEMS)
    assert [t for t, n in texts.items() if n > 1] == []
    long_sentences = Counter(
        s for item in F_ITEMS for s in set(_sentences(item["text"])) if len(s.split()) >= 8
    )
    assert [s for s, n in long_sentences.items() if n > 1] == []
