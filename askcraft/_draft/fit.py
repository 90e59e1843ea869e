"""Rendering the chosen template, and fitting the message to its channel.

A connection note or a text message is rendered again, shorter (``brevity`` 1, 2, 3), until the
length check is satisfied; templates shorten phrasings first and drop facts last, and
``coverage.py`` reports whatever they dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from askcraft._checks.context import CheckContext

if TYPE_CHECKING:
    from askcraft._packs.pack import Pack, Selection


#: How hard to squeeze: 0 is the full message; 1 and 2 ask for shorter phrasings; 3, for channels
#: with a hard limit (a connection note), lets a template leave a fact out, which the draft reports.
BREVITY = (0, 1, 2, 3)
#: Channels with a hard size: one SMS segment, a LinkedIn connection note.
TIGHT = frozenset({"text", "linkedin-connection-note"})


def fits(kind: str, channel: str, body: str, options: Mapping[str, Any]) -> bool:
    """Return whether *body* fits a channel with a hard size, by the length rule's measure and options."""
    if channel not in TIGHT:
        return True
    from askcraft._checks.rules.length import check as length_check  # noqa: PLC0415

    ctx = CheckContext(text=body, kind=kind, channel=channel, options=options)
    tight = {"length.text-message", "length.linkedin-note"}
    return not any(f.rule in tight for f in length_check(ctx))


def render(pack: Pack, selection: Selection, context: dict[str, Any]) -> dict[str, str | None]:
    """Render the selected template; every template failure becomes a PackError that names it.

    A pack that is not built in renders in the render worker (``askcraft._packs.isolation``).
    """
    from askcraft._packs.isolation import render_pack_template  # noqa: PLC0415

    return render_pack_template(pack, selection.template, context)
