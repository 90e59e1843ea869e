"""What a checker looks at: the text, what it is meant to be, and the names that are never typos."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from askcraft._intent.model import Intent


@dataclasses.dataclass(frozen=True)
class CheckContext:
    """Everything a checker may look at: the text and what it is meant to be."""

    text: str
    kind: str = "request"
    channel: str = "email"
    subject: str | None = None
    language: str = "en-US"
    intent: Intent | None = None
    #: Names of people, companies and places that are never spelling mistakes.
    names: tuple[str, ...] = ()
    #: The date the message will be sent (for the patience rule).
    send_date: date | None = None
    #: Per-rule options, e.g. ``{"ask-size.max_names": 5, "patience.min_days": 7}``.
    options: Mapping[str, Any] = dataclasses.field(default_factory=dict)


def names_in(intent: Intent) -> tuple[str, ...]:
    """Return the proper names in an intent, which are never spelling mistakes."""
    values = [
        intent.recipient.name,
        intent.recipient.company,
        intent.sender.name,
        intent.sender.signature,
        intent.company,
        intent.industry,
        intent.role,
    ]
    return tuple(v for v in values if v)


def check_context(
    text: str,
    *,
    kind: str = "request",
    channel: str = "email",
    subject: str | None = None,
    language: str = "en-US",
    intent: Intent | None = None,
    names: Collection[str] = (),
    options: Mapping[str, Any] | None = None,
    send_date: date | None = None,
) -> CheckContext:
    """Describe a message to check, refusing a kind or channel askcraft does not know."""
    from askcraft._intent.model import CHANNELS, KINDS  # noqa: PLC0415

    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    if channel not in CHANNELS:
        raise ValueError(f"channel must be one of {', '.join(CHANNELS)}, not {channel!r}")
    return CheckContext(
        text=text,
        kind=kind,
        channel=channel,
        subject=subject,
        language=language,
        intent=intent,
        names=tuple(names) + (names_in(intent) if intent else ()),
        send_date=send_date or date.today(),
        options=dict(options or {}),
    )
