"""Read askcraft's own YAML data files quickly and safely."""

from __future__ import annotations

from typing import Any

import yaml

#: libyaml's safe loader when PyYAML was built with it (about ten times faster), else PyYAML's own.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """Parse YAML with a safe loader (no tags that build Python objects)."""
    return yaml.load(text, Loader=_SafeLoader)  # noqa: S506  (a safe loader)
