"""Load an intent from a YAML file."""

from __future__ import annotations

from pathlib import Path

from askcraft._errors import IntentError
from askcraft._intent.model import Intent
from askcraft._yaml import read_yaml


def load_intent(path: str | Path) -> Intent:
    """Load and validate an intent from a YAML file."""
    data = read_yaml(path, what="intent file")
    if data is None:
        raise IntentError(
            f"{path}: the file is empty; write the intent as YAML (see examples/intents/)", source=str(path)
        )
    return Intent.parse(data, source=str(path))
