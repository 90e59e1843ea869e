"""A draft as plain text, Markdown or JSON."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from askcraft._export.exportable import Exportable as Draft


def to_text(draft: Draft) -> str:
    """Return the message as plain text, with a 'Subject:' line first when it has one."""
    head = f"Subject: {draft.subject}\n\n" if draft.subject else ""
    return f"{head}{draft.body}\n"


def to_markdown(draft: Draft) -> str:
    """Return the message as Markdown: subject as a heading, body as text, findings as a list."""
    lines = [f"## {draft.subject}", ""] if draft.subject else []
    # Two trailing spaces keep the line breaks of a signature block in Markdown.
    for paragraph in draft.body.split("\n\n"):
        lines.append("  \n".join(paragraph.splitlines()))
        lines.append("")
    if draft.findings:
        lines += ["---", "", "**Findings**", ""]
        for f in draft.findings:
            text = draft.subject or "" if f.field == "subject" else draft.body
            excerpt = f.excerpt(text)
            fix = f" (suggest: {', '.join(repr(r) for r in f.replacements[:3])})" if f.replacements else ""
            quoted = f" — “{excerpt}”" if excerpt else ""
            lines.append(f"- **{f.severity}** `{f.rule}`{quoted}: {f.message}{fix}")
        lines.append("")
    p = draft.provenance
    lines.append(
        f"<!-- askcraft {p.askcraft_version}; pack {p.pack} {p.version}; {p.template} ({p.variant}) -->"
    )
    return "\n".join(lines) + "\n"


def to_dict(draft: Draft) -> dict[str, Any]:
    """Return the draft as JSON-ready data."""
    return {
        "kind": draft.kind,
        "channel": draft.channel,
        "subject": draft.subject,
        "body": draft.body,
        "findings": [f.to_dict() for f in draft.findings],
        "provenance": draft.provenance.to_dict(),
        "intent": draft.intent.model_dump(mode="json"),
    }


def to_json(draft: Draft, *, indent: int | None = 2) -> str:
    """Return the draft as JSON text."""
    return json.dumps(to_dict(draft), indent=indent, ensure_ascii=False)
