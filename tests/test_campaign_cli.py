"""`askcraft campaign`, `ledger` and `due` as a user runs them: output, files, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from askcraft._cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "campaign"
ASK = str(EXAMPLES / "ask.yaml")
CSV = str(EXAMPLES / "contacts.csv")
DRAFT = ["campaign", "draft", "--contacts"]


@pytest.fixture(autouse=True)
def private_ledger(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own ledger (never the user's) and no LanguageTool."""
    path = tmp_path / "ledger.sqlite3"
    monkeypatch.setenv("ASKCRAFT_LEDGER", str(path))
    monkeypatch.setenv("ASKCRAFT_LANGUAGETOOL", "off")
    monkeypatch.chdir(tmp_path)
    return path


def test_the_whole_arc_from_the_command_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Draft, mark sent on a day, see who is due, mark a reply and help, draft follow-ups and a calendar."""
    conn = str(EXAMPLES / "Connections.csv")
    assert (
        main(["campaign", "draft", "--contacts", conn, "--intent", ASK, "--out", "drafts", "--no-grammar"])
        == 0
    )
    assert "Next: send them" in capsys.readouterr().out
    assert main(["ledger", "mark", "sent", "--campaign", "drafts", "--on", "2026-11-02"]) == 0
    assert "Marked 5 messages" in capsys.readouterr().out
    assert main(["due", "--today", "2026-11-05"]) == 0
    out = capsys.readouterr().out
    assert "Coming up (5)" in out
    assert "Due on 2026-11-05 (0)" not in out
    assert (
        main(["ledger", "mark", "replied", "https://www.linkedin.com/in/priyapatel/", "--on", "2026-11-04"])
        == 0
    )
    assert (
        main(
            ["ledger", "mark", "helped", "Sam Lee", "--what", "introducing me to Dana", "--on", "2026-11-08"]
        )
        == 0
    )
    capsys.readouterr()
    code = main(
        ["due", "--today", "2026-11-12", "--out", "followups", "--ics", "followups.ics", "--no-grammar"]
    )
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "Drafted 4 follow-up(s)" in out
    assert (tmp_path / "followups" / "sam-lee-thank-you.eml").is_file()
    assert (tmp_path / "followups.ics").read_bytes().count(b"BEGIN:VEVENT") == 4 + 2  # 2 cancelled
    assert main(["ledger", "show", "Sam Lee"]) == 0
    assert "helped" in capsys.readouterr().out
    assert main(["campaign", "list"]) == 0
    assert "drafts" in capsys.readouterr().out


def test_resume_prints_what_an_earlier_run_drafted(capsys: pytest.CaptureFixture[str]) -> None:
    """Run twice: the second run drafts nothing and says the first run's drafts were kept."""
    args = ["campaign", "draft", "--contacts", str(EXAMPLES / "contacts.vcf"), "--intent", ASK, "--out", "d"]
    assert main(args) == 0
    capsys.readouterr()
    assert main(args) == 0
    assert (
        "Drafted 0 messages into d/; 3 drafted by an earlier run kept as they were."
        in capsys.readouterr().out
    )


def test_export_and_forget(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """ledger export writes JSON or CSV; forget needs --yes without a terminal and then forgets."""
    main(["campaign", "draft", "--contacts", str(EXAMPLES / "contacts.yaml"), "--intent", ASK, "--out", "d"])
    capsys.readouterr()
    assert main(["ledger", "export"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["contacts"]) == 3
    assert main(["ledger", "export", "--format", "csv", "--out", "l.csv"]) == 0
    assert (tmp_path / "l.csv").read_text("utf-8-sig").startswith("campaign,name,email")
    assert main(["ledger", "forget", "Aunt Rosa"]) == 2
    assert "--yes" in capsys.readouterr().err
    assert main(["ledger", "forget", "Aunt Rosa", "--yes"]) == 0
    out = capsys.readouterr().out
    assert "Forgot Aunt Rosa" in out
    assert "aunt-rosa.txt" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([*DRAFT, "nope.csv", "--intent", ASK, "--out", "d"], "no such file"),
        ([*DRAFT, CSV, "--intent", "nope.yaml", "--out", "d"], "no such intent file"),
        ([*DRAFT, CSV, "--intent", ASK], "Missing option '--out'"),
        ([*DRAFT, CSV, "--intent", ASK, "--out", "d", "--map", "oops"], "COLUMN=FIELD"),
        (["campaign", "contacts", CSV, "--encoding", "klingon"], "unknown encoding"),
        (["ledger", "mark", "replied", "nobody@example.com"], "no contact"),
        (["ledger", "mark", "sent"], "name the contact"),
        (["ledger", "mark", "ghosted", "x"], "Invalid value"),
        (["due", "--after", "0"], "0 is not in the range"),
    ],
)  # fmt: skip
def test_bad_input_is_one_message_and_exit_2(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every mistake a user can make here is a short message on stderr and exit code 2, never a traceback."""
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_a_file_with_only_bad_rows_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Nothing drafted is exit 2, with every row's problem listed."""
    (tmp_path / "c.csv").write_text("name,relationship\nSam Lee,cousin\nAsha,pal\n", encoding="utf-8")
    assert main(["campaign", "draft", "--contacts", "c.csv", "--intent", ASK, "--out", "d"]) == 2
    err = capsys.readouterr().err
    assert "row 2 (Sam Lee): recipient.relationship" in err
    assert "nothing was drafted" in err


def test_a_broken_ledger_file_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A ledger path that is not a database is named; nothing is overwritten."""
    (tmp_path / "junk.db").write_text("not sqlite" * 100)
    assert main(["ledger", "show", "--ledger", "junk.db"]) == 2
    assert "not an askcraft ledger" in capsys.readouterr().err


def test_contacts_preview(capsys: pytest.CaptureFixture[str]) -> None:
    """`campaign contacts FILE` says how the file is read before anything is drafted."""
    assert main(["campaign", "contacts", str(EXAMPLES / "google-contacts.csv")]) == 0
    out = capsys.readouterr().out
    assert "Google Contacts CSV export (utf-8), 4 contacts" in out
    assert "E-mail 1 - Value → email" in out
