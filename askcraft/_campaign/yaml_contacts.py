"""Contacts from a YAML file: a list of people, each a mapping with the keys a CSV header would have.

```yaml
- name: Sam Lee
  email: sam.lee@example.com
  relationship: former-colleague
  hook: we worked on the payments team together
- name: Aunt Rosa
  relationship: family
  channel: text
  recipient: {greeting: Hi Tía Rosa}
```

The list may also sit under a ``contacts:`` key. Nested mappings (``recipient:``, ``sender:``,
``extra:``) are read as dotted fields. Each person's row is the line their item starts on.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import yaml

from askcraft._campaign.fields import extra_name, target
from askcraft._campaign.people import Contact, ContactList, RowProblem, build_contact
from askcraft._errors import ContactsError
from askcraft._yaml import parse_yaml


def _item_lines(text: str) -> list[int]:
    """Return the line each item of the contact list starts on (1-based)."""
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    if isinstance(node, yaml.MappingNode):
        node = next((v for k, v in node.value if getattr(k, "value", None) == "contacts"), node)
    if isinstance(node, yaml.SequenceNode):
        return [item.start_mark.line + 1 for item in node.value]
    return []


def _flatten(item: Mapping[Any, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in item.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            out.update(_flatten(value, f"{name}."))
        else:
            out[name] = value
    return out


def read_yaml_contacts(text: str, *, source: str, encoding: str, mapping: Mapping[str, str]) -> ContactList:
    """Read a YAML list of contacts (see the module docstring)."""
    data = parse_yaml(text, source=source)
    if isinstance(data, dict) and "contacts" in data:
        data = data["contacts"]
    if not isinstance(data, list):
        raise ContactsError(
            f"{source}: a YAML contacts file is a list of people (- name: Sam Lee ...), "
            f"not a {type(data).__name__}",
            source=source,
        )
    lines = _item_lines(text)
    contacts: list[Contact] = []
    problems: list[RowProblem] = []
    columns: dict[str, str] = {}
    blank = 0
    for index, item in enumerate(data):
        line = lines[index] if index < len(lines) else index + 1
        if item is None:
            blank += 1
            continue
        if not isinstance(item, Mapping):
            problems.append(RowProblem(line, None, f"expected a mapping (name: ...), got {item!r:.60}"))
            continue
        cells: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        for key, value in _flatten(item).items():
            field = mapping.get(key) or target(key)
            if field is None and key.startswith("extra."):
                field = key
            if field is None:
                name = extra_name(key)
                if name and value is not None:
                    extra[name] = value
                continue
            columns.setdefault(key, field)
            if value is not None:
                cells[field] = value if isinstance(value, str) else _plain(field, value)
        made = build_contact(line, cells, extra)
        if isinstance(made, Contact):
            contacts.append(made)
        else:
            problems.append(made)
    return ContactList(
        source=source,
        format="yaml",
        encoding=encoding,
        contacts=tuple(contacts),
        problems=tuple(problems),
        blank_rows=blank,
        columns=columns,
    )


def _plain(field: str, value: Any) -> Any:
    """Return a non-text YAML value as a cell would hold it (a count stays a number)."""
    if field == "count" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, bool | int | float):
        return str(value).lower() if isinstance(value, bool) else str(value)
    return str(value)
