"""Contacts from a vCard file (``.vcf``), parsed with vobject, one card at a time.

Phones, Apple Contacts, Google and Outlook all export vCards (versions 2.1, 3.0 and 4.0;
vobject reads quoted-printable 2.1 cards too). Each card is parsed on its own, so one broken
card is reported at its line and the others are still read. ``CATEGORIES`` that name a
relationship ("Friends", "Family") set it.
"""

from __future__ import annotations

import re
from typing import Any

from askcraft._campaign.fields import extra_name, normalise_header, target
from askcraft._campaign.people import Contact, RowProblem, build_contact

_BEGIN = re.compile(r"^BEGIN:VCARD\s*$", re.IGNORECASE)
#: ``X-ASKCRAFT-HOOK:...`` sets ``hook``: any intent field or extra name, after ``X-ASKCRAFT-``.
_OWN = "x-askcraft-"


def _cards(text: str) -> list[tuple[int, str]]:
    """Return each card's text with the line it starts on."""
    cards: list[tuple[int, list[str]]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if _BEGIN.match(line):
            cards.append((number, [line]))
        elif cards:
            cards[-1][1].append(line)
    return [(number, "\r\n".join(lines) + "\r\n") for number, lines in cards]


def _text(value: Any) -> str:
    if isinstance(value, list | tuple):
        return " ".join(_text(v) for v in value if v)
    return str(value or "").strip()


def _values(card: Any) -> tuple[dict[str, str], dict[str, Any]]:
    contents: dict[str, list[Any]] = card.contents
    cells: dict[str, str] = {}
    extra: dict[str, Any] = {}
    if "fn" in contents:
        cells["name"] = _text(contents["fn"][0].value)
    if "n" in contents and not cells.get("name"):
        n = contents["n"][0].value
        parts = (getattr(n, attr, "") for attr in ("prefix", "given", "additional", "family", "suffix"))
        cells["name"] = " ".join(_text(p) for p in parts if _text(p))
    emails = contents.get("email", [])
    preferred = [e for e in emails if "PREF" in {str(t).upper() for t in e.params.get("TYPE", [])}]
    preferred += [e for e in emails if "PREF" in e.params or e.params.get("PREF")]
    for line in [*preferred, *emails][:1]:
        cells["email"] = _text(line.value)
    if "org" in contents:
        org = contents["org"][0].value
        cells["recipient.company"] = _text(org[0] if isinstance(org, list) and org else org)
    if "title" in contents:
        cells["position"] = _text(contents["title"][0].value)
    urls = [_text(u.value) for u in contents.get("url", []) + contents.get("x-socialprofile", [])]
    linkedin = [u for u in urls if "linkedin.com/" in u.casefold()]
    if linkedin:
        cells["profile_url"] = linkedin[0]
    if "categories" in contents:
        cells["labels"] = ",".join(_text(c) for line in contents["categories"] for c in line.value)
    for name, lines in contents.items():
        if name.startswith(_OWN) and lines:
            field = target(name[len(_OWN) :].replace("-", " "))
            value = _text(lines[0].value)
            if field is not None:
                cells.setdefault(field, value)
            elif extra_name(normalise_header(name[len(_OWN) :])):
                extra[str(extra_name(name[len(_OWN) :]))] = value
    return cells, extra


def read_vcards(text: str, *, source: str) -> tuple[list[Contact], list[RowProblem]]:
    """Return the contacts of a vCard file and the cards that could not be read."""
    import vobject  # noqa: PLC0415  (only vCards need it)

    contacts: list[Contact] = []
    problems: list[RowProblem] = []
    cards = _cards(text)
    if not cards:
        problems.append(RowProblem(1, None, "no BEGIN:VCARD line: this is not a vCard file"))
    for line, card_text in cards:
        try:
            card = vobject.readOne(card_text, validate=False, ignoreUnreadable=True)
        except Exception as exc:
            message = " ".join(str(exc).split())[:200]
            problems.append(
                RowProblem(line, None, f"not a readable vCard ({message}); fix or remove this card")
            )
            continue
        cells, extra = _values(card)
        item = build_contact(line, cells, extra)
        if isinstance(item, Contact):
            contacts.append(item)
        else:
            problems.append(item)
    return contacts, problems
