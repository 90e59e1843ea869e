"""A pack's examples: intents in ``examples/`` rendered with every variant of the template they select.

``NAME.yaml`` is an intent; ``NAME.VARIANT.txt`` is what each variant of the template it
selects must render (``Subject: ...`` first when there is a subject line).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from askcraft._checks.findings import Finding
from askcraft._errors import AskcraftError, MissingDependencyError
from askcraft._intent.load import load_intent
from askcraft._intent.model import Intent
from askcraft._packs.pack import Pack
from askcraft._packtools.report import LintReport, problem_from

#: The date examples are drafted on, so expected outputs do not change with the calendar.
EXAMPLE_TODAY = date(2026, 1, 5)


@dataclasses.dataclass(frozen=True)
class Rendered:
    """One example rendered with one variant."""

    example: str
    variant: str
    template: str
    intent: Intent
    subject: str | None
    body: str
    findings: tuple[Finding, ...]

    @property
    def text(self) -> str:
        """Return the output as stored in the expected file."""
        head = f"Subject: {self.subject}\n\n" if self.subject else ""
        return f"{head}{self.body}\n"


def example_files(pack: Pack) -> list[Path]:
    """Return the pack's example intents, sorted."""
    folder = pack.root / pack.manifest.examples
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


def expected_path(example: Path, variant: str) -> Path:
    """Return the expected-output file of one example and variant."""
    return example.with_name(f"{example.stem}.{variant}.txt")


def render_examples(
    pack: Pack, report: LintReport | None = None, *, check: bool = False, grammar: bool = False
) -> Iterator[Rendered]:
    """Render every example of *pack* with every variant of the template it selects."""
    from askcraft._draft.draft import _draft, _Settings  # noqa: PLC0415  (the drafting pipeline itself)

    settings = _Settings(
        packs=(pack,), check=check, grammar=grammar, disable=(), options={}, today=EXAMPLE_TODAY
    )
    for path in example_files(pack):
        rel = path.relative_to(pack.root).as_posix()
        try:
            intent = load_intent(path)
        except AskcraftError as exc:
            if report is not None:
                report.problems.append(problem_from(exc, rel, "example"))
            continue
        selection = pack.select(intent)
        if selection is None:
            if report is not None:
                report.add(
                    "error",
                    f"no template in this pack drafts a {intent.kind} ({intent.goal}) by {intent.channel}",
                    rel,
                    None,
                    "example",
                )
            continue
        for variant in selection.entry.variants:
            try:
                result = _draft(intent, settings, variant=variant)
            except MissingDependencyError:
                raise  # a broken install, not a problem of this pack
            except AskcraftError as exc:
                if report is not None:
                    problem = problem_from(exc, selection.entry.variants[variant], "render")
                    report.problems.append(
                        dataclasses.replace(problem, message=f"{problem.message} (example {rel}, {variant})")
                    )
                continue
            yield Rendered(
                rel,
                variant,
                selection.entry.variants[variant],
                result.intent,
                result.subject,
                result.body,
                tuple(result.findings),
            )
