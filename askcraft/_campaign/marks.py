"""Marks on the ledger: a message sent, a reply, help, a decline, a thank-you; and forgetting a contact.

A contact is named the way a user knows them: their email, their profile URL or their name
(any case). ``sent`` marks the next drafted message of the contact's latest ask as sent, or,
with ``campaign=`` and no contact, every drafted message of the campaign not sent yet: the
import of a campaign's drafts as sent on a day.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from askcraft._campaign.ledger import Ledger, now
from askcraft._campaign.people import normalise_url
from askcraft._campaign.records import MARKS, Ask
from askcraft._errors import LedgerError


@dataclasses.dataclass(frozen=True)
class Marked:
    """What a mark changed: the asks it touched and the messages it marked sent (by step)."""

    kind: str
    on: date
    asks: tuple[Ask, ...]
    steps: tuple[str, ...] = ()


def find_contact(ledger: Ledger, contact: str) -> list[int]:
    """Return the ids of the contacts *contact* names: an email, a profile URL, a name, or a ledger key."""
    text = contact.strip()
    if not text:
        raise LedgerError("name a contact: their email, profile URL or name")
    folded = text.casefold()
    if "@" in text and " " not in text:
        rows = ledger.query("SELECT id FROM contacts WHERE email = ? OR key = ?", (folded, f"email:{folded}"))
    elif "/" in text and " " not in text:
        url = normalise_url(text)
        rows = ledger.query("SELECT id FROM contacts WHERE profile_url = ? OR key = ?", (url, f"url:{url}"))
    else:
        rows = ledger.query(
            "SELECT id FROM contacts WHERE key = ? OR lower(name) = ? OR name = ?",
            (text, " ".join(folded.split()), text),
        )
        if not rows:  # SQLite's lower() folds ASCII only: compare the rest here
            wanted = " ".join(folded.split())
            rows = [
                r for r in ledger.query("SELECT id, name FROM contacts") if r["name"].casefold() == wanted
            ]
    return [int(r["id"]) for r in rows]


def asks_of(ledger: Ledger, contact: str, campaign: str | None = None) -> list[Ask]:
    """Return the asks of the contact *contact* names (in *campaign*), oldest first; refuse ambiguity."""
    ids = find_contact(ledger, contact)
    if not ids:
        raise LedgerError(
            f"no contact {contact!r} in the ledger; `askcraft ledger show` lists who is in it "
            "(name them by email, profile URL or name)"
        )
    asks = ledger.asks(campaign=campaign, contact_ids=ids)
    people = {(a.contact_id, a.name, a.email or a.profile_url or "") for a in asks}
    if len(people) > 1:
        shown = "; ".join(f"{name} <{where}>" if where else name for _, name, where in sorted(people))
        raise LedgerError(
            f"{contact!r} names {len(people)} contacts ({shown}); name one by email or profile URL"
        )
    if not asks:
        where = f" in campaign {campaign!r}" if campaign else ""
        raise LedgerError(f"{contact!r} was never asked{where}; `askcraft ledger show` lists the asks")
    return asks


def mark(
    ledger: Ledger,
    kind: str,
    contact: str | None = None,
    *,
    campaign: str | None = None,
    on: date | None = None,
    help: str | None = None,
    outcome: str | None = None,
    gift: str | None = None,
    offered: str | None = None,
    note: str | None = None,
) -> Marked:
    """Mark the latest ask of *contact* (or, for ``sent``, every unsent draft of *campaign*)."""
    if kind not in MARKS:
        raise LedgerError(f"unknown mark {kind!r}; use one of {', '.join(MARKS)}")
    day = on or date.today()
    if contact is None:
        if kind != "sent" or campaign is None:
            raise LedgerError(
                f"name the contact to mark {kind}"
                + (" (or give --campaign to mark a whole campaign sent)" if kind == "sent" else "")
            )
        return _campaign_sent(ledger, campaign, day)
    ask = asks_of(ledger, contact, campaign)[-1]
    steps: list[str] = []
    with ledger.transaction() as conn:
        if kind in {"sent", "reminded", "thanked"}:
            step = _step_to_send(ask, kind)
            if kind == "reminded" and not ask.sent_on and step != "request":
                raise LedgerError(f"{ask.name}'s request is not marked sent yet; mark it sent first")
            if step is not None:
                if ask.sent_on and step == "request":
                    raise LedgerError(f"{ask.name}'s request was already marked sent on {ask.sent_on}")
                conn.execute(
                    "INSERT INTO messages (ask_id, step, sent_on) VALUES (?, ?, ?) "
                    "ON CONFLICT (ask_id, step) DO UPDATE SET sent_on = excluded.sent_on",
                    (ask.id, step, day.isoformat()),
                )
                steps.append(step)
        conn.execute(
            "INSERT INTO events (ask_id, kind, on_date, help, outcome, gift, offered, note, recorded_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (ask.id, kind, day.isoformat(), help, outcome, gift, offered, note, now()),
        )
    (updated,) = ledger.asks(contact_ids=[ask.contact_id], campaign=ask.campaign)
    return Marked(kind, day, (updated,), tuple(steps))


def _step_to_send(ask: Ask, kind: str) -> str | None:
    """Return the step a mark sends: the next drafted message, or a new reminder or thank-you."""
    unsent = [m.step for m in ask.messages if m.sent_on is None]
    if kind == "thanked":
        return "thank-you"
    if kind == "reminded":
        drafted = [s for s in unsent if s.startswith("reminder-")]
        return drafted[0] if drafted else f"reminder-{len(ask.reminders_sent) + 1}"
    if not ask.sent_on:
        return "request"
    if unsent:
        return unsent[0]
    raise LedgerError(
        f"{ask.name}: every drafted message of this ask is marked sent already; "
        "use `ledger mark reminded` or `ledger mark thanked` for a message you wrote yourself"
    )


def _campaign_sent(ledger: Ledger, campaign: str, day: date) -> Marked:
    asks = ledger.asks(campaign=campaign)
    if not asks:
        known = ", ".join(r["name"] for r in ledger.campaigns()) or "none yet"
        raise LedgerError(f"no campaign {campaign!r} in the ledger (campaigns: {known})")
    steps: list[str] = []
    touched: list[int] = []
    with ledger.transaction() as conn:
        for ask in asks:
            for message in ask.messages:
                if message.sent_on is None and message.file is not None:
                    conn.execute(
                        "UPDATE messages SET sent_on = ? WHERE ask_id = ? AND step = ?",
                        (day.isoformat(), ask.id, message.step),
                    )
                    conn.execute(
                        "INSERT INTO events (ask_id, kind, on_date, note, recorded_at)"
                        " VALUES (?, ?, ?, ?, ?)",
                        (ask.id, "sent", day.isoformat(), message.step, now()),
                    )
                    steps.append(message.step)
                    touched.append(ask.id)
    updated = tuple(a for a in ledger.asks(campaign=campaign) if a.id in set(touched))
    return Marked("sent", day, updated, tuple(steps))


@dataclasses.dataclass(frozen=True)
class Forgotten:
    """What ``forget`` removed: the contact's names, how many asks, and the files left on disk."""

    names: tuple[str, ...]
    asks: int
    files: tuple[str, ...]


def forget(ledger: Ledger, contact: str) -> Forgotten:
    """Remove a contact and everything recorded about them (asks, messages, marks) from the ledger."""
    ids = find_contact(ledger, contact)
    if not ids:
        raise LedgerError(f"no contact {contact!r} in the ledger; nothing to forget")
    asks = ledger.asks(contact_ids=ids)
    files = tuple(
        f"{out}/{m.file}" if (out := _out_dir(ledger, a.campaign)) else str(m.file)
        for a in asks
        for m in a.messages
        if m.file
    )
    marks = ",".join("?" * len(ids))  # placeholders only: the ids are bound, not formatted
    rows = ledger.query(f"SELECT name FROM contacts WHERE id IN ({marks})", ids)  # noqa: S608
    names = tuple(sorted({r["name"] for r in rows}))
    with ledger.transaction() as conn:
        conn.executemany("DELETE FROM contacts WHERE id = ?", [(i,) for i in ids])
    ledger.query("PRAGMA wal_checkpoint(TRUNCATE)")  # the log held the rows too
    return Forgotten(names, len(asks), files)


def _out_dir(ledger: Ledger, campaign: str) -> str | None:
    rows = ledger.query("SELECT out_dir FROM campaigns WHERE name = ?", (campaign,))
    return str(rows[0]["out_dir"]) if rows and rows[0]["out_dir"] else None
