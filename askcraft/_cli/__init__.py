"""The command line: a thin shell over the public API (``python -m askcraft``)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit code (0 ok, 1 --strict findings, 2 bad input)."""
    try:
        from askcraft._cli._errors import run  # noqa: PLC0415
        from askcraft._cli.app import cli  # noqa: PLC0415
    except ImportError as exc:  # click or rich is not installed: say so without either of them
        from askcraft._errors import missing_dependency  # noqa: PLC0415

        problem = missing_dependency(exc)
        if problem is None:
            raise
        sys.stderr.write(f"error: {problem}\n")
        return 2
    return run(cli, argv if argv is not None else sys.argv[1:])
