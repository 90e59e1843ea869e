"""The intent model: validation that names every bad field, and safe YAML loading."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pydantic
import pytest

import askcraft
from askcraft._intent.load import load_intent
from askcraft._intent.model import CHANNELS, GOALS, KINDS, RELATIONSHIPS
from askcraft._yaml import parse_yaml, read_yaml

DataFactory = Callable[..., dict[str, Any]]


def _problems(data: Any) -> list[str]:
    with pytest.raises(askcraft.IntentError) as info:
        askcraft.Intent.parse(data)
    return info.value.problems


def test_a_complete_request_validates_with_defaults(intent_data: DataFactory) -> None:
    """A request with the core fields validates; channel, language and extra take their defaults."""
    intent = askcraft.Intent.parse(intent_data(channel=None))
    assert intent.channel == "email"
    assert intent.language == "en-US"
    assert intent.extra == {}
    assert intent.recipient.name == "Sam Lee"
    assert intent.count == 3


def test_intent_is_frozen(make_intent: Callable[..., askcraft.Intent]) -> None:
    """An intent cannot be changed after validation."""
    intent = make_intent()
    with pytest.raises(pydantic.ValidationError):
        intent.count = 4  # type: ignore[misc]


def test_the_documented_vocabularies_are_accepted(intent_data: DataFactory) -> None:
    """Every kind, goal, relationship and channel the issue lists is accepted."""
    assert set(KINDS) == {"request", "reminder", "thank-you"}
    assert set(GOALS) >= {
        "job-leads",
        "introduction",
        "informational-interview",
        "referral",
        "advice",
        "favour",
    }
    assert set(RELATIONSHIPS) == {
        "friend",
        "family",
        "former-colleague",
        "colleague",
        "mentor",
        "acquaintance",
        "alumni",
    }
    assert set(CHANNELS) == {"email", "linkedin-message", "linkedin-connection-note", "text"}
    for relationship in RELATIONSHIPS:
        askcraft.Intent.parse(intent_data(recipient={"relationship": relationship}))


@pytest.mark.parametrize(
    ("field", "value", "accepted"),
    [
        ("kind", "letter", KINDS),
        ("goal", "money", GOALS),
        ("channel", "fax", CHANNELS),
    ],
)
def test_unknown_choice_names_field_and_accepted_values(
    intent_data: DataFactory, field: str, value: str, accepted: tuple[str, ...]
) -> None:
    """An unknown kind, goal or channel names the field and lists every accepted value."""
    problems = _problems(intent_data(**{field: value}))
    assert len(problems) == 1
    assert problems[0].startswith(f"{field}:")
    assert value in problems[0]
    for option in accepted:
        assert option in problems[0]


def test_unknown_relationship_lists_the_accepted_ones(intent_data: DataFactory) -> None:
    """A bad relationship is reported under recipient.relationship with the accepted values."""
    (problem,) = _problems(intent_data(recipient={"relationship": "boss"}))
    assert problem.startswith("recipient.relationship:")
    assert "former-colleague" in problem


@pytest.mark.parametrize("field", ["kind", "goal"])
def test_missing_kind_or_goal_is_required(intent_data: DataFactory, field: str) -> None:
    """A missing kind or goal is reported as required."""
    assert _problems(intent_data(**{field: None})) == [f"{field}: required"]


@pytest.mark.parametrize("count", [0, -1, 1000, "abc", 2.5, True])
def test_bad_counts_are_refused(intent_data: DataFactory, count: object) -> None:
    """A count of zero, negative, absurd, non-numeric or fractional is refused under 'count'."""
    problems = _problems(intent_data(count=count))
    assert len(problems) == 1
    assert problems[0].startswith("count:")


def test_count_from_yaml_string_digits_is_accepted(intent_data: DataFactory) -> None:
    """A count written as digits in a string (as a prompt returns it) is a number."""
    assert askcraft.Intent.parse(intent_data(count="4")).count == 4


@pytest.mark.parametrize("name", ["", "   ", "\t"])
def test_empty_names_are_refused(intent_data: DataFactory, name: str) -> None:
    """An empty or whitespace-only recipient or sender name is refused, naming the field."""
    (problem,) = _problems(intent_data(recipient={"name": name}))
    assert problem.startswith("recipient.name:")
    assert "empty" in problem
    (problem,) = _problems(intent_data(sender={"name": name}))
    assert problem.startswith("sender.name:")


@pytest.mark.parametrize("name", ["Sam\nLee", "Sam\rLee", "Sam Lee\nBcc: evil@example.com", "Sam\u2028Lee"])
def test_names_with_line_breaks_are_refused(intent_data: DataFactory, name: str) -> None:
    """A name that spans lines (a header-injection attempt) is refused as not a single line."""
    (problem,) = _problems(intent_data(recipient={"name": name}))
    assert problem.startswith("recipient.name:")
    assert "single line" in problem


def test_names_are_trimmed_and_inner_spaces_collapsed(intent_data: DataFactory) -> None:
    """Surrounding spaces go and runs of spaces become one."""
    intent = askcraft.Intent.parse(intent_data(recipient={"name": "  Sam    Lee  "}))
    assert intent.recipient.name == "Sam Lee"


def test_free_text_may_span_lines_but_is_joined(intent_data: DataFactory) -> None:
    """A reason written over several lines becomes one line of text."""
    intent = askcraft.Intent.parse(intent_data(sender={"reason": "I love\n  numbers\tand people "}))
    assert intent.sender.reason == "I love numbers and people"


def test_overlong_name_is_refused(intent_data: DataFactory) -> None:
    """A name longer than a greeting could use is refused."""
    (problem,) = _problems(intent_data(recipient={"name": "S" * 500}))
    assert problem.startswith("recipient.name:")


@pytest.mark.parametrize("email", ["sam", "sam@", "sam@example", "Sam <sam@example.com>", "a b@example.com"])
def test_bad_email_addresses_are_refused(intent_data: DataFactory, email: str) -> None:
    """An email address that is not a plain address is refused with an example."""
    (problem,) = _problems(intent_data(recipient={"email": email}))
    assert problem.startswith("recipient.email:")
    assert "sam@example.com" in problem


@pytest.mark.parametrize("language", ["english", "e", "en_US", "en-"])
def test_bad_language_tags_are_refused(intent_data: DataFactory, language: str) -> None:
    """A language that is not a BCP 47 tag is refused with an example."""
    (problem,) = _problems(intent_data(language=language))
    assert problem.startswith("language:")
    assert "en-US" in problem


def test_extra_keys_must_be_identifiers(intent_data: DataFactory) -> None:
    """Pack-specific fields under extra use lowercase identifiers."""
    assert askcraft.Intent.parse(intent_data(extra={"team_size": 4})).extra == {"team_size": 4}
    (problem,) = _problems(intent_data(extra={"Team Size": 4}))
    assert problem.startswith("extra:")


def test_unknown_fields_point_to_extra(intent_data: DataFactory) -> None:
    """A misspelt or unknown field is refused and the message says where pack fields go."""
    (problem,) = _problems(intent_data(industy="banking"))
    assert problem.startswith("industy:")
    assert "extra" in problem


def test_every_bad_field_is_reported_at_once(intent_data: DataFactory) -> None:
    """Several bad fields give one error that lists them all, each by its dotted path."""
    data = intent_data(
        kind="letter",
        goal="money",
        channel="fax",
        count=0,
        recipient={"name": " ", "relationship": "boss"},
        sender={"name": None},
    )
    with pytest.raises(askcraft.IntentError) as info:
        askcraft.Intent.parse(data, source="sam.yaml")
    fields = [p.split(":", 1)[0] for p in info.value.problems]
    assert sorted(fields) == sorted(
        ["kind", "goal", "channel", "count", "recipient.name", "recipient.relationship", "sender.name"]
    )
    message = str(info.value)
    assert message.startswith("sam.yaml: invalid intent, 7 problems:")
    for field in fields:
        assert f"\n  {field}:" in message
    assert info.value.source == "sam.yaml"


@pytest.mark.parametrize("data", [None, [], ["kind", "request"], "request", 3])
def test_an_intent_must_be_a_mapping(data: object) -> None:
    """Anything but a mapping is refused with a message saying what an intent is."""
    with pytest.raises(askcraft.IntentError, match="must be a mapping"):
        askcraft.Intent.parse(data)


def test_intent_error_is_a_value_error() -> None:
    """Callers that catch ValueError also catch a bad intent."""
    assert issubclass(askcraft.IntentError, ValueError)
    assert issubclass(askcraft.IntentError, askcraft.AskcraftError)


def test_json_schema_names_every_core_field() -> None:
    """The JSON Schema lists the core fields with descriptions."""
    schema = askcraft.Intent.model_json_schema()
    for field in ("kind", "goal", "recipient", "sender", "industry", "role", "company", "count", "channel"):
        assert field in schema["properties"]
    assert set(schema["required"]) == {"kind", "goal", "recipient", "sender"}
    assert schema["properties"]["count"]["anyOf"][0]["minimum"] == 1


# -- YAML ------------------------------------------------------------------------------------------

VALID_YAML = """\
kind: request
goal: job-leads
industry: banking
count: 3
recipient:
  name: Sam Lee
  relationship: former-colleague
sender:
  name: Alex Kim
  reason: I want to put my maths degree to work in finance
sent_on: 2026-11-02
"""


def test_load_intent_reads_yaml(tmp_path: Path) -> None:
    """A YAML intent file loads into an Intent; dates become dates."""
    path = tmp_path / "sam.yaml"
    path.write_text(VALID_YAML, encoding="utf-8")
    intent = load_intent(path)
    assert intent.recipient.name == "Sam Lee"
    assert intent.sent_on == date(2026, 11, 2)
    assert askcraft.load_intent(str(path)) == intent


def test_load_intent_accepts_a_byte_order_mark(tmp_path: Path) -> None:
    """A UTF-8 file saved with a BOM (as some editors do) still loads."""
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + VALID_YAML.encode())
    assert load_intent(path).kind == "request"


def test_load_intent_keeps_accented_names(tmp_path: Path) -> None:
    """Non-ASCII names survive the round trip through the file."""
    path = tmp_path / "zoe.yaml"
    path.write_text(VALID_YAML.replace("Sam Lee", "Zoë O'Brien-Núñez"), encoding="utf-8")
    assert load_intent(path).recipient.name == "Zoë O'Brien-Núñez"


def test_missing_file_names_the_path(tmp_path: Path) -> None:
    """A missing file says so and names the path."""
    path = tmp_path / "nope.yaml"
    with pytest.raises(askcraft.IntentError, match=r"nope\.yaml: no such intent file"):
        load_intent(path)


def test_a_folder_is_not_an_intent_file(tmp_path: Path) -> None:
    """A folder given as the intent is refused, not crashed on."""
    with pytest.raises(askcraft.IntentError, match="is a folder"):
        load_intent(tmp_path)


@pytest.mark.parametrize("text", ["", "\n\n", "# just a comment\n", "---\n"])
def test_empty_file_says_it_is_empty(tmp_path: Path, text: str) -> None:
    """An empty (or comment-only) file is refused with a pointer to the examples."""
    path = tmp_path / "empty.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(askcraft.IntentError, match="empty"):
        load_intent(path)


@pytest.mark.parametrize("text", ["- kind\n- goal\n", "just a string\n", "42\n"])
def test_file_that_is_not_a_mapping_is_refused(tmp_path: Path, text: str) -> None:
    """A list or scalar document is refused as not a mapping, naming the file."""
    path = tmp_path / "list.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(askcraft.IntentError, match=r"list\.yaml: an intent must be a mapping"):
        load_intent(path)


def test_non_utf8_file_is_refused_with_the_byte(tmp_path: Path) -> None:
    """A Latin-1 file is refused with the offending byte and what to do."""
    path = tmp_path / "latin1.yaml"
    path.write_bytes(VALID_YAML.replace("Sam Lee", "Zoë Lee").encode("latin-1"))
    with pytest.raises(
        askcraft.IntentError,
        match=r"latin1\.yaml: not UTF-8 text \(byte \d+\); save it as UTF-8",
    ):
        load_intent(path)


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system ['echo pwned']",
        "!!python/object:builtins.dict {}",
        "!!python/name:os.system",
        "!custom thing",
    ],
)
def test_python_tags_are_refused_with_the_line(tmp_path: Path, tag: str) -> None:
    """A !!python (or any unknown) tag is never constructed; the error names file and line."""
    path = tmp_path / "evil.yaml"
    path.write_text(VALID_YAML + f"extra:\n  payload: {tag}\n", encoding="utf-8")
    with pytest.raises(askcraft.IntentError) as info:
        load_intent(path)
    message = str(info.value)
    assert message.startswith(f"{path}, line 13:")
    assert "not allowed" in message or "constructor" in message


def test_duplicate_keys_are_refused_with_the_line(tmp_path: Path) -> None:
    """A key given twice is an error naming the key and its line, not a silent overwrite."""
    path = tmp_path / "dup.yaml"
    path.write_text(VALID_YAML + "count: 5\n", encoding="utf-8")
    with pytest.raises(askcraft.IntentError, match=r"dup\.yaml, line 12: duplicate key 'count'"):
        load_intent(path)


def test_nested_duplicate_keys_are_refused(tmp_path: Path) -> None:
    """Duplicates inside recipient or sender are caught too."""
    text = VALID_YAML.replace("  relationship: former-colleague\n", "  relationship: friend\n  name: Sam\n")
    path = tmp_path / "dup.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(askcraft.IntentError, match="duplicate key 'name'"):
        load_intent(path)


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    """Broken YAML is reported with file and line."""
    path = tmp_path / "broken.yaml"
    path.write_text("kind: request\ngoal: [job-leads\n", encoding="utf-8")
    with pytest.raises(askcraft.IntentError, match=r"broken\.yaml, line \d+:"):
        load_intent(path)


def test_invalid_values_in_a_file_name_the_file(tmp_path: Path) -> None:
    """Validation problems from a file are prefixed with the file's path."""
    path = tmp_path / "bad.yaml"
    path.write_text(VALID_YAML.replace("count: 3", "count: 1000"), encoding="utf-8")
    with pytest.raises(askcraft.IntentError) as info:
        load_intent(path)
    assert str(info.value).startswith(f"{path}: invalid intent, 1 problem:")
    assert info.value.problems[0].startswith("count:")


def test_parse_yaml_and_read_yaml_are_safe(tmp_path: Path) -> None:
    """The YAML helpers return plain data and never build Python objects."""
    assert parse_yaml("a: 1\nb: [x, y]\n") == {"a": 1, "b": ["x", "y"]}
    path = tmp_path / "x.yaml"
    path.write_text("!!python/object/apply:os.getcwd []\n", encoding="utf-8")
    with pytest.raises(askcraft.IntentError, match=r"x\.yaml, line 1"):
        read_yaml(path)


def test_an_introduction_without_a_count_is_to_one_person() -> None:
    """ "Put me in touch with someone at Arup": an introduction needs no count; job leads still do."""
    base = {
        "kind": "request",
        "recipient": {"name": "Sam Lee", "relationship": "acquaintance"},
        "sender": {"name": "Ola Ade", "reason": "I'm moving into bridge design"},
        "company": "Arup",
    }
    intro = askcraft.Intent.model_validate({**base, "goal": "introduction"})
    assert intro.count == 1
    assert askcraft.Intent.model_validate({**base, "goal": "introduction", "count": 2}).count == 2
    assert askcraft.Intent.model_validate({**base, "goal": "job-leads"}).count is None
    assert "someone at Arup" in askcraft.draft(intro, check=False, grammar=False).body
