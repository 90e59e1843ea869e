"""``askcraft languagetool``: install, start, stop and inspect the local LanguageTool server."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, cast

import click
from rich.console import Console


def _stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


@contextmanager
def _progress(console: Console, title: str) -> Iterator[Any]:
    """Show LanguageTool's progress messages on stderr (a spinner on a terminal)."""
    if console.is_terminal:
        with console.status(title) as status:

            def report(message: str) -> None:
                console.print(f"[dim]•[/dim] {message}")
                status.update(f"{title} {message}")

            yield report
    else:

        def report_plain(message: str) -> None:
            console.print(message)

        yield report_plain


class _ConsoleHandler(logging.Handler):
    def __init__(self, console: Console) -> None:
        super().__init__(logging.INFO)
        self.console = console

    def emit(self, record: logging.LogRecord) -> None:
        self.console.print(f"[dim]languagetool:[/dim] {record.getMessage()}")


def show_languagetool_progress(console: Console | None = None) -> None:
    """Print the library's LanguageTool progress (first-use install, start-up) to stderr.

    Other commands (draft, check) call this so a first grammar check says what it
    fetches and from where while it installs and starts LanguageTool. It also refuses an
    ``ASKCRAFT_LANGUAGETOOL`` value that is neither on nor off, and an
    ``ASKCRAFT_LANGUAGETOOL_URL`` that is not an http(s) URL, before anything runs.
    """
    from askcraft._grammar.config import configured_url, switched_off  # noqa: PLC0415

    switched_off()
    configured_url()
    logger = logging.getLogger("askcraft.languagetool")
    if any(isinstance(h, _ConsoleHandler) for h in logger.handlers):
        return
    logger.addHandler(_ConsoleHandler(console or _stderr()))
    logger.setLevel(logging.INFO)
    logger.propagate = False


@click.group("languagetool")
def languagetool_cmd() -> None:
    """Install, start, stop and inspect the local LanguageTool server (grammar and spelling).

    askcraft runs LanguageTool on 127.0.0.1 and reuses one server across commands.
    Set ASKCRAFT_LANGUAGETOOL_URL to use a server you run, or ASKCRAFT_LANGUAGETOOL=off
    to skip grammar checks.
    """
    from askcraft._grammar.config import configured_url, switched_off  # noqa: PLC0415

    # A junk value in either variable is an error for every subcommand (start, stop, status, ...),
    # never read as "on" or as a server that does not answer.
    switched_off()
    configured_url()


@languagetool_cmd.command("install")
@click.option("--force", is_flag=True, help="Install again even if this version is already installed.")
@click.option(
    "--from",
    "route",
    type=click.Choice(["auto", "download", "maven"]),
    default="auto",
    show_default=True,
    help="Where to get it: the release download, Maven Central (needs mvn), or whichever is reachable.",
)
@click.option(
    "--language",
    "languages",
    multiple=True,
    metavar="CODE",
    help="Also install this language's module (de, fr; repeatable). English and Spanish are always there.",
)
def install_cmd(force: bool, route: str, languages: tuple[str, ...]) -> int:
    """Install LanguageTool (needs Java 17+; English; about 100 MB from Maven Central)."""
    from askcraft._grammar.config import Route  # noqa: PLC0415
    from askcraft._grammar.obtain import find_installation, install, language_codes  # noqa: PLC0415
    from askcraft._grammar.server import stop_server  # noqa: PLC0415

    try:
        codes = language_codes(languages)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--language") from None
    before = find_installation()
    console = _stderr()
    with _progress(console, "Installing LanguageTool…") as report:
        installation = install(force=force, route=cast("Route", route), progress=report, languages=codes)
    if before is not None and before.languages != installation.languages and stop_server() is not None:
        click.echo(
            "Stopped the running LanguageTool server: the next check starts one with the new languages."
        )
    size = installation.size_bytes() / 1e6
    shown = "all" if "*" in installation.languages else ", ".join(installation.languages)
    click.echo(
        f"LanguageTool {installation.version} is installed in {installation.path} "
        f"({installation.route} route, {size:.0f} MB; languages: {shown})."
    )
    return 0


@languagetool_cmd.command("start")
@click.option(
    "--idle",
    "idle_minutes",
    type=click.FloatRange(min=0),
    default=0,
    show_default=True,
    help="Stop the server after this many minutes without checks (0: keep it running until `stop`).",
)
def start_cmd(idle_minutes: float) -> int:
    """Start the local LanguageTool server (installing it first if needed) and leave it running."""
    from askcraft._grammar.config import ENV_URL, configured_url  # noqa: PLC0415
    from askcraft._grammar.server import healthy, start_server  # noqa: PLC0415

    url = configured_url()
    if url is not None:
        state = "answers" if healthy(url) else "does NOT answer"
        click.echo(f"{ENV_URL} is set: askcraft uses the server at {url} (it {state}) and starts none.")
        return 0
    console = _stderr()
    with _progress(console, "Starting LanguageTool…") as report:
        server = start_server(idle_minutes=idle_minutes, progress=report)
    click.echo(f"LanguageTool {server.version} is running on {server.url} (pid {server.pid}).")
    return 0


@languagetool_cmd.command("stop")
def stop_cmd() -> int:
    """Stop the local LanguageTool server askcraft started."""
    from askcraft._grammar.server import stop_server  # noqa: PLC0415

    server = stop_server()
    if server is None:
        click.echo("No LanguageTool server started by askcraft is running.")
    else:
        click.echo(f"Stopped LanguageTool on {server.url} (pid {server.pid}).")
    return 0


@languagetool_cmd.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
def status_cmd(as_json: bool) -> int:
    """Show the installed version, and the server's URL, pid, port and memory."""
    from askcraft._grammar.config import ENV_SWITCH, ENV_URL  # noqa: PLC0415
    from askcraft._grammar.status import status  # noqa: PLC0415

    info = status()
    if as_json:
        click.echo(json.dumps(info, indent=2))
        return 0
    rows: list[tuple[str, str]] = [("version", str(info["server_version"] or info["version"]))]
    if info["switched_off"]:
        rows.append(("switched off", f"yes ({ENV_SWITCH}=off)"))
    if info["managed"]:
        installed = f"{info['install_path']} ({info['install_route']} route)" if info["installed"] else "no"
        rows.append(("installed", installed))
        if info["installed"]:
            codes = info["install_languages"]
            rows.append(("languages", "all" if "*" in codes else ", ".join(codes)))
    if info["url"] is None:
        rows.append(("server", "not running (starts on the first grammar check)"))
    else:
        rows.append(("url", info["url"] + ("" if info["managed"] else f" (from {ENV_URL})")))
        rows.append(("running", "yes" if info["running"] else "no, it does not answer"))
    if info["pid"] is not None:
        rows.append(("pid", str(info["pid"])))
        rows.append(("port", str(info["port"])))
    if info["memory_bytes"] is not None:
        rows.append(("memory", f"{info['memory_bytes'] / 2**20:.0f} MiB resident"))
    if info["idle_minutes"]:
        rows.append(("idle stop", f"after {info['idle_minutes']:g} minutes without checks"))
    if info["log"]:
        rows.append(("log", info["log"]))
    width = max(len(key) for key, _ in rows)
    for key, value in rows:
        click.echo(f"{key:<{width}}  {value}")
    return 0


@languagetool_cmd.command("path")
def path_cmd() -> int:
    """Print the folder LanguageTool is (or would be) installed in."""
    from askcraft._grammar.config import install_dir  # noqa: PLC0415

    click.echo(str(install_dir()))
    return 0
