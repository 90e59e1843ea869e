"""The ledger, exported: everything it holds as JSON (nested), or one CSV row per ask.

The export is the user's own copy of their data, to keep or take elsewhere; nothing is sent
anywhere. CSV cells go through ``files.safe_cell``, as in the review sheet.
"""

from __future__ import annotations

import json
from typing import Any

from askcraft._campaign.files import csv_bytes
from askcraft._campaign.ledger import Ledger, now
from askcraft._campaign.records import Ask

FORMATS = ("json", "csv")

CSV_HEADER = (
    "campaign",
    "name",
    "email",
    "profile_url",
    "goal",
    "channel",
    "count",
    "ask",
    "status",
    "drafted",
    "sent_on",
    "reminders_sent",
    "last_sent",
    "replied_on",
    "helped_on",
    "help",
    "outcome",
    "declined_on",
    "thanked_on",
    "offered",
)


def _ask_dict(ask: Ask) -> dict[str, Any]:
    return {
        "campaign": ask.campaign,
        "goal": ask.goal,
        "channel": ask.channel,
        "count": ask.count,
        "ask": ask.ask,
        "status": ask.status,
        "created_at": ask.created_at,
        "intent": ask.intent,
        "messages": [
            {
                "step": m.step,
                "file": m.file,
                "subject": m.subject,
                "body": m.body,
                "findings": list(m.findings),
                "message_hash": m.message_hash,
                "drafted_at": m.drafted_at,
                "sent_on": m.sent_on.isoformat() if m.sent_on else None,
            }
            for m in ask.messages
        ],
        "events": [
            {
                "kind": e.kind,
                "on": e.on.isoformat(),
                **{k: v for k, v in (("help", e.help), ("outcome", e.outcome), ("gift", e.gift),
                                     ("offered", e.offered), ("note", e.note)) if v},
            }
            for e in ask.events
        ],
    }  # fmt: skip


def export_json(ledger: Ledger) -> str:
    """Return the whole ledger as JSON: each contact with their asks, messages and marks."""
    people: dict[int, dict[str, Any]] = {}
    for row in ledger.query("SELECT * FROM contacts ORDER BY id"):
        people[int(row["id"])] = {
            "name": row["name"],
            "email": row["email"],
            "profile_url": row["profile_url"],
            "first_seen": row["created_at"],
            "asks": [],
        }
    for ask in ledger.asks():
        people[ask.contact_id]["asks"].append(_ask_dict(ask))
    campaigns = [
        {
            "name": r["name"],
            "created_at": r["created_at"],
            "out_dir": r["out_dir"],
            "intent": json.loads(r["intent"]),
        }
        for r in ledger.query("SELECT * FROM campaigns ORDER BY id")
    ]
    data = {
        "askcraft_ledger": {"schema": ledger.version, "exported_at": now(), "path": str(ledger.path)},
        "campaigns": campaigns,
        "contacts": list(people.values()),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _on(ask: Ask, kind: str) -> str:
    event = ask.event(kind)
    return event.on.isoformat() if event else ""


def export_csv(ledger: Ledger) -> bytes:
    """Return one CSV row per ask: who, what, and where it stands."""
    rows = []
    for ask in ledger.asks():
        helped = ask.event("helped")
        thanked = ask.event("thanked")
        thanks = ask.message("thank-you")
        request = ask.message("request")
        rows.append(
            [
                ask.campaign,
                ask.name,
                ask.email or "",
                ask.profile_url or "",
                ask.goal,
                ask.channel,
                ask.count if ask.count is not None else "",
                ask.ask,
                ask.status,
                (request.drafted_at or "") if request else "",
                ask.sent_on.isoformat() if ask.sent_on else "",
                len(ask.reminders_sent),
                ask.last_sent.isoformat() if ask.last_sent else "",
                _on(ask, "replied"),
                _on(ask, "helped"),
                (helped.help or "") if helped else "",
                (helped.outcome or "") if helped else "",
                _on(ask, "declined"),
                (thanks.sent_on.isoformat() if thanks and thanks.sent_on else _on(ask, "thanked")),
                (thanked.offered or "") if thanked else "",
            ]
        )
    return csv_bytes(CSV_HEADER, rows)
