"""Turn every expected failure into a one- or two-line message and an exit code."""

from __future__ import annotations

import click

from askcraft._errors import AskcraftError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


def run(command: click.Command, argv: list[str]) -> int:
    """Run *command*; map askcraft and usage errors to messages, never tracebacks."""
    try:
        result = command.main(args=argv, prog_name="askcraft", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return EXIT_USAGE
    except click.ClickException as exc:
        exc.show()
        return EXIT_USAGE
    except AskcraftError as exc:
        click.echo(f"error: {exc}", err=True)
        return EXIT_USAGE
    except (BrokenPipeError, KeyboardInterrupt):
        return EXIT_USAGE
    return result if isinstance(result, int) else EXIT_OK
