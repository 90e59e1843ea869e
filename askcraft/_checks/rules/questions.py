"""Questions: a request has at least one question, and no message has a barrage of them."""

from __future__ import annotations

from askcraft._checks.context import CheckContext
from askcraft._checks.findings import Finding
from askcraft._checks.rules.asks import question_sentences
from askcraft._checks.rules.base import option, rules, whole

_NAME = "questions"


def check(ctx: CheckContext) -> list[Finding]:
    """Flag a request without a question and a message with more questions than allowed."""
    by_id = rules(_NAME)
    questions = question_sentences(ctx.text)
    found: list[Finding] = []
    none = by_id["questions.none"]
    if none.applies(ctx) and not questions and ctx.text.strip():
        offset, _ = whole(ctx.text)
        found.append(none.finding(offset, 0))
    most = option(ctx, _NAME, "questions.max")
    too_many = by_id["questions.too-many"]
    if too_many.applies(ctx) and len(questions) > most:
        start, _ = questions[most]
        end = questions[-1][1]
        found.append(too_many.finding(start, end - start, count=len(questions)))
    return found
