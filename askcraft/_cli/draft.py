"""``askcraft draft``: build an intent from flags, a file and (on a terminal) questions; print the draft."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from askcraft._errors import IntentError
from askcraft._intent.model import CHANNELS, GOALS, KINDS, MAX_COUNT, RELATIONSHIPS

FORMATS = ("text", "markdown", "json", "eml", "ics")


@dataclasses.dataclass(frozen=True)
class _Field:
    """One intent field as the command line knows it: its flag, question and help."""

    path: str
    flag: str
    question: str
    help: str
    choices: tuple[str, ...] = ()
    number: bool = False


FIELDS: tuple[_Field, ...] = (
    _Field("kind", "KIND", "Which message", "request, reminder or thank-you", KINDS),
    _Field("goal", "--goal", "What are you asking for", "the kind of help you want", GOALS),
    _Field("recipient.name", "--to", "Who are you writing to", "their name, e.g. Sam Lee"),
    _Field(
        "recipient.relationship",
        "--relationship",
        "How do you know them",
        "sets the voice: warm for friends and family, more formal otherwise",
        RELATIONSHIPS,
    ),
    _Field("sender.name", "--from", "Your name", "how you sign, e.g. Alex Kim"),
    _Field(
        "sender.reason",
        "--reason",
        "Why are you making this change",
        "one positive sentence, e.g. 'I want to put my math degree to work in finance'",
    ),
    _Field(
        "count",
        "--count",
        "How many names are you asking for",
        f"a number from 1 to {MAX_COUNT}; one to five is best",
        number=True,
    ),
    _Field("industry", "--industry", "Which industry", "e.g. banking (or give --role or --company)"),
    _Field("role", "--role", "Which role", "e.g. data analyst"),
    _Field("company", "--company", "Which company", "e.g. Acme Bank"),
    _Field(
        "details", "--details", "What is the favour", "as it would follow 'could you', e.g. 'look over my CV'"
    ),
    _Field("help", "--what-they-did", "What did they do", "as it would follow 'thank you for'"),
    _Field("recipient.company", "--recipient-company", "Where do they work", "e.g. Acme Bank"),
)
_BY_PATH = {f.path: f for f in FIELDS}
#: Fields every intent needs, whatever the pack says.
_ALWAYS = ("kind", "goal", "recipient.name", "recipient.relationship", "sender.name")


def _set(data: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, leaf = dotted.split(".")
    node = data
    for part in parents:
        child = node.get(part)
        if not isinstance(child, dict):
            child = {}
            node[part] = child
        node = child
    node[leaf] = value


def _unmet(data: dict[str, Any], pack: Any) -> list[str]:
    """Return field specs still missing: the always-required ones, then what the pack's template needs."""
    from askcraft._packs.fields import lookup, unmet_fields  # noqa: PLC0415

    missing = [path for path in _ALWAYS if not lookup(data, path)]
    missing += [spec for spec in unmet_fields(pack, data) if spec not in missing]
    # A value that was given but is invalid (count 0) is for validation to explain, not "missing".
    return [spec for spec in missing if all(lookup(data, p) in (None, "") for p in spec.split("|"))]


def _describe(spec: str) -> str:
    parts = [_BY_PATH[p].flag if p in _BY_PATH else p for p in spec.split("|")]
    return f"{spec.replace('|', ' or ')} ({' or '.join(parts)})"


def _ask(spec: str, data: dict[str, Any]) -> None:
    """Ask for one missing field on the terminal, validating each answer as it is typed."""
    from askcraft._intent.model import Intent  # noqa: PLC0415

    path = spec.split("|", maxsplit=1)[0]
    field = _BY_PATH.get(path)
    question = field.question if field else path
    help_text = field.help if field else ""
    if "|" in spec:
        help_text = f"or give {' / '.join(_BY_PATH[p].flag for p in spec.split('|')[1:] if p in _BY_PATH)}"
    click.echo(click.style(f"{question}?", bold=True) + (f"  ({help_text})" if help_text else ""), err=True)
    kind: click.ParamType[Any] | type = str
    if field and field.choices:
        kind = click.Choice(field.choices)
    elif field and field.number:
        kind = click.IntRange(1, MAX_COUNT)

    def validate(value: Any) -> Any:
        if isinstance(value, str):
            value = value.strip()
            if not value:
                raise click.BadParameter("please type an answer (Ctrl-C to stop)")
        trial: dict[str, Any] = {}
        _set(trial, path, value)
        problems = _field_problems(Intent, trial, path)
        if problems:
            raise click.BadParameter("; ".join(problems))
        return value

    value = click.prompt(f"  {path}", type=kind, value_proc=_chain(kind, validate), err=True)
    _set(data, path, value)


def _chain(kind: click.ParamType[Any] | type, validate: Callable[[Any], Any]) -> Callable[[Any], Any]:
    convert = click.types.convert_type(kind)

    def run(value: Any) -> Any:
        return validate(convert(value))

    return run


def _field_problems(model: Any, trial: dict[str, Any], path: str) -> list[str]:
    """Validate one field in isolation, returning only the errors that concern it."""
    from pydantic import ValidationError  # noqa: PLC0415

    try:
        model.model_validate(trial)
    except ValidationError as exc:
        wanted = tuple(path.split("."))
        return [
            err["msg"].removeprefix("Value error, ")
            for err in exc.errors(include_url=False)
            if tuple(str(p) for p in err["loc"]) == wanted and err["type"] != "missing"
        ]
    return []


@click.command("draft", context_settings={"show_default": True})
@click.argument("kind", required=False, type=click.Choice(KINDS))
@click.option(
    "--intent",
    "intent_file",
    type=click.Path(dir_okay=False, path_type=Path),
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
@click.option("--channel", type=click.Choice(CHANNELS), help="Where the message goes (default: email).")
@click.option("--language", help="BCP 47 language tag (default: en-US).")
@click.option("--sent-on", type=click.DateTime(["%Y-%m-%d"]), help="Reminders: when you sent the request.")
@click.option(
    "--send-date", type=click.DateTime(["%Y-%m-%d"]), help="When this message goes out (default: today)."
)
@click.option(
    "--what-they-did", "help_given", help="Thank-yous: what they did, as it would follow 'thank you for'."
)
@click.option("--outcome", help="Thank-yous: what came of it.")
@click.option("--gift", help="Thank-yous: a small gift you are sending, e.g. 'some flowers'.")
@click.option(
    "--set", "extra", multiple=True, metavar="KEY=VALUE", help="A pack-specific field (repeatable)."
)
@click.option("--pack", help="A pack folder, .zip or installed pack name to draft with.")
@click.option("--variant", help="Pick a phrasing by name (default: chosen from the recipient).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", help="Output format.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write the draft to this file.")
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
    data = _gather(opts)
    if not opts["no_check"] and not opts["no_grammar"]:
        # A first grammar check may install and start LanguageTool: say what it fetches, on stderr.
        from askcraft._cli.languagetool import show_languagetool_progress  # noqa: PLC0415

        show_languagetool_progress()
    packs = resolve_packs(opts["pack"])
    # With standard input closed (`<&-`) sys.stdin is None: nobody can answer, so never ask.
    interactive = not opts["no_input"] and sys.stdin is not None and sys.stdin.isatty()
    missing = _unmet(data, packs[0])
    asked: set[str] = set()
    # Ask until nothing is missing: answering kind and goal reveals the fields the pack needs.
    while interactive and missing and missing[0] not in asked:
        asked.add(missing[0])
        _ask(missing[0], data)
        missing = _unmet(data, packs[0])
    if missing:
        where = " or in the intent file" if opts["intent_file"] else ""
        raise IntentError(
            f"missing {len(missing)} field{'s' if len(missing) > 1 else ''}; pass them as flags{where}:\n  "
            + "\n  ".join(_describe(spec) for spec in missing)
        )
    result = askcraft.draft(
        askcraft.Intent.parse(data, source=str(opts["intent_file"]) if opts["intent_file"] else None),
        pack=packs[0] if opts["pack"] else None,
        variant=opts["variant"],
        check=not opts["no_check"],
        grammar=not opts["no_grammar"],
        disable=opts["disable"],
    )
    return _emit(result, opts["fmt"], opts["out"], strict=opts["strict"])


def _gather(opts: dict[str, Any]) -> dict[str, Any]:
    """Merge the intent file (if any) with the flags; flags win."""
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
    flags = {
        "kind": opts["kind"],
        "goal": opts["goal"],
        "recipient.name": opts["to_name"],
        "recipient.relationship": opts["relationship"],
        "recipient.email": opts["to_email"],
        "recipient.company": opts["recipient_company"],
        "sender.name": opts["from_name"],
        "sender.email": opts["from_email"],
        "sender.reason": opts["reason"],
        "sender.signature": opts["signature"],
        "industry": opts["industry"],
        "role": opts["role"],
        "company": opts["company"],
        "count": opts["count"],
        "details": opts["details"],
        "channel": opts["channel"],
        "language": opts["language"],
        "sent_on": opts["sent_on"].date() if opts["sent_on"] else None,
        "send_date": opts["send_date"].date() if opts["send_date"] else None,
        "help": opts["help_given"],
        "outcome": opts["outcome"],
        "gift": opts["gift"],
    }
    for path, value in flags.items():
        if value is not None:
            _set(data, path, value)
    for item in opts["extra"]:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{item!r}: write it as KEY=VALUE", param_hint="--set")
        _set(data, f"extra.{key.strip()}", value)
    return data


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

    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise click.BadParameter(f"{folder}: no such folder", param_hint="--out")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        Path(tmp).replace(path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise click.FileError(str(path), hint=exc.strerror or str(exc)) from None
