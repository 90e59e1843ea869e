"""The size guards of a render: what each filter, method, format string and join may build.

Every filter, every method a template may call and every operator that builds a value has a
rule here. Arguments that decide how much a call builds (widths, counts, separators, format
strings) are estimated *before* the call, so nothing huge is ever allocated; every result is
measured after it (``sizes.check_built``) and charged to the render's budget.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable, Mapping, Sized
from functools import wraps
from numbers import Number
from typing import Any

from jinja2.exceptions import SecurityError
from jinja2.runtime import BlockReference, LoopContext, Macro, Undefined
from markupsafe import Markup

from askcraft._packs import budget
from askcraft._packs.sizes import check_built, text_size
from askcraft._render.discourse import Discourse

# -- format strings --------------------------------------------------------------------------------

_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?")
_NUMBERS = re.compile(r"\d+")


def _largest(values: Iterable[Any]) -> int:
    return max((text_size(v) for v in values), default=0)


def _arguments(args: Any) -> list[Any]:
    if isinstance(args, Mapping):
        return list(args.values())
    if isinstance(args, tuple):
        return list(args)
    return [args]


def _refuse_over(estimate: int, what: str) -> None:
    if estimate > budget.MAX_STRING:
        raise budget.too_long(what)


def check_percent_format(fmt: str, args: Any, what: str = "this %-format") -> None:
    """Refuse a ``%``-format whose widths or fields would build a huge string."""
    specs = _PERCENT_SPEC.findall(fmt)
    widths = 0
    for width, precision in specs:
        for number in (width, precision):
            if number == "*":
                raise SecurityError("'*' widths in a %-format are not allowed in a template")
            widths += int(number or 0)
    # A field may name the same argument again (``%(x)s%(x)s``): count the largest for each.
    _refuse_over(len(fmt) + widths + len(specs) * _largest(_arguments(args)), what)


def check_brace_format(fmt: str, args: Iterable[Any], what: str = "this format()") -> None:
    """Refuse a ``str.format`` string whose widths or fields would build a huge string."""
    try:
        parts = list(string.Formatter().parse(fmt))
    except ValueError as exc:
        raise SecurityError(f"invalid format string: {exc}") from None
    widths = fields = 0
    for _, field, spec, _ in parts:
        if field is None:
            continue
        fields += 1
        if "{" in (spec or ""):
            raise SecurityError(
                "format() widths taken from arguments ('{:{}}') are not allowed in a template"
            )
        widths += sum(int(n) for n in _NUMBERS.findall(spec or ""))
    _refuse_over(len(fmt) + widths + fields * _largest(args), what)


def _check_replace(text: Any, old: Any, new: Any) -> None:
    if isinstance(text, str) and isinstance(old, str) and isinstance(new, str):
        hits = text.count(old) if old else len(text) + 1
        _refuse_over(len(text) + hits * (len(new) - len(old)), "replace()")


def _check_join(parts: Any, sep: Any) -> None:
    """Refuse a join whose separator, repeated between the parts, would build a huge string.

    A string's parts are its characters (``big.join(big)`` built 400 MB before it was measured);
    an iterator (a ``map`` or ``select``) is made a list first (``joinable``), so it has a length.
    """
    if isinstance(parts, str):
        _refuse_over(len(parts) * (1 + text_size(sep)), "join()")
    elif isinstance(parts, Sized):
        _refuse_over(len(parts) * text_size(sep) + text_size(parts), "join()")


def joinable(parts: Any) -> Any:
    """Return *parts* as a list when it is an iterator with no length, so a join can be estimated."""
    if isinstance(parts, Iterable) and not isinstance(parts, Sized | Undefined):
        return list(budget.guard_loop(parts))
    return parts


# -- filters -----------------------------------------------------------------------------------

#: Jinja filters that build at most a small multiple of their input (escaping, casing, sorting,
#: picking items, printing a value the budget already measured). A filter missing from both
#: sets is a test failure, so a new Jinja filter is looked at before a template can use it.
BOUNDED_FILTERS = frozenset(
    {
        "abs", "attr", "capitalize", "count", "d", "default", "dictsort", "e", "escape",
        "filesizeformat", "first", "float", "forceescape", "groupby", "int", "items", "last",
        "length", "list", "lower", "map", "max", "min", "pprint", "reject", "rejectattr",
        "reverse", "round", "safe", "select", "selectattr", "sort", "string", "striptags",
        "title", "trim", "unique", "upper", "urlencode", "wordcount", "xmlattr",
        # Integer arguments bound these (width, count, length): at most MAX_STRING.
        "batch", "center", "slice", "truncate",
    }
)  # fmt: skip
#: Filters whose arguments decide how much they build: each has an estimate in _pre_check.
ESTIMATED_FILTERS = frozenset({"format", "indent", "join", "replace", "sum", "tojson", "urlize", "wordwrap"})
#: Filters and methods whose integer arguments are values to show, not sizes to build.
INTS_ARE_VALUES = frozenset({"format", "format_map", "replace", "join", "default", "d", "sum", "round"})
#: The most a ``tojson`` indent may be (each nesting level repeats it on every line).
MAX_JSON_INDENT = 8


def _check_ints(name: str, args: Iterable[Any]) -> None:
    for arg in args:
        if isinstance(arg, int) and not isinstance(arg, bool) and abs(arg) > budget.MAX_STRING:
            raise SecurityError(f"{name}() with {arg} is more than a template may ask for")


def _check_sum(items: list[Any], start: Any) -> None:
    if isinstance(start, Number) and all(isinstance(i, Number) for i in items):
        return
    # Adding lists one by one copies the growing total each time.
    if len(items) * text_size(items, budget.MAX_BUILT) // 4 > budget.MAX_BUILT:
        raise SecurityError("sum() of that many lists would copy too much; a message needs far less")


def _pre_check(name: str, value: Any, params: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse arguments that would allocate a huge value before the filter makes it."""
    if name not in INTS_ARE_VALUES:
        _check_ints(name, params)
        _check_ints(name, kwargs.values())
    if name == "format" and isinstance(value, str):
        check_percent_format(value, params or kwargs)
    elif name == "replace" and len(params) >= 2:
        _check_replace(value, params[0], params[1])
    elif name == "join":
        _check_join(value, params[0] if params else kwargs.get("d", ""))
    elif name == "indent" and isinstance(value, str):
        width = params[0] if params else kwargs.get("width", 4)
        size = width if isinstance(width, int) else text_size(width)
        _refuse_over(len(value) + (value.count("\n") + 1) * size, "indent()")
    elif name == "wordwrap" and isinstance(value, str):
        wrap = params[2] if len(params) > 2 else kwargs.get("wrapstring")
        if isinstance(wrap, str):
            _refuse_over(len(value) * max(1, len(wrap)), "wordwrap()")
    elif name == "tojson":
        indent = params[0] if params else kwargs.get("indent")
        if isinstance(indent, int) and indent > MAX_JSON_INDENT:
            raise SecurityError(
                f"tojson() with an indent over {MAX_JSON_INDENT} is not allowed in a template"
            )
    elif name == "urlize" and isinstance(value, str):
        extra = [params[i] if len(params) > i else kwargs.get(key) for i, key in ((2, "target"), (3, "rel"))]
        _refuse_over(len(value) * (8 + sum(text_size(x) for x in extra if x)), "urlize()")


#: askcraft's own filters that have run once in this process (their first call may import a library).
_warm: set[str] = set()


def guard_filter(name: str, func: Callable[..., Any], *, own: bool = False) -> Callable[..., Any]:
    """Wrap a filter: one step, its arguments estimated before, its result measured after.

    The first call of each of askcraft's *own* filters in a process does not count against the
    render's clock: it may import a library the filter needs, which is not the template's doing.
    """
    skip = 1 if getattr(func, "jinja_pass_arg", None) is not None else 0

    @wraps(func)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        budget.tick()
        # Filters that take the environment or context get it first; the filtered value comes next.
        if len(args) > skip:
            value = args[skip]
            if name in {"sum", "join"}:  # measured as a list, so a generator is not used up by the estimate
                value = joinable(value)
                args = (*args[:skip], value, *args[skip + 1 :])
                if name == "sum" and isinstance(value, list):
                    _check_sum(value, args[skip + 2] if len(args) > skip + 2 else kwargs.get("start", 0))
            _pre_check(name, value, args[skip + 1 :], kwargs)
        if own and name not in _warm:
            with budget.excused():
                result = func(*args, **kwargs)
            _warm.add(name)
        else:
            result = func(*args, **kwargs)
        if any(result is arg for arg in args):  # handed back, not built
            return result
        return check_built(result, f"the {name} filter")

    return guarded


def guard_test(func: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a test (``is defined``): one step."""

    @wraps(func)
    def counted(*args: Any, **kwargs: Any) -> Any:
        budget.tick()
        return func(*args, **kwargs)

    return counted


# -- methods of plain values ---------------------------------------------------------------------

#: Methods a template may call on a string; each builds at most a small multiple of the string,
#: or is bounded by its integer arguments, or has its estimate in check_call.
STR_METHODS = frozenset(
    {
        "capitalize", "casefold", "center", "count", "endswith", "expandtabs", "find", "format",
        "format_map", "index", "isalnum", "isalpha", "isascii", "isdecimal", "isdigit",
        "isidentifier", "islower", "isnumeric", "isprintable", "isspace", "istitle", "isupper",
        "join", "ljust", "lower", "lstrip", "partition", "removeprefix", "removesuffix", "replace",
        "rfind", "rindex", "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines",
        "startswith", "strip", "swapcase", "title", "upper", "zfill",
        # markupsafe.Markup's own
        "escape", "striptags", "unescape",
    }
)  # fmt: skip
#: Methods of other plain values: they look things up or copy, never grow.
OTHER_METHODS: dict[type, frozenset[str]] = {
    list: frozenset({"copy", "count", "index"}),
    tuple: frozenset({"count", "index"}),
    dict: frozenset({"copy", "get", "items", "keys", "values"}),
    int: frozenset({"as_integer_ratio", "bit_count", "bit_length", "conjugate", "is_integer"}),
    float: frozenset({"as_integer_ratio", "conjugate", "hex", "is_integer"}),
}
#: Tab stops wider than this are not something a message needs.
MAX_TAB = 64


def _check_str_method(owner: str, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    if name in {"format", "format_map"}:
        values = (
            list(args[0].values()) if name == "format_map" and args and isinstance(args[0], Mapping) else []
        )
        check_brace_format(owner, [*args, *kwargs.values(), *values])
    elif name == "replace" and len(args) >= 2:
        _check_replace(owner, args[0], args[1])
    elif name == "join" and args:
        _check_join(args[0], owner)
    elif name == "expandtabs":
        size = next((a for a in (*args, *kwargs.values()) if isinstance(a, int)), 8)
        if size > MAX_TAB:
            raise SecurityError(f"expandtabs() with a tab size over {MAX_TAB} is not allowed in a template")
        _refuse_over(len(owner) + owner.count("\t") * size, "expandtabs()")


def _not_callable(what: str) -> SecurityError:
    return SecurityError(f"{what} cannot be called in a pack template")


def check_call(obj: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse calls a template may not make, and arguments that would build a huge value."""
    if isinstance(obj, Macro | BlockReference | Undefined):
        return  # macros and super() print through the budget; calling an undefined name fails
    target = getattr(obj, "__wrapped__", obj)  # the sandbox wraps str.format in a helper
    owner = getattr(target, "__self__", None)
    name = str(getattr(target, "__name__", type(obj).__name__))
    if isinstance(owner, LoopContext) and name in {"cycle", "changed"}:
        return
    if owner is Markup and name == "escape":
        return
    if isinstance(owner, Discourse) and name in owner.functions():
        return  # pick, said, mention, tell: askcraft's own, they return words it chose or a bool
    if isinstance(owner, str):
        allowed = name in STR_METHODS
    else:
        kind = next(
            (k for k in OTHER_METHODS if type(owner) is k or (k is int and type(owner) is bool)), None
        )
        allowed = kind is not None and name in OTHER_METHODS[kind]
    if not allowed:
        raise _not_callable(f"{type(owner).__name__}.{name}()" if owner is not None else repr(name))
    if name not in INTS_ARE_VALUES:
        _check_ints(name, args)
        _check_ints(name, kwargs.values())
    if isinstance(owner, str):
        _check_str_method(owner, name, args, kwargs)


def built_by_call(obj: Any, result: Any, args: tuple[Any, ...]) -> Any:
    """Measure and charge what a call returned (unless it handed back something it was given)."""
    target = getattr(obj, "__wrapped__", obj)
    if result is getattr(target, "__self__", None) or any(result is a for a in args):
        return result
    return check_built(result, str(getattr(target, "__name__", "the call")))
