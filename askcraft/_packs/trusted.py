"""The environment askcraft's own built-in pack renders in: plain Jinja, the same filters as packs get.

Packs from elsewhere are untrusted and render in the sandbox (``sandbox.py``). The built-in pack
ships inside askcraft, like its Python code, and the values it renders are data, never templates;
it renders without the sandbox's per-call bookkeeping, which costs more than half a draft's time.
`packs lint` of the same folder still runs it through the sandbox, and a test keeps the two
renderings identical, so the built-in pack stays a pack anyone could copy and share.
"""

from __future__ import annotations

import jinja2
from jinja2 import StrictUndefined

from askcraft._packs.budget import capped_range, plain_dict
from askcraft._render.words import FILTERS

#: Left out of every pack's filters (see sandbox.py): output must be the same run to run.
_LEFT_OUT = frozenset({"random"})


def make_trusted_environment(loader: jinja2.BaseLoader) -> jinja2.Environment:
    """Create the environment for askcraft's own templates."""
    env = jinja2.Environment(
        loader=loader,
        undefined=StrictUndefined,
        autoescape=False,  # noqa: S701  (plain-text messages; values are data, never markup)
        keep_trailing_newline=False,
        auto_reload=False,
    )
    env.globals.clear()
    env.globals.update({"range": capped_range, "dict": plain_dict})
    for name in _LEFT_OUT:
        env.filters.pop(name, None)
    env.filters.update(FILTERS)
    return env
