"""What stands between the page and anything else on the machine or the web.

- **Host header**: only ``127.0.0.1`` and ``localhost`` (Starlette's ``TrustedHostMiddleware``), so a
  web site that points its own name at 127.0.0.1 (DNS rebinding) is refused.
- **Token**: every request needs the per-run token, from the URL the first time (``?token=...``, then
  redirected away so it leaves the address bar) and from an HttpOnly, SameSite=Strict cookie after.
- **CSRF**: every request other than GET and HEAD needs the per-run CSRF token (an ``X-CSRF-Token``
  header, or a ``csrf_token`` form field for the download forms), and an Origin, when the browser
  sends one, of this server.
- **Headers** on every response: a strict Content-Security-Policy (scripts, styles and images only
  from this server, no inline script or style, no frames, forms post only here),
  nosniff, no caching; referrers only to this server.
- **Size**: request bodies are limited by the app (``Starlette(max_body_size=...)``); a form body is
  read here only up to that limit.
"""

from __future__ import annotations

import dataclasses
import hmac
import secrets
from urllib.parse import parse_qs, urlencode

from starlette.datastructures import Headers, QueryParams
from starlette.requests import cookie_parser
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS: tuple[tuple[str, str], ...] = (
    ("content-security-policy", CSP),
    ("x-content-type-options", "nosniff"),
    # same-origin, not no-referrer: with no-referrer a form post carries "Origin: null", which the CSRF
    # check refuses; no page here links elsewhere, and the token never stays in an address.
    ("referrer-policy", "same-origin"),
    ("x-frame-options", "DENY"),
    ("cross-origin-opener-policy", "same-origin"),
    ("cross-origin-resource-policy", "same-origin"),
    ("permissions-policy", "camera=(), microphone=(), geolocation=(), payment=()"),
    ("cache-control", "no-store"),
)
ALLOWED_HOSTS = ("127.0.0.1", "localhost")
SAFE_METHODS = frozenset({"GET", "HEAD"})
FORBIDDEN_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>askcraft: open the link from your terminal</title>
<link rel="stylesheet" href="/static/askcraft.css"></head>
<body><main class="narrow"><h1>Open the link from your terminal</h1>
<p>This page belongs to <code>askcraft serve</code>, which printed a link ending in
<code>?token=&hellip;</code> when it started. Open that link (or start <code>askcraft serve</code>
again); the token keeps other programs and web sites away from your drafts.</p></main></body></html>
"""


@dataclasses.dataclass(frozen=True)
class Secrets:
    """The per-run secrets: the token in the printed URL, and the CSRF token the pages carry."""

    token: str
    csrf: str
    port: int

    @classmethod
    def new(cls, port: int) -> Secrets:
        """Return fresh random secrets for a server on *port*."""
        return cls(token=secrets.token_urlsafe(32), csrf=secrets.token_urlsafe(32), port=port)

    @property
    def cookie(self) -> str:
        """Return the cookie's name: one per port, since cookies do not tell ports apart."""
        return f"askcraft-{self.port}"

    @property
    def origins(self) -> frozenset[str]:
        """Return the origins this server's own pages have."""
        return frozenset(f"http://{host}:{self.port}" for host in ALLOWED_HOSTS)


def same(given: str | None, expected: str) -> bool:
    """Compare a secret in constant time."""
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


class SecurityHeaders:
    """Add the security headers to every response, whoever made it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.decode().lower() != "server"]
                names = {k.decode().lower() for k, _ in headers}
                headers += [(k.encode(), v.encode()) for k, v in HEADERS if k not in names]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class Guard:
    """Refuse any request without the token, and any state-changing one without the CSRF token."""

    def __init__(self, app: ASGIApp, *, keys: Secrets) -> None:
        self.app = app
        self.keys = keys

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self.app(scope, receive, send)
            return
        if scope["type"] != "http":  # no websockets here
            return
        response = self._token_response(scope)
        if response is not None:
            await response(scope, receive, send)
            return
        if scope["method"] in SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        problem, receive = await self._csrf_problem(scope, receive)
        if problem:
            await PlainTextResponse(f"Forbidden: {problem}", status_code=403)(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _token_response(self, scope: Scope) -> Response | None:
        """Return the response for a request without a valid token, or for the first visit; else None."""
        query = QueryParams(scope.get("query_string", b"").decode("latin-1"))
        given = query.get("token")
        if given is not None:
            if not same(given, self.keys.token):
                return HTMLResponse(FORBIDDEN_PAGE, status_code=403)
            rest = urlencode([(k, v) for k, v in query.multi_items() if k != "token"])
            target = scope.get("path", "/") + (f"?{rest}" if rest else "")
            redirect = RedirectResponse(target, status_code=303)
            redirect.set_cookie(self.keys.cookie, self.keys.token, httponly=True, samesite="strict", path="/")
            return redirect
        cookies = cookie_parser(Headers(scope=scope).get("cookie", ""))
        if not same(cookies.get(self.keys.cookie), self.keys.token):
            return HTMLResponse(FORBIDDEN_PAGE, status_code=403)
        return None

    async def _csrf_problem(self, scope: Scope, receive: Receive) -> tuple[str | None, Receive]:
        """Return (what is wrong with the request's CSRF protection or None, the receive to go on with)."""
        headers = Headers(scope=scope)
        origin = headers.get("origin")
        if origin is not None and origin not in self.keys.origins:
            return "the request came from another site", receive
        site = headers.get("sec-fetch-site")
        if site is not None and site not in {"same-origin", "none"}:
            return "the request came from another site", receive
        if same(headers.get("x-csrf-token"), self.keys.csrf):
            return None, receive
        if headers.get("content-type", "").split(";")[0].strip() != "application/x-www-form-urlencoded":
            return "missing or wrong CSRF token", receive
        # A download form: read its body (the app's size limit applies), check its field, replay it.
        chunks: list[bytes] = []
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return "the request ended early", receive
            chunks.append(message.get("body", b""))
            more = bool(message.get("more_body"))
        body = b"".join(chunks)
        fields = parse_qs(body.decode("utf-8", "replace"), max_num_fields=50)
        if not same(fields.get("csrf_token", [""])[0], self.keys.csrf):
            return "missing or wrong CSRF token", receive
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        return None, replay
