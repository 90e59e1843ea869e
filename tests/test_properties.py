"""Properties over generated valid intents: every one renders, reads cleanly and fits its channel."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import askcraft
from askcraft._intent.model import CHANNELS, GOALS, KINDS, RELATIONSHIPS
from askcraft._render.names import greeting_name

TODAY = date(2026, 11, 12)
#: Channel limits the issue sets: a LinkedIn connection note and a text message.
LIMITS = {"linkedin-connection-note": 300, "text": 320}
_FOLLOW_UP_CHANNELS = tuple(c for c in CHANNELS if c != "linkedin-connection-note")

_LOWER = "abcdefghijklmnopqrstuvwxyzàáâãäåçèéêëìíîïñòóôõöøùúûüýÿčćđšžłńśźżő"
_UPPER = "ABCDEFGHIJKLMNOPRSTUVWYZÀÁÂÄÅÇÈÉÊËÍÎÑÒÓÔÖØÚÜÝČĆŠŽŁŚŻÅ"


@st.composite
def _word(draw: st.DrawFn, *, capital: bool, max_size: int = 10) -> str:
    head = draw(st.sampled_from(_UPPER if capital else _LOWER))
    return head + draw(st.text(alphabet=_LOWER, min_size=1, max_size=max_size - 1))


@st.composite
def names(draw: st.DrawFn) -> str:
    """A realistic name up to ~30 characters: accents, apostrophes (O'Brien) and hyphens (Jo-Anne)."""
    parts = [draw(_word(capital=True, max_size=9))]
    for _ in range(draw(st.integers(0, 2))):
        joiner = draw(st.sampled_from([" ", " ", " ", "-", "'", " O'", " Mc"]))
        parts.append(joiner + draw(_word(capital=joiner in {" ", "-"}, max_size=9)))
    return "".join(parts)[:30].rstrip(" -'")


_INDUSTRIES = [
    "banking",
    "insurance",
    "healthcare",
    "renewable energy",
    "game development",
    "e-commerce",
    "higher education",
    "UX research",
    "aerospace",
    "film and TV",
]
_ROLES = ["data analyst", "engineer", "UX designer", "product manager", "account executive", "nurse"]
_COMPANIES = ["Acme", "Northwind Bank", "O'Reilly Media", "Zoë's Bakery", "SunWorks", "AT&T"]


def _phrase(min_words: int, max_words: int, max_chars: int) -> st.SearchStrategy[str]:
    words = st.lists(_word(capital=False, max_size=9), min_size=min_words, max_size=max_words)
    return words.map(lambda ws: " ".join(ws)[:max_chars].strip())


industries = st.one_of(st.sampled_from(_INDUSTRIES), _phrase(1, 3, 30))
reasons = st.one_of(
    st.sampled_from(
        [
            "I want to put my maths degree to work in finance",
            "after ten years in teaching, I'd love to build learning software",
            "I've just finished a bootcamp and want to use it.",
        ]
    ),
    _phrase(3, 18, 100).map(lambda s: "I want to " + s if len(s) < 90 else s),
)


@st.composite
def intents(draw: st.DrawFn, *, name: st.SearchStrategy[str] | None = None) -> dict[str, Any]:
    """A valid intent with every field the built-in pack may need for its kind and goal."""
    kind = draw(st.sampled_from(KINDS))
    goal = draw(st.sampled_from(GOALS))
    target = draw(st.sampled_from(["industry", "role", "company", "industry+role", "all"]))
    data: dict[str, Any] = {
        "kind": kind,
        "goal": goal,
        # A connection note carries requests only (the intent refuses follow-ups on one).
        "channel": draw(st.sampled_from(CHANNELS if kind == "request" else _FOLLOW_UP_CHANNELS)),
        "recipient": {
            "name": draw(names() if name is None else name),
            "relationship": draw(st.sampled_from(RELATIONSHIPS)),
        },
        "sender": {"name": draw(names()), "reason": draw(reasons)},
        "count": draw(st.integers(1, 10)),
        "send_date": TODAY,
    }
    if "industry" in target or target == "all":
        data["industry"] = draw(industries)
    if "role" in target or target == "all":
        data["role"] = draw(st.sampled_from(_ROLES))
    if target in {"company", "all"}:
        data["company"] = draw(st.sampled_from(_COMPANIES))
    if goal == "referral" and "company" not in data:
        data["recipient"]["company"] = draw(st.sampled_from(_COMPANIES))
    if goal in {"favour", "advice"}:
        data["details"] = draw(st.sampled_from(["look over my CV", "share a few tips on interviews"]))
    if kind == "reminder":
        data["sent_on"] = TODAY - timedelta(days=draw(st.integers(7, 30)))
    if kind == "thank-you":
        data["help"] = draw(
            st.sampled_from(["introducing me to Priya", "the introduction to Tom", "your advice"])
        )
        data["outcome"] = draw(
            st.none() | st.sampled_from(["I have an interview on Monday", "I got the job!"])
        )
        data["gift"] = draw(st.none() | st.sampled_from(["some flowers", "a gift card"]))
    return data


def _called(intent: askcraft.Intent) -> str:
    """Return the name the greeting uses: given names for friends and family, title + surname else."""
    warm = intent.recipient.relationship in {"friend", "family"}
    return greeting_name(intent.recipient.name, warm=warm).name


def _draft(data: dict[str, Any]) -> askcraft.Draft:
    return askcraft.draft(askcraft.Intent.parse(data), check=False, today=TODAY)


def _values(data: dict[str, Any]) -> str:
    """Return every user-supplied string in the intent, joined (to tell user text from markup)."""
    out: list[str] = []
    for value in data.values():
        if isinstance(value, dict):
            out += [str(v) for v in value.values()]
        else:
            out.append(str(value))
    return " ".join(out)


PROPERTY_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY_SETTINGS
@given(intents())
def test_every_valid_intent_drafts_cleanly(data: dict[str, Any]) -> None:
    """Every valid intent renders a clean message that names the person, the ask and the target."""
    result = _draft(data)
    intent = result.intent
    text = result.body + "\n" + (result.subject or "")
    assert _called(intent) in result.body

    if intent.goal in {"job-leads", "introduction"} and intent.kind != "thank-you":
        assert intent.count is not None
        if intent.count == 1:
            # One name is "someone at Acme" or, by role, "a data analyst": never "one person".
            body = result.body.casefold()
            role = (intent.role or "").casefold()
            assert "someone" in body or (role and (f"a {role}" in body or f"an {role}" in body)), body
            assert "one person" not in body
        else:
            assert askcraft._render.words.number_words(intent.count) in result.body
    if intent.kind != "thank-you" and intent.goal != "favour":
        targets = [t for t in (intent.industry, intent.role, intent.company, intent.recipient.company) if t]
        assert any(t.casefold() in result.body.casefold() for t in targets), (
            targets
        )  # "Aaaa ..." starts a sentence

    user_text = _values(data)
    for markup in ("{{", "{%", "{#", "}}", "%}"):
        if markup not in user_text:
            assert markup not in text
    if "None" not in user_text:
        assert not re.search(r"\bNone\b", text)
    assert "  " not in text
    assert not re.search(r"[ \t]$", result.body, re.M)
    assert "\n\n\n" not in result.body
    assert result.body == result.body.strip()
    assert not re.search(r" [,.?!]", result.body)
    assert ".." not in result.body.replace("...", "")

    if intent.channel in LIMITS:
        assert len(result.body) <= LIMITS[intent.channel], (intent.channel, len(result.body))
        assert result.subject is None
    if intent.channel == "email":
        assert result.subject is not None
        assert 2 <= len(result.subject.split()) <= 8, result.subject
        assert "\n" not in result.subject
    else:
        assert result.subject is None


@PROPERTY_SETTINGS
@given(intents(name=st.sampled_from(["{{ 7*7 }}", "{{7*7}} Lee", "Sam {% if 1 %}x{% endif %}"])))
@example(
    {
        "kind": "request",
        "goal": "job-leads",
        "channel": "text",
        "industry": "banking",
        "count": 3,
        "recipient": {"name": "{{7*7}}", "relationship": "friend"},
        "sender": {"name": "{{ 7*7 }}", "reason": "I like {{ numbers }}"},
    }
)
def test_jinja_in_names_is_printed_literally(data: dict[str, Any]) -> None:
    """Names (and reasons) that look like Jinja are printed as written, never evaluated."""
    result = _draft(data)
    greeting = _called(result.intent)
    assert greeting in result.body
    assert "49" not in result.body
    if "xx" not in _values(data):  # "x" from an evaluated {% if %} would follow the name
        assert "xx" not in result.body.replace(greeting, "")


@PROPERTY_SETTINGS
@given(intents())
def test_drafting_is_deterministic_and_follow_ups_render(data: dict[str, Any]) -> None:
    """The same intent drafts the same text twice, and its reminder and thank-you render."""
    result = _draft(data)
    assert _draft(data) == result
    reminder = result.reminder(sent_on=TODAY - timedelta(days=10))
    assert reminder.kind == "reminder"
    assert _called(result.intent) in reminder.body
    thanks = result.thank_you(help="introducing me to Priya", outcome="I have an interview")
    assert "introducing me to Priya" in thanks.body
