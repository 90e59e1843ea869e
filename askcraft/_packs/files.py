"""A pack folder's files, treated as strictly as a zip: found once, read and written without following links.

When a pack is loaded its folder is walked (``scan_pack``) and refused if anything inside it
is a symbolic link (wherever it points: a zip may not hold one either) or not a plain file or
folder (a FIFO blocks whoever reads it; a device or socket has no place in a pack), or if it
holds more files, bigger files or more bytes than a pack zip may. The pack folder itself may
be reached through a link (``askcraft/templates`` is one in a source checkout).

Files are then read (``read_pack_file``) and written (``write_pack_file``) through a chain of
folder descriptors opened without following links, so a link swapped in after the walk can
neither redirect a read nor a write: a write goes to a temporary file in the folder and is
renamed over the name, which replaces a link rather than writing through it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import os
import secrets
import stat
from pathlib import Path, PurePosixPath

from askcraft._errors import PackError
from askcraft._intent.safe_text import UNSAFE_CHARS

#: The most files (and folders) a pack may hold, as in a zip.
MAX_FILES = 500
#: The largest file a pack may hold, as in a zip.
MAX_FILE_BYTES = 1024 * 1024
#: The most bytes all of a pack's files may hold together, as in a zip.
MAX_TOTAL_BYTES = 5 * 1024 * 1024
#: How deep folders may nest.
MAX_DEPTH = 16
#: Never part of a pack: version control, caches, Finder litter. Not walked, hashed, read or copied.
IGNORED = frozenset({".git", ".hg", ".svn", "__pycache__", ".DS_Store"})

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _NOFOLLOW | _CLOEXEC
_READ_FLAGS = os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0) | _CLOEXEC | getattr(os, "O_BINARY", 0)
_WRITE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC | getattr(os, "O_BINARY", 0)
#: Folder descriptors (openat) where the platform has them; elsewhere resolved paths are checked.
#: (``os.replace`` takes folder descriptors wherever ``os.rename`` does; only the latter is listed.)
_AT = os.open in os.supports_dir_fd and os.stat in os.supports_dir_fd and os.rename in os.supports_dir_fd


@dataclasses.dataclass(frozen=True)
class PackFiles:
    """The plain files of one pack folder, as found when it was loaded."""

    root: Path
    """The pack folder with every link on the way resolved."""
    shown: Path
    """The pack folder as the user named it, for messages."""
    files: dict[str, int]
    """Each file's path inside the pack (``/``-separated) and its size."""
    signature: tuple[tuple[str, int, int, int], ...]
    """(path, size, modification time, inode) of every file: a changed file changes it."""

    def has(self, rel: str) -> bool:
        """Return whether *rel* is one of the pack's plain files."""
        return rel in self.files

    def under(self, folder: str, suffix: str) -> list[str]:
        """Return the files directly inside *folder* whose names end in *suffix*, sorted."""
        prefix = folder.strip("/") + "/" if folder.strip("/.") else ""
        return sorted(
            rel
            for rel in self.files
            if rel.startswith(prefix) and "/" not in rel[len(prefix) :] and rel.endswith(suffix)
        )


def _refuse(shown: Path, rel: str, what: str) -> PackError:
    return PackError(
        f"pack at {shown}: {rel} {what}; a pack may hold only plain files and folders, nothing "
        "that could lead outside the pack or block a reader (copy the real file in)",
        file=rel,
    )


def _too_large(shown: Path, rel: str, limit: int) -> PackError:
    return PackError(
        f"pack at {shown}: {rel} is larger than {limit // 1024} KB, more than a pack file of its kind "
        "may hold; make it smaller",
        file=rel,
    )


def _check_name(shown: Path, rel: str) -> None:
    """Refuse a file name with a control or bidi character: names are printed in messages."""
    if UNSAFE_CHARS.search(rel):
        raise PackError(
            f"pack at {shown}: {rel!r} has a control or invisible direction character in its name "
            "(an escape sequence there would rewrite your terminal); rename it",
            file=repr(rel),
        )


def ignored(rel: str) -> bool:
    """Return whether *rel* lies in a part of a folder that is never part of a pack (``.git``, caches)."""
    return any(part in IGNORED for part in PurePosixPath(rel).parts)


def scan_pack(root: str | os.PathLike[str]) -> PackFiles:
    """Walk the pack folder *root*; return its plain files, or raise a PackError naming what is refused."""
    shown = Path(root)
    real = Path(os.path.realpath(shown))
    if not real.is_dir():
        raise PackError(f"{shown}: no such pack folder", file=str(shown))
    files: dict[str, int] = {}
    signature: list[tuple[str, int, int, int]] = []
    total = 0
    entries = 0
    stack: list[tuple[Path, str, int]] = [(real, "", 0)]
    while stack:
        folder, prefix, depth = stack.pop()
        try:
            with os.scandir(folder) as listing:
                found = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            raise PackError(f"pack at {shown}: cannot read {prefix or '.'} ({exc.strerror})") from None
        for entry in found:
            if entry.name in IGNORED:
                continue
            rel = prefix + entry.name
            _check_name(shown, rel)
            entries += 1
            if entries > MAX_FILES:
                raise PackError(
                    f"pack at {shown}: more than {MAX_FILES} files and folders; a pack may hold at most "
                    f"{MAX_FILES} (as in a zip)",
                    file=str(shown),
                )
            st = entry.stat(follow_symlinks=False)
            if stat.S_ISLNK(st.st_mode):
                raise _refuse(shown, rel, "is a symbolic link")
            if stat.S_ISDIR(st.st_mode):
                if depth + 1 >= MAX_DEPTH:
                    raise _refuse(shown, rel, f"nests folders deeper than {MAX_DEPTH} levels")
                stack.append((Path(entry.path), rel + "/", depth + 1))
                continue
            if not stat.S_ISREG(st.st_mode):
                raise _refuse(shown, rel, "is not a plain file (a FIFO, device or socket)")
            if st.st_size > MAX_FILE_BYTES:
                raise _too_large(shown, rel, MAX_FILE_BYTES)
            total += st.st_size
            if total > MAX_TOTAL_BYTES:
                raise PackError(
                    f"pack at {shown}: its files hold more than {MAX_TOTAL_BYTES // 1024 // 1024} MB",
                    file=str(shown),
                )
            files[rel] = st.st_size
            signature.append((rel, st.st_size, st.st_mtime_ns, st.st_ino))
    return PackFiles(real, shown, files, tuple(sorted(signature)))


# -- reading and writing without following links ----------------------------------------------------------


def _parts(files: PackFiles, rel: str) -> list[str]:
    parts = list(PurePosixPath(rel).parts)
    bad = any(p in {"", ".", ".."} for p in parts) or PurePosixPath(rel).is_absolute() or ignored(rel)
    if not parts or bad:
        raise PackError(f"pack at {files.shown}: {rel!r} is not a path inside the pack", file=rel)
    return parts


def _open_folder(files: PackFiles, folders: list[str], rel: str) -> int:
    """Open the pack folder and then each of *folders* inside it, refusing links; return the last one's fd."""
    fd = os.open(files.root, _DIR_FLAGS)
    for name in folders:
        try:
            inner = os.open(name, _DIR_FLAGS, dir_fd=fd)
        except OSError as exc:
            what = "is a symbolic link or not a folder" if exc.errno in {errno.ELOOP, errno.ENOTDIR} else ""
            raise PackError(
                f"pack at {files.shown}: cannot open {rel} ({what or exc.strerror}); a pack may hold "
                "only plain files and folders",
                file=rel,
            ) from None
        finally:
            os.close(fd)
        fd = inner
    return fd


def _checked_path(files: PackFiles, rel: str) -> Path:
    """Where folder descriptors are missing: the resolved path, checked to be a plain file in the pack."""
    path = files.root.joinpath(*_parts(files, rel))
    if path.resolve() != path or not path.resolve().is_relative_to(files.root):
        raise _refuse(files.shown, rel, "leads through a symbolic link")
    return path


def read_pack_file(files: PackFiles, rel: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """Return the bytes of the pack file *rel*, refusing links, special files and more than *limit* bytes."""
    parts = _parts(files, rel)
    if _AT:
        folder = _open_folder(files, parts[:-1], rel)
        try:
            fd = os.open(parts[-1], _READ_FLAGS, dir_fd=folder)
        except OSError as exc:
            if exc.errno == errno.ENOENT:
                raise FileNotFoundError(errno.ENOENT, "no such file in the pack", rel) from None
            raise _refuse(files.shown, rel, "is a symbolic link or cannot be read") from None
        finally:
            os.close(folder)
    else:  # pragma: no cover  (platforms without openat)
        fd = os.open(_checked_path(files, rel), _READ_FLAGS)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise _refuse(files.shown, rel, "is not a plain file (a FIFO, device or socket)")
        if st.st_size > limit:
            raise _too_large(files.shown, rel, limit)
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:
        raise _too_large(files.shown, rel, limit)
    return data


def _check_existing(dir_fd: int, name: str, rel: str) -> None:
    """Refuse to replace anything but a plain file (a link, a folder, a FIFO) at *name*."""
    try:
        st = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
    except FileNotFoundError:
        return
    if not stat.S_ISREG(st.st_mode):
        kind = "a symbolic link" if stat.S_ISLNK(st.st_mode) else "not a plain file"
        raise PackError(f"{rel} is {kind}; askcraft writes only plain files inside the pack", file=rel)


def write_pack_file(files: PackFiles, rel: str, text: str) -> None:
    """Write *text* to the pack file *rel*: into a new file in its folder, renamed over the name.

    The folders on the way are opened without following links and the rename replaces
    whatever is at the name (a link swapped in late is replaced, never written through).
    """
    parts = _parts(files, rel)
    data = text.encode("utf-8")
    temp = f".{parts[-1]}.{secrets.token_hex(6)}.tmp"
    if not _AT:  # pragma: no cover  (platforms without openat)
        path = _checked_path(files, rel)
        path.with_name(temp).write_bytes(data)
        path.with_name(temp).replace(path)
        return
    folder = _open_folder(files, parts[:-1], rel)
    try:
        _check_existing(folder, parts[-1], rel)
        fd = os.open(temp, _WRITE_FLAGS, 0o644, dir_fd=folder)
        try:
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view) :]
            finally:
                os.close(fd)
            os.replace(temp, parts[-1], src_dir_fd=folder, dst_dir_fd=folder)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp, dir_fd=folder)
            raise
    except OSError as exc:
        raise PackError(f"pack at {files.shown}: cannot write {rel} ({exc.strerror})", file=rel) from None
    finally:
        os.close(folder)
