"""Apply the fixes a checker is sure about."""

from __future__ import annotations

from collections.abc import Iterable

from askcraft._checks.findings import Finding


def apply_fixes(text: str, findings: Iterable[Finding]) -> str:
    """Apply every finding that has exactly one replacement and overlaps no other fix."""
    fixes = sorted(
        (f for f in findings if len(f.replacements) == 1 and f.offset + f.length <= len(text)),
        key=lambda f: (f.offset, f.length),
    )
    chosen: list[Finding] = []
    end = -1
    for fix in fixes:
        if fix.offset < end or (chosen and fix.offset == chosen[-1].offset):
            continue  # overlapping fixes are ambiguous: leave both spans as they are
        chosen.append(fix)
        end = fix.offset + fix.length
    for fix in reversed(chosen):
        text = text[: fix.offset] + fix.replacements[0] + text[fix.offset + fix.length :]
    return text
