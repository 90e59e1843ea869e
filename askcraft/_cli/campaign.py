"""``askcraft campaign``: read a contacts file, draft one checked request per contact, list campaigns."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from askcraft._cli.ledger import ledger_option, open_ledger, progress_bar
from askcraft._intent.model import RELATIONSHIPS

#: Problems listed on the terminal before "... and N more (see errors.csv)".
_SHOWN = 10
_CHANNEL_WORDS = {
    "email": "email",
    "linkedin-message": "LinkedIn message",
    "linkedin-connection-note": "LinkedIn connection note",
    "text": "text",
}


def _out() -> Console:
    return Console(highlight=False, soft_wrap=True)


def _err() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _mapping(items: tuple[str, ...]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for item in items:
        column, sep, field = item.rpartition("=")
        if not sep or not column.strip() or not field.strip():
            raise click.BadParameter(
                f"{item!r}: write it as 'COLUMN=FIELD', e.g. 'Full name=name'", param_hint="--map"
            )
        mapping[column.strip()] = field.strip()
    return mapping


_contacts_options = [
    click.option(
        "--map",
        "mapping",
        multiple=True,
        metavar="COLUMN=FIELD",
        help="Read a column as a field (repeatable).",
    ),
    click.option("--encoding", help="The file's encoding (default: detected: UTF-8, UTF-16, Windows-1252)."),
]


def _with_contacts_options(func: Any) -> Any:
    for option in reversed(_contacts_options):
        func = option(func)
    return func


@click.group("campaign")
def campaign_cmd() -> None:
    """Ask many people for a little: one checked request per contact.

    \b
    askcraft campaign contacts Connections.csv         how askcraft reads your file
    askcraft campaign draft --contacts Connections.csv --intent ask.yaml --out drafts/
    askcraft campaign list                             the campaigns in the ledger
    """


@campaign_cmd.command("contacts")
@click.argument("file", type=click.Path(path_type=Path))
@_with_contacts_options
def contacts_cmd(file: Path, mapping: tuple[str, ...], encoding: str | None) -> int:
    """Show how a contacts file is read: its format, the columns used, every row that cannot be."""
    from askcraft import campaign  # noqa: PLC0415

    listed = campaign.read_contacts(file, encoding=encoding, mapping=_mapping(mapping))
    out = _out()
    out.print(f"{file}: {listed.format_name} ({listed.encoding}), {len(listed)} contacts")
    for note in listed.notes:
        out.print(f"  {note}")
    if listed.columns:
        out.print("  columns: " + ", ".join(f"{h} → {f}" for h, f in listed.columns.items()))
    if listed.ignored_columns:
        shown = ", ".join(listed.ignored_columns[:6])
        out.print(f"  not used: {len(listed.ignored_columns)} columns ({shown}, ...)")
    if listed.blank_rows:
        out.print(f"  {listed.blank_rows} blank rows skipped")
    table = Table(show_edge=False, pad_edge=False)
    for column in ("row", "name", "email or profile", "relationship", "other fields"):
        table.add_column(column)
    for c in listed.contacts[:20]:
        fields = {k: v for k, v in c.fields.items() if k != "recipient.relationship"}
        table.add_row(
            str(c.row),
            c.name,
            c.email or c.profile_url or "",
            str(c.fields.get("recipient.relationship", "")),
            ", ".join(f"{k.removeprefix('recipient.')}={v}" for k, v in fields.items())[:60],
        )
    out.print(table)
    if len(listed) > 20:
        out.print(f"  ... and {len(listed) - 20} more")
    _print_problems(_err(), [*listed.problems, *listed.duplicates], None)
    return 0


@campaign_cmd.command("draft")
@click.option(
    "--contacts", "contacts_file", required=True, type=click.Path(path_type=Path), help="The contacts file."
)
@click.option(
    "--intent",
    "intent_file",
    required=True,
    type=click.Path(path_type=Path),
    help="The ask, as YAML (no recipient).",
)
@click.option(
    "--out", required=True, type=click.Path(file_okay=False, path_type=Path), help="The folder to write into."
)
@click.option("--name", help="The campaign's name in the ledger (default: the --out folder's name).")
@click.option(
    "--relationship", type=click.Choice(RELATIONSHIPS), help="For contacts whose file does not say."
)
@_with_contacts_options
@ledger_option
@click.option("--no-ledger", is_flag=True, help="Record nothing (no resume, no repeat check).")
@click.option(
    "--window",
    type=click.IntRange(min=0),
    default=30,
    show_default=True,
    help="Days before asking someone again.",
)
@click.option("--again", is_flag=True, help="Ask people asked in another campaign within the window anyway.")
@click.option("--redraft", is_flag=True, help="Draft again every message of this campaign not sent yet.")
@click.option(
    "--max-names",
    type=click.IntRange(min=1),
    default=5,
    show_default=True,
    help="Warn above this many names per person.",
)
@click.option("--pack", help="A pack folder, .zip or installed pack name to draft with.")
@click.option("--no-check", is_flag=True, help="Skip every check.")
@click.option("--no-grammar", is_flag=True, help="Skip the LanguageTool grammar check only.")
@click.option("--disable", multiple=True, metavar="RULE", help="Switch a check off by id (repeatable).")
@click.option("--html", is_flag=True, help="Also write review.html.")
@click.option("--strict", is_flag=True, help="Exit 1 when a draft has error-level findings.")
def draft_cmd(**opts: Any) -> int:
    """Draft one checked request per contact into a folder, with a review sheet, worst first.

    \b
    Example:
      askcraft campaign draft --contacts Connections.csv --intent ask.yaml --out drafts/
    """
    from askcraft import campaign  # noqa: PLC0415

    if not opts["no_check"] and not opts["no_grammar"]:
        from askcraft._cli.languagetool import show_languagetool_progress  # noqa: PLC0415

        show_languagetool_progress()
    out, err = _out(), _err()
    listed = campaign.read_contacts(
        opts["contacts_file"], encoding=opts["encoding"], mapping=_mapping(opts["mapping"])
    )
    ledger = None if opts["no_ledger"] else (opts["ledger"] or campaign.default_ledger_path())
    with progress_bar(err, "Drafting") as progress:  # the ledger opens once the ask is found sound
        result = campaign.run_campaign(
            listed,
            opts["intent_file"],
            relationship=opts["relationship"],
            out=opts["out"],
            name=opts["name"],
            ledger=ledger,
            record=ledger is not None,
            pack=opts["pack"],
            check=not opts["no_check"],
            grammar=not opts["no_grammar"],
            disable=opts["disable"],
            window=opts["window"],
            again=opts["again"],
            redraft=opts["redraft"],
            max_names=opts["max_names"],
            html=opts["html"],
            progress=progress,
        )
    out.print(f"{opts['contacts_file']}: {listed.format_name} ({listed.encoding}), {len(listed)} contacts")
    for note in listed.notes:
        out.print(f"  {note}")
    for warning in result.warnings[len(listed.notes) :]:
        err.print(f"note: {warning}", markup=False)
    if not result.entries:
        _print_problems(err, result.problems, result.files.get("errors"))
        err.print("error: nothing was drafted; fix the rows above and run again")
        return 2
    drafted, earlier = result.drafted, result.earlier
    channels = Counter(_CHANNEL_WORDS.get(e.channel, e.channel) for e in drafted)
    made = ", ".join(f"{n} {word}{'s' if n != 1 else ''}" for word, n in channels.most_common())
    out.print(
        f"Drafted {len(drafted)} message{'s' if len(drafted) != 1 else ''} into {result.out}/"
        + (f" ({made})" if made else "")
        + (f"; {len(earlier)} drafted by an earlier run kept as they were" if earlier else "")
        + "."
    )
    out.print(result.summary)
    tally = Counter(f.get("severity") for e in result.entries for f in e.findings)
    found = ", ".join(
        f"{tally[s]} {s}{'s' if tally[s] != 1 else ''}" for s in ("error", "warning", "suggestion")
    )
    out.print(f"Findings: {found}. Review them worst first: {result.files['review']} (and review.csv).")
    _print_problems(err, result.problems, result.files.get("errors"))
    if ledger is not None:
        out.print(f"Recorded as campaign '{result.name}' in the ledger ({ledger}).")
        out.print(
            f"Next: send them, then run: askcraft ledger mark sent --campaign '{result.name}' --on YYYY-MM-DD"
        )
    if opts["strict"] and tally["error"]:
        return 1
    return 0


def _print_problems(err: Console, problems: Any, errors_file: Path | None) -> None:
    if not problems:
        return
    where = f" (all listed in {errors_file})" if errors_file else ""
    err.print(f"{len(problems)} row{'s' if len(problems) != 1 else ''} not drafted{where}:")
    for p in list(problems)[:_SHOWN]:
        err.print(f"  row {p.row}" + (f" ({p.name})" if p.name else "") + f": {p.message}", markup=False)
    if len(problems) > _SHOWN:
        err.print(f"  ... and {len(problems) - _SHOWN} more")


@campaign_cmd.command("list")
@ledger_option
def list_cmd(ledger: Path | None) -> int:
    """List the campaigns in the ledger: when, where, how many asked and sent."""
    with open_ledger(ledger) as store:
        rows = store.campaigns()
        out = _out()
        if not rows:
            out.print(f"No campaigns yet in {store.path}. Start one with: askcraft campaign draft --help")
            return 0
        table = Table(title=f"Campaigns ({store.path})", title_justify="left")
        for column in ("name", "started", "asks", "sent", "folder"):
            table.add_column(column)
        for r in rows:
            table.add_row(
                r["name"], str(r["created_at"])[:10], str(r["asks"]), str(r["sent"] or 0), r["out_dir"] or ""
            )
        out.print(table)
    return 0
