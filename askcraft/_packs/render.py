"""Rendering a pack's template into its blocks, with every failure turned into a pack error.

``render_here`` renders in this process; the render worker (``askcraft._packs.worker``) calls
it too, so a render fails the same way wherever it runs.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import jinja2

from askcraft._errors import AskcraftError, PackError, RenderError, missing_dependency
from askcraft._intent.safe_text import UNSAFE_WRITTEN, describe_char
from askcraft._render.blocks import describe_template_error, render_blocks


def _given(value: Any, depth: int = 0) -> Iterator[str]:
    """Yield the strings of a render's context (the intent's values), a few levels deep."""
    if isinstance(value, str):
        yield value
    elif depth < 4 and isinstance(value, Mapping):
        for item in value.values():
            yield from _given(item, depth + 1)
    elif depth < 4 and isinstance(value, list | tuple):
        for item in value:
            yield from _given(item, depth + 1)


def check_written_text(
    blocks: Mapping[str, str | None], context: Mapping[str, Any], *, pack: str, template: str
) -> None:
    """Refuse a subject or body holding a character a template put there that no one may read.

    A character the intent itself holds (its own text, which the intent's rules let through)
    is left to the exporters; one the template wrote is the pack's doing.
    """
    for block, text in blocks.items():
        match = UNSAFE_WRITTEN.search(text or "")
        if match and not any(match[0] in given for given in _given(context)):
            raise RenderError(
                f"pack '{pack}', {template}: the {block} it wrote contains {describe_char(match[0])}, "
                "a control or invisible direction character (it can hide text from you in a terminal "
                "or in the message you send); fix the template or draft with another pack",
                pack=pack,
                file=template,
            )


class OutOfMemoryError(RenderError):
    """A render ran out of the memory it may use (the worker that ran it starts afresh)."""


def render_here(
    environment: jinja2.Environment, template: str, context: Mapping[str, Any], *, pack: str
) -> dict[str, str | None]:
    """Render in this process; raise a PackError (RenderError while rendering) naming file and line."""
    try:
        return render_blocks(environment.get_template(template), context)
    except AskcraftError:
        raise
    except jinja2.TemplateNotFound as exc:
        raise PackError(
            f"pack '{pack}': template {exc.name!r} is listed in pack.yaml but missing",
            pack=pack,
            file=str(exc.name),
        ) from None
    except jinja2.TemplateSyntaxError as exc:
        raise PackError(
            f"pack '{pack}', {exc.filename or exc.name}, line {exc.lineno}: {exc.message}",
            pack=pack,
            file=exc.filename or exc.name,
            line=exc.lineno,
        ) from None
    except ImportError as exc:  # a filter's dependency is missing: not the template's fault
        problem = missing_dependency(exc)
        if problem is None:
            raise
        raise problem from exc
    except MemoryError:
        raise OutOfMemoryError(
            f"pack '{pack}', {template}: the template needs more memory than a render may use",
            pack=pack,
            file=template,
        ) from None
    except Exception as exc:
        raise describe_template_error(exc, pack=pack, template=template) from None
