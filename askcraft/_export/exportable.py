"""What an exporter needs of a draft, so exporters never import the drafting code (data flows one way)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from askcraft._checks.findings import Finding
    from askcraft._intent.model import Intent


class Provenanced(Protocol):
    """Where a draft came from (``askcraft.Provenance`` is one)."""

    @property
    def pack(self) -> str: ...
    @property
    def version(self) -> str: ...
    @property
    def template(self) -> str: ...
    @property
    def variant(self) -> str: ...
    @property
    def askcraft_version(self) -> str: ...
    def to_dict(self) -> dict[str, str]: ...


class Exportable(Protocol):
    """A drafted message with its intent, findings and provenance (``askcraft.Draft`` is one)."""

    @property
    def intent(self) -> Intent: ...
    @property
    def subject(self) -> str | None: ...
    @property
    def body(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def channel(self) -> str: ...
    @property
    def findings(self) -> Sequence[Finding]: ...
    @property
    def provenance(self) -> Provenanced: ...

    def to_text(self) -> str: ...
