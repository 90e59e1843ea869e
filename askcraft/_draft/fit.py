"""Rendering the chosen template, and fitting the message to its channel.

A connection note or a text message is rendered again, shorter (``brevity`` 1, 2, 3), until the
length check is satisfied; templates shorten phrasings first and drop facts last, and
``coverage.py`` reports whatever they dropped. An email or LinkedIn request the length check finds
short (by an email's least words) is rendered once more with ``room`` 1, where a template may say
hello before the reason ("I hope you're doing well."): a 40-word email that opens on "I've
volunteered in classrooms for two years." reads abruptly, and askcraft's own check said so. Still
short, it is rendered with ``room`` 2, where a template may also make the ask easy to say yes to
("I'd be happy to send my CV and the listing if that helps."), and then with ``room`` 3, where it
may say what the sender hopes for ("Even a few pointers would help me plan my next step.").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from askcraft._checks.context import CheckContext

if TYPE_CHECKING:
    from askcraft._intent.model import Intent
    from askcraft._packs.pack import Pack, Selection


#: How hard to squeeze: 0 is the full message; 1 and 2 ask for shorter phrasings; 3, for channels
#: with a hard limit (a connection note), lets a template leave a fact out, which the draft reports.
BREVITY = (0, 1, 2, 3)
#: Each render the fit tries, in order: a brevity, and how hard each ``pick`` squeezes (0; 1, the
#: recipient's choice among its shorter phrasings; 2, the shortest). Squeezed phrasings come after
#: the squeezed brevity and before a fact is left out, and are taken only when they fit: "Could you
#: introduce me to ...? No worries if not." is one SMS where the recipient's own "Could you put me
#: in touch with ...? Totally fine if not." ran five characters over; a text two segments long
#: either way keeps its own phrasings, and so does a text in UCS-2 (70 characters a segment), where
#: squeezing would mostly trade the phrasings with an accent for the same few plain ones.
_STEPS = ((0, 0), (1, 0), (2, 0), (2, 1), (2, 2), (3, 0))
#: The rooms a short letter is rendered with, in turn, until it is not short: 1 says hello, 2 makes
#: the ask easy to say yes to, 3 says what the sender hopes for ("Even one conversation would help").
ROOM = (1, 2, 3)
#: Channels with a hard size: one SMS segment, a LinkedIn connection note.
TIGHT = frozenset({"text", "linkedin-connection-note"})
#: The most characters such a message may have whatever its encoding: two plain SMS, one note.
CEILING = {"text": 320, "linkedin-connection-note": 300}


def overflow(kind: str, channel: str, body: str, options: Mapping[str, Any]) -> int:
    """Return how far *body* runs past its channel: 0 when it fits, else the SMS segments or characters.

    Measured by the length rule itself, with the draft's options, so "fits" means what the check says.
    """
    if channel not in TIGHT:
        return 0
    from askcraft._checks.rules.length import sms_segments  # noqa: PLC0415

    if not _length_findings(kind, channel, body, options) & {"length.text-message", "length.linkedin-note"}:
        return 0
    return sms_segments(body)[0] if channel == "text" else len(body)


def short(kind: str, channel: str, body: str, options: Mapping[str, Any]) -> bool:
    """Return whether the length check finds *body* a short email request (it has room to spare).

    A LinkedIn message is a letter too, with no length rule of its own: it is held to an email's
    least words ("Hi Sunita, I'm applying for senior project manager roles. Could you...?").
    """
    if channel not in {"email", "linkedin-message"} or kind != "request":
        return False
    return "length.email-short" in _length_findings(kind, "email", body, options)


def _length_findings(kind: str, channel: str, body: str, options: Mapping[str, Any]) -> set[str]:
    """Return the rules of the length check that *body* sets off, with the draft's options."""
    from askcraft._checks.rules.length import check as length_check  # noqa: PLC0415

    ctx = CheckContext(text=body, kind=kind, channel=channel, options=options)
    return {f.rule for f in length_check(ctx)}


def fitted(
    pack: Pack, selection: Selection, context: dict[str, Any], intent: Intent, options: Mapping[str, Any]
) -> tuple[dict[str, str | None], dict[str, Any]]:
    """Render at brevity 0, then shorter, until the message fits its channel; return the parts and context.

    A shorter wording that fits is taken only if it keeps every fact the fullest one kept
    (``coverage.dropped``: the reason, the hook, the role, ...); one that leaves a fact out to fit
    is weighed against the others. Among them, a wording within the channel's ceiling in characters
    wins (a text never runs past 320, a connection note past 300), then the one that keeps the most
    of what the user gave (a text keeps every fact and may run past one SMS segment; a connection
    note drops the reason, then the hook, only to stay within 300), then the shortest, and among
    equally long ones the least squeezed: a text two segments long either way keeps its fuller,
    more varied wording (a name with an accent makes a text UCS-2, where every wording is five
    segments and the fullest was 324 characters: the one within 320 is kept).
    """
    from askcraft._draft.coverage import dropped  # noqa: PLC0415
    from askcraft._render.context import rendered_again  # noqa: PLC0415

    best: tuple[tuple[bool, int, int], dict[str, str | None], dict[str, Any]] | None = None
    ceiling = CEILING.get(intent.channel)
    fullest = 0  # what the brevity-0 wording leaves out
    wide = False  # a text whose own words are UCS-2 (an accent): squeezing would only dodge accents
    for brevity, squeeze in _STEPS:
        if squeeze and wide:
            continue
        ctx = rendered_again(context, brevity=brevity, squeeze=squeeze) if brevity else context
        parts = render(pack, selection, ctx)
        body = parts["body"] or ""
        over = overflow(intent.kind, intent.channel, body, options)
        if brevity == 2 and not squeeze and intent.channel == "text":
            from askcraft._checks.rules.length import sms_segments  # noqa: PLC0415

            wide = sms_segments(body)[1] == "UCS-2"
        if over == 0 and brevity == 0 and short(intent.kind, intent.channel, body, options):
            for room in ROOM:
                ctx = rendered_again(context, room=room)
                parts = render(pack, selection, ctx)
                if not short(intent.kind, intent.channel, parts["body"] or "", options):
                    break
            return parts, ctx
        if over == 0 and brevity == 0:
            return parts, ctx
        if squeeze and over:
            continue  # squeezed phrasings are for fitting, not for running over less
        lost = dropped(intent, ctx, body)
        if brevity == 0:
            fullest = lost
        elif over == 0 and lost <= fullest:
            return parts, ctx
        rank = (ceiling is not None and len(body) > ceiling, lost, over)
        if best is None or rank < best[0]:
            best = (rank, parts, ctx)
    assert best is not None  # BREVITY is never empty
    return best[1], best[2]


def render(pack: Pack, selection: Selection, context: dict[str, Any]) -> dict[str, str | None]:
    """Render the selected template; every template failure becomes a PackError that names it.

    A pack that is not built in renders in the render worker (``askcraft._packs.isolation``).
    """
    from askcraft._packs.isolation import render_pack_template  # noqa: PLC0415

    parts = render_pack_template(pack, selection.template, context)
    language = str(context.get("language", "en"))
    if not language.lower().startswith("en"):
        from askcraft._render.typography import finish  # noqa: PLC0415

        parts = {name: finish(text, language) for name, text in parts.items()}
        if context.get("channel") == "text":
            parts = {name: _sms_spaces(text) for name, text in parts.items()}
    return parts


def _sms_spaces(text: str | None) -> str | None:
    """Return *text* with plain spaces for French no-break ones when those alone would make the SMS
    take more segments: "Salut tante Sophie ! Merci pour les deux noms ! ..." (117 characters) is one
    GSM-7 segment (160), with U+202F before each "!" it is UCS-2, two of 70. A text that is UCS-2
    anyway, or one segment either way, keeps them."""
    if text is None:
        return None
    from askcraft._checks.rules.length import sms_segments  # noqa: PLC0415
    from askcraft._render.typography import plain_spaces  # noqa: PLC0415

    plain = plain_spaces(text)
    if plain != text and sms_segments(plain)[0] < sms_segments(text)[0]:
        return plain
    return text
