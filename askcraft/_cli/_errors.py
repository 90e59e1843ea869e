"""Turn every expected failure into a one- or two-line message and an exit code."""

from __future__ import annotations

import os

import click

from askcraft._errors import AskcraftError, missing_dependency

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
#: click 8.2+ raises this for a group run without a command (8.1 prints the help and exits itself).
_HELP_ONLY: tuple[type[Exception], ...] = tuple(
    t for t in (getattr(click.exceptions, "NoArgsIsHelpError", None),) if isinstance(t, type)
)


def run(command: click.Command, argv: list[str]) -> int:
    """Run *command*; map askcraft and usage errors to messages, never tracebacks."""
    try:
        result = command.main(args=argv, prog_name="askcraft", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return EXIT_USAGE
    except click.UsageError as exc:
        if isinstance(exc, _HELP_ONLY):  # `askcraft` or `askcraft packs` alone: the help is the answer
            exc.show()
            return EXIT_USAGE
        # One line, not click's usage block: what is wrong, and where the help is.
        where = exc.ctx.command_path if exc.ctx is not None else "askcraft"
        message = exc.format_message()
        stop = "" if message.endswith((".", "?", "!")) else "."
        click.echo(f"error: {message}{stop} See '{where} --help'.", err=True)
        return EXIT_USAGE
    except click.ClickException as exc:
        click.echo(f"error: {exc.format_message()}", err=True)
        return EXIT_USAGE
    except AskcraftError as exc:
        click.echo(f"error: {exc}", err=True)
        return EXIT_USAGE
    except ImportError as exc:
        problem = missing_dependency(exc)
        if problem is None:
            return _internal(exc)
        click.echo(f"error: {problem}", err=True)
        return EXIT_USAGE
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        return EXIT_USAGE
    except BrokenPipeError:  # click itself exits 1 quietly when stdout's reader goes away (`| head`)
        return EXIT_OK
    except Exception as exc:
        return _internal(exc)
    return result if isinstance(result, int) else EXIT_OK


def _internal(exc: Exception) -> int:
    if os.environ.get("ASKCRAFT_DEBUG"):
        raise exc
    click.echo(
        f"askcraft: internal error ({type(exc).__name__}: {exc}). This is a bug; please report it "
        "with the command you ran (set ASKCRAFT_DEBUG=1 to see the traceback).",
        err=True,
    )
    return EXIT_INTERNAL
