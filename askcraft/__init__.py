"""askcraft: draft and check the messages you send when you ask your network for help."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from askcraft import campaign as campaign
    from askcraft import packs as packs
    from askcraft import testing as testing
    from askcraft import tone as tone
    from askcraft._checks.findings import Finding
    from askcraft._draft.check import check, check_many
    from askcraft._draft.draft import Draft, Provenance, draft
    from askcraft._errors import (
        AskcraftError,
        CheckerUnavailableError,
        IntentError,
        PackError,
        RenderError,
    )
    from askcraft._intent.load import load_intent
    from askcraft._intent.model import Intent, Recipient, Sender

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

# Names are imported on first use (PEP 562), so `askcraft --help` and `import askcraft` stay
# fast: pydantic, Jinja and the checkers load only when something needs them.
_WHERE = {
    "AskcraftError": "askcraft._errors",
    "CheckerUnavailableError": "askcraft._errors",
    "Draft": "askcraft._draft.draft",
    "Finding": "askcraft._checks.findings",
    "Intent": "askcraft._intent.model",
    "IntentError": "askcraft._errors",
    "PackError": "askcraft._errors",
    "Provenance": "askcraft._draft.draft",
    "Recipient": "askcraft._intent.model",
    "RenderError": "askcraft._errors",
    "Sender": "askcraft._intent.model",
    "check": "askcraft._draft.check",
    "check_many": "askcraft._draft.check",
    "draft": "askcraft._draft.draft",
    "load_intent": "askcraft._intent.load",
}
#: Public topic modules.
_TOPIC_MODULES = frozenset({"campaign", "packs", "testing", "tone"})


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        try:
            module = importlib.import_module(_WHERE[name])
        except ImportError as exc:  # a dependency is missing: say which, and how to install it
            from askcraft._errors import missing_dependency  # noqa: PLC0415

            problem = missing_dependency(exc)
            if problem is None:
                raise
            raise problem from exc
        value = getattr(module, name)
        globals()[name] = value
        return value
    if name in _TOPIC_MODULES:
        return importlib.import_module(f"askcraft.{name}")
    raise AttributeError(f"module 'askcraft' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*__all__, *_TOPIC_MODULES])
