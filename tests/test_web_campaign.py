"""The Campaign page's requests: a contacts file read, one draft per contact, marked sent, who is due."""

from __future__ import annotations

import base64
import email
import email.policy
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from askcraft._web import app as web_app
from askcraft._web import campaigning
from askcraft._web.security import Secrets

PORT = 8767
EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "campaign"
ASK = {
    "goal": "job-leads",
    "count": "2",
    "industry": "banking",
    "channel": "email",
    "recipient.relationship": "acquaintance",
    "sender.name": "Alex Kim",
    "sender.reason": "I want to put my math degree to work in finance ASAP",
    "sender.email": "alex@example.com",
}


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ASKCRAFT_LEDGER", str(tmp_path / "ledger.sqlite3"))
    work = tmp_path / "work"
    work.mkdir()
    return work


@pytest.fixture
def client(root: Path) -> TestClient:
    keys = Secrets.new(PORT)
    app = web_app.create_app(keys, root=root)
    client = TestClient(app, base_url=f"http://127.0.0.1:{PORT}", follow_redirects=False)
    assert client.get(f"/?token={keys.token}").status_code == 303
    client.headers["X-CSRF-Token"] = keys.csrf
    return client


def upload(name: str, content: bytes) -> dict[str, str]:
    return {"file_name": name, "content": base64.b64encode(content).decode()}


def post(client: TestClient, path: str, body: dict[str, Any]) -> dict[str, Any]:
    response = client.post(path, json=body)
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()
    return data


def test_a_contacts_file_is_read_before_anything_is_drafted(client: TestClient, root: Path) -> None:
    contacts = upload("Connections.csv", (EXAMPLES / "Connections.csv").read_bytes())
    data = post(client, "/api/campaign/contacts", {"contacts": contacts})
    assert data["format"] == "LinkedIn connections export"
    assert data["count"] == 5
    assert data["contacts"][0] == {
        "name": "Sam Lee", "email": "sam.lee@example.com", "company": "Northbank", "relationship": None,
    }  # fmt: skip
    assert any("notes above the header" in note for note in data["notes"])
    assert not (root / campaigning.FOLDER).exists()  # reading drafts nothing, writes nothing


def test_each_contact_gets_a_checked_draft_in_the_campaigns_folder(client: TestClient, root: Path) -> None:
    contacts = upload("Connections.csv", (EXAMPLES / "Connections.csv").read_bytes())
    body = {"contacts": contacts, "ask": ASK, "name": "../Banking leads/..", "grammar": False}
    data = post(client, "/api/campaign/run", body)
    assert data["campaign"] == "banking-leads"  # a name can never make a path elsewhere
    folder = root / campaigning.FOLDER / "banking-leads"
    assert Path(data["folder"]) == folder.resolve()
    assert data["summary"].startswith("Asked 5 people for two names each in banking")
    assert len(data["drafts"]) == 5
    sam = data["drafts"][0]
    assert sam["file"] == "sam-lee.eml"
    (asap,) = [f for f in sam["findings"] if f["rule"] == "pressure.asap"]
    assert asap["style"] == "tone"
    marked = [run for run in sam["body_runs"] if asap["id"] in run["ids"]]
    assert "".join(run["text"] for run in marked).strip() == "ASAP"
    message = email.message_from_bytes((folder / "sam-lee.eml").read_bytes(), policy=email.policy.default)
    assert message["To"] == "Sam Lee <sam.lee@example.com>"


def test_marked_sent_they_are_due_a_reminder_a_week_later(client: TestClient) -> None:
    contacts = upload("contacts.csv", b"name,email\nSam Lee,sam@example.com\nPriya Patel,priya@example.com\n")
    body = {"contacts": contacts, "ask": ASK, "name": "q4", "grammar": False}
    run = post(client, "/api/campaign/run", body)
    assert post(client, "/api/campaign/due", {"today": "2026-11-05"})["due"] == []  # not sent yet
    marked = post(client, "/api/campaign/mark", {"campaign": run["campaign"], "on": "2026-11-02"})
    assert marked["marked"] == 2
    early = post(client, "/api/campaign/due", {"today": "2026-11-05"})["due"]
    assert [(row["name"], row["now"]) for row in early] == [("Priya Patel", False), ("Sam Lee", False)]
    due = post(client, "/api/campaign/due", {"today": "2026-11-12"})["due"]
    assert {row["name"] for row in due if row["now"]} == {"Sam Lee", "Priya Patel"}
    assert due[0]["step"] == "reminder 1"
    assert due[0]["why"] == "asked 2026-11-02, no reply (reminder 1 of 2)"


def test_a_bad_ask_is_reported_next_to_its_field(client: TestClient) -> None:
    contacts = upload("contacts.csv", b"name\nSam Lee\n")
    body = {"contacts": contacts, "ask": {**ASK, "count": "two"}, "name": "x", "grammar": False}
    data = post(client, "/api/campaign/run", body)
    assert data == {"invalid": {"count": "must be a whole number"}}


def test_askcrafts_own_refusals_are_shown_not_raised(client: TestClient) -> None:
    data = post(client, "/api/campaign/contacts", {"contacts": upload("contacts.csv", b"\x00\x01garbage")})
    assert data["error"]


@pytest.mark.parametrize(
    "body",
    [
        {"contacts": {"file_name": "contacts.exe", "content": ""}},
        {"contacts": {"file_name": "contacts.csv", "content": "not base64!"}},
        {"contacts": {"file_name": "contacts.csv"}},
        {"contacts": upload("c.csv", b"name\nSam\n"), "path": "/etc/passwd"},
    ],
)
def test_uploads_the_page_never_sends_are_refused(client: TestClient, body: dict[str, Any]) -> None:
    assert client.post("/api/campaign/contacts", json=body).status_code == 400


def test_a_contacts_file_over_the_limit_is_refused(client: TestClient) -> None:
    over = upload("contacts.csv", b"a" * (campaigning.MAX_CONTACTS + 1))
    response = client.post("/api/campaign/contacts", json={"contacts": over})
    assert response.status_code == 400
    assert "over 2 MB" in response.json()["error"]
    huge = upload("contacts.csv", b"a" * campaigning.MAX_BODY)
    assert client.post("/api/campaign/contacts", json={"contacts": huge}).status_code == 413  # never read
    just = upload("contacts.csv", b"name\n" + b"a" * (campaigning.MAX_CONTACTS - 10))
    assert client.post("/api/campaign/contacts", json={"contacts": just}).status_code == 200


def test_the_campaign_api_needs_the_csrf_token(client: TestClient) -> None:
    del client.headers["X-CSRF-Token"]
    assert client.post("/api/campaign/due", json={}).status_code == 403
