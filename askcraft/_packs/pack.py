"""Template packs: a manifest (``pack.yaml``) plus Jinja templates, loaded as untrusted data."""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Callable, Iterable
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

import jinja2
from pydantic import ValidationError

from askcraft._errors import PackError
from askcraft._intent.model import Intent
from askcraft._packs.files import PackFiles, ignored, read_pack_file, scan_pack
from askcraft._packs.manifest import (
    BUILTIN_NAME,
    INSTALL_RECORD,
    MAX_TEMPLATE_BYTES,
    PACK_NAME,
    FieldSpec,
    Manifest,
    Requirement,
    Source,
    TemplateEntry,
    askcraft_version,
    check_relative,
    manifest_error,
    read_manifest,
    version_at_least,
)
from askcraft._yaml import yaml_line

if TYPE_CHECKING:
    from askcraft._checks.context import CheckContext
    from askcraft._checks.findings import Finding
    from askcraft._checks.rules.base import Rule


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
    """Load templates from one pack's files only: no absolute paths, no '..', no links, nothing too big."""

    def __init__(self, files: PackFiles, pack: str) -> None:
        self.files = files
        self.pack = pack

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        try:
            check_relative(template)
        except ValueError as exc:
            raise PackError(f"pack '{self.pack}': {exc}", pack=self.pack, file=template) from None
        rel = PurePosixPath(template).as_posix()
        if ignored(rel):
            raise jinja2.TemplateNotFound(template)
        try:
            data = read_pack_file(self.files, rel, MAX_TEMPLATE_BYTES)
        except FileNotFoundError:
            raise jinja2.TemplateNotFound(template) from None
        except PackError as exc:
            if "larger than" in str(exc):
                raise PackError(
                    f"pack '{self.pack}', {template}: larger than {MAX_TEMPLATE_BYTES // 1024} KB; "
                    "a template is a message, not a book",
                    pack=self.pack,
                    file=template,
                ) from None
            raise PackError(f"pack '{self.pack}': {exc}", pack=self.pack, file=template) from None
        try:
            source = data.decode("utf-8")
        except UnicodeDecodeError:
            raise PackError(
                f"pack '{self.pack}', {template}: not UTF-8 text", pack=self.pack, file=template
            ) from None
        return source, template, lambda: True


class Pack:
    """A loaded template pack."""

    def __init__(
        self, root: Path, manifest: Manifest, *, source: Source = "path", files: PackFiles | None = None
    ) -> None:
        self.root = root
        self.files = files if files is not None else scan_pack(root)
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
        """Return a sha256 over every file in the pack (paths and bytes), for provenance.

        The files are those found when the pack was loaded, read without following links
        and never more than a pack may hold; computed once per loaded pack.
        """
        digest = hashlib.sha256()
        names = (rel for rel in self.files.files if rel != INSTALL_RECORD)
        for rel in sorted(names, key=lambda rel: PurePosixPath(rel).parts):
            digest.update(rel.encode() + b"\0")
            digest.update(read_pack_file(self.files, rel) + b"\0")
        return "sha256:" + digest.hexdigest()

    @cached_property
    def loader(self) -> jinja2.BaseLoader:
        """Return the loader that reads this pack's templates and nothing outside it."""
        return _PackLoader(self.files, self.name)

    @cached_property
    def environment(self) -> jinja2.Environment:
        """Return this pack's sandboxed Jinja environment (created on first use)."""
        if self.source == "builtin":  # askcraft's own templates: see _packs/trusted.py
            from askcraft._packs.trusted import make_trusted_environment  # noqa: PLC0415

            return make_trusted_environment(self.loader)
        from askcraft._packs.sandbox import make_environment  # noqa: PLC0415

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
        from askcraft._packs.tone_rules import load_tone_rules  # noqa: PLC0415

        return load_tone_rules(self.files, self.name, self.manifest.tone_rules)

    def tone_findings(self, ctx: CheckContext) -> list[Finding]:
        """Return the findings of this pack's own tone rules on a message."""
        from askcraft._packs.tone_rules import run_tone_rules  # noqa: PLC0415

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
        from askcraft._render.context import variant_index  # noqa: PLC0415

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


#: Packs loaded from folders, reused while none of their files changes (so each is hashed once).
_loaded: dict[tuple[Path, str], tuple[tuple[tuple[str, int, int, int], ...], Pack]] = {}
_LOADED_KEPT = 32


def load_pack(path: str | os.PathLike[str], *, source: Source = "path") -> Pack:
    """Load a pack from a folder containing ``pack.yaml``.

    The folder is walked first and refused if it holds a link or anything but plain files and
    folders (``askcraft/_packs/files.py``). A folder loaded before whose files are unchanged
    gives the same pack again, so its content hash is computed once.
    """
    root = Path(path)
    files = scan_pack(root)
    key = (files.root, f"{source}:{root}")
    hit = _loaded.get(key)
    if hit is not None and hit[0] == files.signature:
        return hit[1]
    manifest_path, data, text = read_manifest(files)
    # The name is shown in the error only when it is a valid one (no newline or terminal control).
    given = data.get("name")
    name = given if isinstance(given, str) and PACK_NAME.fullmatch(given) else None
    try:
        manifest = Manifest.model_validate(data)
    except ValidationError as exc:
        raise manifest_error(exc, manifest_path, text, name) from None
    if manifest.name == BUILTIN_NAME and files.root != Path(os.path.realpath(builtin_root())):
        raise PackError(
            f"pack at {root}: the name '{BUILTIN_NAME}' belongs to askcraft's own pack; choose another",
            pack=manifest.name,
            file=str(manifest_path),
            line=yaml_line(text, ["name"]),
        )
    have = askcraft_version()
    if not version_at_least(have, manifest.min_askcraft_version):
        raise PackError(
            f"pack '{manifest.name}' ({manifest_path}, line {yaml_line(text, ['min_askcraft_version'])}) "
            f"needs askcraft {manifest.min_askcraft_version} or newer; you have {have}. "
            "Upgrade with: pip install -U askcraft",
            pack=manifest.name,
            file=str(manifest_path),
            line=yaml_line(text, ["min_askcraft_version"]),
        )
    pack = Pack(root, manifest, source=source, files=files)
    if len(_loaded) >= _LOADED_KEPT:
        _loaded.pop(next(iter(_loaded)))
    _loaded[key] = (files.signature, pack)
    return pack


def builtin_root() -> Path:
    """Return the folder of the built-in pack, inside the installed package."""
    return Path(__file__).parent.parent / "templates"


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
