"""Find packs: an explicit path or name, the user's pack folder, pip-installed packs, the built-in one.

Discovery reads manifests only; a pack's templates are parsed when a draft first
uses them. Pip-installed packs are found through the entry-point group
``askcraft.packs`` whose value names a package holding ``pack.yaml``; the files are
located from the distribution's file list (or the package's import spec) without
running the package's code.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib.metadata
import importlib.util
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from askcraft._errors import PackError
from askcraft._packs.manifest import MANIFEST, PACK_NAME, Source
from askcraft._packs.pack import Pack, builtin_pack, load_pack
from askcraft._packs.userdir import has_leftovers, locked, recover

ENTRY_POINT_GROUP = "askcraft.packs"
#: Points the user pack folder elsewhere (tests, shared machines).
ENV_PACKS_DIR = "ASKCRAFT_PACKS_DIR"
#: "1" ignores the user folder and pip-installed packs: only an explicit pack and the built-in one.
ENV_NO_AUTOLOAD = "ASKCRAFT_NO_PACK_AUTOLOAD"


def user_packs_dir() -> Path:
    """Return the folder ``packs install`` copies packs into."""
    override = os.environ.get(ENV_PACKS_DIR)
    if override:
        return Path(override)
    return _default_packs_dir(os.environ.get("XDG_DATA_HOME"), os.environ.get("HOME"))


@functools.lru_cache(maxsize=8)
def _default_packs_dir(xdg_data_home: str | None, home: str | None) -> Path:
    """Return platformdirs' answer once per environment (every draft looks up the packs)."""
    import platformdirs  # noqa: PLC0415  (only needed once packs are looked up)

    return Path(platformdirs.user_data_dir("askcraft")) / "packs"


def autoload_enabled() -> bool:
    """Return whether installed packs (user folder, pip) are used; see ASKCRAFT_NO_PACK_AUTOLOAD."""
    return os.environ.get(ENV_NO_AUTOLOAD, "").strip().lower() not in {"1", "true", "yes", "on"}


@dataclasses.dataclass
class Found:
    """A pack that discovery found: where, whether it loaded, and whether a higher one shadows it."""

    source: Source
    root: Path
    origin: str
    pack: Pack | None = None
    error: PackError | None = None
    shadowed_by: Found | None = None

    @property
    def name(self) -> str:
        """Return the pack's name (its folder's name when the manifest would not load)."""
        return self.pack.name if self.pack is not None else self.root.name

    def loaded(self) -> Pack:
        """Return the pack, or raise the error that kept it from loading."""
        if self.pack is None:
            raise self.error or PackError(f"{self.root}: pack not loaded", file=str(self.root))
        return self.pack


# -- caches: the user folder is rescanned when it changes, a pack when its manifest does ---------

_loaded: dict[tuple[Path, Source], tuple[tuple[int, int], Pack]] = {}
_discovered: dict[tuple[bool, str, int | None], list[Found]] = {}
_entry_points: list[importlib.metadata.EntryPoint] | None = None


def clear_caches() -> None:
    """Forget loaded packs and the entry-point list (after installing or removing packs)."""
    global _entry_points  # noqa: PLW0603  (a per-process cache)
    _loaded.clear()
    _discovered.clear()
    _entry_points = None


def _load_cached(root: Path, source: Source) -> Pack:
    manifest = root / MANIFEST
    try:
        st = manifest.stat()
        stamp = (st.st_mtime_ns, st.st_size)
    except OSError:
        stamp = (0, 0)
    key = (root, source)
    hit = _loaded.get(key)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    pack = load_pack(root, source=source)
    _loaded[key] = (stamp, pack)
    return pack


def _found(root: Path, source: Source, origin: str) -> Found:
    found = Found(source=source, root=root, origin=origin)
    try:
        found.pack = _load_cached(root, source)
    except PackError as exc:
        found.error = exc
    return found


# -- sources -------------------------------------------------------------------------------------------


def _user_stamp() -> int | None:
    try:
        return user_packs_dir().stat().st_mtime_ns
    except OSError:
        return None


def _user_packs() -> list[Found]:
    folder = user_packs_dir()
    if not folder.is_dir():
        return []
    if has_leftovers(folder):  # an install was killed: put back what it moved aside, if nobody is busy
        with locked(folder, wait=False) as mine:
            if mine:
                recover(folder)
    return [
        _found(root, "user", f"user folder {folder}")
        for root in sorted(folder.iterdir())
        # .tmp-* folders belong to an install in progress
        if not root.name.startswith(".") and root.is_dir()
    ]


def _group() -> list[importlib.metadata.EntryPoint]:
    global _entry_points  # noqa: PLW0603  (a per-process cache)
    if _entry_points is None:
        eps = importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
        _entry_points = sorted(eps, key=lambda ep: (ep.name, ep.value))
    return _entry_points


def _locate(ep: importlib.metadata.EntryPoint) -> Path:
    """Return the folder of the package an entry point names, without importing it."""
    if ep.attr:
        raise PackError(
            f"entry point {ep.name} = {ep.value!r} in group {ENTRY_POINT_GROUP}: name a package "
            "(e.g. 'my_pack'), not an object",
            pack=ep.name,
        )
    parts = ep.module.split(".")
    dist = ep.dist
    if dist is not None:
        for file in dist.files or ():
            if list(file.parts) == [*parts, MANIFEST]:
                return Path(str(dist.locate_file(file))).parent
    # Editable installs list no files; a top-level spec is found without running the package.
    spec = importlib.util.find_spec(parts[0])
    if spec is None or not spec.submodule_search_locations:
        raise PackError(
            f"entry point {ep.name} = {ep.value!r}: package {parts[0]!r} is not installed as a folder",
            pack=ep.name,
        )
    return Path(next(iter(spec.submodule_search_locations))).joinpath(*parts[1:])


def _entry_point_packs() -> Iterator[Found]:
    for ep in _group():
        dist = f"{ep.dist.name} {ep.dist.version}" if ep.dist is not None else "unknown distribution"
        origin = f"pip package {dist} (entry point {ep.name} = {ep.value})"
        try:
            root = _locate(ep)
        except PackError as exc:
            yield Found(source="entry-point", root=Path(ep.module), origin=origin, error=exc)
            continue
        yield _found(root, "entry-point", origin)


def discover(*, autoload: bool | None = None) -> list[Found]:
    """Return every pack found, highest precedence first, with shadowed ones marked.

    Within a process the result is reused until the user pack folder changes (installs and
    removals rename folders there); pip-installed packs are read once per process.
    """
    if autoload is None:
        autoload = autoload_enabled()
    key = (autoload, str(user_packs_dir()), _user_stamp() if autoload else None)
    cached = _discovered.get(key)
    if cached is None:
        found: list[Found] = []
        if autoload:
            found.extend(_user_packs())
            found.extend(_entry_point_packs())
        found.append(
            Found(source="builtin", root=builtin_pack().root, origin="askcraft", pack=builtin_pack())
        )
        _mark_shadowed(found)
        _discovered.clear()  # keep one result per configuration in use, not a history
        cached = _discovered[key] = found
    return list(cached)


def _mark_shadowed(found: list[Found], above: list[Found] | None = None) -> None:
    winners: dict[str, Found] = {f.name: f for f in reversed(above or [])}
    for item in found:
        if item.name in winners:
            item.shadowed_by = winners[item.name]
        else:
            winners[item.name] = item


# -- resolution ----------------------------------------------------------------------------------------

#: Zips given as pack= are unpacked once per process into folders removed at exit.
_unpacked: dict[str, tuple[tempfile.TemporaryDirectory[str], Pack]] = {}


def load_pack_zip(archive: Path, *, source: Source = "path") -> Pack:
    """Load a pack straight from a ``.zip`` (unpacked safely into a temporary folder)."""
    from askcraft._packs.archive import archive_digest, extract_pack_zip  # noqa: PLC0415

    digest = archive_digest(archive)
    if digest not in _unpacked:
        tmp = tempfile.TemporaryDirectory(prefix="askcraft-pack-")
        try:
            root = extract_pack_zip(archive, Path(tmp.name))
            pack = load_pack(root, source=source)
        except PackError as exc:  # name the zip, not the folder it was unpacked into (removed now)
            tmp.cleanup()
            raise PackError(
                str(exc).replace(tmp.name, str(archive)), pack=exc.pack, file=str(archive), line=exc.line
            ) from None
        except BaseException:  # anything else (Ctrl-C) leaves no folder behind either
            tmp.cleanup()
            raise
        _unpacked[digest] = (tmp, pack)
    return _unpacked[digest][1]


def load_explicit(pack: str | os.PathLike[str]) -> Pack:
    """Load a pack given by path (folder or zip) or by the name of an installed pack."""
    path = Path(pack)
    if path.is_dir():
        return load_pack(path)
    if path.is_file():
        if path.name == MANIFEST:
            return load_pack(path.parent)
        return load_pack_zip(path)
    text = os.fspath(pack)
    if PACK_NAME.fullmatch(text):
        return find_pack(text)
    raise PackError(
        f"{text!r}: no such pack folder or zip, and not a pack name; see 'askcraft packs list'", file=text
    )


def find_pack(name: str) -> Pack:
    """Return the installed pack called *name* (user folder, pip, built-in: the highest one)."""
    for item in discover(autoload=True):
        if item.name == name and item.shadowed_by is None:
            return item.loaded()
    names = sorted({f.name for f in discover(autoload=True)})
    raise PackError(f"no installed pack named {name!r}; installed: {', '.join(names)}", pack=name)


def resolve_packs(pack: str | os.PathLike[str] | Pack | None = None) -> list[Pack]:
    """Return the packs to draft with, highest precedence first (the built-in pack is always last)."""
    stack: list[Pack] = []
    if isinstance(pack, Pack):
        stack.append(pack)
    elif pack is not None:
        stack.append(load_explicit(pack))
    names = {p.name for p in stack}
    for item in discover():
        if item.shadowed_by is not None or item.name in names:
            continue
        if item.error is not None:
            raise PackError(
                f"{item.error}\n(this pack is in the {item.origin}; fix it, remove it with "
                f"'askcraft packs remove {item.name}', or set {ENV_NO_AUTOLOAD}=1 to ignore installed packs)",
                pack=item.error.pack,
                file=item.error.file,
                line=item.error.line,
            )
        stack.append(item.loaded())
        names.add(item.name)
    return stack
