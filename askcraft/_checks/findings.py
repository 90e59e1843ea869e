"""The value object every checker returns."""

from __future__ import annotations

import dataclasses
from typing import Any, Literal, get_args

Severity = Literal["error", "warning", "suggestion", "notice"]
Category = Literal[
    "grammar",
    "spelling",
    "politeness",
    "pressure",
    "negativity",
    "specificity",
    "ask-size",
    "patience",
    "reciprocity",
    "length",
    "readability",
    "questions",
    "content",
]

SEVERITIES: tuple[Severity, ...] = get_args(Severity)
CATEGORIES: tuple[Category, ...] = get_args(Category)
_SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}


@dataclasses.dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in a text, with where it is and what to do about it.

    ``offset`` and ``length`` index the checked text in Python characters (code
    points), so ``text[f.offset:f.offset + f.length]`` is the excerpt.
    """

    category: Category
    severity: Severity
    message: str
    rule: str
    offset: int = 0
    length: int = 0
    replacements: tuple[str, ...] = ()
    field: Literal["body", "subject"] = "body"
    #: Findings of other rules on the same words, merged into this one (their fix is in the rewrite).
    also: tuple[Finding, ...] = ()
    #: The message as the command line says it (naming its flags), when it differs from ``message``.
    cli_message: str = ""

    def __post_init__(self) -> None:
        if self.severity not in _SEVERITY_RANK:
            raise ValueError(f"severity must be one of {', '.join(SEVERITIES)}, not {self.severity!r}")
        if self.category not in CATEGORIES:
            raise ValueError(f"category must be one of {', '.join(CATEGORIES)}, not {self.category!r}")
        if self.offset < 0 or self.length < 0:
            raise ValueError("offset and length must be zero or more")
        if type(self.replacements) is not tuple:  # a tuple stays as it is (tuple() would return it)
            object.__setattr__(self, "replacements", tuple(self.replacements))
        if type(self.also) is not tuple:
            object.__setattr__(self, "also", tuple(self.also))

    @property
    def rules(self) -> tuple[str, ...]:
        """Return this finding's rule id and those of the findings merged into it."""
        return (self.rule, *(f.rule for f in self.also))

    def excerpt(self, text: str) -> str:
        """Return the part of *text* this finding points at."""
        return text[self.offset : self.offset + self.length]

    @property
    def rank(self) -> int:
        """Order by severity: 0 for errors, then warnings, suggestions, notices."""
        return _SEVERITY_RANK[self.severity]

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dictionary."""
        data = dataclasses.asdict(self)
        data["replacements"] = list(self.replacements)
        data["also"] = [f.to_dict() for f in self.also]
        return data
