"""A contact: one person from a contacts file, the row they came from, and the list a file gives.

``build_contact`` makes a row's cells (field -> text) into a ``Contact`` or the ``RowProblem``
that stops it; every reader (CSV, vCard, YAML) goes through it, so every format refuses the
same things: no name, or a name or email that could reach an email header.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from askcraft._campaign.fields import INTENT_FIELDS, relationship_from_labels, tidy_value
from askcraft._campaign.names import clean_name, looks_like_formula
from askcraft._campaign.safety import header_problem

#: The formats ``read_contacts`` tells apart, as reported to the user.
FORMATS = {
    "linkedin": "LinkedIn connections export",
    "google": "Google Contacts CSV export",
    "outlook": "Outlook CSV export",
    "vcard": "vCard file",
    "csv": "CSV file",
    "yaml": "YAML file",
}
_EMAIL_SPLIT = re.compile(r"\s*(?::::|;|,)\s*")


@dataclasses.dataclass(frozen=True)
class Contact:
    """One person from a contacts file, and the intent fields their row sets."""

    #: Where the person's record starts: a line for CSV and vCard files, the line of the item for YAML.
    row: int
    name: str
    email: str | None = None
    profile_url: str | None = None
    position: str | None = None
    #: Intent fields the row sets, by dotted path: ``recipient.relationship``, ``hook``, ``count``, ...
    fields: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    #: Columns that are not intent fields, by ``extra`` name; a pack that declares one gets it.
    extra: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    #: What the review should say about the row (what was taken off the name, and why).
    notes: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """Return who this is, for the ledger: their email, else their profile, else their name."""
        if self.email:
            return f"email:{self.email.casefold()}"
        if self.profile_url:
            return f"url:{normalise_url(self.profile_url)}"
        return f"name:{' '.join(self.name.casefold().split())}"


@dataclasses.dataclass(frozen=True)
class RowProblem:
    """A row that was not read as a contact, or was skipped: where, whose, and why."""

    row: int
    name: str | None
    message: str


@dataclasses.dataclass(frozen=True)
class ContactList:
    """What a contacts file held: the contacts, the rows that could not be read, the duplicates."""

    source: str
    format: str
    encoding: str
    contacts: tuple[Contact, ...]
    problems: tuple[RowProblem, ...] = ()
    duplicates: tuple[RowProblem, ...] = ()
    blank_rows: int = 0
    #: Which column filled which field (header -> field), as read.
    columns: Mapping[str, str] = dataclasses.field(default_factory=dict)
    #: Columns of a known export that askcraft does not use (phone numbers, addresses, ...).
    ignored_columns: tuple[str, ...] = ()
    #: Anything the user should know about the file as a whole (lines skipped above the header).
    notes: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.contacts)

    @property
    def format_name(self) -> str:
        """Return the format as a reader would say it ("LinkedIn connections export")."""
        return FORMATS.get(self.format, self.format)


def normalise_url(url: str) -> str:
    """Return a profile URL as compared: no scheme, no ``www.``, no query, no trailing slash, lower case."""
    raw = url.strip()
    parts = urlsplit(raw if "//" in raw else f"//{raw}")
    host = parts.netloc.casefold().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}".casefold()


def build_contact(
    row: int, cells: Mapping[str, str], extra: Mapping[str, Any] | None = None
) -> Contact | RowProblem:
    """Return the contact a row describes (*cells*: field -> text), or the problem that stops it."""
    value = {k: v.strip() for k, v in cells.items() if isinstance(v, str) and v.strip()}
    name = value.get("name") or " ".join(
        value[part]
        for part in ("prefix", "first_name", "middle_name", "last_name", "suffix")
        if part in value
    )
    name = " ".join(name.split(" "))
    email = _first_email(value)
    if not name:
        who = email or value.get("profile_url")
        return RowProblem(
            row,
            who,
            "no name (the name columns are empty); add one, or leave the row out"
            if who
            else "no name and no email; add them, or leave the row out",
        )
    for field, text in (("name", name), ("email", email)):
        problem = header_problem(text) if text else None
        if problem:  # checked as written: tidying the name must not hide a line break
            return RowProblem(
                row, None if field == "name" else name, f"the {field} {problem}; fix it in the file"
            )
    if looks_like_formula(name):
        return RowProblem(
            row, name, "the name starts like a spreadsheet formula (=...), not a name; fix it in the file"
        )
    cleaned = clean_name(name)
    name = cleaned.name
    profile = value.get("profile_url") or _profile_in(value.get("website"))
    fields: dict[str, Any] = {
        key: tidy_value(key, text)
        for key, text in value.items()
        if key in INTENT_FIELDS or key.startswith("extra.")
    }
    if "recipient.relationship" not in fields and value.get("labels"):
        found = relationship_from_labels(value["labels"])
        if found:
            fields["recipient.relationship"] = found
    extras = {k.removeprefix("extra."): v for k, v in fields.items() if k.startswith("extra.")}
    fields = {k: v for k, v in fields.items() if not k.startswith("extra.")}
    if cleaned.pronouns and "pronouns" not in (extra or {}):
        extras.setdefault("pronouns", cleaned.pronouns)
    notes = (
        (
            f"name as written: {' '.join(value.get('name', '').split()) or _written(value)!r}; "
            f"left out of the greeting: {', '.join(cleaned.removed)}",
        )
        if cleaned.removed
        else ()
    )
    return Contact(
        row=row,
        name=name,
        email=email,
        profile_url=profile,
        position=value.get("position"),
        fields=fields,
        extra={**(extra or {}), **extras},
        notes=notes,
    )


def _written(value: Mapping[str, str]) -> str:
    parts = ("prefix", "first_name", "middle_name", "last_name", "suffix")
    return " ".join(" ".join(value[p].split()) for p in parts if p in value)


def _first_email(value: Mapping[str, str]) -> str | None:
    for key in ("email", "email_2", "email_3"):
        if key in value:
            first = _EMAIL_SPLIT.split(value[key].strip(" *"))[0].strip()
            if first:
                return first
    return None


def _profile_in(website: str | None) -> str | None:
    if website:
        for part in _EMAIL_SPLIT.split(website):
            if "linkedin.com/in/" in part.casefold():
                return part.strip()
    return None
