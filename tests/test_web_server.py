"""The web app's guards, with Starlette's test client: Host, token, CSRF, CSP, size limits, escaping."""

from __future__ import annotations

import ast
import email
import email.policy
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from packkit import packs_dir_fixture  # noqa: F401  (a fixture)
from starlette.testclient import TestClient
from webkit import FIELDS, SCRIPT, ask, write_hostile_pack

from askcraft._web import app as web_app
from askcraft._web.security import CSP, Secrets

PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"
WEB = Path(__file__).resolve().parent.parent / "askcraft" / "_web"


@pytest.fixture
def keys() -> Secrets:
    return Secrets.new(PORT)


@pytest.fixture
def anonymous(keys: Secrets) -> TestClient:
    """A client that has not opened the printed link."""
    return TestClient(web_app.create_app(keys), base_url=BASE, follow_redirects=False)


@pytest.fixture
def client(keys: Secrets, anonymous: TestClient) -> TestClient:
    """A client that opened the printed link (so it holds the cookie) and sends the CSRF header."""
    first = anonymous.get(f"/?token={keys.token}")
    assert first.status_code == 303
    anonymous.headers["X-CSRF-Token"] = keys.csrf
    return anonymous


# -- Host header (DNS rebinding) --------------------------------------------------------------------


@pytest.mark.parametrize("host", ["evil.example", f"evil.example:{PORT}", "127.0.0.1.nip.io", "0.0.0.0"])  # noqa: S104
def test_a_foreign_host_header_is_refused(client: TestClient, host: str) -> None:
    """A site that points its own name at 127.0.0.1 reaches the server, but with its own Host: refused."""
    response = client.get("/draft", headers={"host": host})
    assert response.status_code == 400
    assert "content-security-policy" in response.headers


@pytest.mark.parametrize("host", [f"127.0.0.1:{PORT}", f"localhost:{PORT}"])
def test_loopback_host_headers_are_served(client: TestClient, host: str) -> None:
    assert client.get("/draft", headers={"host": host}).status_code == 200


# -- the token ---------------------------------------------------------------------------------------


PATHS = ["/", "/draft", "/check", "/campaign", "/packs", "/static/askcraft.js", "/nowhere"]


@pytest.mark.parametrize("path", PATHS)
def test_every_request_needs_the_token(anonymous: TestClient, path: str) -> None:
    response = anonymous.get(path)
    assert response.status_code == 403
    assert "Open the link from your terminal" in response.text


def test_a_wrong_token_is_refused(anonymous: TestClient, keys: Secrets) -> None:
    response = anonymous.get("/?token=" + "x" * len(keys.token))
    assert response.status_code == 403
    assert "set-cookie" not in response.headers
    assert anonymous.get("/draft").status_code == 403


def test_the_token_becomes_a_strict_cookie_and_leaves_the_address_bar(
    anonymous: TestClient, keys: Secrets
) -> None:
    response = anonymous.get(f"/packs?token={keys.token}&x=1")
    assert response.status_code == 303
    assert response.headers["location"] == "/packs?x=1"  # the token is not kept in the URL
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"askcraft-{PORT}={keys.token};")
    assert "HttpOnly" in cookie
    assert "samesite=strict" in cookie.lower()
    assert anonymous.get("/packs").status_code == 200


def test_the_cookie_of_another_server_does_not_open_this_one(keys: Secrets) -> None:
    other = Secrets.new(PORT)
    client = TestClient(web_app.create_app(other), base_url=BASE, follow_redirects=False)
    client.cookies.set(keys.cookie, keys.token)
    assert client.get("/draft").status_code == 403


# -- CSRF ---------------------------------------------------------------------------------------------


def test_posts_need_the_csrf_token(client: TestClient, keys: Secrets) -> None:
    del client.headers["X-CSRF-Token"]
    assert client.post("/api/preview", json=ask()).status_code == 403
    assert client.post("/api/preview", json=ask(), headers={"X-CSRF-Token": "nope"}).status_code == 403
    assert client.post("/api/check", json={"text": "Hi"}).status_code == 403
    assert client.post("/download/eml", data={"payload": json.dumps(ask())}).status_code == 403
    ok = client.post("/api/preview", json=ask(), headers={"X-CSRF-Token": keys.csrf})
    assert ok.status_code == 200


@pytest.mark.parametrize(
    "headers",
    [{"origin": "http://evil.example"}, {"origin": "null"}, {"sec-fetch-site": "cross-site"}],
)
def test_posts_from_another_site_are_refused_even_with_the_token(
    client: TestClient, headers: dict[str, str]
) -> None:
    response = client.post("/api/preview", json=ask(), headers=headers)
    assert response.status_code == 403
    assert "another site" in response.text


def test_posts_from_the_page_itself_pass(client: TestClient) -> None:
    headers = {"origin": BASE, "sec-fetch-site": "same-origin"}
    assert client.post("/api/preview", json=ask(), headers=headers).status_code == 200


def test_the_download_form_carries_its_csrf_token_in_a_field(client: TestClient, keys: Secrets) -> None:
    del client.headers["X-CSRF-Token"]
    form = {"payload": json.dumps(ask())}
    assert client.post("/download/eml", data=form).status_code == 403
    assert client.post("/download/eml", data={**form, "csrf_token": "nope"}).status_code == 403
    response = client.post("/download/eml", data={**form, "csrf_token": keys.csrf})
    assert response.status_code == 200
    message = email.message_from_bytes(response.content, policy=email.policy.default)
    assert message["Subject"] == "A question about banking"
    assert "three people in banking" in " ".join(message.get_content().split())


def test_get_never_changes_anything(client: TestClient) -> None:
    """The API and downloads answer POST only, so a link or an <img> cannot reach them."""
    for path in ("/api/preview", "/api/check", "/download/eml"):
        assert client.get(path).status_code == 405


# -- headers and the pages' markup ------------------------------------------------------------------


class _Markup(HTMLParser):
    """Collect what a strict CSP would refuse: inline scripts, inline styles, event handlers."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _ in attrs}
        if tag == "script" and "src" not in names:
            self.problems.append("inline <script>")
        if tag == "style":
            self.problems.append("<style> element")
        for name, value in attrs:
            if name == "style" or name.startswith("on"):
                self.problems.append(f"{tag} {name}=")
            if name in {"src", "href"} and value and re.match(r"(?i)\s*(https?:|//|javascript:)", value):
                self.problems.append(f"{tag} {name}={value}: not from this server")


@pytest.mark.parametrize("path", ["/draft", "/check", "/campaign", "/packs", "/draft?pack=builtin"])
def test_pages_carry_the_strict_csp_and_need_nothing_it_forbids(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-security-policy"] == CSP
    assert "'unsafe-inline'" not in CSP
    assert "'unsafe-eval'" not in CSP
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "same-origin"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["cache-control"] == "no-store"
    markup = _Markup()
    markup.feed(response.text)
    assert markup.problems == []


@pytest.mark.parametrize("path", ["/nowhere", "/static/nothing.css"])
def test_errors_carry_the_headers_too(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.headers["content-security-policy"] == CSP


def test_every_asset_the_pages_name_is_served_from_the_package(client: TestClient) -> None:
    text = client.get("/draft").text
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', text)
    assert {"/static/askcraft.css", "/static/askcraft.js", "/static/favicon.svg"} <= set(assets)
    for asset in assets:
        assert client.get(asset).status_code == 200, asset


def test_the_script_never_writes_html() -> None:
    """Text reaches the page as text: the script has no innerHTML, outerHTML, insertAdjacentHTML or eval."""
    script = (WEB / "static" / "askcraft.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in script, sink


# -- size limits --------------------------------------------------------------------------------------


def test_a_body_over_the_limit_is_refused(client: TestClient) -> None:
    big = json.dumps({"text": "a" * (web_app.MAX_BODY + 10)})
    response = client.post("/api/check", content=big, headers={"content-type": "application/json"})
    assert response.status_code == 413


def test_a_message_over_the_limit_is_refused_with_a_reason(client: TestClient) -> None:
    response = client.post("/api/check", json={"text": "word " * 4_001})
    assert response.status_code == 400
    assert "longer than 20,000 characters" in response.json()["error"]


def test_a_field_over_its_limit_is_reported_next_to_it(client: TestClient) -> None:
    data = client.post("/api/preview", json=ask({**FIELDS, "sender.reason": "x" * 700})).json()
    assert data["ok"] is False
    assert data["invalid"]["sender.reason"] == "must have at most 600 characters"
    data = client.post("/api/preview", json=ask({**FIELDS, "industry": "y" * 6_000})).json()
    assert "at most 120 characters" in data["invalid"]["industry"]


@pytest.mark.parametrize(
    "body",
    [
        [],
        {"fields": {"nonsense": "x"}},
        {"fields": {f"f{i}": "x" for i in range(300)}},
        {"fields": FIELDS, "pack": "/etc"},
        {"fields": FIELDS, "pack": "no-such-pack"},
        {"fields": FIELDS, "stage": "ultimatum"},
        {"fields": FIELDS, "grammar": "yes"},
        {"fields": FIELDS, "surprise": 1},
    ],
)
def test_requests_the_page_never_sends_are_refused(client: TestClient, body: Any) -> None:
    response = client.post("/api/preview", json=body)
    assert response.status_code == 400
    assert response.json()["error"]


def test_not_json_is_refused(client: TestClient) -> None:
    response = client.post("/api/preview", content=b"{oops", headers={"content-type": "application/json"})
    assert response.status_code == 400


# -- escaping: a hostile pack, a <script> name ------------------------------------------------------


def test_a_hostile_pack_is_shown_as_text_on_every_page(client: TestClient, packs_dir: Path) -> None:
    write_hostile_pack(packs_dir)
    for path in ("/packs", "/draft?pack=hostile"):
        text = client.get(path).text
        assert "<script>window" not in text, path
        assert "<img src=x" not in text, path
    packs = client.get("/packs").text
    assert "&lt;script&gt;window.__pwned=&#39;script&#39;&lt;/script&gt;" in packs
    assert "&lt;img src=x onerror=" in packs
    assert "&lt;img src=x onerror=" in client.get("/draft?pack=hostile").text  # the field's help


def test_a_hostile_packs_output_is_data_not_markup(client: TestClient, packs_dir: Path) -> None:
    """The preview is JSON; the page puts it in as text (the browser tests watch that it does)."""
    write_hostile_pack(packs_dir)
    fields = {**FIELDS, "goal": "favour", "details": "look over my CV"}
    del fields["count"], fields["industry"]
    response = client.post("/api/preview", json=ask(fields, pack="hostile"))
    assert response.headers["content-type"] == "application/json"
    draft = response.json()["draft"]
    assert SCRIPT in draft["body"]
    assert "".join(run["text"] for run in draft["body_runs"]) == draft["body"]


def test_an_unknown_pack_in_the_address_is_escaped(client: TestClient) -> None:
    response = client.get("/draft", params={"pack": "<script>alert(1)</script>"})
    assert response.status_code == 404
    assert "<script>alert(1)" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Sam Lee", "request-sam-lee.eml"),
        ("../../etc/passwd", "request-etc-passwd.eml"),
        ("<script>alert(1)</script>", "request-script-alert-1-script.eml"),
        ("Zoë Ñúñez", "request-zoe-nunez.eml"),
        ("李雷", "request.eml"),
        ('a"; filename="evil.sh', "request-a-filename-evil-sh.eml"),
    ],
)
def test_downloads_name_no_path_but_their_own(client: TestClient, name: str, expected: str) -> None:
    body = ask({**FIELDS, "recipient.name": name})
    form = {"payload": json.dumps(body), "csrf_token": client.headers["X-CSRF-Token"]}
    response = client.post("/download/eml", data=form)
    assert response.status_code == 200
    assert response.headers["content-disposition"] == f'attachment; filename="{expected}"'


def test_the_web_room_uses_only_the_public_api() -> None:
    """askcraft/_web imports askcraft, askcraft.packs and askcraft.tone, and itself: nothing private."""
    allowed = {"askcraft", "askcraft.packs", "askcraft.tone"}
    for path in WEB.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                if name.startswith("askcraft") and not name.startswith("askcraft._web"):
                    assert name in allowed, f"{path.name} imports {name}"
