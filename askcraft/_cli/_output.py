"""Show findings on a terminal: grouped by severity, with the excerpt and a suggested fix."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from askcraft._checks.findings import SEVERITIES, Finding

_STYLES = {"error": "bold red", "warning": "yellow", "suggestion": "cyan", "notice": "dim"}
_TITLES = {"error": "Errors", "warning": "Warnings", "suggestion": "Suggestions", "notice": "Notices"}
#: Characters of context shown either side of an excerpt.
_CONTEXT = 30
#: "the option patience.min_days=10" in a message, as the command line spells it.
_OPTION = re.compile(r"\b(?:the )?option ([a-z][a-z-]*\.[a-z_]+)(=\S+?)?(?=[\s,;:)]|\.(?:\s|$)|$)")


def cli_message(finding: Finding) -> str:
    """Return *finding*'s message in command-line terms: flags, not the library's option names."""
    if finding.cli_message:
        return finding.cli_message
    return _OPTION.sub(lambda m: f"--option {m.group(1)}{m.group(2) or '=VALUE'}", finding.message)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def excerpt(text: str, finding: Finding) -> Text:
    """Return the finding's span with some context, the span highlighted (on one line)."""
    start, end = finding.offset, finding.offset + finding.length
    before = text[max(0, start - _CONTEXT) : start]
    after = text[end : end + _CONTEXT]
    shown = Text()
    shown.append(("…" if start > _CONTEXT else "") + before.replace("\n", " ⏎ "))
    marked = text[start:end].replace("\n", " ⏎ ")
    if len(marked) > 2 * _CONTEXT + 20:
        marked = marked[:_CONTEXT] + " … " + marked[-_CONTEXT:]
    shown.append(marked or "▏", style=f"reverse {_STYLES[finding.severity]}")
    shown.append(after.replace("\n", " ⏎ ") + ("…" if end + _CONTEXT < len(text) else ""))
    return shown


def print_findings(
    console: Console, text: str, findings: Sequence[Finding], subject: str | None = None
) -> None:
    """Print *findings* of *text* (and its *subject*) grouped by severity, most severe first."""
    if not findings:
        console.print("No findings.", style="green")
        return
    for severity in SEVERITIES:
        group = [f for f in findings if f.severity == severity]
        if not group:
            continue
        console.print(Text(f"{_TITLES[severity]} ({len(group)})", style=f"bold {_STYLES[severity]}"))
        said: set[tuple[str, str]] = set()
        for finding in group:
            source = (subject or "") if finding.field == "subject" else text
            where = "subject" if finding.field == "subject" else f"line {_line_of(text, finding.offset)}"
            head = Text("  ")
            head.append(finding.rule, style="bold")
            head.append(f" ({where}): ")
            message = cli_message(finding)
            if (finding.rule, message) in said:
                head.append("as above", style="dim")  # the same advice again, for another sentence
            else:
                head.append(message)
                said.add((finding.rule, message))
            console.print(head)
            for other in finding.also:
                console.print(
                    Text("    also ") + Text(other.rule, style="bold") + Text(f": {cli_message(other)}")
                )
            if finding.length:
                console.print(Text("    ") + excerpt(source, finding))
            else:
                console.print(Text("    (the whole message)", style="dim"))
            fixes = [r for r in finding.replacements if r] or (["remove it"] if finding.replacements else [])
            if fixes:
                console.print(Text("    try: ", style="dim") + Text(" | ".join(fixes[:3]), style="green"))
    tally = Counter(f.severity for f in findings)
    console.print(
        Text(", ".join(f"{tally[s]} {s}{'s' if tally[s] > 1 else ''}" for s in SEVERITIES if tally[s]))
    )
