"""What one render may spend: loop steps and calls, nesting depth, wall-clock time, range sizes."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from functools import wraps
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError

#: Upper bounds that keep a hostile or buggy template from eating the machine.
MAX_RANGE = 1_000
MAX_STRING = 20_000
#: Numbers beyond this many bits (about 1,200 digits) are not something a message needs.
MAX_INT_BITS = 4_096
#: Loop iterations plus calls in one render; a real message needs a few hundred.
MAX_STEPS = 100_000
#: How deeply templates may include/extend each other and macros may call each other.
MAX_DEPTH = 32
#: Wall-clock limit of one render, in seconds.
RENDER_SECONDS = 2.0


class _Budget:
    """What one render may still spend."""

    __slots__ = ("deadline", "depth", "steps")

    def __init__(self) -> None:
        self.steps = 0
        self.depth = 0
        self.deadline = time.monotonic() + RENDER_SECONDS


_state = threading.local()


def _budget() -> _Budget | None:
    budget: _Budget | None = getattr(_state, "budget", None)
    return budget


def tick() -> None:
    budget = _budget()
    if budget is None:
        return
    budget.steps += 1
    if budget.steps > MAX_STEPS:
        raise SecurityError(
            f"the template ran more than {MAX_STEPS:,} loop iterations and calls; a message needs far fewer"
        )
    if budget.steps % 128 == 0 and time.monotonic() > budget.deadline:
        raise SecurityError(f"the template took longer than {RENDER_SECONDS:g} s to render")


class Nested:
    """Count one level of nesting (include, extends, import, macro call) for the running render."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.budget = _budget()

    def __enter__(self) -> None:
        if self.budget is not None:
            self.budget.depth += 1
            if self.budget.depth > MAX_DEPTH:
                raise SecurityError(
                    f"{self.what} nest more than {MAX_DEPTH} levels deep (endless recursion?)"
                )

    def __exit__(self, *exc: object) -> None:
        if self.budget is not None:
            self.budget.depth -= 1


def _budgeted(root: Callable[[Any], Iterator[str]]) -> Callable[[Any], Iterator[str]]:
    """Wrap a template's render function so the outermost one owns the render's budget."""

    @wraps(root)
    def run(context: Any) -> Iterator[str]:
        budget = _budget()
        owner = budget is None
        if budget is None:
            budget = _state.budget = _Budget()
        try:
            with Nested("templates that include, import or extend each other"):
                yield from root(context)
        finally:
            if owner and getattr(_state, "budget", None) is budget:
                _state.budget = None

    return run


class PackTemplate(jinja2.Template):
    """A template whose renders run on a budget."""

    @classmethod
    def _from_namespace(
        cls,
        environment: jinja2.Environment,
        namespace: MutableMapping[str, Any],
        globals: MutableMapping[str, Any],
    ) -> jinja2.Template:
        template = super()._from_namespace(environment, namespace, globals)
        template.root_render_func = _budgeted(template.root_render_func)
        return template


def guard_loop(iterable: Iterable[Any]) -> Iterator[Any]:
    """Iterate *iterable*, charging each item to the render's budget."""
    iterator = iter(iterable)

    def counted() -> Iterator[Any]:
        for item in iterator:
            tick()
            yield item

    return counted()


def capped_range(*args: int) -> range:
    rng = range(*args)
    if len(rng) > MAX_RANGE:
        raise SecurityError(f"range() of {len(rng)} items is more than the {MAX_RANGE} a template may use")
    return rng


def plain_dict(**items: Any) -> dict[str, Any]:
    """Build a dict from keyword arguments (the class itself would expose ``dict.update``)."""
    return dict(items)
