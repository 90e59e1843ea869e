"""`askcraft check`: findings for a file or stdin, exit codes, and one-line errors for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from askcraft._cli import main

RUDE = "Hi Sam,\n\nSend me the names of ten people in banking ASAP!! I hate my job.\n\nAlex\n"
KIND = (
    "Hi Sam,\n\nI hope you're well. I'm moving from teaching into data analysis. Do you know two people "
    "in the field I could call? No worries at all if nobody comes to mind.\n\nThanks so much,\nAlex\n"
)


def _run(args: list[str], stdin: str | bytes | None = None) -> tuple[int, str, str]:
    runner = CliRunner()
    with runner.isolation(input=stdin) as (out, err, _):
        code = main(args)
        return code, out.getvalue().decode(), err.getvalue().decode()


@pytest.fixture
def rude(tmp_path: Path) -> Path:
    path = tmp_path / "rude.txt"
    path.write_text(RUDE, encoding="utf-8")
    return path


def test_findings_grouped_by_severity(rude: Path):
    """Text output lists warnings with rule ids and suggested rewrites, then a summary."""
    code, out, _ = _run(["check", str(rude), "--no-grammar"])
    assert code == 0
    assert "Warnings" in out
    assert "pressure.asap" in out
    assert "negativity.employer" in out
    assert "try: Could you send me the names of five people in banking?" in out  # one rewrite fixes all three


def test_strict_exits_1_on_warnings(rude: Path, tmp_path: Path):
    """--strict turns remaining warnings into exit 1; a clean message exits 0."""
    assert _run(["check", str(rude), "--no-grammar", "--strict"])[0] == 1
    clean = tmp_path / "kind.txt"
    clean.write_text(KIND, encoding="utf-8")
    code, out, _ = _run(["check", str(clean), "--no-grammar", "--strict"])
    assert code == 0, out


def test_json_output_and_disable(rude: Path):
    """--format json gives findings as data; --disable drops a rule by id and a group by prefix."""
    code, out, _ = _run(["check", str(rude), "--no-grammar", "--format", "json", "--disable", "pressure"])
    assert code == 0
    data = json.loads(out)
    rules = {f["rule"] for f in data["findings"]}
    assert "negativity.employer" in rules
    assert not any(r.startswith("pressure.") for r in rules)
    assert isinstance(data["politeness"], float)
    for finding in data["findings"]:
        assert RUDE[finding["offset"] : finding["offset"] + finding["length"]] or finding["length"] == 0


def test_stdin_and_channel_and_option():
    """'-' reads standard input; --option sets a threshold."""
    text = "Hi Sam, Alex here. Do you know ten people in banking I could call? No worries if not!"
    code, out, _ = _run(["check", "-", "--no-grammar", "--channel", "text", "--format", "json"], text)
    assert code == 0
    assert "ask-size.names" in {f["rule"] for f in json.loads(out)["findings"]}
    code, out, _ = _run(
        [
            "check",
            "-",
            "--no-grammar",
            "--channel",
            "text",
            "--format",
            "json",
            "--option",
            "ask-size.max_names=10",
        ],
        text,
    )
    assert "ask-size.names" not in {f["rule"] for f in json.loads(out)["findings"]}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"   \n\n", "is empty"),
        (b"\x00\x01\x02binary", "binary"),
        ("café".encode("latin-1"), "not UTF-8"),
        (b"Could you help? " * 70_000, "larger than 1 MB"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, content: bytes, message: str):
    """Empty, binary, non-UTF-8 and huge inputs give one clear line on stderr and exit 2."""
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    code, out, err = _run(["check", str(path), "--no-grammar"])
    assert code == 2
    assert message in err
    assert "Traceback" not in err + out
    assert len(err.strip().splitlines()) == 1


def test_missing_file_and_unknown_option(tmp_path: Path, rude: Path):
    """A missing file and an unknown --option are usage errors (exit 2), not tracebacks."""
    code, _, err = _run(["check", str(tmp_path / "nope.txt"), "--no-grammar"])
    assert code == 2
    assert "cannot read" in err
    code, _, err = _run(["check", str(rude), "--option", "nope=1"])
    assert code == 2
    assert "unknown option 'nope'" in err


def test_the_names_a_letter_greets_and_signs_with_are_not_typos():
    """With a real LanguageTool: "Hi Ngozi, ... Cheers, Efua" had "Efua" flagged as a spelling
    error, and `askcraft check` has no intent to learn names from."""
    letter = (
        "Hi Ngozi,\n\nI hope you're well. I'm moving from teaching into data analysis. Do you know two "
        "people in the field I could call? No worries at all if nobody comes to mind.\n\nCheers,\nEfua\n"
    )
    code, out, _ = _run(["check", "-", "--format", "json"], stdin=letter)
    assert code == 0, out
    flagged = [f for f in json.loads(out)["findings"] if f["rule"].startswith("spelling.")]
    assert flagged == [], flagged


def test_the_same_advice_is_given_once(tmp_path: Path):
    """Three stinging sentences in a thank-you get the guilt rule's advice once, then "as above"."""
    path = tmp_path / "thanks.txt"
    path.write_text(
        "Hi Jo,\n\nThanks for finally sending the names. Took you a while, but thanks. Marta introduced "
        "me to her whole team without being asked, but thanks for the one name anyway.\n\nSam\n",
        encoding="utf-8",
    )
    code, out, _ = _run(["check", str(path), "--kind", "thank-you", "--no-grammar"])
    assert code == 0
    assert out.count("pressure.guilt (line 3)") == 3
    assert out.count("Thank them plainly") == 1
    assert out.count("as above") == 2
    assert out.count("try: remove it") == 3  # each sentence still shows its own excerpt and rewrite
