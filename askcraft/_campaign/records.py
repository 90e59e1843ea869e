"""What the ledger holds about one ask, as values: the ask, its messages, and the marks made on it."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from datetime import date, datetime
from typing import Any

#: The marks a user can make on an ask (``askcraft ledger mark KIND``).
MARKS = ("sent", "reminded", "replied", "helped", "declined", "thanked")
#: The steps of an ask, in order; each is at most one message.
STEPS = ("request", "reminder-1", "reminder-2", "reminder-3", "thank-you")


def _day(value: Any) -> date | None:
    return date.fromisoformat(str(value)) if value else None


@dataclasses.dataclass(frozen=True)
class Message:
    """One message of an ask: the request, a reminder or the thank-you, drafted and perhaps sent."""

    step: str
    file: str | None
    subject: str | None
    body: str | None
    findings: tuple[dict[str, Any], ...]
    message_hash: str | None
    drafted_at: str | None
    sent_on: date | None

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Message:
        """Return the message a ``messages`` row holds."""
        return cls(
            step=str(row["step"]),
            file=row["file"],
            subject=row["subject"],
            body=row["body"],
            findings=tuple(json.loads(row["findings"] or "[]")),
            message_hash=row["message_hash"],
            drafted_at=row["drafted_at"],
            sent_on=_day(row["sent_on"]),
        )


@dataclasses.dataclass(frozen=True)
class Event:
    """A mark on an ask: sent, reminded, replied, helped, declined or thanked, on a day."""

    kind: str
    on: date
    help: str | None = None
    outcome: str | None = None
    gift: str | None = None
    offered: str | None = None
    note: str | None = None

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Event:
        """Return the event an ``events`` row holds."""
        return cls(
            kind=str(row["kind"]),
            on=date.fromisoformat(str(row["on_date"])),
            help=row["help"],
            outcome=row["outcome"],
            gift=row["gift"],
            offered=row["offered"],
            note=row["note"],
        )


@dataclasses.dataclass(frozen=True)
class Ask:
    """One contact asked in one campaign: what was asked, the messages, and what came of it."""

    id: int
    campaign: str
    contact_id: int
    key: str
    name: str
    email: str | None
    profile_url: str | None
    goal: str
    channel: str
    count: int | None
    ask: str
    intent: dict[str, Any]
    created_at: str
    messages: tuple[Message, ...] = ()
    events: tuple[Event, ...] = ()

    @classmethod
    def from_row(cls, row: sqlite3.Row, messages: tuple[Message, ...], events: tuple[Event, ...]) -> Ask:
        """Return the ask an ``asks`` row (joined with its campaign and contact) holds."""
        return cls(
            id=int(row["id"]),
            campaign=str(row["campaign"]),
            contact_id=int(row["contact_id"]),
            key=str(row["key"]),
            name=str(row["name"]),
            email=row["email"],
            profile_url=row["profile_url"],
            goal=str(row["goal"]),
            channel=str(row["channel"]),
            count=row["count"],
            ask=str(row["ask"]),
            intent=json.loads(row["intent"]),
            created_at=str(row["created_at"]),
            messages=messages,
            events=events,
        )

    def message(self, step: str) -> Message | None:
        """Return the message of *step* ("request", "reminder-1", "thank-you"), if drafted or sent."""
        return next((m for m in self.messages if m.step == step), None)

    def event(self, kind: str) -> Event | None:
        """Return the latest mark of *kind*, if any."""
        return next((e for e in reversed(self.events) if e.kind == kind), None)

    @property
    def created_on(self) -> date:
        """Return the day the ask was first drafted."""
        return datetime.fromisoformat(self.created_at).date()

    @property
    def sent_on(self) -> date | None:
        """Return when the request was sent, or None while it is only drafted."""
        request = self.message("request")
        return request.sent_on if request else None

    @property
    def reminders_sent(self) -> list[Message]:
        """Return the reminders sent, oldest first."""
        return [m for m in self.messages if m.step.startswith("reminder-") and m.sent_on]

    @property
    def last_sent(self) -> date | None:
        """Return the day of the last request or reminder sent."""
        days = [m.sent_on for m in self.messages if m.sent_on and m.step != "thank-you"]
        return max(days) if days else None

    @property
    def thanked(self) -> bool:
        """Return whether a thank-you went out (drafted and marked sent, or marked thanked)."""
        thanks = self.message("thank-you")
        return bool(thanks and thanks.sent_on) or self.event("thanked") is not None

    @property
    def status(self) -> str:
        """Return where the ask stands, in a word or two: drafted, sent, reminded, replied, ..."""
        if self.thanked:
            return "thanked"
        for kind in ("helped", "declined", "replied"):
            if self.event(kind):
                return kind
        if self.reminders_sent:
            return f"reminded {len(self.reminders_sent)}x"
        return "sent" if self.sent_on else "drafted"
