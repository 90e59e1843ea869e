"""The sandbox packs render in: Jinja's immutable sandbox, minus globals, plus limits."""

from __future__ import annotations

from typing import Any

import jinja2
from jinja2 import StrictUndefined
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from askcraft._render import FILTERS

#: Upper bounds that keep a hostile or buggy template from eating the machine.
MAX_RANGE = 1_000
MAX_STRING = 20_000


def _capped_range(*args: int) -> range:
    rng = range(*args)
    if len(rng) > MAX_RANGE:
        raise SecurityError(f"range() of {len(rng)} items is more than the {MAX_RANGE} a template may use")
    return rng


class PackEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox a pack renders in: no extensions, no Python objects, no file system beyond the pack."""

    intercepted_binops = frozenset({"*", "**", "+"})

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        """Refuse arithmetic that would build huge strings, lists or numbers."""
        if operator == "**" and isinstance(right, int) and abs(right) > 64:
            raise SecurityError("exponent too large for a template")
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if (
                    isinstance(seq, str | list | tuple)
                    and isinstance(times, int)
                    and len(seq) * times > MAX_STRING
                ):
                    raise SecurityError("repeating a string or list that many times is not allowed")
        result = super().call_binop(context, operator, left, right)
        if isinstance(result, str | list | tuple) and len(result) > MAX_STRING:
            raise SecurityError("a template built a value that is too long")
        return result


def make_environment(loader: jinja2.BaseLoader) -> PackEnvironment:
    """Create the sandboxed environment for one pack."""
    env = PackEnvironment(
        loader=loader,
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        trim_blocks=False,
        lstrip_blocks=False,
        extensions=(),
        auto_reload=False,
    )
    # Only the plain helpers a message needs: no lipsum, cycler, joiner or namespace.
    env.globals.clear()
    env.globals.update({"range": _capped_range, "dict": dict})
    env.filters.update(FILTERS)
    return env
