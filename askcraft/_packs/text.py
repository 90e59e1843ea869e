"""What text in a pack (its manifest, its tone rules) may hold: no terminal escape, no bidi control.

A pack's text is printed to the user's terminal (``packs show``, lint, error messages): an ESC
in a description could clear lines, retitle the window or write the clipboard, and a bidi
control makes the reader see other text than is there. Tab and newline are fine.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from askcraft._errors import PackError
from askcraft._intent.safe_text import UNSAFE_WRITTEN, describe_char
from askcraft._yaml import YamlLines


def _unsafe_text(value: Any, loc: tuple[str | int, ...] = ()) -> tuple[tuple[str | int, ...], str] | None:
    """Return where the first control or bidi character (but tab and newline) in parsed YAML is, and it."""
    if isinstance(value, str):
        match = UNSAFE_WRITTEN.search(value)
        return (loc, match[0]) if match else None
    items: list[tuple[Any, Any]] = []
    if isinstance(value, dict):
        items = list(value.items())
    elif isinstance(value, list):
        items = list(enumerate(value))
    for key, item in items:
        found = _unsafe_text(key, loc) if isinstance(key, str) else None
        found = found or _unsafe_text(item, (*loc, key))
        if found:
            return found
    return None


def refuse_unsafe_text(data: Any, text: str, path: Path, *, pack: str | None = None) -> None:
    """Refuse pack text (a description, a help, a tone message) holding a terminal escape or bidi control.

    Such text is printed by ``packs show`` and in messages; an escape sequence in it could
    rewrite the terminal (hide lines, retitle the window, write the clipboard).
    """
    found = _unsafe_text(data)
    if found is None:
        return
    loc, char = found
    line = YamlLines(text).line(list(loc))
    where = f", line {line}" if line else ""
    field = ".".join(str(p) for p in loc) or "a key"
    raise PackError(
        f"{path}{where}: {field} contains {describe_char(char)}, a control or invisible direction "
        "character (an escape sequence can rewrite your terminal); remove it",
        pack=pack,
        file=str(path),
        line=line,
    )
