"""Checks of command-line arguments the commands share: names and paths that cannot be right."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import click


class FilePath(click.Path):
    """A click path that refuses an empty string (which would quietly mean the current folder)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and not value.strip():
            what = "file" if not self.dir_okay else "folder" if not self.file_okay else "file or folder"
            self.fail(f"is empty; give a {what} name", param, ctx)
        return super().convert(value, param, ctx)


def not_empty(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Refuse an empty name."""
    if value is not None and not value.strip():
        raise click.BadParameter("is empty; give a name")
    return value


def pack_source(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Refuse what cannot be a pack: an empty name, or a file that is not a .zip."""
    if value is None:
        return None
    if not value.strip():
        raise click.BadParameter("is empty; give a pack folder, a .zip or an installed pack's name")
    path = Path(value)
    if path.is_file() and path.suffix.lower() != ".zip":
        raise click.BadParameter(
            f"{value} is a file but not a .zip; give a pack folder, a .zip or an installed pack's name"
        )
    if path.is_file() and not zipfile.is_zipfile(path):
        raise click.BadParameter(f"{value} is not a valid zip file (damaged, or not a zip at all)")
    if path.is_dir() and not (path / "pack.yaml").is_file():
        raise click.BadParameter(
            f"{value} is a folder but not a pack (no pack.yaml); create one with 'askcraft packs new NAME'"
        )
    return value
