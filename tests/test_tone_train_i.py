"""Set I of the learned pushy model's training messages (tests/data/tone_train_i.yaml) is well formed.

Written blind to the rules and the evaluation sets: personal and emotional writers (the long
unemployed, people laid off after decades, parents going back to work, immigrants and refugees,
veterans, people leaving prison or recovering from illness, relatives asking for a grandchild,
faith and community groups, neighbours, old school friends). The schema, the ids shared with no
other set and the separation from every evaluation message are checked for every training file at
once in tests/test_tone_train.py; this file checks what is particular to set I.
"""

from __future__ import annotations

import re
from collections import Counter

from test_tone_train import TRAIN, _load, _short_of_balance, _unmarked_capitals

I_ITEMS = _load("tone_train_i.yaml")


def test_the_set_has_its_size_ids_and_balance():
    """300 messages, 140 pushy, ids train-i-NNN; 15 per category, both labels on each kind and channel."""
    assert len(I_ITEMS) == 300
    assert sum(i["label"] == "pushy" for i in I_ITEMS) == 140
    ids = [i["id"] for i in I_ITEMS]
    assert all(re.fullmatch(r"train-i-\d{3}", i) for i in ids)
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert sum(i["id"].startswith("train-i-") for i in TRAIN) == 300
    assert _short_of_balance(I_ITEMS, per_category=15, per_label=8) == {}


def test_the_personal_categories_are_weighted():
    """Guilt, desperation, ultimatum and negativity, this set's voice, each in 25 pushy messages or more."""
    categories = Counter(c for i in I_ITEMS for c in i.get("categories") or ())
    personal = ("guilt", "desperation", "ultimatum", "negativity")
    assert {c: categories[c] for c in personal if categories[c] < 25} == {}


def test_gentle_messages_with_capitals_are_acronym_traps():
    """A gentle message with a word in capitals (other than OK) carries the acronym trap."""
    assert _unmarked_capitals(I_ITEMS) == []


def test_no_message_is_repeated():
    """No two messages are the same text."""
    texts = Counter(" ".join(i["text"].split()).casefold() for i in I_ITEMS)
    assert [t for t, n in texts.items() if n > 1] == []
