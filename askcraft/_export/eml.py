"""A draft as an RFC 5322 email (``.eml``) that mail programs open as a message ready to send."""

from __future__ import annotations

from datetime import UTC, datetime, time
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid
from typing import TYPE_CHECKING

from askcraft._errors import IntentError

if TYPE_CHECKING:
    from askcraft._export.exportable import Exportable as Draft


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
