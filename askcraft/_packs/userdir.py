"""The user pack folder: one lock around every change, an atomic swap, and recovery after a crash.

Installs and removals change the folder only while holding ``.askcraft-packs.lock`` (an
``fcntl`` lock, released by the system when the process ends, however it ends), so two of
them never interleave their check-and-swap. Their staging folders (``.tmp-*``) are made
under the lock too, so whoever holds the lock knows that every staging folder it sees
belongs to a process that died: it puts back a pack that was moved aside (a kill between
the two renames of a swap) and removes the rest. Discovery does the same when it can take
the lock without waiting. SIGINT, SIGTERM and SIGHUP are held during the two renames and
arrive once the new pack is in place.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover  (Windows: no file locks; installs are not guarded)
    fcntl = None  # type: ignore[assignment]

from askcraft._packs.manifest import PACK_NAME
from askcraft._packs.pack import load_pack

LOCK = ".askcraft-packs.lock"
STAGING_PREFIX = ".tmp-"
#: Inside a staging folder: the pack moved aside by a swap, and the name it had.
PREVIOUS = "previous"
TARGET = "target"
_HELD = {getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)}


@contextlib.contextmanager
def locked(packs_dir: Path, *, wait: bool = True) -> Iterator[bool]:
    """Hold the pack folder's lock inside the block; yield False when *wait* is off and it is taken."""
    packs_dir.mkdir(parents=True, exist_ok=True)
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(packs_dir / LOCK, flags, 0o600)
    try:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
            except BlockingIOError:
                yield False
                return
        yield True
    finally:
        os.close(fd)  # closing the file releases the lock


def staging_folder(packs_dir: Path) -> Path:
    """Make a staging folder next to the installed packs (call with the lock held)."""
    return Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=packs_dir))


def has_leftovers(packs_dir: Path) -> bool:
    """Return whether the folder holds staging folders (cheap: one listing)."""
    try:
        with os.scandir(packs_dir) as entries:
            return any(entry.name.startswith(STAGING_PREFIX) for entry in entries)
    except OSError:
        return False


def _target(staging: Path, previous: Path) -> str | None:
    """Return the name of the pack a swap moved aside: from its note, else its manifest."""
    try:
        name = (staging / TARGET).read_text(encoding="utf-8").strip()
    except OSError:
        try:
            name = load_pack(previous).name
        except Exception:
            return None
    return name if PACK_NAME.fullmatch(name) else None


def recover(packs_dir: Path) -> list[str]:
    """Put back packs a killed swap moved aside and remove every staging folder (lock held); return names."""
    restored = []
    for staging in sorted(packs_dir.glob(STAGING_PREFIX + "*")):
        if staging.is_symlink() or not staging.is_dir():
            with contextlib.suppress(OSError):
                staging.unlink()
            continue
        previous = staging / PREVIOUS
        if previous.is_dir() and not previous.is_symlink():
            name = _target(staging, previous)
            if name is not None and not os.path.lexists(packs_dir / name):
                previous.rename(packs_dir / name)
                restored.append(name)
        shutil.rmtree(staging, ignore_errors=True)
    return restored


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP in this thread inside the block; they are delivered after it."""
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover  (Windows)
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def swap_in(new: Path, target: Path, staging: Path) -> None:
    """Put *new* at *target* (lock held), moving an old copy into *staging* and back if anything fails."""
    (staging / TARGET).write_text(target.name, encoding="utf-8")
    previous = staging / PREVIOUS
    moved = False
    with _signals_held():
        try:
            if os.path.lexists(target):
                target.rename(previous)
                moved = True
            new.rename(target)
        except BaseException:
            if moved and not os.path.lexists(target):
                previous.rename(target)
            raise
