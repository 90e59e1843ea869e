"""Real processes on a real ledger file: a campaign killed half-way and run again, two writers at once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
ASK = REPO / "examples" / "campaign" / "ask.yaml"

pytestmark = pytest.mark.slow


def contacts(path: Path, n: int, prefix: str) -> Path:
    rows = "".join(f"{prefix} Person{i},{prefix.lower()}{i}@example.com,friend\n" for i in range(n))
    path.write_text("name,email,relationship\n" + rows, encoding="utf-8")
    return path


def start(tmp_path: Path, contacts_file: Path, out: str, ledger: Path) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "ASKCRAFT_LEDGER": str(ledger),
        "ASKCRAFT_LANGUAGETOOL": "off",
    }
    argv = [sys.executable, "-m", "askcraft", "campaign", "draft", "--contacts", str(contacts_file)]
    argv += ["--intent", str(ASK), "--out", out, "--no-grammar"]
    return subprocess.Popen(
        argv, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def count(ledger: Path, sql: str) -> int:
    if not ledger.exists():
        return 0
    conn = sqlite3.connect(f"file:{ledger}?mode=ro", uri=True, timeout=30)
    try:
        return int(conn.execute(sql).fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0
    finally:
        conn.close()


def test_a_campaign_killed_half_way_finishes_without_duplicates(tmp_path: Path) -> None:
    """SIGKILL mid-run, run again: every contact is drafted and recorded exactly once, one file each."""
    n = 400
    people = contacts(tmp_path / "people.csv", n, "Kill")
    ledger = tmp_path / "ledger.sqlite3"
    proc = start(tmp_path, people, "drafts", ledger)
    deadline = time.monotonic() + 240
    recorded = 0
    while time.monotonic() < deadline and proc.poll() is None:
        recorded = count(ledger, "SELECT count(*) FROM asks")
        if recorded > 0:
            break
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    assert 0 < recorded < n, f"the kill came at {recorded} of {n}: not half-way"
    after_kill = count(ledger, "SELECT count(*) FROM asks")
    assert after_kill < n
    second = start(tmp_path, people, "drafts", ledger)
    out, err = second.communicate(timeout=600)
    assert second.returncode == 0, err
    assert f"{after_kill} drafted by an earlier run" in out
    assert count(ledger, "SELECT count(*) FROM asks") == n
    assert count(ledger, "SELECT count(DISTINCT contact_id) FROM asks") == n
    assert count(ledger, "SELECT count(*) FROM contacts") == n
    assert count(ledger, "SELECT count(*) FROM messages WHERE step = 'request'") == n
    files = sorted(p.name for p in (tmp_path / "drafts").glob("*.eml"))
    assert len(files) == n
    assert not [f for f in files if f.endswith("-2.eml")]
    assert not list((tmp_path / "drafts").glob(".askcraft-*"))
    conn = sqlite3.connect(ledger)
    recorded_files = sorted(r[0] for r in conn.execute("SELECT file FROM messages"))
    conn.close()
    assert recorded_files == files


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    """Two campaigns at once, and the same campaign twice at once, on one ledger: every ask, once."""
    ledger = tmp_path / "ledger.sqlite3"
    a = contacts(tmp_path / "a.csv", 120, "Alpha")
    b = contacts(tmp_path / "b.csv", 120, "Beta")
    runs = [
        start(tmp_path, a, "alpha", ledger),
        start(tmp_path, b, "beta", ledger),
        start(tmp_path, b, "beta", ledger),
    ]
    for proc in runs:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
    assert count(ledger, "SELECT count(*) FROM campaigns") == 2
    assert count(ledger, "SELECT count(*) FROM contacts") == 240
    assert count(ledger, "SELECT count(*) FROM asks") == 240
    assert count(ledger, "SELECT count(*) FROM messages") == 240
    beta = "SELECT count(*) FROM asks a JOIN campaigns c ON c.id = a.campaign_id WHERE c.name = 'beta'"
    assert count(ledger, beta) == 120
    conn = sqlite3.connect(ledger)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_marks_from_two_processes_at_once_all_land(tmp_path: Path) -> None:
    """Two processes marking 60 different contacts each, at the same time: 120 events recorded."""
    ledger = tmp_path / "ledger.sqlite3"
    people = contacts(tmp_path / "p.csv", 120, "Mark")
    first = start(tmp_path, people, "d", ledger)
    first.communicate(timeout=600)
    assert first.returncode == 0
    script = (
        "import sys\nfrom datetime import date\nfrom askcraft.campaign import Ledger, mark\n"
        "with Ledger(sys.argv[1]) as ledger:\n"
        "    for i in range(int(sys.argv[2]), int(sys.argv[3])):\n"
        "        mark(ledger, 'sent', f'mark{i}@example.com', on=date(2026, 11, 2))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(ledger), lo, hi], env=env, stderr=subprocess.PIPE, text=True
        )
        for lo, hi in (("0", "60"), ("60", "120"))
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
    assert count(ledger, "SELECT count(*) FROM events WHERE kind = 'sent'") == 120
    assert count(ledger, "SELECT count(*) FROM messages WHERE sent_on IS NOT NULL") == 120
