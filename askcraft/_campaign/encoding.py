"""Contact files as text: the encodings contact exports really come in, told apart without guessing.

LinkedIn writes UTF-8 (sometimes with a byte-order mark), Outlook on Windows writes Windows-1252
("ANSI") or UTF-16 with a BOM, Google writes UTF-8, old phones write vCards in Latin-1. The
order below decides without a statistical guess: a BOM says it all; UTF-16 without a BOM shows
as a NUL byte beside most ASCII letters; text that decodes as UTF-8 is UTF-8 (Latin-1 text
almost never does); anything else is Windows-1252, a superset of Latin-1's printable characters.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from askcraft._errors import ContactsError

#: Contact files larger than this are refused before they are read (a million rows is ~100 MB).
MAX_BYTES = 64 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Names people pass to --encoding, as Python spells them.
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1")


def read_bytes(path: Path) -> bytes:
    """Return the bytes of a contacts file, or raise a ContactsError that says what is wrong."""
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise ContactsError(f"{path}: is a folder, not a contacts file", source=str(path))
        if size > MAX_BYTES:
            raise ContactsError(
                f"{path}: {size / 1024 / 1024:.0f} MB is more than askcraft reads "
                f"({MAX_BYTES // 1024 // 1024} MB); split the file",
                source=str(path),
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise ContactsError(f"{path}: no such file; check the path", source=str(path)) from None
    except OSError as exc:
        raise ContactsError(f"{path}: cannot read it ({exc.strerror})", source=str(path)) from None


def detect(data: bytes) -> str:
    """Return the Python name of the encoding *data* is in (see the module docstring)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    sample = data[:4096]
    if len(sample) >= 4:
        even, odd = sample[0::2], sample[1::2]
        if odd.count(0) > len(odd) * 0.3 and even.count(0) < len(even) * 0.05:
            return "utf-16-le"
        if even.count(0) > len(even) * 0.3 and odd.count(0) < len(odd) * 0.05:
            return "utf-16-be"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def decode(data: bytes, *, source: str, encoding: str | None = None) -> tuple[str, str]:
    """Return the text of a contacts file and the encoding it was read with.

    *encoding* forces one (``--encoding``); otherwise it is detected. Windows-1252 leaves five
    bytes undefined; those become U+FFFD rather than failing the whole file.
    """
    name = encoding or detect(data)
    try:
        codecs.lookup(name)
    except LookupError:
        raise ContactsError(
            f"{source}: unknown encoding {name!r}; try one of {', '.join(ENCODINGS)}", source=source
        ) from None
    errors = "replace" if encoding is None and name == "cp1252" else "strict"
    try:
        text = data.decode(name, errors=errors)
    except UnicodeDecodeError as exc:
        raise ContactsError(
            f"{source}: not {name} text (byte {exc.start} is {data[exc.start : exc.start + 1]!r}); "
            "leave out --encoding to let askcraft detect it, or save the file as UTF-8",
            source=source,
        ) from None
    if "\x00" in text:
        raise ContactsError(
            f"{source}: holds NUL characters, so it is not a text file in {name} "
            "(a spreadsheet saved in its own format?); export it as CSV",
            source=source,
        )
    return text.removeprefix("\ufeff"), name
