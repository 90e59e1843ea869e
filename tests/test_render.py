"""Rendering helpers: the grammar filters, the template context, variant choice, tidying, blocks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import jinja2
import pytest
from jinja2.exceptions import SecurityError

import askcraft
from askcraft._packs.sandbox import make_environment
from askcraft._render.blocks import MAX_OUTPUT, render_blocks, tidy
from askcraft._render.context import build_context, variant_index
from askcraft._render.words import (
    FILTERS,
    article,
    capfirst,
    clause,
    first_name,
    join_names,
    number_words,
    plural,
    possessive,
    sentence,
)

IntentFactory = Callable[..., askcraft.Intent]


# -- filters ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1, "one"), (3, "three"), (5, "five"), (11, "eleven"), (20, "twenty"), (21, "twenty-one"), (100, "100")],
)
def test_words_writes_counts_in_words(value: int, expected: str) -> None:
    """Counts are written in words ('three'); a hundred and more stay digits."""
    assert number_words(value) == expected


@pytest.mark.parametrize("value", [True, "3", 3.0, None])
def test_words_refuses_non_integers(value: object) -> None:
    """Only whole numbers are written in words; booleans are not numbers here."""
    with pytest.raises(TypeError):
        number_words(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("noun", "count", "expected"),
    [
        ("person", 1, "person"),
        ("person", 2, "people"),
        ("person", 3, "people"),
        ("company", 2, "companies"),
        ("analyst", 4, "analysts"),
        ("contact", 1, "contact"),
    ],
)
def test_plural_follows_the_count(noun: str, count: int, expected: str) -> None:
    """One person, three people: the noun agrees with the count."""
    assert plural(noun, count) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("hour", "an hour"),
        ("university", "a university"),
        ("data analyst role", "a data analyst role"),
        ("engineer role", "an engineer role"),
        ("MBA", "an MBA"),
        ("one-off project", "a one-off project"),
        ("UX designer role", "a UX designer role"),
    ],
)
def test_a_chooses_a_or_an_by_sound(phrase: str, expected: str) -> None:
    """'a' or 'an' follows pronunciation, not spelling."""
    assert article(phrase) == expected


@pytest.mark.parametrize(
    ("names", "conj", "expected"),
    [
        ([], "and", ""),
        (["Priya"], "and", "Priya"),
        (["Priya", "Tom"], "and", "Priya and Tom"),
        (["Priya", "Tom", "Ana"], "and", "Priya, Tom and Ana"),
        (["Priya", "Tom"], "or", "Priya or Tom"),
    ],
)
def test_join_names_writes_lists_as_people_do(names: list[str], conj: str, expected: str) -> None:
    """Lists of names read naturally: 'A, B and C'."""
    assert join_names(names, conj) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Sam", "Sam's"),
        ("James", "James's"),
        ("Zoë", "Zoë's"),
        ("the Smiths'", "the Smiths'"),
        ("Nik\u2019", "Nik\u2019"),
    ],
)
def test_possessive(name: str, expected: str) -> None:
    """Possessives add 's, even after s; a trailing apostrophe is already possessive."""
    assert possessive(name) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i want a change", "I want a change."),
        ("I love numbers!", "I love numbers!"),
        ("Is it time?", "Is it time?"),
        ("  spaced out  ", "Spaced out."),
        ("", ""),
        ("ok…", "Ok…"),
    ],
)
def test_sentence_capitalises_and_ends_the_text(text: str, expected: str) -> None:
    """Free text becomes one sentence: capital first letter, one end stop."""
    assert sentence(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Introducing me to Priya.", "introducing me to Priya"),
        ("The intro to Priya", "the intro to Priya"),
        ("My CV", "my CV"),
        ("Priya called me", "Priya called me"),
        ("I have an interview", "I have an interview"),
        ("NASA called", "NASA called"),
        ("look over my CV", "look over my CV"),
        ("Share a few tips on my portfolio", "share a few tips on my portfolio"),
        ("Look over my CV.", "look over my CV"),
    ],
)
def test_clause_lowers_only_safe_first_words(text: str, expected: str) -> None:
    """Moving text mid-sentence lowers common first words but never names, 'I' or acronyms."""
    assert clause(text) == expected


def test_capfirst_and_first_name() -> None:
    """capfirst touches only the first letter; first_name is the first word of a name."""
    assert capfirst("thank you, Sam") == "Thank you, Sam"
    assert capfirst("") == ""
    assert first_name("Sam Lee") == "Sam"
    assert first_name("Zoë O'Brien-Núñez") == "Zoë"
    assert first_name("Cher") == "Cher"
    assert first_name("") == ""
    assert first_name("Dr. Ana María Cruz") == "Dr. Cruz"
    assert first_name("Prof Kim") == "Prof Kim"
    assert first_name("Drew Barry") == "Drew"


def test_filters_are_registered_under_their_template_names() -> None:
    """Templates can use every documented filter by name."""
    assert set(FILTERS) == {
        "words",
        "plural",
        "a",
        "join_names",
        "possessive",
        "sentence",
        "clause",
        "capfirst",
        "first_name",
        "ago",
        "lowerfirst",
        "fitting",
        "midsentence",
        "at",
        "unnamed_treats",
        "verb_last",
    }


# -- the context -----------------------------------------------------------------------------------


def _plain(value: Any) -> bool:
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_plain(v) for v in value)
    return value is None or isinstance(value, str | int | float | bool)


def test_context_holds_only_plain_values(make_intent: IntentFactory) -> None:
    """A template sees str, numbers, bools, lists and dicts, never Python objects such as dates."""
    intent = make_intent(sent_on="2026-11-02", extra={"team": "risk"})
    context = build_context(intent, today=date(2026, 11, 12))
    functions = {
        name: context.pop(name) for name in ("pick", "said", "mention", "tell", "temper", "names", "note")
    }
    assert all(callable(f) for f in functions.values())
    assert _plain(context)
    assert context["sent_on_text"] == "November 2"
    assert context["sent_ago"] == "about ten days ago"
    assert context["sent_on"] == "2026-11-02"
    assert context["send_date"] == "2026-11-12"
    assert context["sent_on_text"] == "November 2"
    assert context["days_since"] == 10
    assert context["extra"] == {"team": "risk"}


def test_context_send_date_wins_over_today(make_intent: IntentFactory) -> None:
    """An explicit send date is used instead of today."""
    context = build_context(make_intent(send_date="2026-12-01"), today=date(2026, 11, 12))
    assert context["send_date"] == "2026-12-01"
    assert context["days_since"] is None
    assert context["sent_on_text"] is None


@pytest.mark.parametrize(
    ("relationship", "warm", "signature"),
    [
        ("friend", True, "Alex"),
        ("family", True, "Alex"),
        ("former-colleague", False, "Alex Kim"),
        ("mentor", False, "Alex Kim"),
        ("alumni", False, "Alex Kim"),
    ],
)
def test_voice_and_default_signature_follow_relationship(
    make_intent: IntentFactory, relationship: str, warm: bool, signature: str
) -> None:
    """Friends and family get the warm voice and a first-name signature; others the formal one."""
    context = build_context(make_intent(recipient={"relationship": relationship}), today=date(2026, 1, 1))
    assert context["warm"] is warm
    assert context["voice"] == ("warm" if warm else "formal")
    assert context["sender"]["signature"] == signature
    assert context["recipient"]["first_name"] == "Sam"
    assert context["sender"]["first_name"] == "Alex"


def test_explicit_signature_is_kept(make_intent: IntentFactory) -> None:
    """A signature in the intent is used as written."""
    context = build_context(make_intent(sender={"signature": "A. Kim, CFA"}), today=date(2026, 1, 1))
    assert context["sender"]["signature"] == "A. Kim, CFA"


@pytest.mark.parametrize(
    ("fields", "where", "field"),
    [
        ({"industry": "banking"}, "in banking", "banking"),
        ({"industry": None, "company": "Acme"}, "at Acme", "Acme"),
        ({"company": "Acme"}, "at Acme", "banking"),
        ({"role": "data analyst"}, "in banking", "banking"),
        ({"industry": None, "role": "data analyst"}, "", "data analyst roles"),
        ({"industry": None, "role": "data analyst", "company": "Acme"}, "at Acme", "data analyst roles"),
        ({"industry": None, "count": None, "goal": "favour", "details": "look over my CV"}, "", ""),
    ],
)
def test_where_and_field_phrases(
    make_intent: IntentFactory, fields: dict[str, Any], where: str, field: str
) -> None:
    """'where' is a place (company, else industry; roles are not places); the field names the target."""
    context = build_context(make_intent(**fields), today=date(2026, 1, 1))
    assert context["where"] == where
    assert context["field"] == field


# -- variants --------------------------------------------------------------------------------------


def test_variant_index_is_stable_and_in_range(make_intent: IntentFactory) -> None:
    """The same recipient always gets the same variant, whatever the case of their name."""
    intent = make_intent()
    first = variant_index(intent, 3)
    assert 0 <= first < 3
    assert all(variant_index(intent, 3) == first for _ in range(5))
    assert variant_index(make_intent(recipient={"name": "SAM LEE"}), 3) == first


def test_variant_index_spreads_recipients(make_intent: IntentFactory) -> None:
    """Thirty different people do not all get the same phrasing; each variant is used."""
    names = [f"Person {chr(65 + i)}{chr(97 + i)} Smith" for i in range(30)]
    picks = [variant_index(make_intent(recipient={"name": n}), 3) for n in names]
    assert set(picks) == {0, 1, 2}
    assert max(picks.count(i) for i in range(3)) < 20


# -- tidy and blocks -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Hi  Sam ,\n\n\n\nThanks .", "Hi Sam,\n\nThanks."),
        ("\n\n  Hello\t\tthere  \n", "Hello there"),
        ("a\n \nb", "a\n\nb"),
        ("Really ?  Yes !", "Really? Yes!"),
    ],
)
def test_tidy_normalises_whitespace(raw: str, expected: str) -> None:
    """Tidy leaves single spaces, no space before punctuation and at most one blank line."""
    assert tidy(raw) == expected


def _env(templates: dict[str, str]) -> jinja2.Environment:
    return make_environment(jinja2.DictLoader(templates))


def test_render_blocks_returns_subject_and_body() -> None:
    """Blocks named subject and body come back tidied; the subject is one line."""
    env = _env(
        {
            "m.j2": "{% macro hi() %}Hi {{ name }}{% endmacro %}",
            "t.j2": '{% import "m.j2" as m with context %}{% set n = 3 %}'
            "{% block subject %}\n  A  note\n  for {{ name }} {% endblock %}"
            "{% block body %}\n{{ m.hi() }} ,\n\n\n\n"
            "you have {{ n|words }} {{ 'message'|plural(n) }}.\n{% endblock %}",
        }
    )
    parts = render_blocks(env.get_template("t.j2"), {"name": "Sam"})
    assert parts == {"subject": "A note for Sam", "body": "Hi Sam,\n\nyou have three messages."}


def test_template_without_blocks_is_all_body() -> None:
    """A template with no blocks renders whole as the body, with no subject."""
    env = _env({"t.j2": "Hi {{ name }}!  \n"})
    assert render_blocks(env.get_template("t.j2"), {"name": "Sam"}) == {"subject": None, "body": "Hi Sam!"}


def test_values_are_data_not_templates() -> None:
    """A value that looks like Jinja is printed as written, never evaluated."""
    env = _env({"t.j2": "{% block body %}Hi {{ name }}{% endblock %}"})
    body = render_blocks(env.get_template("t.j2"), {"name": "{{ 7*7 }} {% if 1 %}x{% endif %}"})["body"]
    assert body == "Hi {{ 7*7 }} {% if 1 %}x{% endif %}"


def test_runaway_output_is_stopped() -> None:
    """A template that produces more than MAX_OUTPUT characters is stopped by the sandbox."""
    env = _env({"t.j2": "{% for i in range(1000) %}{% for j in range(1000) %}xx{% endfor %}{% endfor %}"})
    with pytest.raises(SecurityError):
        render_blocks(env.get_template("t.j2"), {})
    assert MAX_OUTPUT < 2_000_000


def test_undefined_variables_are_errors() -> None:
    """StrictUndefined: a missing variable fails instead of printing nothing."""
    env = _env({"t.j2": "Hi {{ nobody }}"})
    with pytest.raises(jinja2.UndefinedError, match="nobody"):
        render_blocks(env.get_template("t.j2"), {})
