"""A broken install (a dependency not installed) says which package to install, never "template error"."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from askcraft._errors import DEPENDENCIES, AskcraftError, MissingDependencyError, missing_dependency

REPO = Path(__file__).resolve().parent.parent

#: Put before the code a subprocess runs: the listed top-level modules behave as if not installed.
BLOCKER = """
import sys
BLOCKED = set({blocked!r})
class _Blocker:
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
        return None
sys.meta_path.insert(0, _Blocker())
"""

CLI = "from askcraft._cli import main\nsys.exit(main(sys.argv[1:]))\n"

REQUEST = [
    "draft",
    "request",
    "--to",
    "Sam Lee",
    "--relationship",
    "former-colleague",
    "--goal",
    "job-leads",
    "--industry",
    "banking",
    "--count",
    "3",
    "--from",
    "Alex Kim",
    "--reason",
    "I want to put my maths degree to work in finance",
    "--no-check",
]


def _without(modules: list[str], code: str, *argv: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "ASKCRAFT_LANGUAGETOOL_URL": "http://127.0.0.1:9"}
    return subprocess.run(
        [sys.executable, "-c", BLOCKER.format(blocked=modules) + code, *argv],
        capture_output=True,
        text=True,
        input=stdin,
        env=env,
        cwd=REPO,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("module", "argv"),
    [
        ("inflect", REQUEST),
        ("inflect", ["packs", "test", "askcraft/templates"]),
        ("inflect", ["packs", "lint", "askcraft/templates"]),
        ("pydantic", REQUEST),
        ("pydantic", ["schema", "intent"]),
        ("yaml", ["check", "-", "--no-grammar"]),
        ("yaml", ["draft", "request", "--intent", "examples/intents/request-job-leads.yaml"]),
        ("jinja2", REQUEST),
        ("click", ["--help"]),
        ("click", REQUEST),
        ("rich", ["packs", "list"]),
        ("rich", ["check", "-", "--no-grammar"]),
        ("icalendar", [*REQUEST, "--format", "ics"]),
        ("platformdirs", ["languagetool", "path"]),
        ("platformdirs", ["languagetool", "status"]),
        ("pyphen", ["check", "-", "--no-grammar"]),
    ],
)
def test_the_cli_names_the_missing_package(module: str, argv: list[str]) -> None:
    """Every command that needs a missing package says which one and how to install it: exit 2."""
    proc = _without([module], CLI, *argv, stdin="Could you send me the names of two people?\n")
    package = DEPENDENCIES[module]
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip() == (
        f"error: askcraft needs the Python package '{package}', which is not installed: "
        f"run `python -m pip install {package}` or reinstall askcraft"
    )
    assert proc.stdout == ""


def test_the_release_download_names_language_tool_python(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """language-tool-python is askcraft's route to the release download (checks go through askcraft's
    own client): without it, that route says which package to install, exit 2."""
    monkeypatch.setenv("ASKCRAFT_LANGUAGETOOL_HOME", str(tmp_path))
    proc = _without(["language_tool_python"], CLI, "languagetool", "install", "--from", "download")
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip().splitlines()[-1] == (
        "error: askcraft needs the Python package 'language-tool-python', which is not installed: "
        "run `python -m pip install language-tool-python` or reinstall askcraft"
    )
    assert [p.name for p in tmp_path.iterdir() if p.name != ".install.lock"] == []  # nothing half-installed


def test_a_missing_dependency_of_a_dependency_says_reinstall() -> None:
    """A module askcraft does not import itself (pydantic's core) still reads as an install problem."""
    proc = _without(["pydantic_core"], CLI, *REQUEST)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip() == (
        "error: askcraft needs the Python module 'pydantic_core', which is not installed: reinstall askcraft"
    )


def test_python_m_askcraft_without_click() -> None:
    """`python -m askcraft` itself, with click missing, prints one line instead of a traceback."""
    code = "import runpy\nrunpy.run_module('askcraft', run_name='__main__')\n"
    proc = _without(["click"], code, "--help")
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "'click', which is not installed" in proc.stderr


LIBRARY_DRAFT = """
import askcraft
from askcraft._errors import MissingDependencyError
try:
    intent = askcraft.Intent(
        kind="request", goal="job-leads", industry="banking", count=3,
        recipient={"name": "Sam Lee", "relationship": "friend"},
        sender={"name": "Alex Kim", "reason": "I want to work with numbers"},
    )
    draft = askcraft.draft(intent, check=False)
    draft.to_ics()
except MissingDependencyError as exc:
    assert isinstance(exc, askcraft.AskcraftError) and isinstance(exc, ImportError)
    assert not isinstance(exc, askcraft.PackError)
    print(type(exc).__name__, exc.package, exc, sep="|")
"""


@pytest.mark.parametrize("module", ["inflect", "icalendar", "pydantic"])
def test_the_library_raises_a_missing_dependency_error(module: str) -> None:
    """askcraft.draft (a render filter, the .ics exporter, the lazy names) raises MissingDependencyError."""
    proc = _without([module], LIBRARY_DRAFT)
    assert proc.returncode == 0, proc.stderr
    name, package, message = proc.stdout.strip().split("|")
    assert name == "MissingDependencyError"
    assert package == DEPENDENCIES[module]
    assert message.startswith(f"askcraft needs the Python package '{package}', which is not installed")


def test_an_unusable_version_says_upgrade() -> None:
    """An ImportError from inside an installed dependency (too old, broken) says to upgrade it."""
    exc = ImportError("cannot import name 'TypeAdapter' from 'pydantic'", name="pydantic")
    problem = missing_dependency(exc)
    assert isinstance(problem, MissingDependencyError)
    assert str(problem) == (
        "askcraft cannot use the installed Python package 'pydantic' (cannot import name 'TypeAdapter' "
        "from 'pydantic'): run `python -m pip install --upgrade pydantic` or reinstall askcraft"
    )


@pytest.mark.parametrize(
    "exc",
    [
        ModuleNotFoundError("No module named 'askcraft._nowhere'", name="askcraft._nowhere"),
        ImportError("cannot import name 'x' from 'askcraft._errors'", name="askcraft._errors"),
        ImportError("something odd"),
    ],
)
def test_askcrafts_own_import_errors_stay_bugs(exc: ImportError) -> None:
    """An import error inside askcraft itself is a bug to report, not a package to install."""
    assert missing_dependency(exc) is None


def test_the_dependency_table_matches_pyproject() -> None:
    """Every dependency in pyproject.toml has an import name in DEPENDENCIES, and nothing else does."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {
        dep.split(";")[0].split("[")[0].split(">")[0].split("=")[0].split("<")[0].strip().lower()
        for dep in project["dependencies"]
    }
    assert set(DEPENDENCIES.values()) == declared


def test_missing_dependency_error_is_internal() -> None:
    """The new error class is not part of the public surface."""
    import askcraft  # noqa: PLC0415

    assert "MissingDependencyError" not in askcraft.__all__
    assert issubclass(MissingDependencyError, AskcraftError)
