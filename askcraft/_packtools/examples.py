"""A pack's examples: intents in ``examples/`` rendered with every variant of the template they select.

``NAME.yaml`` is an intent; ``NAME.VARIANT.txt`` is what each variant of the template it
selects must render (``Subject: ...`` first when there is a subject line).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date

from askcraft._checks.findings import Finding
from askcraft._errors import AskcraftError, IntentError, MissingDependencyError
from askcraft._intent.model import Intent
from askcraft._packs.files import read_pack_file
from askcraft._packs.pack import Pack
from askcraft._packtools.report import LintReport, problem_from
from askcraft._yaml import parse_yaml

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


def example_files(pack: Pack) -> list[str]:
    """Return the pack's example intents (paths inside the pack), sorted."""
    return pack.files.under(pack.manifest.examples, ".yaml")


def expected_file(example: str, variant: str) -> str:
    """Return the expected-output file (a path inside the pack) of one example and variant."""
    folder, _, name = example.rpartition("/")
    stem = name.rsplit(".", 1)[0]
    return f"{folder}/{stem}.{variant}.txt" if folder else f"{stem}.{variant}.txt"


def _load_example(pack: Pack, rel: str) -> Intent:
    """Load one example intent, read without following links."""
    source = str(pack.root / rel)
    try:
        text = read_pack_file(pack.files, rel).decode("utf-8-sig")
    except FileNotFoundError:
        raise IntentError(f"{source}: no such example intent", source=source) from None
    except UnicodeDecodeError:
        raise IntentError(f"{source}: not UTF-8 text; save it as UTF-8", source=source) from None
    data = parse_yaml(text, source=source)
    if data is None:
        raise IntentError(f"{source}: the file is empty; write the intent as YAML", source=source)
    return Intent.parse(data, source=source)


def render_examples(
    pack: Pack, report: LintReport | None = None, *, check: bool = False, grammar: bool = False
) -> Iterator[Rendered]:
    """Render every example of *pack* with every variant of the template it selects."""
    from askcraft._draft.draft import _draft, _Settings  # noqa: PLC0415  (the drafting pipeline itself)

    settings = _Settings(
        packs=(pack,), check=check, grammar=grammar, disable=(), options={}, today=EXAMPLE_TODAY
    )
    for rel in example_files(pack):
        try:
            intent = _load_example(pack, rel)
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
