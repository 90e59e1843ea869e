"""Helpers for testing code that uses askcraft, without a LanguageTool server.

``FakeGrammarChecker`` flags the words you give it, like LanguageTool would, and
works anywhere a checker does (``run_checks(ctx, checkers={"grammar": fake})``).
``use_grammar_checker(fake)`` puts it in place of the real grammar checker for
``askcraft.draft``/``askcraft.check``; ``no_languagetool()`` switches LanguageTool
off so grammar checks return their "not checked" notice instead of starting Java.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

from askcraft._checks.context import CheckContext
from askcraft._checks.findings import Finding, Severity
from askcraft._grammar import checker as grammar_checker

__all__ = ["FakeGrammarChecker", "no_languagetool", "use_grammar_checker"]


class FakeGrammarChecker:
    """A grammar checker that flags given words with canned replacements.

    ``FakeGrammarChecker({"teh": "the", "alot": "a lot"})`` reports each whole-word
    occurrence as an error-level spelling finding (rule ``spelling.FAKE``) with that
    one replacement; names in the context are never flagged, like the real checker.
    ``calls`` records every context it was asked to check.
    """

    def __init__(
        self,
        words: Mapping[str, str | None] | None = None,
        *,
        severity: Severity = "error",
        rule: str = "spelling.FAKE",
    ) -> None:
        self.words = dict(words or {})
        self.severity: Severity = severity
        self.rule = rule
        self.calls: list[CheckContext] = []

    def __call__(self, ctx: CheckContext) -> list[Finding]:
        """Return a finding for each listed word in the text and subject of *ctx*."""
        self.calls.append(ctx)
        findings: list[Finding] = []
        parts = [(ctx.text, "body")] + ([(ctx.subject, "subject")] if ctx.subject else [])
        for text, field in parts:
            for word, replacement in self.words.items():
                if word in ctx.names:
                    continue
                for match in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text):
                    findings.append(
                        Finding(
                            category="spelling" if self.rule.startswith("spelling.") else "grammar",
                            severity=self.severity,
                            message=f"Possible spelling mistake: “{word}”."
                            + (f" Try “{replacement}”." if replacement else ""),
                            rule=self.rule,
                            offset=match.start(),
                            length=match.end() - match.start(),
                            replacements=(replacement,) if replacement else (),
                            field="subject" if field == "subject" else "body",
                        )
                    )
        return sorted(findings, key=lambda f: (f.field, f.offset))


@contextmanager
def use_grammar_checker(checker: Callable[[CheckContext], list[Finding]]) -> Iterator[None]:
    """Use *checker* instead of LanguageTool for every grammar check inside the block."""
    previous = grammar_checker.override
    grammar_checker.override = checker
    try:
        yield
    finally:
        grammar_checker.override = previous


@contextmanager
def no_languagetool() -> Iterator[None]:
    """Switch LanguageTool off inside the block (like ``ASKCRAFT_LANGUAGETOOL=off``).

    In pytest, ``monkeypatch.setenv("ASKCRAFT_LANGUAGETOOL", "off")`` does the same.
    """
    previous = os.environ.get("ASKCRAFT_LANGUAGETOOL")
    os.environ["ASKCRAFT_LANGUAGETOOL"] = "off"
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("ASKCRAFT_LANGUAGETOOL", None)
        else:
            os.environ["ASKCRAFT_LANGUAGETOOL"] = previous
