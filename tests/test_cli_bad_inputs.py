"""Every command, on every bad input: one clear message on stderr and exit 2, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

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
    message = "Error: standard output is closed; write the draft to a file with --out FILE"
    assert proc.stderr.strip() == message


def test_draft_with_stdout_closed_writes_to_out(tmp_path: Path) -> None:
    """--out needs no standard output."""
    out = tmp_path / "ask.txt"
    proc = _askcraft(*REQUEST, "--out", str(out), close="stdout")
    assert proc.returncode == 0, proc.stderr
    assert "banking" in out.read_text(encoding="utf-8")
