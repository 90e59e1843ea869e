"""Deadlines with a clock time: "by 9 a.m. Monday", "by 5 p.m. today", "by 6 o'clock"."""

from __future__ import annotations

import pytest

from askcraft._checks.context import CheckContext
from askcraft._checks.rules import timing
from askcraft._checks.rules.reading import sentences


def _deadlines(text: str) -> list[str]:
    return [text[a:b] for a, b, _ in timing.deadlines(CheckContext(text))]


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("I'll need it in my inbox by 9 a.m. Monday.", "by 9 a.m. Monday"),
        ("Could you reply by 5 p.m. today?", "by 5 p.m. today"),
        ("Could you send it by 9 a.m.?", "by 9 a.m."),
        ("Send it by 10 A.M. on Friday.", "by 10 A.M. on Friday"),
        ("Can you reply by 6 o'clock?", "by 6 o'clock"),
        ("Could you send it by 3pm?", "by 3pm"),
    ],
)
def test_a_clock_time_is_a_deadline(text: str, deadline: str) -> None:
    assert deadline in _deadlines(text)


@pytest.mark.parametrize("text", ["Can you send it by 5 people?", "Could you send it by email at 9?"])
def test_a_number_that_is_no_time_is_no_deadline(text: str) -> None:
    assert _deadlines(text) == []


def test_a_time_that_goes_on_does_not_end_the_sentence() -> None:
    text = "I'll need it by 9 a.m. Monday. Thanks! I start at 9 a.m. The team is great."
    assert [text[a:b] for a, b in sentences(text)] == [
        "I'll need it by 9 a.m. Monday.",
        "Thanks!",
        "I start at 9 a.m.",
        "The team is great.",
    ]
