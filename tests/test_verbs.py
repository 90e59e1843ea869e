"""The checks read lemminflect's inflection table directly: same answers, without importing it."""

from __future__ import annotations

import subprocess
import sys

import lemminflect
import pytest

from askcraft._render.verbs import (
    entries,
    is_base_verb,
    past_of,
    past_tense,
    present_participle,
    third_person,
    verb_forms,
)

SAMPLE = ["send", "refer", "introduce", "forward", "hear", "email", "hope", "busy", "need", "reply"]


@pytest.mark.parametrize("lemma", SAMPLE)
def test_forms_agree_with_lemminflect(lemma: str):
    """Every form lemminflect gives for a lemma is in the table the checks read, by word class."""
    theirs = lemminflect.getAllInflections(lemma)
    ours = entries(lemma)
    penn = {"verb": "V", "noun": "N", "adj": "J", "adv": "R"}  # Penn tag initials
    assert ours
    for category, forms in ours.items():
        expected = {
            f for tag, spellings in theirs.items() for f in spellings if tag.startswith(penn[category])
        }
        assert expected, (lemma, category)
        assert expected <= set(forms), (lemma, category)


def test_base_verbs_and_other_words():
    """A base-form verb is told from a past form, an adjective and a function word."""
    assert is_base_verb("Refer")
    assert is_base_verb("forward")
    assert not is_base_verb("sent")
    assert not is_base_verb("quick")
    assert not is_base_verb("the")
    assert {"heard", "hearing", "hears"} <= verb_forms("hear")


def test_checks_import_neither_lemminflect_nor_numpy():
    """Running every check loads the table, not lemminflect (whose import pulls in numpy)."""
    code = (
        "import sys, askcraft; askcraft.check('Forward my CV by Friday. I still have not heard back.',"
        " grammar=False); print('lemminflect' in sys.modules, 'numpy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


@pytest.mark.parametrize(
    "word", ["walked", "gave", "put", "read", "introduced", "spoke", "found", "sent", "took"]
)
def test_pasts_and_their_ing_forms_agree_with_lemminflect(word: str):
    """A thank-you turns 'walked me through it' into 'walking me through it': the verb a past
    form belongs to, and that verb's -ing form, are lemminflect's."""
    lemmas = past_of(word)
    assert lemmas
    assert lemmas[0] in lemminflect.getAllLemmas(word)["VERB"]
    assert present_participle(lemmas[0]) in lemminflect.getInflection(lemmas[0], "VBG")


def test_a_word_that_is_no_past_has_none():
    """Nouns, base forms and -ing forms are no verb's past."""
    assert past_of("advice") == past_of("introduce") == past_of("walking") == ()
    assert present_participle("advice") is None


@pytest.mark.parametrize("lemma", ["prepare", "get", "go", "put", "take", "hire"])
def test_past_and_third_person_agree_with_lemminflect(lemma: str):
    """'How did you prepare' is asked as 'how you prepared', 'how does she go' as 'how she goes'."""
    assert past_tense(lemma) in lemminflect.getInflection(lemma, "VBD")
    assert third_person(lemma) in lemminflect.getInflection(lemma, "VBZ")
