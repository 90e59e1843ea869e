"""Tone in the message's language: German, French and Spanish rules, and never English ones.

The pressure (deadlines included), specificity, ask-size and patience checks have data for each
language in askcraft/_checks/rules/data/languages/; every rule there flags its examples and passes
its counter-examples, and askcraft's own drafts in each language trip none of them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

import pytest

import askcraft
from askcraft._checks.context import CheckContext
from askcraft._checks.findings import Finding
from askcraft._checks.registry import run_checks
from askcraft._checks.rules import languages
from askcraft._checks.rules.base import Rule, example_context, rules
from tests.test_languages import LANGUAGES, TODAY, drafts

CHECKER: dict[str, Callable[[CheckContext], Iterable[Finding]]] = {
    "pressure": languages.pressure,
    "specificity": languages.specificity,
}
RULES: list[tuple[str, Rule]] = [
    (lang, rule) for lang in sorted(languages.languages()) for rule in rules(f"languages/{lang}").values()
]


def _cases(which: str) -> list[object]:
    return [
        pytest.param(lang, rule, i, id=f"{lang}-{rule.id}-{i}")
        for lang, rule in RULES
        for i in range(len(rule.flag if which == "flag" else rule.passes))
    ]


def _context(lang: str, example: object) -> CheckContext:
    return dataclasses.replace(example_context(example), language=lang)  # type: ignore[arg-type]


def test_each_built_in_language_has_tone_data() -> None:
    """German, French and Spanish, the languages the built-in pack writes, all have tone data."""
    assert languages.languages() >= {"de", "fr", "es"}
    for lang in ("de", "fr", "es"):
        ids = set(rules(f"languages/{lang}"))
        assert {"pressure.asap", "pressure.urgent", "pressure.deadline", "specificity.count"} <= ids


@pytest.mark.parametrize(("lang", "rule"), RULES, ids=lambda v: v if isinstance(v, str) else v.id)
def test_every_language_rule_has_examples_both_ways(lang: str, rule: Rule) -> None:
    """A rule without examples that must flag and examples that must pass is not tested."""
    assert rule.flag, f"{lang}: {rule.id} has no examples that must flag"
    assert rule.passes, f"{lang}: {rule.id} has no examples that must pass"


@pytest.mark.parametrize(("lang", "rule", "index"), _cases("flag"))
def test_language_rule_flags_its_examples(lang: str, rule: Rule, index: int) -> None:
    """Each example that must flag yields a finding of exactly that rule, inside the text."""
    ctx = _context(lang, rule.flag[index])
    found = [f for f in CHECKER[rule.category](ctx) if f.rule == rule.id]
    assert found, f"{lang}: {rule.id} missed {ctx.text!r}"
    assert all(f.offset + f.length <= len(ctx.text) for f in found)


@pytest.mark.parametrize(("lang", "rule", "index"), _cases("pass"))
def test_language_rule_passes_its_counter_examples(lang: str, rule: Rule, index: int) -> None:
    """Each example that must pass yields no finding of that rule."""
    ctx = _context(lang, rule.passes[index])
    found = [f.excerpt(ctx.text) for f in CHECKER[rule.category](ctx) if f.rule == rule.id]
    assert not found, f"{lang}: {rule.id} flagged {found} in {ctx.text!r}"


def test_english_rules_never_run_on_german_text() -> None:
    """English phrases in a German message are not read with English rules; German ones are."""
    english = "Kannst du mir die Namen as soon as possible schicken, I need you to answer?"
    german = "Kannst du mir die Namen so schnell wie möglich schicken?"
    on = {f.rule for f in run_checks(CheckContext(text=german, language="de-DE"), grammar=False)}
    off = {f.rule for f in run_checks(CheckContext(text=english, language="de-DE"), grammar=False)}
    assert "pressure.asap" in on
    assert "pressure.asap" not in off
    assert "pressure.demand" not in off


def test_one_notice_names_the_checks_without_data() -> None:
    """The checks with no data for a language are named in one notice; those with data are not."""
    found = run_checks(
        CheckContext(text="Kennst du drei Personen bei Acme?", language="de-DE"), grammar=False
    )
    notices = [f for f in found if f.rule == "tone.language"]
    assert len(notices) == 1
    assert "politeness" in notices[0].message
    for name in languages.CHECKERS:
        assert name not in notices[0].message.split("English only")[0]


def test_an_unknown_language_gets_the_notice_for_every_tone_check() -> None:
    """Italian has no data: no tone check runs on it, and the notice says so."""
    found = run_checks(CheckContext(text="Conosci tre persone ASAP?", language="it-IT"), grammar=False)
    notices = [f for f in found if f.rule == "tone.language"]
    assert len(notices) == 1
    assert "pressure" in notices[0].message
    assert not [f for f in found if f.category == "pressure"]


def test_a_deadline_next_to_an_easy_way_out_is_a_suggestion() -> None:
    """As in English, a deadline softened by an easy way out is worth a word, not a warning."""
    text = "Könntest du mir die Namen bis Freitag schicken? Ganz ohne Druck."
    found = [
        f for f in languages.pressure(CheckContext(text=text, language="de")) if f.rule == "pressure.deadline"
    ]
    assert [f.severity for f in found] == ["suggestion"]


def test_a_reminder_too_soon_is_flagged_in_every_language(
    make_intent: Callable[..., askcraft.Intent],
) -> None:
    """Patience reads dates, not words: a reminder two days after the request is too soon in German too."""
    from datetime import date  # noqa: PLC0415

    intent = make_intent(kind="reminder", language="de-DE", sent_on=date(2026, 11, 10))
    ctx = CheckContext(
        text="Hallo Sam, ich melde mich noch einmal.",
        kind="reminder",
        language="de-DE",
        intent=intent,
        send_date=date(2026, 11, 12),
    )
    assert [f.rule for f in languages.patience(ctx)] == ["patience.too-soon"]


def test_an_ask_for_ten_names_is_too_big_in_french() -> None:
    """Ask size counts names in the message's own number words ("dix personnes")."""
    ctx = CheckContext(text="Connais-tu dix personnes dans la banque ?", language="fr-FR")
    assert [f.rule for f in languages.ask_size(ctx)] == ["ask-size.names"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_askcrafts_own_drafts_trip_no_tone_rule_in_their_language(language: str) -> None:
    """Every corpus draft (every kind, goal, channel and variant) passes the tone rules of its language."""
    tone = ("pressure.", "specificity.", "ask-size.", "patience.")
    every = drafts(language)
    tripped = [
        f"{label}: {f.rule} {f.excerpt(draft.body)!r}"
        for label, _, draft in every
        for f in draft.findings
        if f.rule.startswith(tone)
    ]
    assert len(every) > 300
    assert tripped == [], "\n".join(tripped[:20])


def test_the_rules_do_run_on_a_draft_in_the_language() -> None:
    """A German draft whose user wrote a deadline into the details gets the German deadline finding."""
    data = {
        "kind": "request",
        "goal": "favour",
        "details": "mir bis Freitag einen Blick auf meinen Lebenslauf schicken",
        "recipient": {"name": "Mia Becker", "relationship": "friend"},
        "sender": {"name": "Alex Kim", "reason": "Ich bewerbe mich gerade als Datenanalyst."},
        "channel": "email",
        "language": "de-DE",
    }
    draft = askcraft.draft(data, grammar=False, today=TODAY)
    assert "pressure.deadline" in {f.rule for f in draft.findings}, draft.body
