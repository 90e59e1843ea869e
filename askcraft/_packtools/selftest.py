"""Run a pack's examples against their expected output (``packs test``), or rewrite it."""

from __future__ import annotations

import dataclasses
import difflib
from pathlib import Path
from typing import Literal

from askcraft._errors import PackError
from askcraft._packs.files import read_pack_file, write_pack_file
from askcraft._packs.pack import Pack, load_pack
from askcraft._packtools.examples import example_files, expected_file, render_examples
from askcraft._packtools.report import LintReport, Problem, load_problem, problem_from


@dataclasses.dataclass(frozen=True)
class Case:
    """One example and variant compared with its expected output."""

    example: str
    variant: str
    status: Literal["pass", "fail", "missing", "updated"]
    expected: str
    diff: str = ""


@dataclasses.dataclass
class SelfTestReport:
    """The outcome of ``packs test``."""

    pack: Pack | None
    cases: list[Case] = dataclasses.field(default_factory=list)
    problems: list[Problem] = dataclasses.field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Return whether every case passed (or was updated) and nothing failed to render."""
        return (
            not self.problems
            and all(c.status in {"pass", "updated"} for c in self.cases)
            and bool(self.cases)
        )


def _read_expected(pack: Pack, rel: str) -> str | None:
    """Return an expected output, or None when there is none yet (read without following links)."""
    try:
        data = read_pack_file(pack.files, rel)
    except FileNotFoundError:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise PackError(f"{rel}: not UTF-8 text; save it as UTF-8", pack=pack.name, file=rel) from None


def run_pack_tests(path: str | Path, *, update: bool = False) -> SelfTestReport:
    """Render the pack's examples and compare them with the expected files (or rewrite them)."""
    try:
        pack = load_pack(path)
    except PackError as exc:
        return SelfTestReport(None, problems=[load_problem(exc)])
    report = SelfTestReport(pack)
    lint = LintReport(pack.root, pack)
    for rendered in render_examples(pack, lint):
        rel = expected_file(rendered.example, rendered.variant)
        try:
            old = _read_expected(pack, rel)
            if update and old != rendered.text:
                write_pack_file(pack.files, rel, rendered.text)
        except PackError as exc:
            report.problems.append(problem_from(exc, rel, "expected"))
            continue
        if update:
            report.cases.append(Case(rendered.example, rendered.variant, "updated", rel))
        elif old is None:
            report.cases.append(Case(rendered.example, rendered.variant, "missing", rel))
        elif old == rendered.text:
            report.cases.append(Case(rendered.example, rendered.variant, "pass", rel))
        else:
            diff = "".join(
                difflib.unified_diff(
                    old.splitlines(keepends=True),
                    rendered.text.splitlines(keepends=True),
                    fromfile=rel,
                    tofile="rendered",
                )
            )
            report.cases.append(Case(rendered.example, rendered.variant, "fail", rel, diff))
    report.problems = lint.problems
    if not example_files(pack):
        report.problems.append(
            Problem("error", f"no example intents in {pack.manifest.examples}/", None, None, "examples")
        )
    return report
