"""Scaffold a new pack (``packs new NAME``) that passes ``packs lint`` and ``packs test`` as created."""

from __future__ import annotations

import getpass
from pathlib import Path

from askcraft._errors import PackError
from askcraft._packs.manifest import BUILTIN_NAME, PACK_NAME

SCAFFOLD = Path(__file__).parent / "scaffold_files"
#: Template files ship as .txt (package data); they get their real name when copied.
_SHIPPED_SUFFIX = ".txt"


def new_pack(name: str, parent: str | Path = ".", *, author: str | None = None) -> Path:
    """Create the folder *parent*/*name* holding a working pack; return its path."""
    if not PACK_NAME.fullmatch(name) or len(name) > 64:
        raise PackError(
            f"{name!r} is not a pack name: use lowercase letters, digits and single hyphens, "
            "starting with a letter (e.g. 'career-coach')"
        )
    if name == BUILTIN_NAME:
        raise PackError(f"the name '{BUILTIN_NAME}' belongs to askcraft's own pack; choose another")
    root = Path(parent) / name
    try:  # made here, so nothing already at the name (a link left in a shared folder) is written through
        root.parent.mkdir(parents=True, exist_ok=True)
        root.mkdir()
    except FileExistsError:
        raise PackError(f"{root} already exists; choose another name or folder", file=str(root)) from None
    except OSError as exc:
        raise PackError(f"cannot create {root} ({exc.strerror})", file=str(root)) from None
    try:
        who = author or getpass.getuser()
    except (KeyError, OSError):  # no user name in containers without a passwd entry
        who = "the pack's author"
    for src in sorted(SCAFFOLD.rglob("*")):
        if not src.is_file() or "__pycache__" in src.parts:
            continue
        rel = src.relative_to(SCAFFOLD)
        if rel.name.endswith(".j2" + _SHIPPED_SUFFIX):
            rel = rel.with_name(rel.name.removesuffix(_SHIPPED_SUFFIX))
        dest = root / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        text = src.read_text(encoding="utf-8").replace("__NAME__", name).replace("__AUTHOR__", who)
        dest.write_text(text, encoding="utf-8")
    from askcraft._packtools.selftest import run_pack_tests  # noqa: PLC0415

    run_pack_tests(root, update=True)  # the expected outputs are what the templates render today
    return root
