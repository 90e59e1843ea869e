"""Install packs into the user's pack folder and remove them, never leaving a half-installed pack.

A pack is unpacked or copied into a private temporary folder and linted there (errors
refuse the install). Then, holding the pack folder's lock (``_packs/userdir.py``), the
installed version is checked, the pack is copied into a hidden staging folder next to the
installed packs and renamed into place; an older copy is moved aside and deleted only after
the new one is in place. Two installs never interleave; a killed one is recovered from by
the next install or discovery.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from askcraft._errors import PackError
from askcraft._packs.archive import archive_digest, extract_pack_zip
from askcraft._packs.discovery import clear_caches, discover, user_packs_dir
from askcraft._packs.files import read_pack_file, scan_pack
from askcraft._packs.manifest import INSTALL_RECORD, MANIFEST
from askcraft._packs.pack import Pack, load_pack
from askcraft._packs.userdir import locked, recover, staging_folder, swap_in


@dataclasses.dataclass(frozen=True)
class Installed:
    """What an install did."""

    name: str
    version: str
    path: Path
    status: str  # "installed", "replaced" or "unchanged"
    previous: str | None = None


def _copy_tree(src: Path, dest: Path) -> None:
    """Copy a pack folder's plain files (links and special files are refused by the scan)."""
    found = scan_pack(src)
    for rel in sorted(found.files):
        if rel == INSTALL_RECORD:
            continue
        target = dest.joinpath(*PurePosixPath(rel).parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("xb") as out:
            out.write(read_pack_file(found, rel))


def read_record(root: Path) -> dict[str, str]:
    """Return what ``packs install`` recorded about an installed pack (empty when nothing)."""
    try:
        data = json.loads((root / INSTALL_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _lint_or_refuse(root: Path, shown: Path, *, grammar: bool) -> Pack:
    from askcraft._packtools.lint import lint_pack  # noqa: PLC0415

    report = lint_pack(root, grammar=grammar)
    if not report.ok or report.pack is None:
        problems = "\n  ".join(str(p) for p in report.errors[:20])
        raise PackError(
            f"{shown}: not installed, lint found {len(report.errors)} error(s) "
            f"(your installed packs are unchanged):\n  {problems}",
            pack=report.pack.name if report.pack else None,
            file=str(shown),
        )
    return report.pack


def install_pack(source: str | Path, *, force: bool = False, grammar: bool = False) -> Installed:
    """Lint and install the pack folder or zip *source* into the user's pack folder."""
    source = Path(source)
    if not source.exists():
        raise PackError(f"{source}: no such pack folder or zip", file=str(source))
    with tempfile.TemporaryDirectory(prefix="askcraft-install-") as tmp:
        if source.is_file():
            root = extract_pack_zip(source, Path(tmp) / "unpacked")
            digest = archive_digest(source)
        else:
            if not (source / MANIFEST).is_file():
                load_pack(source)  # raises the usual "not a pack" error
            root = Path(tmp) / "unpacked"
            _copy_tree(source, root)
            digest = ""
        pack = _lint_or_refuse(root, source, grammar=grammar)
        record = {
            "name": pack.name,
            "version": pack.version,
            "source": str(source.resolve()),
            "sha256": digest or pack.content_hash,
            "content_hash": pack.content_hash,
        }
        packs_dir = user_packs_dir()
        try:
            with locked(packs_dir):
                recover(packs_dir)
                return _check_and_swap(pack, root, packs_dir, record, force=force)
        finally:
            clear_caches()


def _check_and_swap(
    pack: Pack, root: Path, packs_dir: Path, record: dict[str, str], *, force: bool
) -> Installed:
    """With the folder locked: compare with the installed copy, then swap the new one in."""
    target = packs_dir / pack.name
    previous = load_pack(target, source="user") if (target / MANIFEST).is_file() else None
    if previous is not None:
        same = previous.version == pack.version and previous.content_hash == pack.content_hash
        if same and not force:
            return Installed(pack.name, pack.version, target, "unchanged", previous.version)
        if not force:
            change = (
                f"version {previous.version} is installed; this is {pack.version}"
                if previous.version != pack.version
                else f"version {pack.version} is installed with different content"
            )
            raise PackError(
                f"pack '{pack.name}': {change}. Use --force to replace it "
                "(your installed packs are unchanged)",
                pack=pack.name,
            )
    staging = staging_folder(packs_dir)
    try:
        new = staging / "new"
        shutil.copytree(root, new, symlinks=True)
        record["installed_at"] = datetime.now(UTC).isoformat(timespec="seconds")
        (new / INSTALL_RECORD).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
        swap_in(new, target, staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    status = "installed" if previous is None else "replaced"
    return Installed(pack.name, pack.version, target, status, previous.version if previous else None)


def remove_pack(name: str) -> Path:
    """Remove the pack called *name* from the user's pack folder; return where it was."""
    for item in discover(autoload=True):
        if item.name != name:
            continue
        if item.source == "user":
            packs_dir = user_packs_dir()
            try:
                with locked(packs_dir):
                    recover(packs_dir)
                    if not item.root.exists():
                        raise PackError(f"pack '{name}' was removed meanwhile", pack=name)
                    staging = staging_folder(packs_dir)
                    try:
                        item.root.rename(staging / "removed")
                    finally:
                        shutil.rmtree(staging, ignore_errors=True)
            finally:
                clear_caches()
            return item.root
        if item.source == "entry-point":
            raise PackError(
                f"pack '{name}' was installed by pip ({item.origin}); remove it with pip uninstall"
            )
        if item.source == "builtin":
            raise PackError(f"pack '{name}' is askcraft's built-in pack and cannot be removed")
    raise PackError(f"no pack named {name!r} in {user_packs_dir()}; see 'askcraft packs list'", pack=name)
