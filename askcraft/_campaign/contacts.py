"""Contacts: the people a campaign asks, read from the files people already have.

``read_contacts(path)`` reads LinkedIn's ``Connections.csv``, a Google Contacts or Outlook CSV
export, a vCard file (``.vcf``), or a plain CSV or YAML file whose columns name the fields.
A row that cannot become a contact is a ``RowProblem`` naming its row; the rest are read. Two
rows with the same email address or the same profile URL are one person: the later row is a
duplicate, reported, not asked twice.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path

from askcraft._campaign.csv_contacts import read_csv_contacts
from askcraft._campaign.encoding import decode, read_bytes
from askcraft._campaign.fields import known_target, target
from askcraft._campaign.people import Contact, ContactList, RowProblem, normalise_url
from askcraft._campaign.vcard import read_vcards
from askcraft._campaign.yaml_contacts import read_yaml_contacts
from askcraft._errors import ContactsError

__all__ = ["Contact", "ContactList", "RowProblem", "normalise_url", "read_contacts"]


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
        contacts, problems = read_vcards(text, source=source)
        listed = ContactList(source, "vcard", used, tuple(contacts), tuple(problems))
    elif kind == "yaml":
        listed = read_yaml_contacts(text, source=source, encoding=used, mapping=user_map)
    elif kind == "csv":
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
