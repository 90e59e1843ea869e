"""Contacts from CSV: LinkedIn's connections export, Google and Outlook exports, and plain CSV files.

The header is found, not assumed: LinkedIn puts a few lines of notes above its header
("Notes:", a quoted paragraph, a blank line), so the header is the first row that names a
contact's name or email. The delimiter is the one (comma, semicolon or tab) that gives that
header the most known columns. Each record keeps the line it starts on, for messages.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping
from typing import Any

from askcraft._campaign.fields import extra_name, normalise_header, target
from askcraft._campaign.people import Contact, ContactList, RowProblem, build_contact
from askcraft._errors import ContactsError

#: Rows read looking for the header before giving up.
_HEADER_SEARCH = 25
#: A cell may be this long (csv's default is 128 KB; a note pasted from an email can be long).
_FIELD_LIMIT = 1024 * 1024
#: Columns that make a header row: a person has a name or an email.
_HEADER_FIELDS = frozenset({"name", "first_name", "last_name", "email"})

#: Columns that mean something else in a known export than in a plain file (loose header -> field).
_GOOGLE = {
    "organization name": "recipient.company",
    "organization title": "position",
    "organization 1 name": "recipient.company",
    "organization 1 title": "position",
    "e mail 1 value": "email",
    "e mail 2 value": "email_2",
    "e mail 3 value": "email_3",
    "website 1 value": "website",
    "website 2 value": "website",
    "group membership": "labels",
    "labels": "labels",
    "nickname": "nickname",
}
_OUTLOOK = {
    "title": "prefix",  # Outlook's "Title" is Mr./Dr.; the job is "Job Title"
    "e mail address": "email",
    "e mail 2 address": "email_2",
    "e mail 3 address": "email_3",
    "web page": "website",
    "personal web page": "website",
    "categories": "labels",
}


def _kind(headers: set[str]) -> str:
    if {"first name", "last name", "url"} <= headers and ({"connected on", "position"} & headers):
        return "linkedin"
    if "e mail 1 value" in headers:
        return "google"
    if "e mail address" in headers and headers & {"e mail 2 address", "job title", "business phone"}:
        return "outlook"
    return "csv"


def _records(text: str, delimiter: str) -> Iterator[tuple[int, list[str] | csv.Error]]:
    """Yield (line where the record starts, its cells or the csv error it raised)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    start = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield start, exc
            start = reader.line_num + 1
            continue
        yield start, cells
        start = reader.line_num + 1


def _columns(cells: list[str], kind: str, mapping: Mapping[str, str]) -> list[str | None]:
    special = {"google": _GOOGLE, "outlook": _OUTLOOK}.get(kind, {})
    columns: list[str | None] = []
    for cell in cells:
        header = cell.strip().removeprefix("\ufeff")
        if header in mapping:
            columns.append(mapping[header])
        else:
            columns.append(special.get(normalise_header(header)) or target(header))
    return columns


def _find_header(
    text: str, mapping: Mapping[str, str]
) -> tuple[str, int, list[str], list[str | None], str] | None:
    """Return (delimiter, record index of the header, headers, their fields, kind), or None."""
    best: tuple[int, str, int, list[str], list[str | None], str] | None = None
    for delimiter in (",", ";", "\t"):
        for index, (_, cells) in enumerate(_records(text, delimiter)):
            if index >= _HEADER_SEARCH:
                break
            if isinstance(cells, csv.Error) or not any(c.strip() for c in cells):
                continue
            kind = _kind({normalise_header(c) for c in cells})
            columns = _columns(cells, kind, mapping)
            if _HEADER_FIELDS & {c for c in columns if c}:
                known = sum(1 for c in columns if c)
                if best is None or known > best[0]:
                    best = (known, delimiter, index, [c.strip() for c in cells], columns, kind)
                break
    return None if best is None else best[1:]


def read_csv_contacts(text: str, *, source: str, encoding: str, mapping: Mapping[str, str]) -> ContactList:
    """Read the contacts of a CSV export or a plain CSV file (see the module docstring)."""
    csv.field_size_limit(max(csv.field_size_limit(), _FIELD_LIMIT))
    found = _find_header(text, mapping)
    if found is None:
        first = next((line for line in text.splitlines() if line.strip()), "")
        raise ContactsError(
            f"{source}: no header row: the first line should name the columns, such as "
            f"name,email,relationship (it reads {first[:80]!r}). Add a header line, or name your "
            "columns with --map 'Your column=name'",
            source=source,
        )
    delimiter, header_index, headers, columns, kind = found
    notes: list[str] = []
    contacts: list[Contact] = []
    problems: list[RowProblem] = []
    blank = 0
    ignored = [h for h, c in zip(headers, columns, strict=True) if c is None and h]
    extra_columns = {
        i: extra_name(h) for i, (h, c) in enumerate(zip(headers, columns, strict=True)) if c is None
    }
    for index, (line, cells) in enumerate(_records(text, delimiter)):
        if index < header_index:
            if index == 0 and kind == "linkedin" and isinstance(cells, list) and cells[:1] == ["Notes:"]:
                notes.append(
                    f"skipped LinkedIn's notes above the header (lines 1-{_line_of(text, header_index)})"
                )
            continue
        if index == header_index:
            if index and not notes:
                notes.append(f"skipped {index} line(s) above the header row (line {line})")
            continue
        if isinstance(cells, csv.Error):
            problems.append(RowProblem(line, None, f"not readable as CSV ({cells}); fix the quoting"))
            continue
        if not any(c.strip() for c in cells):
            blank += 1
            continue
        read = _cells(line, cells, columns, extra_columns if kind == "csv" else {})
        if isinstance(read, RowProblem):
            problems.append(read)
            continue
        values, extra = read
        item = build_contact(line, values, extra)
        if isinstance(item, Contact):
            contacts.append(item)
        else:
            problems.append(item)
    used = {h: c for h, c in zip(headers, columns, strict=True) if c is not None}
    return ContactList(
        source=source,
        format=kind,
        encoding=encoding,
        contacts=tuple(contacts),
        problems=tuple(problems),
        blank_rows=blank,
        columns=used,
        ignored_columns=tuple(ignored) if kind != "csv" else (),
        notes=tuple(notes),
    )


def _cells(
    line: int, cells: list[str], columns: list[str | None], extra_columns: Mapping[int, str | None]
) -> tuple[dict[str, str], dict[str, Any]] | RowProblem:
    """Return a record's cells by field, and its other columns by ``extra`` name (plain CSV only)."""
    if len(cells) > len(columns) and any(c.strip() for c in cells[len(columns) :]):
        return RowProblem(
            line,
            None,
            f"{len(cells)} cells but the header names {len(columns)} columns; a comma inside an "
            "unquoted value? quote it",
        )
    values: dict[str, str] = {}
    extra: dict[str, Any] = {}
    for i, cell in enumerate(cells):
        field = columns[i] if i < len(columns) else None
        if field is not None:
            if cell.strip() and not values.get(field):
                values[field] = cell
        elif cell.strip() and (name := extra_columns.get(i)):
            extra[name] = cell.strip()
    return values, extra


def _line_of(text: str, record_index: int) -> int:
    """Return the last line before the record at *record_index* (for saying which lines were skipped)."""
    for index, (line, _) in enumerate(_records(text, ",")):
        if index == record_index:
            return max(1, line - 1)
    return 1
