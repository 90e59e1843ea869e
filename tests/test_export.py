"""Exporters: text, Markdown, JSON, RFC 5322 email and iCalendar."""

from __future__ import annotations

import email
import email.policy
import json
from collections.abc import Callable
from datetime import date
from email.message import EmailMessage
from typing import Any

import icalendar
import pytest

import askcraft

IntentFactory = Callable[..., askcraft.Intent]


def _draft(intent: askcraft.Intent, **kwargs: Any) -> askcraft.Draft:
    return askcraft.draft(intent, check=False, today=date(2026, 11, 12), **kwargs)


def _parse(raw: bytes) -> EmailMessage:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def _finding(body: str, phrase: str) -> askcraft.Finding:
    return askcraft.Finding(
        category="pressure",
        severity="warning",
        message="Soften this.",
        rule="TEST_RULE",
        offset=body.index(phrase),
        length=len(phrase),
        replacements=("gently",),
    )


def test_to_text_puts_the_subject_first(make_intent: IntentFactory) -> None:
    """Plain text starts with 'Subject:' for an email and ends with one newline."""
    result = _draft(make_intent())
    text = result.to_text()
    assert text == f"Subject: {result.subject}\n\n{result.body}\n"


def test_to_text_without_subject_is_the_body(make_intent: IntentFactory) -> None:
    """A text message exports as its body alone."""
    result = _draft(make_intent(channel="text"))
    assert result.to_text() == result.body + "\n"


def test_to_markdown_keeps_line_breaks_and_lists_findings(make_intent: IntentFactory) -> None:
    """Markdown has the subject as a heading, keeps the signature's line break and lists findings."""
    result = _draft(make_intent(), variant="direct")
    md = result.to_markdown()
    assert md.startswith(f"## {result.subject}\n\n")
    sign_off = result.body.splitlines()[-2]
    assert f"{sign_off}  \nAlex Kim" in md
    assert "**Findings**" not in md
    assert "pack builtin" in md
    flagged = result.__class__(
        result.intent,
        result.subject,
        result.body,
        [_finding(result.body, "Hi Sam")],
        result.provenance,
        result._settings,
    )
    md = flagged.to_markdown()
    assert "**Findings**" in md
    assert "- **warning** `TEST_RULE` — “Hi Sam”: Soften this. (suggest: 'gently')" in md


def test_to_json_round_trips(make_intent: IntentFactory) -> None:
    """JSON carries the message, findings, provenance and the intent; non-ASCII stays readable."""
    result = _draft(make_intent(recipient={"name": "Zoë Núñez"}, sent_on=date(2026, 11, 2)))
    text = result.to_json()
    assert "Zoë" in text
    data = json.loads(text)
    assert data["kind"] == "request"
    assert data["channel"] == "email"
    assert data["subject"] == result.subject
    assert data["body"] == result.body
    assert data["findings"] == []
    assert data["provenance"] == result.provenance.to_dict()
    assert data["intent"]["recipient"]["name"] == "Zoë Núñez"
    assert data["intent"]["sent_on"] == "2026-11-02"
    assert askcraft.Intent.parse(data["intent"]) == result.intent
    assert "\n" not in result.to_json(indent=None)
    assert result.to_dict() == data


def test_to_eml_is_a_valid_message(make_intent: IntentFactory) -> None:
    """The .eml parses back with From, To, Subject, Date and the body as UTF-8 text."""
    intent = make_intent(
        recipient={"email": "sam@example.com"},
        sender={"email": "alex@example.org"},
        send_date=date(2026, 11, 12),
    )
    result = _draft(intent)
    raw = result.to_eml()
    assert b"\r\n" in raw  # SMTP line endings
    msg = _parse(raw)
    assert msg["From"] == "Alex Kim <alex@example.org>"
    assert msg["To"] == "Sam Lee <sam@example.com>"
    assert msg["Subject"] == result.subject
    assert msg["Date"] == "Thu, 12 Nov 2026 09:00:00 +0000"
    assert msg["Message-ID"].endswith("@example.org>")
    assert msg.get_content_type() == "text/plain"
    assert msg.get_content_charset() == "utf-8"
    assert msg.get_content().replace("\r\n", "\n").strip() == result.body


def test_to_eml_encodes_utf8_names(make_intent: IntentFactory) -> None:
    """Accented names are RFC 2047-encoded in headers and decode back exactly."""
    intent = make_intent(
        recipient={"name": "Zoë O'Brien-Núñez", "email": "zoe@example.com"},
        sender={"name": "Łukasz Żółć", "email": "lukasz@example.org"},
    )
    raw = _draft(intent).to_eml()
    head = raw.split(b"\r\n\r\n", 1)[0]
    assert head.isascii()
    msg = _parse(raw)
    assert msg["To"].addresses[0].display_name == "Zoë O'Brien-Núñez"
    assert msg["To"].addresses[0].addr_spec == "zoe@example.com"
    assert msg["From"].addresses[0].display_name == "Łukasz Żółć"
    assert "Zoë" in msg.get_content()


def test_to_eml_without_addresses_still_has_subject(make_intent: IntentFactory) -> None:
    """Without email addresses the message has no From/To but keeps its subject and body."""
    result = _draft(make_intent())
    msg = _parse(result.to_eml())
    assert msg["From"] is None
    assert msg["To"] is None
    assert msg["Subject"] == result.subject


def test_to_eml_text_message_has_no_subject(make_intent: IntentFactory) -> None:
    """A text-message draft exports without a Subject header."""
    msg = _parse(_draft(make_intent(channel="text")).to_eml())
    assert msg["Subject"] is None


def test_jinja_looking_name_reaches_the_header_literally(make_intent: IntentFactory) -> None:
    """A name containing '{{ 7*7 }}' is a display name as written."""
    intent = make_intent(recipient={"name": "{{ 7*7 }} Lee", "email": "sam@example.com"})
    msg = _parse(_draft(intent).to_eml())
    assert msg["To"].addresses[0].display_name == "{{ 7*7 }} Lee"


def test_a_name_with_a_newline_never_reaches_a_header(intent_data: Callable[..., dict[str, Any]]) -> None:
    """A newline in a name is refused before any .eml is written, so no header can be injected."""
    data = intent_data(recipient={"name": "Sam\r\nBcc: all@example.com", "email": "sam@example.com"})
    with pytest.raises(askcraft.IntentError, match=r"recipient\.name"):
        askcraft.draft(data, check=False)


def test_long_subject_lines_are_folded(make_intent: IntentFactory) -> None:
    """A long subject is folded to keep header lines short, and unfolds to the same text."""
    industry = "sustainable infrastructure finance and renewable energy project development"
    result = _draft(make_intent(industry=industry), variant="brief")
    raw = result.to_eml()
    head = raw.split(b"\r\n\r\n", 1)[0].decode("ascii")
    assert all(len(line) <= 78 for line in head.split("\r\n"))
    assert _parse(raw)["Subject"] == result.subject


def test_to_ics_is_a_follow_up_todo(make_intent: IntentFactory) -> None:
    """The iCalendar export is a to-do due a week after sending, naming the recipient."""
    result = _draft(make_intent(send_date=date(2026, 11, 12)))
    cal = icalendar.Calendar.from_ical(result.to_ics())
    (todo,) = [c for c in cal.walk() if c.name == "VTODO"]
    assert todo.decoded("due") == date(2026, 11, 19)
    assert "Sam Lee" in str(todo["summary"])
    assert result.body.splitlines()[0] in str(todo["description"])
    cal = icalendar.Calendar.from_ical(result.to_ics(days=3))
    (todo,) = [c for c in cal.walk() if c.name == "VTODO"]
    assert todo.decoded("due") == date(2026, 11, 15)


@pytest.mark.parametrize("days", [0, -1])
def test_to_ics_refuses_no_waiting(make_intent: IntentFactory, days: int) -> None:
    """A follow-up needs at least a day: patience is a networking rule."""
    with pytest.raises(ValueError, match="days"):
        _draft(make_intent()).to_ics(days=days)
