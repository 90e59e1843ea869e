"""The wheel: built from the repo, installed in a fresh venv, it drafts with the templates inside it."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from venvkit import copy_repo, make_venv

from askcraft.packs import builtin_pack

REPO = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow

SCRIPT = """\
import json, sys
import askcraft
from askcraft.packs import builtin_pack
result = askcraft.draft(
    {"kind": "request", "goal": "job-leads", "industry": "banking", "count": 3,
     "recipient": {"name": "Sam Lee", "relationship": "former-colleague"},
     "sender": {"name": "Alex Kim", "reason": "I want to put my math degree to work in finance"}},
    check=False,
)
print(json.dumps({"askcraft": askcraft.__file__, "pack_root": str(builtin_pack().root.resolve()),
                  "body": result.body, "provenance": result.provenance.to_dict()}))
"""


def _run(
    argv: list[str], *, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        argv, capture_output=True, text=True, encoding="utf-8", cwd=cwd, env=env, timeout=600, check=False
    )
    assert proc.returncode == 0, f"{argv} failed:\n{proc.stdout}\n{proc.stderr}"
    return proc


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Build the wheel and install it into a fresh virtual environment; return (wheel, python)."""
    root = tmp_path_factory.mktemp("wheel")
    dist = root / "dist"
    source = copy_repo(root / "src")
    _run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(source)],
        cwd=root,
    )
    (wheel,) = dist.glob("askcraft-*.whl")
    python = make_venv(root / "venv")
    _run([str(python), "-m", "pip", "install", "--no-deps", "--no-index", "--quiet", str(wheel)], cwd=root)
    return wheel, python


def _clean_env() -> dict[str, str]:
    """Return an environment in which the repo cannot be imported by accident."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME", "PYTHONSAFEPATH"}}
    env["PYTHONNOUSERSITE"] = "1"
    return env


def test_wheel_contains_the_builtin_pack(installed: tuple[Path, Path]) -> None:
    """The wheel holds pack.yaml, the macros and every template as real files (not a symlink)."""
    wheel, _ = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "askcraft/templates/pack.yaml" in names
    assert "askcraft/templates/_asks.j2" in names
    assert "askcraft/py.typed" in names
    for kind in ("request", "reminder", "thank-you"):
        # Requests go by letter, text and connection note; follow-ups by letter and text.
        least = 9 if kind == "request" else 6
        shipped = [n for n in names if n.startswith(f"askcraft/templates/{kind}/") and n.endswith(".j2")]
        assert len(shipped) >= least
    repo_templates = sorted(
        p.relative_to(REPO / "templates").as_posix() for p in (REPO / "templates").rglob("*.j2")
    )
    for template in repo_templates:
        assert f"askcraft/templates/{template}" in names


def test_installed_package_drafts_from_outside_the_repo(installed: tuple[Path, Path], tmp_path: Path) -> None:
    """A script run from a temp folder imports the installed askcraft and finds its own templates."""
    _, python = installed
    proc = _run([str(python), "-c", SCRIPT], cwd=tmp_path, env=_clean_env())
    data = json.loads(proc.stdout)
    site = Path(data["askcraft"]).resolve()
    assert not site.is_relative_to(REPO), site
    pack_root = Path(data["pack_root"])
    assert not pack_root.is_relative_to(REPO), pack_root
    assert pack_root.is_relative_to(site.parent)
    assert "three people in banking" in data["body"]
    assert data["provenance"]["pack"] == "builtin"
    assert data["provenance"]["askcraft_version"] != "0+unknown"


def test_installed_cli_drafts(installed: tuple[Path, Path], tmp_path: Path) -> None:
    """`python -m askcraft draft ... --no-check` works from the installed package."""
    _, python = installed
    command = (
        "draft request --to 'Sam Lee' --relationship former-colleague --goal job-leads --industry banking"
        " --count 3 --from 'Alex Kim' --reason 'I want to put my math degree to work in finance'"
        " --no-check --format json"
    )
    proc = _run(
        [str(python), "-m", "askcraft", *shlex.split(command)],
        cwd=tmp_path,
        env=_clean_env(),
    )
    data = json.loads(proc.stdout)
    assert "three people in banking" in data["body"]
    assert data["provenance"]["source"] == "builtin"
    console = python.parent / "askcraft"
    assert console.is_file()
    proc = _run([str(console), "--help"], cwd=tmp_path, env=_clean_env())
    assert "draft" in proc.stdout


def test_same_content_hash_as_the_source_tree(installed: tuple[Path, Path], tmp_path: Path) -> None:
    """The installed pack is byte-for-byte the repo's templates: same content hash."""
    _, python = installed
    proc = _run([str(python), "-c", SCRIPT], cwd=tmp_path, env=_clean_env())
    installed_hash = json.loads(proc.stdout)["provenance"]["content_hash"]
    assert installed_hash == builtin_pack().content_hash


WEB_SCRIPT = """\
import json
import askcraft._web
from starlette.testclient import TestClient
from askcraft._web.app import create_app
from askcraft._web.security import Secrets
keys = Secrets.new(8767)
client = TestClient(create_app(keys), base_url="http://127.0.0.1:8767")
client.get("/?token=" + keys.token)
pages = {path: client.get(path).status_code for path in
         ["/draft", "/check", "/packs", "/static/askcraft.css", "/static/askcraft.js", "/static/favicon.svg"]}
print(json.dumps({"web": askcraft._web.__file__, "pages": pages}))
"""


def test_the_web_page_ships_in_the_wheel(installed: tuple[Path, Path], tmp_path: Path) -> None:
    """askcraft serve's templates, stylesheet and script are in the wheel; the installed app serves them."""
    wheel, python = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    web = REPO / "askcraft" / "_web"
    shipped = [p.relative_to(REPO).as_posix() for p in (web / "templates").iterdir()]
    shipped += [p.relative_to(REPO).as_posix() for p in (web / "static").iterdir()]
    assert {"askcraft/_web/static/askcraft.js", "askcraft/_web/templates/draft.html"} <= set(shipped)
    assert sorted(set(shipped) - names) == []
    proc = _run([str(python), "-c", WEB_SCRIPT], cwd=tmp_path, env=_clean_env())
    data = json.loads(proc.stdout)
    assert not Path(data["web"]).resolve().is_relative_to(REPO)
    assert set(data["pages"].values()) == {200}, data["pages"]
