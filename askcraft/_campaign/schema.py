"""The ledger's schema, as numbered migrations applied in order (``PRAGMA user_version`` says how far).

A migration is never edited once released: a change is a new one at the end. Each runs inside
the transaction that checks the version, so two processes opening a new ledger at once apply it
once. A ledger from a newer askcraft (a version past the last migration) is refused, not guessed at.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from askcraft._errors import LedgerError

#: The migrations, oldest first; the ledger's version is how many have been applied.
MIGRATIONS: tuple[str, ...] = (
    # 1: contacts, campaigns, asks (one per contact and campaign), the messages drafted for each ask
    # (the request, reminders, the thank-you; sent_on once sent), and every mark as an event.
    """
    CREATE TABLE contacts (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        email TEXT,
        profile_url TEXT,
        created_at TEXT NOT NULL
    );
    CREATE INDEX contacts_email ON contacts (email);
    CREATE INDEX contacts_profile ON contacts (profile_url);
    CREATE TABLE campaigns (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        intent TEXT NOT NULL,
        intent_hash TEXT NOT NULL,
        out_dir TEXT
    );
    CREATE TABLE asks (
        id INTEGER PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
        contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        goal TEXT NOT NULL,
        channel TEXT NOT NULL,
        count INTEGER,
        ask TEXT NOT NULL,
        intent TEXT NOT NULL,
        UNIQUE (campaign_id, contact_id)
    );
    CREATE INDEX asks_contact ON asks (contact_id);
    CREATE TABLE messages (
        id INTEGER PRIMARY KEY,
        ask_id INTEGER NOT NULL REFERENCES asks (id) ON DELETE CASCADE,
        step TEXT NOT NULL,
        file TEXT,
        subject TEXT,
        body TEXT,
        findings TEXT NOT NULL DEFAULT '[]',
        message_hash TEXT,
        drafted_at TEXT,
        sent_on TEXT,
        UNIQUE (ask_id, step)
    );
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        ask_id INTEGER NOT NULL REFERENCES asks (id) ON DELETE CASCADE,
        kind TEXT NOT NULL
            CHECK (kind IN ('sent', 'reminded', 'replied', 'helped', 'declined', 'thanked')),
        on_date TEXT NOT NULL,
        help TEXT,
        outcome TEXT,
        gift TEXT,
        offered TEXT,
        note TEXT,
        recorded_at TEXT NOT NULL
    );
    CREATE INDEX events_ask ON events (ask_id);
    """,
)


def version_of(conn: sqlite3.Connection) -> int:
    """Return how many migrations the database has had."""
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(conn: sqlite3.Connection, *, where: str, migrations: Sequence[str] = MIGRATIONS) -> int:
    """Bring the database up to the last migration; return its version.

    *conn* must be in autocommit mode (``isolation_level=None``): each migration and the version
    bump commit together, under ``BEGIN IMMEDIATE`` so a second process waits, then sees the new
    version and does nothing.
    """
    if version_of(conn) == len(migrations):
        return len(migrations)
    conn.execute("BEGIN IMMEDIATE")
    try:
        current = version_of(conn)
        if current > len(migrations):
            raise LedgerError(
                f"{where}: this ledger was written by a newer askcraft (schema {current}; this one knows "
                f"{len(migrations)}); upgrade askcraft, or pass --ledger to use another file"
            )
        for number in range(current, len(migrations)):
            for statement in _statements(migrations[number]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number + 1}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return len(migrations)


def _statements(script: str) -> list[str]:
    """Split a migration into statements (``executescript`` would commit the open transaction)."""
    statements: list[str] = []
    buffer = ""
    for piece in script.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip(" \n;"):
        statements.append(buffer.strip())
    return [s for s in statements if s.strip(" \n;")]
