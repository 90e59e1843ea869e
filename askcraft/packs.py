"""Template packs: find, load and inspect them.

A pack is data only: a folder (or ``.zip``) with ``pack.yaml`` and Jinja templates.
Packs are looked up, highest precedence first: an explicit path, the user's pack
folder, pip-installed packs (entry-point group ``askcraft.packs``), the built-in pack.
"""

from __future__ import annotations

import copy
from typing import Any

from askcraft._packs.discovery import (
    ENTRY_POINT_GROUP,
    Found,
    discover,
    find_pack,
    resolve_packs,
    user_packs_dir,
)
from askcraft._packs.manifest import FieldSpec, Manifest, TemplateEntry
from askcraft._packs.pack import Pack, Selection, builtin_pack, load_pack

__all__ = [
    "ENTRY_POINT_GROUP",
    "FieldSpec",
    "Found",
    "Manifest",
    "Pack",
    "Selection",
    "TemplateEntry",
    "builtin_pack",
    "discover",
    "find_pack",
    "intent_schema",
    "load_pack",
    "resolve_packs",
    "user_packs_dir",
]


def intent_schema(pack: str | Pack | None = None) -> dict[str, Any]:
    """Return the intent's JSON Schema, with ``extra`` describing the fields of *pack*.

    *pack* is a pack, a path or an installed pack's name; by default the fields of every
    pack in use (installed packs and the built-in one) are included.
    """
    from askcraft._intent.model import Intent  # noqa: PLC0415

    schema = copy.deepcopy(Intent.model_json_schema())
    packs = resolve_packs(pack)
    if pack is not None:
        packs = packs[:1]
    properties: dict[str, Any] = {}
    required: list[str] = []
    for item in reversed(packs):  # higher precedence last, so it wins
        for name, spec in item.fields.items():
            properties[name] = {**spec.json_schema(), "x-askcraft-pack": item.name}
            if spec.required and name not in required:
                required.append(name)
    extra: dict[str, Any] = {
        "type": "object",
        "description": "Fields a template pack declares beyond the standard ones.",
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        extra["required"] = required
    schema.setdefault("properties", {})["extra"] = extra
    return schema
