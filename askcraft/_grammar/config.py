"""LanguageTool settings: the version, environment variables, where installs and the server record live."""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import logging
import os
import stat
import urllib.parse
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Literal

import platformdirs

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
ENV_TIMEOUT = "ASKCRAFT_LANGUAGETOOL_TIMEOUT"
ENV_CONNECT_TIMEOUT = "ASKCRAFT_LANGUAGETOOL_CONNECT_TIMEOUT"
ENV_READ_TIMEOUT = "ASKCRAFT_LANGUAGETOOL_READ_TIMEOUT"

DEFAULT_IDLE_MINUTES = 30.0
DEFAULT_START_TIMEOUT = 120.0
#: The most one check may take, start to end (plus TIMEOUT_PER_CHARS for long texts), and the
#: wait to connect. The wait for the next bytes is the total unless set: LanguageTool sends its
#: answer all at once, when it has checked the whole text.
DEFAULT_TIMEOUT = 15.0
DEFAULT_CONNECT_TIMEOUT = 5.0
#: One more second per this many characters checked (a 100 KB text gets 35 s on the default).
TIMEOUT_PER_CHARS = 5_000
#: The largest answer askcraft reads from a server (a long message with many matches is a few MB).
MAX_ANSWER_BYTES = 16 * 2**20
DEFAULT_JAVA_OPTS = ("-Xmx1g", "-Djava.net.preferIPv4Stack=true")
#: Server properties: cache repeated sentences and keep analysis pipelines warm.
SERVER_PROPERTIES = {
    "cacheSize": "2000",
    "pipelineCaching": "true",
    "maxPipelinePoolSize": "50",
    "pipelineExpireTimeInSeconds": "3600",
    "maxCheckThreads": "4",
}
FIX_HINT = (
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
    #: The languages it checks (LanguageTool's module codes); "*" for the full release.
    languages: tuple[str, ...] = ("en",)

    def has_language(self, language: str) -> bool:
        """Return whether this install has the module for *language* (a code or BCP 47 tag)."""
        code = language.split("-", maxsplit=1)[0].lower()
        return "*" in self.languages or code in self.languages

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


def say(progress: Progress | None, message: str) -> None:
    logger.info("%s", message)
    if progress is not None:
        progress(message)


# --------------------------------------------------------------------------- locations


#: What ``ASKCRAFT_LANGUAGETOOL`` may say: off, or on (unset is on).
SWITCH_OFF = ("off", "0", "false", "no", "disabled")
SWITCH_ON = ("on", "1", "true", "yes", "enabled")


def switched_off() -> bool:
    """Return whether the user switched LanguageTool off (``ASKCRAFT_LANGUAGETOOL=off``).

    Raises CheckerUnavailableError for a value that is neither on nor off, so a typo is
    reported instead of silently checking (or not).
    """
    raw = os.environ.get(ENV_SWITCH, "").strip().lower()
    if raw in SWITCH_OFF:
        return True
    if not raw or raw in SWITCH_ON:
        return False
    given = os.environ.get(ENV_SWITCH, "").strip()
    raise CheckerUnavailableError(
        f"{ENV_SWITCH}={given!r} is not a setting askcraft knows: use off ({', '.join(SWITCH_OFF[1:])} also "
        f"work) to skip grammar checks, or on ({', '.join(SWITCH_ON[1:])}, or leaving it unset) to run them."
    )


def configured_url() -> str | None:
    """Return the self-hosted server URL from ``ASKCRAFT_LANGUAGETOOL_URL``, if set.

    Raises CheckerUnavailableError, naming the variable, for a value that is not an http(s)
    URL with a host (``not a url``, ``localhost:8010``, ``http://``), so a typo is reported
    instead of being taken as a server that does not answer.
    """
    raw = os.environ.get(ENV_URL, "")
    url = raw.strip().rstrip("/")
    if not url:
        return None
    problem = _url_problem(url)
    if problem:
        raise CheckerUnavailableError(
            f"{ENV_URL}={raw!r} is not a LanguageTool server URL ({problem}): give one such as "
            f"http://localhost:8010, or unset {ENV_URL} to let askcraft run its own server."
        )
    return url


def _url_problem(url: str) -> str | None:
    """Return what is wrong with *url* as a server's base URL, or None."""
    if not url.isascii() or not url.isprintable() or any(c.isspace() for c in url):
        return "it holds spaces, controls or non-ASCII characters"
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError as exc:
        return str(exc)
    if parts.scheme not in ("http", "https"):
        return "it must start with http:// or https://"
    if not parts.hostname:
        return "it names no host"
    if port == 0:
        return "port 0 is not a port a server listens on"
    if parts.query or parts.fragment or "?" in url or "#" in url:
        return "a base URL has no ?query or #fragment"
    if parts.username is not None or parts.password is not None:
        return "askcraft sends no user name or password; leave them out"
    return None


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


def record_path() -> Path:
    # One record per install home, so an isolated home (tests, a second install)
    # never picks up another home's server.
    key = hashlib.sha256(str(home()).encode()).hexdigest()[:12]
    return runtime_dir() / f"languagetool-{key}.json"


@contextlib.contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on *path* so two processes do not install or start at once.

    The lock file is opened without following a link and without blocking, and must be a
    regular file: a FIFO in its place would otherwise hang every command.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags, 0o600)
    except OSError as exc:
        message = f"Cannot use the lock file {path} ({exc.strerror}); remove it."
        raise CheckerUnavailableError(message) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise CheckerUnavailableError(f"{path} is not a regular file, so it cannot be a lock; remove it.")
        try:
            import fcntl  # noqa: PLC0415  (POSIX only; Windows runs without the lock)
        except ImportError:  # pragma: no cover
            yield
            return
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def java_opts() -> list[str]:
    raw = os.environ.get(ENV_JAVA_OPTS)
    return raw.split() if raw is not None else list(DEFAULT_JAVA_OPTS)


def float_env(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return float(raw)
    except ValueError:
        raise CheckerUnavailableError(f"{name} must be a number, not {raw!r}.") from None


@dataclasses.dataclass(frozen=True)
class Timeouts:
    """How long one request to a server may take (seconds), and how large its answer may be."""

    connect: float
    read: float
    total: float
    max_bytes: int = MAX_ANSWER_BYTES

    def at_most(self, total: float) -> Timeouts:
        """Return these limits with the total (and the other waits) no longer than *total*."""
        return dataclasses.replace(
            self, total=min(self.total, total), connect=min(self.connect, total), read=min(self.read, total)
        )

    def for_text(self, characters: int) -> Timeouts:
        """Return these limits with time added for a long text (LanguageTool checks it all first)."""
        extra = characters / TIMEOUT_PER_CHARS
        return dataclasses.replace(self, total=self.total + extra, read=self.read + extra)


def _seconds(name: str, default: float) -> float:
    value = float_env(name, default)
    if not value > 0:
        raise CheckerUnavailableError(f"{name} must be a number of seconds above 0, not {value:g}.")
    return value


def timeouts() -> Timeouts:
    """Return the request limits (``ASKCRAFT_LANGUAGETOOL_TIMEOUT`` and its connect/read siblings)."""
    total = _seconds(ENV_TIMEOUT, DEFAULT_TIMEOUT)
    connect = _seconds(ENV_CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT)
    read = _seconds(ENV_READ_TIMEOUT, total)
    return Timeouts(connect=connect, read=read, total=total)


def idle_minutes_default() -> float:
    """Return the idle time after which an implicitly started server stops."""
    return float_env(ENV_IDLE, DEFAULT_IDLE_MINUTES)
