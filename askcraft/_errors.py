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
