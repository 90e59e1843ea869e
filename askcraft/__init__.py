"""askcraft: draft and check the messages you send when you ask your network for help."""

from __future__ import annotations

from askcraft._draft import Draft, Provenance, check, draft
from askcraft._errors import AskcraftError, CheckerUnavailableError, IntentError, PackError, RenderError
from askcraft._findings import Finding
from askcraft._intent import Intent, Recipient, Sender, load_intent

__all__ = [
    "AskcraftError",
    "CheckerUnavailableError",
    "Draft",
    "Finding",
    "Intent",
    "IntentError",
    "PackError",
    "Provenance",
    "Recipient",
    "RenderError",
    "Sender",
    "check",
    "draft",
    "load_intent",
]
