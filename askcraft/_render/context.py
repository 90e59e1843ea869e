"""The context a template sees: an intent flattened into plain values, and the variant it gets."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from askcraft._intent.model import WARM_RELATIONSHIPS, Intent
from askcraft._render.words import first_name


def _where(intent: Intent) -> str:
    """Say where the sender is aiming, as a place: 'in banking', 'at Acme' (roles are not places)."""
    if intent.company:
        return f"at {intent.company}"
    if intent.industry:
        return f"in {intent.industry}"
    return ""


def _field(intent: Intent) -> str:
    """Name the field the sender is aiming at as a noun phrase: 'banking', 'data analyst roles'."""
    if intent.industry:
        return intent.industry
    if intent.role:
        return f"{intent.role} roles"
    return intent.company or ""


def _long_date(day: date) -> str:
    return f"{day.strftime('%B')} {day.day}"


def build_context(intent: Intent, *, today: date) -> dict[str, Any]:
    """Flatten an intent into plain values (str, int, bool, lists and dicts of those) for a template."""
    data = intent.model_dump(mode="python")
    send_date = intent.send_date or today
    recipient = dict(data["recipient"])
    sender = dict(data["sender"])
    warm = intent.recipient.relationship in WARM_RELATIONSHIPS
    recipient["first_name"] = first_name(intent.recipient.name)
    sender["first_name"] = first_name(intent.sender.name)
    sender["signature"] = intent.sender.signature or (sender["first_name"] if warm else intent.sender.name)
    context: dict[str, Any] = {
        key: value
        for key, value in data.items()
        if key not in {"recipient", "sender", "sent_on", "send_date", "extra"}
    }
    context.update(
        recipient=recipient,
        sender=sender,
        extra=dict(data["extra"]),
        warm=warm,
        voice="warm" if warm else "formal",
        where=_where(intent),
        field=_field(intent),
        sent_on=intent.sent_on.isoformat() if intent.sent_on else None,
        sent_on_text=_long_date(intent.sent_on) if intent.sent_on else None,
        send_date=send_date.isoformat(),
        days_since=(send_date - intent.sent_on).days if intent.sent_on else None,
    )
    return context


def variant_index(intent: Intent, count: int) -> int:
    """Pick a variant from the recipient, so different people get different phrasings, stably."""
    key = f"{intent.recipient.name.casefold()}|{intent.kind}|{intent.goal}".encode()
    return int.from_bytes(hashlib.sha256(key).digest()[:8], "big") % count
