"""The pack manifest (``pack.yaml``): its fields, validated, read safely, errors with lines."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from askcraft._errors import IntentError, PackError
from askcraft._intent.model import CHANNELS, EXTRA_FIELD_NAME, GOALS, KINDS
from askcraft._intent.safe_text import UNSAFE_CHARS
from askcraft._packs.files import PackFiles, read_pack_file
from askcraft._packs.text import refuse_unsafe_text
from askcraft._yaml import YamlLines, parse_yaml_fast

MANIFEST = "pack.yaml"
#: Written next to an installed pack's files by ``packs install``; not part of the pack's content.
INSTALL_RECORD = ".askcraft-install.json"
#: The built-in pack's name; no other pack may take it.
BUILTIN_NAME = "builtin"
TEMPLATE_SUFFIXES = (".j2", ".jinja", ".txt", ".md")
#: Larger template or manifest files are refused: a message template is a few kilobytes.
MAX_TEMPLATE_BYTES = 256 * 1024
#: A manifest is a few kilobytes (the built-in one under 3 KB); parsing 64 KB of YAML takes a
#: fraction of a second, 256 KB of nothing but entries took seconds.
MAX_MANIFEST_BYTES = 64 * 1024
#: A pack name. Every pattern here is used with ``fullmatch``: ``$`` also matches before a final newline.
PACK_NAME = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")
_SEMVER = re.compile(
    r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
    r"(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
    r"(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?"
)
_VARIANT = re.compile(r"[a-z0-9][a-z0-9-]*")

Source = Literal["path", "user", "entry-point", "builtin"]


#: How many entries a manifest's lists and mappings may hold: a pack is a handful of messages.
MAX_ENTRIES = 100


def _capped(value: Any, what: str, limit: int = MAX_ENTRIES) -> Any:
    """Refuse a list or mapping longer than *limit* before its items are validated one by one."""
    if isinstance(value, list | tuple | dict) and len(value) > limit:
        raise ValueError(f"has {len(value)} {what}; a pack may declare at most {limit}")
    return value


def _one_or_many(value: Any, allowed: Sequence[str], what: str) -> tuple[str, ...]:
    if value == "*":
        return tuple(allowed)
    items = [value] if isinstance(value, str) else list(value)
    bad = [item for item in items if item not in allowed]
    if bad:
        raise ValueError(f"unknown {what} {', '.join(map(repr, bad))}; accepted: {', '.join(allowed)} or '*'")
    return tuple(items)


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Requirement(_Model):
    """Fields a message needs, for the kinds, goals and channels it applies to."""

    kinds: tuple[str, ...] = Field(default=KINDS)
    goals: tuple[str, ...] = Field(default=GOALS)
    channels: tuple[str, ...] = Field(default=CHANNELS)
    fields: tuple[str, ...] = Field(
        description="Dotted intent fields that must be set; 'a|b' means at least one of them."
    )
    help: str | None = None

    @field_validator("fields", mode="before")
    @classmethod
    def _few_fields(cls, value: Any) -> Any:
        return _capped(value, "fields")

    @field_validator("kinds", mode="before")
    @classmethod
    def _kinds(cls, value: Any) -> tuple[str, ...]:
        return _one_or_many(value, KINDS, "kind")

    @field_validator("goals", mode="before")
    @classmethod
    def _goals(cls, value: Any) -> tuple[str, ...]:
        return _one_or_many(value, GOALS, "goal")

    @field_validator("channels", mode="before")
    @classmethod
    def _channels(cls, value: Any) -> tuple[str, ...]:
        return _one_or_many(value, CHANNELS, "channel")

    def applies(self, kind: str, goal: str, channel: str) -> bool:
        """Return whether this requirement applies to a message of this kind, goal and channel."""
        return kind in self.kinds and goal in self.goals and channel in self.channels


class TemplateEntry(Requirement):
    """One set of templates: the messages it drafts and its variants (name -> file)."""

    fields: tuple[str, ...] = ()
    language: str = "en"
    variants: dict[str, str]

    @field_validator("variants", mode="before")
    @classmethod
    def _few_variants(cls, value: Any) -> Any:
        return _capped(value, "variants")

    @field_validator("variants")
    @classmethod
    def _variants(cls, value: dict[str, str]) -> dict[str, str]:
        if not value:
            raise ValueError("list at least one variant (name: file)")
        for name, file in value.items():
            if not _VARIANT.fullmatch(name):
                raise ValueError(f"variant name {name!r} must be lowercase letters, digits and hyphens")
            check_relative(file)
        return value


def check_relative(file: str) -> None:
    path = Path(file)
    if path.is_absolute() or ".." in path.parts or file.startswith(("/", "\\")) or ":" in file:
        raise ValueError(f"path {file!r} must be relative and stay inside the pack")


FieldType = Literal["string", "text", "integer", "number", "boolean", "list"]
_PY_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "text": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "list": (list,),
}


class FieldSpec(_Model):
    """An intent field a pack adds (under ``extra``): its type, accepted values, default and help."""

    type: FieldType = "string"
    help: str
    allowed: tuple[str | int | float, ...] | None = None
    default: str | int | float | bool | list[str] | None = None
    required: bool = False
    minimum: float | None = None
    maximum: float | None = None
    max_length: int = Field(default=120, ge=1, le=600)

    @model_validator(mode="after")
    def _consistent(self) -> FieldSpec:
        if self.default is not None:
            problem = self.problem(self.default)
            if problem:
                raise ValueError(f"default {self.default!r} {problem}")
        if self.required and self.default is not None:
            raise ValueError("a field with a default is never missing; drop 'required' or the default")
        return self

    def problem(self, value: Any) -> str | None:
        """Return what is wrong with *value* for this field, or None when it is fine."""
        if isinstance(value, bool) and self.type != "boolean":
            return f"must be {self.type_phrase()}, not true/false"
        if not isinstance(value, _PY_TYPES[self.type]):
            return f"must be {self.type_phrase()}"
        items: list[Any] = list(value) if isinstance(value, list) else [value]
        if self.type == "list" and not all(isinstance(item, str) for item in items):
            return "must be a list of text items"
        for item in items:
            problem = self._item_problem(item)
            if problem:
                return problem
        return None

    def _item_problem(self, item: Any) -> str | None:
        if self.allowed is not None and item not in self.allowed:
            return f"must be one of: {', '.join(map(str, self.allowed))}"
        if isinstance(item, str):
            if not item.strip():
                return "must not be empty"
            if len(item) > self.max_length:
                return f"must be at most {self.max_length} characters"
            if self.type == "string" and UNSAFE_CHARS.search(item):
                return "must be a single line (no control characters or direction marks)"
        elif isinstance(item, int | float) and not isinstance(item, bool):
            if self.minimum is not None and item < self.minimum:
                return f"must be at least {self.minimum:g}"
            if self.maximum is not None and item > self.maximum:
                return f"must be at most {self.maximum:g}"
        return None

    def type_phrase(self) -> str:
        """Name the type the way a person reads it."""
        return {
            "string": "one line of text",
            "text": "text",
            "integer": "a whole number",
            "number": "a number",
            "boolean": "true or false",
            "list": "a list of text items",
        }[self.type]

    def json_schema(self) -> dict[str, Any]:
        """Return this field as a JSON Schema property."""
        kind = {"string": "string", "text": "string", "integer": "integer", "number": "number"}
        schema: dict[str, Any] = {"description": self.help}
        if self.type == "boolean":
            schema["type"] = "boolean"
        elif self.type == "list":
            schema.update(type="array", items={"type": "string", "maxLength": self.max_length})
            if self.allowed is not None:
                schema["items"]["enum"] = list(self.allowed)
        else:
            schema["type"] = kind[self.type]
            if self.type in {"string", "text"}:
                schema["maxLength"] = self.max_length
            if self.allowed is not None:
                schema["enum"] = list(self.allowed)
            for key, bound in (("minimum", self.minimum), ("maximum", self.maximum)):
                if bound is not None:
                    schema[key] = int(bound) if bound.is_integer() else bound
        if self.default is not None:
            schema["default"] = self.default
        return schema


class Manifest(_Model):
    """``pack.yaml``: who made the pack, what it drafts, what it needs."""

    name: str
    version: str
    description: str
    author: str
    license: str
    languages: tuple[str, ...] = ("en",)
    min_askcraft_version: str = "0.1.0"
    templates: tuple[TemplateEntry, ...]
    requires: tuple[Requirement, ...] = ()
    fields: dict[str, FieldSpec] = Field(
        default_factory=dict, description="Intent fields the pack adds; intents set them under 'extra'."
    )
    tone_rules: str | None = Field(
        default=None, description="A YAML file of extra tone rules (phrases to flag or swap)."
    )
    examples: str = Field(default="examples", description="The folder of example intents and outputs.")

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not PACK_NAME.fullmatch(value):
            raise ValueError("must be lowercase letters, digits and single hyphens, starting with a letter")
        if len(value) > 64:
            raise ValueError("must be at most 64 characters")
        return value

    @field_validator("templates", "requires", "fields", "languages", mode="before")
    @classmethod
    def _few(cls, value: Any) -> Any:
        return _capped(value, "entries")

    @field_validator("fields")
    @classmethod
    def _field_names(cls, value: dict[str, FieldSpec]) -> dict[str, FieldSpec]:
        for name in value:
            if not EXTRA_FIELD_NAME.fullmatch(name):
                raise ValueError(f"field name {name!r} must be lowercase letters, digits and underscores")
        return value

    @field_validator("tone_rules", "examples")
    @classmethod
    def _inside(cls, value: str | None) -> str | None:
        if value is not None:
            check_relative(value)
        return value

    @field_validator("version", "min_askcraft_version")
    @classmethod
    def _semver(cls, value: str) -> str:
        if not _SEMVER.fullmatch(value):
            raise ValueError(f"{value!r} is not a semantic version such as 1.0.0")
        return value


#: A manifest error lists this many problems and counts the rest.
MAX_PROBLEMS_SHOWN = 20


def manifest_error(exc: ValidationError, path: Path, text: str, pack: str | None) -> PackError:
    """Turn a manifest's validation errors into one PackError: the first problems with lines, then a count."""
    errors = exc.errors(include_url=False)
    lines = YamlLines(text)
    problems = []
    first_line = None
    for err in errors[:MAX_PROBLEMS_SHOWN]:
        loc = ".".join(str(p) for p in err["loc"]) or "(top level)"
        line = lines.line(err["loc"])
        first_line = first_line or line
        where = f"line {line}: " if line else ""
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown field; see docs/writing-a-pack.md for the manifest fields"
        problems.append(f"{where}{loc}: {msg}")
    if len(errors) > MAX_PROBLEMS_SHOWN:
        problems.append(f"... and {len(errors) - MAX_PROBLEMS_SHOWN} more")
    who = f"pack '{pack}', " if pack else ""
    return PackError(
        f"{who}{path}: invalid pack manifest:\n  " + "\n  ".join(problems),
        pack=pack,
        file=str(path),
        line=first_line,
    )


def _version_key(version: str) -> tuple[int, int, int, int, str]:
    """Return a sort key for a semantic version (a pre-release sorts before its release)."""
    core, _, pre = version.partition("+")[0].partition("-")
    major, minor, patch = (int(x) for x in core.split("."))
    return major, minor, patch, 0 if pre else 1, pre


def version_at_least(have: str, need: str) -> bool:
    """Return whether semantic version *have* is *need* or newer."""
    try:
        return _version_key(have) >= _version_key(need)
    except ValueError:  # a development checkout ("0+unknown", "1.0.dev3"): assume it is new enough
        return True


def askcraft_version() -> str:
    """Return the installed askcraft's version ("0+unknown" in a source tree never installed)."""
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

    try:
        return version("askcraft")
    except PackageNotFoundError:
        return "0+unknown"


def read_manifest(files: PackFiles) -> tuple[Path, dict[str, Any], str]:
    """Read ``pack.yaml`` of the pack folder *files* was scanned from; return its path, data and text."""
    root = files.shown
    manifest_path = root / MANIFEST
    if not files.has(MANIFEST):
        raise PackError(
            f"{root}: not a pack (no {MANIFEST}); create one with 'askcraft packs new NAME'", file=str(root)
        )
    if files.files[MANIFEST] > MAX_MANIFEST_BYTES:
        raise PackError(
            f"{manifest_path}: larger than {MAX_MANIFEST_BYTES // 1024} KB, too large for a pack manifest",
            file=str(manifest_path),
        )
    try:
        text = read_pack_file(files, MANIFEST, MAX_MANIFEST_BYTES).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PackError(
            f"{manifest_path}: not UTF-8 text; save it as UTF-8", file=str(manifest_path)
        ) from None
    except FileNotFoundError:
        raise PackError(f"{manifest_path}: removed while being read", file=str(manifest_path)) from None
    try:
        data = parse_yaml_fast(text, source=str(manifest_path))
    except IntentError as exc:
        line = re.search(r", line (\d+):", str(exc))
        raise PackError(
            f"{exc} (in the pack manifest)", file=str(manifest_path), line=int(line[1]) if line else None
        ) from None
    if not isinstance(data, dict):
        raise PackError(
            f"{manifest_path}, line 1: the manifest must be a mapping of fields (name, version, ...)",
            file=str(manifest_path),
            line=1,
        )
    refuse_unsafe_text(data, text, manifest_path)
    return manifest_path, data, text
