"""draft(): intent in, Draft out; follow-ups from the same intent; provenance; errors that help."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

import askcraft

DataFactory = Callable[..., dict[str, Any]]
IntentFactory = Callable[..., askcraft.Intent]

#: Words a request must never use: deadlines and pressure break networking rule 2.
PRESSURE = re.compile(r"\b(asap|urgent|deadline|by (monday|friday|tomorrow|tonight)|as soon as)\b", re.I)


def _draft(intent: Any, **kwargs: Any) -> askcraft.Draft:
    kwargs.setdefault("check", False)
    kwargs.setdefault("today", date(2026, 11, 12))
    return askcraft.draft(intent, **kwargs)


def test_draft_returns_a_message_ready_to_send(make_intent: IntentFactory) -> None:
    """The README's request drafts an email naming Sam, three people, banking and the reason."""
    result = _draft(make_intent())
    assert isinstance(result, askcraft.Draft)
    assert result.kind == "request"
    assert result.channel == "email"
    assert result.subject
    assert result.body.startswith(("Hi Sam,", "Hello Sam,", "Hey Sam,"))
    assert "three people" in result.body
    assert "banking" in result.body
    assert "math degree" in result.body
    assert result.body.rstrip().endswith("Alex Kim")
    assert result.findings == []
    assert result.errors == []
    assert not PRESSURE.search(result.body)


def test_draft_accepts_a_mapping_or_a_yaml_path(intent_data: DataFactory, tmp_path: Path) -> None:
    """An Intent, a plain mapping and a YAML file draft the same message."""
    data = intent_data()
    path = tmp_path / "sam.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    from_model = _draft(askcraft.Intent.parse(data))
    assert _draft(data) == from_model
    assert _draft(path) == from_model
    assert _draft(str(path)) == from_model


def test_a_bad_mapping_raises_intent_error(intent_data: DataFactory) -> None:
    """draft() validates a mapping and names the bad field."""
    with pytest.raises(askcraft.IntentError, match=r"count: "):
        _draft(intent_data(count=0))


def test_provenance_records_pack_template_and_variant(make_intent: IntentFactory) -> None:
    """Every draft says which pack, version, content hash, template and variant made it."""
    p = _draft(make_intent()).provenance
    assert isinstance(p, askcraft.Provenance)
    assert p.pack == "builtin"
    assert re.fullmatch(r"\d+\.\d+\.\d+", p.version)
    assert re.fullmatch(r"sha256:[0-9a-f]{64}", p.content_hash)
    assert p.source == "builtin"
    assert re.fullmatch(r"request/letter-[a-z-]+\.j2", p.template)
    assert p.variant in {"direct", "warm-up", "brief"}
    assert p.askcraft_version
    assert set(p.to_dict()) == {
        "pack",
        "version",
        "content_hash",
        "source",
        "template",
        "variant",
        "askcraft_version",
    }


def test_drafting_is_deterministic(make_intent: IntentFactory) -> None:
    """The same intent always gives the same text and variant."""
    assert _draft(make_intent()) == _draft(make_intent())


def test_different_recipients_get_different_phrasings(make_intent: IntentFactory) -> None:
    """Thirty people do not all get identical text: the variant follows the recipient."""
    first = ["Sam", "Priya", "Tom", "Ana", "Li", "Kofi", "Maria", "Jon", "Ife", "Omar"]
    last = ["Lee", "Shah", "Brown"]
    variants = {
        _draft(make_intent(recipient={"name": f"{f} {s}"})).provenance.variant for f in first for s in last
    }
    assert variants == {"direct", "warm-up", "brief"}


@pytest.mark.parametrize("variant", ["direct", "warm-up", "brief"])
def test_an_explicit_variant_is_used(make_intent: IntentFactory, variant: str) -> None:
    """variant= picks the phrasing by name."""
    result = _draft(make_intent(), variant=variant)
    assert result.provenance.variant == variant
    assert result.provenance.template == f"request/letter-{variant}.j2"


def test_the_three_variants_read_differently(make_intent: IntentFactory) -> None:
    """Variants are distinct phrasings, not copies."""
    bodies = {_draft(make_intent(), variant=v).body for v in ("direct", "warm-up", "brief")}
    assert len(bodies) == 3


def test_an_unknown_variant_lists_the_choices(make_intent: IntentFactory) -> None:
    """A variant that does not exist is a PackError naming it and the ones that do."""
    with pytest.raises(askcraft.PackError) as info:
        _draft(make_intent(), variant="nope")
    message = str(info.value)
    assert "'nope'" in message
    for name in ("direct", "warm-up", "brief"):
        assert name in message


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"sender": {"reason": None}}, "sender.reason"),
        ({"count": None}, "count"),
        ({"industry": None}, "industry or role or company"),
        ({"goal": "referral"}, "company or recipient.company"),
        ({"goal": "favour"}, "details"),
        ({"kind": "thank-you"}, "help"),
    ],
)
def test_missing_fields_a_message_needs_are_named(
    make_intent: IntentFactory, changes: dict[str, Any], field: str
) -> None:
    """A message that lacks a field its template needs fails naming that field, not rendering blanks."""
    with pytest.raises(askcraft.IntentError) as info:
        _draft(make_intent(**changes))
    assert any(problem.startswith(f"{field}:") for problem in info.value.problems)


def test_every_missing_field_is_named_at_once(make_intent: IntentFactory) -> None:
    """Two missing fields are reported together."""
    with pytest.raises(askcraft.IntentError) as info:
        _draft(make_intent(count=None, sender={"reason": None}))
    fields = {p.split(":")[0] for p in info.value.problems}
    assert fields == {"count", "sender.reason"}


@pytest.mark.parametrize(
    "name", ["{{ 7*7 }}", "{% for x in range(3) %}x{% endfor %}", "{{ ''.__class__ }}", "{# hi #}"]
)
def test_intent_values_are_never_rendered_as_templates(make_intent: IntentFactory, name: str) -> None:
    """A name that looks like Jinja appears literally (the sender's in the formal signature); nothing runs."""
    for channel in ("email", "linkedin-message"):
        result = _draft(make_intent(sender={"name": name}, channel=channel), variant="direct")
        assert result.body.splitlines()[-1] == name
        assert "49" not in result.body
        assert "xxx" not in result.body


@pytest.mark.parametrize("name", ["{{7*7}}", "{%set(x)=1%}", "{{''.__class__.__mro__}}"])
def test_jinja_in_the_greeting_is_literal(make_intent: IntentFactory, name: str) -> None:
    """A recipient whose first name looks like Jinja is greeted by it, as written, on every channel."""
    for channel in ("email", "text", "linkedin-connection-note"):
        result = _draft(make_intent(recipient={"name": name}, channel=channel), variant="direct")
        assert name in result.body
        assert "49" not in result.body


def test_jinja_in_free_text_is_literal(make_intent: IntentFactory) -> None:
    """A reason or industry that looks like Jinja is printed as written."""
    result = _draft(make_intent(industry="{{ 6*7 }}", sender={"reason": "I like {% raw %} tags"}))
    assert "{{ 6*7 }}" in result.body
    assert "{% raw %}" in result.body
    assert "42" not in result.body


def test_one_person_is_singular(make_intent: IntentFactory) -> None:
    """A count of one asks for 'someone', not 'one people' (nor 'one person')."""
    for variant in ("direct", "warm-up", "brief"):
        body = _draft(make_intent(count=1), variant=variant).body
        assert "someone" in body
        assert "one people" not in body
        assert "one person" not in body


@pytest.mark.parametrize(
    ("role", "phrase"), [("engineer", "an engineer role"), ("UX designer", "a UX designer role")]
)
def test_articles_follow_the_role(make_intent: IntentFactory, role: str, phrase: str) -> None:
    """'a' or 'an' before a role follows how it sounds."""
    bodies = " ".join(
        _draft(make_intent(goal="referral", industry=None, role=role, company="Acme"), variant=v).body
        for v in ("direct", "warm-up", "brief")
    )
    assert phrase in bodies


def test_voice_follows_the_relationship(make_intent: IntentFactory) -> None:
    """A friend gets a first-name signature; a former colleague the full name."""
    warm = _draft(make_intent(recipient={"relationship": "friend"}), variant="brief")
    formal = _draft(make_intent(recipient={"relationship": "former-colleague"}), variant="brief")
    assert warm.body.splitlines()[-1] == "Alex"
    assert formal.body.splitlines()[-1] == "Alex Kim"
    assert warm.body != formal.body


@pytest.mark.parametrize("channel", ["linkedin-message", "text", "linkedin-connection-note"])
def test_only_email_has_a_subject(make_intent: IntentFactory, channel: str) -> None:
    """LinkedIn messages, notes and texts have no subject line."""
    for variant in ("direct", "warm-up", "brief"):
        assert _draft(make_intent(channel=channel), variant=variant).subject is None


def test_email_subject_is_a_few_words(make_intent: IntentFactory) -> None:
    """Every email variant has a subject of two to eight words."""
    for variant in ("direct", "warm-up", "brief"):
        subject = _draft(make_intent(), variant=variant).subject
        assert subject is not None
        assert 2 <= len(subject.split()) <= 8


def test_connection_note_and_text_fit_their_limits(make_intent: IntentFactory) -> None:
    """A connection note fits in 300 characters and a text in 320 for the README's request."""
    for variant in ("direct", "warm-up", "brief"):
        assert len(_draft(make_intent(channel="linkedin-connection-note"), variant=variant).body) <= 300
        assert len(_draft(make_intent(channel="text"), variant=variant).body) <= 320


def test_draft_is_immutable(make_intent: IntentFactory) -> None:
    """A Draft's fields cannot be reassigned."""
    result = _draft(make_intent())
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.body = "changed"  # type: ignore[misc]


# -- follow-ups ------------------------------------------------------------------------------------


def test_reminder_restates_the_ask(make_intent: IntentFactory) -> None:
    """A reminder from the request restates the ask, says the sender is still looking, adds no guilt."""
    request = _draft(make_intent(send_date=date(2026, 11, 2)))
    for variant in ("nudge", "update", "brief"):
        reminder = request.reminder(send_date=date(2026, 11, 12), variant=variant)
        assert reminder.kind == "reminder"
        assert reminder.intent.sent_on == date(2026, 11, 2)
        assert reminder.intent.reminders_sent == 0
        assert "three people" in reminder.body
        assert "banking" in reminder.body
        assert "still" in reminder.body
        assert not re.search(r"\b(haven't heard|didn't reply|ignored|again and again)\b", reminder.body)
        assert not PRESSURE.search(reminder.body)


def test_reminder_mentions_the_date_of_the_request(make_intent: IntentFactory) -> None:
    """Every reminder variant says when the request was sent, as people say it ("about ten days ago")."""
    request = _draft(make_intent())
    for variant in ("nudge", "update", "brief"):
        reminder = request.reminder(sent_on=date(2026, 11, 2), variant=variant)
        assert reminder.intent.sent_on == date(2026, 11, 2)
        assert "about ten days ago" in reminder.body  # ten days before TODAY (2026-11-12)


def test_second_reminder_counts_the_first(make_intent: IntentFactory) -> None:
    """A reminder drafted from a reminder records that one was already sent."""
    first = _draft(make_intent()).reminder(sent_on=date(2026, 11, 2))
    second = first.reminder()
    assert second.intent.reminders_sent == 1
    assert second.intent.sent_on == date(2026, 11, 2)


def test_reminder_can_change_channel(make_intent: IntentFactory) -> None:
    """A follow-up can go by another channel than the request."""
    reminder = _draft(make_intent()).reminder(sent_on=date(2026, 11, 2), channel="text")
    assert reminder.channel == "text"
    assert reminder.subject is None
    assert reminder.provenance.template.startswith("reminder/text-")


def test_thank_you_names_the_help_and_outcome(make_intent: IntentFactory) -> None:
    """A thank-you names what the person did and what came of it, and offers help back."""
    request = _draft(make_intent())
    for variant in ("news", "grateful", "brief"):
        thanks = request.thank_you(
            help="introducing me to Priya",
            outcome="I have an interview at Acme Bank on Monday",
            gift="some flowers",
            variant=variant,
        )
        assert thanks.kind == "thank-you"
        assert "introducing me to Priya" in thanks.body
        assert "interview at Acme Bank on Monday" in thanks.body
        assert re.search(r"(return the favou?r|help you|can ever|can do for you)", thanks.body)
        assert not PRESSURE.search(thanks.body)


def test_thank_you_can_mention_a_gift(make_intent: IntentFactory) -> None:
    """At least the grateful variant mentions the small gift."""
    thanks = _draft(make_intent()).thank_you(
        help="introducing me to Priya", gift="some flowers", variant="grateful"
    )
    assert "some flowers" in thanks.body


def test_thank_you_without_help_names_the_missing_field(make_intent: IntentFactory) -> None:
    """A thank-you needs to know what the person did."""
    with pytest.raises(askcraft.IntentError, match="help"):
        _draft(make_intent()).thank_you(outcome="I got the job")


def test_follow_ups_keep_the_settings(make_intent: IntentFactory) -> None:
    """A follow-up of an unchecked draft is also unchecked, and uses the same 'today'."""
    reminder = _draft(make_intent()).reminder()
    assert reminder.findings == []
    assert reminder.intent.sent_on == date(2026, 11, 12)


# -- checks and fixes ------------------------------------------------------------------------------


def test_checked_draft_returns_findings(make_intent: IntentFactory) -> None:
    """With checks on (grammar off) the draft carries a list of Findings and never raises."""
    result = _draft(make_intent(), check=True, grammar=False)
    assert isinstance(result.findings, list)
    assert all(isinstance(f, askcraft.Finding) for f in result.findings)


def test_fixed_applies_unambiguous_replacements(make_intent: IntentFactory) -> None:
    """fixed() applies findings that have exactly one replacement and re-checks the result."""
    result = _draft(make_intent(), variant="direct")
    offset = result.body.index("Hi Sam")
    finding = askcraft.Finding(
        category="grammar",
        severity="warning",
        message="Say it warmly.",
        rule="TEST_RULE",
        offset=offset,
        length=len("Hi Sam"),
        replacements=("Hello Sam",),
    )
    with_finding = dataclasses.replace(result, findings=[finding])
    fixed = with_finding.fixed()
    assert fixed.body.startswith("Hello Sam,")
    assert "Hi Sam" not in fixed.body
    assert fixed.findings == []  # re-checked with the original settings (checks off)
    assert result.fixed() is result


# -- packs through the public API ------------------------------------------------------------------


def _write_pack(root: Path, template: str) -> Path:
    (root / "request").mkdir(parents=True)
    (root / "pack.yaml").write_text(
        "name: tiny\nversion: 0.1.0\ndescription: test\nauthor: me\nlicense: MIT\n"
        "templates:\n  - kinds: request\n    channels: '*'\n    variants: {only: request/only.j2}\n",
        encoding="utf-8",
    )
    (root / "request" / "only.j2").write_text(template, encoding="utf-8")
    return root


def test_render_errors_name_pack_template_line_and_variable(
    make_intent: IntentFactory, tmp_path: Path
) -> None:
    """A template using a variable the intent lacks fails naming the pack, file, line and variable."""
    pack = _write_pack(tmp_path / "tiny", "Hi {{ recipient.name }},\n\nThe {{ favourite_colour }} one.\n")
    with pytest.raises(askcraft.RenderError) as info:
        _draft(make_intent(), pack=pack)
    message = str(info.value)
    assert "tiny" in message
    assert "request/only.j2" in message
    assert "line 3" in message
    assert "favourite_colour" in message


def test_a_pack_draft_records_its_provenance(make_intent: IntentFactory, tmp_path: Path) -> None:
    """Drafting with a pack folder uses it and records it."""
    pack = _write_pack(tmp_path / "tiny", "Hi {{ recipient.first_name }}, {{ count|words }} please?")
    result = _draft(make_intent(), pack=pack)
    assert result.body == "Hi Sam, three please?"
    assert result.provenance.pack == "tiny"
    assert result.provenance.variant == "only"


def test_check_takes_the_send_date_as_text_or_refuses_it_by_name() -> None:
    """A send date written "YYYY-MM-DD" counts as the date; anything else is an error naming send_date."""
    from askcraft._checks.rules.base import OptionError  # noqa: PLC0415

    note = "Hi Sam, just following up on my note about the analyst role."
    as_text = askcraft.check(
        note,
        kind="reminder",
        grammar=False,
        send_date="2026-09-09",
        options={"patience.sent_on": "2026-09-07"},
    )
    as_date = askcraft.check(
        note,
        kind="reminder",
        grammar=False,
        send_date=date(2026, 9, 9),
        options={"patience.sent_on": "2026-09-07"},
    )
    assert [f.rule for f in as_text] == [f.rule for f in as_date]
    assert "patience.too-soon" in [f.rule for f in as_text]
    with pytest.raises(OptionError, match="send_date"):
        askcraft.check(note, kind="reminder", grammar=False, send_date="9/9/2026")
