"""Where Maven keeps what it downloads, as Maven itself decides it (for messages that name it).

Maven's ``~`` is Java's ``user.home``: the account's home folder from the password database,
not ``$HOME``. Its local repository is ``<user.home>/.m2/repository`` unless
``-Dmaven.repo.local`` (in ``MAVEN_ARGS`` or ``MAVEN_OPTS``) or a ``<localRepository>`` in the
user's ``settings.xml`` says otherwise.
"""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

_REPO_FLAG = re.compile(r"^-Dmaven\.repo\.local=(.+)$")
_LOCAL_REPOSITORY = re.compile(r"<localRepository>\s*([^<]+?)\s*</localRepository>")


def user_home() -> Path:
    """Return Java's ``user.home``: the account's home folder (``$HOME`` only where there is no account)."""
    try:
        import pwd  # noqa: PLC0415  (POSIX only)

        return Path(pwd.getpwuid(os.getuid()).pw_dir)
    except (ImportError, KeyError, OSError):
        return Path.home()


def settings_file(home: Path | None = None) -> Path:
    """Return the user's Maven settings file (where proxies and mirrors are set)."""
    return (home or user_home()) / ".m2" / "settings.xml"


def local_repository(home: Path | None = None) -> Path:
    """Return the folder Maven caches downloads in, as Maven would choose it."""
    home = home or user_home()
    for variable in ("MAVEN_ARGS", "MAVEN_OPTS"):
        try:
            words = shlex.split(os.environ.get(variable, ""))
        except ValueError:
            continue
        for word in words:
            found = _REPO_FLAG.match(word)
            if found:
                return Path(found.group(1).replace("${user.home}", str(home))).expanduser()
    try:
        settings = settings_file(home).read_text(encoding="utf-8", errors="replace")
    except OSError:
        settings = ""
    configured = _LOCAL_REPOSITORY.search(re.sub(r"<!--.*?-->", "", settings, flags=re.DOTALL))
    if configured:
        return Path(configured.group(1).replace("${user.home}", str(home)))
    return home / ".m2" / "repository"
