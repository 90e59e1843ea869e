"""A campaign's plan: the ask everyone gets, and each contact's own intent made from it.

The ask is an intent without a recipient (``ask.yaml``): kind request, goal, where, count,
sender. Each contact brings their name, email and company, and may set the relationship, hook,
count, channel or any other field; a pack's own fields come from the columns it declares. A
contact with no email address whose ask would go by email gets a LinkedIn message when the file
gives their profile (LinkedIn's own export leaves most addresses out), and the review says so.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from askcraft._campaign.people import Contact, ContactList, RowProblem
from askcraft._campaign.summary import ask_text
from askcraft._errors import AskcraftError, IntentError
from askcraft._intent.model import Intent
from askcraft._yaml import read_yaml

#: Recipient fields that belong to each contact, never to the shared ask.
_PER_CONTACT = ("name", "email", "company", "greeting")
#: Stands in for a contact when the shared ask is checked on its own.
_PLACEHOLDER = {"name": "Sam Lee", "relationship": "acquaintance"}


@dataclasses.dataclass(frozen=True)
class Base:
    """The shared ask: its fields, where they came from, and what was left out of it (with why)."""

    data: dict[str, Any]
    source: str
    notes: tuple[str, ...] = ()

    @property
    def digest(self) -> str:
        """Return a hash of the ask, to tell a campaign run again with a changed ask."""
        return hashlib.sha256(json.dumps(self.data, sort_keys=True, default=str).encode()).hexdigest()[:16]


@dataclasses.dataclass(frozen=True)
class Planned:
    """One contact to ask: their intent (validated), and notes for the review."""

    contact: Contact
    intent: Intent
    notes: tuple[str, ...] = ()

    @functools.cached_property
    def data(self) -> dict[str, Any]:
        """Return the intent as JSON-ready data (what the ledger records), made once."""
        return self.intent.model_dump(mode="json")

    @functools.cached_property
    def ask(self) -> str:
        """Return the ask in a few words ("two names in banking")."""
        return ask_text(self.data)


def load_base(intent: str | os.PathLike[str] | Mapping[str, Any], *, relationship: str | None = None) -> Base:
    """Return the shared ask from a YAML file or a mapping; refuse anything but a request.

    *relationship* replaces the ask's ``recipient.relationship`` (the default for every contact).
    """
    if isinstance(intent, str | os.PathLike):
        source = str(intent)
        data = read_yaml(Path(intent), what="intent file")
        if data is None:
            raise IntentError(
                f"{source}: the file is empty; write the ask as YAML (see examples/campaign/ask.yaml)"
            )
    else:
        source, data = "the intent", copy.deepcopy(dict(intent))
    if not isinstance(data, dict):
        raise IntentError(
            f"{source}: an intent is a mapping of fields (kind, goal, sender, ...)", source=source
        )
    data = copy.deepcopy(data)
    kind = data.setdefault("kind", "request")
    if kind != "request":
        raise IntentError(
            f"{source}: kind is {kind!r}, but a campaign drafts requests; reminders and thank-yous "
            "come from `askcraft due`",
            source=source,
        )
    notes: list[str] = []
    if relationship is not None:
        if not isinstance(data.get("recipient"), dict):
            data["recipient"] = {}
        data["recipient"]["relationship"] = relationship
    recipient = data.get("recipient")
    if isinstance(recipient, dict):
        dropped = [k for k in _PER_CONTACT if recipient.pop(k, None) is not None]
        if dropped:
            fields = ", ".join(f"recipient.{k}" for k in dropped)
            notes.append(f"{source}: {fields} come from each contact; the file's values are not used")
    return Base(data, source, tuple(notes))


def _set(data: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    node = data
    for part in parents:
        child = node.get(part)
        if not isinstance(child, dict):
            child = {}
            node[part] = child
        node = child
    node[last] = value


def contact_data(base: Base, contact: Contact, declared: Iterable[str]) -> dict[str, Any]:
    """Return the intent mapping for one contact: the shared ask with the contact's fields over it."""
    data = copy.deepcopy(base.data)
    recipient = data.setdefault("recipient", {})
    if not isinstance(recipient, dict):
        recipient = data["recipient"] = {}
    recipient["name"] = contact.name
    if contact.email:
        recipient["email"] = contact.email
    for dotted, value in contact.fields.items():
        _set(data, dotted, value)
    wanted = set(declared)
    extra = {k: v for k, v in contact.extra.items() if k in wanted}
    if extra:
        data["extra"] = {**(data.get("extra") or {}), **extra}
    return data


def plan_contact(base: Base, contact: Contact, declared: Iterable[str]) -> Planned | RowProblem:
    """Return the contact's validated intent, or the row's problems in one message."""
    data = contact_data(base, contact, declared)
    notes: list[str] = list(contact.notes)
    if (
        "channel" not in contact.fields
        and (data.get("channel") or "email") == "email"
        and not contact.email
        and contact.profile_url
    ):
        data["channel"] = "linkedin-message"
        notes.append(
            "no email address in the file: drafted as a LinkedIn message, to send from their profile"
        )
    try:
        intent = Intent.parse(data)
    except IntentError as exc:
        return RowProblem(contact.row, contact.name, "; ".join(exc.problems) or str(exc))
    return Planned(contact, intent, tuple(notes))


def check_base(base: Base, contacts: ContactList, *, pack: Any = None) -> None:
    """Refuse an ask that no contact could fix: every problem it has that no column sets, at once."""
    from askcraft._draft.draft import draft  # noqa: PLC0415

    given = {field for c in contacts.contacts for field in c.fields}
    data = copy.deepcopy(base.data)
    recipient = data.setdefault("recipient", {})
    if isinstance(recipient, dict):
        for key, value in _PLACEHOLDER.items():
            recipient.setdefault(key, value)
    for field in given:
        if field not in {"recipient.relationship"}:
            _set(data, field, _placeholder(field))
    try:
        draft(Intent.parse(data, source=base.source), pack=pack, check=False)
    except IntentError as exc:
        problems = [p for p in exc.problems if not _given(p, given)]
        if problems:
            noun = "problem" if len(problems) == 1 else "problems"
            raise IntentError(
                f"{base.source}: the ask has {len(problems)} {noun} no contact column fixes:\n  "
                + "\n  ".join(problems),
                problems=problems,
                source=base.source,
            ) from None
    except AskcraftError:
        pass  # a pack problem for the placeholder (its channel, say) shows per contact instead


def _placeholder(field: str) -> Any:
    return {"count": 2, "channel": "email", "goal": "job-leads", "send_date": None}.get(field, "x")


def _given(problem: str, given: set[str]) -> bool:
    field = problem.split(":", 1)[0]
    return any(part.strip() in given for part in field.split(" or "))
