"""``askcraft due``: who is due a gentle reminder, who is owed a thank-you; draft them all in one go."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from askcraft._cli.ledger import ledger_option, open_ledger, progress_bar


@click.command("due")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), help="Count from this day (default: today).")
@click.option(
    "--after", type=click.IntRange(min=1), default=7, show_default=True, help="Days before a reminder."
)
@click.option("--max-reminders", type=click.IntRange(min=0, max=3), default=2, show_default=True)
@click.option("--campaign", help="Only this campaign.")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Draft every follow-up due into this folder.",
)
@click.option("--news", help="Reminders: what is new since you asked (one line for all of them).")
@click.option(
    "--ics",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the follow-up dates as a calendar file.",
)
@click.option("--with-todo", is_flag=True, help="In the calendar, add a to-do beside each event.")
@ledger_option
@click.option("--pack", help="A pack folder, .zip or installed pack name to draft with.")
@click.option("--no-check", is_flag=True, help="Skip every check.")
@click.option("--no-grammar", is_flag=True, help="Skip the LanguageTool grammar check only.")
@click.option("--disable", multiple=True, metavar="RULE", help="Switch a check off by id (repeatable).")
@click.option("--html", is_flag=True, help="Also write review.html.")
@click.option("--strict", is_flag=True, help="Exit 1 when a draft has error-level findings.")
def due_cmd(**opts: Any) -> int:
    """List who is due a reminder or a thank-you; with --out, draft them all, each restating its ask.

    \b
    A reminder is due 7 days after the request or the last reminder, two at most, never once
    they replied or declined. Whoever helped is owed a thank-you.
    \b
    Examples:
      askcraft due
      askcraft due --out followups/ --ics followups.ics
    """
    from askcraft import campaign  # noqa: PLC0415

    today = opts["today"].date() if opts["today"] else date.today()
    out = Console(highlight=False, soft_wrap=True)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    with open_ledger(opts["ledger"]) as store:
        items = campaign.due_list(
            store,
            today=today,
            upcoming=True,
            after=opts["after"],
            max_reminders=opts["max_reminders"],
            campaign=opts["campaign"],
        )
        due = [i for i in items if i.is_due(today)]
        later = [i for i in items if not i.is_due(today)]
        unsent = sum(1 for a in store.asks(campaign=opts["campaign"]) if a.sent_on is None)
        _table(out, f"Due on {today} ({len(due)})", due, today)
        if later:
            _table(out, f"Coming up ({len(later)})", later[:20], today)
        if not items:
            out.print("Nobody is due a reminder or a thank-you.")
        if unsent:
            out.print(
                f"{unsent} drafted request(s) not marked sent yet: once sent, run "
                "askcraft ledger mark sent --campaign NAME --on YYYY-MM-DD"
            )
        if opts["ics"]:
            closed = campaign.closed_steps(
                store.asks(campaign=opts["campaign"]), today=today, after=opts["after"]
            )
            data = campaign.follow_up_calendar(items, cancelled=closed, todos=opts["with_todo"])
            from askcraft._cli.draft import _write_safely  # noqa: PLC0415

            _write_safely(opts["ics"], data)
            out.print(f"Wrote {opts['ics']}: {len(items)} follow-up date(s), {len(closed)} cancelled.")
        if opts["out"] is None:
            if due:
                out.print("Draft them all with: askcraft due --out followups/")
            return 0
        if not due:
            return 0
        if not opts["no_check"] and not opts["no_grammar"]:
            from askcraft._cli.languagetool import show_languagetool_progress  # noqa: PLC0415

            show_languagetool_progress()
        with progress_bar(err, "Drafting") as progress:
            result = campaign.draft_follow_ups(
                store,
                due,
                out=opts["out"],
                today=today,
                news=opts["news"],
                pack=opts["pack"],
                check=not opts["no_check"],
                grammar=not opts["no_grammar"],
                disable=opts["disable"],
                html=opts["html"],
                progress=progress,
            )
    out.print(
        f"Drafted {len(result.entries)} follow-up(s) into {opts['out']}/; review: {result.files['review']}."
    )
    for p in result.problems:
        err.print(f"not drafted: {p.name}: {p.message}", markup=False)
    out.print("Once sent, mark each: askcraft ledger mark reminded CONTACT (or: thanked CONTACT).")
    errors = sum(1 for e in result.entries for f in e.findings if f.get("severity") == "error")
    if opts["strict"] and errors:
        return 1
    return 0


def _table(console: Console, title: str, items: list[Any], today: date) -> None:
    if not items:
        return
    table = Table(title=title, title_justify="left")
    for column in ("who", "follow-up", "due", "why"):
        table.add_column(column)
    for item in items:
        when = "today" if item.due_on == today else str(item.due_on)
        table.add_row(item.ask.name, item.step.replace("-", " "), when, item.why)
    console.print(table)
