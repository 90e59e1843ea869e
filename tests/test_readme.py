"""The README's two fresh-machine commands stay true, and CI runs exactly the test command."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## On a fresh machine", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", section, flags=re.S)


def test_readme_starts_with_two_commands():
    """The first section holds exactly two one-line commands: draft, then test."""
    commands = _commands()
    assert len(commands) == 2
    assert all("\n" not in c for c in commands)
    assert "askcraft draft request" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command():
    """.ci/run calls the README's test command verbatim."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert _commands()[1] in ci.splitlines()


@pytest.mark.languagetool
def test_readme_draft_command_drafts_a_real_request():
    """The drafting command (after its install step) prints a sendable request, grammar checked."""
    install, draft = _commands()[0].split(" && ", 1)
    assert install.startswith("python -m pip install")
    argv = shlex.split(draft)
    assert argv[:3] == ["python", "-m", "askcraft"]
    result = subprocess.run(
        [sys.executable, *argv[1:]], capture_output=True, text=True, cwd=ROOT, timeout=600, check=False
    )
    assert result.returncode == 0, result.stderr
    body = result.stdout
    assert "Sam" in body
    assert "three people" in body
    assert "banking" in body
    assert "Traceback" not in result.stderr
    assert "grammar.unavailable" not in result.stderr
