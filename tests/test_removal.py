"""Removing a pressing clause leaves a sentence a person would send, or removes the whole sentence."""

from __future__ import annotations

import pytest

from askcraft import check
from askcraft._checks.fix import apply_fixes


def _fixed(text: str, rule: str) -> str:
    found = [f for f in check(text, grammar=False) if f.rule == rule]
    assert found, f"{rule} did not flag {text!r}"
    return apply_fixes(text, found)


@pytest.mark.parametrize(
    ("text", "rule", "fixed"),
    [
        # A phrase that leans on the removed clause goes with it: "Of all people." is no sentence.
        (
            "Thanks for reading. I'd hoped I could count on you, of all people.",
            "pressure.guilt",
            "Thanks for reading.",
        ),
        (
            "Thanks for reading. It would be nice to hear something, even a no.",
            "pressure.guilt",
            "Thanks for reading.",
        ),
        # The greeting before it stays: "Hi Sam, Even after three emails." is no sentence either.
        (
            "Hi Sam, I still have not heard back, even after three emails. Thanks.",
            "pressure.guilt",
            "Hi Sam. Thanks.",
        ),
        (
            "I know you're busy, but I'd hoped I could count on you, of all people.",
            "pressure.guilt",
            "I know you're busy.",
        ),
        # A clause that stands on its own stays.
        (
            "Could you send the names by Friday, and I'll follow up with each of them?",
            "pressure.deadline",
            "Could you send the names, and I'll follow up with each of them?",
        ),
    ],
)
def test_what_is_left_stands_on_its_own(text: str, rule: str, fixed: str) -> None:
    assert _fixed(text, rule).strip() == fixed


@pytest.mark.parametrize(
    ("text", "kind", "fixed"),
    [
        # A short name left the greeting no word of three letters, so the whole sentence went,
        # greeting and all ("Any news? Best, Sam").
        (
            "Hi Jo, I still haven't heard back from you. Any news? Best, Sam",
            "reminder",
            "Hi Jo. Any news? Best, Sam",
        ),
        ("Hi Jo, I need your answer by Friday. Best, Sam", "request", "Hi Jo. Best, Sam"),
        ("hey jo, I keep telling myself you're just busy. any news?", "reminder", "hey jo. any news?"),
        (
            "Hi Jo, if the interview doesn't happen, I'll know who to blame. Thanks again, Sam",
            "thank-you",
            "Hi Jo. Thanks again, Sam",
        ),
        # A greeting on its own line was always kept.
        (
            "Hi Jo,\nI still haven't heard back from you. Any news?\nBest, Sam",
            "reminder",
            "Hi Jo,\nAny news?\nBest, Sam",
        ),
    ],
)
def test_a_greeting_on_the_same_line_stays(text: str, kind: str, fixed: str) -> None:
    found = [f for f in check(text, kind=kind, grammar=False) if f.severity == "warning"]
    assert found
    assert apply_fixes(text, found) == fixed


def test_only_a_greeting_that_opens_the_message_stays() -> None:
    """A greeting word later in the message is no greeting: the sentence goes whole."""
    text = "Thank you so much for the intro. Hey, if it falls through, I'll know who to blame. Sam"
    found = [f for f in check(text, kind="thank-you", grammar=False) if f.severity == "warning"]
    assert [f.rule for f in found] == ["pressure.ultimatum"]
    assert apply_fixes(text, found) == "Thank you so much for the intro. Sam"
