"""English thank-yous read by the person who gets them: nothing said twice, nothing left to guess."""

from __future__ import annotations

import re
from typing import Any

import pytest
from test_thank_you_rhythm import CHANNELS, COACH, TODAY, VARIANTS, opener

import askcraft
from askcraft._intent.model import RELATIONSHIPS

NAMES = ("Sam Lee", "Mia Chen", "Kofi Mensah", "Olivia Park", "Tomasz Nowak", "Bea Lund")


def _body(variant: str, **fields: Any) -> str:
    """Draft the coach's thank-you (without its news and gift) with *fields* changed."""
    data: dict[str, Any] = {k: v for k, v in COACH.items() if k not in {"outcome", "gift"}}
    data.update(fields)
    return askcraft.draft(data, check=False, variant=variant, today=TODAY).body


@pytest.mark.parametrize("gift", ["a small hamper", "a little something from Lisbon", "some small plants"])
@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("name", NAMES)
def test_a_small_gift_is_not_a_small_thank_you(gift: str, channel: str, variant: str, name: str) -> None:
    """ "I've sent you a small hamper as a small thank-you" says "small" twice."""
    body = _body(
        variant,
        channel=channel,
        gift=gift,
        outcome="The trustees have invited me to interview",
        recipient={"name": name, "relationship": "acquaintance"},
    )
    assert gift in body, body
    assert len(re.findall(r"\b(?:small|little)\b", body)) == 1, body


@pytest.mark.parametrize("relationship", RELATIONSHIPS)
@pytest.mark.parametrize("channel", ["email", "linkedin-message"])
@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("name", NAMES)
def test_a_treat_and_the_offer_back_do_not_echo(
    relationship: str, channel: str, variant: str, name: str
) -> None:
    """ "Could I treat you to dinner at Tartine? It's the least I can do. If there's anything I can
    do for you, ..." says "I can do" twice in two sentences."""
    body = _body(
        variant,
        channel=channel,
        gift="dinner at Tartine",
        outcome="I got the job!",
        recipient={"name": name, "relationship": relationship},
    )
    assert "dinner at Tartine" in body, body
    assert body.count("I can do") <= 1, body


@pytest.mark.parametrize(
    ("help_", "fields", "said"),
    [
        # The help already says to whom: the company says where that is.
        ("referring me to the analytics team", {}, "for referring me to the analytics team at Boots"),
        ("recommending me to the head of data", {}, "for recommending me to the head of data at Boots"),
        (
            "putting in a good word with the hiring manager",
            {},
            "for putting in a good word with the hiring manager at Boots",
        ),
        (
            "referring me to the analytics team",
            {"role": "data analyst"},
            "for referring me to the analytics team for the data analyst role at Boots",
        ),
        # It does not: the company is where they referred you.
        ("referring me", {}, "for referring me to Boots"),
        ("putting my name forward", {}, "for putting my name forward to Boots"),
    ],
)
@pytest.mark.parametrize("channel", ["email", "text"])
def test_a_referral_names_the_company_once_and_in_place(
    help_: str, fields: dict[str, Any], said: str, channel: str
) -> None:
    """ "Thank you so much for referring me to the analytics team to Boots" sent the reader to two
    places: when the help says to whom, the company says where ("... at Boots")."""
    body = _body(
        "grateful",
        goal="referral",
        channel=channel,
        help=help_,
        company="Boots",
        outcome="I'm still waiting to hear back",
        **fields,
    )
    assert said in body, body
    assert body.count("Boots") == 1, body


@pytest.mark.parametrize(
    ("help_", "outcome"),
    [
        ("reading my CV so carefully", "I've sent it off with your changes"),
        ("putting my name forward for the analyst role", "I got it!"),
        ("the mock interview", "I think I nailed it"),
    ],
)
@pytest.mark.parametrize("channel", ["email", "text"])
@pytest.mark.parametrize("name", NAMES)
def test_news_that_says_it_follows_what_it_means(help_: str, outcome: str, channel: str, name: str) -> None:
    """ "Here's some news I wanted you to hear first. I've sent it off with your changes." leaves the
    reader to guess what "it" is: news that points back follows the thanks that name it."""
    body = _body(
        "news",
        channel=channel,
        help=help_,
        outcome=outcome,
        recipient={"name": name, "relationship": "friend"},
    )
    assert body.index(help_) < body.index(outcome), body


@pytest.mark.parametrize(
    "outcome",
    [
        "I have a second interview with Acme on Tuesday",
        "You were right about the portfolio",
        "It went really well",
    ],
)
@pytest.mark.parametrize("channel", ["email", "linkedin-message"])
@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize(
    "name", [*NAMES, "Ana Ruiz", "Jonas Weber", "Li Na", "Ravi Shah", "Nia Cole", "Ola Berg"]
)
def test_the_sentence_that_leads_in_the_news_opens_another_way(
    outcome: str, channel: str, variant: str, name: str
) -> None:
    """ "I have some news I wanted you to hear first. I have a second interview", "You're one of the
    first people I wanted to tell. You were right ...", "It made a real difference. It went really
    well.": the sentence just before the news does not open with its first word."""
    body = _body(
        variant,
        channel=channel,
        help="your advice on my portfolio",
        outcome=outcome,
        recipient={"name": name, "relationship": "friend"},
    )
    before = body[: body.casefold().index(outcome.casefold())].split("\n\n")[-1]  # "Good news: it ..."
    lead_in = re.split(r"(?<=[.!?])\s+", before.strip())[-1]
    assert opener(lead_in) != opener(outcome), body


@pytest.mark.parametrize(
    "outcome",
    [
        "Thanks to you, I got the job!",
        "I got the job, and it's all thanks to you.",
        "Because of you, I start in May.",
    ],
)
@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("name", [*NAMES, "Ana Ruiz", "Jonas Weber", "Li Na", "Ravi Shah"])
def test_news_that_credits_them_is_not_credited_again(
    outcome: str, channel: str, variant: str, name: str
) -> None:
    """ "Thanks to you, I got the job! It would never have happened without you, and ..." says it twice,
    "It made a real difference. Thanks to you, ..." nearly so, and "Good news: Thanks to you, ..."
    keeps a capital after the colon."""
    body = _body(
        "news", channel=channel, outcome=outcome, recipient={"name": name, "relationship": "colleague"}
    )
    assert outcome in body, body
    credits = ["thanks to you", "because of you", "without you", "made that possible"]
    assert sum(body.casefold().count(said) for said in credits) == 1, body
    assert not re.search(r": (?:Thanks|Because)\b", body), body
