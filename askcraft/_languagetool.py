"""LanguageTool management: obtain it, start one local server, reuse it, stop it.

askcraft runs LanguageTool as a local HTTP server bound to 127.0.0.1 and shares it
between calls in a process and between CLI invocations (its pid and port are kept in
a small record in the user runtime folder). Nothing here prints: progress goes to a
callback and to the ``askcraft.languagetool`` logger.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import http.client
import json
import logging
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import warnings
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import platformdirs

from askcraft import _lt_watchdog
from askcraft._errors import CheckerUnavailableError

VERSION = "6.8"
MIN_JAVA = 17
MAIN_CLASS = "org.languagetool.server.HTTPServer"

ENV_URL = "ASKCRAFT_LANGUAGETOOL_URL"
ENV_SWITCH = "ASKCRAFT_LANGUAGETOOL"
ENV_HOME = "ASKCRAFT_LANGUAGETOOL_HOME"
ENV_RUNTIME = "ASKCRAFT_LANGUAGETOOL_RUNTIME_DIR"
ENV_AUTO_INSTALL = "ASKCRAFT_LANGUAGETOOL_AUTO_INSTALL"
ENV_IDLE = "ASKCRAFT_LANGUAGETOOL_IDLE_MINUTES"
ENV_JAVA_OPTS = "ASKCRAFT_LANGUAGETOOL_JAVA_OPTS"
ENV_START_TIMEOUT = "ASKCRAFT_LANGUAGETOOL_START_TIMEOUT"

DEFAULT_IDLE_MINUTES = 30.0
DEFAULT_START_TIMEOUT = 120.0
DEFAULT_JAVA_OPTS = ("-Xmx1g", "-Djava.net.preferIPv4Stack=true")
#: Server properties: cache repeated sentences and keep analysis pipelines warm.
SERVER_PROPERTIES = {
    "cacheSize": "2000",
    "pipelineCaching": "true",
    "maxPipelinePoolSize": "50",
    "pipelineExpireTimeInSeconds": "3600",
    "maxCheckThreads": "4",
}
_FIX_HINT = (
    f"Run `python -m askcraft languagetool install`, set {ENV_URL} to a LanguageTool server you run, "
    "or skip grammar with --no-grammar / grammar=False."
)

logger = logging.getLogger("askcraft.languagetool")
# A library logs but never prints: without this, warnings would reach stderr through
# logging's last-resort handler when the application configured no logging.
logger.addHandler(logging.NullHandler())

Progress = Callable[[str], None]
Route = Literal["auto", "download", "maven"]


@dataclasses.dataclass(frozen=True)
class Installation:
    """A complete LanguageTool install: where it is and how to start it."""

    path: Path
    version: str
    route: str
    classpath: str

    def size_bytes(self) -> int:
        """Return the disk space the install takes."""
        return sum(p.stat().st_size for p in self.path.rglob("*") if p.is_file())


@dataclasses.dataclass(frozen=True)
class Server:
    """A LanguageTool server askcraft can send checks to."""

    url: str
    pid: int | None = None
    port: int | None = None
    version: str | None = None
    #: False for a server the user runs (``ASKCRAFT_LANGUAGETOOL_URL``).
    managed: bool = True
    #: Minutes without checks before an implicitly started server stops (0: never).
    idle_minutes: float = 0.0
    started_at: float = 0.0
    log: str | None = None

    @property
    def check_url(self) -> str:
        """Return the base URL that language-tool-python's ``remote_server=`` expects."""
        return self.url


def _say(progress: Progress | None, message: str) -> None:
    logger.info("%s", message)
    if progress is not None:
        progress(message)


# --------------------------------------------------------------------------- locations


def switched_off() -> bool:
    """Return whether the user switched LanguageTool off (``ASKCRAFT_LANGUAGETOOL=off``)."""
    return os.environ.get(ENV_SWITCH, "").strip().lower() in {"off", "0", "false", "no", "disabled"}


def configured_url() -> str | None:
    """Return the self-hosted server URL from ``ASKCRAFT_LANGUAGETOOL_URL``, if set."""
    url = os.environ.get(ENV_URL, "").strip()
    return url.rstrip("/") or None


def home() -> Path:
    """Return the folder that holds LanguageTool installs (``ASKCRAFT_LANGUAGETOOL_HOME`` overrides)."""
    override = os.environ.get(ENV_HOME, "").strip()
    if override:
        return Path(override).expanduser().resolve()
    return platformdirs.user_data_path("askcraft") / "languagetool"


def install_dir(version: str = VERSION) -> Path:
    """Return where LanguageTool *version* is (or would be) installed."""
    return home() / version


def runtime_dir() -> Path:
    """Return the folder that holds the running server's record and log."""
    override = os.environ.get(ENV_RUNTIME, "").strip()
    if override:
        path = Path(override).expanduser()
    else:
        # platformdirs warns when XDG_RUNTIME_DIR is unset and falls back to /tmp; the
        # fallback is what we want, the warning is noise for a library caller.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            path = platformdirs.user_runtime_path("askcraft")
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def _record_path() -> Path:
    # One record per install home, so an isolated home (tests, a second install)
    # never picks up another home's server.
    key = hashlib.sha256(str(home()).encode()).hexdigest()[:12]
    return runtime_dir() / f"languagetool-{key}.json"


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
    return Installation(
        path=path,
        version=str(data.get("version", version)),
        route=str(data.get("route", "?")),
        classpath=os.pathsep.join(str(e) for e in entries),
    )


def _classpath_entry_exists(entry: Path) -> bool:
    if entry.name == "*":
        return any(entry.parent.glob("*.jar"))
    return entry.exists()


# --------------------------------------------------------------------------- java


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
        raise CheckerUnavailableError(f"Could not run `{java} -version`: {exc}. {_FIX_HINT}") from exc
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


# --------------------------------------------------------------------------- install


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on *path* so two processes do not install or start at once."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+") as handle:
        try:
            import fcntl  # noqa: PLC0415  (POSIX only; Windows runs without the lock)
        except ImportError:  # pragma: no cover
            yield
            return
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def install(
    *,
    force: bool = False,
    route: Route = "auto",
    progress: Progress | None = None,
    version: str = VERSION,
) -> Installation:
    """Install LanguageTool *version* unless it is already there; return the install.

    ``route="download"`` uses language-tool-python's release download (needs the
    internet), ``"maven"`` assembles English-only LanguageTool from Maven Central with
    ``mvn``, ``"auto"`` tries the download when its host answers and Maven otherwise.
    The install is built in a temporary folder and renamed into place, so an
    interrupted install never leaves a half-installed folder behind.
    """
    existing = find_installation(version)
    if existing is not None and not force:
        _say(progress, f"LanguageTool {version} is already installed in {existing.path}")
        return existing
    java, major = find_java()
    _say(progress, f"Found Java {major} ({java})")
    root = home()
    root.mkdir(parents=True, exist_ok=True)
    with _file_lock(root / ".install.lock"):
        existing = find_installation(version)
        if existing is not None and not force:
            return existing
        chosen = _choose_route(route, version, progress)
        staging = Path(tempfile.mkdtemp(prefix=f".{version}-installing-", dir=root))
        staging.chmod(0o755)
        try:
            if chosen == "download":
                classpath = _install_download(staging, version, progress)
            else:
                classpath = _install_maven(staging, version, progress)
            marker = {
                "version": version,
                "route": chosen,
                "classpath": classpath,
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
    _say(progress, f"Installed LanguageTool {version} in {installed.path} ({chosen} route)")
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
    _say(
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
    _say(progress, f"Downloading LanguageTool {version} from {local.download_url} (about 250 MB)")
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


def pom_text(version: str = VERSION) -> str:
    """Return the Maven pom that lists LanguageTool's English server artifacts."""
    template = resources.files("askcraft").joinpath("_lt_pom.xml").read_text(encoding="utf-8")
    return template.replace("@LANGUAGETOOL_VERSION@", version)


def _install_maven(staging: Path, version: str, progress: Progress | None) -> str:
    """Copy LanguageTool's English server and its dependencies from Maven Central into *staging*."""
    mvn = shutil.which("mvn")
    if mvn is None:
        raise CheckerUnavailableError(
            "Installing LanguageTool from Maven Central needs Maven (`mvn`), which is not on PATH, and the "
            "release download is not reachable. Install Maven (e.g. `apt install maven`), or run "
            f"LanguageTool yourself and set {ENV_URL}."
        )
    build = staging / "maven"
    build.mkdir()
    (build / "pom.xml").write_text(pom_text(version), encoding="utf-8")
    lib = staging / "lib"
    _say(
        progress,
        f"Fetching LanguageTool {version} (English) and its dependencies from Maven Central "
        "with mvn (about 100 MB; cached in ~/.m2)",
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
                _say(progress, f"Copied {copied} jars")
        elif line.startswith(("[INFO] Downloading from", "Downloading from")):
            logger.debug("%s", line)
    rc = proc.wait()
    if rc != 0:
        detail = "\n".join(line for line in tail if "ERROR" in line)[-1500:] or "\n".join(tail[-10:])
        raise CheckerUnavailableError(
            f"`mvn dependency:copy-dependencies` failed (exit {rc}) while fetching LanguageTool {version} "
            f"from Maven Central:\n{detail}\nCheck that Maven can reach https://repo.maven.apache.org "
            "(proxy settings in ~/.m2/settings.xml)."
        )
    jars = list(lib.glob("*.jar"))
    if not any(j.name.startswith("languagetool-server-") for j in jars):
        raise CheckerUnavailableError(f"mvn finished but no languagetool-server jar was copied into {lib}.")
    _say(progress, f"Copied {len(jars)} jars ({sum(j.stat().st_size for j in jars) / 1e6:.0f} MB)")
    shutil.rmtree(build, ignore_errors=True)
    return str(Path("lib") / "*")


# --------------------------------------------------------------------------- server process

#: Scripts run by path with ``python -I`` (plain stdlib, so they do not import askcraft).
_LAUNCHER = Path(__file__).with_name("_lt_launch.py")
_WATCHDOG = Path(__file__).with_name("_lt_watchdog.py")


#: Whether a pid runs and is not a zombie (a killed server nobody reaped is dead).
pid_alive = _lt_watchdog.alive


def _is_languagetool(pid: int) -> bool:
    """Return whether *pid* looks like a LanguageTool server (guards against pid reuse)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return pid_alive(pid)  # no /proc (macOS): trust the port check that follows
    return MAIN_CLASS.encode() in cmdline


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def healthy(url: str, timeout: float = 5.0) -> bool:
    """Return whether a LanguageTool server answers its health check at *url*."""
    try:
        with urllib.request.urlopen(f"{url}/v2/healthcheck", timeout=timeout) as response:  # noqa: S310
            return bool(response.status == 200)
    except (OSError, ValueError, http.client.HTTPException):
        return False


def server_version(url: str, timeout: float = 30.0) -> str | None:
    """Return the LanguageTool version a server reports (by checking a tiny text)."""
    data = urllib.parse.urlencode({"language": "en-US", "text": "Hello."}).encode()
    try:
        with urllib.request.urlopen(f"{url}/v2/check", data=data, timeout=timeout) as response:  # noqa: S310
            payload = json.loads(response.read().decode("utf-8"))
    except (OSError, ValueError, http.client.HTTPException):
        return None
    version = payload.get("software", {}).get("version")
    return str(version) if version else None


def _warm_up(url: str, timeout: float) -> None:
    # The first check loads the English rules and dictionaries (seconds); pay it here,
    # not in the user's first check.
    text = "This is a short warm-up message; I hope you are doing well and that it's fine."
    data = urllib.parse.urlencode({"language": "en-US", "text": text}).encode()
    with urllib.request.urlopen(f"{url}/v2/check", data=data, timeout=timeout) as response:  # noqa: S310
        response.read()


def _java_opts() -> list[str]:
    raw = os.environ.get(ENV_JAVA_OPTS)
    return raw.split() if raw is not None else list(DEFAULT_JAVA_OPTS)


def _float_env(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return float(raw)
    except ValueError:
        raise CheckerUnavailableError(f"{name} must be a number, not {raw!r}.") from None


def idle_minutes_default() -> float:
    """Return the idle time after which an implicitly started server stops."""
    return _float_env(ENV_IDLE, DEFAULT_IDLE_MINUTES)


def _read_record() -> dict[str, Any] | None:
    try:
        data = json.loads(_record_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _server_from_record(data: dict[str, Any]) -> Server:
    return Server(
        url=str(data["url"]),
        pid=int(data["pid"]),
        port=int(data["port"]),
        version=data.get("version"),
        idle_minutes=float(data.get("idle_minutes", 0.0)),
        started_at=float(data.get("started_at", 0.0)),
        log=data.get("log"),
    )


def _load_record() -> Server | None:
    """Return the server the record names (alive or not); drop an unreadable record."""
    data = _read_record()
    if data is None:
        return None
    try:
        return _server_from_record(data)
    except (KeyError, TypeError, ValueError):
        _remove_record()
        return None


def _remove_record(pid: int | None = None) -> None:
    path = _record_path()
    data = _read_record()
    if data is None or pid is None or data.get("pid") == pid:
        with contextlib.suppress(OSError):
            path.unlink()


def _write_record(server: Server, *, ready: bool) -> None:
    record = _record_path()
    tmp = record.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps({**dataclasses.asdict(server), "ready": ready}), encoding="utf-8")
    tmp.replace(record)


def touch() -> None:
    """Mark the shared server as used now, so the idle watchdog keeps it running."""
    with contextlib.suppress(OSError):
        os.utime(_record_path())


def _recorded_server() -> Server | None:
    """Return the recorded server if it is alive and healthy; clean up a stale record."""
    server = _load_record()
    if server is None:
        return None
    assert server.pid is not None
    if not (pid_alive(server.pid) and _is_languagetool(server.pid)):
        logger.info("Removing the stale record of LanguageTool server pid %s (not running)", server.pid)
        _remove_record(server.pid)
        return None
    if not healthy(server.url):
        logger.info("Recorded LanguageTool server pid %s does not answer at %s", server.pid, server.url)
        return None
    return server


def start_server(
    *,
    idle_minutes: float | None = None,
    progress: Progress | None = None,
    auto_install: bool | None = None,
) -> Server:
    """Start a local server (or reuse the recorded one) and return it once it is warm.

    *idle_minutes* > 0 stops the server after that long without checks (an implicitly
    started server); 0 keeps it running until ``stop_server()``.
    """
    installation = find_installation()
    if installation is None:
        if auto_install is None:
            auto_install = os.environ.get(ENV_AUTO_INSTALL, "1").strip().lower() not in {
                "0",
                "off",
                "false",
                "no",
            }
        if not auto_install:
            raise CheckerUnavailableError(
                f"LanguageTool {VERSION} is not installed (looked in {install_dir()}). {_FIX_HINT}"
            )
        _say(
            progress, f"LanguageTool {VERSION} is not installed yet; installing it once into {install_dir()}"
        )
        installation = install(progress=progress)
    java, _ = find_java()
    record_lock = _record_path().with_suffix(".lock")
    with _file_lock(record_lock):
        existing = _recorded_server()
        if existing is not None:
            return existing
        stale = _read_record()
        if stale is not None and stale.get("pid") and pid_alive(int(stale["pid"])):
            # Alive but not answering: a hung server. Stop it before starting another.
            _terminate(int(stale["pid"]))
            _remove_record()
        return _launch(installation, java, idle_minutes, progress)


def _launch(
    installation: Installation, java: str, idle_minutes: float | None, progress: Progress | None
) -> Server:
    idle = idle_minutes_default() if idle_minutes is None else idle_minutes
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    run = runtime_dir()
    config = run / f"languagetool-{port}.properties"
    config.write_text("".join(f"{k}={v}\n" for k, v in SERVER_PROPERTIES.items()), encoding="utf-8")
    log = run / f"languagetool-{port}.log"
    log.write_bytes(b"")
    cmd = [
        java,
        *_java_opts(),
        "-cp",
        installation.classpath,
        MAIN_CLASS,
        "--port",
        str(port),
        "--config",
        str(config),
    ]
    record = _record_path()
    spec = {
        "cmd": cmd,
        "log": str(log),
        "record": str(record),
        "idle_seconds": idle * 60.0,
        "watchdog": str(_WATCHDOG),
    }
    _say(progress, f"Starting LanguageTool {installation.version} on {url}")
    started = time.monotonic()
    # A short-lived launcher starts java (and the idle watchdog) in their own sessions, so
    # the server outlives this process and is never our zombie or our ResourceWarning.
    result = subprocess.run(  # noqa: S603  (our interpreter and a fixed script)
        [sys.executable, "-I", str(_LAUNCHER), json.dumps(spec)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    if result.returncode != 0 or not result.stdout.strip().isdigit():
        raise CheckerUnavailableError(
            f"Could not launch java for LanguageTool: {result.stderr.strip()[-500:]}"
        )
    pid = int(result.stdout.strip())
    server = Server(
        url=url,
        pid=pid,
        port=port,
        version=installation.version,
        idle_minutes=idle,
        started_at=time.time(),
        log=str(log),
    )
    # Record at once, so `stop` and the watchdog know the process while it starts.
    _write_record(server, ready=False)
    timeout = _float_env(ENV_START_TIMEOUT, DEFAULT_START_TIMEOUT)
    try:
        _wait_healthy(server, timeout, log)
        try:
            _warm_up(url, timeout)
        except (OSError, http.client.HTTPException) as exc:
            raise CheckerUnavailableError(
                f"LanguageTool started but failed its first check ({type(exc).__name__}: {exc}). "
                f"Last lines of its log ({log}):\n{_tail(log)}"
            ) from exc
    except BaseException:
        _terminate(pid)
        _remove_record(pid)
        raise
    _write_record(server, ready=True)
    _say(progress, f"LanguageTool is ready on {url} (pid {pid}, {time.monotonic() - started:.1f} s)")
    touch()
    return server


def _wait_healthy(server: Server, timeout: float, log: Path) -> None:
    assert server.pid is not None
    deadline = time.monotonic() + timeout
    delay = 0.1
    while time.monotonic() < deadline:
        if healthy(server.url, timeout=2.0):
            return
        if not pid_alive(server.pid):
            raise CheckerUnavailableError(
                f"LanguageTool exited while starting. Last lines of its log ({log}):\n{_tail(log)}"
            )
        time.sleep(delay)
        delay = min(delay * 1.5, 0.5)
    raise CheckerUnavailableError(
        f"LanguageTool did not answer {server.url}/v2/healthcheck within {timeout:.0f} s "
        f"(raise {ENV_START_TIMEOUT}). Last lines of its log ({log}):\n{_tail(log)}"
    )


def _tail(log: Path, lines: int = 8) -> str:
    try:
        text = log.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "(no log)"
    interesting = [
        ln for ln in text.splitlines() if ln.strip() and "WARNING: this process is running as root" not in ln
    ]
    return "\n".join(interesting[-lines:]) or "(empty log)"


def _terminate(pid: int, grace: float = 10.0) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        if not pid_alive(pid):
            return
        time.sleep(0.1)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.kill(pid, signal.SIGKILL)


def stop_server() -> Server | None:
    """Stop the recorded local server; return it, or None when none was running."""
    server = _load_record()
    if server is None:
        return None
    assert server.pid is not None
    _remove_record(server.pid)
    if pid_alive(server.pid) and _is_languagetool(server.pid):
        _terminate(server.pid)
    _forget()
    return server


def server_memory_bytes(pid: int) -> int | None:
    """Return the resident memory of *pid*, when the platform says (Linux /proc)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(r"^VmRSS:\s+(\d+)\s+kB", status, re.MULTILINE)
    return int(match.group(1)) * 1024 if match else None


def status() -> dict[str, Any]:
    """Describe the install and the server askcraft would use, as plain data."""
    installation = find_installation()
    info: dict[str, Any] = {
        "version": VERSION,
        "switched_off": switched_off(),
        "home": str(home()),
        "installed": installation is not None,
        "install_path": str(installation.path) if installation else None,
        "install_route": installation.route if installation else None,
        "url": None,
        "running": False,
        "managed": True,
        "pid": None,
        "port": None,
        "memory_bytes": None,
        "idle_minutes": None,
        "log": None,
        "server_version": None,
    }
    url = configured_url()
    if url is not None:
        info.update(url=url, managed=False, running=healthy(url))
        if info["running"]:
            info["server_version"] = server_version(url)
        return info
    server = _recorded_server()
    if server is not None:
        assert server.pid is not None
        info.update(
            url=server.url,
            running=True,
            pid=server.pid,
            port=server.port,
            memory_bytes=server_memory_bytes(server.pid),
            idle_minutes=server.idle_minutes,
            log=server.log,
            server_version=server.version,
        )
    return info


# --------------------------------------------------------------------------- in-process reuse

_lock = threading.Lock()
_current: Server | None = None
_last_touch = 0.0


def _forget() -> None:
    global _current  # noqa: PLW0603  (the process-wide shared server)
    _current = None


def ensure_server(*, progress: Progress | None = None, auto_install: bool | None = None) -> Server:
    """Return a server to check with: the configured URL, this process's, the recorded one, or a new one.

    Raises CheckerUnavailableError (with what to do next) when none can be had.
    """
    global _current, _last_touch  # noqa: PLW0603  (the process-wide shared server)
    if switched_off():
        raise CheckerUnavailableError(
            f"LanguageTool is switched off ({ENV_SWITCH}=off); grammar was not checked."
        )
    url = configured_url()
    if url is not None:
        if not url.startswith(("http://", "https://")):
            raise CheckerUnavailableError(
                f"{ENV_URL}={url!r} is not an http(s) URL, e.g. http://localhost:8010."
            )
        return Server(url=url, managed=False)
    with _lock:
        now = time.monotonic()
        current = _current
        if current is not None and current.pid is not None and pid_alive(current.pid):
            if now - _last_touch > 30.0:
                touch()
                _last_touch = now
            return current
        _current = start_server(progress=progress, auto_install=auto_install)
        _last_touch = now
        return _current


def restart_server(dead: Server, *, progress: Progress | None = None) -> Server:
    """Replace a server that stopped answering with a fresh one (once per failure)."""
    global _current  # noqa: PLW0603  (the process-wide shared server)
    if not dead.managed:
        raise CheckerUnavailableError(
            f"The LanguageTool server at {dead.url} ({ENV_URL}) is not answering. "
            f"Start it, or unset {ENV_URL}."
        )
    with _lock:
        if _current is not None and _current != dead and _current.pid is not None and pid_alive(_current.pid):
            return _current  # another thread already restarted it
        if dead.pid is not None:
            if pid_alive(dead.pid) and _is_languagetool(dead.pid):
                _terminate(dead.pid)
            _remove_record(dead.pid)
        _say(progress, "LanguageTool stopped answering; starting it again")
        _current = start_server(progress=progress)
        return _current
