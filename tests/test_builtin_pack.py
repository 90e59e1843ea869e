"""The built-in pack is an ordinary pack: it passes its own lint (strictly) and self-tests."""

from __future__ import annotations

import pytest

from askcraft._cli import main
from askcraft._packs.pack import builtin_root


def test_builtin_pack_passes_strict_lint(capsys: pytest.CaptureFixture[str]) -> None:
    """`packs lint templates --strict` finds no error and no warning (every template has an example)."""
    assert main(["packs", "lint", str(builtin_root()), "--strict"]) == 0
    assert "0 error(s), 0 warning(s)" in capsys.readouterr().out


def test_builtin_pack_examples_render_as_recorded(capsys: pytest.CaptureFixture[str]) -> None:
    """`packs test templates` renders every example intent exactly as its expected file."""
    assert main(["packs", "test", str(builtin_root())]) == 0
    out = capsys.readouterr().out
    assert "failed" not in out
    examples = len(list((builtin_root() / "examples").glob("*.yaml")))
    assert f"{3 * examples} passed" in out  # every example, with each of its template's three variants
