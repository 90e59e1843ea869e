"""One finding per problem: duplicates dropped, overlapping rewrites merged into one that agrees.

Checkers run independently, so two of them can point at the same words: ``politeness.command``
offers "Could you send them over ASAP?" while ``pressure.asap`` says to drop "ASAP". After every
checker has run, the registry merges each group of overlapping findings that offer rewrites into
one finding: the widest span, the most severe rule's id and message first (a named rule's before
the learned model's), the others kept in ``also``, and one rewrite, the widest finding's with each
narrower finding's fix applied inside it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence

from askcraft._checks.findings import Finding

#: Categories that never merge: LanguageTool's findings keep their own spans and suggestions.
_SEPARATE = frozenset({"grammar", "spelling"})
#: The learned model's finding says less than a named rule's ("This reads as pushy" beside "Leave
#: out the put-down"): at the same severity over the same words, the named rule's message leads.
_LEARNED = frozenset({"pressure.pushy"})
_SPACE_BEFORE_MARK = re.compile(r"\s+([,.;:!?])")
_REPEATED_MARKS = re.compile(r"([,;:])(?:\s*[,;:])+|,(\s*[.!?])")
_DOUBLE_SPACE = re.compile(r"[ \t]{2,}")
_EMPTY_PAIR = re.compile(r"\(\s*\)")
_MARK_THEN_STOP = re.compile(r"([.!?])\.+")
_WORD = re.compile(r"[^\W_]+")


def dedupe(findings: Iterable[Finding]) -> list[Finding]:
    """Drop findings that repeat another of the same rule inside its span with the same fix (or none).

    Same-rule findings that overlap with different fixes are left for :func:`merge` to join.
    """
    kept: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.rule, f.field, f.offset, -f.length)):
        last = kept[-1] if kept else None
        if (
            last is not None
            and last.rule == finding.rule
            and last.field == finding.field
            and finding.offset + finding.length <= last.offset + last.length
            and (finding.replacements == last.replacements or not finding.replacements)
        ):
            continue
        kept.append(finding)
    return kept


def _overlap(a: Finding, b: Finding) -> bool:
    if a.field != b.field:
        return False
    if not a.length or not b.length:
        return a.offset == b.offset and a.length == b.length
    return a.offset < b.offset + b.length and b.offset < a.offset + a.length


def _mergeable(finding: Finding) -> bool:
    return bool(finding.replacements) and finding.category not in _SEPARATE and finding.length > 0


def merge(findings: Sequence[Finding], text: str, subject: str | None = None) -> list[Finding]:
    """Return *findings* with duplicates dropped and overlapping rewrites merged (see module doc)."""
    if len(findings) < 2:
        return list(findings)  # nothing to drop or merge: most messages
    findings = dedupe(findings)
    candidates = sorted((f for f in findings if _mergeable(f)), key=lambda f: (f.field, f.offset))
    rest = [f for f in findings if not _mergeable(f)]
    groups: list[list[Finding]] = []
    for finding in candidates:
        if groups and any(_overlap(finding, other) for other in groups[-1]):
            groups[-1].append(finding)
        else:
            groups.append([finding])
    merged = [group[0] if len(group) == 1 else _merge_group(group, text, subject) for group in groups]
    return rest + merged


def _merge_group(group: list[Finding], text: str, subject: str | None) -> Finding:
    source = (subject or "") if group[0].field == "subject" else text
    start = min(f.offset for f in group)
    end = max(f.offset + f.length for f in group)
    # Of fixes over the same widest words, the most thorough: a narrower fix of the same words (a
    # command made a question) would keep what the other finding is about (an ultimatum in it).
    widest = max(group, key=lambda f: (f.length, -_kept(f, source), -f.rank))
    lead = min(group, key=lambda f: (f.rank, f.rule in _LEARNED, -f.length))
    rewrite = (
        source[start : widest.offset] + widest.replacements[0] + source[widest.offset + widest.length : end]
    )
    if all(f.replacements[0] == "" for f in group):
        rewrite = ""  # every finding removes its words: the merged one removes them all
    for other in sorted(group, key=lambda f: -f.length):
        if other is widest:
            continue
        words = other.excerpt(source)
        at = rewrite.find(words)
        if words and at != -1:
            rewrite = rewrite[:at] + other.replacements[0] + rewrite[at + len(words) :]
    if rewrite:
        rewrite = tidy(
            rewrite, sentence_start=not source[:start].strip() or source[:start].rstrip()[-1] in ".!?"
        )
    message = lead.message
    for finding in group:
        if finding.replacements[0]:
            message = message.replace(f'"{finding.replacements[0]}"', f'"{rewrite}"')
    return dataclasses.replace(
        lead,
        message=message,
        offset=start,
        length=end - start,
        replacements=(rewrite,),
        also=tuple(dataclasses.replace(f, also=()) for f in _one_per_rule(group) if f.rule != lead.rule),
    )


def _kept(finding: Finding, source: str) -> int:
    """Return how many of the finding's own words its rewrite keeps."""
    kept = set(_WORD.findall(finding.replacements[0].casefold()))
    return sum(word in kept for word in _WORD.findall(finding.excerpt(source).casefold()))


def _one_per_rule(group: list[Finding]) -> list[Finding]:
    seen: dict[str, Finding] = {}
    for finding in group:
        seen.setdefault(finding.rule, finding)
    return list(seen.values())


def tidy(text: str, *, sentence_start: bool = True) -> str:
    """Clean up what removing words leaves: doubled spaces, a space before a mark, ", ." and "()"."""
    text = _EMPTY_PAIR.sub("", text)
    text = _DOUBLE_SPACE.sub(" ", text)
    text = _SPACE_BEFORE_MARK.sub(r"\1", text)
    text = _REPEATED_MARKS.sub(lambda m: m.group(2) or m.group(1), text)
    text = _MARK_THEN_STOP.sub(r"\1", text)
    text = text.strip()
    text = text.lstrip(",;: ")
    if sentence_start and text[:1].islower():
        text = text[:1].upper() + text[1:]
    return text
