"""Pressure: deadlines, "ASAP", demands, guilt, ultimatums, stacked "!!" and shouting."""

from __future__ import annotations

import re

from askcraft._checks.context import CheckContext
from askcraft._checks.findings import Finding
from askcraft._checks.rules.base import lexicon, option, rules, run_phrase_rules

_NAME = "pressure"
_BANGS = re.compile(r"[!?]*![!?]+|[!?]+!")
_CAPS = re.compile(r"(?<![\w'])[A-Z][A-Z'\u2019]+(?![\w'])")


def check(ctx: CheckContext) -> list[Finding]:
    """Flag phrases that put pressure on the reader, stacked exclamation marks and shouting."""
    found = run_phrase_rules(ctx, _NAME)
    found = [f for f in found if not _exempt(ctx.text, f)]
    by_id = rules(_NAME)
    most = option(ctx, _NAME, "pressure.max_exclamations")
    for match in _BANGS.finditer(ctx.text):
        if match.group().count("!") > most or "?" in match.group():
            found.append(by_id["pressure.exclamations"].finding(match.start(), len(match.group())))
    min_letters = option(ctx, _NAME, "pressure.min_caps_letters")
    acronyms = {a.upper() for a in lexicon(_NAME)["acronyms"]}
    names = " ".join(ctx.names).split()
    for match in _CAPS.finditer(ctx.text):
        word = match.group()
        if len(word) < min_letters or word in acronyms or word in names or word == "ASAP":
            continue
        found.append(
            by_id["pressure.shouting"].finding(
                match.start(), len(word), replacements=(word.lower(),), lower=word.lower()
            )
        )
    return found


def _exempt(text: str, finding: Finding) -> bool:
    # "emergency department", "emergency medicine" name a field of work, not a demand.
    after = text[finding.offset + finding.length : finding.offset + finding.length + 12].lower()
    return finding.excerpt(text).lower() == "emergency" and after.lstrip().startswith(
        ("department", "medicine", "room", "services", "care")
    )
