"""Shared fixtures: ready-made intents and a fixed 'today' so drafts are reproducible."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

import askcraft
import askcraft._grammar.config as lt_config
import askcraft._grammar.obtain as lt_obtain
import askcraft._grammar.server as lt_server

#: The day every test drafts on, so dates in reminders and .eml headers never drift.
TODAY = date(2026, 11, 12)

#: A complete request: Sam Lee, a former colleague, asked for three people in banking.
BASE_INTENT: dict[str, Any] = {
    "kind": "request",
    "goal": "job-leads",
    "industry": "banking",
    "count": 3,
    "recipient": {"name": "Sam Lee", "relationship": "former-colleague"},
    "sender": {"name": "Alex Kim", "reason": "I want to put my math degree to work in finance"},
    "channel": "email",
}


def _merge(base: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        elif value is None:
            out.pop(key, None)
        else:
            out[key] = value
    return out


@pytest.fixture
def today() -> date:
    """Return the fixed drafting date."""
    return TODAY


@pytest.fixture
def intent_data() -> Callable[..., dict[str, Any]]:
    """Return a factory of intent mappings: the base request with changes merged in (None removes a key)."""

    def make(**changes: Any) -> dict[str, Any]:
        return _merge(BASE_INTENT, changes)

    return make


@pytest.fixture
def make_intent(intent_data: Callable[..., dict[str, Any]]) -> Callable[..., askcraft.Intent]:
    """Return a factory of validated Intents built like ``intent_data``."""

    def make(**changes: Any) -> askcraft.Intent:
        return askcraft.Intent.parse(intent_data(**changes))

    return make


# --- LanguageTool (the real server) ------------------------------------------------------------


@pytest.fixture(scope="session")
def languagetool_server() -> Any:
    """Start (or reuse) the real LanguageTool server; skip locally but fail in CI when it is missing."""
    import os  # noqa: PLC0415

    from askcraft._errors import CheckerUnavailableError  # noqa: PLC0415

    def unavailable(reason: str) -> None:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the LanguageTool tests, but: {reason}")
        pytest.skip(reason)

    if lt_config.configured_url() is None and lt_obtain.find_installation() is None:
        unavailable("LanguageTool is not installed; run `python -m askcraft languagetool install`")
    try:
        return lt_server.ensure_server(auto_install=False)
    except CheckerUnavailableError as exc:
        unavailable(str(exc))
    raise AssertionError("unreachable")


# -- golden files (tests/test_golden.py) -----------------------------------------------------------


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add --update-golden: rewrite the golden files instead of comparing against them."""
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/ from the current templates (or set ASKCRAFT_UPDATE_GOLDEN=1)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """Return whether golden files should be rewritten rather than compared."""
    import os  # noqa: PLC0415

    return (
        bool(request.config.getoption("--update-golden")) or os.environ.get("ASKCRAFT_UPDATE_GOLDEN") == "1"
    )


# -- hypothesis under filterwarnings=error ---------------------------------------------------------
# On a failing example hypothesis imports its patch writer, which imports libcst, which touches a
# deprecated mypy_extensions name; with warnings as errors that hides the real failure behind an
# INTERNALERROR. Importing it once here, quietly, keeps failures readable.
def _preload_hypothesis_patching() -> None:
    import contextlib  # noqa: PLC0415
    import warnings  # noqa: PLC0415

    with warnings.catch_warnings(), contextlib.suppress(ImportError):
        warnings.simplefilter("ignore", DeprecationWarning)
        import hypothesis.extra._patching  # noqa: F401, PLC0415


_preload_hypothesis_patching()


def pytest_configure(config: pytest.Config) -> None:
    """Keep the developer's own packs and ledger out of the tests: an empty pack folder, a new ledger."""
    import os  # noqa: PLC0415
    import shutil  # noqa: PLC0415
    import tempfile  # noqa: PLC0415

    if "ASKCRAFT_PACKS_DIR" not in os.environ:
        folder = tempfile.mkdtemp(prefix="askcraft-test-packs-")
        os.environ["ASKCRAFT_PACKS_DIR"] = folder
        config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))
    if "ASKCRAFT_LEDGER" not in os.environ:  # and the developer's own ledger: a fresh one per run
        data = tempfile.mkdtemp(prefix="askcraft-test-ledger-")
        os.environ["ASKCRAFT_LEDGER"] = os.path.join(data, "ledger.sqlite3")  # noqa: PTH118
        config.add_cleanup(lambda: shutil.rmtree(data, ignore_errors=True))
