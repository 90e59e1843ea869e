"""Writing a campaign's files: whole or not at all, and spreadsheet cells that cannot run as formulas."""

from __future__ import annotations

import contextlib
import csv
import io
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

_TEMP_PREFIX = ".askcraft-"
_TEMP_SUFFIX = ".tmp"
#: A cell starting with one of these is a formula (or DDE) to Excel, LibreOffice or Google Sheets;
#: the full-width forms too, which some of them read as the ASCII ones.
_FORMULA_START = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")


def write_atomic(path: Path, data: bytes) -> None:
    """Write *data* to *path* through a temporary file renamed over it: never a half-written file."""
    handle, temp = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=_TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        Path(temp).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temp).unlink()
        raise


def remove_stale_temps(folder: Path) -> None:
    """Remove temporary files a killed run left behind."""
    for stale in folder.glob(f"{_TEMP_PREFIX}*{_TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            stale.unlink()


def safe_cell(value: Any) -> Any:
    """Return a value for a CSV cell: text that a spreadsheet would run as a formula gets a leading '.

    Numbers stay numbers. OWASP's advice: a cell starting with = + - @ tab or a line break (after
    any spaces) is prefixed with a single quote, which spreadsheets show as text.
    """
    if not isinstance(value, str):
        return value
    stripped = value.lstrip(" ")
    if stripped[:1] in _FORMULA_START:
        return "'" + value
    return value


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """Return a CSV file (UTF-8 with a BOM, so Excel reads the accents) with every cell made safe."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
