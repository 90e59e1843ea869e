"""Training set F (tests/data/tone_train_f.yaml) is written afresh: no message or long sentence recurs.

Written blind to the rules and the evaluation sets. The schema, the ids, the balance, the traps
and the separation from every evaluation message are checked for every training file in
tests/test_tone_train.py (sets F to I by `test_each_later_training_set_has_its_size_ids_balance_and_traps`);
this file checks what is particular to set F, which has no gentle twins of its pushy messages.
"""

from __future__ import annotations

from collections import Counter

from test_tone_eval import _sentences
from test_tone_train import _load

F_ITEMS = _load("tone_train_f.yaml")


def test_the_messages_are_not_filled_in_templates():
    """No two messages are the same, and no sentence of eight words or more recurs."""
    texts = Counter(item["text"] for item in F_ITEMS)
    assert [t for t, n in texts.items() if n > 1] == []
    long_sentences = Counter(
        s for item in F_ITEMS for s in set(_sentences(item["text"])) if len(s.split()) >= 8
    )
    assert [s for s, n in long_sentences.items() if n > 1] == []
