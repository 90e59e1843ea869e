"""The politeness model: strategies found with their spans, and a score that orders texts sensibly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from askcraft import tone

WEIGHTS = Path(tone.__file__).parent / "_checks" / "rules" / "politeness_weights.json"


def _names(text: str) -> list[str]:
    return [s.name for s in tone.strategies(text)]


@pytest.mark.parametrize(
    ("text", "name", "excerpt"),
    [
        ("Thanks so much for your help.", "gratitude", "Thanks"),
        ("Great idea. Could we try it?", "deference", "Great"),
        ("Hi Sam, how are you?", "greeting", "Hi"),
        ("Sorry to bother you again.", "apologizing", "Sorry to bother"),
        ("Could you please send it?", "please", "please"),
        ("Please send it.", "please_start", "Please"),
        ("By the way, is the role open?", "indirect_btw", "By the way"),
        ("Would you mind calling her?", "counterfactual_modal", "Would you mind"),
        ("Can you call her?", "indicative_modal", "Can you"),
        ("We should talk.", "first_person_plural", "We"),
        ("Today I start.", "first_person", "I"),
        ("I start today.", "first_person_start", "I"),
        ("Thanks, you are kind.", "second_person", "you"),
        ("You are kind.", "second_person_start", "You"),
        ("Perhaps next week?", "hedges", "Perhaps"),
        ("In fact, it works.", "factuality", "In fact"),
        ("Why is it broken?", "direct_question", "Why"),
        ("So, what now?", "direct_start", "So"),
        ("That was wonderful.", "positive_lexicon", "wonderful"),
        ("That was awful.", "negative_lexicon", "awful"),
        ("Send me the file.", "imperative_start", "Send"),
    ],
)
def test_strategy_is_found_with_its_span(text: str, name: str, excerpt: str):
    """Each strategy of Danescu-Niculescu-Mizil et al. is found, and its span is the matched words."""
    found = [s for s in tone.strategies(text) if s.name == name]
    assert found, f"{name} not found in {text!r}"
    start, end = found[0].span
    assert text[start:end] == excerpt


@pytest.mark.parametrize(
    ("text", "kept", "hidden"),
    [
        ("No rush at all, whenever suits.", "reassurance", {"negation", "emphasis"}),
        ("All good if not!", "reassurance", {"negation"}),
        ("If it's not a good time, don't worry.", "reassurance", {"negation"}),
        ("I couldn't have done it without you.", "gratitude", {"negation"}),
    ],
)
def test_an_easy_way_out_is_not_a_negation(text: str, kept: str, hidden: set[str]):
    """The "no" of "no rush" and the "couldn't" of thanks are not the negation the corpus frowns on."""
    names = set(_names(text))
    assert kept in names
    assert not hidden & names


def test_hidden_strategies_still_count_outside_the_way_out():
    """Only the words inside an easy way out are hidden: a refusal beside it is still a negation."""
    assert {"reassurance", "negation"} <= set(_names("No rush. I don't have the names yet."))


@pytest.mark.parametrize(
    "opening", ["Hiya Nat,", "heyy Sam", "Morning Frank,", "Hola Ana,", "Grandpa!!", "Mum,"]
)
def test_the_ways_people_open_a_text_are_greetings(opening: str):
    assert "greeting" in _names(f"{opening} could you help me?")


def test_a_relative_named_as_the_subject_is_not_a_greeting():
    """ "Grandpa!" greets; "Dad said..." is about him."""
    assert "greeting" not in _names("Dad said you were hiring. Could you tell me more?")


def test_a_text_in_its_own_register_is_not_curt():
    """Texting voice ("!!", "u", "no worries if not") scores like the same message written out."""
    texted = "heyy Sam!! any chance u know someone at the council? no worries if not"
    assert tone.politeness(texted) >= 0.0


def test_position_matters_for_start_strategies():
    """'Please' mid-sentence is polite; at the start it is a command; 'so' mid-sentence is nothing."""
    assert "please_start" not in _names("Could you please help?")
    assert "please" not in _names("Please help.")
    assert "direct_start" not in _names("I am so grateful.")


def test_curly_apostrophes_match_like_straight_ones():
    """Typographic apostrophes (as phones type them) match the same phrases."""
    assert _names("I\u2019m sorry.") == _names("I'm sorry.")


def test_weights_come_from_the_fitted_file():
    """Each strategy's weight is the one fitted in politeness_weights.json."""
    weights = json.loads(WEIGHTS.read_text(encoding="utf-8"))["weights"]
    for strategy in tone.strategies("Thanks! Could you please send it? Why not?"):
        assert strategy.weight == pytest.approx(weights[strategy.name])
    assert set(weights) == set(tone.strategy_names()) | set(tone.GENERAL_FEATURES)


def test_gratitude_and_hedging_raise_the_score():
    """Learned weights order requests the way people do: polite asks above curt orders."""
    curt = tone.politeness("Send me the names. Why haven't you answered?")
    polite = tone.politeness("Hi Sam, could you tell me about two people in banking? Thanks so much!")
    assert polite > 0.3
    assert curt < 0
    assert tone.politeness("Thanks for your help!") > tone.politeness("Your help.")


def test_score_is_on_the_corpus_scale():
    """Scores stay within a few standard deviations of the corpus's Normalized Score."""
    for text in ["", "?", "Thanks! " * 50, "Why? " * 50]:
        assert -3 < tone.politeness(text) < 3


def test_no_fitting_libraries_at_run_time():
    """The package loads only JSON weights: tone does not import scikit-learn or numpy."""
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    code = (
        "import sys; from askcraft import tone; tone.politeness('Thanks');"
        "print('sklearn' in sys.modules, 'numpy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


@given(st.text(max_size=300))
def test_any_text_has_strategies_inside_it(text: str):
    """Arbitrary unicode never crashes the model, and every span lies inside the text."""
    assert isinstance(tone.politeness(text), float)
    for strategy in tone.strategies(text):
        assert 0 <= strategy.offset < strategy.offset + strategy.length <= len(text)
