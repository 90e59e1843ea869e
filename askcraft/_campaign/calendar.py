"""Follow-up dates as a calendar file (``.ics``) that common calendars import, and import again cleanly.

Google Calendar and Outlook ignore ``VTODO`` on import, so each follow-up is an all-day
``VEVENT`` (free time, with a ``VALARM`` at 9:00 that day), optionally with a ``VTODO`` beside
it for apps that show tasks. Each UID is derived from the ask (contact, campaign and step), and
``SEQUENCE`` grows with each export, so importing a newer file updates an event instead of
adding a second one; a follow-up no longer needed (they replied) is exported ``CANCELLED``.
Summaries hold contact names, so they go through ``safety.header_problem`` like any header;
the file is parsed back before it is returned.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from askcraft._campaign.due import AFTER_DAYS, DueItem
from askcraft._campaign.records import Ask
from askcraft._campaign.safety import LINE_BREAKS, header_problem
from askcraft._errors import LedgerError

_PRODID = "-//askcraft//follow-ups//EN"
#: SEQUENCE counts minutes since this moment, so each export outranks the one before.
_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)
#: Closed asks whose next reminder is cancelled in the file: those closed this recently.
CANCEL_WITHIN_DAYS = 90


def uid(ask: Ask, step: str, component: str = "event") -> str:
    """Return the UID of an ask's step: the same for the same contact, campaign and step, every time."""
    digest = hashlib.sha256(f"{ask.key}\x1f{ask.campaign}\x1f{step}".encode()).hexdigest()[:32]
    return f"{digest}{'-todo' if component == 'todo' else ''}@askcraft"


def _summary(item: DueItem) -> str:
    if item.kind == "thank-you":
        return f"Thank {item.ask.name} ({item.ask.ask})"
    return f"Gentle reminder to {item.ask.name} ({item.ask.ask}) if no reply"


def _description(item: DueItem) -> str:
    who = item.ask.email or item.ask.profile_url or item.ask.name
    lines = [
        f"You asked {item.ask.name} for {item.ask.ask} (campaign {item.ask.campaign}): {item.why}.",
        "Draft it with: askcraft due --out followups/",
    ]
    if item.kind == "reminder":
        lines.append(f"If they have answered: askcraft ledger mark replied {who}")
    else:
        lines.append(f"Once sent: askcraft ledger mark thanked {who}")
    return LINE_BREAKS.sub("\n", "\n".join(lines))


def _checked(text: str, what: str) -> str:
    problem = header_problem(text)
    if problem:
        raise LedgerError(f"refusing to write the calendar: a {what} {problem}; fix the contact's name")
    return text


def _event(item: DueItem, stamp: datetime, sequence: int, *, cancelled: bool = False) -> Any:
    import icalendar  # noqa: PLC0415

    event = icalendar.Event()
    event.add("uid", uid(item.ask, item.step))
    event.add("dtstamp", stamp)
    event.add("sequence", sequence)
    event.add("summary", _checked(_summary(item), "summary"))
    event.add("description", _description(item))
    event.add("dtstart", item.due_on)
    event.add("dtend", item.due_on + timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("categories", ["askcraft"])
    if not cancelled:
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", _checked(_summary(item), "summary"))
        alarm.add("trigger", timedelta(hours=9), parameters={"RELATED": "START"})
        event.add_component(alarm)
    return event


def _todo(item: DueItem, stamp: datetime, sequence: int) -> Any:
    import icalendar  # noqa: PLC0415

    todo = icalendar.Todo()
    todo.add("uid", uid(item.ask, item.step, "todo"))
    todo.add("dtstamp", stamp)
    todo.add("sequence", sequence)
    todo.add("summary", _checked(_summary(item), "summary"))
    todo.add("description", _description(item))
    todo.add("due", item.due_on)
    todo.add("status", "NEEDS-ACTION")
    return todo


def closed_steps(asks: Sequence[Ask], *, today: date, after: int = AFTER_DAYS) -> list[DueItem]:
    """Return the reminder each recently closed ask no longer needs (to export as cancelled)."""
    cancelled: list[DueItem] = []
    for ask in asks:
        closing = next((e for e in reversed(ask.events) if e.kind in {"replied", "declined", "helped"}), None)
        last = ask.last_sent
        if closing is None or last is None or (today - closing.on).days > CANCEL_WITHIN_DAYS:
            continue
        step = f"reminder-{len(ask.reminders_sent) + 1}"
        message = ask.message(step)
        if message is None or message.sent_on is None:
            cancelled.append(DueItem(ask, step, last + timedelta(days=after), f"closed: {closing.kind}"))
    return cancelled


def follow_up_calendar(
    items: Sequence[DueItem],
    *,
    cancelled: Sequence[DueItem] = (),
    todos: bool = False,
    stamp: datetime | None = None,
) -> bytes:
    """Return an iCalendar file with one all-day event per follow-up (and a to-do each, with *todos*)."""
    import icalendar  # noqa: PLC0415

    now = (stamp or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    sequence = max(0, int((now - _EPOCH).total_seconds() // 60))
    cal = icalendar.Calendar()
    cal.add("prodid", _PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "askcraft follow-ups")
    for item in items:
        cal.add_component(_event(item, now, sequence))
        if todos:
            cal.add_component(_todo(item, now, sequence))
    for item in cancelled:
        cal.add_component(_event(item, now, sequence, cancelled=True))
    raw: bytes = cal.to_ical()
    _read_back(raw, len(items) + len(cancelled), len(items) if todos else 0)
    return raw


def _read_back(raw: bytes, events: int, todos: int) -> None:
    """Refuse a calendar that does not parse back to exactly the events and to-dos written."""
    import icalendar  # noqa: PLC0415

    text = raw.decode("utf-8")
    begins = [line for line in text.split("\r\n") if line.startswith("BEGIN:")]
    parsed: Any = icalendar.Calendar.from_ical(raw)
    found = [c.name for c in parsed.walk()]
    if (
        found.count("VEVENT") != events
        or found.count("VTODO") != todos
        or len(begins) != len(found)
        or text.splitlines() != text.split("\r\n")[:-1]
    ):
        raise LedgerError(
            "refusing to write a calendar that does not read back as written (a bug; please report it)"
        )
