"""What the web page's requests answer: the form from the schema, previews, the arc, fixes, checks, files."""

from __future__ import annotations

import email
import email.policy
import json
from typing import Any

import pytest
from starlette.testclient import TestClient
from webkit import FIELDS, ask

import askcraft
import askcraft.packs
from askcraft._web import app as web_app
from askcraft._web import drafting, pages
from askcraft._web.findings import STYLE, runs
from askcraft._web.form import NOT_IN_FORM, _leaves, build_form
from askcraft._web.security import Secrets

PORT = 8766


@pytest.fixture
def client() -> TestClient:
    keys = Secrets.new(PORT)
    client = TestClient(web_app.create_app(keys), base_url=f"http://127.0.0.1:{PORT}", follow_redirects=False)
    assert client.get(f"/?token={keys.token}").status_code == 303
    client.headers["X-CSRF-Token"] = keys.csrf
    return client


def preview(client: TestClient, body: dict[str, Any]) -> dict[str, Any]:
    response = client.post("/api/preview", json=body)
    assert response.status_code == 200, response.text
    assert response.headers["server-timing"].startswith("askcraft;dur=")
    data: dict[str, Any] = response.json()
    return data


# -- the form ----------------------------------------------------------------------------------------


def test_every_field_of_the_schema_is_in_the_form() -> None:
    schema = askcraft.packs.intent_schema()
    form = build_form(schema)
    leaves = {path for path, _ in _leaves(schema) if path.split(".")[0] not in NOT_IN_FORM}
    assert leaves == {p for p in form.fields if not p.startswith("extra.")}
    in_groups = [f.path for g in form.groups for f in g.fields]
    assert sorted(in_groups) == sorted(form.fields)  # each exactly once
    assert set(form.always) == {"goal", "recipient.name", "recipient.relationship", "sender.name"}


def test_a_packs_fields_get_their_help_accepted_values_and_limits() -> None:
    form = build_form(askcraft.packs.intent_schema("examples/packs/career-coach"))
    minutes = form.fields["extra.meeting_minutes"]
    assert (minutes.widget, minutes.minimum, minutes.maximum, minutes.default) == ("number", 10, 45, "20")
    assert minutes.help.startswith("How long a conversation")
    meeting = form.fields["extra.meeting_format"]
    assert (meeting.widget, meeting.choices) == ("select", ("video call", "phone call", "coffee"))
    assert any(g.title == "Fields of the career-coach pack" for g in form.groups)


def test_the_draft_page_shows_labels_help_required_marks_and_accepted_values(client: TestClient) -> None:
    text = client.get("/draft").text
    assert '<label for="f-recipient-name">Their name' in text
    assert "Their name as you would write it in a greeting" in text  # the schema's description
    assert 'id="r-count">required</span>' in text  # job leads need a count
    assert "Accepted: a whole number from 1 to 20." in text
    assert '<option value="former-colleague">Former colleague</option>' in text
    assert 'aria-describedby="h-count e-count"' in text


# -- previews ----------------------------------------------------------------------------------------


def test_a_complete_form_previews_the_readme_request(client: TestClient, today: Any) -> None:
    data = preview(client, ask())
    assert data["ok"] is True
    draft = data["draft"]
    expected = askcraft.draft(
        {**_intent(), "kind": "request"}, grammar=False
    )  # the same public call, made directly
    assert (draft["subject"], draft["body"]) == (expected.subject, expected.body)
    assert "".join(r["text"] for r in draft["body_runs"]) == draft["body"]
    assert draft["variants"] == ["direct", "warm-up", "brief"]
    assert draft["variant"] == draft["auto_variant"]
    assert draft["provenance"]["pack"] == "builtin"
    assert draft["text"].startswith("Subject: A question about banking")


def _intent() -> dict[str, Any]:
    return {
        "goal": "job-leads",
        "count": 3,
        "industry": "banking",
        "recipient": {"name": "Sam Lee", "relationship": "former-colleague"},
        "sender": {"name": "Alex Kim", "reason": "I want to put my math degree to work in finance"},
        "channel": "email",
    }


@pytest.mark.parametrize(
    ("count", "message"), [("25", "less than or equal to 20"), ("0", "greater than or equal to 1")]
)
def test_a_bad_count_is_reported_next_to_the_count(client: TestClient, count: str, message: str) -> None:
    data = preview(client, ask({**FIELDS, "count": count}))
    assert data["ok"] is False
    assert message in data["invalid"]["count"]
    assert data["invalid"]["count"].startswith("must be")


def test_a_count_that_is_not_a_number_is_reported(client: TestClient) -> None:
    data = preview(client, ask({**FIELDS, "count": "three"}))
    assert data["invalid"] == {"count": "must be a whole number"}
    assert "count" not in data["missing"]


def test_missing_fields_are_listed_with_their_labels(client: TestClient) -> None:
    data = preview(client, ask({"goal": "job-leads"}))
    assert data["ok"] is False
    missing = data["missing"]
    assert missing["recipient.name"] == {"label": "Their name", "message": "required"}
    # Everything at once: what the intent needs, and what the pack needs for job leads.
    assert set(missing) == {
        "recipient.name",
        "recipient.relationship",
        "sender.name",
        "sender.reason",
        "count",
        "industry",
    }
    assert missing["industry"]["message"] == "one of Industry, Role, Company"
    assert data["required"]["industry"] == "one of Industry, Role, Company"


def test_variants_switch_the_phrasing(client: TestClient) -> None:
    bodies = {v: preview(client, ask(variant=v))["draft"] for v in ("direct", "warm-up", "brief")}
    assert len({d["body"] for d in bodies.values()}) == 3
    assert {v: d["variant"] for v, d in bodies.items()} == {v: v for v in bodies}


def test_the_arc_request_reminder_thank_you_from_one_form(client: TestClient) -> None:
    fields = {
        **FIELDS,
        "sent_on": "2026-10-01",
        "news": "I passed my CFA Level I exam",
        "help": "introducing me to Priya",
        "outcome": "I have an interview on Monday",
    }
    request = preview(client, ask(fields))["draft"]
    reminder = preview(client, ask(fields, stage="reminder"))["draft"]
    thanks = preview(client, ask(fields, stage="thank-you"))["draft"]
    assert (request["stage"], reminder["stage"], thanks["stage"]) == ("request", "reminder", "thank-you")
    assert "CFA" in reminder["body"]
    assert "CFA" not in request["body"]  # the reminder's news is not in the request
    assert "Priya" in thanks["body"]
    assert reminder["variants"] == ["nudge", "update", "brief"]
    # The same public calls, made directly, give the same messages.
    base = askcraft.draft(
        {**_intent(), "news": "I passed my CFA Level I exam", "kind": "request"}, grammar=False
    )
    from datetime import date  # noqa: PLC0415

    assert reminder["body"] == base.reminder(sent_on=date(2026, 10, 1)).body


def test_a_thank_you_needs_what_they_did(client: TestClient) -> None:
    data = preview(client, ask(stage="thank-you"))
    assert data["ok"] is False
    assert "help" in data["missing"]
    assert data["required"]["help"] == "required"


def test_a_flagged_phrase_is_fixed_in_the_field_it_came_from(client: TestClient) -> None:
    fields = {**FIELDS, "sender.reason": "I need a job in finance ASAP"}
    draft = preview(client, ask(fields))["draft"]
    (asap,) = [f for f in draft["findings"] if f["rule"] == "pressure.asap"]
    assert asap["style"] == "tone"
    fix = asap["fixes"][0]
    assert fix["path"] == "sender.reason"
    assert fix["was"] == "I need a job in finance ASAP"
    assert fix["value"] == fix["was"].replace(asap["excerpt"], fix["replacement"], 1)
    assert "ASAP" not in fix["value"]
    again = preview(client, ask({**fields, "sender.reason": fix["value"]}))["draft"]
    assert "pressure.asap" not in {f["rule"] for f in again["findings"]}


def test_a_phrase_the_template_wrote_has_no_field_to_fix(client: TestClient) -> None:
    """A rewrite the user cannot make in a field is offered as a suggestion (path None), not a button."""
    draft = preview(client, ask({**FIELDS, "recipient.greeting": "Hey Sam"}))["draft"]
    for finding in draft["findings"]:
        for fix in finding["fixes"]:
            if fix["path"] is not None:
                assert finding["excerpt"].lower() in fix["was"].lower()


def _fixes_at(
    text: str, words: str, replacements: tuple[str, ...], values: dict[str, str], length: int | None = None
) -> list[Any]:
    """The fixes the page offers for a finding on the first *words* in *text* (or their first *length*
    characters), given the form's *values*."""
    at = text.index(words)
    size = len(words) if length is None else length
    finding = askcraft.Finding("grammar", "suggestion", "test", "test.rule", at, size, replacements)
    return drafting._source_fixes(finding, text, values, pages.form_for(None))


def test_a_fix_goes_only_to_the_field_the_flagged_words_came_from() -> None:
    """Flagged words are fixed in a field only where that field's text stands in the draft.

    (A person named Priya Shah once got "PrFurthermore, Iya Shah" from a fix for a sentence's first
    "I": the lone letter was found, case aside, inside her name.)
    """
    values = {"recipient.name": "Priya Shah", "sender.reason": "I need a job in data", "industry": "IT"}
    text = "Hi Priya,\n\nI need a job in data. I like working in IT. It's fine if not.\n"
    (ours,) = _fixes_at(text, "I need", ("Furthermore, I",), values, length=1)
    assert ours["path"] == "sender.reason"
    assert ours["value"] == "Furthermore, I need a job in data"
    (theirs,) = _fixes_at(text, "I like", ("Furthermore, I",), values, length=1)
    assert theirs["path"] is None  # the template's own "I": a suggestion, and Priya keeps her name
    (inside,) = _fixes_at(text, "It's", ("It is",), values)
    assert inside["path"] is None  # "IT" the industry is not the "It" of "It's"
    (industry,) = _fixes_at(text, "IT.", ("IT",), values)
    assert industry["path"] == "industry"


def test_a_fix_over_the_full_stop_a_template_added_edits_the_field() -> None:
    """A sentence flagged with the full stop the template put after the reason is removed from the reason."""
    values = {"sender.reason": "  my boss is terrible"}
    text = "Hi Sam,\n\nMy boss is terrible. Do you know anyone?"
    (remove,) = _fixes_at(text, "My boss is terrible.", ("",), values)
    assert remove["path"] == "sender.reason"
    assert remove["value"] == "  "
    (reword,) = _fixes_at(text, "My boss is terrible.", ("I want more client work.",), values)
    assert reword["value"] == "  I want more client work"  # the template adds the full stop again


def test_a_packs_own_problems_are_shown_not_raised(client: TestClient) -> None:
    data = preview(client, ask({**FIELDS, "language": "it-IT"}))
    assert data["ok"] is False
    (line,) = data["other"]
    assert "cannot write in it-IT" in line


# -- the Check page ----------------------------------------------------------------------------------


def test_check_marks_findings_in_place_with_their_style(client: TestClient) -> None:
    text = "Send me the names ASAP!! My boss is awful. I recieve no answers."
    data = client.post("/api/check", json={"text": text, "grammar": False}).json()
    assert "".join(r["text"] for r in data["runs"]) == text
    findings = data["findings"]
    assert {f["style"] for f in findings} <= set(STYLE.values())
    assert "tone" in {f["style"] for f in findings}
    for finding in findings:  # each finding's runs, put together, are its excerpt
        covered = "".join(r["text"] for r in data["runs"] if finding["id"] in r["ids"])
        assert covered == finding["excerpt"]
    polite = data["politeness"]
    assert polite["score"] == round(askcraft.tone.politeness(text), 2)
    assert polite["lowered"]
    assert all(s["weight"] < 0 for s in polite["lowered"])
    assert all(s["weight"] > 0 for s in polite["raised"])


def test_check_applies_a_fix_at_the_offsets_askcraft_gave(client: TestClient) -> None:
    text = "Hi Ana 👋🏽, could you send me the names ASAP? My boss is awful. Thanks!"
    first = client.post("/api/check", json={"text": text, "grammar": False}).json()
    fixable = [f for f in first["findings"] if f["fixes"]]
    assert fixable
    for finding in fixable:
        fix = finding["fixes"][0]
        body = {
            "text": text,
            "grammar": False,
            "fix": {k: fix[k] for k in ("offset", "length", "replacement")},
        }
        second = client.post("/api/check", json=body).json()
        # The server cut at askcraft's offsets (code points: the emoji before it count as two).
        assert (
            second["text"]
            == text[: fix["offset"]] + fix["replacement"] + text[fix["offset"] + fix["length"] :]
        )
        assert text[fix["offset"] : fix["offset"] + fix["length"]] == finding["excerpt"]
        assert finding["rule"] not in {f["rule"] for f in second["findings"]}


@pytest.mark.parametrize(
    "fix",
    [
        {"offset": 5, "length": 100, "replacement": "x"},
        {"offset": -1, "length": 1, "replacement": "x"},
        {"offset": True, "length": 1, "replacement": "x"},
        {"offset": 0, "length": 1},
    ],
)
def test_check_refuses_a_fix_that_does_not_fit(client: TestClient, fix: dict[str, Any]) -> None:
    response = client.post("/api/check", json={"text": "Send it ASAP.", "fix": fix})
    assert response.status_code == 400


def test_check_of_nothing_is_nothing(client: TestClient) -> None:
    data = client.post("/api/check", json={"text": "   "}).json()
    assert data["findings"] == []
    assert data["politeness"] is None


def test_runs_cut_overlapping_findings_into_consecutive_pieces() -> None:
    out = runs("abcdefgh", [(0, 0, 6), (1, 2, 2), (2, 4, 0), (3, 6, 10)])
    assert out == [
        {"text": "ab", "ids": [0]},
        {"text": "cd", "ids": [0, 1]},
        {"text": "ef", "ids": [0]},
        {"text": "gh", "ids": [3]},
    ]


# -- downloads ---------------------------------------------------------------------------------------


def _download(client: TestClient, fmt: str, body: dict[str, Any]) -> Any:
    form = {"payload": json.dumps(body), "csrf_token": client.headers["X-CSRF-Token"]}
    return client.post(f"/download/{fmt}", data=form)


def test_downloads_are_the_drafts_own_exports(client: TestClient) -> None:
    fields = {**FIELDS, "recipient.email": "sam@example.com", "sender.email": "alex@example.com"}
    eml = _download(client, "eml", ask(fields))
    message = email.message_from_bytes(eml.content, policy=email.policy.default)
    assert (message["To"], message["From"]) == ("Sam Lee <sam@example.com>", "Alex Kim <alex@example.com>")
    assert eml.headers["content-type"] == "message/rfc822"
    ics = _download(client, "ics", ask(fields))
    assert ics.content.startswith(b"BEGIN:VCALENDAR")
    assert ics.headers["content-type"].startswith("text/calendar")
    data = json.loads(_download(client, "json", ask(fields)).content)
    assert data["subject"] == "A question about banking"
    assert (
        _download(client, "md", ask(fields)).text.startswith("**Subject:**")
        or "banking" in _download(client, "md", ask(fields)).text
    )


def test_a_download_before_the_form_is_complete_says_so(client: TestClient) -> None:
    response = _download(client, "eml", ask({"goal": "job-leads"}))
    assert response.status_code == 422
    assert "Nothing to download yet" in response.text


def test_a_file_that_may_not_carry_a_value_says_why(client: TestClient) -> None:
    """An exporter refuses what its file may not hold (an .eml: an ASCII local part); the page says why."""
    fields = {**FIELDS, "recipient.email": "jos\u00e9@example.com"}
    response = _download(client, "eml", ask(fields))
    assert response.status_code == 422
    assert "This file cannot be made" in response.text
    assert "recipient.email" in response.text
    assert "plain ASCII" in response.text
    assert _download(client, "md", ask(fields)).status_code == 200  # other files do not carry the address


def test_an_unknown_format_is_not_made(client: TestClient) -> None:
    assert _download(client, "exe", ask()).status_code == 404
