"""Exporters: a Draft as plain text, Markdown, JSON, an RFC 5322 email or an iCalendar to-do."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime, time, timedelta
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid
from typing import TYPE_CHECKING, Any

from askcraft._errors import IntentError

if TYPE_CHECKING:
    from askcraft._draft import Draft


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


def _address(name: str, email: str | None, role: str) -> Address:
    if email is None:
        raise IntentError(
            f"an .eml needs {role}'s email address; set {role}.email in the intent (or use --format text)",
            problems=[f"{role}.email: required for .eml"],
        )
    username, _, domain = email.rpartition("@")
    # Address() encodes non-ASCII display names (RFC 2047) and refuses CR/LF, so no header injection.
    return Address(display_name=name, username=username, domain=domain)


def to_eml(draft: Draft) -> bytes:
    """Return the message as RFC 5322 bytes; To and From carry names and addresses when known."""
    intent = draft.intent
    msg = EmailMessage(policy=SMTP)
    if intent.sender.email:
        msg["From"] = _address(intent.sender.name, intent.sender.email, "sender")
    if intent.recipient.email:
        msg["To"] = _address(intent.recipient.name, intent.recipient.email, "recipient")
    if draft.subject:
        msg["Subject"] = draft.subject
    sent = intent.send_date
    when = datetime.combine(sent, time(9, 0), tzinfo=UTC) if sent else datetime.now(UTC)
    msg["Date"] = format_datetime(when)
    domain = intent.sender.email.rpartition("@")[2] if intent.sender.email else "askcraft.invalid"
    msg["Message-ID"] = make_msgid(domain=domain)
    msg["X-Askcraft-Pack"] = f"{draft.provenance.pack} {draft.provenance.version}"
    msg.set_content(draft.body + "\n", charset="utf-8")
    return msg.as_bytes()


def to_ics(draft: Draft, *, days: int = 7) -> bytes:
    """Return an iCalendar to-do reminding the sender to follow up *days* after sending."""
    import icalendar  # noqa: PLC0415  (only needed for this exporter)

    if days < 1:
        raise ValueError("days must be 1 or more: give people time to answer")
    intent = draft.intent
    sent = intent.send_date or date.today()
    due = sent + timedelta(days=days)
    follow_up = {
        "request": f"Send {intent.recipient.name} a gentle reminder if you haven't heard back",
        "reminder": f"If {intent.recipient.name} hasn't answered, let this ask rest and thank them anyway",
        "thank-you": f"Check in with {intent.recipient.name} and offer your help",
    }[intent.kind]
    cal = icalendar.Calendar()
    cal.add("prodid", "-//askcraft//askcraft//EN")
    cal.add("version", "2.0")
    todo = icalendar.Todo()
    todo.add("uid", f"{uuid.uuid4()}@askcraft")
    todo.add("dtstamp", datetime.now(UTC))
    todo.add("summary", follow_up)
    todo.add("due", due)
    todo.add("description", draft.to_text())
    cal.add_component(todo)
    data: bytes = cal.to_ical()
    return data
