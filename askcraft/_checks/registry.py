"""The check registry: small independent checkers, each returning findings.

A checker is a plain function ``(CheckContext) -> Iterable[Finding]``. The
registry holds them as dotted paths so that importing askcraft (and running
``askcraft --help``) does not load lexicons, models or LanguageTool clients.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Collection, Iterable, Mapping

from askcraft._checks.context import CheckContext
from askcraft._checks.findings import Finding
from askcraft._checks.merge import merge

Checker = Callable[[CheckContext], Iterable[Finding]]

#: name -> "module:function". Order is the order findings are reported in.
BUILTIN_CHECKERS: dict[str, str] = {
    "grammar": "askcraft._grammar.checker:check",
    "politeness": "askcraft._checks.rules.politeness:check",
    "pressure": "askcraft._checks.rules.pressure:check",
    "negativity": "askcraft._checks.rules.negativity:check",
    "specificity": "askcraft._checks.rules.specificity:check",
    "ask-size": "askcraft._checks.rules.ask_size:check",
    "patience": "askcraft._checks.rules.patience:check",
    "reciprocity": "askcraft._checks.rules.reciprocity:check",
    "length": "askcraft._checks.rules.length:check",
    "readability": "askcraft._checks.rules.readability:check",
    "questions": "askcraft._checks.rules.questions:check",
}
#: Checkers that talk to LanguageTool; ``grammar=False`` skips exactly these.
GRAMMAR_CHECKERS: frozenset[str] = frozenset({"grammar"})

#: Checkers whose rules read any language (LanguageTool is asked in the message's language).
LANGUAGE_NEUTRAL: frozenset[str] = frozenset({"grammar", "length"})

_loaded: dict[str, Checker] = {}


@functools.lru_cache(maxsize=64)
def english(language: str) -> bool:
    """Return whether *language* (a BCP 47 tag) is English, the language the tone rules are written for."""
    return language.split("-", maxsplit=1)[0].lower() == "en"


def language_notice(language: str, skipped: Collection[str]) -> Finding:
    """Return the one notice that says which checks have no data for *language*."""
    return Finding(
        category="politeness",
        severity="notice",
        rule="tone.language",
        message=(
            f"The checks {', '.join(skipped)} have rules for English only (the politeness model is "
            f"fitted on English ratings), so they did not run on this {language} message."
        ),
    )


def _for_language(name: str, language: str) -> Checker | None:
    """Return the checker *name* for a message in *language*, or None when it has no data for it."""
    if english(language) or name in LANGUAGE_NEUTRAL:
        return load_checker(name)
    from askcraft._checks.rules import languages  # noqa: PLC0415  (loads data only when needed)

    if name not in languages.CHECKERS or not languages.has_data(language):
        return None
    checker: Checker = getattr(languages, name.replace("-", "_"))
    return checker


def load_checker(name: str) -> Checker:
    if name not in _loaded:
        module_name, _, attr = BUILTIN_CHECKERS[name].partition(":")
        _loaded[name] = getattr(importlib.import_module(module_name), attr)
    return _loaded[name]


def disabled(rule: str, disable: Collection[str]) -> bool:
    """Return whether *rule* is switched off: by its exact id or a dotted prefix."""
    return any(rule == d or rule.startswith(d + ".") for d in disable)


def run_checks(
    ctx: CheckContext,
    *,
    grammar: bool = True,
    disable: Collection[str] = (),
    checkers: Mapping[str, Checker] | None = None,
    also: Mapping[str, Checker] | None = None,
) -> list[Finding]:
    """Run every registered checker on *ctx* and return findings, most severe first.

    Findings that repeat one another are dropped, and overlapping findings with rewrites are
    merged into one finding with one rewrite (see ``merge.py``).

    *checkers* replaces the registry (tests use it for fakes); *also* adds checkers after it,
    such as a pack's own tone rules.
    """
    findings: list[Finding] = []
    if checkers is None and not also and not disable and english(ctx.language):
        for builtin in _english_checkers(grammar):  # the usual case, its checkers looked up once
            findings.extend(builtin(ctx))
        return sort_findings(merge(findings, ctx.text, ctx.subject))
    chosen: dict[str, Checker | None] = (
        dict(checkers) if checkers is not None else dict.fromkeys(BUILTIN_CHECKERS)
    )
    chosen.update(also or {})
    skipped: list[str] = []
    for name, given in chosen.items():
        if name in disable or (not grammar and name in GRAMMAR_CHECKERS):
            continue
        checker = given if given is not None else _for_language(name, ctx.language)
        if checker is None:
            skipped.append(name)  # English rules never run on German, French or Spanish text
            continue
        if disable:
            findings.extend(f for f in checker(ctx) if not disabled(f.rule, disable))
        else:
            findings.extend(checker(ctx))
    if skipped and not disabled("tone.language", disable):
        findings.append(language_notice(ctx.language, skipped))
    return sort_findings(merge(findings, ctx.text, ctx.subject))


@functools.cache
def _english_checkers(grammar: bool) -> tuple[Checker, ...]:
    """Return the built-in checkers an English message goes through, in order (as run_checks picks them)."""
    return tuple(load_checker(name) for name in BUILTIN_CHECKERS if grammar or name not in GRAMMAR_CHECKERS)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Sort findings in place, most severe first, subject before body, then by position."""
    findings.sort(key=lambda f: (f.rank, f.field != "subject", f.offset))
    return findings
