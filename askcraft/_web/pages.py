"""The pages: Draft, Check, Campaign and Packs, from the package's own Jinja templates (autoescaped)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import jinja2
from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

import askcraft.packs
from askcraft._web.campaigning import ASK_FIELDS
from askcraft._web.checking import vocabulary
from askcraft._web.drafting import Ask, required_fields
from askcraft._web.findings import STYLE_LABELS
from askcraft._web.form import Form, build_form, display

HERE = Path(__file__).resolve().parent
#: What the page fills in before the user does: askcraft is above all for asking for job leads.
PRESETS = {"goal": "job-leads"}
#: The fields of a campaign's shared ask (askcraft._web.campaigning.ASK_FIELDS), in the page's order.
CAMPAIGN_FIELDS = ASK_FIELDS
SOURCES = {
    "builtin": "Built into askcraft",
    "user": "Your pack folder",
    "entry-point": "Installed with pip",
    "path": "A folder you named",
}


def templates() -> Jinja2Templates:
    """Return the page templates, with autoescaping on for every one of them."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["display"] = display
    return Jinja2Templates(env=env)


def usable_packs() -> list[str]:
    """Return the names of the packs a draft may use: found, loaded and not shadowed by another."""
    return [f.name for f in askcraft.packs.discover() if f.pack is not None and f.shadowed_by is None]


def form_for(pack: str | None) -> Form:
    """Return the form for drafting with *pack* (None: every pack in use).

    Building the schema takes longer than drafting a message, so the form is kept until the packs
    found change (discovery hands out new Pack objects when a pack folder changes).
    """
    found = tuple(f.pack for f in askcraft.packs.discover())
    return _form(pack, found)


@functools.lru_cache(maxsize=16)
def _form(pack: str | None, found: tuple[object, ...]) -> Form:
    del found  # part of the cache key only
    return build_form(askcraft.packs.intent_schema(pack))


def _page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    pages: Jinja2Templates = request.app.state.pages
    context = {"csrf": request.app.state.keys.csrf, "page": name.removesuffix(".html"), **context}
    return pages.TemplateResponse(request, name, context, status_code=status)


async def draft_page(request: Request) -> Response:
    """The Draft page: the form, the preview, the message tabs, the variants and the downloads."""
    packs = usable_packs()
    pack = request.query_params.get("pack") or None
    if pack is not None and pack not in packs:
        message = f"There is no usable pack named “{pack}”. Choose one on the Packs page."
        return _page(request, "missing.html", {"message": message}, status=404)
    form = form_for(pack)
    ask = Ask({}, pack, "request", None, grammar=True)
    required = required_fields(ask, {**PRESETS}, form)
    context = {
        "form": form,
        "pack": pack,
        "packs": packs,
        "presets": PRESETS,
        "required": required,
        "styles": STYLE_LABELS,
    }
    return _page(request, "draft.html", context)


async def check_page(request: Request) -> Response:
    """The Check page: a message of the user's own, its findings in place, and its politeness."""
    known = vocabulary()
    context = {"kinds": known["kind"], "channels": known["channel"], "styles": STYLE_LABELS}
    return _page(request, "check.html", context)


async def campaign_page(request: Request) -> Response:
    """The Campaign page: a contacts file, the shared ask, every draft with its findings, who is due."""
    form = form_for(None)
    fields = [form.fields[path] for path in CAMPAIGN_FIELDS if path in form.fields]
    required = {p: "required" for p in ("goal", "count", "sender.name", "sender.reason") if p in form.fields}
    presets = {**PRESETS, "recipient.relationship": "acquaintance"}
    context = {"fields": fields, "required": required, "presets": presets, "styles": STYLE_LABELS}
    return _page(request, "campaign.html", context)


def _messages(entries: Any) -> list[tuple[str, str]]:
    """Return what a pack drafts: each kind of message with the channels it goes by."""
    channels: dict[str, dict[str, None]] = {}
    for entry in entries:
        for kind in entry.kinds:
            channels.setdefault(kind, {}).update(dict.fromkeys(entry.channels))

    def way(channel: str) -> str:
        return display(channel) if channel.startswith("linkedin") else channel.replace("-", " ")

    return [(display(kind), ", ".join(way(c) for c in ways)) for kind, ways in channels.items()]


def _pack_row(found: Any) -> dict[str, Any]:
    pack = found.pack
    row: dict[str, Any] = {
        "name": found.name,
        "source": SOURCES.get(found.source, found.source),
        "origin": found.origin,
        "pip": found.source == "entry-point",
        "root": str(found.root),
        "error": str(found.error) if found.error is not None else None,
        "shadowed_by": found.shadowed_by.name + f" ({SOURCES.get(found.shadowed_by.source, '')})"
        if found.shadowed_by is not None
        else None,
        "usable": pack is not None and found.shadowed_by is None,
    }
    if pack is not None:
        manifest = pack.manifest
        row.update(
            version=pack.version,
            description=manifest.description,
            author=manifest.author,
            license=manifest.license,
            languages=", ".join(manifest.languages),
            content_hash=pack.content_hash,
            messages=_messages(manifest.templates),
            fields=[(name, spec.help) for name, spec in pack.fields.items()],
        )
    return row


async def packs_page(request: Request) -> Response:
    """The Packs page: every pack found, where it came from, its version and content hash."""
    rows = [_pack_row(found) for found in askcraft.packs.discover()]
    return _page(request, "packs.html", {"rows": rows})
