"""askcraft: draft and check the messages you send when you ask your network for help."""

from __future__ import annotations

import importlib
from types import ModuleType

from askcraft._batch import check_many
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
    "check_many",
    "draft",
    "load_intent",
]

#: Public topic modules, imported on first use so ``import askcraft`` stays light.
_TOPIC_MODULES = frozenset({"packs", "testing", "tone"})


def __getattr__(name: str) -> ModuleType:
    if name in _TOPIC_MODULES:
        return importlib.import_module(f"askcraft.{name}")
    raise AttributeError(f"module 'askcraft' has no attribute {name!r}")
