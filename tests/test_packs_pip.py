"""A pack published as a pip package is found through its entry point, in a fresh virtual environment."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from venvkit import copy_repo, make_venv

ROOT = Path(__file__).resolve().parents[1]
PROJECT = ROOT / "examples" / "packs" / "askcraft-pack-favours"

DRAFT = """
import json, sys
import askcraft
result = askcraft.draft(
    {"kind": "request", "goal": "favour", "details": "look over my CV",
     "recipient": {"name": "Sam Lee", "relationship": "friend"},
     "sender": {"name": "Alex Kim", "reason": "I'm applying for a data analyst role"}},
    check=False,
)
print(json.dumps({
    "provenance": result.provenance.to_dict(),
    "body": result.body,
    "imported": "askcraft_pack_favours" in sys.modules,
    "askcraft": askcraft.__file__,
}))
"""


BACKEND_CHECK = """
import sys
from importlib.metadata import PackageNotFoundError, version
try:
    ok = int(version("setuptools").split(".")[0]) >= 69 and bool(version("wheel"))
except PackageNotFoundError:
    ok = False
sys.exit(0 if ok else 1)
"""


def _ensure_build_backend(python: Path, cwd: Path) -> None:
    """Give the venv the build backend pyproject.toml names, when the system one is too old."""
    if subprocess.run([str(python), "-c", BACKEND_CHECK], check=False, cwd=cwd).returncode != 0:
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "setuptools>=69", "wheel"], check=True, cwd=cwd
        )


@pytest.mark.slow
def test_pip_installed_pack_is_used_for_a_draft(tmp_path: Path) -> None:
    """pip-installing the example pack project registers it; a draft uses it without importing it."""
    venv = tmp_path / "venv"
    python = make_venv(venv)
    repo = copy_repo(tmp_path / "askcraft-src")
    project = tmp_path / "pack-src"
    shutil.copytree(PROJECT, project)
    _ensure_build_backend(python, tmp_path)
    pip = [str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation"]
    subprocess.run([*pip, str(repo), str(project)], check=True, cwd=tmp_path)

    env = {**os.environ, "ASKCRAFT_PACKS_DIR": str(tmp_path / "no-user-packs")}
    env.pop("ASKCRAFT_NO_PACK_AUTOLOAD", None)
    env.pop("PYTHONPATH", None)
    out = subprocess.run(
        [str(python), "-c", DRAFT], check=True, capture_output=True, text=True, cwd=tmp_path, env=env
    ).stdout
    result = json.loads(out)
    assert result["askcraft"].startswith(str(venv))  # the copy installed in the venv, not the checkout
    assert result["provenance"]["pack"] == "favours"
    assert result["provenance"]["source"] == "entry-point"
    assert "Could you look over my CV when you have a moment?" in result["body"]
    assert result["imported"] is False  # found from the distribution's files, never imported

    listed = subprocess.run(
        [str(python), "-m", "askcraft", "packs", "list", "--format", "json"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    ).stdout
    rows = {row["name"]: row for row in json.loads(listed)}
    assert rows["favours"]["source"] == "entry-point"
    assert "askcraft-pack-favours 1.0.0" in rows["favours"]["origin"]

    no_autoload = {**env, "ASKCRAFT_NO_PACK_AUTOLOAD": "1"}
    out = subprocess.run(
        [str(python), "-c", DRAFT], check=True, capture_output=True, text=True, cwd=tmp_path, env=no_autoload
    )
    assert json.loads(out.stdout)["provenance"]["pack"] == "builtin"
