"""The exception tree: everything askcraft raises on purpose is an ``AskcraftError``."""

from __future__ import annotations


class AskcraftError(Exception):
    """Base class of every error askcraft raises on purpose."""


class IntentError(AskcraftError, ValueError):
    """An intent (or the file it came from) is missing fields or has bad values."""

    def __init__(self, message: str, *, problems: list[str] | None = None, source: str | None = None) -> None:
        super().__init__(message)
        self.problems = list(problems or [])
        self.source = source


class PackError(AskcraftError, LookupError):
    """A template pack is malformed, missing, or asks for something it may not do."""

    def __init__(
        self,
        message: str,
        *,
        pack: str | None = None,
        file: str | None = None,
        line: int | None = None,
    ) -> None:
        super().__init__(message)
        self.pack = pack
        self.file = file
        self.line = line


class RenderError(PackError):
    """A template failed while rendering (undefined variable, sandbox violation, ...)."""


class CheckerUnavailableError(AskcraftError, RuntimeError):
    """A checker cannot run here (LanguageTool missing, Java missing, server down)."""


class ContactsError(AskcraftError, ValueError):
    """A contacts file cannot be read at all (no such file, no header row, not a contacts file)."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.source = source


class LedgerError(AskcraftError, RuntimeError):
    """The ledger cannot be opened or does not hold what was asked for (an unknown contact)."""


#: askcraft's dependencies: the name each is imported by, and the name pip installs it by.
DEPENDENCIES: dict[str, str] = {
    "babel": "babel",
    "click": "click",
    "dateparser": "dateparser",
    "icalendar": "icalendar",
    "inflect": "inflect",
    "jinja2": "jinja2",
    "language_tool_python": "language-tool-python",
    "lemminflect": "lemminflect",
    "nameparser": "nameparser",
    "num2words": "num2words",
    "platformdirs": "platformdirs",
    "pydantic": "pydantic",
    "pyphen": "pyphen",
    "rich": "rich",
    "vobject": "vobject",
    "yaml": "pyyaml",
}


class MissingDependencyError(AskcraftError, ImportError):
    """A Python package askcraft needs is not installed (or cannot be imported): a broken install.

    Internal: callers catch it as an ``AskcraftError`` or an ``ImportError``.
    """

    def __init__(self, message: str, *, package: str) -> None:
        super().__init__(message, name=package)
        self.package = package


def missing_dependency(exc: ImportError) -> MissingDependencyError | None:
    """Say which package to install when *exc* is a dependency failing to import; None if it is not."""
    if isinstance(exc, MissingDependencyError):
        return exc
    module = exc.name or ""
    top = module.partition(".")[0]
    if not top or top == "askcraft":
        return None  # askcraft's own modules: an import error there is a bug, not an install problem
    package = DEPENDENCIES.get(top)
    if package is None:
        if not isinstance(exc, ModuleNotFoundError):
            return None
        # Not one of ours: a dependency of a dependency, which reinstalling askcraft brings back.
        message = f"askcraft needs the Python module '{top}', which is not installed: reinstall askcraft"
        return MissingDependencyError(message, package=top)
    if isinstance(exc, ModuleNotFoundError):
        message = (
            f"askcraft needs the Python package '{package}', which is not installed: "
            f"run `python -m pip install {package}` or reinstall askcraft"
        )
    else:
        message = (
            f"askcraft cannot use the installed Python package '{package}' ({exc}): "
            f"run `python -m pip install --upgrade {package}` or reinstall askcraft"
        )
    return MissingDependencyError(message, package=package)
