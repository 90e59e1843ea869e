"""``askcraft draft``: build an intent from flags, a file and (on a terminal) questions; print the draft."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from askcraft._cli._args import FilePath, pack_source
from askcraft._cli.form import ask_all, find_problems, report, set_path
from askcraft._errors import IntentError
from askcraft._intent.model import CHANNELS, GOALS, KINDS, RELATIONSHIPS

FORMATS = ("text", "markdown", "json", "eml", "ics")


@click.command("draft", context_settings={"show_default": True})
@click.argument("kind", required=False, type=click.Choice(KINDS))
@click.option(
    "--intent",
    "intent_file",
    type=FilePath(dir_okay=False, path_type=Path),
    help="Read the intent from a YAML file; flags override it.",
)
@click.option("--to", "to_name", help="The recipient's name.")
@click.option("--relationship", type=click.Choice(RELATIONSHIPS), help="How you know them.")
@click.option("--to-email", help="The recipient's email address (for --format eml).")
@click.option("--recipient-company", help="Where the recipient works.")
@click.option("--from", "from_name", help="Your name, for the signature.")
@click.option("--from-email", help="Your email address (for --format eml).")
@click.option("--reason", help="Why you are making this change, in one positive sentence.")
@click.option(
    "--signature", help="How to sign off (default: your first name, or full name for formal messages)."
)
@click.option("--goal", type=click.Choice(GOALS), help="What you are asking for.")
@click.option("--industry", help="The industry you are aiming at.")
@click.option("--role", help="The role you are aiming at.")
@click.option("--company", help="A company you are aiming at.")
@click.option("--count", type=int, help="How many names you ask for (1-5 is best).")
@click.option("--details", help="For favours: what you would like, as it would follow 'could you'.")
@click.option(
    "--hook",
    help="How you know them, or why you ask them in particular, e.g. 'we met at the PyCon sprint in 2019'.",
)
@click.option("--channel", type=click.Choice(CHANNELS), help="Where the message goes (default: email).")
@click.option("--language", help="BCP 47 language tag: en-US, en-GB, de-DE, fr-FR, es-ES (default: en-US).")
@click.option(
    "--formality",
    type=click.Choice(["formal", "informal"]),
    help="Sie/vous/usted or du/tu/tú (default: informal for friends and family).",
)
@click.option(
    "--pronouns",
    type=click.Choice(["she/her", "he/him", "they/them"]),
    help="The recipient's pronouns, for greetings that agree ('Liebe Frau Lee').",
)
@click.option("--sent-on", type=click.DateTime(["%Y-%m-%d"]), help="Reminders: when you sent the request.")
@click.option(
    "--send-date", type=click.DateTime(["%Y-%m-%d"]), help="When this message goes out (default: today)."
)
@click.option("--news", help="Reminders: what is new since you asked, e.g. 'I passed my CFA Level I exam'.")
@click.option(
    "--what-they-did", "help_given", help="Thank-yous: what they did, as it would follow 'thank you for'."
)
@click.option("--outcome", help="Thank-yous: what came of it.")
@click.option("--gift", help="Thank-yous: a small gift you are sending, e.g. 'some flowers'.")
@click.option(
    "--set", "extra", multiple=True, metavar="KEY=VALUE", help="A pack-specific field (repeatable)."
)
@click.option(
    "--pack", callback=pack_source, help="A pack folder, .zip or installed pack name to draft with."
)
@click.option("--variant", help="Pick a phrasing by name (default: chosen from the recipient).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", help="Output format.")
@click.option("--out", type=FilePath(dir_okay=False, path_type=Path), help="Write the draft to this file.")
@click.option("--no-input", is_flag=True, help="Never ask questions; fail listing every missing field.")
@click.option("--no-check", is_flag=True, help="Skip every check.")
@click.option("--no-grammar", is_flag=True, help="Skip the LanguageTool grammar check only.")
@click.option("--disable", multiple=True, metavar="RULE", help="Switch a check off by id (repeatable).")
@click.option("--strict", is_flag=True, help="Exit 1 when error-level findings remain.")
def draft_cmd(**opts: Any) -> int:
    """Draft a request, reminder or thank-you and check it.

    \b
    Example:
      askcraft draft request --to "Sam Lee" --relationship former-colleague \\
        --goal job-leads --industry banking --count 3 \\
        --from "Alex Kim" --reason "I want to put my math degree to work in finance"
    """
    import askcraft  # noqa: PLC0415
    from askcraft.packs import resolve_packs  # noqa: PLC0415

    if opts["out"] is None and sys.stdout is None:  # started with standard output closed (`>&-`)
        raise click.ClickException("standard output is closed; write the draft to a file with --out FILE")
    if opts["out"] is not None:
        _out_folder(opts["out"])  # before any work: a draft with nowhere to go is wasted
    data, flags = _gather(opts)
    if not opts["no_check"] and not opts["no_grammar"]:
        # A first grammar check may install and start LanguageTool: say what it fetches, on stderr.
        from askcraft._cli.languagetool import show_languagetool_progress  # noqa: PLC0415

        show_languagetool_progress()
    packs = resolve_packs(opts["pack"])
    # With standard input closed (`<&-`) sys.stdin is None: nobody can answer, so never ask.
    if not opts["no_input"] and sys.stdin is not None and sys.stdin.isatty():
        ask_all(data, packs, flags)
    intent_file = str(opts["intent_file"]) if opts["intent_file"] else None
    problems = find_problems(data, packs, flags)
    if problems:
        raise report(problems, intent_file=intent_file)
    result = askcraft.draft(
        askcraft.Intent.parse(data, source=intent_file),
        pack=packs[0] if opts["pack"] else None,
        variant=opts["variant"],
        check=not opts["no_check"],
        grammar=not opts["no_grammar"],
        disable=opts["disable"],
    )
    return _emit(result, opts["fmt"], opts["out"], strict=opts["strict"])


#: Each intent field a flag sets: the option's name in click, and the flag as the user typed it.
_FLAGS: dict[str, tuple[str, str]] = {
    "kind": ("kind", "KIND"),
    "goal": ("goal", "--goal"),
    "recipient.name": ("to_name", "--to"),
    "recipient.relationship": ("relationship", "--relationship"),
    "recipient.email": ("to_email", "--to-email"),
    "recipient.company": ("recipient_company", "--recipient-company"),
    "sender.name": ("from_name", "--from"),
    "sender.email": ("from_email", "--from-email"),
    "sender.reason": ("reason", "--reason"),
    "sender.signature": ("signature", "--signature"),
    "industry": ("industry", "--industry"),
    "role": ("role", "--role"),
    "company": ("company", "--company"),
    "count": ("count", "--count"),
    "details": ("details", "--details"),
    "hook": ("hook", "--hook"),
    "news": ("news", "--news"),
    "channel": ("channel", "--channel"),
    "language": ("language", "--language"),
    "formality": ("formality", "--formality"),
    "recipient.pronouns": ("pronouns", "--pronouns"),
    "sent_on": ("sent_on", "--sent-on"),
    "send_date": ("send_date", "--send-date"),
    "help": ("help_given", "--what-they-did"),
    "outcome": ("outcome", "--outcome"),
    "gift": ("gift", "--gift"),
}


def _gather(opts: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """Merge the intent file (if any) with the flags; flags win.

    Return the data and, for each field a flag set, that flag (so a bad value is blamed on it).
    """
    from askcraft._yaml import read_yaml  # noqa: PLC0415

    data: dict[str, Any] = {}
    if opts["intent_file"]:
        loaded = read_yaml(opts["intent_file"], what="intent file")
        if loaded is None:
            raise IntentError(f"{opts['intent_file']}: the file is empty; write the intent as YAML")
        if not isinstance(loaded, dict):
            raise IntentError(
                f"{opts['intent_file']}: an intent must be a mapping of fields (kind, goal, recipient, ...)"
            )
        data = loaded
    flags: dict[str, str] = {}
    for path, (option, flag) in _FLAGS.items():
        value = opts[option]
        if value is None:
            continue
        if path in {"sent_on", "send_date"}:
            value = value.date()
        set_path(data, path, value)
        flags[path] = flag
    for item in opts["extra"]:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{item!r}: write it as KEY=VALUE", param_hint="--set")
        set_path(data, f"extra.{key.strip()}", value)
        flags[f"extra.{key.strip()}"] = f"--set {key.strip()}"
    return data, flags


def _emit(result: Any, fmt: str, out: Path | None, *, strict: bool) -> int:
    payload: str | bytes = {
        "text": result.to_text,
        "markdown": result.to_markdown,
        "json": result.to_json,
        "eml": result.to_eml,
        "ics": result.to_ics,
    }[fmt]()
    if out is not None:
        data = payload.encode("utf-8") if isinstance(payload, str) else payload
        _write_safely(out, data)
        click.echo(f"Wrote {out}", err=True)
    elif isinstance(payload, bytes):
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
    else:
        click.echo(payload, nl=not payload.endswith("\n"))
    if fmt != "json" and result.findings:
        from rich.console import Console  # noqa: PLC0415

        from askcraft._cli._output import print_findings  # noqa: PLC0415

        print_findings(Console(stderr=True), result.body, result.findings, subject=result.subject)
    if strict and any(f.severity == "error" for f in result.findings):
        return 1
    return 0


def _write_safely(path: Path, data: bytes) -> None:
    """Write through a temporary file and rename, so a failed write never leaves half a file."""
    import os  # noqa: PLC0415
    import tempfile  # noqa: PLC0415

    folder = _out_folder(path)
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise click.FileError(str(path), hint=f"cannot write in {folder} ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        Path(tmp).replace(path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise click.FileError(str(path), hint=exc.strerror or str(exc)) from None


def _out_folder(path: Path) -> Path:
    """Return the folder --out writes into, refusing one that is missing or not writable."""
    import os  # noqa: PLC0415

    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise click.BadParameter(f"{folder}: no such folder", param_hint="--out")
    if not os.access(folder, os.W_OK):
        raise click.BadParameter(f"{folder}: you cannot write in this folder", param_hint="--out")
    return folder
