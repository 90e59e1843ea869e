"""Findings on the same words agree: duplicates dropped, overlapping rewrites merged into one."""

from __future__ import annotations

import pytest

from askcraft._checks.context import CheckContext
from askcraft._checks.findings import Finding
from askcraft._checks.fix import apply_fixes
from askcraft._checks.merge import dedupe, merge, tidy
from askcraft._checks.registry import run_checks


def _finding(rule: str, offset: int, length: int, *fixes: str, severity: str = "warning") -> Finding:
    return Finding(
        category=rule.partition(".")[0],  # type: ignore[arg-type]
        severity=severity,  # type: ignore[arg-type]
        message=f"{rule} says so",
        rule=rule,
        offset=offset,
        length=length,
        replacements=fixes,
    )


def test_duplicates_of_one_rule_on_one_span_are_dropped():
    """The same rule twice on the same words, or inside them with the same fix, is one finding."""
    a = _finding("negativity.employer", 0, 10, "")
    assert dedupe([a, a, _finding("negativity.employer", 2, 5, "")]) == [a]


def test_overlapping_removals_of_one_rule_become_one():
    """Two removals that overlap are merged into one removal of both spans."""
    text = "My boss is awful, I hate my job."
    (merged,) = merge(
        [_finding("negativity.employer", 0, 18, ""), _finding("negativity.employer", 10, 22, "")], text
    )
    assert (merged.offset, merged.length, merged.replacements) == (0, 32, ("",))
    assert merged.rules == ("negativity.employer",)


def test_a_named_rule_leads_the_learned_model_on_the_same_words():
    """At the same severity, the named rule's message leads and the model's goes to ``also``, however
    wide the model's span: "This reads as pushy" says less than "Leave out the put-down"."""
    text = "Thanks for the intro, the last person you sent me to was useless, so here's hoping."
    model = _finding("pressure.pushy", 0, len(text), "")
    named = _finding("negativity.reader", 22, 42, "")
    for order in ([model, named], [named, model]):
        (merged,) = merge(order, text)
        assert merged.rule == "negativity.reader"
        assert merged.message == "negativity.reader says so"
        assert [f.rule for f in merged.also] == ["pressure.pushy"]
        assert (merged.offset, merged.length) == (0, len(text))
    # A more severe finding still leads, learned or not.
    severe = _finding("pressure.pushy", 0, len(text), "", severity="error")
    (merged,) = merge([severe, named], text)
    assert merged.rule == "pressure.pushy"


def test_a_rewrite_takes_in_the_fixes_inside_it():
    """A command's rewrite drops "ASAP" when pressure.asap says to: one finding, one rewrite."""
    text = "Send them over ASAP."
    command = _finding("politeness.command", 0, len(text), "Could you send them over ASAP?")
    asap = _finding("pressure.asap", 14, 5, "")
    (merged,) = merge([command, asap], text)
    assert merged.replacements == ("Could you send them over?",)
    assert merged.rules == ("politeness.command", "pressure.asap")
    assert (merged.offset, merged.length) == (0, len(text))


def test_on_the_same_words_the_more_thorough_fix_wins():
    """Two fixes of one whole sentence: the one that keeps fewer of its words, whatever the rank order.

    Making "Tell me now ... stop wasting my time." a question keeps the ultimatum in it; the
    ultimatum's own rewrite replaces the sentence, so it is the merged rewrite.
    """
    text = "Tell me now if it's a no so I can stop wasting my time."
    command = _finding(
        "politeness.command",
        0,
        len(text),
        "Could you tell me now if it's a no so I can stop wasting my time?",
    )
    ultimatum = _finding("pressure.ultimatum", 0, len(text), "No worries if nobody comes to mind.")
    for group in ([command, ultimatum], [ultimatum, command]):
        (merged,) = merge(group, text)
        assert merged.replacements == ("No worries if nobody comes to mind.",)
        assert set(merged.rules) == {"politeness.command", "pressure.ultimatum"}


def test_findings_without_rewrites_are_not_merged():
    """A whole-message score and a readability note stay as they are beside a merged rewrite."""
    text = "Send them over ASAP."
    score = _finding("politeness.score", 0, len(text))
    command = _finding("politeness.command", 0, len(text), "Could you send them over?")
    assert sorted(f.rule for f in merge([score, command], text)) == ["politeness.command", "politeness.score"]


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("Could you send them over ?", "Could you send them over?"),
        ("names ,, please", "Names, please"),
        ("It went well , .", "It went well."),
        ("  ( )  ok", "Ok"),
    ],
)
def test_tidy_cleans_what_removals_leave(dirty: str, clean: str):
    """Spaces before marks, doubled marks and empty brackets go; a sentence starts with a capital."""
    assert tidy(dirty) == clean


@pytest.mark.parametrize(
    ("text", "banned"),
    [
        ("Hi Sam,\n\nSend them over ASAP.\n\nAlex", "ASAP"),
        ("Don't ignore this.", "Could you don't"),
        ("Please send me the names by Friday!!", "Friday"),
        ("You must send me their emails ASAP.", "ASAP"),
        ("Tell me now if it's a no so I can stop wasting my time.", "wasting my time"),
    ],
)
def test_applied_fixes_never_keep_what_another_rule_flags(text: str, banned: str):
    """Applying every fix leaves none of the flagged words, and never "Could you don't"."""
    fixed = apply_fixes(text, run_checks(CheckContext(text=text), grammar=False))
    assert banned not in fixed


def test_same_sentence_gets_one_employer_warning():
    """Two complaint patterns in one sentence give one negativity.employer finding."""
    text = "I hate my job because my boss is a nightmare and the culture is toxic."
    found = [
        f for f in run_checks(CheckContext(text=text), grammar=False) if "negativity.employer" in f.rules
    ]
    assert len(found) == 1


@pytest.mark.parametrize(
    "sentence", ["Could you just answer me SOON?", "I'd be SO HAPPY if you could just ANSWER me."]
)
def test_a_rewrite_that_leaves_the_sentence_pushy_gives_way_to_its_removal(sentence: str):
    """Lower-casing "Could you just answer me SOON?" still asks "just answer me soon": the learned model's
    finding joins the shouting one, and their one rewrite removes the sentence; nothing the fixed
    text keeps reads as pushy (issue 10: a rewrite passes every check)."""
    text = f"Hi Sam,\n\nI'm moving into data analysis in banking. {sentence} Thanks so much.\n\nAlex"
    found = [f for f in run_checks(CheckContext(text=text), grammar=False) if f.severity == "warning"]
    assert [sorted(f.rules) for f in found] == [["pressure.pushy", "pressure.shouting"]]
    fixed = apply_fixes(text, found)
    assert sentence.lower() not in fixed.lower()
    assert [f for f in run_checks(CheckContext(text=fixed), grammar=False) if f.severity == "warning"] == []


def test_a_rewrite_that_fixes_the_sentence_keeps_one_finding():
    """When another warning's rewrite leaves nothing pushy, the model adds no finding of its own."""
    text = "Hi Sam,\n\nI'm moving into banking. Could you send me three names ASAP? Thanks.\n\nAlex"
    found = [f for f in run_checks(CheckContext(text=text), grammar=False) if f.severity == "warning"]
    assert [f.rules for f in found] == [("pressure.asap",)]
