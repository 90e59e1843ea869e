"""Every example runs: each YAML intent through the API and the CLI, each script as a process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import askcraft
from askcraft._cli import main

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
INTENTS = sorted((EXAMPLES / "intents").glob("*.yaml"))
SCRIPTS = sorted(EXAMPLES.glob("*.py"))
CAMPAIGN = EXAMPLES / "campaign"
CONTACT_FILES = sorted(p for p in CAMPAIGN.iterdir() if p.name != "ask.yaml")


def test_there_are_examples_of_each_kind() -> None:
    """examples/ holds at least one intent for each kind and at least one script."""
    kinds = {askcraft.load_intent(path).kind for path in INTENTS}
    assert kinds == {"request", "reminder", "thank-you"}
    assert SCRIPTS


@pytest.mark.parametrize("path", INTENTS, ids=[p.name for p in INTENTS])
def test_intent_drafts_through_the_api(path: Path) -> None:
    """Each example intent loads and drafts a non-empty message that greets its recipient."""
    result = askcraft.draft(path, check=False)
    assert result.body
    assert result.intent.recipient.name.split()[0] in result.body
    assert "{{" not in result.body
    assert "{%" not in result.body


@pytest.mark.parametrize("path", INTENTS, ids=[p.name for p in INTENTS])
def test_intent_drafts_through_the_cli(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each example intent drafts from the command line with --no-input and exits 0."""
    code = main(["draft", "--intent", str(path), "--no-check", "--no-input"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out.strip() == askcraft.draft(path, check=False).to_text().strip()


@pytest.mark.slow
@pytest.mark.parametrize("script", SCRIPTS, ids=[p.name for p in SCRIPTS])
def test_script_runs(script: Path, tmp_path: Path) -> None:
    """Each example script runs from another folder, exits 0, prints something and no traceback."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        env=env,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip()
    assert "Traceback" not in proc.stderr


def test_there_is_an_example_of_each_contact_format() -> None:
    """examples/campaign/ holds LinkedIn, Google, Outlook, vCard, plain CSV and YAML contact files."""
    from askcraft.campaign import read_contacts  # noqa: PLC0415

    assert {read_contacts(p).format for p in CONTACT_FILES} == {
        "linkedin", "google", "outlook", "vcard", "csv", "yaml",
    }  # fmt: skip


@pytest.mark.parametrize("contacts", CONTACT_FILES, ids=[p.name for p in CONTACT_FILES])
def test_contact_file_drafts_a_campaign(
    contacts: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each example contact file drafts a message per contact through `askcraft campaign draft`."""
    monkeypatch.setenv("ASKCRAFT_LEDGER", str(tmp_path / "ledger.sqlite3"))
    monkeypatch.setenv("ASKCRAFT_LANGUAGETOOL", "off")
    out = tmp_path / "drafts"
    code = main(
        [
            "campaign",
            "draft",
            "--contacts",
            str(contacts),
            "--intent",
            str(CAMPAIGN / "ask.yaml"),
            "--out",
            str(out),
        ]
    )
    stdout, err = capsys.readouterr()
    assert code == 0, err
    assert "Traceback" not in err
    assert "in banking" in stdout
    drafted = [p for p in out.iterdir() if p.suffix in {".eml", ".txt"}]
    assert len(drafted) >= 3
    assert (out / "review.md").is_file()
