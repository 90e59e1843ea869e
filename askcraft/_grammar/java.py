"""Finding a Java 17+ runtime for LanguageTool."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from askcraft._errors import CheckerUnavailableError
from askcraft._grammar.config import ENV_URL, FIX_HINT, MIN_JAVA, VERSION


def find_java() -> tuple[str, int]:
    """Return the java command and its major version; raise if Java 17+ is missing."""
    candidates: list[str] = []
    java_home = os.environ.get("JAVA_HOME", "").strip()
    if java_home and (Path(java_home) / "bin" / "java").exists():
        candidates.append(str(Path(java_home) / "bin" / "java"))
    on_path = shutil.which("java")
    if on_path:
        candidates.append(on_path)
    if not candidates:
        raise CheckerUnavailableError(
            f"LanguageTool needs Java {MIN_JAVA} or newer, but no `java` command was found on PATH "
            "(and JAVA_HOME is not set). Install a Java runtime, e.g. `apt install openjdk-17-jre-headless` "
            f"or https://adoptium.net, or set {ENV_URL} to a LanguageTool server you run."
        )
    java = candidates[0]
    try:
        result = subprocess.run(  # noqa: S603  (a java binary found on PATH/JAVA_HOME)
            [java, "-version"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise CheckerUnavailableError(f"Could not run `{java} -version`: {exc}. {FIX_HINT}") from exc
    major = parse_java_version(result.stderr + result.stdout)
    if major is None:
        raise CheckerUnavailableError(
            f"Could not tell which Java `{java}` is (`java -version` said: "
            f"{(result.stderr or result.stdout).strip()[:200]!r}). LanguageTool needs Java {MIN_JAVA}+."
        )
    if major < MIN_JAVA:
        raise CheckerUnavailableError(
            f"LanguageTool {VERSION} needs Java {MIN_JAVA} or newer, but `{java}` is Java {major}. "
            f"Install Java {MIN_JAVA}+ and put it first on PATH (or set JAVA_HOME)."
        )
    return java, major


def parse_java_version(text: str) -> int | None:
    """Return the major Java version from ``java -version`` output (8 for "1.8.0")."""
    match = re.search(r'version "(\d+)(?:\.(\d+))?', text)
    if not match:
        return None
    first = int(match.group(1))
    if first == 1 and match.group(2):
        return int(match.group(2))
    return first
