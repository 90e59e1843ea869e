"""Template packs: find, load and inspect them.

A pack is data only: a folder (or ``.zip``) with ``pack.yaml`` and Jinja templates.
Packs are looked up, highest precedence first: an explicit path, the user's pack
folder, pip-installed packs (entry-point group ``askcraft.packs``), the built-in pack.
"""

from __future__ import annotations

import os
from pathlib import Path

from askcraft._packs import Manifest, Pack, Selection, TemplateEntry, builtin_pack, load_pack

__all__ = ["Manifest", "Pack", "Selection", "TemplateEntry", "builtin_pack", "load_pack", "resolve_packs"]


def resolve_packs(pack: str | os.PathLike[str] | Pack | None = None) -> list[Pack]:
    """Return the packs to draft with, highest precedence first (the built-in pack is always last)."""
    stack: list[Pack] = []
    if isinstance(pack, Pack):
        stack.append(pack)
    elif pack is not None:
        stack.append(load_pack(Path(pack)))
    builtin = builtin_pack()
    if builtin not in stack:
        stack.append(builtin)
    return stack
