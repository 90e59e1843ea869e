"""The sandbox packs render in: Jinja's immutable sandbox, minus globals, plus limits.

A pack is somebody else's file, so its templates are treated as hostile:

- Jinja's immutable sandbox refuses private attributes (``__class__``, ``__globals__``, ...)
  and methods that modify data; the only globals are a capped ``range`` and ``dict``.
- Every ``include``/``import``/``extends`` names a quoted, relative file; the loader
  (``askcraft._packs.pack._PackLoader``) refuses anything outside the pack.
- Every render has a budget: loop iterations plus calls, nesting depth and wall-clock
  time. Filters and string methods refuse arguments that would build huge values.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any

import jinja2
from jinja2 import StrictUndefined, nodes
from jinja2.exceptions import SecurityError, TemplateSyntaxError
from jinja2.filters import FILTERS as JINJA_FILTERS
from jinja2.sandbox import ImmutableSandboxedEnvironment

from askcraft._packs.budget import (
    MAX_INT_BITS,
    MAX_STRING,
    Nested,
    PackTemplate,
    capped_range,
    guard_loop,
    plain_dict,
    tick,
)
from askcraft._render.words import FILTERS

#: Filters left out: ``random`` makes output differ run to run, so a pack's tests could not pass.
_LEFT_OUT_FILTERS = frozenset({"random"})
#: Template names that get HTML autoescaping; everything else is plain text.
_HTML_SUFFIXES = (".html", ".htm", ".html.j2", ".htm.j2", ".html.jinja", ".xml", ".xml.j2")


# -- size guards -----------------------------------------------------------------------------------

_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?")
_NUMBERS = re.compile(r"\d+")


def _too_big(what: str) -> SecurityError:
    return SecurityError(f"{what} would build a value longer than {MAX_STRING:,} characters")


def _check_ints(name: str, args: Iterable[Any]) -> None:
    for arg in args:
        if isinstance(arg, int) and not isinstance(arg, bool) and abs(arg) > MAX_STRING:
            raise SecurityError(f"{name}() with {arg} is more than a template may ask for")


def _check_sized(name: str, value: Any) -> Any:
    if isinstance(value, str | list | tuple | dict) and len(value) > MAX_STRING:
        raise _too_big(name)
    return value


def _check_percent_format(fmt: str) -> None:
    for width, precision in _PERCENT_SPEC.findall(fmt):
        for number in (width, precision):
            if number == "*":
                raise SecurityError("'*' widths in a %-format are not allowed in a template")
            if number and int(number) > MAX_STRING:
                raise _too_big("this %-format")


def _check_brace_format(fmt: str) -> None:
    try:
        parts = list(string.Formatter().parse(fmt))
    except ValueError as exc:
        raise SecurityError(f"invalid format string: {exc}") from None
    for _, _, spec, _ in parts:
        for number in _NUMBERS.findall(spec or ""):
            if int(number) > MAX_STRING:
                raise _too_big("this format()")


def _estimate_replace(text: Any, old: Any, new: Any) -> None:
    if isinstance(text, str) and isinstance(old, str) and isinstance(new, str):
        hits = text.count(old) if old else len(text) + 1
        if len(text) + hits * (len(new) - len(old)) > MAX_STRING:
            raise _too_big("replace()")


def _estimate_join(parts: Any, sep: Any) -> None:
    if (
        isinstance(sep, str)
        and isinstance(parts, list | tuple | range)
        and len(parts) * len(sep) > MAX_STRING
    ):
        raise _too_big("join()")


#: Filters and methods whose integer arguments are values to show, not sizes to build.
_INTS_ARE_VALUES = frozenset({"format", "format_map", "replace", "join", "default", "d", "sum", "round"})


def _pre_check(name: str, value: Any, params: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse arguments that would allocate a huge value before the call makes it."""
    if name not in _INTS_ARE_VALUES:
        _check_ints(name, params)
        _check_ints(name, kwargs.values())
    if name == "format" and isinstance(value, str):
        _check_percent_format(value)
    elif name == "replace" and len(params) >= 2:
        _estimate_replace(value, params[0], params[1])
    elif name == "join":
        _estimate_join(value, params[0] if params else kwargs.get("d", ""))
    elif name == "indent" and isinstance(value, str):
        width = params[0] if params else kwargs.get("width", 4)
        if isinstance(width, str) and (value.count("\n") + 1) * len(width) > MAX_STRING:
            raise _too_big("indent()")
    elif name == "wordwrap" and isinstance(value, str):
        wrap = params[2] if len(params) > 2 else kwargs.get("wrapstring")
        if isinstance(wrap, str) and len(value) * len(wrap) > MAX_STRING:
            raise _too_big("wordwrap()")


def _guard_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a filter so it refuses huge arguments and huge results."""
    skip = 1 if getattr(func, "jinja_pass_arg", None) is not None else 0

    @wraps(func)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        # Filters that take the environment or context get it first; the filtered value comes next.
        if len(args) > skip:
            _pre_check(name, args[skip], args[skip + 1 :], kwargs)
        return _check_sized(f"the {name} filter", func(*args, **kwargs))

    return guarded


def _safe_filters() -> dict[str, Callable[..., Any]]:
    filters = {name: f for name, f in JINJA_FILTERS.items() if name not in _LEFT_OUT_FILTERS}
    filters.update(FILTERS)
    return {name: _guard_filter(name, f) for name, f in filters.items()}


def _check_builtin_method(obj: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Apply the size guards to methods of plain values (``'x'.center(10**9)``)."""
    target = getattr(obj, "__wrapped__", obj)  # the sandbox wraps str.format in a helper
    owner = getattr(target, "__self__", None)
    if not isinstance(owner, str | list | tuple | dict):
        return
    name = getattr(target, "__name__", "")
    if name not in _INTS_ARE_VALUES:
        _check_ints(name, args)
        _check_ints(name, kwargs.values())
    if isinstance(owner, str):
        if name in {"format", "format_map"}:
            _check_brace_format(owner)
        elif name == "replace" and len(args) >= 2:
            _estimate_replace(owner, args[0], args[1])
        elif name == "join" and args:
            _estimate_join(args[0], owner)
        elif name == "expandtabs" and any(isinstance(a, int) and a > 64 for a in args):
            raise SecurityError("expandtabs() with a tab size over 64 is not allowed in a template")


# -- the environment --------------------------------------------------------------------------------


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
        """Parse a template, refuse what packs may not do, and put every loop on the budget."""
        tree = super()._parse(source, name, filename)

        def fail(message: str, lineno: int) -> TemplateSyntaxError:
            return TemplateSyntaxError(message, lineno, name, filename)

        for loop in tree.find_all(nodes.For):
            if loop.recursive:
                raise fail("recursive loops are not allowed in a pack template", loop.lineno)
            loop.iter = nodes.Call(
                nodes.EnvironmentAttribute("guard_loop", lineno=loop.lineno),
                [loop.iter],
                [],
                None,
                None,
                lineno=loop.lineno,
            )
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
        return tree

    def call(
        __self,  # noqa: N805  (Jinja's own signature: positional-only by convention)
        __context: jinja2.runtime.Context,
        __obj: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        """Call something from a template, on the render's budget and size limits."""
        tick()
        _check_builtin_method(__obj, args, kwargs)
        if isinstance(__obj, jinja2.runtime.Macro):
            with Nested("macros that call each other"):
                return super().call(__context, __obj, *args, **kwargs)
        return _check_sized(
            getattr(__obj, "__name__", "the call"), super().call(__context, __obj, *args, **kwargs)
        )

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        """Refuse arithmetic that would build huge strings, lists or numbers."""
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
            _check_percent_format(left)
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if (
                    isinstance(seq, str | list | tuple)
                    and isinstance(times, int)
                    and len(seq) * times > MAX_STRING
                ):
                    raise SecurityError("repeating a string or list that many times is not allowed")
        result = super().call_binop(context, operator, left, right)
        if isinstance(result, int) and result.bit_length() > MAX_INT_BITS:
            raise SecurityError("a template may not build numbers that large")
        if isinstance(result, str | list | tuple) and len(result) > MAX_STRING:
            raise SecurityError("a template built a value that is too long")
        return result


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
    )
    # Only the plain helpers a message needs: no lipsum, cycler, joiner or namespace.
    env.globals.clear()
    env.globals.update({"range": capped_range, "dict": plain_dict})
    env.filters.clear()
    env.filters.update(_safe_filters())
    env.guard_loop = guard_loop  # type: ignore[attr-defined]  # read by the loops _parse rewrites
    return env
