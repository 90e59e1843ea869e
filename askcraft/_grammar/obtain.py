"""Obtaining LanguageTool: its release download (internet) or its artifacts on Maven Central (mvn).

The install is built in a temporary folder and renamed into place, so an interrupted
install never leaves a half-installed folder behind.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Collection
from importlib import resources
from pathlib import Path
from typing import Literal

from askcraft._errors import CheckerUnavailableError
from askcraft._grammar.config import (
    ENV_URL,
    VERSION,
    Installation,
    Progress,
    Route,
    file_lock,
    home,
    install_dir,
    logger,
    say,
)
from askcraft._grammar.java import find_java
from askcraft._grammar.maven import local_repository, settings_file

#: Language modules every Maven install has: English, and the three LanguageTool 6.8's server
#: needs at start-up (see pom.xml). Spanish is therefore always there.
BASE_LANGUAGES = ("en", "es", "ca", "pt")
#: A LanguageTool module code: "de", "fr", "pt", "zh", "de-DE" is taken as "de".
_MODULE = re.compile(r"^[a-z]{2,3}$")


def language_codes(languages: Collection[str]) -> tuple[str, ...]:
    """Return LanguageTool module codes for *languages* (BCP 47 tags or codes), or raise ValueError."""
    codes = []
    for language in languages:
        code = language.split("-", maxsplit=1)[0].strip().lower()
        if not _MODULE.match(code):
            raise ValueError(f"{language!r} is not a language code like de, fr or es")
        codes.append(code)
    return tuple(dict.fromkeys(codes))


def find_installation(version: str = VERSION) -> Installation | None:
    """Return the complete install of *version*, or None when there is none."""
    path = install_dir(version)
    marker = path / "install.json"
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    classpath = str(data.get("classpath", ""))
    entries = [path / part for part in classpath.split(os.pathsep) if part]
    if not entries or not all(_classpath_entry_exists(e) for e in entries):
        return None
    route = str(data.get("route", "?"))
    # A release download has every language; a Maven install, those it recorded (older: the base).
    languages = data.get("languages") or (["*"] if route == "download" else list(BASE_LANGUAGES))
    return Installation(
        path=path,
        version=str(data.get("version", version)),
        route=route,
        classpath=os.pathsep.join(str(e) for e in entries),
        languages=tuple(str(code) for code in languages),
    )


def _classpath_entry_exists(entry: Path) -> bool:
    if entry.name == "*":
        return any(entry.parent.glob("*.jar"))
    return entry.exists()


def install(
    *,
    force: bool = False,
    route: Route = "auto",
    progress: Progress | None = None,
    version: str = VERSION,
    languages: Collection[str] = (),
) -> Installation:
    """Install LanguageTool *version* unless it is already there; return the install.

    ``route="download"`` uses language-tool-python's release download (needs the
    internet), ``"maven"`` assembles English-only LanguageTool from Maven Central with
    ``mvn``, ``"auto"`` tries the download when its host answers and Maven otherwise.
    The install is built in a temporary folder and renamed into place, so an
    interrupted install never leaves a half-installed folder behind.

    *languages* (codes: ``de``, ``fr``) adds LanguageTool's module for each; an install that lacks
    one is rebuilt with it (Maven caches what it fetched before). A server already running keeps
    its old classpath: ``askcraft languagetool install --language`` stops it, so that the next
    check starts one with the new language.
    """
    wanted = language_codes(languages)
    existing = find_installation(version)
    if existing is not None and not force and all(existing.has_language(c) for c in wanted):
        say(progress, f"LanguageTool {version} is already installed in {existing.path}")
        return existing
    java, major = find_java()
    say(progress, f"Found Java {major} ({java})")
    root = home()
    root.mkdir(parents=True, exist_ok=True)
    with file_lock(root / ".install.lock"):
        existing = find_installation(version)
        if existing is not None and not force and all(existing.has_language(c) for c in wanted):
            return existing
        if existing is not None:  # keep the languages it had
            wanted = tuple(dict.fromkeys([*(c for c in existing.languages if c != "*"), *wanted]))
        chosen = _choose_route(route, version, progress)
        staging = Path(tempfile.mkdtemp(prefix=f".{version}-installing-", dir=root))
        staging.chmod(0o755)
        try:
            if chosen == "download":
                classpath = _install_download(staging, version, progress)
                recorded = ["*"]
            else:
                classpath = _install_maven(staging, version, progress, wanted)
                recorded = list(dict.fromkeys([*BASE_LANGUAGES, *wanted]))
            marker = {
                "version": version,
                "route": chosen,
                "classpath": classpath,
                "languages": recorded,
                "installed_at": time.time(),
            }
            (staging / "install.json").write_text(json.dumps(marker, indent=2), encoding="utf-8")
            _move_into_place(staging, install_dir(version))
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    installed = find_installation(version)
    if installed is None:  # pragma: no cover - the marker was just written
        raise CheckerUnavailableError(f"LanguageTool install in {install_dir(version)} is incomplete.")
    say(progress, f"Installed LanguageTool {version} in {installed.path} ({chosen} route)")
    return installed


def _move_into_place(staging: Path, target: Path) -> None:
    if target.exists():
        # Rename the old install aside first so the swap is two renames, not a copy.
        old = target.with_name(f".{target.name}-old-{os.getpid()}")
        target.rename(old)
        staging.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        staging.rename(target)


def _choose_route(route: Route, version: str, progress: Progress | None) -> Literal["download", "maven"]:
    if route in ("download", "maven"):
        return route
    url = _download_url(version)
    if url and _reachable(url):
        return "download"
    say(
        progress,
        f"The LanguageTool release download ({url or 'unknown URL'}) is not reachable; using Maven Central",
    )
    return "maven"


def _download_url(version: str) -> str | None:
    try:
        from language_tool_python.download_lt import LocalLanguageTool  # noqa: PLC0415
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    try:
        url: str = LocalLanguageTool.from_version_name(version).download_url
    except (ValueError, AttributeError):
        return None
    return url


def _reachable(url: str, timeout: float = 5.0) -> bool:
    request = urllib.request.Request(url, method="HEAD")  # noqa: S310  (an https release URL)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return bool(response.status < 400)
    except (urllib.error.URLError, OSError, ValueError):
        return False


def _install_download(staging: Path, version: str, progress: Progress | None) -> str:
    """Fetch the full release zip through language-tool-python into *staging*."""
    from language_tool_python.download_lt import LocalLanguageTool  # noqa: PLC0415

    local = LocalLanguageTool.from_version_name(version)
    say(progress, f"Downloading LanguageTool {version} from {local.download_url} (about 250 MB)")
    download_root = staging / "download"
    download_root.mkdir()
    previous = os.environ.get("LTP_PATH")
    # language-tool-python downloads into LTP_PATH; point it at our staging folder.
    os.environ["LTP_PATH"] = str(download_root)
    try:
        local.download()
    except Exception as exc:
        raise CheckerUnavailableError(f"Downloading LanguageTool {version} failed: {exc}") from exc
    finally:
        if previous is None:
            os.environ.pop("LTP_PATH", None)
        else:
            os.environ["LTP_PATH"] = previous
    unpacked = download_root / f"LanguageTool-{version}"
    if not (unpacked / "languagetool-server.jar").exists():
        raise CheckerUnavailableError(f"The LanguageTool {version} download has no languagetool-server.jar.")
    unpacked.rename(staging / "dist")
    shutil.rmtree(download_root, ignore_errors=True)
    return "dist/languagetool-server.jar"


def pom_text(version: str = VERSION, languages: Collection[str] = ()) -> str:
    """Return the Maven pom that lists LanguageTool's server artifacts, with a module per extra language."""
    template = resources.files("askcraft._grammar").joinpath("pom.xml").read_text(encoding="utf-8")
    modules = "".join(
        "    <dependency>\n      <groupId>org.languagetool</groupId>\n"
        f"      <artifactId>language-{code}</artifactId>\n"
        "      <version>${languagetool.version}</version>\n    </dependency>\n"
        for code in language_codes(languages)
        if code not in BASE_LANGUAGES
    )
    return template.replace("@LANGUAGETOOL_VERSION@", version).replace("@LANGUAGE_MODULES@\n", modules)


def _install_maven(
    staging: Path, version: str, progress: Progress | None, languages: Collection[str] = ()
) -> str:
    """Copy LanguageTool's server, its language modules and dependencies from Maven Central into *staging*."""
    mvn = shutil.which("mvn")
    if mvn is None:
        raise CheckerUnavailableError(
            "Installing LanguageTool from Maven Central needs Maven (`mvn`), which is not on PATH, and the "
            "release download is not reachable. Install Maven (e.g. `apt install maven`), or run "
            f"LanguageTool yourself and set {ENV_URL}."
        )
    build = staging / "maven"
    build.mkdir()
    (build / "pom.xml").write_text(pom_text(version, languages), encoding="utf-8")
    lib = staging / "lib"
    extra = [c for c in language_codes(languages) if c not in BASE_LANGUAGES]
    say(
        progress,
        f"Fetching LanguageTool {version} (English{''.join(', ' + c for c in extra)}) and its "
        f"dependencies from Maven Central with mvn (about 100 MB; cached in {local_repository()})",
    )
    cmd = [
        mvn,
        "-B",
        "-ntp",
        "dependency:copy-dependencies",
        f"-DoutputDirectory={lib}",
        "-DincludeScope=runtime",
    ]
    proc = subprocess.Popen(  # noqa: S603  (mvn from PATH, fixed arguments)
        cmd, cwd=build, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, stdin=subprocess.DEVNULL
    )
    tail: list[str] = []
    copied = 0
    assert proc.stdout is not None
    for raw in proc.stdout:
        line = raw.rstrip()
        tail = [*tail[-29:], line]
        if "Copying " in line:
            copied += 1
            if copied % 20 == 0:
                say(progress, f"Copied {copied} jars")
        elif line.startswith(("[INFO] Downloading from", "Downloading from")):
            logger.debug("%s", line)
    rc = proc.wait()
    if rc != 0:
        detail = "\n".join(line for line in tail if "ERROR" in line)[-1500:] or "\n".join(tail[-10:])
        raise CheckerUnavailableError(
            f"`mvn dependency:copy-dependencies` failed (exit {rc}) while fetching LanguageTool {version} "
            f"from Maven Central:\n{detail}\nCheck that Maven can reach https://repo.maven.apache.org "
            f"(proxy settings in {settings_file()})."
        )
    jars = list(lib.glob("*.jar"))
    if not any(j.name.startswith("languagetool-server-") for j in jars):
        raise CheckerUnavailableError(f"mvn finished but no languagetool-server jar was copied into {lib}.")
    say(progress, f"Copied {len(jars)} jars ({sum(j.stat().st_size for j in jars) / 1e6:.0f} MB)")
    shutil.rmtree(build, ignore_errors=True)
    return str(Path("lib") / "*")
