"""A suggested rewrite fixes what it was offered for, and brings no new warning, nor a grammar error."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest
from test_rules import ALL_RULES

from askcraft._checks.findings import Finding
from askcraft._checks.fix import apply_fixes
from askcraft._checks.registry import run_checks
from askcraft._checks.rules.base import example_context

WARNING = ("error", "warning")
#: Rule examples are single sentences; a rewrite is judged inside a message, where whole-message
#: rules (the politeness score) see what a reader would. The frame alone raises no warning.
FRAME = (
    "Hi Sam,\n\nI hope the new role is going well. I'm moving into data analysis in banking. {text} "
    "Thanks so much for thinking about it.\n\nAlex"
)


def _cases() -> list[Any]:
    return [
        pytest.param(rule.id, example, id=f"{rule.id}-{i}")
        for rule in ALL_RULES
        for i, example in enumerate(rule.flag)
    ]


def _framed(example: Mapping[str, Any]) -> dict[str, Any]:
    return {**example, "text": FRAME.format(text=example["text"])}


def test_the_frame_is_clean():
    """The message the examples are put in raises no warning of its own."""
    ctx = example_context({"text": FRAME.format(text="")})
    assert [f.rule for f in run_checks(ctx, grammar=False) if f.severity in WARNING] == []


def _rewritten(rule_id: str, example: Mapping[str, Any]) -> tuple[str, str, list[Finding]] | None:
    ctx = example_context(_framed(example))
    before = run_checks(ctx, grammar=False)
    offered = [f for f in before if rule_id in f.rules and f.replacements and f.field == "body"]
    if not offered:
        return None
    return ctx.text, apply_fixes(ctx.text, offered), before


@pytest.mark.parametrize(("rule_id", "example"), _cases())
def test_rewrite_passes_the_checks(rule_id: str, example: Mapping[str, Any]):
    """Applying a rule's rewrite silences that rule and adds no warning of any other rule."""
    result = _rewritten(rule_id, example)
    if result is None:
        return  # this rule offers no rewrite (a score, a length, a count): nothing to apply
    text, fixed, before = result
    assert fixed != text
    ctx = example_context({**_framed(example), "text": fixed})
    after = run_checks(ctx, grammar=False)
    assert not [f for f in after if rule_id in f.rules and f.severity in WARNING], fixed
    old = {r for f in before if f.severity in WARNING for r in f.rules}
    new = sorted({r for f in after if f.severity in WARNING for r in f.rules} - old)
    assert new == [], f"{text!r} -> {fixed!r} brought {new}"


@pytest.mark.languagetool
@pytest.mark.parametrize(("rule_id", "example"), _cases())
def test_rewrite_passes_languagetool(rule_id: str, example: Mapping[str, Any]):
    """A rewrite is English LanguageTool accepts: no grammar or spelling warning the original lacked."""
    import askcraft  # noqa: PLC0415

    result = _rewritten(rule_id, example)
    if result is None:
        return
    text, fixed, _ = result
    if not fixed.strip():
        return  # the whole example was the problem: removing it leaves nothing to check

    def errors(message: str) -> set[str]:
        found = askcraft.check(message, grammar=True, disable=[r.id for r in ALL_RULES])
        return {
            f"{f.rule}: {f.excerpt(message)}"
            for f in found
            if f.category in ("grammar", "spelling") and f.severity in WARNING
        }

    assert errors(fixed) <= errors(text), f"{text!r} -> {fixed!r}"
