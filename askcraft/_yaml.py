"""YAML in askcraft: fast safe loading of its own data, and careful loading of users' files.

User files (intents, pack manifests, tone rules) go through ``read_yaml``/``parse_yaml``: a safe
loader that refuses duplicate keys, with errors that name the file and line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from askcraft._errors import IntentError

#: libyaml's safe loader when PyYAML was built with it (about ten times faster), else PyYAML's own.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """Parse YAML with a safe loader (no tags that build Python objects)."""
    return yaml.load(text, Loader=_SafeLoader)  # noqa: S506  (a safe loader)


class _NoDuplicatesLoader(yaml.SafeLoader):
    """A safe loader that refuses duplicate keys instead of silently keeping the last one."""


def construct_mapping(loader: _NoDuplicatesLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node)


_NoDuplicatesLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    construct_mapping,
)


def read_yaml(path: str | Path, *, what: str = "file") -> Any:
    """Read one YAML document safely, with errors that name the file and line."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise IntentError(f"{path}: no such {what}; check the path", source=str(path)) from None
    except IsADirectoryError:
        raise IntentError(f"{path}: is a folder, not a YAML {what}", source=str(path)) from None
    except OSError as exc:
        raise IntentError(f"{path}: cannot read it ({exc.strerror})", source=str(path)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IntentError(
            f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8 and try again", source=str(path)
        ) from None
    return parse_yaml(text, source=str(path))


def parse_yaml(text: str, *, source: str = "<string>") -> Any:
    """Parse YAML text with the safe loader; map errors to IntentError with the line."""
    try:
        return yaml.load(text, Loader=_NoDuplicatesLoader)  # noqa: S506 (a SafeLoader subclass)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f", line {mark.line + 1}" if mark is not None else ""
        problem = exc.problem or "invalid YAML"
        if "python/" in str(problem) or "could not determine a constructor" in str(problem):
            problem = f"{problem} (tags such as !!python/... are not allowed in intents)"
        raise IntentError(f"{source}{line}: {problem}", source=source) from None
    except yaml.YAMLError as exc:
        raise IntentError(f"{source}: invalid YAML ({exc})", source=source) from None
