"""Template packs: a manifest (``pack.yaml``) plus Jinja templates, loaded as untrusted data."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

import jinja2
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from askcraft._errors import IntentError, PackError
from askcraft._intent import CHANNELS, GOALS, KINDS, Intent, read_yaml

MANIFEST = "pack.yaml"
TEMPLATE_SUFFIXES = (".j2", ".jinja", ".txt", ".md")
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
        raise ValueError(f"template path {file!r} must be relative and stay inside the pack")


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
    fields: dict[str, dict[str, Any]] = Field(default_factory=dict)

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not _NAME.match(value):
            raise ValueError("must be lowercase letters, digits and single hyphens, starting with a letter")
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
        for path in sorted(p for p in self.root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(path.relative_to(self.root).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
        return "sha256:" + digest.hexdigest()

    @cached_property
    def environment(self) -> jinja2.Environment:
        """Return this pack's sandboxed Jinja environment (created on first use)."""
        from askcraft._sandbox import make_environment  # noqa: PLC0415

        return make_environment(_PackLoader(self.root, self.name))

    def entries_for(self, kind: str, goal: str, channel: str, language: str) -> list[TemplateEntry]:
        """Return the template entries that can draft this message."""
        primary = language.split("-", maxsplit=1)[0].lower()
        return [
            entry
            for entry in self.manifest.templates
            if entry.applies(kind, goal, channel) and entry.language.split("-")[0].lower() == primary
        ]

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


def _lookup(data: dict[str, Any], dotted: str) -> Any:
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
            if not any(_lookup(data, f) for f in spec.split("|")) and spec not in unmet:
                unmet.append(spec)
    return unmet


def check_requirements(pack: Pack, intent: Intent) -> None:
    """Raise IntentError naming every field this message needs that the intent lacks."""
    unmet = unmet_fields(pack, intent.model_dump(mode="python"))
    if unmet:
        problems = [
            f"{spec.replace('|', ' or ')}: required for a {intent.goal} {intent.kind}" for spec in unmet
        ]
        raise IntentError(
            f"the intent is missing {len(problems)} field{'s' if len(problems) > 1 else ''} "
            f"this message needs:\n  " + "\n  ".join(problems),
            problems=problems,
        )


def _manifest_error(exc: ValidationError, path: Path) -> PackError:
    problems = []
    for err in exc.errors(include_url=False):
        loc = ".".join(str(p) for p in err["loc"]) or "(top level)"
        problems.append(f"{loc}: {err['msg'].removeprefix('Value error, ')}")
    return PackError(f"{path}: invalid pack manifest:\n  " + "\n  ".join(problems), file=str(path))


def load_pack(path: str | os.PathLike[str], *, source: Source = "path") -> Pack:
    """Load a pack from a folder containing ``pack.yaml``."""
    root = Path(path)
    manifest_path = root / MANIFEST
    if not root.is_dir():
        raise PackError(f"{root}: no such pack folder", file=str(root))
    if not manifest_path.is_file():
        raise PackError(
            f"{root}: not a pack (no {MANIFEST}); create one with 'askcraft packs new'", file=str(root)
        )
    try:
        data = read_yaml(manifest_path, what="pack manifest")
    except IntentError as exc:
        raise PackError(str(exc), file=str(manifest_path)) from None
    if not isinstance(data, dict):
        raise PackError(f"{manifest_path}: the manifest must be a mapping of fields", file=str(manifest_path))
    try:
        manifest = Manifest.model_validate(data)
    except ValidationError as exc:
        raise _manifest_error(exc, manifest_path) from None
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
