"""The ledger: a real SQLite file (WAL, private, versioned), marks, export and forgetting."""

from __future__ import annotations

import json
import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest

from askcraft._campaign.ledger import Drafted
from askcraft._campaign.schema import migrate
from askcraft.campaign import Contact, Ledger, LedgerError, export_csv, export_json, forget, mark

INTENT = {
    "kind": "request",
    "goal": "job-leads",
    "industry": "banking",
    "count": 2,
    "channel": "email",
    "recipient": {"name": "Sam Lee", "relationship": "friend", "email": "sam@example.com"},
    "sender": {"name": "Alex Kim", "reason": "I want to work in finance"},
}


def drafted(contact: Contact, step: str = "request") -> Drafted:
    intent = {**INTENT, "recipient": {**INTENT["recipient"], "name": contact.name, "email": contact.email}}
    return Drafted(
        contact, intent, "two names in banking", step, f"{contact.name}.eml", "Hi", "Body", [], "h"
    )


def seeded(path: Path, *people: Contact) -> Ledger:
    ledger = Ledger(path)
    shared = {k: v for k, v in INTENT.items() if k != "recipient"}  # the ask, as a campaign stores it
    campaign_id = ledger.campaign("spring", shared, "abc", str(path.parent))
    ledger.record(campaign_id, [drafted(p) for p in people])
    return ledger


SAM = Contact(2, "Sam Lee", email="sam@example.com")
ASHA = Contact(3, "Asha Rao", profile_url="https://www.linkedin.com/in/asha")


def test_the_file_is_sqlite_in_wal_mode_private_and_versioned(tmp_path: Path) -> None:
    """The ledger is an SQLite file anyone can open: WAL journal, mode 0600, user_version = migrations."""
    path = tmp_path / "data" / "ledger.sqlite3"
    with seeded(path, SAM):
        pass
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT name, email FROM contacts").fetchall() == [("Sam Lee", "sam@example.com")]
    conn.close()


def test_migrations_apply_in_order_once(tmp_path: Path) -> None:
    """A later migration runs on a ledger made by an earlier askcraft, once; a newer ledger is refused."""
    conn = sqlite3.connect(tmp_path / "l.db", isolation_level=None)
    first = ("CREATE TABLE a (x INTEGER);",)
    assert migrate(conn, where="l.db", migrations=first) == 1
    both = (*first, "ALTER TABLE a ADD COLUMN y TEXT; CREATE TABLE b (z INTEGER);")
    assert migrate(conn, where="l.db", migrations=both) == 2
    assert migrate(conn, where="l.db", migrations=both) == 2
    assert [r[1] for r in conn.execute("PRAGMA table_info(a)")] == ["x", "y"]
    with pytest.raises(LedgerError, match="newer askcraft"):
        migrate(conn, where="l.db", migrations=first)


def test_a_failed_migration_leaves_the_version_alone(tmp_path: Path) -> None:
    """A migration that fails rolls back whole: no half-made table, the version unchanged."""
    conn = sqlite3.connect(tmp_path / "l.db", isolation_level=None)
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, where="l.db", migrations=("CREATE TABLE a (x); CREATE TABLE a (y);",))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0


def test_not_a_ledger_is_refused(tmp_path: Path) -> None:
    """A file that is not SQLite is named, not overwritten."""
    path = tmp_path / "notes.txt"
    path.write_text("my shopping list\n" * 100)
    with pytest.raises(LedgerError, match="not an askcraft ledger"):
        Ledger(path)
    assert path.read_text().startswith("my shopping list")


def test_env_var_names_the_default_ledger(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """ASKCRAFT_LEDGER points the default ledger elsewhere."""
    monkeypatch.setenv("ASKCRAFT_LEDGER", str(tmp_path / "mine.sqlite3"))
    with Ledger() as ledger:
        assert ledger.path == tmp_path / "mine.sqlite3"


def test_recording_again_does_not_duplicate(tmp_path: Path) -> None:
    """The same contact recorded twice in a campaign is one ask, one request."""
    with seeded(tmp_path / "l.db", SAM, ASHA) as ledger:
        ledger.record(ledger.campaign("spring", INTENT, "abc", None), [drafted(SAM)])
        asks = ledger.asks()
        assert [a.name for a in asks] == ["Sam Lee", "Asha Rao"]
        assert [len(a.messages) for a in asks] == [1, 1]


def test_a_contact_is_known_by_email_or_profile_across_files(tmp_path: Path) -> None:
    """Asha from a LinkedIn export (URL only) and from Google (email and URL) is one contact."""
    with seeded(tmp_path / "l.db", ASHA) as ledger:
        again = Contact(9, "Asha Rao", email="asha@example.com", profile_url="http://linkedin.com/in/asha/")
        assert ledger.resolve([again]) == {again.key: 1}


def test_marks_follow_an_ask(tmp_path: Path) -> None:
    """sent, replied, helped (with what they did) and thanked move the ask along; each is an event."""
    with seeded(tmp_path / "l.db", SAM) as ledger:
        done = mark(ledger, "sent", "sam@example.com", on=date(2026, 11, 2))
        assert done.steps == ("request",)
        assert done.asks[0].sent_on == date(2026, 11, 2)
        mark(ledger, "replied", "SAM LEE", on=date(2026, 11, 4))
        mark(
            ledger,
            "helped",
            "Sam Lee",
            on=date(2026, 11, 5),
            help="introducing me to Priya",
            outcome="an interview",
        )
        thanked = mark(ledger, "thanked", "sam@example.com", on=date(2026, 11, 6), offered="a coffee")
        (ask,) = thanked.asks
        assert ask.status == "thanked"
        assert [e.kind for e in ask.events] == ["sent", "replied", "helped", "thanked"]
        assert ask.event("helped").help == "introducing me to Priya"  # type: ignore[union-attr]
        assert ask.event("thanked").offered == "a coffee"  # type: ignore[union-attr]


def test_marking_a_whole_campaign_sent(tmp_path: Path) -> None:
    """With a campaign and no contact, every drafted message not sent yet is marked sent on the day."""
    with seeded(tmp_path / "l.db", SAM, ASHA) as ledger:
        done = mark(ledger, "sent", campaign="spring", on=date(2026, 11, 2))
        assert done.steps == ("request", "request")
        assert {a.sent_on for a in ledger.asks()} == {date(2026, 11, 2)}
        again = mark(ledger, "sent", campaign="spring", on=date(2026, 11, 3))
        assert again.steps == ()
        assert {a.sent_on for a in ledger.asks()} == {date(2026, 11, 2)}


def test_mark_errors_say_what_to_do(tmp_path: Path) -> None:
    """Unknown contacts, ambiguous names, a reminder before the request, an unknown campaign."""
    twin = Contact(4, "Sam Lee", email="other.sam@example.com")
    with seeded(tmp_path / "l.db", SAM, twin) as ledger:
        with pytest.raises(LedgerError, match="no contact 'nobody'"):
            mark(ledger, "replied", "nobody")
        with pytest.raises(LedgerError, match="names 2 contacts"):
            mark(ledger, "replied", "Sam Lee")
        with pytest.raises(LedgerError, match="not marked sent yet"):
            mark(ledger, "reminded", "sam@example.com")
        with pytest.raises(LedgerError, match="no campaign 'autumn'"):
            mark(ledger, "sent", campaign="autumn")
        with pytest.raises(LedgerError, match="unknown mark"):
            mark(ledger, "ghosted", "sam@example.com")


def test_export_json_and_csv(tmp_path: Path) -> None:
    """The export holds every contact, ask, message and mark; CSV cells cannot run as formulas."""
    evil = Contact(5, '=HYPERLINK("http://x","y")', email="evil@example.com")
    with seeded(tmp_path / "l.db", SAM, evil) as ledger:
        mark(ledger, "sent", "sam@example.com", on=date(2026, 11, 2))
        data = json.loads(export_json(ledger))
        assert [c["name"] for c in data["contacts"]] == ["Sam Lee", evil.name]
        assert data["contacts"][0]["asks"][0]["messages"][0]["sent_on"] == "2026-11-02"
        text = export_csv(ledger).decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    assert "\n=" not in text
    assert ",=" not in text


def test_forget_removes_the_contact_from_the_file(tmp_path: Path) -> None:
    """After forget, nothing about the person is left in the database file or its log."""
    path = tmp_path / "l.db"
    with seeded(path, SAM, ASHA) as ledger:
        mark(ledger, "sent", "sam@example.com", on=date(2026, 11, 2))
        gone = forget(ledger, "sam@example.com")
        assert gone.names == ("Sam Lee",)
        assert gone.asks == 1
        assert gone.files == (f"{tmp_path}/Sam Lee.eml",)
        assert [a.name for a in ledger.asks()] == ["Asha Rao"]
        with pytest.raises(LedgerError, match="nothing to forget"):
            forget(ledger, "sam@example.com")
    for file in tmp_path.glob("l.db*"):
        assert b"sam@example.com" not in file.read_bytes(), file
