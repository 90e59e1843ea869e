"""Set H of the learned pushy model's training messages (tests/data/tone_train_h.yaml) is well formed.

Written blind to the rules and the evaluation sets: professional and corporate writers (tech, sales,
finance, consulting, marketing, HR and recruiting, startups; new graduates, career changers, people
laid off from big companies) on email, LinkedIn and workplace chat. The schema, the ids shared with
no other set and the separation from every evaluation message are checked for every training file
at once in tests/test_tone_train.py; this file checks what is particular to set H.
"""

from __future__ import annotations

import re
from collections import Counter

from test_tone_train import TRAIN, _load, _short_of_balance, _unmarked_capitals

H_ITEMS = _load("tone_train_h.yaml")


def test_the_set_has_its_size_ids_and_balance():
    """300 messages, 140 pushy, ids train-h-NNN; 15 per category, both labels on each kind and channel."""
    assert len(H_ITEMS) == 300
    assert sum(i["label"] == "pushy" for i in H_ITEMS) == 140
    ids = [i["id"] for i in H_ITEMS]
    assert all(re.fullmatch(r"train-h-\d{3}", i) for i in ids)
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert sum(i["id"].startswith("train-h-") for i in TRAIN) == 300
    assert _short_of_balance(H_ITEMS, per_category=15, per_label=8) == {}


def test_the_corporate_pressures_are_well_represented():
    """Guilt, demands, ultimatums and complaints, the corporate voice's commonest pressures, have 25 each."""
    categories = Counter(c for i in H_ITEMS for c in i.get("categories") or ())
    corporate = ("guilt", "demand", "ultimatum", "negativity")
    assert {c: categories[c] for c in corporate if categories[c] < 25} == {}


def test_gentle_messages_with_capitals_are_acronym_traps():
    """A gentle message with a word in capitals (other than OK) carries the acronym trap."""
    assert _unmarked_capitals(H_ITEMS) == []


def test_no_message_is_repeated():
    """No two messages are the same text."""
    texts = Counter(" ".join(i["text"].split()).casefold() for i in H_ITEMS)
    assert [t for t, n in texts.items() if n > 1] == []
