"""Set G of the learned pushy model's training messages (tests/data/tone_train_g.yaml) is well formed.

Written blind to the rules and the evaluation sets: informal writers (texts, DMs, family, students,
gig and shop work). The schema, the ids shared with no other set and the separation from every
evaluation message are checked for every training file at once in tests/test_tone_train.py; this
file checks what is particular to set G.
"""

from __future__ import annotations

import re
from collections import Counter

from test_tone_train import TRAIN, _load, _short_of_balance, _unmarked_capitals

G_ITEMS = _load("tone_train_g.yaml")


def test_the_set_has_its_size_ids_and_balance():
    """300 messages, 140 pushy, ids train-g-NNN; 15 per category, both labels on each kind and channel."""
    assert len(G_ITEMS) == 300
    assert sum(i["label"] == "pushy" for i in G_ITEMS) == 140
    ids = [i["id"] for i in G_ITEMS]
    assert all(re.fullmatch(r"train-g-\d{3}", i) for i in ids)
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert sum(i["id"].startswith("train-g-") for i in TRAIN) == 300
    assert _short_of_balance(G_ITEMS, per_category=15, per_label=8) == {}


def test_gentle_messages_with_capitals_are_acronym_traps():
    """A gentle message with a word in capitals (other than OK) carries the acronym trap."""
    assert _unmarked_capitals(G_ITEMS) == []


def test_no_message_is_repeated():
    """No two messages are the same text."""
    texts = Counter(" ".join(i["text"].split()).casefold() for i in G_ITEMS)
    assert [t for t, n in texts.items() if n > 1] == []
