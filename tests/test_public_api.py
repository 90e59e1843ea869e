"""The public surface: exactly the intended names, sorted, each importable and documented."""

from __future__ import annotations

import importlib
import subprocess
import sys
import types
from importlib.resources import files
from pathlib import Path

import pytest

import askcraft

REPO = Path(__file__).resolve().parent.parent

#: The names users and docs rely on. Change this list only on purpose, together with the docs.
PUBLIC = [
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
#: Public topic modules, reachable as askcraft.<name>.
TOPICS = ["campaign", "packs", "testing", "tone"]


def test_all_is_sorted_and_exactly_the_intended_names() -> None:
    """__all__ is sorted and holds exactly the public names."""
    assert askcraft.__all__ == sorted(askcraft.__all__)
    assert askcraft.__all__ == PUBLIC


def test_every_public_name_resolves_and_has_a_docstring() -> None:
    """Each exported name exists, lives in a private module, and says what it does."""
    for name in PUBLIC:
        value = getattr(askcraft, name)
        assert value.__doc__, name
        assert value.__module__.startswith("askcraft._"), (name, value.__module__)


def test_from_askcraft_import_star_gives_the_public_names() -> None:
    """``from askcraft import *`` binds exactly __all__."""
    namespace: dict[str, object] = {}
    exec("from askcraft import *", namespace)  # noqa: S102  (a fixed, trusted statement)
    assert sorted(k for k in namespace if k != "__builtins__") == PUBLIC


def test_topic_modules_are_reachable() -> None:
    """askcraft.campaign, askcraft.packs, askcraft.testing and askcraft.tone are modules."""
    for name in TOPICS:
        module = getattr(askcraft, name)
        assert isinstance(module, types.ModuleType)
        assert module is importlib.import_module(f"askcraft.{name}")
    assert sorted(dir(askcraft)) == sorted([*PUBLIC, *TOPICS])


def test_unknown_names_raise_attribute_error() -> None:
    """A name that is not public is an AttributeError, as for any module."""
    with pytest.raises(AttributeError, match="nope"):
        _ = askcraft.nope  # type: ignore[attr-defined]


def test_error_tree() -> None:
    """Every askcraft error is an AskcraftError and also the stdlib error a caller would catch."""
    assert issubclass(askcraft.IntentError, ValueError)
    assert issubclass(askcraft.PackError, LookupError)
    assert issubclass(askcraft.RenderError, askcraft.PackError)
    assert issubclass(askcraft.CheckerUnavailableError, RuntimeError)
    for name in ("IntentError", "PackError", "RenderError", "CheckerUnavailableError"):
        assert issubclass(getattr(askcraft, name), askcraft.AskcraftError)


def test_import_askcraft_is_light() -> None:
    """Importing askcraft loads neither Jinja, pydantic nor inflect (they load on first use)."""
    heavy = "('jinja2', 'pydantic', 'inflect')"
    code = f"import sys, askcraft; print(sorted(m for m in {heavy} if m in sys.modules))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    out = proc.stdout
    assert out.strip() == "[]"


def test_package_is_typed() -> None:
    """The package ships py.typed for type checkers."""
    assert files("askcraft").joinpath("py.typed").is_file()


def test_checking_a_text_does_not_load_inflect() -> None:
    """`askcraft check` on a fine text never pays inflect's second of start-up (issue 8)."""
    text = "Do you know two people in banking I could call? No worries if not."
    code = f"import sys, askcraft; askcraft.check({text!r}, grammar=False); print('inflect' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert proc.stdout.strip() == "False"
