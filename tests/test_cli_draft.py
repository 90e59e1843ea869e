"""``askcraft draft`` and ``askcraft schema``: success, every bad input, prompting on a terminal."""

from __future__ import annotations

import email
import email.policy
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from askcraft._cli import main

REPO = Path(__file__).resolve().parent.parent

#: The README's request, complete, with checks off (LanguageTool is tested elsewhere).
REQUEST = [
    "draft",
    "request",
    "--to",
    "Sam Lee",
    "--relationship",
    "former-colleague",
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

INTENT_YAML = """\
kind: request
goal: job-leads
industry: banking
count: 3
recipient: {name: Sam Lee, relationship: former-colleague}
sender: {name: Alex Kim, reason: I want to put my maths degree to work in finance}
"""


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def _bad(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Run a command that must fail as bad input: exit 2, a message on stderr, nothing on stdout."""
    code, out, err = _run(capsys, *argv)
    assert code == 2, err
    assert out == ""
    assert err.strip()
    assert len(err.strip().splitlines()) <= 12
    return err


def _with(*changes: str) -> list[str]:
    """Return the README request with some flags replaced (later flags win in click)."""
    return [*REQUEST, *changes]


def _as(kind: str) -> list[str]:
    """The README request's flags for another kind of message."""
    return [kind if a == "request" else a for a in REQUEST]


# -- success ---------------------------------------------------------------------------------------


def test_the_readme_request_drafts_an_email(capsys: pytest.CaptureFixture[str]) -> None:
    """The README's command prints a subject and a body naming three people in banking."""
    code, out, err = _run(capsys, *REQUEST)
    assert code == 0
    assert out.startswith("Subject: ")
    assert "Sam," in out
    assert "three people in banking" in out
    assert out.endswith("Alex Kim\n")
    assert err == ""


def test_intent_file_and_flags_override_it(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """--intent reads a YAML file; flags given alongside it win."""
    path = tmp_path / "sam.yaml"
    path.write_text(INTENT_YAML, encoding="utf-8")
    code, out, _ = _run(capsys, "draft", "--intent", str(path), "--no-check")
    assert code == 0
    assert "three people in banking" in out
    code, out, _ = _run(
        capsys, "draft", "--intent", str(path), "--count", "2", "--industry", "insurance", "--no-check"
    )
    assert code == 0
    assert "two people in insurance" in out


@pytest.mark.parametrize("variant", ["direct", "warm-up", "brief"])
def test_channel_and_variant_flags(capsys: pytest.CaptureFixture[str], variant: str) -> None:
    """--channel and --variant choose the template, as JSON provenance shows."""
    code, out, _ = _run(capsys, *_with("--channel", "text", "--variant", variant, "--format", "json"))
    assert code == 0
    data = json.loads(out)
    assert data["channel"] == "text"
    assert data["subject"] is None
    assert data["provenance"]["variant"] == variant
    assert data["provenance"]["template"] == f"request/text-{variant}.j2"
    assert data["intent"]["recipient"]["name"] == "Sam Lee"


def test_markdown_format(capsys: pytest.CaptureFixture[str]) -> None:
    """--format markdown prints the subject as a heading."""
    code, out, _ = _run(capsys, *_with("--format", "markdown"))
    assert code == 0
    assert out.startswith("## ")
    assert "<!-- askcraft" in out


def test_eml_to_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """--format eml --out writes a parseable email with From and To; stderr says where."""
    target = tmp_path / "sam.eml"
    code, out, err = _run(
        capsys,
        *_with("--to-email", "sam@example.com", "--from-email", "alex@example.org", "--format", "eml"),
        "--to",
        "Zoë Núñez",
        "--out",
        str(target),
    )
    assert code == 0
    assert out == ""
    assert f"Wrote {target}" in err
    msg = email.message_from_bytes(target.read_bytes(), policy=email.policy.default)
    assert msg["To"].addresses[0].display_name == "Zoë Núñez"
    assert msg["From"].addresses[0].addr_spec == "alex@example.org"
    assert "Zoë" in msg.get_content()  # type: ignore[attr-defined]
    assert not list(tmp_path.glob(".*.tmp"))


def test_eml_to_stdout_is_bytes(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    """Without --out the .eml goes to stdout as bytes."""
    assert main(_with("--format", "eml", "--to-email", "sam@example.com")) == 0
    out, _ = capsysbinary.readouterr()
    msg = email.message_from_bytes(out, policy=email.policy.default)
    assert msg["To"].addresses[0].addr_spec == "sam@example.com"


def test_ics_format(capsys: pytest.CaptureFixture[str]) -> None:
    """--format ics prints a calendar with a follow-up to-do."""
    code, out, _ = _run(capsys, *_with("--format", "ics", "--send-date", "2026-11-12"))
    assert code == 0
    assert "BEGIN:VTODO" in out
    assert "DUE;VALUE=DATE:20261119" in out


def test_reminder_and_thank_you_from_flags(capsys: pytest.CaptureFixture[str]) -> None:
    """Reminders and thank-yous draft from the same flags plus their follow-up context."""
    reminder = _as("reminder")
    code, out, _ = _run(
        capsys, *reminder, "--sent-on", "2026-11-02", "--send-date", "2026-11-12", "--variant", "update"
    )
    assert code == 0
    assert "about ten days ago" in out
    assert "three people in banking" in out
    thanks = _as("thank-you")
    code, out, _ = _run(
        capsys,
        *thanks,
        "--what-they-did",
        "introducing me to Priya",
        "--outcome",
        "I have an interview on Monday",
    )
    assert code == 0
    assert "introducing me to Priya" in out


@pytest.mark.parametrize("variant", ["nudge", "update", "brief"])
def test_hook_and_news_flags_reach_the_draft(capsys: pytest.CaptureFixture[str], variant: str) -> None:
    """--hook (why them) and --news (a reminder's news) set the intent fields a file could set."""
    code, out, _ = _run(capsys, *_with("--hook", "we met at the B Corp meetup in Denver", "--no-check"))
    assert code == 0
    assert "the B Corp meetup in Denver" in out
    reminder = _as("reminder")
    code, out, _ = _run(
        capsys,
        *reminder,
        "--sent-on",
        "2026-11-02",
        "--send-date",
        "2026-11-12",
        "--news",
        "I passed my CFA Level I exam",
        "--variant",
        variant,
        "--no-check",
    )
    assert code == 0
    assert "passed my CFA Level I exam" in out


def test_strict_without_findings_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    """--strict only fails when error-level findings remain; with checks off there are none."""
    assert _run(capsys, *_with("--strict"))[0] == 0


def test_schema_intent_prints_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    """`askcraft schema intent` prints the intent's JSON Schema."""
    code, out, _ = _run(capsys, "schema", "intent")
    assert code == 0
    schema = json.loads(out)
    assert {"kind", "goal", "recipient", "sender", "count", "channel"} <= set(schema["properties"])


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    """--help exits 0 and lists draft and schema."""
    code, out, _ = _run(capsys, "--help")
    assert code == 0
    assert "draft" in out
    assert "schema" in out
    code, out, _ = _run(capsys, "draft", "--help")
    assert code == 0
    assert "--no-input" in out


# -- bad input -------------------------------------------------------------------------------------


def test_missing_kind(capsys: pytest.CaptureFixture[str]) -> None:
    """Without a kind the message lists it among the missing fields."""
    argv = [a for a in REQUEST if a != "request"]
    err = _bad(capsys, *argv, "--no-input")
    assert "missing 1 field" in err
    assert "kind" in err


@pytest.mark.parametrize(
    ("argv", "field"),
    [
        (["draft", "letter", "--no-check"], "request"),  # the accepted kinds are listed
        (_with("--goal", "money"), "--goal"),
        (_with("--channel", "fax"), "--channel"),
        (_with("--relationship", "boss"), "--relationship"),
    ],
)
def test_unknown_choices(capsys: pytest.CaptureFixture[str], argv: list[str], field: str) -> None:
    """An unknown kind, goal, channel or relationship names the option and the accepted values."""
    err = _bad(capsys, *argv)
    assert field in err
    assert "is not one of" in err


def test_missing_goal(capsys: pytest.CaptureFixture[str]) -> None:
    """Without a goal the message names it and its flag."""
    argv = [a for a in REQUEST if a not in {"--goal", "job-leads"}]
    err = _bad(capsys, *argv, "--no-input")
    assert "goal (--goal)" in err


def test_missing_channel_defaults_to_email(capsys: pytest.CaptureFixture[str]) -> None:
    """The channel is optional: without it the draft is an email."""
    code, out, _ = _run(capsys, *REQUEST)
    assert code == 0
    assert out.startswith("Subject:")


@pytest.mark.parametrize("count", ["0", "-1", "1000", "21"])
def test_bad_count_values(capsys: pytest.CaptureFixture[str], count: str) -> None:
    """A count of zero, negative or absurd is refused naming count, not reported as missing."""
    err = _bad(capsys, *_with("--count", count))
    assert "count:" in err
    assert "missing" not in err
    assert f"got {count}" in err


def test_non_numeric_count(capsys: pytest.CaptureFixture[str]) -> None:
    """A count that is not a number is refused naming --count."""
    err = _bad(capsys, *_with("--count", "abc"))
    assert "--count" in err
    assert "'abc'" in err


@pytest.mark.parametrize(("flag", "field"), [("--to", "recipient.name"), ("--from", "sender.name")])
@pytest.mark.parametrize("value", ["", "   "])
def test_empty_names(capsys: pytest.CaptureFixture[str], flag: str, field: str, value: str) -> None:
    """An empty name is missing (naming field and flag); a blank one is refused naming the flag."""
    err = _bad(capsys, *_with(flag, value))
    if value:
        assert f"  {flag}: must not be empty or only spaces" in err
    else:
        assert f"  {field} ({flag})" in err


def test_name_with_newline_never_reaches_an_eml(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A name with a newline is refused before anything is written, so no header is injected."""
    target = tmp_path / "x.eml"
    err = _bad(
        capsys,
        *_with("--to", "Sam\nBcc: everyone@example.com", "--to-email", "sam@example.com", "--format", "eml"),
        "--out",
        str(target),
    )
    assert "--to: must be a single line" in err
    assert not target.exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such intent file"),
        (b"", "empty"),
        (b"# nothing here\n", "empty"),
        (b"- kind\n- goal\n", "must be a mapping"),
        (b"just words\n", "must be a mapping"),
        ("kind: request\nrecipient: {name: Zoë}\n".encode("latin-1"), "not UTF-8"),
        (b"kind: !!python/object/apply:os.system ['echo hi']\n", "line 1"),
        (INTENT_YAML.encode() + b"count: 4\n", "duplicate key 'count'"),
        (b"kind: [request\n", "line"),
    ],
)
def test_bad_intent_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes | None, expected: str
) -> None:
    """A missing, empty, non-mapping, non-UTF-8, tagged, duplicated or broken file names the file."""
    path = tmp_path / "intent.yaml"
    if content is not None:
        path.write_bytes(content)
    err = _bad(capsys, "draft", "--intent", str(path), "--no-check", "--no-input")
    assert str(path) in err
    assert expected in err


def test_python_tag_is_never_run(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A !!python tag is refused as not allowed and its command never runs."""
    marker = tmp_path / "pwned"
    path = tmp_path / "evil.yaml"
    path.write_text(f"kind: !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8")
    err = _bad(capsys, "draft", "--intent", str(path), "--no-input")
    assert "not allowed" in err
    assert not marker.exists()


def test_invalid_values_in_a_file_are_all_listed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Bad values in an intent file are listed together with the file's name."""
    path = tmp_path / "bad.yaml"
    path.write_text(INTENT_YAML.replace("count: 3", "count: 0\nchannel: fax"), encoding="utf-8")
    err = _bad(capsys, "draft", "--intent", str(path), "--no-check")
    assert "2 invalid values" in err
    assert f"{path}: count: must be greater than or equal to 1 (got 0)" in err
    assert f"{path}: channel: must be " in err


def test_unknown_variant(capsys: pytest.CaptureFixture[str]) -> None:
    """--variant nope names the variant and lists the ones that exist."""
    err = _bad(capsys, *_with("--variant", "nope"))
    assert "'nope'" in err
    assert "direct, warm-up, brief" in err


def test_no_input_lists_every_missing_field(capsys: pytest.CaptureFixture[str]) -> None:
    """With --no-input every missing field is listed at once, each with its flag."""
    err = _bad(capsys, "draft", "request", "--goal", "job-leads", "--no-input", "--no-check")
    assert "missing 6 fields" in err
    for line in [
        "recipient.name (--to)",
        "recipient.relationship (--relationship)",
        "sender.name (--from)",
        "sender.reason (--reason)",
        "count (--count)",
        "industry or role or company (--industry or --role or --company)",
    ]:
        assert f"\n  {line}" in err


def test_without_a_terminal_it_never_prompts(capsys: pytest.CaptureFixture[str]) -> None:
    """stdin that is not a terminal behaves like --no-input."""
    err = _bad(capsys, "draft", "request", "--no-check")
    assert "missing 5 fields" in err


def test_bad_set_and_out(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """--set without '=' and --out into a missing folder are usage errors naming the option."""
    assert "--set" in _bad(capsys, *_with("--set", "novalue"))
    assert "--out" in _bad(capsys, *_with("--out", str(tmp_path / "nope" / "x.txt")))


def test_unknown_pack(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A --pack that does not exist is bad input, not a crash."""
    err = _bad(capsys, *_with("--pack", str(tmp_path / "nopack")))
    assert "nopack" in err


# -- prompting on a terminal -----------------------------------------------------------------------


def _interactive(monkeypatch: pytest.MonkeyPatch, argv: list[str], answers: str) -> tuple[int, str, str]:
    runner = CliRunner()
    with runner.isolation(input=answers) as (out, err, _):
        monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
        code = main(argv)
    return code, out.getvalue().decode(), err.getvalue().decode()


def test_a_terminal_is_asked_for_every_missing_field(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a terminal the missing fields are asked for, including those the goal reveals."""
    answers = "job-leads\nSam Lee\nfriend\nAlex Kim\nI love numbers\n3\nbanking\n"
    code, out, err = _interactive(monkeypatch, ["draft", "request", "--no-check"], answers)
    assert code == 0, err
    assert "three people in banking" in out
    for question in (
        "What are you asking for?",
        "Who are you writing to?",
        "How many names",
        "Which industry?",
    ):
        assert question in err
    assert "one to five is best" in err  # help text is shown with the question


def test_invalid_answers_are_asked_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bad answer is explained and the question asked again until it is valid."""
    answers = "Sam\nboss\nfriend\n   \nI love numbers\nabc\n0\n99\n2\n"
    argv = [
        "draft",
        "request",
        "--goal",
        "job-leads",
        "--industry",
        "banking",
        "--from",
        "Alex",
        "--no-check",
    ]
    code, out, err = _interactive(monkeypatch, argv, answers)
    assert code == 0, err
    assert "two people in banking" in out
    assert "'boss' is not one of" in err
    assert "please type an answer" in err
    assert err.count("  count:") == 4
    assert err.count("  recipient.relationship") == 2


def test_answers_are_validated_like_the_intent(monkeypatch: pytest.MonkeyPatch) -> None:
    """An answer the intent model refuses (a name too long) is explained and asked again."""
    answers = "S" * 200 + "\nSam\n"
    argv = [a for a in REQUEST if a not in {"--to", "Sam Lee"}]
    code, out, err = _interactive(monkeypatch, argv, answers)
    assert code == 0, err
    assert "at most 120 characters" in err
    assert out.count("Sam,") == 1


def test_no_input_wins_over_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """--no-input never prompts, even on a terminal."""
    code, out, err = _interactive(monkeypatch, ["draft", "request", "--no-input"], "job-leads\n")
    assert code == 2
    assert out == ""
    assert "missing 5 fields" in err
    assert "?" not in err.split("\n", 1)[0]


def test_running_out_of_answers_aborts_cleanly(monkeypatch: pytest.MonkeyPatch) -> None:
    """End of input at a prompt stops with exit 2 and no traceback."""
    code, _, err = _interactive(monkeypatch, ["draft", "request", "--no-check"], "job-leads\n")
    assert code == 2
    assert "Aborted" in err
    assert "Traceback" not in err


# -- a real process --------------------------------------------------------------------------------


def _python_m(*argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("ASKCRAFT_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "askcraft", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=REPO,
        timeout=120,
        check=False,
    )


def test_python_m_askcraft_drafts() -> None:
    """`python -m askcraft draft ...` prints the draft and exits 0."""
    proc = _python_m(*REQUEST)
    assert proc.returncode == 0, proc.stderr
    assert "three people in banking" in proc.stdout
    assert "Traceback" not in proc.stderr


def test_python_m_askcraft_bad_input_exits_2() -> None:
    """Bad input from a real process: exit 2, one clear message, no traceback."""
    proc = _python_m(*_with("--count", "1000", "--to", "Sam\nLee"))
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "--count: must be less than or equal to 20 (got 1000)" in proc.stderr
    assert "--to: must be a single line" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_python_m_askcraft_no_input_without_terminal() -> None:
    """A real process with stdin not a terminal never waits for answers."""
    proc = subprocess.run(
        [sys.executable, "-m", "askcraft", "draft", "request"],
        capture_output=True,
        text=True,
        input="",
        env={**os.environ, "PYTHONPATH": str(REPO)},
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 2
    assert "missing" in proc.stderr
