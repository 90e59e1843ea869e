"""What one render may spend: steps, nesting depth, wall-clock time, and characters built.

Every step a template takes (a loop iteration, a call, a filter, a test, an include, import or
extends, a concatenation, a literal list or dict) is counted, and the clock is read on every
step. Every string or container a template builds is charged to the render: the total it may
build is bounded, so holding many values at once cannot add up to more than that either.
"""

from __future__ import annotations

import contextlib
import dataclasses
import threading
import time
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from functools import wraps
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError

#: Upper bounds that keep a hostile or buggy template from eating the machine.
MAX_RANGE = 1_000
#: The longest string a template may build, and the most characters any value it builds may
#: print as (a list counts its items, nested lists theirs: what ``|string`` would produce).
MAX_STRING = 20_000
#: Numbers beyond this many bits (about 1,200 digits) are not something a message needs.
MAX_INT_BITS = 4_096
#: Steps in one render (loop iterations, calls, filters, includes...); a real message needs hundreds.
MAX_STEPS = 100_000
#: How deeply templates may include/extend each other and macros may call each other.
MAX_DEPTH = 32
#: Wall-clock limit of one render, in seconds.
RENDER_SECONDS = 2.0
#: Characters (and list or dict slots) one render may build in all, captured or printed or thrown away.
MAX_BUILT = 1_000_000
#: How deeply lists and dicts may nest inside each other.
MAX_NESTING = 16


@dataclasses.dataclass(frozen=True)
class Limits:
    """The limits a render runs under (sent along to a render in another process)."""

    seconds: float
    steps: int
    depth: int
    built: int
    string: int

    @classmethod
    def current(cls) -> Limits:
        """Return the limits in force in this process."""
        return cls(RENDER_SECONDS, MAX_STEPS, MAX_DEPTH, MAX_BUILT, MAX_STRING)

    def apply(self) -> None:
        """Make these the limits of this process (a render worker takes its caller's)."""
        global RENDER_SECONDS, MAX_STEPS, MAX_DEPTH, MAX_BUILT, MAX_STRING
        RENDER_SECONDS, MAX_STEPS, MAX_DEPTH = self.seconds, self.steps, self.depth
        MAX_BUILT, MAX_STRING = self.built, self.string


class _Budget:
    """What one render may still spend."""

    __slots__ = ("built", "deadline", "depth", "max_built", "max_steps", "steps")

    def __init__(self) -> None:
        self.steps = 0
        self.depth = 0
        self.built = 0
        self.max_steps = MAX_STEPS
        self.max_built = MAX_BUILT
        self.deadline = time.monotonic() + RENDER_SECONDS


_state = threading.local()


def _budget() -> _Budget | None:
    budget: _Budget | None = getattr(_state, "budget", None)
    return budget


def tick() -> None:
    """Count one step of the running render and stop it when it is over its steps or its time."""
    budget: _Budget | None = getattr(_state, "budget", None)
    if budget is None:
        return
    budget.steps += 1
    if budget.steps > budget.max_steps:
        raise SecurityError(
            f"the template ran more than {budget.max_steps:,} loop iterations and calls; "
            "a message needs far fewer"
        )
    if time.monotonic() > budget.deadline:
        raise SecurityError(f"the template took longer than {RENDER_SECONDS:g} s to render")


def charge(size: int) -> None:
    """Charge *size* built characters (or slots) to the running render."""
    budget: _Budget | None = getattr(_state, "budget", None)
    if budget is None:
        return
    budget.built += size
    if budget.built > budget.max_built:
        raise SecurityError(
            f"the template built more than {budget.max_built:,} characters in all; a message needs far fewer"
        )


@contextlib.contextmanager
def excused() -> Iterator[None]:
    """Do not count the time spent inside against the running render's clock.

    For askcraft's own code that imports its dependencies on first use (seconds on a busy
    machine): the template did not spend that time.
    """
    budget: _Budget | None = getattr(_state, "budget", None)
    started = time.monotonic()
    try:
        yield
    finally:
        if budget is not None:
            budget.deadline += time.monotonic() - started


def too_long(what: str) -> SecurityError:
    """Return the error for a value longer than a template may build."""
    return SecurityError(f"{what} would be longer than the {MAX_STRING:,} characters a template may build")


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


def _counted(chunks: Iterator[str]) -> Iterator[str]:
    # What one template (or block) prints is joined somewhere (a capture, an import, super()):
    # each piece may be a reference to the same long string, so count characters, not pieces.
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_STRING:
            raise SecurityError(f"the template produced more than {MAX_STRING:,} characters")
        yield chunk


def _budgeted(root: Callable[[Any], Iterator[str]]) -> Callable[[Any], Iterator[str]]:
    """Wrap a template's render function: one step per run, and the outermost run owns the budget."""

    @wraps(root)
    def run(context: Any) -> Iterator[str]:
        budget = _budget()
        owner = budget is None
        if budget is None:
            budget = _state.budget = _Budget()
        try:
            tick()  # every include, import and extends is a step, and reads the clock
            with Nested("templates that include, import or extend each other"):
                yield from _counted(root(context))
        finally:
            if owner and getattr(_state, "budget", None) is budget:
                _state.budget = None

    return run


class _Block:
    """A block's render function, one step per run, its output counted.

    It compares equal to the function it wraps: ``super()`` finds the running block by equality.
    """

    __slots__ = ("render",)

    def __init__(self, render: Callable[[Any], Iterator[str]]) -> None:
        self.render = render

    def __call__(self, context: Any) -> Iterator[str]:
        tick()
        return _counted(self.render(context))

    def __eq__(self, other: object) -> bool:
        return other is self.render or (isinstance(other, _Block) and other.render is self.render)

    def __hash__(self) -> int:
        return hash(self.render)


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
        template.blocks = {name: _Block(render) for name, render in template.blocks.items()}
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
    """Return ``range(*args)`` when it has at most MAX_RANGE items."""
    rng = range(*args)
    if len(rng) > MAX_RANGE:
        raise SecurityError(f"range() of {len(rng)} items is more than the {MAX_RANGE} a template may use")
    return rng


def plain_dict(**items: Any) -> dict[str, Any]:
    """Build a dict from keyword arguments (the class itself would expose ``dict.update``)."""
    return dict(items)
