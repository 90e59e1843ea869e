"""The sandbox packs render in: Jinja's immutable sandbox, minus globals, plus limits.

A pack is somebody else's file, so its templates are treated as hostile:

- Jinja's immutable sandbox refuses private attributes (``__class__``, ``__globals__``, ...)
  and methods that modify data; the only globals are a capped ``range`` and ``dict``, and
  only the methods of plain values listed in ``askcraft._packs.guards`` may be called.
- Every ``include``/``import``/``extends`` names a quoted, relative file; the loader
  (``askcraft._packs.pack._PackLoader``) refuses anything outside the pack.
- Every render has a budget (``askcraft._packs.budget``): steps, nesting depth, wall-clock
  time and the characters it builds. Each place a template can build a value is on it:

  ============================  ==============================================================
  where a value is built        how it is bounded
  ============================  ==============================================================
  loops                         every iteration is a step (the parser wraps each loop)
  ``{{ value }}`` (any output)  ``finalize`` measures a value that is not text before printing
  captures, macros, call and    ``environment.concat`` joins their output: at most MAX_STRING,
  filter blocks                 charged
  includes, imports, extends,   a step each; what one template or block prints is counted as
  blocks, ``super()``           it is printed (at most MAX_STRING)
  ``~``                         the parser turns it into ``guard_concat``: parts measured first
  ``[...]``, ``(...)``, ``{}``  the parser wraps literals with computed items: measured, charged
  ``x[a:b]``                    the parser wraps slices: measured, charged
  ``+ * ** % //``               ``call_binop``: sizes estimated first, result measured
  filters and tests             wrapped: a step each, arguments estimated, result measured
  calls                         ``call``: a step each, only listed methods, estimated, measured
  ============================  ==============================================================
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, cast

import jinja2
from jinja2 import StrictUndefined, nodes
from jinja2.exceptions import SecurityError, TemplateSyntaxError
from jinja2.filters import FILTERS as JINJA_FILTERS
from jinja2.runtime import Macro, Undefined, markup_join, str_join
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.tests import TESTS as JINJA_TESTS
from jinja2.visitor import NodeTransformer
from markupsafe import Markup

from askcraft._packs import budget
from askcraft._packs.budget import MAX_INT_BITS, Nested, PackTemplate, capped_range, guard_loop, plain_dict
from askcraft._packs.guards import (
    built_by_call,
    check_call,
    check_percent_format,
    guard_filter,
    guard_test,
    joinable,
)
from askcraft._packs.sizes import check_built, text_size
from askcraft._render.words import FILTERS

#: Filters left out: ``random`` makes output differ run to run, so a pack's tests could not pass.
_LEFT_OUT_FILTERS = frozenset({"random"})
#: Template names that get HTML autoescaping; everything else is plain text.
_HTML_SUFFIXES = (".html", ".htm", ".html.j2", ".htm.j2", ".html.jinja", ".xml", ".xml.j2")


# -- what the compiled templates call ----------------------------------------------------------------


def guard_output(value: Any) -> Any:
    """Measure a value before it is printed (``finalize``): a list may print as gigabytes."""
    kind = type(value)
    if kind is str or kind is Markup or kind is int or kind is float or kind is bool or value is None:
        return value
    if isinstance(value, Undefined):
        return value
    size = text_size(value)
    if size > budget.MAX_STRING:
        raise budget.too_long("printing this value")
    budget.charge(size)
    return value


def bounded_concat(parts: Iterable[str]) -> str:
    """Join printed pieces (a capture, a macro's output) after counting them (``environment.concat``)."""
    chunks: list[str] = []
    size = 0
    for chunk in parts:
        size += len(chunk)
        if size > budget.MAX_STRING:
            raise SecurityError(f"the template produced more than {budget.MAX_STRING:,} characters")
        chunks.append(chunk)
    budget.charge(size)
    return "".join(chunks)


def guard_concat(context: jinja2.runtime.Context, *parts: Any) -> str:
    """Join the operands of ``~`` after measuring them."""
    budget.tick()
    size = sum(len(p) if type(p) is str else text_size(p) for p in parts)
    if size > budget.MAX_STRING:
        raise budget.too_long("'~'")
    budget.charge(size)
    join = markup_join if context.eval_ctx.autoescape else str_join
    return join(parts)


def guard_value(value: Any) -> Any:
    """Measure and charge a list, tuple or dict literal with computed items, or a slice."""
    budget.tick()
    return check_built(value, f"this {type(value).__name__}")


_SCOPE_VARS = frozenset({"_block_vars", "_loop_vars"})
_INTERNAL: tuple[Callable[..., Any], ...] = (guard_loop, guard_concat, guard_value)


# -- the parser's rewrites -----------------------------------------------------------------------


def _internal_call(name: str, args: list[Any], lineno: int) -> nodes.Call:
    return nodes.Call(nodes.EnvironmentAttribute(name, lineno=lineno), args, [], None, None, lineno=lineno)


class _PutOnBudget(NodeTransformer):
    """Route every loop, ``~``, literal and slice of a template through the budget."""

    def visit_For(self, node: nodes.For) -> nodes.Node:  # noqa: N802  (NodeVisitor's naming)
        self.generic_visit(node)
        node.iter = _internal_call("guard_loop", [node.iter], node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:  # noqa: N802
        self.generic_visit(node)
        return _internal_call(
            "guard_concat", [nodes.ContextReference(lineno=node.lineno), *node.nodes], node.lineno
        )

    def _literal(self, node: nodes.Expr, items: list[nodes.Expr]) -> nodes.Node:
        self.generic_visit(node)
        if all(isinstance(item, nodes.Const) for item in items):
            return node  # as long as the source, at most
        return _internal_call("guard_value", [node], node.lineno)

    def visit_List(self, node: nodes.List) -> nodes.Node:  # noqa: N802
        return self._literal(node, node.items)

    def visit_Tuple(self, node: nodes.Tuple) -> nodes.Node:  # noqa: N802
        if node.ctx != "load":
            return self.generic_visit(node)
        return self._literal(node, node.items)

    def visit_Dict(self, node: nodes.Dict) -> nodes.Node:  # noqa: N802
        return self._literal(node, [part for pair in node.items for part in (pair.key, pair.value)])

    def visit_Getitem(self, node: nodes.Getitem) -> nodes.Node:  # noqa: N802
        self.generic_visit(node)
        if isinstance(node.arg, nodes.Slice):  # Jinja slices in plain Python, past getitem()
            return _internal_call("guard_value", [node], node.lineno)
        return node


def _literal_names(node: nodes.Expr) -> list[str] | None:
    """Return the file names an include/import/extends uses, or None when they are computed."""
    if isinstance(node, nodes.Const) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, nodes.List | nodes.Tuple):
        names = [item.value for item in node.items if isinstance(item, nodes.Const)]
        if len(names) == len(node.items) and all(isinstance(n, str) for n in names):
            return names
    return None


def _autoescape(name: str | None) -> bool:
    return bool(name) and str(name).lower().endswith(_HTML_SUFFIXES)


class PackEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox a pack renders in: no extensions, no Python objects, no file system beyond the pack."""

    intercepted_binops = frozenset({"*", "**", "+", "%", "//"})
    template_class = PackTemplate

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """Parse a template, refuse what packs may not do, and put every step on the budget."""
        tree = super()._parse(source, name, filename)

        def fail(message: str, lineno: int) -> TemplateSyntaxError:
            return TemplateSyntaxError(message, lineno, name, filename)

        for loop in tree.find_all(nodes.For):
            if loop.recursive:
                raise fail("recursive loops are not allowed in a pack template", loop.lineno)
        for ref in tree.find_all((nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
            names = _literal_names(ref.template)  # type: ignore[attr-defined]  # all four have it
            statement = type(ref).__name__.lower().replace("fromimport", "from ... import")
            if names is None:
                raise fail(
                    f'{statement} must name a quoted file inside the pack, e.g. "parts/sign-off.j2"',
                    ref.lineno,
                )
            for file in names:
                if file.startswith(("/", "\\")) or ".." in re.split(r"[/\\]", file) or ":" in file:
                    raise fail(f"{statement} of {file!r} leads outside the pack", ref.lineno)
        for var in tree.find_all(nodes.Name):
            if var.name == "self":
                raise fail("'self' is not available in a pack template; call a macro instead", var.lineno)
        _PutOnBudget().visit(tree)
        return tree

    def _load_template(self, name: str, globals: Any) -> jinja2.Template:
        # An include or import met mid-render is read and compiled then: that is not the
        # template's time (compiling is bounded by the 256 KB a template may have).
        with budget.excused():
            return super()._load_template(name, globals)

    def call(
        __self,  # noqa: N805  (Jinja's own signature: positional-only by convention)
        __context: jinja2.runtime.Context,
        __obj: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        """Call something from a template, on the render's budget and size limits."""
        # Jinja passes the variables of the running loop or block along, for pass_context callables.
        given = {k: v for k, v in kwargs.items() if k not in _SCOPE_VARS}
        if any(__obj is own for own in _INTERNAL):
            return __obj(*args, **given)
        budget.tick()
        if __obj is capped_range or __obj is plain_dict:
            return check_built(__obj(*args, **given), getattr(__obj, "__name__", "the call"))
        if isinstance(getattr(__obj, "__self__", None), str) and getattr(__obj, "__name__", "") == "join":
            args = tuple(joinable(a) for a in args)  # an iterator's length is known before the join
        check_call(__obj, args, given)
        if isinstance(__obj, Macro):
            with Nested("macros that call each other"):
                return super().call(__context, __obj, *args, **kwargs)
        return built_by_call(__obj, super().call(__context, __obj, *args, **kwargs), args)

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        """Refuse arithmetic that would build huge strings, lists or numbers."""
        budget.tick()
        if operator == "**" and isinstance(right, int) and abs(right) > 64:
            raise SecurityError("exponent too large for a template")
        if (
            operator == "**"
            and isinstance(left, int)
            and isinstance(right, int)
            and left.bit_length() * right > MAX_INT_BITS
        ):
            raise SecurityError("a template may not build numbers that large")
        if operator == "%" and isinstance(left, str):
            check_percent_format(left, right)
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if (
                    isinstance(seq, str | list | tuple)
                    and isinstance(times, int)
                    and len(seq) * times > budget.MAX_STRING
                ):
                    raise SecurityError("repeating a string or list that many times is not allowed")
        result = super().call_binop(context, operator, left, right)
        if isinstance(result, int) and result.bit_length() > MAX_INT_BITS:
            raise SecurityError("a template may not build numbers that large")
        if result is left or result is right:
            return result
        return check_built(result, "this expression")


def make_environment(loader: jinja2.BaseLoader) -> PackEnvironment:
    """Create the sandboxed environment for one pack."""
    env = PackEnvironment(
        loader=loader,
        undefined=StrictUndefined,
        autoescape=_autoescape,
        keep_trailing_newline=False,
        trim_blocks=False,
        lstrip_blocks=False,
        extensions=(),
        auto_reload=False,
        finalize=guard_output,
    )
    # Only the plain helpers a message needs: no lipsum, cycler, joiner or namespace.
    env.globals.clear()
    env.globals.update({"range": capped_range, "dict": plain_dict})
    filters = {name: f for name, f in JINJA_FILTERS.items() if name not in _LEFT_OUT_FILTERS}
    filters.update(FILTERS)
    env.filters.clear()
    env.filters.update({name: guard_filter(name, f, own=name in FILTERS) for name, f in filters.items()})
    env.tests.clear()
    env.tests.update(
        {name: guard_test(cast("Callable[..., Any]", test)) for name, test in JINJA_TESTS.items()}
    )
    env.concat = bounded_concat  # type: ignore[method-assign]  # captures and macros join through it
    env.guard_loop = guard_loop  # type: ignore[attr-defined]  # read by the calls _parse puts in
    env.guard_concat = guard_concat  # type: ignore[attr-defined]
    env.guard_value = guard_value  # type: ignore[attr-defined]
    return env
