"""``askcraft draft``: every missing and invalid field in one round, each bad value blamed on its source."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from askcraft._cli import main

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "intents" / "request-job-leads.yaml"


def _bad(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Run a command that must fail as bad input: exit 2, the message on stderr, nothing on stdout."""
    code = main([*argv, "--no-check", "--no-input"])
    out, err = capsys.readouterr()
    assert code == 2, err
    assert out == ""
    assert "Traceback" not in err
    return err


def _lines(err: str) -> list[str]:
    return [line.strip() for line in err.strip().splitlines()[1:]]


# -- one round -------------------------------------------------------------------------------------


def test_a_bare_request_lists_everything_it_needs(capsys: pytest.CaptureFixture[str]) -> None:
    """`draft request --no-input` names every field a request needs, and what each goal adds."""
    err = _bad(capsys, "draft", "request")
    assert err.startswith("error: missing 5 fields; pass them as flags:\n")
    assert _lines(err) == [
        "goal (--goal): job-leads, introduction, informational-interview, referral, advice or favour",
        "recipient.name (--to)",
        "recipient.relationship (--relationship): friend, family, former-colleague, colleague, mentor, "
        "acquaintance or alumni",
        "sender.name (--from)",
        "sender.reason (--reason)",
        "and, depending on the goal:",
        "for goal job-leads: count (--count); industry or role or company "
        "(--industry or --role or --company)",
        "for goal introduction or informational-interview or advice: industry or role or company "
        "(--industry or --role or --company)",
        "for goal referral: company or recipient.company (--company or --recipient-company)",
        "for goal favour: details (--details)",
    ]


def test_giving_what_was_listed_is_enough(capsys: pytest.CaptureFixture[str]) -> None:
    """After one round, giving exactly the fields listed for the chosen goal drafts: no second round."""
    _bad(capsys, "draft", "request")
    code = main(
        [
            *("draft", "request", "--goal", "job-leads", "--to", "Sam Lee", "--relationship", "friend"),
            *("--from", "Alex Kim", "--reason", "I want to work with numbers", "--count", "3"),
            *("--industry", "banking", "--no-check", "--no-input"),
        ]
    )
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "three people in banking" in out


def test_without_a_kind_what_each_kind_and_goal_adds_is_listed(capsys: pytest.CaptureFixture[str]) -> None:
    """With neither kind nor goal, the fields every message needs come first, then what each adds."""
    err = _bad(capsys, "draft")
    assert err.startswith("error: missing 5 fields;")
    lines = _lines(err)
    assert lines[0] == "kind (KIND): request, reminder or thank-you"
    assert "and, depending on the kind and goal:" in lines
    assert "for a request: sender.reason (--reason)" in lines
    assert "for a thank-you: help (--what-they-did)" in lines
    assert "for a request or a reminder, goal favour: details (--details)" in lines


def test_a_known_goal_lists_only_what_it_needs(capsys: pytest.CaptureFixture[str]) -> None:
    """With kind and goal given, the list is exactly what that message lacks, nothing conditional."""
    err = _bad(capsys, "draft", "request", "--goal", "favour", "--to", "Sam", "--relationship", "friend")
    assert _lines(err) == ["sender.name (--from)", "sender.reason (--reason)", "details (--details)"]


def test_missing_and_invalid_fields_come_in_the_same_round(capsys: pytest.CaptureFixture[str]) -> None:
    """The README's promise: missing fields and invalid values are listed together, once."""
    err = _bad(
        capsys,
        *("draft", "request", "--goal", "job-leads", "--to", "Sam", "--relationship", "friend"),
        *("--from", "Alex", "--count", "0", "--language", "english!"),
    )
    assert err.startswith("error: missing 2 fields and 2 invalid values; fix them all and run again:\n")
    assert _lines(err) == [
        "sender.reason (--reason)",
        "industry or role or company (--industry or --role or --company)",
        "--count: must be greater than or equal to 1 (got 0)",
        "--language: must be a BCP 47 language tag such as 'en-US' or 'en-GB' (got 'english!')",
    ]


def test_an_unknown_goal_in_a_file_says_the_rest_depends_on_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A goal askcraft does not know is refused, and what each real goal needs is listed with it."""
    path = tmp_path / "ask.yaml"
    text = EXAMPLE.read_text(encoding="utf-8").replace("goal: job-leads", "goal: money")
    path.write_text(text.replace("industry: banking", ""), encoding="utf-8")
    err = _bad(capsys, "draft", "--intent", str(path))
    lines = _lines(err)
    assert lines[0].startswith(f"{path}: goal: must be 'job-leads', ")
    assert lines[0].endswith("(got 'money')")
    assert "and, depending on the goal:" in lines


# -- whose value is bad ----------------------------------------------------------------------------


def test_a_bad_flag_is_blamed_on_the_flag_not_the_file(capsys: pytest.CaptureFixture[str]) -> None:
    """An over-long --to with a good intent file names --to, and never calls the file invalid."""
    err = _bad(capsys, "draft", "--intent", str(EXAMPLE), "--to", "S" * 130)
    assert err == (
        "error: 1 invalid value; fix them all and run again:\n  --to: must be at most 120 characters\n"
    )


def test_each_bad_value_names_where_it_came_from(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A bad value from the file names the file and field; one from a flag names the flag."""
    path = tmp_path / "ask.yaml"
    path.write_text(EXAMPLE.read_text(encoding="utf-8").replace("count: 3", "count: 99"), encoding="utf-8")
    err = _bad(capsys, "draft", "--intent", str(path), "--to-email", "sam-at-example", "--set", "mood=calm")
    assert _lines(err) == [
        "--to-email: must be an email address like sam@example.com (got 'sam-at-example')",
        f"{path}: count: must be less than or equal to 20 (got 99)",
        "--set mood: no pack in use declares this field (declared: none)",
    ]


def test_a_flag_overrides_a_bad_value_in_the_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Flags win over the file, so a flag can fix the file's bad value."""
    path = tmp_path / "ask.yaml"
    path.write_text(EXAMPLE.read_text(encoding="utf-8").replace("count: 3", "count: 0"), encoding="utf-8")
    code = main(["draft", "--intent", str(path), "--count", "2", "--no-check", "--no-input"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "two people" in out


# -- at a terminal ---------------------------------------------------------------------------------


def _at_a_terminal(monkeypatch: pytest.MonkeyPatch, argv: list[str], answers: str) -> tuple[int, str, str]:
    runner = CliRunner()
    with runner.isolation(input=answers) as (out, err, _):
        monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
        code = main(argv)
    return code, out.getvalue().decode(), err.getvalue().decode()


def test_a_terminal_asks_for_the_missing_and_the_refused_in_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each missing field and refused flag value is asked once, in order; only a bad answer is re-asked."""
    answers = "job-leads\nSam Lee\nfriend\nAlex\nI love numbers\n99\n4\nbanking\n"
    code, out, err = _at_a_terminal(monkeypatch, ["draft", "request", "--count", "0", "--no-check"], answers)
    assert code == 0, err
    assert "four people in banking" in out
    assert "The count from --count was refused: must be greater than or equal to 1 (got 0)." in err
    questions = [line for line in err.splitlines() if line.endswith("?") or "?  (" in line]
    assert [q.split("?")[0] for q in questions] == [
        "What are you asking for",
        "Who are you writing to",
        "How do you know them",
        "Your name",
        "Why are you making this change",
        "How many names are you asking for",
        "Which industry",
    ]
    assert err.count("  count:") == 2  # 99 was refused, 4 accepted


def test_a_terminal_does_not_ask_when_a_question_cannot_help(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """An unknown field in the file cannot be answered away: everything is listed at once, no questions."""
    path = tmp_path / "ask.yaml"
    path.write_text("kind: request\nfavourite_colour: blue\n", encoding="utf-8")
    code, _, err = _at_a_terminal(monkeypatch, ["draft", "--intent", str(path), "--no-check"], "")
    assert code == 2
    assert "?" not in err.split("\n", 1)[0]
    assert f"{path}: favourite_colour: unknown field" in err
    assert "recipient.name (--to)" in err


def test_the_example_in_the_docs_is_what_askcraft_prints(capsys: pytest.CaptureFixture[str]) -> None:
    """docs/cli.md shows the real output of its missing-fields example."""
    import shlex  # noqa: PLC0415

    doc = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    block = doc.split("$ askcraft draft request --from", 1)[1].split("\n$ ", 1)[0]
    command, _, shown = block.partition("\n")
    argv = ["draft", "request", "--from", *shlex.split(command), "--no-check"]
    assert main(argv) == 2
    assert capsys.readouterr().err == shown + "\n"
