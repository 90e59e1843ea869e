"""The web app: its routes, and the guards every request passes (see ``security.py``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp

import askcraft
from askcraft._web import campaigning, checking, drafting, pages
from askcraft._web.security import ALLOWED_HOSTS, Guard, Secrets, SecurityHeaders

#: The largest request body the app reads (a form of intent fields, or a message to check).
MAX_BODY = 128 * 1024


async def _json(request: Request) -> Any:
    try:
        return json.loads(await request.body())
    except ValueError:
        raise drafting.BadRequestError("expected a JSON body") from None


def _answer(answer: dict[str, Any], seconds: float) -> JSONResponse:
    # Server-Timing lets the browser (and the end-to-end tests) see how long askcraft itself took.
    return JSONResponse(answer, headers={"server-timing": f"askcraft;dur={seconds * 1000:.1f}"})


def _api(handler: Callable[[Any], tuple[dict[str, Any], float]]) -> Callable[[Request], Any]:
    async def endpoint(request: Request) -> Response:
        try:
            data = await _json(request)
            answer, seconds = await run_in_threadpool(handler, data)
        except drafting.BadRequestError as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)
        return _answer(answer, seconds)

    return endpoint


def _preview(data: Any) -> tuple[dict[str, Any], float]:
    ask = drafting.read_ask(data, pages.usable_packs())
    return drafting.preview(ask, pages.form_for(ask.pack))


def _check(data: Any) -> tuple[dict[str, Any], float]:
    return checking.check(checking.read_check(data))


def _campaign_run(root: Path) -> Callable[[Any], tuple[dict[str, Any], float]]:
    def handler(data: Any) -> tuple[dict[str, Any], float]:
        return campaigning.run(data, pages.form_for(None), root)

    return handler


def _nothing_yet(message: str, status: int, heading: str = "Nothing to download yet") -> HTMLResponse:
    from html import escape  # noqa: PLC0415

    page = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>askcraft: nothing to download'
        '</title><link rel="stylesheet" href="/static/askcraft.css"></head><body><main class="narrow">'
        f"<h1>{escape(heading)}</h1><p>{escape(message)}</p>"
        '<p><a href="/draft">Back to the draft</a></p></main></body></html>'
    )
    return HTMLResponse(page, status_code=status)


def _export(fmt: str, body: bytes) -> Response:
    fields = parse_qs(body.decode("utf-8", "replace"), max_num_fields=10)
    try:
        data = json.loads((fields.get("payload") or ["{}"])[0])
        ask = drafting.read_ask(data, pages.usable_packs())
        outcome = drafting.make(ask, pages.form_for(ask.pack))
    except (ValueError, drafting.BadRequestError) as exc:
        return _nothing_yet(f"The page sent a request it should not have: {exc}", 400)
    if outcome.draft is None:
        return _nothing_yet("Fill in the fields marked in the form first, then download.", 422)
    try:
        content, media, name = drafting.export(fmt, outcome.draft)
    except askcraft.AskcraftError as exc:  # a value the file may not carry (askcraft/_export/safety.py)
        return _nothing_yet(f"askcraft cannot make this file: {exc}", 422, "This file cannot be made")
    # The name is letters, digits and hyphens (drafting.filename), so it cannot name a folder.
    return Response(
        content, media_type=media, headers={"content-disposition": f'attachment; filename="{name}"'}
    )


async def download(request: Request) -> Response:
    """A file of the current draft: .eml, .ics, Markdown, JSON or text."""
    fmt = request.path_params["fmt"]
    if fmt not in drafting.EXPORTS:
        return _nothing_yet(f"askcraft does not make {fmt!r} files.", 404)
    body = await request.body()
    return await run_in_threadpool(_export, fmt, body)


async def home(request: Request) -> Response:
    """The first page is the Draft page."""
    return RedirectResponse("/draft", status_code=303)


def create_app(keys: Secrets, root: Path | None = None) -> ASGIApp:
    """Return the whole app for a server on ``keys.port``: pages, API, static files and guards.

    A campaign's drafts go under *root* (default: the current folder), in ``askcraft-campaigns/``.
    """
    folder = Path.cwd() if root is None else root
    upload = campaigning.MAX_BODY
    routes = [
        Route("/", home),
        Route("/draft", pages.draft_page),
        Route("/check", pages.check_page),
        Route("/packs", pages.packs_page),
        Route("/api/preview", _api(_preview), methods=["POST"]),
        Route("/api/check", _api(_check), methods=["POST"]),
        Route("/download/{fmt}", download, methods=["POST"]),
        Route("/campaign", pages.campaign_page),
        Route("/api/campaign/contacts", _api(campaigning.contacts), methods=["POST"], max_body_size=upload),
        Route("/api/campaign/run", _api(_campaign_run(folder)), methods=["POST"], max_body_size=upload),
        Route("/api/campaign/mark", _api(campaigning.mark_sent), methods=["POST"]),
        Route("/api/campaign/due", _api(campaigning.due), methods=["POST"]),
        Mount("/static", StaticFiles(directory=pages.HERE / "static"), name="static"),
    ]
    app = Starlette(routes=routes, middleware=[Middleware(Guard, keys=keys)], max_body_size=MAX_BODY)
    app.state.keys = keys
    app.state.pages = pages.templates()
    hosts = TrustedHostMiddleware(app, allowed_hosts=list(ALLOWED_HOSTS), www_redirect=False)
    return SecurityHeaders(hosts)
