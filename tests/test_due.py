"""The due list: reminders after a week, two at most, never after a reply; thank-yous; the calendar."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import icalendar
import pytest

from askcraft import campaign
from askcraft.campaign import Ledger, due_list, mark, run_campaign
from askcraft.testing import no_languagetool

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "campaign"
SENT = date(2026, 11, 2)


@pytest.fixture
def ledger(tmp_path: Path) -> Any:
    """A ledger with the plain-CSV example campaign (five people) drafted and sent on 2 November."""
    with no_languagetool():
        run_campaign(
            EXAMPLES / "contacts.csv",
            EXAMPLES / "ask.yaml",
            out=tmp_path / "spring",
            ledger=tmp_path / "l.sqlite3",
            today=date(2026, 11, 1),
            grammar=False,
        )
    with Ledger(tmp_path / "l.sqlite3") as opened:
        mark(opened, "sent", campaign="spring", on=SENT)
        yield opened


def names(items: list[campaign.DueItem]) -> list[tuple[str, str]]:
    return [(i.ask.name, i.step) for i in items]


def test_reminders_come_after_seven_days(ledger: Ledger) -> None:
    """Nothing is due six days on; everyone is due a first reminder on day seven."""
    assert due_list(ledger, today=date(2026, 11, 8)) == []
    due = due_list(ledger, today=date(2026, 11, 9))
    assert {step for _, step in names(due)} == {"reminder-1"}
    assert len(due) == 5
    upcoming = due_list(ledger, today=date(2026, 11, 3), upcoming=True)
    assert {i.due_on for i in upcoming} == {date(2026, 11, 9)}
    assert len(due_list(ledger, today=date(2026, 11, 9), after=14)) == 0


def test_never_after_a_reply_or_a_decline_and_at_most_two(ledger: Ledger) -> None:
    """A reply or a decline ends the reminders; after two reminders the ask rests."""
    mark(ledger, "replied", "Jordan Reyes", on=date(2026, 11, 4))
    mark(ledger, "declined", "priya@example.com", on=date(2026, 11, 5))
    mark(ledger, "reminded", "sam.lee@example.com", on=date(2026, 11, 9))
    due = due_list(ledger, today=date(2026, 11, 10))
    assert sorted(names(due)) == [("Aunt Rosa", "reminder-1"), ("Mateo García", "reminder-1")]
    later = due_list(ledger, today=date(2026, 11, 16))
    assert ("Sam Lee", "reminder-2") in names(later)
    mark(ledger, "reminded", "sam.lee@example.com", on=date(2026, 11, 16))
    assert "Sam Lee" not in [n for n, _ in names(due_list(ledger, today=date(2027, 1, 1)))]
    assert "Sam Lee" not in [n for n, _ in names(due_list(ledger, today=date(2027, 1, 1), upcoming=True))]


def test_whoever_helped_is_owed_a_thank_you(ledger: Ledger) -> None:
    """Help marks a thank-you as owed (first on its day) until one is marked sent."""
    mark(ledger, "helped", "Sam Lee", on=date(2026, 11, 9), help="introducing me to Priya")
    due = due_list(ledger, today=date(2026, 11, 9))
    assert names(due)[0] == ("Sam Lee", "thank-you")
    assert "introducing me to Priya" in due[0].why
    mark(ledger, "thanked", "Sam Lee", on=date(2026, 11, 10))
    assert "Sam Lee" not in [n for n, _ in names(due_list(ledger, today=date(2026, 12, 1)))]


def test_follow_ups_are_drafted_in_one_go_each_restating_its_ask(ledger: Ledger, tmp_path: Path) -> None:
    """Every reminder restates what that person was asked; the thank-you names what they did."""
    mark(
        ledger,
        "helped",
        "Sam Lee",
        on=date(2026, 11, 9),
        help="introducing me to Dana Cho",
        outcome="I have an interview",
    )
    today = date(2026, 11, 12)
    items = due_list(ledger, today=today)
    with no_languagetool():
        done = campaign.draft_follow_ups(ledger, items, out=tmp_path / "followups", today=today)
    assert not done.problems
    files = {e.name: (tmp_path / "followups" / e.file) for e in done.entries}
    assert files["Sam Lee"].name == "sam-lee-thank-you.eml"
    assert "Dana Cho" in files["Sam Lee"].read_text()
    priya = files["Priya Patel"].read_text()
    assert "someone" in priya  # Priya was asked for one name
    assert "two people" in files["Jordan Reyes"].read_text()
    assert (tmp_path / "followups" / "review.md").is_file()
    again = campaign.draft_follow_ups(ledger, items, out=tmp_path / "followups", today=today, grammar=False)
    assert len(again.entries) == len(done.entries)
    (sam,) = campaign.asks_of(ledger, "Sam Lee")
    assert [m.step for m in sam.messages] == ["request", "thank-you"]  # drafted twice, recorded once
    marked = mark(ledger, "sent", campaign="spring", on=today)
    assert sorted(marked.steps).count("reminder-1") == 4


def test_a_thank_you_without_what_they_did_says_how_to_add_it(ledger: Ledger, tmp_path: Path) -> None:
    """Help marked without --what: the thank-you is not drafted, and the message says what to run."""
    mark(ledger, "helped", "Sam Lee", on=date(2026, 11, 9))
    items = [i for i in due_list(ledger, today=date(2026, 11, 9)) if i.step == "thank-you"]
    done = campaign.draft_follow_ups(
        ledger, items, out=tmp_path / "f", today=date(2026, 11, 9), grammar=False
    )
    (problem,) = done.problems
    assert "askcraft ledger mark helped" in problem.message


def test_the_calendar_has_all_day_events_with_alarms_and_stable_uids(ledger: Ledger) -> None:
    """Each follow-up is an all-day VEVENT with a VALARM; the same ask gives the same UID every time."""
    items = due_list(ledger, today=date(2026, 11, 3), upcoming=True)
    first = campaign.follow_up_calendar(items, stamp=datetime(2026, 11, 3, tzinfo=UTC))
    second = campaign.follow_up_calendar(items, stamp=datetime(2026, 11, 4, tzinfo=UTC))
    events = icalendar.Calendar.from_ical(first).walk("VEVENT")
    later = icalendar.Calendar.from_ical(second).walk("VEVENT")
    assert len(events) == 5
    assert [str(e["uid"]) for e in events] == [str(e["uid"]) for e in later]
    assert all(int(b["sequence"]) > int(a["sequence"]) for a, b in zip(events, later, strict=True))
    event = events[0]
    assert event.decoded("dtstart") == date(2026, 11, 9)
    assert event.decoded("dtend") == date(2026, 11, 10)
    assert [c.name for c in event.subcomponents] == ["VALARM"]
    assert not icalendar.Calendar.from_ical(first).walk("VTODO")
    with_todos = icalendar.Calendar.from_ical(campaign.follow_up_calendar(items, todos=True))
    assert len(with_todos.walk("VTODO")) == 5
    assert {str(t["uid"]) for t in with_todos.walk("VTODO")}.isdisjoint(str(e["uid"]) for e in events)


def test_a_closed_ask_is_cancelled_in_the_calendar(ledger: Ledger) -> None:
    """After a reply, exporting again cancels that person's reminder event (same UID, CANCELLED)."""
    before = {i.ask.name: campaign.uid(i.ask, i.step) for i in due_list(ledger, today=SENT, upcoming=True)}
    mark(ledger, "replied", "Jordan Reyes", on=date(2026, 11, 4))
    closed = campaign.closed_steps(ledger.asks(), today=date(2026, 11, 5))
    cal = icalendar.Calendar.from_ical(campaign.follow_up_calendar([], cancelled=closed))
    (event,) = cal.walk("VEVENT")
    assert str(event["uid"]) == before["Jordan Reyes"]
    assert str(event["status"]) == "CANCELLED"


def test_a_hostile_name_cannot_leave_the_calendar_summary(ledger: Ledger) -> None:
    """A name that could end a line is refused before it reaches a SUMMARY (defence in depth)."""
    item = due_list(ledger, today=date(2026, 11, 9))[0]
    evil = campaign.DueItem(
        dataclass_replace(item.ask, name="Sam\r\nBEGIN:VEVENT"), item.step, item.due_on, item.why
    )
    with pytest.raises(campaign.LedgerError, match="refusing to write the calendar"):
        campaign.follow_up_calendar([evil])


def dataclass_replace(value: Any, **changes: Any) -> Any:
    import dataclasses  # noqa: PLC0415

    return dataclasses.replace(value, **changes)
