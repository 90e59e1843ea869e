"""A broken YAML file is reported where the problem starts (the opening quote or bracket), not at its end."""

from __future__ import annotations

from pathlib import Path

import pytest
from packkit import make_pack

import askcraft
from askcraft._cli import main
from askcraft._errors import IntentError
from askcraft._packs.pack import load_pack
from askcraft._yaml import parse_yaml

#: An intent whose quote on line 2 is never closed; PyYAML notices only at the end of the file.
UNCLOSED_QUOTE = """\
kind: request
goal: "job-leads
industry: banking
count: 3
recipient: {name: Sam Lee, relationship: friend}
sender: {name: Alex Kim, reason: I want to work with numbers}
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (UNCLOSED_QUOTE, 'line 2: the quote (") at column 7 is never closed (the file ends first)'),
        ("a: 'x\nb: 2\n", "line 1: the quote (') at column 4 is never closed (the file ends first)"),
        (
            'a: "x\n---\nb: 1\n',
            'line 1: the quote (") at column 4 is never closed (at line 2, column 1: '
            "found unexpected document separator)",
        ),
        (
            "a: [1, 2\nb: 3\nc: 4\n",
            "line 1: the '[' at column 4 is never closed "
            "(at line 2, column 2: expected ',' or ']', but got ':')",
        ),
        ("a: 1\nb: [1,\n  2\n", "line 2: the '[' at column 4 is never closed (the file ends first)"),
        (
            "a: {x: 1\nb: 3\n",
            "line 1: the '{' at column 4 is never closed "
            "(at line 2, column 2: expected ',' or '}', but got ':')",
        ),
        (
            "reason: I want: numbers\n",
            "line 1: mapping values are not allowed here "
            "(column 15; a ':' inside a value? put the value in quotes)",
        ),
        (
            "recipient:\n  name: Sam\n relationship: friend\n",
            "line 3: this line is not indented like the lines above it (column 2)",
        ),
        ("a: 1\n\tb: 2\n", "line 2: a tab; indent YAML with spaces, not tabs (column 1)"),
        ('a: "\\q"\n', "line 1: found unknown escape character 'q' (column 6)"),
        ("a: 1\na: 2\n", "line 2: duplicate key 'a' (column 1)"),
    ],
)
def test_the_error_names_the_line_where_the_problem_starts(text: str, expected: str) -> None:
    """Each YAML mistake is reported at the line (and column) a reader must fix."""
    with pytest.raises(IntentError) as info:
        parse_yaml(text, source="f.yaml")
    assert str(info.value) == f"f.yaml, {expected}"


def test_an_intent_file_with_an_unclosed_quote(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """`askcraft draft --intent` and load_intent name line 2, where the quote opens."""
    path = tmp_path / "ask.yaml"
    path.write_text(UNCLOSED_QUOTE, encoding="utf-8")
    expected = f'{path}, line 2: the quote (") at column 7 is never closed (the file ends first)'
    with pytest.raises(askcraft.IntentError) as info:
        askcraft.load_intent(path)
    assert str(info.value) == expected
    assert main(["draft", "--intent", str(path), "--no-input", "--no-check"]) == 2
    assert capsys.readouterr().err == f"error: {expected}\n"


def test_a_pack_manifest_with_an_unclosed_quote(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A pack.yaml whose description never closes its quote is reported at that line, with the line number."""
    root = make_pack(tmp_path, "quoted")
    manifest = root / "pack.yaml"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    assert lines[2].startswith("description:")
    lines[2] = 'description: "A pack for tests.'
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(askcraft.PackError) as info:
        load_pack(root)
    assert info.value.line == 3
    assert 'line 3: the quote (") at column 14 is never closed' in str(info.value)
    assert main(["packs", "lint", str(root)]) == 2
    assert 'line 3: the quote (") at column 14 is never closed' in capsys.readouterr().out


def test_tone_rules_with_an_unclosed_bracket(tmp_path: Path) -> None:
    """A pack's tone rules file names the line where its '[' opens."""
    root = make_pack(tmp_path, tone_rules="tone.yaml")
    (root / "tone.yaml").write_text(
        "rules:\n  pressure.x:\n    phrases: [right now, at once\n    message: m\n"
        "    examples: {flag: [x], pass: [y]}\n",
        encoding="utf-8",
    )
    with pytest.raises(askcraft.PackError) as info:
        _ = load_pack(root).tone_rules
    assert "tone.yaml, line 3: the '[' at column 14 is never closed" in str(info.value)
