"""The draft form, built from the intent's JSON Schema (``askcraft.packs.intent_schema``).

Every property of the schema becomes a labelled field with its help text, accepted values and
limits; a pack's declared fields (under ``extra``) get their own group. What the page sends back
(a flat mapping of dotted paths to strings) is turned into an intent mapping here, and the
problems askcraft reports are put next to the field they name.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Mapping
from typing import Any, Literal

Widget = Literal["text", "textarea", "select", "number", "date", "checkbox", "lines", "email"]

#: The page's own words for the standard fields (the schema's titles say "Name" twice).
LABELS = {
    "goal": "The kind of help",
    "recipient.name": "Their name",
    "recipient.relationship": "How you know them",
    "recipient.company": "Where they work",
    "recipient.email": "Their email address",
    "recipient.greeting": "Greeting",
    "sender.name": "Your name",
    "sender.reason": "Why you are making this change",
    "sender.email": "Your email address",
    "sender.signature": "Sign-off",
    "sender.links": "Your links",
    "industry": "Industry",
    "role": "Role",
    "company": "Company",
    "count": "How many names",
    "details": "The favour",
    "hook": "Why them",
    "channel": "Where you will send it",
    "news": "What is new since you asked",
    "sent_on": "When you sent the request",
    "reminders_sent": "Reminders already sent",
    "help": "What they did",
    "outcome": "What came of it",
    "gift": "A small gift",
    "language": "Language",
    "send_date": "When you will send this",
}

#: The groups of the form, in order: (title, the message stage it belongs to or None, paths).
GROUPS: tuple[tuple[str, str | None, tuple[str, ...]], ...] = (
    (
        "Who you are asking",
        None,
        ("recipient.name", "recipient.relationship", "recipient.company", "recipient.email"),
    ),
    (
        "Your ask",
        None,
        ("goal", "count", "industry", "role", "company", "details", "hook", "channel"),
    ),
    ("About you", None, ("sender.name", "sender.reason", "sender.email")),
    ("For the reminder", "reminder", ("sent_on", "news", "reminders_sent")),
    ("For the thank-you", "thank-you", ("help", "outcome", "gift")),
)
#: Fields the page sets itself (the message tabs), so they are not in the form.
NOT_IN_FORM = frozenset({"kind", "extra"})
#: Beyond the schema's own limits: no value the page sends may be longer than this.
MAX_VALUE = 5_000
_DISPLAY = {"linkedin-message": "LinkedIn message", "linkedin-connection-note": "LinkedIn connection note"}


def display(value: Any) -> str:
    """Return an accepted value as the page shows it: 'former colleague', 'LinkedIn message'."""
    text = str(value)
    if text in _DISPLAY:
        return _DISPLAY[text]
    text = text.replace("-", " ")
    return text[:1].upper() + text[1:]


@dataclasses.dataclass(frozen=True)
class Field:
    """One field of the form: where its value goes in the intent and how it is asked for."""

    path: str
    label: str
    help: str
    widget: Widget
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    max_length: int | None = None
    max_items: int | None = None
    default: str = ""
    integer: bool = False
    pack: str | None = None

    @property
    def slug(self) -> str:
        """Return the field's id in the page: ``recipient-name``, ``extra-meeting-minutes``."""
        return re.sub(r"[^a-z0-9]+", "-", self.path.lower()).strip("-")

    def choice_labels(self) -> list[tuple[str, str]]:
        """Return (value, label) pairs for a select."""
        return [(value, display(value)) for value in self.choices]


@dataclasses.dataclass(frozen=True)
class Group:
    """A fieldset of the form."""

    title: str
    stage: str | None
    fields: tuple[Field, ...]
    more: bool = False

    @property
    def slug(self) -> str:
        """Return the group's id in the page."""
        return "g-" + re.sub(r"[^a-z0-9]+", "-", self.title.lower()).strip("-")


def _resolve(prop: Mapping[str, Any], defs: Mapping[str, Any]) -> dict[str, Any]:
    """Return *prop* with ``$ref`` followed and ``anyOf [X, null]`` (an optional value) folded into X."""
    if "$ref" in prop:
        name = str(prop["$ref"]).rsplit("/", 1)[-1]
        return {**defs[name], **{k: v for k, v in prop.items() if k != "$ref"}}
    if "anyOf" in prop:
        options = [p for p in prop["anyOf"] if p.get("type") != "null"]
        if len(options) == 1:
            merged = {**prop, **options[0]}
            merged.pop("anyOf", None)
            return merged
    return dict(prop)


def _leaves(schema: Mapping[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield (dotted path, property) for every field of the schema, nested objects flattened."""
    defs = schema.get("$defs", {})

    def walk(prefix: str, node: Mapping[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
        for name, raw in node.get("properties", {}).items():
            prop = _resolve(raw, defs)
            path = f"{prefix}{name}"
            if prop.get("type") == "object" and "properties" in prop:
                yield from walk(f"{path}.", prop)
            else:
                yield path, prop

    yield from walk("", schema)


def _field(path: str, prop: Mapping[str, Any], *, pack: str | None = None) -> Field:
    kind = prop.get("type")
    items: dict[str, Any] = prop["items"] if isinstance(prop.get("items"), dict) else {}
    enum = tuple(str(v) for v in prop.get("enum", ()))
    widget: Widget
    if enum:
        widget = "select"
    elif kind in {"integer", "number"}:
        widget = "number"
    elif kind == "boolean":
        widget = "checkbox"
    elif kind == "array":
        widget = "lines"
    elif prop.get("format") == "date":
        widget = "date"
    elif path.endswith("email"):
        widget = "email"
    elif int(prop.get("maxLength") or 0) > 120:
        widget = "textarea"
    else:
        widget = "text"
    default = prop.get("default")
    if isinstance(default, bool):
        shown_default = "True" if default else ""
    else:
        shown_default = "" if default is None or isinstance(default, list) else str(default)
    name = path.removeprefix("extra.")
    return Field(
        path=path,
        label=LABELS.get(path) or display(name.replace("_", " ")),
        help=str(prop.get("description") or ""),
        widget=widget,
        choices=enum,
        minimum=prop.get("minimum"),
        maximum=prop.get("maximum"),
        max_length=prop.get("maxLength") or items.get("maxLength"),
        max_items=prop.get("maxItems"),
        default=shown_default,
        integer=kind == "integer",
        pack=pack,
    )


@dataclasses.dataclass(frozen=True)
class Form:
    """The whole form: its groups, and every field by path."""

    groups: tuple[Group, ...]
    fields: Mapping[str, Field]
    #: Paths the schema always requires (the rest depend on the goal, the message and the pack).
    always: tuple[str, ...]


def build_form(schema: Mapping[str, Any]) -> Form:
    """Return the form for an intent JSON Schema (with a pack's fields under ``extra``)."""
    fields: dict[str, Field] = {}
    for path, prop in _leaves(schema):
        if path.split(".")[0] in NOT_IN_FORM:
            continue
        fields[path] = _field(path, prop)
    extra = _resolve(schema.get("properties", {}).get("extra", {}), schema.get("$defs", {}))
    for name, prop in extra.get("properties", {}).items():
        fields[f"extra.{name}"] = _field(f"extra.{name}", prop, pack=prop.get("x-askcraft-pack"))
    groups: list[Group] = []
    placed: set[str] = set()
    for title, stage, paths in GROUPS:
        present = tuple(fields[p] for p in paths if p in fields)
        placed.update(f.path for f in present)
        groups.append(Group(title, stage, present))
    extras = [f for p, f in fields.items() if p.startswith("extra.") and p not in placed]
    for owner in dict.fromkeys(f.pack for f in extras):  # one group per pack, in schema order
        mine = tuple(f for f in extras if f.pack == owner)
        groups.append(Group(f"Fields of the {owner or 'your'} pack", None, mine))
        placed.update(f.path for f in mine)
    rest = tuple(f for p, f in fields.items() if p not in placed)
    if rest:
        groups.append(Group("More options", None, rest, more=True))
    defs = schema.get("$defs", {})
    always: list[str] = []
    for name in schema.get("required", ()):
        prop = _resolve(schema.get("properties", {}).get(name, {}), defs)
        if prop.get("type") == "object":  # recipient, sender: their own required fields
            always += [f"{name}.{sub}" for sub in prop.get("required", ())]
        else:
            always.append(name)
    extra_required = [f"extra.{r}" for r in extra.get("required", ())]
    required = [p for p in dict.fromkeys([*always, *extra_required]) if p in fields]
    return Form(tuple(g for g in groups if g.fields), fields, tuple(required))


def set_path(data: dict[str, Any], dotted: str, value: Any) -> None:
    """Set a dotted path in nested mappings, creating the parents."""
    *parents, leaf = dotted.split(".")
    node = data
    for part in parents:
        node = node.setdefault(part, {})
    node[leaf] = value


def _convert(field: Field, raw: Any) -> tuple[Any, str | None]:
    """Return (value or None when empty, problem) for what the page sent for *field*."""
    if field.widget == "checkbox":
        if not isinstance(raw, bool):
            return None, "must be ticked or not"
        return raw, None
    if not isinstance(raw, str):
        return None, "must be text"
    if len(raw) > MAX_VALUE:
        return None, f"must be at most {field.max_length or MAX_VALUE} characters"
    text = raw.strip()
    if not text:
        return None, None
    if field.widget == "number":
        try:
            number = float(text)
        except ValueError:
            return None, "must be a number" if not field.integer else "must be a whole number"
        if field.integer:
            if not number.is_integer():
                return None, "must be a whole number"
            return int(number), None
        return number, None
    if field.widget == "lines":
        return [line.strip() for line in text.splitlines() if line.strip()], None
    return text, None


def to_intent(values: Mapping[str, Any], form: Form) -> tuple[dict[str, Any], dict[str, str]]:
    """Return the intent mapping for the page's values, and the values that could not be read."""
    data: dict[str, Any] = {}
    problems: dict[str, str] = {}
    for path, raw in values.items():
        field = form.fields[path]
        value, problem = _convert(field, raw)
        if problem:
            problems[path] = problem
        elif value is not None:
            set_path(data, path, value)
    return data, problems


def _sentence(message: str) -> str:
    """Say what a value must be in the words of the rest of askcraft ("must be at most 20")."""
    message = message.removeprefix("Value error, ")
    for prefix, instead in (
        ("Input should be ", "must be "),
        ("String should have ", "must have "),
        ("List should have ", "must have "),
        ("Input should ", "must "),
    ):
        if message.startswith(prefix):
            message = instead + message.removeprefix(prefix)
    return message


def place_problems(problems: list[str], form: Form) -> tuple[dict[str, str], dict[str, str], list[str]]:
    """Sort askcraft's problem lines into (wrong values by path, missing values by path, the rest).

    A line reads ``path: message`` (``company or recipient.company: required for ...`` names
    either); a line that names no field of the form goes to the rest, as it was written.
    """
    invalid: dict[str, str] = {}
    missing: dict[str, str] = {}
    other: list[str] = []
    for line in problems:
        head, sep, message = line.partition(": ")
        paths = [p.strip() for p in head.split(" or ")] if sep else []
        known = [p for p in paths if p in form.fields]
        if not known and len(paths) == 1 and message.startswith("required"):
            # "recipient: required" names a group: its own required fields are what is missing.
            known = [p for p in form.always if p.startswith(f"{paths[0]}.")]
        if not known:
            other.append(line)
            continue
        target = missing if message.startswith("required") else invalid
        text = _sentence(message)
        if len(known) > 1 and len(paths) > 1:
            labels = [form.fields[p].label for p in known]
            text = f"{text} (give one of: {', '.join(labels)})"
        for path in known:
            target.setdefault(path, text)
    return invalid, missing, other
