"""The renderer's word lists, read once from ``data/*.yaml`` (rule data lives in data files, not code)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from askcraft._yaml import safe_load

_DATA = Path(__file__).parent / "data"


@functools.cache
def table(file: str) -> dict[str, Any]:
    """Return ``data/<file>.yaml`` as read (once; callers must not change it)."""
    loaded: dict[str, Any] = safe_load((_DATA / f"{file}.yaml").read_text(encoding="utf-8"))
    return loaded


@functools.cache
def words(file: str, key: str) -> frozenset[str]:
    """Return the word list *key* of ``data/<file>.yaml``, lower case."""
    return frozenset(str(item).casefold() for item in table(file)[key])
