"""Rendering a template into its named blocks (subject, body), tidied, and errors that name the line."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError

from askcraft._errors import RenderError

#: The most text one template may produce; more is a runaway loop, not a message.
MAX_OUTPUT = 20_000

# -- tidying the output --------------------------------------------------------------------------

_SPACES = re.compile(r"[ \t]{2,}")
#: Spaces before a mark, but not before a typed face: "already :)" keeps its space.
_SPACE_BEFORE_PUNCT = re.compile(r" +(?=[,.;:!?])(?![:;][-']?[()DPpO/|*\]\[](?:\W|$))")
_BLANKS = re.compile(r"\n{3,}")
#: Where the user's own end punctuation meets the template's: "Inc.." "job!." "why?." "now,."
_DOUBLED_STOP = re.compile(r"(?<![.])([.!?\u2026,;:])\.(?![.])|(?<![.])\.\.(?![.])|(?<=[^!])!!(?!!)")
_LONG_ELLIPSIS = re.compile(r"\.{4,}")
#: Spanish opens what "!!" closes: where that is one "!", "¡¡" is one "¡" ("¡¡Lo conseguí!!" is "¡Lo
#: conseguí!").
_DOUBLED_OPENING = re.compile(r"(?<!\u00a1)\u00a1\u00a1(?!\u00a1)(?=[^!]*(?<!!)!(?!!))")


def _join_stops(match: re.Match[str]) -> str:
    mark = match.group(1)
    if mark is None:
        return "." if match.group(0) == ".." else "!"
    return "." if mark in ",;:" else mark


def tidy(text: str) -> str:
    """Normalise template whitespace and the joins of user text: one space, one end stop, no edges."""
    lines = []
    for raw in text.splitlines():
        line = _SPACE_BEFORE_PUNCT.sub("", _SPACES.sub(" ", raw)).strip()
        line = _LONG_ELLIPSIS.sub("...", _DOUBLED_STOP.sub(_join_stops, line))
        lines.append(_DOUBLED_OPENING.sub("\u00a1", line) if "\u00a1\u00a1" in line else line)
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def render_blocks(
    template: jinja2.Template, context: Mapping[str, Any], *, names: tuple[str, ...] = ("subject", "body")
) -> dict[str, str | None]:
    """Render *template* once and return its named blocks (a template without blocks is all body).

    The whole template runs, so top-level ``{% import %}`` and ``{% set %}`` reach the blocks;
    each block's output is captured as Jinja calls it.
    """
    ctx = template.new_context(dict(context))
    captured: dict[str, str] = {}
    # The discourse behind pick()/mention() (when the context has one) forgets, per block, what was said.
    discourse: Any = getattr(context.get("mention"), "__self__", None)
    for name in names:
        if ctx.blocks.get(name):
            capture = _Capture(name, ctx.blocks[name][0], captured, discourse)
            ctx.blocks[name] = [capture, *ctx.blocks[name][1:]]
    whole = _limited(template.root_render_func(ctx))
    out: dict[str, str | None] = {name: tidy(captured[name]) if name in captured else None for name in names}
    if not captured:
        out["body"] = tidy(whole)
    if out.get("subject") is not None:
        out["subject"] = " ".join((out["subject"] or "").split())
    return out


class _Capture:
    """Keep what a block prints. It compares equal to the block, so ``super()`` still finds it."""

    def __init__(
        self, name: str, block: Callable[[Any], Iterator[str]], into: dict[str, str], discourse: Any
    ) -> None:
        self.name, self.block, self.into, self.discourse = name, block, into, discourse

    def __call__(self, context: Any) -> Iterator[str]:
        if self.discourse is not None and hasattr(self.discourse, "start_block"):
            self.discourse.start_block()  # the subject and the body are read apart: say facts in each
        self.into[self.name] = _limited(self.block(context))
        yield self.into[self.name]

    def __eq__(self, other: object) -> bool:
        return other is self.block or self.block == other

    def __hash__(self) -> int:
        return hash(self.block)


def _limited(chunks: Iterator[str]) -> str:
    parts: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_OUTPUT:
            raise SecurityError(f"the template produced more than {MAX_OUTPUT} characters")
        parts.append(chunk)
    return "".join(parts)


def describe_template_error(exc: Exception, *, pack: str, template: str) -> RenderError:
    """Turn a Jinja error raised while rendering into a RenderError naming pack, template and line."""
    line = getattr(exc, "lineno", None)
    filename = getattr(exc, "filename", None) or getattr(exc, "name", None) or template
    if line is None:
        line = _traceback_line(exc, template)
    where = f"{filename}, line {line}" if line else filename
    if isinstance(exc, jinja2.UndefinedError):
        what = f"{exc.message}; the template uses a variable the intent does not provide"
    elif isinstance(exc, SecurityError):
        what = f"blocked by the sandbox: {exc}"
    else:
        what = str(getattr(exc, "message", None) or exc)
    return RenderError(f"pack '{pack}', {where}: {what}", pack=pack, file=str(filename), line=line)


def _traceback_line(exc: Exception, template: str) -> int | None:
    """Find the template line from Jinja's rewritten traceback frames."""
    tb = exc.__traceback__
    line = None
    while tb is not None:
        compiled = tb.tb_frame.f_globals.get("__jinja_template__")
        if compiled is not None and tb.tb_frame.f_code.co_filename.endswith(template):
            line = compiled.get_corresponding_lineno(tb.tb_lineno)  # Python line -> template line
        tb = tb.tb_next
    return line
