"""A draft as an RFC 5322 email (``.eml``) that mail programs open as a message ready to send.

The message is written here, header by header (see ``safety.py`` for what a header may hold
and why the email package's folder is not used), then parsed back with the email package and
compared with what was meant: the same header names in the same order, the same addresses
and names, the same subject, one text body. Bytes that fail that check are never returned.
"""

from __future__ import annotations

import dataclasses
import email
import email.policy
import quopri
from datetime import UTC, datetime, time
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import TYPE_CHECKING, Any

from askcraft._errors import IntentError
from askcraft._export.safety import (
    check_header,
    check_written,
    display_name,
    fold,
    split_address,
    unstructured,
)

if TYPE_CHECKING:
    from askcraft._export.exportable import Exportable as Draft


@dataclasses.dataclass(frozen=True)
class _Meant:
    """What the message must read back as."""

    names: list[str]
    addresses: dict[str, tuple[str, str]]
    subject: str | None
    body: str


def _address_header(name: str, address: str, field: str) -> list[str]:
    """Return ``Name <local@ascii-domain>`` as header tokens (the name checked already)."""
    local, domain = split_address(address, f"{field}.email")
    return [*display_name(name), f"<{local}@{domain}>"]


def to_eml(draft: Draft) -> bytes:
    """Return the message as RFC 5322 bytes; To and From carry names and addresses when known."""
    intent = draft.intent
    headers: list[tuple[str, list[str]]] = []
    addresses: dict[str, tuple[str, str]] = {}
    for header, field, person in (("From", "sender", intent.sender), ("To", "recipient", intent.recipient)):
        if person.email:
            name = check_header(person.name, f"{field}.name", fix="remove it from the name")
            local, domain = split_address(person.email, f"{field}.email")
            addresses[header] = (name, f"{local}@{domain}")
            headers.append((header, _address_header(name, person.email, field)))
    subject = draft.subject or None
    if subject is not None:
        check_written(draft, subject, "subject")
        headers.append(("Subject", unstructured(subject)))
    sent = intent.send_date
    when = datetime.combine(sent, time(9, 0), tzinfo=UTC) if sent else datetime.now(UTC)
    headers.append(("Date", [format_datetime(when)]))
    domain = (
        split_address(intent.sender.email, "sender.email")[1] if intent.sender.email else "askcraft.invalid"
    )
    headers.append(("Message-ID", [make_msgid(domain=domain)]))
    pack = check_header(f"{draft.provenance.pack} {draft.provenance.version}", "the pack's name and version")
    headers += [
        ("X-Askcraft-Pack", pack.split(" ")),
        ("MIME-Version", ["1.0"]),
        ("Content-Type", ["text/plain;", 'charset="utf-8"']),
        ("Content-Transfer-Encoding", ["quoted-printable"]),
    ]
    body = draft.body + "\n"
    raw = _write(headers, body)
    _verify(raw, _Meant([h for h, _ in headers], addresses, subject, body))
    return raw


def _write(headers: list[tuple[str, list[str]]], body: str) -> bytes:
    head = "\r\n".join(fold(name, tokens) for name, tokens in headers)
    encoded = quopri.encodestring(body.encode("utf-8")).replace(b"\n", b"\r\n")
    return head.encode("ascii") + b"\r\n\r\n" + encoded


def _verify(raw: bytes, meant: _Meant) -> None:
    """Parse *raw* back and raise IntentError unless it is exactly the message meant."""
    problem = _read_back_problem(raw, meant)
    if problem:
        raise IntentError(
            f"refusing to write this .eml: its {problem} does not read back as written. This is a "
            "bug in askcraft; please report it with the intent (or use --format text)",
            problems=[f"eml: {problem}"],
        )


def _read_back_problem(raw: bytes, meant: _Meant) -> str | None:
    if not raw.isascii() or raw.replace(b"\r\n", b"").count(b"\r") or raw.replace(b"\r\n", b"").count(b"\n"):
        return "line structure (seven-bit text, CR LF line ends)"
    head = raw.split(b"\r\n\r\n", 1)[0].decode("ascii").split("\r\n")
    if [line.split(":", 1)[0] for line in head if not line[:1].isspace()] != meant.names:
        return "header list"
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    items = list(msg.items())  # each header parsed once: the email package parses on every access
    if not isinstance(msg, EmailMessage) or [name for name, _ in items] != meant.names or msg.defects:
        return "header list"
    if any(value.defects for _, value in items):
        return "header syntax"
    parsed: dict[str, Any] = dict(items)
    for header, (name, address) in meant.addresses.items():
        found = [(a.display_name, a.addr_spec) for a in parsed[header].addresses]
        if found != [(name, address)]:
            return f"{header} header"
    if meant.subject is not None and str(parsed["Subject"]) != meant.subject:
        return "Subject header"
    if msg.is_multipart() or msg.get_content_type() != "text/plain":
        return "body"
    content = msg.get_content()
    if not isinstance(content, str) or content.replace("\r\n", "\n") != meant.body.replace("\r\n", "\n"):
        return "body"
    return None
