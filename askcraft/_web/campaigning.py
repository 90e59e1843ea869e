"""The Campaign page's requests: read a contacts file, draft one request per contact, mark, see who is due.

Everything goes through ``askcraft.campaign``: ``read_contacts`` reads the uploaded file (saved
first in a private temporary folder, under a name the page does not choose), ``run_campaign``
drafts, checks, writes the files and records the asks in the ledger, ``mark`` records them sent,
``due_list`` says who is due a reminder or owed a thank-you. The drafts go to a folder named for
the campaign under ``askcraft-campaigns/`` in the folder ``askcraft serve`` was started in.
"""

from __future__ import annotations

import base64
import binascii
import re
import tempfile
import time
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import askcraft
from askcraft import campaign
from askcraft._web.drafting import BadRequestError
from askcraft._web.findings import STYLE_LABELS, runs, style_of
from askcraft._web.form import Form, to_intent

#: The largest contacts file the page takes (LinkedIn's export of 1,000 connections is about 150 KB).
MAX_CONTACTS = 2 * 1024 * 1024
#: A request's body may hold the file in base64 (4/3 of it) and the ask.
MAX_BODY = MAX_CONTACTS * 4 // 3 + 64 * 1024
#: The file kinds read_contacts takes, by extension (the uploaded file is saved under this name only).
KINDS = {
    "csv": "contacts.csv",
    "vcf": "contacts.vcf",
    "vcard": "contacts.vcf",
    "yaml": "contacts.yaml",
    "yml": "contacts.yaml",
}
#: The fields of the shared ask (the recipient comes from each contact; a relationship is the default).
ASK_FIELDS = (
    "goal", "count", "industry", "role", "company", "details", "channel", "recipient.relationship",
    "sender.name", "sender.reason", "sender.email",
)  # fmt: skip
#: Where the drafts go: one folder per campaign, under this folder of the server's working folder.
FOLDER = "askcraft-campaigns"


def _upload(data: Mapping[str, Any]) -> tuple[str, bytes]:
    """Return (the name the file is saved under, its bytes) for the page's upload."""
    upload = data.get("contacts")
    if not isinstance(upload, dict) or set(upload) != {"file_name", "content"}:
        raise BadRequestError("contacts must have file_name and content")
    name, content = upload["file_name"], upload["content"]
    if not isinstance(name, str) or not isinstance(content, str) or len(name) > 255:
        raise BadRequestError("contacts must have file_name and content")
    kind = KINDS.get(name.rpartition(".")[2].lower())
    if kind is None:
        raise BadRequestError(
            "choose a .csv, .vcf or .yaml file of contacts (an export from LinkedIn, Google or Outlook)"
        )
    try:
        raw = base64.b64decode(content, validate=True)
    except (binascii.Error, ValueError):
        raise BadRequestError("the file did not arrive whole; choose it again") from None
    if len(raw) > MAX_CONTACTS:
        raise BadRequestError(f"the contacts file is over {MAX_CONTACTS // (1024 * 1024)} MB")
    return kind, raw


def _read(kind: str, raw: bytes, folder: Path) -> campaign.ContactList:
    path = folder / kind
    path.write_bytes(raw)
    return campaign.read_contacts(path)


def _people(people: campaign.ContactList, shown_as: str) -> dict[str, Any]:
    """Return how a contacts file was read: its format, its people, and every row not read."""
    return {
        "file": shown_as,
        "format": people.format_name,
        "encoding": people.encoding,
        "count": len(people),
        "contacts": [
            {
                "name": c.name,
                "email": c.email,
                "company": c.fields.get("recipient.company"),
                "relationship": c.fields.get("recipient.relationship"),
            }
            for c in people.contacts[:500]
        ],
        "notes": list(people.notes),
        "problems": [f"row {p.row}: {p.message}" for p in people.problems],
    }


def contacts(data: Any) -> tuple[dict[str, Any], float]:
    """Return how the uploaded contacts file reads, before anything is drafted."""
    if not isinstance(data, dict) or set(data) != {"contacts"}:
        raise BadRequestError("expected an object with contacts")
    kind, raw = _upload(data)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="askcraft-web-") as folder:
        try:
            people = _read(kind, raw, Path(folder))
        except askcraft.AskcraftError as exc:
            return {"error": str(exc)}, time.perf_counter() - start
    return _people(people, data["contacts"]["file_name"]), time.perf_counter() - start


def slug(name: Any) -> str:
    """Return a campaign's folder name: lowercase letters, digits and hyphens, so it names no other folder."""
    text = re.sub(r"[^a-z0-9]+", "-", str(name or "").lower()).strip("-")[:60].strip("-")
    return text or f"campaign-{date.today().isoformat()}"


def _entry(entry: campaign.Entry) -> dict[str, Any]:
    findings, spans = [], {"body": [], "subject": []}  # type: ignore[var-annotated]
    for ident, found in enumerate(entry.findings):
        field = "subject" if found.get("field") == "subject" else "body"
        text = entry.subject or "" if field == "subject" else entry.body
        offset, length = int(found.get("offset") or 0), int(found.get("length") or 0)
        style = style_of(str(found.get("category", "")))
        findings.append(
            {
                "id": ident,
                "rule": found.get("rule"),
                "style": style,
                "style_label": STYLE_LABELS[style],
                "severity": found.get("severity"),
                "message": found.get("message"),
                "excerpt": text[offset : offset + length],
                "fixes": [
                    {"replacement": r, "path": None} for r in list(found.get("replacements") or [])[:3]
                ],
            }
        )
        spans[field].append((ident, offset, length))
    return {
        "name": entry.name,
        "email": entry.email,
        "channel": entry.channel,
        "file": entry.file,
        "subject": entry.subject,
        "subject_runs": runs(entry.subject or "", spans["subject"]),
        "body_runs": runs(entry.body, spans["body"]),
        "findings": findings,
        "notes": list(entry.notes),
        "earlier": entry.earlier,
    }


def run(data: Any, form: Form, root: Path) -> tuple[dict[str, Any], float]:
    """Draft one checked request per contact into the campaign's folder and record it in the ledger."""
    if not isinstance(data, dict) or set(data) != {"contacts", "ask", "name", "grammar"}:
        raise BadRequestError("expected an object with contacts, ask, name and grammar")
    kind, raw = _upload(data)
    values = data["ask"]
    if not isinstance(values, dict) or not set(values) <= set(ASK_FIELDS):
        raise BadRequestError(f"the ask takes only {', '.join(ASK_FIELDS)}")
    if not isinstance(data["grammar"], bool):
        raise BadRequestError("grammar must be true or false")
    intent, invalid = to_intent(values, form)
    if invalid:
        return {"invalid": invalid}, 0.0
    name = slug(data["name"])
    out = root / FOLDER / name
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="askcraft-web-") as folder:
        try:
            people = _read(kind, raw, Path(folder))
            with campaign.Ledger() as ledger:
                result = campaign.run_campaign(
                    people,
                    {**intent, "kind": "request"},
                    out=out,
                    name=name,
                    ledger=ledger,
                    grammar=data["grammar"],
                )
        except askcraft.AskcraftError as exc:
            return {"error": str(exc)}, time.perf_counter() - start
    answer = {
        "campaign": result.name,
        "folder": str(result.out.resolve()),
        "summary": result.summary,
        "warnings": list(result.warnings),
        "problems": [f"row {p.row}: {p.message}" for p in result.problems],
        "drafts": [_entry(e) for e in result.entries],
    }
    return answer, time.perf_counter() - start


def mark_sent(data: Any) -> tuple[dict[str, Any], float]:
    """Record every unsent draft of the campaign as sent on the given day."""
    if not isinstance(data, dict) or set(data) != {"campaign", "on"}:
        raise BadRequestError("expected an object with campaign and on")
    try:
        on = date.fromisoformat(str(data["on"]))
    except ValueError:
        return {"error": "the day must be a date written YYYY-MM-DD"}, 0.0
    start = time.perf_counter()
    try:
        with campaign.Ledger() as ledger:
            marked = campaign.mark(ledger, "sent", campaign=slug(data["campaign"]), on=on)
    except askcraft.AskcraftError as exc:
        return {"error": str(exc)}, time.perf_counter() - start
    names = [ask.name for ask in marked.asks]
    return {"marked": len(names), "names": names, "on": on.isoformat()}, time.perf_counter() - start


def due(data: Any) -> tuple[dict[str, Any], float]:
    """Return who is due a reminder or owed a thank-you, today and later, soonest first."""
    if not isinstance(data, dict) or not set(data) <= {"today"}:
        raise BadRequestError("expected an object with at most today")
    today = date.today()
    if data.get("today"):
        try:
            today = date.fromisoformat(str(data["today"]))
        except ValueError:
            return {"error": "today must be a date written YYYY-MM-DD"}, 0.0
    start = time.perf_counter()
    try:
        with campaign.Ledger() as ledger:
            items = campaign.due_list(ledger, today=today, upcoming=True)
    except askcraft.AskcraftError as exc:
        return {"error": str(exc)}, time.perf_counter() - start
    rows = [
        {
            "name": item.ask.name,
            "campaign": item.ask.campaign,
            "step": item.step.replace("-", " "),
            "due_on": item.due_on.isoformat(),
            "now": item.due_on <= today,
            "why": item.why,
        }
        for item in items
    ]
    return {"today": today.isoformat(), "due": rows}, time.perf_counter() - start
