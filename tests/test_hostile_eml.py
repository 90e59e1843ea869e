"""Hostile values against the .eml and .ics exporters: no header, address or calendar line can be injected.

Python's email package decodes RFC 2047 encoded words when it re-folds a header, so an
encoded CR LF in a name used to come out as a real line break (``Bcc:``, a new body).
Every value that reaches a header is checked before it is written, and the written
message is parsed back and compared with what was meant before it is returned.
"""

from __future__ import annotations

import email
import email.policy
import re
from collections.abc import Callable
from datetime import date
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import icalendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from packkit import make_pack

import askcraft
from askcraft._cli import main
from askcraft._export import eml as eml_module
from askcraft._export import ics as ics_module

IntentFactory = Callable[..., askcraft.Intent]
DataFactory = Callable[..., dict[str, Any]]

#: An encoded CR LF: decoded by the email package's folder, it became a real line break.
BCC = "=?utf-8?q?Sam=0D=0ABcc:_evil@attacker.example?="
#: A sender name that used to replace the body with HTML.
HTML_BODY = "=?utf-8?q?Alex=0D=0AContent-Type:_text/html=0D=0A=0D=0A<b>evil</b>?="
ADDRESSES = {"recipient": {"email": "sam@example.com"}, "sender": {"email": "alex@example.org"}}

#: Characters no single-line field may hold: C0, DEL, C1 (NEL among them), line/paragraph separators, bidi.
CONTROLS = {
    "NUL": "\x00",
    "ESC": "\x1b",
    "DEL": "\x7f",
    "C1-PAD": "\x80",
    "NEL": "\x85",
    "CSI": "\x9b",
    "APC": "\x9f",
    "LSEP": "\u2028",
    "PSEP": "\u2029",
    "LRE": "\u202a",
    "RLO": "\u202e",
    "LRI": "\u2066",
    "PDI": "\u2069",
    "LRM": "\u200e",
    "RLM": "\u200f",
    "ALM": "\u061c",
}


def _draft(intent: askcraft.Intent | dict[str, Any], **kwargs: Any) -> askcraft.Draft:
    return askcraft.draft(intent, check=False, today=date(2026, 11, 12), **kwargs)


def _parse(raw: bytes) -> EmailMessage:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def _header_names(raw: bytes) -> list[str]:
    head = raw.split(b"\r\n\r\n", 1)[0].decode("ascii")
    return [line.split(":", 1)[0] for line in head.split("\r\n") if line and not line[0].isspace()]


# -- encoded words -----------------------------------------------------------------------------------


def _with_addresses(intent_data: DataFactory, **changes: Any) -> dict[str, Any]:
    data = intent_data(**changes)
    data["recipient"]["email"] = "sam@example.com"
    data["sender"]["email"] = "alex@example.org"
    return data


#: A pack whose subject names the role, the company and the industry, so all three reach a header
#: (the built-in pack names a field in its subject only when the subject stays short).
ROLE_SUBJECT = (
    "{% block subject %}{{ role }} at {{ company }} in {{ industry }}?{% endblock %}\n"
    "{% block body %}Hello {{ recipient.first_name }}.{% endblock %}\n"
)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"recipient": {"name": BCC}}, "recipient.name"),
        ({"sender": {"name": HTML_BODY}}, "sender.name"),
        ({"industry": "=?utf-8?q?x=0D=0ABcc:_evil@attacker.example?="}, "industry"),
        ({"role": "=?utf-8?b?eA0KQmNjOiBldmlsQGF0dGFja2VyLmV4YW1wbGU=?= analyst", "company": "Acme"}, "role"),
        ({"role": "analyst", "company": "Acme =?iso-8859-1?q?=0D=0ABcc:_x@y.example?="}, "company"),
    ],
)
def test_encoded_words_never_reach_a_header(
    tmp_path: Path, intent_data: DataFactory, changes: dict[str, Any], field: str
) -> None:
    """An RFC 2047 encoded word in any value that reaches a header is refused, naming the field."""
    pack = (
        make_pack(tmp_path, "role-pack", templates={"request.j2": ROLE_SUBJECT})
        if {"role", "industry"} & changes.keys()
        else None
    )
    result = _draft(_with_addresses(intent_data, **changes), pack=pack)
    with pytest.raises(askcraft.IntentError, match=re.escape(field) + ".*encoded word") as info:
        result.to_eml()
    assert "=?" in str(info.value)


def test_an_encoded_word_in_a_pack_subject_is_refused(tmp_path: Path, intent_data: DataFactory) -> None:
    """A pack whose subject block writes an encoded word cannot smuggle a header into the .eml."""
    body = (
        "{% block subject %}Hi =?utf-8?q?x=0D=0ABcc:_evil@attacker.example?={% endblock %}\n"
        "{% block body %}Hello {{ recipient.first_name }}.{% endblock %}\n"
    )
    pack = make_pack(tmp_path, "subject-pack", templates={"request.j2": body})
    result = _draft(_with_addresses(intent_data), pack=pack)
    with pytest.raises(askcraft.IntentError, match=r"subject.*subject-pack.*encoded word"):
        result.to_eml()


def test_a_pack_subject_with_controls_is_refused(tmp_path: Path, intent_data: DataFactory) -> None:
    """Invisible or control characters a pack writes into the subject never reach the header.

    The draft itself is refused (tests/test_hostile_pack_text.py); the exporter refuses such a
    subject too, whatever wrote it (test_a_subject_with_a_line_break_never_reaches_the_eml).
    """
    body = (
        '{% block subject %}Hi{{ "\\u202e" }} there{{ "\\x9b" }}{% endblock %}\n'
        "{% block body %}Hello {{ recipient.first_name }}.{% endblock %}\n"
    )
    pack = make_pack(tmp_path, "ctl-pack", templates={"request.j2": body})
    with pytest.raises(askcraft.RenderError, match=r"ctl-pack.*subject.*U\+202E"):
        _draft(_with_addresses(intent_data), pack=pack)


# -- control and bidi characters in the intent --------------------------------------------------------


@pytest.mark.parametrize("char", CONTROLS.values(), ids=CONTROLS.keys())
@pytest.mark.parametrize("field", ["recipient.name", "sender.name", "industry", "role", "company", "gift"])
def test_single_line_fields_refuse_controls_and_bidi(intent_data: DataFactory, field: str, char: str) -> None:
    """Every C0/C1 control, NEL, line separators and bidi controls are refused when the intent is read."""
    value = f"Sam{char}Bcc: evil@attacker.example"
    changes: dict[str, Any] = (
        {field.partition(".")[0]: {field.partition(".")[2]: value}} if "." in field else {field: value}
    )
    with pytest.raises(askcraft.IntentError, match=field.replace(".", r"\.")):
        askcraft.Intent.parse(intent_data(**changes))


@pytest.mark.parametrize("char", ["\x85", "\u202e", "\x9b", "\u2066"])
def test_pack_string_fields_refuse_controls_and_bidi(
    tmp_path: Path, intent_data: DataFactory, char: str
) -> None:
    """A one-line field a pack declares refuses the same characters as the intent's own fields."""
    body = "{% block subject %}{{ extra.team }}{% endblock %}{% block body %}Hi.{% endblock %}"
    fields = {"team": {"type": "string", "help": "The team you are aiming at."}}
    pack = make_pack(tmp_path, "field-pack", templates={"request.j2": body}, fields=fields)
    with pytest.raises(askcraft.IntentError, match=r"extra\.team"):
        _draft(intent_data(extra={"team": f"Data{char}Bcc: x@y.example"}), pack=pack)


@pytest.mark.parametrize("char", ["\x85", "\u202e", "\x00", "\u2028"])
def test_email_addresses_refuse_controls(intent_data: DataFactory, char: str) -> None:
    """An email address with a control or bidi character is refused when the intent is read."""
    with pytest.raises(askcraft.IntentError, match=r"recipient\.email"):
        askcraft.Intent.parse(intent_data(recipient={"email": f"sam{char}@example.com"}))


# -- addresses ----------------------------------------------------------------------------------------


def test_a_non_ascii_domain_is_idna_encoded(intent_data: DataFactory) -> None:
    """An internationalised domain is written in its ASCII (IDNA) form, in From and Message-ID."""
    data = intent_data(recipient={"email": "sam@bücher.example"}, sender={"email": "alex@exämple.org"})
    raw = _draft(data).to_eml()
    assert raw.isascii()
    msg = _parse(raw)
    assert msg["From"].addresses[0].addr_spec == "alex@xn--exmple-cua.org"
    assert msg["To"].addresses[0].addr_spec == "sam@xn--bcher-kva.example"
    assert msg["Message-ID"].endswith("@xn--exmple-cua.org>")


@pytest.mark.parametrize(
    "address",
    ["alex@exa\u00e4mple..org", "alex@" + "ä" * 70 + ".org", "alex@-exämple.org", "alex@exämple.org."],
)
def test_an_invalid_international_domain_is_refused(intent_data: DataFactory, address: str) -> None:
    """A domain that cannot be IDNA-encoded is a clear intent error, not an internal error."""
    with pytest.raises(askcraft.IntentError, match=r"sender\.email"):
        askcraft.Intent.parse(intent_data(sender={"email": address}))


def test_a_non_ascii_local_part_is_refused_for_eml(intent_data: DataFactory) -> None:
    """A non-ASCII mailbox name needs SMTPUTF8, which an .eml file cannot promise: a clear error."""
    result = _draft(intent_data(sender={"email": "zoë@example.org"}))
    with pytest.raises(askcraft.IntentError, match=r"sender\.email.*ASCII"):
        result.to_eml()


def test_an_encoded_word_in_an_address_is_refused(intent_data: DataFactory) -> None:
    """The email package decodes encoded words even inside an address; refuse them there too."""
    result = _draft(intent_data(recipient={"email": "=?utf-8?q?a=0D=0A?=@example.com"}))
    with pytest.raises(askcraft.IntentError, match=r"recipient\.email.*encoded word"):
        result.to_eml()


# -- the written message is verified ------------------------------------------------------------------


def test_a_message_that_does_not_read_back_is_never_returned(
    make_intent: IntentFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the writer ever produced an extra header, the read-back check refuses to return the bytes."""
    result = _draft(make_intent(**ADDRESSES))
    real = eml_module._address_header

    def smuggle(name: str, email_address: str, field: str) -> list[str]:
        return [*real(name, email_address, field), "\r\nBcc:", "evil@attacker.example"]

    monkeypatch.setattr(eml_module, "_address_header", smuggle)
    with pytest.raises(askcraft.IntentError, match="does not read back"):
        result.to_eml()


def test_the_message_is_plain_ascii_with_crlf_only(make_intent: IntentFactory) -> None:
    """Headers are encoded and the body quoted-printable: seven-bit bytes, every line ending CR LF."""
    intent = make_intent(
        recipient={"name": "Zoë O'Brien-Núñez", "email": "zoe@example.com"},
        sender={"name": 'Łukasz "Luke" Żółć', "email": "lukasz@example.org"},
        industry="café roasting",
    )
    raw = _draft(intent).to_eml()
    assert raw.isascii()
    assert raw.count(b"\n") == raw.count(b"\r\n") == raw.count(b"\r")
    assert _header_names(raw) == [
        "From",
        "To",
        "Subject",
        "Date",
        "Message-ID",
        "X-Askcraft-Pack",
        "MIME-Version",
        "Content-Type",
        "Content-Transfer-Encoding",
    ]
    msg = _parse(raw)
    assert msg["From"].addresses[0].display_name == 'Łukasz "Luke" Żółć'
    assert not msg.is_multipart()


NAME_CHARS = st.characters(
    codec="utf-8",
    categories=("L", "M", "N", "P", "S", "Zs"),
    exclude_characters="\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000",
)
SPECIALS = st.sampled_from(
    [
        '"',
        "\\",
        "<",
        ">",
        "@",
        ",",
        ";",
        ":",
        "(",
        ")",
        "[",
        "]",
        "=?",
        "?=",
        "'",
        "=?utf-8?q?",
        "=0D=0A",
        BCC,
    ]
)
NAMES = st.lists(st.one_of(NAME_CHARS, SPECIALS, st.just(" ")), min_size=1, max_size=60).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(recipient=NAMES, sender=NAMES)
def test_any_name_is_refused_or_reads_back_exactly(
    intent_data: DataFactory, recipient: str, sender: str
) -> None:
    """Whatever the names, the .eml is refused with an IntentError or parses back to exactly those names."""
    try:
        intent = askcraft.Intent.parse(
            intent_data(
                recipient={"name": recipient, "email": "sam@example.com"},
                sender={"name": sender, "email": "alex@example.org"},
            )
        )
        raw = _draft(intent).to_eml()
    except askcraft.IntentError:
        return
    assert raw.isascii()
    assert _header_names(raw).count("To") == 1
    msg = _parse(raw)
    (to,) = msg["To"].addresses
    (sender_address,) = msg["From"].addresses
    assert (to.display_name, to.addr_spec) == (intent.recipient.name, "sam@example.com")
    assert (sender_address.display_name, sender_address.addr_spec) == (intent.sender.name, "alex@example.org")
    assert "Bcc" not in msg
    assert not msg.is_multipart()


# -- the CLI ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "flags",
    [
        ["--to", BCC],
        ["--from", HTML_BODY],
        # Base64, "x\r\nBcc: e@x.example": three words, short enough for the built-in subject
        # ("A question about ..."), where the longer quoted-printable form no longer fits.
        ["--industry", "=?utf-8?b?eA0KQmNjOiBlQHguZXhhbXBsZQ==?="],
        ["--from-email", "alex@exa\u00e4mple..org"],
        ["--from-email", "zoë@example.org"],
    ],
)
def test_the_cli_refuses_hostile_eml_input_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, flags: list[str]
) -> None:
    """Bad header values give exit 2 and a short message naming the field, never a traceback or a file."""
    out = tmp_path / "ask.eml"
    argv = [
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
        "--to-email",
        "sam@example.com",
        "--from-email",
        "alex@example.org",
        "--no-check",
        "--format",
        "eml",
        "--out",
        str(out),
        *flags,
    ]
    code = main(argv)
    stdout, err = capsys.readouterr()
    assert code == 2, err
    assert "Traceback" not in stdout + err
    assert "internal error" not in err
    assert len(err.strip().splitlines()) <= 4
    assert not out.exists()


# -- .ics ---------------------------------------------------------------------------------------------

LINE_BREAKS = {"NEL": "\x85", "LSEP": "\u2028", "PSEP": "\u2029", "VT": "\x0b", "FF": "\x0c", "CR": "\r"}


def _lines_are_crlf_only(raw: bytes) -> bool:
    text = raw.decode("utf-8")
    return text.splitlines() == text.split("\r\n")[:-1] and text.endswith("\r\n")


def _with_text(
    result: askcraft.Draft, *, subject: str | None = None, body: str | None = None
) -> askcraft.Draft:
    """Return *result* with another subject or body, as a template (or a future renderer) might write it."""
    return result.__class__(
        result.intent,
        result.subject if subject is None else subject,
        result.body if body is None else body,
        list(result.findings),
        result.provenance,
        result._settings,
    )


def _begin_lines(raw: bytes) -> list[bytes]:
    return [line for line in raw.split(b"\r\n") if line.startswith(b"BEGIN:")]


@pytest.mark.parametrize("char", LINE_BREAKS.values(), ids=LINE_BREAKS.keys())
def test_a_body_cannot_start_a_calendar_component(make_intent: IntentFactory, char: str) -> None:
    """A line break of any kind plus BEGIN:VEVENT in the text stays inside DESCRIPTION, as one line."""
    payload = f"Hello.{char}BEGIN:VEVENT{char}SUMMARY:evil{char}END:VEVENT{char}Bye."
    result = _with_text(_draft(make_intent()), body=payload)
    raw = result.to_ics()
    assert _lines_are_crlf_only(raw)
    assert _begin_lines(raw) == [b"BEGIN:VCALENDAR", b"BEGIN:VTODO"]
    cal = icalendar.Calendar.from_ical(raw)
    assert [c.name for c in cal.walk()] == ["VCALENDAR", "VTODO"]


@pytest.mark.parametrize("char", ["\u202e", "\x1b", "\x9b"])
def test_a_body_with_controls_is_refused_for_ics(make_intent: IntentFactory, char: str) -> None:
    """Controls and bidi overrides that are not line breaks are refused, naming the character."""
    result = _with_text(_draft(make_intent()), body=f"Hello{char} there.")
    with pytest.raises(askcraft.IntentError, match=f"U\\+{ord(char):04X}"):
        result.to_ics()


@pytest.mark.parametrize(
    "subject", ["Hi\r\nBcc: evil@attacker.example", "Hi\x85Bcc: x@y.example", "Hi\u2028there"]
)
def test_a_subject_with_a_line_break_never_reaches_the_eml(make_intent: IntentFactory, subject: str) -> None:
    """Whatever wrote the subject, a line break in it is refused before any header is written."""
    result = _with_text(_draft(make_intent(**ADDRESSES)), subject=subject)
    with pytest.raises(askcraft.IntentError, match="subject"):
        result.to_eml()


def test_an_ics_that_does_not_read_back_is_never_returned(
    make_intent: IntentFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the calendar ever held a second component, the exporter refuses to return it."""
    result = _draft(make_intent())
    real = ics_module._calendar

    def smuggle(*args: Any) -> bytes:
        extra = b"BEGIN:VEVENT\r\nSUMMARY:evil\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        return real(*args).replace(b"END:VCALENDAR\r\n", extra)

    monkeypatch.setattr(ics_module, "_calendar", smuggle)
    with pytest.raises(askcraft.IntentError, match="does not read back"):
        result.to_ics()


def test_ics_summary_and_component_are_verified(make_intent: IntentFactory) -> None:
    """The calendar parses back to one VTODO whose summary names the recipient exactly."""
    result = _draft(make_intent(recipient={"name": "Zoë Núñez, PhD"}))
    raw = result.to_ics()
    assert _lines_are_crlf_only(raw)
    cal = icalendar.Calendar.from_ical(raw)
    (todo,) = [c for c in cal.walk() if c.name != "VCALENDAR"]
    assert todo.name == "VTODO"
    assert "Zoë Núñez, PhD" in str(todo["summary"])
