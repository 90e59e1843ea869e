"""Build small packs on disk for the pack tests."""

from __future__ import annotations

import copy
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import BASE_INTENT

from askcraft._packs.discovery import clear_caches

#: A request every pack test can draft: Sam Lee, three people in banking.
INTENT: dict[str, Any] = copy.deepcopy(BASE_INTENT)

BODY = """\
{% block subject %}Three names in {{ industry }}?{% endblock %}
{% block body %}
Hi {{ recipient.first_name }},

{{ sender.reason|sentence }} Would you know {{ count|words }} people in {{ industry }} I could call?
No worries if nobody comes to mind.

Thanks,
{{ sender.signature }}
{% endblock %}
"""


def make_pack(
    parent: Path,
    name: str = "test-pack",
    *,
    templates: dict[str, str] | None = None,
    entries: list[dict[str, Any]] | None = None,
    folder: str | None = None,
    overrides: dict[str, Any] | None = None,
    **manifest: Any,
) -> Path:
    """Write a pack folder: a manifest plus template files; return its path."""
    root = parent / (folder or name)
    root.mkdir(parents=True)
    templates = {"request.j2": BODY} if templates is None else templates
    data: dict[str, Any] = {
        "name": name,
        "version": "1.0.0",
        "description": "A pack for tests.",
        "author": "Tests",
        "license": "MIT",
        "templates": entries
        if entries is not None
        else [{"kinds": "request", "goals": "job-leads", "variants": {"plain": "request.j2"}}],
    }
    data.update(manifest)
    data.update(overrides or {})
    (root / "pack.yaml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    for file, source in templates.items():
        path = root / file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source), encoding="utf-8")
    return root


@pytest.fixture(name="packs_dir")
def packs_dir_fixture(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the user pack folder at an empty temporary folder and forget cached packs."""
    folder = tmp_path / "user-packs"
    folder.mkdir()
    monkeypatch.setenv("ASKCRAFT_PACKS_DIR", str(folder))
    monkeypatch.delenv("ASKCRAFT_NO_PACK_AUTOLOAD", raising=False)
    clear_caches()
    yield folder
    clear_caches()
