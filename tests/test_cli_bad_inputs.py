"""Every command, on every bad input: one clear message on stderr and exit 2, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from askcraft._cli import main

REPO = Path(__file__).resolve().parent.parent
CAMPAIGN_ASK = str(REPO / "examples" / "campaign" / "ask.yaml")
CAMPAIGN_CONTACTS = str(REPO / "examples" / "campaign" / "contacts.csv")

#: A complete request, checks off.
REQUEST = [
    "draft",
    "request",
    "--to",
    "Sam Lee",
    "--relationship",
    "friend",
    "--goal",
    "job-leads",
    "--industry",
    "banking",
    "--count",
    "3",
    "--from",
    "Alex Kim",
    "--reason",
    "I want to put my maths degree to work in finance",
    "--no-check",
]


def _askcraft(*argv: str, close: str = "") -> subprocess.CompletedProcess[str]:
    """Run `python -m askcraft ARGV` in a real process, with standard input and/or output closed."""
    redirect = {"": "", "stdin": "<&-", "stdout": ">&-"}[close]
    return subprocess.run(
        ["sh", "-c", f'exec "$@" {redirect}', "sh", sys.executable, "-m", "askcraft", *argv],
        stdout=subprocess.DEVNULL if close == "stdout" else subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        cwd=REPO,
        timeout=120,
        check=False,
    )


# -- standard input or output closed -------------------------------------------------------------


def test_draft_with_stdin_closed_lists_what_is_missing() -> None:
    """`askcraft draft request --to Sam <&-` cannot ask, so it lists the missing fields: exit 2."""
    proc = _askcraft("draft", "request", "--to", "Sam", close="stdin")
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "internal error" not in proc.stderr
    assert "--relationship" in proc.stderr
    assert "--from" in proc.stderr


def test_check_with_stdin_closed_says_how_to_give_the_message() -> None:
    """`askcraft check - <&-` is a usage error that says how to pass the message: exit 2."""
    proc = _askcraft("check", "-", "--no-grammar", close="stdin")
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip() == (
        "error: standard input is closed; pipe the message in (askcraft check - < note.txt) "
        "or give its file (askcraft check note.txt)"
    )


@pytest.mark.parametrize("fmt", ["text", "eml"])
def test_draft_with_stdout_closed_asks_for_out(fmt: str) -> None:
    """A draft with nowhere to go is refused before any work is done: exit 2, one line."""
    proc = _askcraft(*REQUEST, "--format", fmt, close="stdout")
    assert proc.returncode == 2, proc.stderr
    message = "error: standard output is closed; write the draft to a file with --out FILE"
    assert proc.stderr.strip() == message


def test_draft_with_stdout_closed_writes_to_out(tmp_path: Path) -> None:
    """--out needs no standard output."""
    out = tmp_path / "ask.txt"
    proc = _askcraft(*REQUEST, "--out", str(out), close="stdout")
    assert proc.returncode == 0, proc.stderr
    assert "banking" in out.read_text(encoding="utf-8")


# -- every command, every bad input --------------------------------------------------------------

#: Commands that read a file, folder or pack; "{}" is where the bad input goes.
FILE_COMMANDS: dict[str, list[str]] = {
    "draft --intent": ["draft", "--intent", "{}", "--no-check", "--no-input"],
    "draft --pack": [*REQUEST, "--pack", "{}", "--no-input"],
    "draft --out": [*REQUEST, "--out", "{}", "--no-input"],
    "check": ["check", "{}", "--no-grammar"],
    "packs show": ["packs", "show", "{}"],
    "packs lint": ["packs", "lint", "{}"],
    "packs test": ["packs", "test", "{}"],
    "packs install": ["packs", "install", "{}"],
    "packs remove": ["packs", "remove", "{}"],
    "packs new --dir": ["packs", "new", "fresh-pack", "--dir", "{}"],
    "schema intent --pack": ["schema", "intent", "--pack", "{}"],
    "campaign contacts": ["campaign", "contacts", "{}"],
    "campaign draft --contacts": [
        "campaign",
        "draft",
        "--contacts",
        "{}",
        "--intent",
        CAMPAIGN_ASK,
        "--out",
        "d",
    ],
    "campaign draft --intent": [
        "campaign",
        "draft",
        "--contacts",
        CAMPAIGN_CONTACTS,
        "--intent",
        "{}",
        "--out",
        "d",
    ],
    "ledger show --ledger": ["ledger", "show", "--ledger", "{}"],
    "due --ledger": ["due", "--ledger", "{}"],
}

#: Bad inputs: what to put on disk (None: nothing), and the name to pass.
BAD_INPUTS: dict[str, tuple[bytes | str | None, str]] = {
    "empty file": (b"", "empty.yaml"),
    "huge file": (b"a: " + b"x" * 2_000_000 + b"\n", "huge.yaml"),
    "binary file": (bytes(range(256)) * 4, "binary.yaml"),
    "latin-1 file": ("kind: request\nrecipient: {name: Zoë}\n".encode("latin-1"), "latin1.yaml"),
    "control characters": (b"PK\x03\x04garbage" * 10, "garbage.zip"),
    "a folder": ("folder", "folder"),
    "a missing file": (None, "missing.yaml"),
    "an empty name": (None, ""),
}

#: (command, input) pairs that are not bad: `draft --out` into a new file is fine, and so on.
NOT_BAD = {
    ("draft --out", "a missing file"),  # a new file to write
    ("draft --out", "empty file"),  # overwritten, like any output file
    ("draft --out", "huge file"),
    ("draft --out", "binary file"),
    ("draft --out", "latin-1 file"),
    ("draft --out", "control characters"),
    ("packs new --dir", "a folder"),  # a folder to create the pack in
    ("packs new --dir", "a missing file"),  # created, like mkdir -p
    ("ledger show --ledger", "a missing file"),  # a new ledger
    ("ledger show --ledger", "empty file"),  # SQLite's empty database
    ("due --ledger", "a missing file"),
    ("due --ledger", "empty file"),
}


@pytest.mark.parametrize(
    ("command", "bad"),
    [(command, bad) for command in FILE_COMMANDS for bad in BAD_INPUTS if (command, bad) not in NOT_BAD],
)
def test_every_command_refuses_every_bad_input_in_one_line(
    command: str,
    bad: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Empty, huge, binary, wrongly encoded, a folder, missing, "": one line on stderr, exit 2."""
    content, name = BAD_INPUTS[bad]
    monkeypatch.chdir(tmp_path)
    if content == "folder":
        (tmp_path / name).mkdir()
    elif isinstance(content, bytes):
        (tmp_path / name).write_bytes(content)
    argv = [name if part == "{}" else part for part in FILE_COMMANDS[command]]
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 2, err
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ")
    assert "internal error" not in err


#: Every command and group, as typed.
COMMANDS = [
    [],
    ["draft"],
    ["check"],
    ["schema"],
    ["schema", "intent"],
    ["packs"],
    *(["packs", sub] for sub in ("list", "show", "new", "lint", "test", "install", "remove")),
    ["languagetool"],
    *(["languagetool", sub] for sub in ("install", "start", "stop", "status", "path")),
    ["campaign"],
    *(["campaign", sub] for sub in ("contacts", "draft", "list")),
    ["ledger"],
    *(["ledger", sub] for sub in ("path", "show", "mark", "export", "forget")),
    ["due"],
]


GROUPS = [[], ["schema"], ["packs"], ["languagetool"], ["campaign"], ["ledger"]]


@pytest.mark.parametrize(
    "argv",
    [
        *([*command, "--bogus"] for command in COMMANDS),
        *([*command, "--format", "nope"] for command in COMMANDS),
        *([*group, "nonsense-command"] for group in GROUPS),
    ],
    ids=" ".join,
)
def test_unknown_flags_and_commands_are_one_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown flag, value or command says what is wrong and where the help is: one line, exit 2."""
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 2, err
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ")
    assert lines[0].endswith("--help'.")


def test_usage_errors_name_the_problem_and_the_help() -> None:
    """A typo in a flag suggests the right one, on one line."""
    proc = _askcraft("draft", "--strictt")
    assert proc.returncode == 2
    assert (
        proc.stderr
        == "error: No such option '--strictt'. Did you mean '--strict'? See 'askcraft draft --help'.\n"
    )


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("patience.min_days=abc", "patience.min_days must be a whole number like 7, not 'abc'"),
        ("politeness.min_score={a: [}", "politeness.min_score must be a number like -0.5, not '{a: [}'"),
    ],
)
def test_check_options_of_the_wrong_type(
    option: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A check option whose value is not of its type is refused before anything runs."""
    assert main(["check", "-", "--no-grammar", "--option", option]) == 2
    assert message in capsys.readouterr().err


def test_check_refuses_text_with_control_characters(tmp_path: Path) -> None:
    """A file with control characters (a zip, a terminal dump) is not a message."""
    path = tmp_path / "note.txt"
    path.write_bytes(b"PK\x03\x04 Hi Sam, could you help?")
    proc = _askcraft("check", str(path), "--no-grammar")
    assert proc.returncode == 2
    assert proc.stderr == f"error: {path} looks like a binary file; give a plain-text message.\n"


def test_a_flag_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    """A flag value with bytes the terminal could not decode names the flag."""
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "askcraft",
            *REQUEST[:3],
            "Sam\udcff".encode("utf-8", "surrogateescape"),
            *REQUEST[4:],
        ],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 2
    assert b"--to: must be UTF-8 text" in proc.stderr


def test_out_into_a_folder_that_cannot_be_written(tmp_path: Path) -> None:
    """--out where no file can be made (here /proc) is one line and exit 2, not an internal error."""
    proc = _askcraft(*REQUEST, "--out", "/proc/askcraft-draft.txt")
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith(
        "error: Could not open file '/proc/askcraft-draft.txt': cannot write in /proc"
    )


@pytest.mark.parametrize("group", GROUPS, ids=lambda g: " ".join(["askcraft", *g]))
def test_a_group_alone_prints_its_help(group: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """`askcraft` or `askcraft packs` with no command shows the group's help (the commands it has)."""
    code = main(group)
    _, err = capsys.readouterr()
    assert code == 2
    assert err.startswith(f"Usage: askcraft {' '.join(group)}".rstrip() + " [OPTIONS] COMMAND [ARGS]...")
    assert "Commands:" in err
