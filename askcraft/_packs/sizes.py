"""How long a value is as text: the yardstick every size limit of a render uses.

A list of lists that share one long string costs a few pointers to build but gigabytes to
print (``|string``, ``|tojson``, ``~``); so a value's size is what printing it would take,
counted through shared parts once per use (memoised, so the count itself stays cheap) and
given up as soon as it passes the limit.
"""

from __future__ import annotations

from collections.abc import ItemsView, KeysView, ValuesView
from typing import Any

from jinja2.environment import TemplateModule
from jinja2.exceptions import SecurityError
from jinja2.runtime import Undefined

from askcraft._packs import budget

#: What printing an object that is not plain data takes at most (``<Macro 'x'>``, ``range(0, 3)``).
_OBJECT = 100
_CONTAINERS = (list, tuple, dict, set, frozenset)


class _TooBigError(Exception):
    pass


def _scalar_size(value: Any) -> int | None:
    """Return the text size of a value that holds no others, or None for a container."""
    kind = type(value)
    if kind is str or isinstance(value, str):
        return len(value)
    if kind is int:
        return (int(value).bit_length() * 3) // 10 + 2
    if value is None or kind is bool or kind is float:
        return 25
    if isinstance(value, Undefined):
        return 0
    if isinstance(value, TemplateModule):  # str() joins what the imported template printed
        return sum(len(chunk) for chunk in value._body_stream)
    if isinstance(value, bytes | bytearray):
        return 4 * len(value) + 3
    if isinstance(value, (KeysView, ValuesView, ItemsView, *_CONTAINERS)):
        return None
    return _OBJECT


def _size(value: Any, limit: int, depth: int, memo: dict[int, int]) -> int:
    scalar = _scalar_size(value)
    if scalar is not None:
        return scalar
    view = not isinstance(value, _CONTAINERS)
    if view:
        value = list(value)  # a temporary: its id may be reused, so it is never memoised
    known = None if view else memo.get(id(value))
    if known is not None:
        return known
    if depth >= budget.MAX_NESTING:
        raise SecurityError(f"lists and dicts nested more than {budget.MAX_NESTING} deep")
    items = [x for pair in value.items() for x in pair] if isinstance(value, dict) else value
    total = 2
    for item in items:
        total += _size(item, limit, depth + 1, memo) + 2  # quotes and separators
        if total > limit:
            raise _TooBigError
    if not view:
        memo[id(value)] = total
    return total


def text_size(value: Any, limit: int | None = None) -> int:
    """Return how many characters *value* takes as text, or more than *limit* when it is longer."""
    limit = budget.MAX_STRING if limit is None else limit
    try:
        return _size(value, limit, 0, {})
    except _TooBigError:
        return limit + 1


def checked_size(value: Any, what: str) -> int:
    """Return the text size of *value*; refuse it when it is longer than a template may build."""
    size = text_size(value)
    if size > budget.MAX_STRING:
        raise budget.too_long(what)
    return size


def check_built(value: Any, what: str) -> Any:
    """Refuse *value* when it prints longer than a template may build; charge what it allocated."""
    kind = type(value)
    if kind is str or isinstance(value, str):
        if len(value) > budget.MAX_STRING:
            raise budget.too_long(what)
        budget.charge(len(value))
    elif isinstance(value, (*_CONTAINERS, bytes, bytearray)):
        checked_size(value, what)
        budget.charge(len(value))
    elif kind is int and value.bit_length() > budget.MAX_INT_BITS:
        raise SecurityError("a template may not build numbers that large")
    return value
