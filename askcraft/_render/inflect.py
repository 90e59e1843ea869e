"""Load inflect without its start-up cost.

inflect 7.x decorates its engine with typeguard's ``@typechecked``, which re-parses inflect's
source on every import: about 1.5 s on an idle machine, more under load (jaraco/inflect#212).
That would dominate every one-off ``askcraft draft``. While inflect's module body runs, a stand-in
``typeguard`` whose ``typechecked`` returns the function unchanged is put in ``sys.modules``
(the real module, if loaded, is put back afterwards); inflect then behaves exactly as it does
under ``python -O``, where typeguard is a no-op too. If anything about that fails, inflect is
imported the ordinary way.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any


def _identity(func: Any = None, **_: Any) -> Any:
    return func if func is not None else _identity


def import_inflect() -> types.ModuleType:
    """Return the inflect module, importing it without typeguard instrumentation when possible."""
    if "inflect" in sys.modules:
        return sys.modules["inflect"]
    real = sys.modules.get("typeguard")
    shim = types.ModuleType("typeguard")
    shim.typechecked = _identity  # type: ignore[attr-defined]
    sys.modules["typeguard"] = shim
    try:
        module = importlib.import_module("inflect")
    except Exception:
        sys.modules.pop("inflect", None)
        module = None
    finally:
        if real is not None:
            sys.modules["typeguard"] = real
        else:
            sys.modules.pop("typeguard", None)
    return module if module is not None else importlib.import_module("inflect")


def english_engine() -> Any:
    """Return an inflect engine that knows the plurals inflect gets wrong: "techs", not "teches"."""
    from askcraft._render.lexicon import words  # noqa: PLC0415  (data read only when rendering)

    engine = import_inflect().engine()
    for noun in sorted(words("words", "plain_s_plurals")):
        engine.defnoun(noun, f"{noun}s")
    return engine
