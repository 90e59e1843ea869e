"""The ledger: who was asked what and when, and what came of it, in one SQLite file on this machine.

It lives in the user's data folder (``ASKCRAFT_LEDGER`` or ``--ledger`` name another file) and
never leaves the machine. The file is private to its owner (mode 0600), in WAL mode so readers
never block a writer, and every write is one ``BEGIN IMMEDIATE`` transaction that waits up to
``BUSY_SECONDS`` for another process's: two campaigns recording at once both land. Deleted
rows are overwritten (``secure_delete``), so ``forget`` forgets.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from askcraft._campaign.people import Contact, normalise_url
from askcraft._campaign.records import Ask, Event, Message
from askcraft._campaign.schema import migrate
from askcraft._errors import LedgerError

ENV_LEDGER = "ASKCRAFT_LEDGER"
#: How long a write waits for another process's transaction before giving up.
BUSY_SECONDS = 60.0
#: Ids per ``IN (...)`` list (SQLite allows 999 variables in older builds).
_CHUNK = 500


def default_ledger_path() -> Path:
    """Return where the ledger lives: ``$ASKCRAFT_LEDGER``, else ``ledger.sqlite3`` in the data folder."""
    configured = os.environ.get(ENV_LEDGER)
    if configured:
        return Path(configured).expanduser()
    import platformdirs  # noqa: PLC0415

    return Path(platformdirs.user_data_dir("askcraft", appauthor=False)) / "ledger.sqlite3"


def now() -> str:
    """Return the current time as the ledger writes it (UTC, ISO 8601, seconds)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@dataclasses.dataclass(frozen=True)
class Drafted:
    """A message drafted for one contact, to record: the ask it belongs to and the message itself."""

    contact: Contact | None
    intent: dict[str, Any]
    ask: str
    step: str
    file: str | None
    subject: str | None
    body: str
    findings: list[dict[str, Any]]
    message_hash: str


class Ledger:
    """The ledger file, open. Use as a context manager, or call ``close()``."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_ledger_path()
        where = str(self.path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            if not self.path.exists():
                os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
            self._conn = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise LedgerError(f"{where}: cannot open the ledger ({exc})") from None
        self._conn.row_factory = sqlite3.Row
        deadline = time.monotonic() + BUSY_SECONDS
        while True:
            try:
                self._set_up(where)
                break
            except sqlite3.OperationalError as exc:
                # Another process setting up the same new ledger may hold a lock SQLite does not wait
                # for (it answers "locked" at once where waiting could deadlock): wait here.
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    self._conn.close()
                    raise LedgerError(f"{where}: the ledger is busy ({exc}); try again") from None
                time.sleep(0.05)
            except sqlite3.DatabaseError as exc:
                self._conn.close()
                raise LedgerError(
                    f"{where}: not an askcraft ledger ({exc}); pass --ledger to use another file"
                ) from None

    def _set_up(self, where: str) -> None:
        """Set the connection's pragmas and bring the schema up to date."""
        self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.execute("PRAGMA synchronous = NORMAL")
        self._conn.execute("PRAGMA foreign_keys = ON")
        self._conn.execute("PRAGMA secure_delete = ON")
        self.version = migrate(self._conn, where=where)

    def close(self) -> None:
        """Close the file (a WAL checkpoint folds the log back into it)."""
        self._conn.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run a block as one write transaction, waiting for other writers first."""
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise LedgerError(f"{self.path}: the ledger is busy ({exc}); try again") from None
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        """Return the rows of a read query."""
        return list(self._conn.execute(sql, params))

    # -- campaigns ---------------------------------------------------------------------------------

    def campaign(self, name: str, intent: dict[str, Any], intent_hash: str, out_dir: str | None) -> int:
        """Return the id of campaign *name*, creating it the first time."""
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO campaigns (name, created_at, intent, intent_hash, out_dir)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING",
                (name, now(), json.dumps(intent, default=str), intent_hash, out_dir),
            )
            row = conn.execute("SELECT id FROM campaigns WHERE name = ?", (name,)).fetchone()
        return int(row["id"])

    def campaign_hash(self, name: str) -> str | None:
        """Return the hash of the intent campaign *name* was drafted from, or None if it is new."""
        rows = self.query("SELECT intent_hash FROM campaigns WHERE name = ?", (name,))
        return str(rows[0]["intent_hash"]) if rows else None

    def campaigns(self) -> list[sqlite3.Row]:
        """Return each campaign with how many asks it holds and how many were sent."""
        return self.query(
            "SELECT c.name, c.created_at, c.out_dir, COUNT(a.id) AS asks, "
            "SUM(CASE WHEN m.sent_on IS NOT NULL THEN 1 ELSE 0 END) AS sent "
            "FROM campaigns c LEFT JOIN asks a ON a.campaign_id = c.id "
            "LEFT JOIN messages m ON m.ask_id = a.id AND m.step = 'request' "
            "GROUP BY c.id ORDER BY c.created_at, c.name"
        )

    # -- contacts and asks -------------------------------------------------------------------------

    def _contact_id(self, conn: sqlite3.Connection, contact: Contact) -> int:
        email = contact.email.casefold() if contact.email else None
        url = normalise_url(contact.profile_url) if contact.profile_url else None
        known = self.resolve([contact]).get(contact.key)
        if known is None:
            cursor = conn.execute(
                "INSERT INTO contacts (key, name, email, profile_url, created_at) VALUES (?, ?, ?, ?, ?)",
                (contact.key, contact.name, email, url, now()),
            )
            return int(cursor.lastrowid or 0)
        conn.execute(
            "UPDATE contacts SET name = ?, email = COALESCE(email, ?), profile_url = COALESCE(profile_url, ?)"
            " WHERE id = ?",
            (contact.name, email, url, known),
        )
        return known

    def record(self, campaign_id: int, drafted: Sequence[Drafted]) -> None:
        """Record drafted requests, all or none: each contact's ask in this campaign and its message.

        Recording a contact's ask again (a campaign run again with ``redraft``) replaces the draft
        of a message not sent yet; a sent message is never changed.
        """
        with self.transaction() as conn:
            for item in drafted:
                if item.contact is None:
                    raise ValueError("a drafted request needs its contact")
                contact_id = self._contact_id(conn, item.contact)
                intent = json.dumps(item.intent, default=str)
                conn.execute(
                    "INSERT INTO asks"
                    " (campaign_id, contact_id, created_at, goal, channel, count, ask, intent)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (campaign_id, contact_id) DO UPDATE SET"
                    " goal = excluded.goal, channel = excluded.channel, count = excluded.count,"
                    " ask = excluded.ask, intent = excluded.intent",
                    (
                        campaign_id,
                        contact_id,
                        now(),
                        item.intent["goal"],
                        item.intent.get("channel") or "email",
                        item.intent.get("count"),
                        item.ask,
                        intent,
                    ),
                )
                ask_id = conn.execute(
                    "SELECT id FROM asks WHERE campaign_id = ? AND contact_id = ?", (campaign_id, contact_id)
                ).fetchone()["id"]
                self._message(conn, int(ask_id), item)

    def record_follow_ups(self, drafted: Sequence[tuple[int, Drafted]]) -> None:
        """Record drafted follow-ups (reminders, thank-yous) of existing asks, by ask id."""
        with self.transaction() as conn:
            for ask_id, item in drafted:
                self._message(conn, ask_id, item)

    @staticmethod
    def _message(conn: sqlite3.Connection, ask_id: int, item: Drafted) -> None:
        conn.execute(
            "INSERT INTO messages (ask_id, step, file, subject, body, findings, message_hash, drafted_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (ask_id, step) DO UPDATE SET file = excluded.file,"
            " subject = excluded.subject, body = excluded.body, findings = excluded.findings,"
            " message_hash = excluded.message_hash, drafted_at = excluded.drafted_at"
            " WHERE messages.sent_on IS NULL",
            (
                ask_id,
                item.step,
                item.file,
                item.subject,
                item.body,
                json.dumps(item.findings),
                item.message_hash,
                now(),
            ),
        )

    # -- reading asks ------------------------------------------------------------------------------

    def asks(
        self,
        *,
        campaign: str | None = None,
        contact_ids: Sequence[int] | None = None,
    ) -> list[Ask]:
        """Return asks with their messages and events, oldest first, narrowed by campaign or contact."""
        if contact_ids is not None and len(contact_ids) > _CHUNK:
            found = [
                ask
                for start in range(0, len(contact_ids), _CHUNK)
                for ask in self.asks(campaign=campaign, contact_ids=contact_ids[start : start + _CHUNK])
            ]
            return sorted(found, key=lambda a: (a.created_at, a.id))
        if contact_ids is not None and not contact_ids:
            return []
        where: list[str] = []
        params: list[Any] = []
        if campaign is not None:
            where.append("c.name = ?")
            params.append(campaign)
        if contact_ids is not None:
            where.append(f"p.id IN ({','.join('?' * len(contact_ids))})")
            params += list(contact_ids)
        sql = (
            "SELECT a.*, c.name AS campaign, p.key, p.name, p.email, p.profile_url, p.id AS contact_id "
            "FROM asks a JOIN campaigns c ON c.id = a.campaign_id JOIN contacts p ON p.id = a.contact_id"
            + (f" WHERE {' AND '.join(where)}" if where else "")
            + " ORDER BY a.created_at, a.id"
        )
        rows = self.query(sql, params)
        if not rows:
            return []
        ids = [int(r["id"]) for r in rows]
        messages: dict[int, list[Message]] = {i: [] for i in ids}
        events: dict[int, list[Event]] = {i: [] for i in ids}
        for chunk in range(0, len(ids), _CHUNK):
            part = ids[chunk : chunk + _CHUNK]
            marks = ",".join("?" * len(part))  # placeholders only: the ids are bound, not formatted
            for m in self.query(f"SELECT * FROM messages WHERE ask_id IN ({marks}) ORDER BY id", part):  # noqa: S608
                messages[int(m["ask_id"])].append(Message.from_row(m))
            for e in self.query(f"SELECT * FROM events WHERE ask_id IN ({marks}) ORDER BY id", part):  # noqa: S608
                events[int(e["ask_id"])].append(Event.from_row(e))
        return [Ask.from_row(r, tuple(messages[int(r["id"])]), tuple(events[int(r["id"])])) for r in rows]

    def resolve(self, contacts: Sequence[Contact]) -> dict[str, int]:
        """Return the ledger's id of each contact it knows (by key, email or profile URL), by contact key."""
        found: dict[str, int] = {}
        for contact in contacts:
            email = contact.email.casefold() if contact.email else None
            url = normalise_url(contact.profile_url) if contact.profile_url else None
            row = self._conn.execute(
                "SELECT id FROM contacts WHERE key = ? OR (email IS NOT NULL AND email = ?)"
                " OR (profile_url IS NOT NULL AND profile_url = ?) ORDER BY id LIMIT 1",
                (contact.key, email, url),
            ).fetchone()
            if row is not None:
                found[contact.key] = int(row["id"])
        return found
