"""Unpack a pack shared as a ``.zip`` without trusting the archive.

Refused: absolute or ``..`` member names, symlinks and other special files, encrypted
members, duplicate names, more than MAX_FILES members, more than MAX_TOTAL_BYTES
unpacked (counted while reading, not taken from the headers), and members that
compress better than MAX_RATIO to one (zip bombs).
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import stat
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from askcraft._errors import PackError
from askcraft._intent.safe_text import UNSAFE_CHARS
from askcraft._packs import files
from askcraft._packs.manifest import MANIFEST

#: The same limits as a pack folder (``files.py``).
MAX_FILES = files.MAX_FILES
MAX_MEMBER_BYTES = files.MAX_FILE_BYTES
MAX_TOTAL_BYTES = files.MAX_TOTAL_BYTES
#: The largest zip read at all: its members' bytes plus room for headers.
MAX_ARCHIVE_BYTES = MAX_TOTAL_BYTES + 2 * 1024 * 1024
#: Text compresses maybe ten to one; a hundred to one on a sizeable member is a bomb.
MAX_RATIO = 100
_RATIO_FROM_BYTES = 16 * 1024
#: Longest member path, and longest part of one (most file systems stop at 255 bytes a name).
MAX_PATH_CHARS = 1024
MAX_NAME_BYTES = 255
_CHUNK = 64 * 1024
_SKIPPED = ("__MACOSX/",)


def _bad(archive: Path, message: str) -> PackError:
    return PackError(
        f"{archive}: {message}; the zip was refused (nothing in it was used or installed)",
        file=str(archive),
    )


def _member_path(archive: Path, name: str) -> PurePosixPath:
    if "\\" in name or "\0" in name or re.match(r"^[A-Za-z]:", name) or name.startswith("/"):
        raise _bad(archive, f"member {name!r} has an absolute or Windows path")
    if UNSAFE_CHARS.search(name):
        raise _bad(archive, f"member {name!r} has a control or invisible direction character in its name")
    path = PurePosixPath(name)
    if ".." in path.parts:
        raise _bad(archive, f"member {name!r} leads outside the pack ('..')")
    if len(name) > MAX_PATH_CHARS or any(len(part.encode("utf-8")) > MAX_NAME_BYTES for part in path.parts):
        raise _bad(
            archive,
            f"member {name[:60]!r}... has a path longer than a pack's files may have ({MAX_PATH_CHARS} "
            f"characters, {MAX_NAME_BYTES} bytes a name)",
        )
    return path


def _check_layout(archive: Path, infos: list[zipfile.ZipInfo]) -> None:
    """Refuse a name used for both a file and a folder ('a' and 'a/b'), and names used twice."""
    files: set[str] = set()
    folders: set[str] = set()
    for info in infos:
        path = _member_path(archive, info.filename)
        key = path.as_posix().rstrip("/").casefold()
        parents = {p.as_posix().casefold() for p in path.parents if p.as_posix() != "."}
        folders |= parents
        if info.is_dir():
            folders.add(key)
        elif key in files:
            raise _bad(archive, f"member {info.filename!r} appears twice")
        else:
            files.add(key)
    both = sorted(files & folders)
    if both:
        raise _bad(archive, f"member {both[0]!r} is both a file and a folder")


def _check_member(archive: Path, info: zipfile.ZipInfo) -> None:
    mode = info.external_attr >> 16
    kind = stat.S_IFMT(mode)
    if kind == stat.S_IFLNK:
        raise _bad(archive, f"member {info.filename!r} is a symbolic link; packs may not contain links")
    if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
        raise _bad(archive, f"member {info.filename!r} is not a plain file or folder")
    if info.flag_bits & 0x1:
        raise _bad(archive, f"member {info.filename!r} is encrypted")
    if info.file_size > MAX_MEMBER_BYTES:
        raise _bad(archive, f"member {info.filename!r} is larger than {MAX_MEMBER_BYTES // 1024} KB")
    if info.file_size > _RATIO_FROM_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise _bad(archive, f"member {info.filename!r} compresses more than {MAX_RATIO}:1 (a zip bomb?)")


def archive_bytes(archive: Path) -> bytes:
    """Return the bytes of a pack zip, refusing anything but a plain file of at most MAX_ARCHIVE_BYTES."""
    try:
        fd = os.open(archive, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise PackError(f"{archive}: no such file", file=str(archive)) from None
    except OSError as exc:
        raise _bad(archive, f"cannot read it ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as handle:
        st = os.fstat(handle.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise _bad(archive, "is not a plain file")
        if st.st_size > MAX_ARCHIVE_BYTES:
            raise _bad(
                archive, f"is larger than {MAX_ARCHIVE_BYTES // 1024 // 1024} MB, more than a pack may hold"
            )
        data = handle.read(MAX_ARCHIVE_BYTES + 1)
    if len(data) > MAX_ARCHIVE_BYTES:
        raise _bad(
            archive, f"is larger than {MAX_ARCHIVE_BYTES // 1024 // 1024} MB, more than a pack may hold"
        )
    return data


def archive_digest(archive: Path) -> str:
    """Return ``sha256:...`` of a pack zip (read once, never more than MAX_ARCHIVE_BYTES)."""
    return "sha256:" + hashlib.sha256(archive_bytes(archive)).hexdigest()


def extract_pack_zip(archive: str | Path, dest: Path) -> Path:
    """Unpack *archive* into the empty folder *dest*; return the folder that holds ``pack.yaml``."""
    archive = Path(archive)
    data = archive_bytes(archive)  # refuses FIFOs and huge files before zipfile seeks in them
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError) as exc:
        raise _bad(archive, f"not a valid zip file ({exc})") from None
    with zf:
        infos = [i for i in zf.infolist() if not i.filename.startswith(_SKIPPED)]
        if len(infos) > MAX_FILES:
            raise _bad(archive, f"has {len(infos)} members; a pack may have at most {MAX_FILES}")
        _check_layout(archive, infos)
        seen: set[str] = set()
        total = 0
        for info in infos:
            path = _member_path(archive, info.filename)
            _check_member(archive, info)
            key = path.as_posix().rstrip("/").casefold()
            if key in seen:
                raise _bad(archive, f"member {info.filename!r} appears twice")
            seen.add(key)
            if info.is_dir():
                (dest / path).mkdir(parents=True, exist_ok=True)
                continue
            target = dest / path
            target.parent.mkdir(parents=True, exist_ok=True)
            written = 0
            try:
                with zf.open(info) as src, target.open("xb") as out:
                    while chunk := src.read(_CHUNK):
                        written += len(chunk)
                        total += len(chunk)
                        # The headers can lie; count what actually comes out.
                        if written > max(info.file_size, 0) or written > MAX_MEMBER_BYTES:
                            raise _bad(archive, f"member {info.filename!r} unpacks to more than it declares")
                        if total > MAX_TOTAL_BYTES:
                            raise _bad(archive, f"unpacks to more than {MAX_TOTAL_BYTES // 1024 // 1024} MB")
                        out.write(chunk)
            except (
                zipfile.BadZipFile,
                zipfile.LargeZipFile,
                zlib.error,
                OSError,
                EOFError,
                NotImplementedError,
            ) as exc:
                raise _bad(archive, f"member {info.filename!r} is corrupt ({exc})") from None
    if (dest / MANIFEST).is_file():
        return dest
    tops = [p for p in dest.iterdir() if p.is_dir()]
    if len(tops) == 1 and (tops[0] / MANIFEST).is_file() and not any(p.is_file() for p in dest.iterdir()):
        return tops[0]
    raise _bad(archive, f"has no {MANIFEST} at its top (or in a single top-level folder)")
