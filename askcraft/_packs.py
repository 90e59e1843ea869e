"""Template packs: a manifest (``pack.yaml``) plus Jinja templates, loaded as untrusted data."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import jinja2
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from askcraft._errors import IntentError, PackError
from askcraft._intent import (
    CHANNELS,
    EXTRA_FIELD_NAME,
    GOALS,
    KINDS,
    Intent,
    _construct_mapping,
    parse_yaml,
)

if TYPE_CHECKING:
    from askcraft._checks import CheckContext
    from askcraft._findings import Finding
    from askcraft._rules._base import Rule

MANIFEST = "pack.yaml"
#: Written next to an installed pack's files by ``packs install``; not part of the pack's content.
INSTALL_RECORD = ".askcraft-install.json"
#: The built-in pack's name; no other pack may take it.
BUILTIN_NAME = "builtin"
TEMPLATE_SUFFIXES = (".j2", ".jinja", ".txt", ".md")
#: Larger template or manifest files are refused: a message template is a few kilobytes.
MAX_TEMPLATE_BYTES = 256 * 1024
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_SEMVER = re.compile(
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
    r"(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
    r"(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$"
)
_VARIANT = re.compile(r"^[a-z0-9][a-z0-9-]*$")

Source = Literal["path", "user", "entry-point", "builtin"]


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

    @field_validator("variants")
    @classmethod
    def _variants(cls, value: dict[str, str]) -> dict[str, str]:
        if not value:
            raise ValueError("list at least one variant (name: file)")
        for name, file in value.items():
            if not _VARIANT.match(name):
                raise ValueError(f"variant name {name!r} must be lowercase letters, digits and hyphens")
            _check_relative(file)
        return value


def _check_relative(file: str) -> None:
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
            if self.type == "string" and re.search(r"[\x00-\x1f\x7f]", item):
                return "must be a single line"
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
        if not _NAME.match(value):
            raise ValueError("must be lowercase letters, digits and single hyphens, starting with a letter")
        if len(value) > 64:
            raise ValueError("must be at most 64 characters")
        return value

    @field_validator("fields")
    @classmethod
    def _field_names(cls, value: dict[str, FieldSpec]) -> dict[str, FieldSpec]:
        for name in value:
            if not EXTRA_FIELD_NAME.match(name):
                raise ValueError(f"field name {name!r} must be lowercase letters, digits and underscores")
        return value

    @field_validator("tone_rules", "examples")
    @classmethod
    def _inside(cls, value: str | None) -> str | None:
        if value is not None:
            _check_relative(value)
        return value

    @field_validator("version", "min_askcraft_version")
    @classmethod
    def _semver(cls, value: str) -> str:
        if not _SEMVER.match(value):
            raise ValueError(f"{value!r} is not a semantic version such as 1.0.0")
        return value


@dataclasses.dataclass(frozen=True)
class Selection:
    """The template chosen for an intent."""

    pack: Pack
    entry: TemplateEntry
    variant: str

    @property
    def template(self) -> str:
        """Return the template's path inside its pack."""
        return self.entry.variants[self.variant]


class _PackLoader(jinja2.BaseLoader):
    """Load templates from one folder only: no absolute paths, no '..', no symlinks leading out."""

    def __init__(self, root: Path, pack: str) -> None:
        self.root = root.resolve()
        self.pack = pack

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        try:
            _check_relative(template)
        except ValueError as exc:
            raise PackError(f"pack '{self.pack}': {exc}", pack=self.pack, file=template) from None
        path = (self.root / template).resolve()
        if not path.is_relative_to(self.root):
            raise PackError(
                f"pack '{self.pack}': template {template!r} leads outside the pack (through a symlink)",
                pack=self.pack,
                file=template,
            )
        if not path.is_file():
            raise jinja2.TemplateNotFound(template)
        if path.stat().st_size > MAX_TEMPLATE_BYTES:
            raise PackError(
                f"pack '{self.pack}', {template}: larger than {MAX_TEMPLATE_BYTES // 1024} KB; "
                "a template is a message, not a book",
                pack=self.pack,
                file=template,
            )
        try:
            source = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise PackError(
                f"pack '{self.pack}', {template}: not UTF-8 text", pack=self.pack, file=template
            ) from None
        return source, template, lambda: True


class Pack:
    """A loaded template pack."""

    def __init__(self, root: Path, manifest: Manifest, *, source: Source = "path") -> None:
        self.root = root
        self.manifest = manifest
        self.source = source
        self._entries: dict[tuple[str, str, str, str], list[TemplateEntry]] = {}

    @property
    def name(self) -> str:
        """Return the pack's name."""
        return self.manifest.name

    @property
    def version(self) -> str:
        """Return the pack's version."""
        return self.manifest.version

    def __repr__(self) -> str:
        return f"<Pack {self.name} {self.version} from {self.source}: {self.root}>"

    @cached_property
    def content_hash(self) -> str:
        """Return a sha256 over every file in the pack (paths and bytes), for provenance."""
        digest = hashlib.sha256()
        files = (
            p
            for p in self.root.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.name != INSTALL_RECORD
        )
        for path in sorted(files):
            digest.update(path.relative_to(self.root).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
        return "sha256:" + digest.hexdigest()

    @cached_property
    def loader(self) -> jinja2.BaseLoader:
        """Return the loader that reads this pack's templates and nothing outside it."""
        return _PackLoader(self.root, self.name)

    @cached_property
    def environment(self) -> jinja2.Environment:
        """Return this pack's sandboxed Jinja environment (created on first use)."""
        from askcraft._sandbox import make_environment  # noqa: PLC0415

        return make_environment(self.loader)

    @property
    def fields(self) -> dict[str, FieldSpec]:
        """Return the intent fields this pack adds (set under ``extra``)."""
        return dict(self.manifest.fields)

    @cached_property
    def tone_rules(self) -> tuple[Rule, ...]:
        """Return the pack's own tone rules (empty when the manifest names none)."""
        if self.manifest.tone_rules is None:
            return ()
        from askcraft._packrules import load_tone_rules  # noqa: PLC0415

        return load_tone_rules(self, self.manifest.tone_rules)

    def tone_findings(self, ctx: CheckContext) -> list[Finding]:
        """Return the findings of this pack's own tone rules on a message."""
        from askcraft._packrules import run_tone_rules  # noqa: PLC0415

        return run_tone_rules(self.tone_rules, ctx)

    def templates(self) -> list[str]:
        """Return every template file the manifest names, in order, without repeats."""
        return list(dict.fromkeys(f for entry in self.manifest.templates for f in entry.variants.values()))

    def entries_for(self, kind: str, goal: str, channel: str, language: str) -> list[TemplateEntry]:
        """Return the template entries that can draft this message."""
        primary = language.split("-", maxsplit=1)[0].lower()
        key = (kind, goal, channel, primary)
        entries = self._entries.get(key)
        if entries is None:  # memoised: every draft asks every pack in the stack
            entries = self._entries[key] = [
                entry
                for entry in self.manifest.templates
                if entry.applies(kind, goal, channel) and entry.language.split("-")[0].lower() == primary
            ]
        return list(entries)

    def select(self, intent: Intent, *, variant: str | None = None) -> Selection | None:
        """Choose the template and variant for *intent*, or None when this pack has none."""
        from askcraft._render import variant_index  # noqa: PLC0415

        entries = self.entries_for(intent.kind, intent.goal, intent.channel, intent.language)
        if not entries:
            return None
        entry = entries[0]
        names = list(entry.variants)
        if variant is None:
            return Selection(self, entry, names[variant_index(intent, len(names))])
        if variant not in entry.variants:
            raise PackError(
                f"pack '{self.name}' has no variant {variant!r} for a {intent.kind} ({intent.goal}, "
                f"{intent.channel}); choose one of: {', '.join(names)}",
                pack=self.name,
            )
        return Selection(self, entry, variant)

    def requirements(self, kind: str, goal: str, channel: str) -> list[Requirement]:
        """Return the field requirements for a message of this kind, goal and channel."""
        rules: list[Requirement] = [r for r in self.manifest.requires if r.applies(kind, goal, channel)]
        rules += [e for e in self.manifest.templates if e.fields and e.applies(kind, goal, channel)]
        return rules


def lookup(data: dict[str, Any], dotted: str) -> Any:
    """Return the value at a dotted path of nested mappings (``recipient.name``), or None."""
    value: Any = data
    for part in dotted.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def unmet_fields(pack: Pack, data: dict[str, Any]) -> list[str]:
    """Return each unmet requirement's field spec ('count', 'industry|role|company')."""
    kind, goal, channel = data.get("kind"), data.get("goal"), data.get("channel") or "email"
    if not (isinstance(kind, str) and isinstance(goal, str) and isinstance(channel, str)):
        return []
    unmet: list[str] = []
    for rule in pack.requirements(kind, goal, channel):
        for spec in rule.fields:
            if not any(lookup(data, f) for f in spec.split("|")) and spec not in unmet:
                unmet.append(spec)
    return unmet


def check_extra(
    pack: Pack, extra: dict[str, Any], *, stack: Sequence[Pack] = ()
) -> tuple[dict[str, Any], list[str]]:
    """Validate an intent's ``extra`` against the fields packs declare; return it with defaults, and problems.

    The drafting pack's declarations rule; a key no pack in *stack* declares is a problem.
    """
    declared: dict[str, FieldSpec] = {}
    for other in (*reversed(stack), pack):  # lower precedence first, so the drafting pack wins
        declared.update(other.manifest.fields)
    problems: list[str] = []
    for key, value in extra.items():
        spec = declared.get(key)
        if spec is None:
            known = ", ".join(sorted(declared)) or "none"
            problems.append(f"extra.{key}: no pack in use declares this field (declared: {known})")
        elif value is not None and (problem := spec.problem(value)):
            problems.append(f"extra.{key}: {problem} (got {value!r})")
    filled = dict(extra)
    for key, spec in pack.manifest.fields.items():
        if filled.get(key) is None:
            # Like the built-in optional fields, an unset pack field is None, so `{% if extra.x %}` works.
            filled[key] = spec.default
            if spec.default is None and spec.required:
                problems.append(f"extra.{key}: required by pack '{pack.name}' ({spec.help})")
    return filled, problems


def check_requirements(pack: Pack, intent: Intent, *, stack: Sequence[Pack] = ()) -> Intent:
    """Raise IntentError naming every field the message needs that the intent lacks or gets wrong.

    Return the intent with the pack's field defaults filled in under ``extra``.
    """
    data = intent.model_dump(mode="python")
    extra, problems = check_extra(pack, dict(data.get("extra") or {}), stack=stack)
    problems += [
        f"{spec.replace('|', ' or ')}: required for a {intent.goal} {intent.kind}"
        for spec in unmet_fields(pack, data)
    ]
    if problems:
        raise IntentError(
            f"the intent has {len(problems)} problem{'s' if len(problems) > 1 else ''} for pack "
            f"'{pack.name}':\n  " + "\n  ".join(problems),
            problems=problems,
        )
    if extra == intent.extra:
        return intent
    return intent.model_copy(update={"extra": extra})


def _yaml_line(text: str, loc: Sequence[int | str]) -> int | None:
    """Return the 1-based line of the YAML node at *loc* (a pydantic error location), if found."""
    try:
        node: Any = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    line = None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if k.value == str(part)), None)
            if match is None:
                break
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            break
        line = node.start_mark.line + 1
    return line


def _manifest_error(exc: ValidationError, path: Path, text: str, pack: str | None) -> PackError:
    problems = []
    first_line = None
    for err in exc.errors(include_url=False):
        loc = ".".join(str(p) for p in err["loc"]) or "(top level)"
        line = _yaml_line(text, err["loc"])
        first_line = first_line or line
        where = f"line {line}: " if line else ""
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown field; see docs/writing-a-pack.md for the manifest fields"
        problems.append(f"{where}{loc}: {msg}")
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


class _ManifestLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's safe loader (ten times faster: discovery reads every installed manifest), no duplicates."""


_ManifestLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _fast_yaml(text: str, *, source: str) -> Any:
    """Parse YAML safely with libyaml; on an error, re-parse the slow way for its exact message."""
    try:
        return yaml.load(text, Loader=_ManifestLoader)  # noqa: S506  (a safe loader)
    except yaml.YAMLError:
        return parse_yaml(text, source=source)


def read_manifest(root: Path) -> tuple[Path, dict[str, Any], str]:
    """Read ``pack.yaml`` under *root*; return its path, its data and its text."""
    manifest_path = root / MANIFEST
    if not root.is_dir():
        raise PackError(f"{root}: no such pack folder", file=str(root))
    if not manifest_path.is_file():
        raise PackError(
            f"{root}: not a pack (no {MANIFEST}); create one with 'askcraft packs new NAME'", file=str(root)
        )
    if manifest_path.stat().st_size > MAX_TEMPLATE_BYTES:
        raise PackError(f"{manifest_path}: too large for a pack manifest", file=str(manifest_path))
    try:
        text = manifest_path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PackError(
            f"{manifest_path}: not UTF-8 text; save it as UTF-8", file=str(manifest_path)
        ) from None
    try:
        data = _fast_yaml(text, source=str(manifest_path))
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
    return manifest_path, data, text


def load_pack(path: str | os.PathLike[str], *, source: Source = "path") -> Pack:
    """Load a pack from a folder containing ``pack.yaml``."""
    root = Path(path)
    manifest_path, data, text = read_manifest(root)
    name = data.get("name") if isinstance(data.get("name"), str) else None
    try:
        manifest = Manifest.model_validate(data)
    except ValidationError as exc:
        raise _manifest_error(exc, manifest_path, text, name) from None
    if manifest.name == BUILTIN_NAME and root.resolve() != builtin_root().resolve():
        raise PackError(
            f"pack at {root}: the name '{BUILTIN_NAME}' belongs to askcraft's own pack; choose another",
            pack=manifest.name,
            file=str(manifest_path),
            line=_yaml_line(text, ["name"]),
        )
    have = askcraft_version()
    if not version_at_least(have, manifest.min_askcraft_version):
        raise PackError(
            f"pack '{manifest.name}' ({manifest_path}, line {_yaml_line(text, ['min_askcraft_version'])}) "
            f"needs askcraft {manifest.min_askcraft_version} or newer; you have {have}. "
            "Upgrade with: pip install -U askcraft",
            pack=manifest.name,
            file=str(manifest_path),
            line=_yaml_line(text, ["min_askcraft_version"]),
        )
    return Pack(root, manifest, source=source)


def builtin_root() -> Path:
    """Return the folder of the built-in pack, inside the installed package."""
    return Path(__file__).parent / "templates"


_builtin: Pack | None = None


def builtin_pack() -> Pack:
    """Return the built-in pack (loaded once per process)."""
    global _builtin  # noqa: PLW0603  (a per-process cache of immutable data)
    if _builtin is None:
        _builtin = load_pack(builtin_root(), source="builtin")
    return _builtin


def iter_variants(pack: Pack) -> Iterable[tuple[str, str, str, str]]:
    """Yield (kind, channel, goal, variant) for every message the pack can draft."""
    seen: set[tuple[str, str, str, str]] = set()
    for entry in pack.manifest.templates:
        for kind in entry.kinds:
            for channel in entry.channels:
                for goal in entry.goals:
                    if pack.entries_for(kind, goal, channel, entry.language)[0] is not entry:
                        continue
                    for variant in entry.variants:
                        key = (kind, channel, goal, variant)
                        if key not in seen:
                            seen.add(key)
                            yield key
