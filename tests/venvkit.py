"""A fresh virtual environment that sees the packages of the interpreter running the tests.

``venv --system-site-packages`` gives a new venv the *base* interpreter's packages. When the
tests themselves run inside a venv (as a user runs them), that is the wrong set: askcraft's
dependencies live in the outer venv. Instead, the new venv gets a ``.pth`` file listing the
running interpreter's site folders. Lines of a ``.pth`` file are appended to ``sys.path`` after
the new venv's own site-packages, so what is installed into the new venv wins, and the ``.pth``
files in the listed folders (such as an editable install's finder) are not run.
"""

from __future__ import annotations

import shutil
import site
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def outer_site_dirs() -> list[str]:
    """Return the site-packages folders of the running interpreter (venv first, then base)."""
    dirs = list(site.getsitepackages())
    if site.ENABLE_USER_SITE and site.getusersitepackages():
        dirs.append(site.getusersitepackages())
    return [d for d in dict.fromkeys(dirs) if Path(d).is_dir()]


def make_venv(path: Path) -> Path:
    """Create a venv at *path* that also sees the running interpreter's packages; return its python."""
    subprocess.run([sys.executable, "-m", "venv", str(path)], check=True)
    python = path / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(purelib, "_outer_site.pth").write_text("\n".join(outer_site_dirs()) + "\n", encoding="utf-8")
    return python


def copy_repo(dest: Path) -> Path:
    """Copy what the wheel is built from into *dest*: building there leaves the checkout clean, and a
    stale build/ folder in the checkout cannot leak old files into the wheel."""
    dest.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, dest / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    # askcraft/templates is a symlink to ../templates: copy both as they are.
    shutil.copytree(REPO / "templates", dest / "templates", symlinks=True, ignore=ignore)
    shutil.copytree(REPO / "askcraft", dest / "askcraft", symlinks=True, ignore=ignore)
    return dest
