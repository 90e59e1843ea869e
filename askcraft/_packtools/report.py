"""What lint and the self-tests report: problems with their file, line and code."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Literal

from askcraft._errors import AskcraftError
from askcraft._packs.pack import Pack

Severity = Literal["error", "warning"]


@dataclasses.dataclass(frozen=True)
class Problem:
    """One thing lint found: how bad, what, and where."""

    severity: Severity
    message: str
    file: str | None = None
    line: int | None = None
    code: str = "pack"

    def __str__(self) -> str:
        where = self.file or "(pack)"
        if self.line:
            where += f":{self.line}"
        return f"{where}: {self.severity}: {self.message} [{self.code}]"


@dataclasses.dataclass
class LintReport:
    """Everything lint found in one pack."""

    root: Path
    pack: Pack | None = None
    problems: list[Problem] = dataclasses.field(default_factory=list)
    rendered: int = 0

    @property
    def errors(self) -> list[Problem]:
        """Return the problems that make the pack unusable."""
        return [p for p in self.problems if p.severity == "error"]

    @property
    def ok(self) -> bool:
        """Return whether the pack has no errors (warnings are allowed)."""
        return not self.errors

    def add(self, severity: Severity, message: str, file: str | None, line: int | None, code: str) -> None:
        """Record a problem."""
        self.problems.append(Problem(severity, message, file, line, code))


def load_problem(exc: AskcraftError) -> Problem:
    """Return the problem that kept a pack from loading: its manifest, or a file the folder may not hold."""
    file = getattr(exc, "file", None)
    code = "manifest" if not file or str(file).endswith("pack.yaml") else "pack-files"
    return problem_from(exc, "pack.yaml", code)


def problem_from(exc: AskcraftError, fallback_file: str | None, code: str) -> Problem:
    file = getattr(exc, "file", None) or fallback_file
    return Problem("error", str(exc), file, getattr(exc, "line", None), code)


# -- variables ------------------------------------------------------------------------------------------
