"""English thank-yous do not open three sentences in a row with the same word.

"I wanted to say a proper thank you for introducing me to the club secretary. I start as assistant
coach in January. I'm sending a signed team photo your way as a small thank-you." reads as all
about the sender, and LanguageTool's ENGLISH_WORD_REPEAT_BEGINNING_RULE shows a suggestion under
askcraft's own draft. The user's outcome usually opens with "I"; the template's own sentences
around it take another shape (the reader, the thing they did, "As a small thank-you, ...").
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_properties import names

import askcraft
from askcraft._intent.model import GOALS, RELATIONSHIPS

TODAY = date(2026, 11, 12)
VARIANTS = ("brief", "grateful", "news")
CHANNELS = ("email", "linkedin-message", "text")

HELPS = [
    "introducing me to the club secretary",
    "the introduction to Tom",
    "your advice on my portfolio",
    "reading my CV so carefully",
    "putting my name forward at Deloitte",
    "referring me to the analytics team",
    "the two names at KPMG",
    "walked me through the interview process",
    "covering my shift on Saturday",
    "the mock interview",
]
OUTCOMES = [
    "I start as assistant coach in January",
    "I got the job!",
    "I have a second interview with Acme on Tuesday",
    "I've sent it off with your changes",
    "I passed my NCLEX 🎉",
    "I accepted the offer at Spotify.",
    "I'm still waiting to hear back",
    "I didn't get it in the end, but the interview taught me a lot",
    "It went really well",
    "You were right about the portfolio",
    "One of them asked for my CV",
    "Tom offered me a trial day.",
    "We're meeting for coffee next week",
    "Two of them got back to me already :)",
    "Sadly the role went to an internal candidate",
]
GIFTS = [
    "a signed team photo",
    "some flowers",
    "a small hamper",
    "dinner at Tartine",
    "a coffee on me",
    "a copy of my first paper when it's out",
    "a book for your trip",
]


def sentences(body: str) -> list[str]:
    """Return the sentences of a message as LanguageTool reads them: a paragraph ends one (the
    greeting, the sign-off), and so does ".", "!" or "?" before a space."""
    out: list[str] = []
    for paragraph in re.split(r"\n\s*\n", body):
        for sentence in re.split(r"(?<=[.!?])\s+", " ".join(paragraph.split())):
            if sentence.strip():
                out.append(sentence.strip())
    return out


def opener(sentence: str) -> str:
    """Return the word a sentence opens with, as LanguageTool tokenises it ("I'm" opens with "I")."""
    match = re.match(r"[\W_]*([^\W_]+)", sentence)
    return match.group(1).casefold() if match else ""


def three_alike(body: str) -> list[str]:
    """Return the first three consecutive sentences that open with the same word, or []."""
    said = sentences(body)
    for i in range(len(said) - 2):
        if opener(said[i]) and opener(said[i]) == opener(said[i + 1]) == opener(said[i + 2]):
            return said[i : i + 3]
    return []


def test_three_alike_reads_sentences_as_languagetool_does() -> None:
    body = "Hi Sam,\n\nI wanted to thank you. I start in May. I'm so glad.\n\nBest,\nAlex"
    assert three_alike(body) == ["I wanted to thank you.", "I start in May.", "I'm so glad."]
    assert not three_alike("Hi Sam,\n\nI start in May. As a thank-you, I've sent flowers. I owe you one.")


@st.composite
def thank_yous(draw: st.DrawFn) -> tuple[dict[str, Any], str]:
    """An English thank-you intent, any goal, channel and relationship, and a variant."""
    goal = draw(st.sampled_from(GOALS))
    data: dict[str, Any] = {
        "kind": "thank-you",
        "goal": goal,
        "channel": draw(st.sampled_from(CHANNELS)),
        "language": draw(st.sampled_from(["en-US", "en-GB"])),
        "recipient": {"name": draw(names()), "relationship": draw(st.sampled_from(RELATIONSHIPS))},
        "sender": {"name": draw(names())},
        "help": draw(st.sampled_from(HELPS)),
        "send_date": TODAY,
    }
    outcome = draw(st.none() | st.sampled_from(OUTCOMES))
    gift = draw(st.none() | st.sampled_from(GIFTS))
    if outcome:
        data["outcome"] = outcome
    if gift:
        data["gift"] = gift
    if draw(st.booleans()):
        data["company"] = draw(st.sampled_from(["Acme", "Spotify", "Boots"]))
    if draw(st.booleans()):
        data["role"] = draw(st.sampled_from(["data analyst", "assistant coach"]))
    if goal in {"favour", "advice"}:
        data["details"] = "look over my CV"
    return data, draw(st.sampled_from(VARIANTS))


COACH = {
    "kind": "thank-you",
    "goal": "introduction",
    "channel": "email",
    "recipient": {"name": "Sam Lee", "relationship": "former-colleague"},
    "sender": {"name": "Alex Kim"},
    "help": "introducing me to the club secretary",
    "outcome": "I start as assistant coach in January",
    "gift": "a signed team photo",
    "send_date": TODAY,
}


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(thank_yous())
@example((COACH, "brief"))
@example(
    (
        {
            **COACH,
            "goal": "favour",
            "details": "look over my CV",
            "recipient": {"name": "Âjőñhgùäd-Âerdp", "relationship": "friend"},
            "outcome": "I passed my NCLEX 🎉",  # a sentence that ends without a stop
            "gift": "some flowers",
        },
        "grateful",
    )
)
@example(
    (
        {
            **COACH,
            "goal": "job-leads",
            "recipient": {"name": "Aa", "relationship": "friend"},
            "outcome": "I passed my NCLEX 🎉",  # ... and the next sentence goes on from it
        },
        "news",
    )
)
def test_no_three_sentences_in_a_row_open_alike(case: tuple[dict[str, Any], str]) -> None:
    data, variant = case
    body = askcraft.draft(data, check=False, variant=variant, today=TODAY).body
    assert not three_alike(body), body


@pytest.mark.parametrize("name", ["Sam Lee", "Mia Chen", "Kofi Mensah"])
@pytest.mark.parametrize("relationship", RELATIONSHIPS)
@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize(
    ("outcome", "gift"),
    [
        ("I start as assistant coach in January", "a signed team photo"),
        ("I didn't get it in the end, but the interview taught me a lot", "some flowers"),
        ("I have a second interview with Acme on Tuesday", "a coffee on me"),
        (None, "a copy of my first paper when it's out"),
    ],
)
def test_the_senders_news_is_not_wrapped_in_more_i(
    *, name: str, relationship: str, channel: str, variant: str, outcome: str | None, gift: str
) -> None:
    """News that opens with "I" between a thanks and a gift that both do: every voice and shape."""
    data = {**COACH, "channel": channel, "outcome": outcome, "gift": gift}
    data["recipient"] = {"name": name, "relationship": relationship}
    body = askcraft.draft(data, check=False, variant=variant, today=TODAY).body
    assert not three_alike(body), body
