"""``askcraft ledger``: who was asked, and what came of it: show, mark, export, forget."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    from askcraft.campaign import Ask, Ledger

MARK_KINDS = ("sent", "reminded", "replied", "helped", "declined", "thanked")

ledger_option = click.option(
    "--ledger",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The ledger file (default: $ASKCRAFT_LEDGER, else ledger.sqlite3 in your data folder).",
)


def open_ledger(path: Path | None) -> Ledger:
    """Open the ledger at *path* (or the default one)."""
    from askcraft.campaign import Ledger  # noqa: PLC0415

    return Ledger(path)


@contextmanager
def progress_bar(console: Console, title: str) -> Iterator[Callable[[int, int], None] | None]:
    """Yield a progress callback drawing a bar on a terminal (from the first report), else None."""
    if not console.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn  # noqa: PLC0415

    bar = Progress(
        f"[bold]{title}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    )
    task: list[Any] = []

    def report(done: int, total: int) -> None:
        if not task:
            bar.start()
            task.append(bar.add_task(title, total=total))
        bar.advance(task[0], done)

    try:
        yield report
    finally:
        if task:
            bar.stop()


def _day(value: datetime | None) -> date | None:
    return value.date() if value is not None else None


@click.group("ledger")
def ledger_cmd() -> None:
    """Who was asked, when, and what came of it (a SQLite file that never leaves this machine).

    \b
    askcraft ledger show [CONTACT]                      every ask, or one person's history
    askcraft ledger mark sent --campaign drafts --on 2026-11-02
    askcraft ledger mark replied sam.lee@example.com
    askcraft ledger mark helped sam.lee@example.com --what "introducing me to Priya"
    askcraft ledger export --format csv --out ledger.csv
    askcraft ledger forget sam.lee@example.com
    """


@ledger_cmd.command("path")
@ledger_option
def path_cmd(ledger: Path | None) -> int:
    """Print where the ledger is."""
    from askcraft.campaign import default_ledger_path  # noqa: PLC0415

    click.echo(str(ledger or default_ledger_path()))
    return 0


@ledger_cmd.command("show")
@click.argument("contact", required=False)
@click.option("--campaign", help="Only this campaign.")
@ledger_option
def show_cmd(contact: str | None, campaign: str | None, ledger: Path | None) -> int:
    """Show every ask (or one contact's, with its history)."""
    from askcraft.campaign import asks_of, next_step  # noqa: PLC0415

    console = Console(highlight=False, soft_wrap=True)
    with open_ledger(ledger) as store:
        asks = asks_of(store, contact, campaign) if contact else store.asks(campaign=campaign)
        if not asks:
            console.print(f"No asks in {store.path} yet. Start with: askcraft campaign draft --help")
            return 0
        table = Table(title=f"Asks ({store.path})", title_justify="left")
        for column in ("name", "campaign", "ask", "status", "sent", "next"):
            table.add_column(column)
        for ask in asks:
            step = next_step(ask)
            table.add_row(
                ask.name,
                ask.campaign,
                ask.ask,
                ask.status,
                str(ask.sent_on or "-"),
                f"{step.step.replace('-', ' ')}, {step.due_on}" if step else "-",
            )
        console.print(table)
        if contact:
            for ask in asks:
                _history(console, ask)
    return 0


def _history(console: Console, ask: Ask) -> None:
    console.print(f"\n{ask.name}, campaign {ask.campaign}: {ask.ask}", markup=False)
    for m in ask.messages:
        sent = f"sent {m.sent_on}" if m.sent_on else "not sent"
        console.print(f"  {m.step}: {m.file or '(written by you)'}, {sent}", markup=False)
    for e in ask.events:
        said = "; ".join(f"{k}: {v}" for k, v in (("what", e.help), ("outcome", e.outcome), ("gift", e.gift),
                                                  ("offered", e.offered), ("note", e.note)) if v)  # fmt: skip
        console.print(f"  {e.on} {e.kind}" + (f" ({said})" if said else ""), markup=False)


@ledger_cmd.command("mark")
@click.argument("kind", type=click.Choice(MARK_KINDS))
@click.argument("contact", required=False)
@click.option(
    "--campaign", help="The campaign (default: the contact's latest ask); alone, with 'sent': all of it."
)
@click.option("--on", "on", type=click.DateTime(["%Y-%m-%d"]), help="When (default: today).")
@click.option("--what", "help_given", help="helped: what they did, as it would follow 'thank you for'.")
@click.option("--outcome", help="helped: what came of it.")
@click.option("--gift", help="helped: a small gift to mention in the thank-you.")
@click.option("--offered", help="thanked: what you offered back.")
@click.option("--note", help="A note of your own.")
@ledger_option
def mark_cmd(kind: str, contact: str | None, **opts: Any) -> int:
    """Mark an ask: sent, reminded, replied, helped, declined or thanked.

    \b
    CONTACT is an email, a profile URL or a name. 'sent' marks the next drafted message sent;
    with --campaign and no CONTACT, every drafted message of the campaign not sent yet.
    """
    from askcraft.campaign import mark  # noqa: PLC0415

    with open_ledger(opts["ledger"]) as store:
        done = mark(
            store,
            kind,
            contact,
            campaign=opts["campaign"],
            on=_day(opts["on"]),
            help=opts["help_given"],
            outcome=opts["outcome"],
            gift=opts["gift"],
            offered=opts["offered"],
            note=opts["note"],
        )
    if contact is None:
        click.echo(f"Marked {len(done.steps)} messages of campaign '{opts['campaign']}' sent on {done.on}.")
        if not done.steps:
            click.echo("(every drafted message of it was marked sent already)")
        return 0
    (ask,) = done.asks
    what = f" ({', '.join(done.steps)})" if done.steps else ""
    click.echo(
        f"Marked {ask.name} (campaign '{ask.campaign}'): {kind} on {done.on}{what}. Now: {ask.status}."
    )
    if kind == "helped" and not opts["help_given"]:
        click.echo("Tip: say what they did (--what 'introducing me to Priya'), so the thank-you can name it.")
    return 0


@ledger_cmd.command("export")
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]), default="json", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file.")
@ledger_option
def export_cmd(fmt: str, out: Path | None, ledger: Path | None) -> int:
    """Export everything in the ledger (your copy, to keep or move), as JSON or CSV."""
    from askcraft._cli.draft import _write_safely  # noqa: PLC0415
    from askcraft.campaign import export_csv, export_json  # noqa: PLC0415

    with open_ledger(ledger) as store:
        data = export_csv(store) if fmt == "csv" else export_json(store).encode("utf-8")
    if out is not None:
        _write_safely(out, data)
        click.echo(f"Wrote {out}", err=True)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return 0


@ledger_cmd.command("forget")
@click.argument("contact")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@ledger_option
def forget_cmd(contact: str, yes: bool, ledger: Path | None) -> int:
    """Remove a contact and everything recorded about them from the ledger."""
    from askcraft.campaign import asks_of, forget  # noqa: PLC0415

    with open_ledger(ledger) as store:
        asks = asks_of(store, contact)
        if not yes:
            if sys.stdin is None or not sys.stdin.isatty():
                raise click.UsageError("forgetting cannot be undone: add --yes to confirm")
            click.confirm(f"Forget {asks[0].name} and {len(asks)} ask(s)? This cannot be undone", abort=True)
        gone = forget(store, contact)
    click.echo(
        f"Forgot {', '.join(gone.names)}: {gone.asks} ask(s) and their history are gone from the ledger."
    )
    if gone.files:
        click.echo("Their draft files are still on disk; delete them yourself if you like:")
        for file in gone.files:
            click.echo(f"  {file}")
    return 0
