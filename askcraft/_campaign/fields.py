"""Which column of a contacts file sets which field, and the values people write in them.

A column is named for an intent field (``relationship``, ``hook``, ``count``, ``channel``,
``recipient.greeting``, ``sender.reason``, ...) or for a part of the contact (``name``,
``first name``, ``email``, ``company``, ``url``). Headers are matched loosely: case, spaces,
hyphens and underscores do not matter ("E-mail Address" is ``email``). In a contacts file,
``company`` is where the contact works (``recipient.company``); the company you are aiming at
is ``target company``.
"""

from __future__ import annotations

import re
from typing import Any

#: Parts of a contact (not intent fields): a name is built from them, the rest identify the person.
CONTACT_PARTS = frozenset(
    {
        "name",
        "first_name",
        "middle_name",
        "last_name",
        "prefix",
        "suffix",
        "email",
        "email_2",
        "email_3",
        "profile_url",
        "website",
        "position",
        "labels",
        "notes",
        "connected_on",
    }
)
#: Intent fields a contact's row may set (anything but the kind and the wholes: recipient, sender, extra).
INTENT_FIELDS = frozenset(
    {
        "goal",
        "industry",
        "role",
        "company",
        "count",
        "details",
        "hook",
        "news",
        "channel",
        "language",
        "send_date",
        "help",
        "outcome",
        "gift",
        "recipient.relationship",
        "recipient.company",
        "recipient.greeting",
        "sender.name",
        "sender.reason",
        "sender.signature",
        "sender.email",
    }
)

#: Loose header (see ``normalise_header``) -> a contact part or an intent field.
ALIASES: dict[str, str] = {
    "name": "name",
    "full name": "name",
    "display name": "name",
    "contact name": "name",
    "first name": "first_name",
    "given name": "first_name",
    "firstname": "first_name",
    "middle name": "middle_name",
    "additional name": "middle_name",
    "last name": "last_name",
    "family name": "last_name",
    "surname": "last_name",
    "lastname": "last_name",
    "name prefix": "prefix",
    "prefix": "prefix",
    "name suffix": "suffix",
    "suffix": "suffix",
    "email": "email",
    "e mail": "email",
    "email address": "email",
    "e mail address": "email",
    "mail": "email",
    "url": "profile_url",
    "profile": "profile_url",
    "profile url": "profile_url",
    "linkedin": "profile_url",
    "linkedin url": "profile_url",
    "linkedin profile": "profile_url",
    "website": "website",
    "web page": "website",
    "company": "recipient.company",
    "organization": "recipient.company",
    "organisation": "recipient.company",
    "employer": "recipient.company",
    "their company": "recipient.company",
    "position": "position",
    "job title": "position",
    "labels": "labels",
    "categories": "labels",
    "groups": "labels",
    "notes": "notes",
    "connected on": "connected_on",
    "relationship": "recipient.relationship",
    "relation": "recipient.relationship",
    "greeting": "recipient.greeting",
    "target company": "company",
    "reason": "sender.reason",
}
for _field in INTENT_FIELDS:
    ALIASES.setdefault(_field.replace("_", " "), _field)
    ALIASES.setdefault(_field.replace(".", " ").replace("_", " "), _field)

_RELATIONSHIP_WORDS = {
    "friend": "friend",
    "friends": "friend",
    "family": "family",
    "relative": "family",
    "relatives": "family",
    "former colleague": "former-colleague",
    "former colleagues": "former-colleague",
    "ex colleague": "former-colleague",
    "ex colleagues": "former-colleague",
    "colleague": "colleague",
    "colleagues": "colleague",
    "coworker": "colleague",
    "coworkers": "colleague",
    "co worker": "colleague",
    "co workers": "colleague",
    "mentor": "mentor",
    "mentors": "mentor",
    "acquaintance": "acquaintance",
    "acquaintances": "acquaintance",
    "alumni": "alumni",
    "alumnus": "alumni",
    "alumna": "alumni",
    "alum": "alumni",
}
_CHANNEL_WORDS = {
    "email": "email",
    "e mail": "email",
    "mail": "email",
    "linkedin": "linkedin-message",
    "linkedin message": "linkedin-message",
    "inmail": "linkedin-message",
    "linkedin connection note": "linkedin-connection-note",
    "connection note": "linkedin-connection-note",
    "text": "text",
    "sms": "text",
    "text message": "text",
}
_NUMBER_WORDS = {
    word: n
    for n, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
_LOOSE = re.compile(r"[^0-9a-z.]+")


def normalise_header(header: str) -> str:
    """Return a header as matched: lower case, runs of anything but letters, digits and dots one space."""
    return _LOOSE.sub(" ", header.casefold()).strip()


def extra_name(header: str) -> str | None:
    """Return the ``extra`` field name a column would fill (``Favourite team`` -> ``favourite_team``)."""
    name = re.sub(r"[^0-9a-z]+", "_", header.casefold()).strip("_")
    return name if re.fullmatch(r"[a-z][a-z0-9_]*", name) else None


def target(header: str, mapping: dict[str, str] | None = None) -> str | None:
    """Return the contact part or intent field a column fills, or None when it fills neither.

    *mapping* is the user's own (``--map "Full name=name"``) and wins. A dotted intent path
    (``recipient.greeting``) and ``extra.<name>`` are taken as written.
    """
    if mapping and header in mapping:
        return mapping[header]
    loose = normalise_header(header)
    if loose.startswith("extra.") and extra_name(loose[6:]):
        return f"extra.{extra_name(loose[6:])}"
    return ALIASES.get(loose)


def known_target(field: str) -> bool:
    """Return whether *field* is something a column may fill (for checking ``--map`` values)."""
    return (
        field in CONTACT_PARTS
        or field in INTENT_FIELDS
        or bool(field.startswith("extra.") and extra_name(field[6:]) == field[6:])
    )


def relationship_from_labels(labels: str) -> str | None:
    """Return the relationship a contact's labels or categories name ("Friends ::: * myContacts")."""
    for label in re.split(r":::|[;,]", labels):
        word = _RELATIONSHIP_WORDS.get(normalise_header(label.strip(" *")))
        if word:
            return word
    return None


def tidy_value(field: str, value: str) -> Any:
    """Return a cell's value as the intent wants it: a relationship, channel or goal in its own spelling,
    a count as a number. Anything else is returned as written (validation explains what is wrong)."""
    loose = normalise_header(value)
    if field == "recipient.relationship":
        return _RELATIONSHIP_WORDS.get(loose, value.strip())
    if field == "channel":
        return _CHANNEL_WORDS.get(loose, value.strip())
    if field == "goal":
        return loose.replace(" ", "-") if loose else value.strip()
    if field == "count":
        if loose.isdigit():
            return int(loose)
        return _NUMBER_WORDS.get(loose, value.strip())
    return value
