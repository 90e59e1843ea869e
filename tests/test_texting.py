"""Messages typed the way people text: "im", "dont", "u", "tmrw", lower case, one line a sentence.

The rules read texting spellings as the words they stand for, and a lower-case line of a
lower-case message as a sentence, so that "tell me by tonight or im giving the spot to someone
else" is read as its capitalised twin is.
"""

from __future__ import annotations

import pytest

from askcraft import check
from askcraft._checks.rules.texting import SPELLINGS
from askcraft._checks.rules.tokeniser import _scan_by_match, scan

TONE = ("pressure", "politeness", "negativity", "patience")


def _rules(text: str) -> dict[str, str]:
    """Return the tone findings' rules of *text* (checked as a text message), with their excerpts."""
    found = check(text, channel="text", grammar=False)
    return {f.rule: text[f.offset : f.offset + f.length] for f in found if f.category in TONE}


def test_texting_spellings_are_read_as_their_words() -> None:
    norms = scan("im off tmrw so pls dont wait, need it rn")[0]
    assert norms == (
        "i", "am", "off", "tomorrow", "so", "please", "do", "not", "wait", ",", "need", "it", "right", "now",
    )  # fmt: skip


def test_the_words_the_politeness_model_reads_stay_as_typed() -> None:
    assert scan("im off tmrw")[3] == ("im", "off", "tmrw")


@pytest.mark.parametrize("typed", ["IM", "BC", "U", "PLS"])
def test_a_spelling_in_capitals_is_a_name_or_an_acronym(typed: str) -> None:
    assert scan(f"I sent it by {typed} today")[0][4] == typed.lower()


@pytest.mark.parametrize("word", sorted(SPELLINGS))
def test_both_scans_read_every_spelling_alike(word: str) -> None:
    for text in (f"{word} ok", f"so {word.capitalize()}, fine", f"yes {word.upper()}"):
        assert scan(text) == _scan_by_match(text), text


def test_every_spelling_is_lower_case_and_one_word() -> None:
    for word, reading in SPELLINGS.items():
        assert word == word.lower()
        assert " " not in word
        assert all(part == part.lower() for part in reading)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("need to know by tmrw night", "pressure.deadline"),
        ("answer by sunday or im taking the other job", "pressure.ultimatum"),
        ("if i dont hear back im taking the other one", "pressure.ultimatum"),
        ("can u chase him quick tho", "pressure.urgent"),
        ("tell me by tonight or im giving the spot to someone else", "politeness.command"),
    ],
)
def test_a_texted_pressure_is_found(text: str, rule: str) -> None:
    found = check(text, channel="text", grammar=False)
    assert any(rule in f.rules and f.severity == "warning" for f in found), [f.rules for f in found]


def test_a_texted_deadline_is_removed_whole() -> None:
    assert _rules("need to know by tmrw night")["pressure.deadline"].strip() == "by tmrw night"


def test_a_new_line_of_a_lower_case_message_can_give_an_order() -> None:
    text = (
        "hey auntie did u ask ur manager about me\ngo ask her on monday and tell me what she says\nthanks x"
    )
    assert "politeness.command" in _rules(text)


def test_a_wrapped_line_is_not_read_as_an_order() -> None:
    text = "hey sam, so the role is open and could you\nforward my cv to her when you get a chance"
    assert "politeness.command" not in _rules(text)


def test_a_line_after_a_capitalised_message_is_read_as_before() -> None:
    text = "Hi Sam, thanks for the chat\nforward my CV to her sometime if that's easy"
    assert "politeness.command" not in _rules(text)


def test_hours_hedged_are_still_a_deadline() -> None:
    assert _rules("Could you send the intro tonight if possible?").keys() >= {"pressure.deadline"}


def test_days_hedged_are_left_as_a_suggestion_at_most() -> None:
    found = check("Could we talk this week, ideally?", channel="text", grammar=False)
    assert not [f for f in found if f.rule == "pressure.deadline" and f.severity == "warning"]


def test_a_shouted_texting_spelling_is_shouting_and_is_spelled_out() -> None:
    (found,) = [
        f for f in check("ok but DONT let him forget me", grammar=False) if f.rule == "pressure.shouting"
    ]
    assert found.replacements == ("don't",)


def test_short_capitals_that_are_texting_spellings_are_still_names() -> None:
    assert not [
        f for f in check("I met her at IM Group in BC.", grammar=False) if f.rule == "pressure.shouting"
    ]


@pytest.mark.parametrize(
    ("text", "shouted", "written"),
    [
        ("I'M REALLY sorry for the delay.", "I'M REALLY", "I'm really"),
        ("Sorry, I'M late with this.", "I'M", "I'm"),
        ("DONT stress about it.", "DONT", "Don't"),
        ("Thanks. PLEASE let me know.", "PLEASE", "Please"),
        ("Could you PLEASE send it?", "PLEASE", "please"),
        ("Hi Sam,\n\nREALLY sorry for the slow reply.", "REALLY", "Really"),
    ],
)
def test_a_shouted_word_is_rewritten_as_written_there(text: str, shouted: str, written: str) -> None:
    """ "I'm" keeps its capital, and so does a sentence's first word: the rewrite is ready to send."""
    found = {
        text[f.offset : f.offset + f.length]: f
        for f in check(text, grammar=False)
        if f.rule == "pressure.shouting"
    }
    assert found[shouted].replacements == (written,)
    assert f'write "{written}" instead' in found[shouted].message


def test_words_in_capitals_side_by_side_are_one_finding_with_one_rewrite() -> None:
    text = "Hi Jo, any news on the intro? WE'RE SO CLOSE now."
    (found,) = [f for f in check(text, grammar=False) if f.rule == "pressure.shouting"]
    assert text[found.offset : found.offset + found.length] == "WE'RE SO CLOSE"
    assert found.replacements == ("We're so close",)


def test_a_hedge_softens_a_time_to_meet_not_a_deadline_on_a_favour() -> None:
    """ "Ideally" leaves a time to talk a suggestion, but not a date for the names or the intro."""
    meet = check("Could we grab a coffee before Friday, ideally?", grammar=False)
    assert all(f.severity == "suggestion" for f in meet if f.rule == "pressure.deadline")
    names = check("Ideally I'd have the names before the weekend.", grammar=False)
    assert [f.severity for f in names if f.rule == "pressure.deadline"] == ["warning"]
