"""Contacts: the people a campaign asks, read from the files people already have.

``read_contacts(path)`` reads LinkedIn's ``Connections.csv``, a Google Contacts or Outlook CSV
export, a vCard file (``.vcf``), or a plain CSV or YAML file whose columns name the fields.
A row that cannot become a contact is a ``RowProblem`` naming its row; the rest are read. Two
rows with the same email address or the same profile URL are one person: the later row is a
duplicate, reported, not asked twice.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from askcraft._campaign.encoding import decode, read_bytes
from askcraft._campaign.fields import (
    INTENT_FIELDS,
    known_target,
    relationship_from_labels,
    target,
    tidy_value,
)
from askcraft._campaign.safety import header_problem
from askcraft._errors import ContactsError

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


def read_contacts(
    path: str | Path,
    *,
    encoding: str | None = None,
    mapping: Mapping[str, str] | None = None,
    format: str | None = None,
) -> ContactList:
    """Read a contacts file: LinkedIn, Google or Outlook CSV, vCard, plain CSV or YAML.

    *encoding* forces one (default: detected, see ``askcraft._campaign.encoding``); *mapping*
    maps a column header to a field (``{"Full name": "name", "Rel": "relationship"}``);
    *format* forces ``vcard``, ``yaml`` or ``csv`` instead of going by the file's extension.
    """
    path = Path(path)
    source = str(path)
    user_map = _check_mapping(mapping or {}, source)
    data = read_bytes(path)
    if data.startswith(b"PK\x03\x04"):
        raise ContactsError(
            f"{source}: a zip or Excel (.xlsx) file, not text; export or save the contacts as CSV",
            source=source,
        )
    text, used = decode(data, source=source, encoding=encoding)
    if not text.strip():
        raise ContactsError(f"{source}: the file is empty; export your contacts into it", source=source)
    kind = format or _format_of(path, text)
    if kind == "vcard":
        from askcraft._campaign.vcard import read_vcards  # noqa: PLC0415

        contacts, problems = read_vcards(text, source=source)
        listed = ContactList(source, "vcard", used, tuple(contacts), tuple(problems))
    elif kind == "yaml":
        from askcraft._campaign.yaml_contacts import read_yaml_contacts  # noqa: PLC0415

        listed = read_yaml_contacts(text, source=source, encoding=used, mapping=user_map)
    elif kind == "csv":
        from askcraft._campaign.csv_contacts import read_csv_contacts  # noqa: PLC0415

        listed = read_csv_contacts(text, source=source, encoding=used, mapping=user_map)
    else:
        raise ContactsError(f"{source}: unknown format {kind!r}; use csv, vcard or yaml", source=source)
    return _deduplicated(listed)


def _format_of(path: Path, text: str) -> str:
    suffix = path.suffix.casefold()
    if suffix in {".vcf", ".vcard"} or text.lstrip().upper().startswith("BEGIN:VCARD"):
        return "vcard"
    if suffix in {".yaml", ".yml"}:
        return "yaml"
    return "csv"


def _check_mapping(mapping: Mapping[str, str], source: str) -> dict[str, str]:
    """Return the user's column mapping with each field as askcraft names it, or refuse an unknown one."""
    out: dict[str, str] = {}
    for header, field in mapping.items():
        name = target(field) or field.strip()
        if not known_target(name):
            raise ContactsError(
                f"{source}: --map {header}={field}: {field!r} is not a field a column can fill; use name, "
                "first name, last name, email, url, company (theirs), relationship, greeting, hook, goal, "
                "count, channel, industry, role, target company, another intent field "
                "(recipient.greeting, sender.reason) or extra.<name>",
                source=source,
            )
        out[header] = name
    return out


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
        if problem:
            return RowProblem(
                row, None if field == "name" else name, f"the {field} {problem}; fix it in the file"
            )
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
    return Contact(
        row=row,
        name=name,
        email=email,
        profile_url=profile,
        position=value.get("position"),
        fields=fields,
        extra={**(extra or {}), **extras},
    )


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


def _deduplicated(listed: ContactList) -> ContactList:
    """Keep the first row of each person (same email or same profile URL); report the others."""
    seen: dict[str, Contact] = {}
    kept: list[Contact] = []
    duplicates = list(listed.duplicates)
    for contact in listed.contacts:
        keys = []
        if contact.email:
            keys.append(("email", contact.email.casefold(), contact.email))
        if contact.profile_url:
            keys.append(("profile URL", f"url:{normalise_url(contact.profile_url)}", contact.profile_url))
        first = next(((what, shown, seen[k]) for what, k, shown in keys if k in seen), None)
        if first is not None:
            what, shown, original = first
            duplicates.append(
                RowProblem(
                    contact.row,
                    contact.name,
                    f"skipped: the same person as row {original.row} ({original.name}): same {what} {shown}",
                )
            )
            continue
        for _, k, _ in keys:
            seen[k] = contact
        kept.append(contact)
    return dataclasses.replace(listed, contacts=tuple(kept), duplicates=tuple(duplicates))
