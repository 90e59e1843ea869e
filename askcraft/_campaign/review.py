"""The review sheet: every draft of a campaign with its findings, worst first (Markdown, CSV, HTML).

Contact fields are hostile input here too. In Markdown, a name's ``|``, ``<``, ``*`` and friends
are escaped and each message sits in a fenced code block longer than any run of backticks in
it, so nothing a contact file holds renders as a link, an image or HTML. In CSV every text cell
goes through ``files.safe_cell`` (no formulas). In HTML everything is escaped.
"""

from __future__ import annotations

import dataclasses
import html
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from askcraft._campaign.files import csv_bytes, write_atomic
from askcraft._campaign.people import RowProblem

_SEVERITIES = ("error", "warning", "suggestion", "notice")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|])")


@dataclasses.dataclass(frozen=True)
class Entry:
    """One drafted message of a campaign, as the review sheet shows it."""

    row: int
    name: str
    email: str | None
    profile_url: str | None
    channel: str
    ask: str
    file: str
    subject: str | None
    body: str
    findings: tuple[dict[str, Any], ...]
    notes: tuple[str, ...] = ()
    #: Drafted by an earlier run of the same campaign (read back from the ledger).
    earlier: bool = False

    def tally(self, severity: str) -> int:
        """Return how many findings of *severity* the draft has."""
        return sum(1 for f in self.findings if f.get("severity") == severity)

    @property
    def badness(self) -> tuple[int, ...]:
        """Sort key, worst first: more errors, then more warnings, then more suggestions."""
        return (-self.tally("error"), -self.tally("warning"), -self.tally("suggestion"), self.row)

    @property
    def to(self) -> str:
        """Return where the message goes: the email address, the profile, or 'no address'."""
        return self.email or self.profile_url or "no address in the file"


def worst_first(entries: Iterable[Entry]) -> list[Entry]:
    """Return the entries ordered worst first (then by row)."""
    return sorted(entries, key=lambda e: e.badness)


def _md(text: str) -> str:
    escaped = html.escape(" ".join(text.split()), quote=False)
    return _MD_SPECIAL.sub(r"\\\1", escaped)


def _fence(text: str) -> str:
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def _count_text(entry: Entry) -> str:
    parts = [
        f"{entry.tally(s)} {s}{'s' if entry.tally(s) != 1 else ''}" for s in _SEVERITIES[:3] if entry.tally(s)
    ]
    return ", ".join(parts) or "no findings"


def markdown(title: str, summary: str, entries: Sequence[Entry], problems: Sequence[RowProblem]) -> str:
    """Return the review sheet as Markdown."""
    ordered = worst_first(entries)
    lines = [f"# {_md(title)}", "", _md(summary), ""]
    lines += [
        "Worst first: fix what is flagged (or accept it), then send each message yourself.",
        "",
        "| # | row | to | channel | ask | errors | warnings | suggestions | file |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for n, e in enumerate(ordered, start=1):
        lines.append(
            f"| {n} | {e.row} | {_md(e.name)} | {e.channel} | {_md(e.ask)} | {e.tally('error')} | "
            f"{e.tally('warning')} | {e.tally('suggestion')} | {_md(e.file)} |"
        )
    if problems:
        lines += ["", f"## Not drafted ({len(problems)})", ""]
        lines += [f"- row {p.row}{f' ({_md(p.name)})' if p.name else ''}: {_md(p.message)}" for p in problems]
    for n, e in enumerate(ordered, start=1):
        lines += ["", f"## {n}. {_md(e.name)} ({e.channel}): {_count_text(e)}", ""]
        lines.append(f"Row {e.row} · to {_md(e.to)} · {_md(e.ask)} · file `{e.file}`")
        lines += [f"> {_md(note)}" for note in e.notes]
        text = (f"Subject: {e.subject}\n\n" if e.subject else "") + e.body
        fence = _fence(text)
        lines += ["", f"{fence}text", text, fence, ""]
        for f in e.findings:
            lines.append(
                f"- **{f.get('severity')}** `{_md(str(f.get('rule')))}`: {_md(str(f.get('message')))}"
            )
    return "\n".join(lines).rstrip() + "\n"


CSV_HEADER = (
    "rank",
    "row",
    "name",
    "email",
    "profile_url",
    "channel",
    "ask",
    "errors",
    "warnings",
    "suggestions",
    "findings",
    "file",
    "subject",
    "message",
    "notes",
)


def csv_rows(entries: Sequence[Entry]) -> list[list[Any]]:
    """Return the review sheet's CSV rows (cells made safe when written)."""
    return [
        [
            n,
            e.row,
            e.name,
            e.email or "",
            e.profile_url or "",
            e.channel,
            e.ask,
            e.tally("error"),
            e.tally("warning"),
            e.tally("suggestion"),
            "\n".join(f"{f.get('severity')}: {f.get('rule')}: {f.get('message')}" for f in e.findings),
            e.file,
            e.subject or "",
            e.body,
            "\n".join(e.notes),
        ]
        for n, e in enumerate(worst_first(entries), start=1)
    ]


def html_page(title: str, summary: str, entries: Sequence[Entry], problems: Sequence[RowProblem]) -> str:
    """Return the review sheet as one self-contained HTML page (no scripts, everything escaped)."""
    esc = html.escape
    rows = []
    for n, e in enumerate(worst_first(entries), start=1):
        findings = "".join(
            f"<li><b>{esc(str(f.get('severity')))}</b> <code>{esc(str(f.get('rule')))}</code>: "
            f"{esc(str(f.get('message')))}</li>"
            for f in e.findings
        )
        text = (f"Subject: {e.subject}\n\n" if e.subject else "") + e.body
        rows.append(
            f"<tr><td>{n}</td><td>{e.row}</td><td>{esc(e.name)}<br><small>{esc(e.to)}</small></td>"
            f"<td>{esc(e.channel)}</td><td>{esc(e.ask)}</td><td>{esc(_count_text(e))}</td>"
            f"<td><details><summary>{esc(e.file)}</summary><pre>{esc(text)}</pre><ul>{findings}</ul>"
            "</details></td></tr>"
        )
    skipped = "".join(
        f"<li>row {p.row}{esc(f' ({p.name})') if p.name else ''}: {esc(p.message)}</li>" for p in problems
    )
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>{esc(title)}</title><style>body{{font-family:sans-serif;margin:2em}}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em;vertical-align:top}"
        "pre{white-space:pre-wrap;max-width:60em}</style></head><body>"
        f"<h1>{esc(title)}</h1><p>{esc(summary)}</p>"
        "<table><tr><th>#</th><th>row</th><th>to</th><th>channel</th><th>ask</th><th>findings</th>"
        f"<th>draft</th></tr>{''.join(rows)}</table>"
        + (f"<h2>Not drafted ({len(problems)})</h2><ul>{skipped}</ul>" if problems else "")
        + "</body></html>\n"
    )


def write_review(
    out: Path,
    title: str,
    summary: str,
    entries: Sequence[Entry],
    problems: Sequence[RowProblem],
    *,
    html_too: bool = False,
) -> dict[str, Path]:
    """Write review.md, review.csv (and review.html) and errors.csv into *out*; return their paths."""
    written = {"review": out / "review.md", "review_csv": out / "review.csv"}
    write_atomic(written["review"], markdown(title, summary, entries, problems).encode("utf-8"))
    write_atomic(written["review_csv"], csv_bytes(CSV_HEADER, csv_rows(entries)))
    if html_too:
        written["review_html"] = out / "review.html"
        write_atomic(written["review_html"], html_page(title, summary, entries, problems).encode("utf-8"))
    errors = out / "errors.csv"
    if problems:
        rows = [[p.row, p.name or "", p.message] for p in sorted(problems, key=lambda p: p.row)]
        write_atomic(errors, csv_bytes(("row", "name", "problem"), rows))
        written["errors"] = errors
    elif errors.exists():
        errors.unlink()  # from an earlier run whose rows have since been fixed
    return written
