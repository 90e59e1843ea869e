"""``askcraft check``: check the tone (and grammar) of a message you wrote yourself."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import click
import yaml

from askcraft._errors import AskcraftError
from askcraft._intent.model import CHANNELS, KINDS

#: Larger inputs are not messages; refuse them rather than spend minutes on them.
MAX_BYTES = 1_000_000
#: How an option's type is named in a message.
_KINDS = {int: "a whole number", float: "a number", str: "text", bool: "true or false"}
#: Control characters no typed message contains (tabs, line and page breaks are fine).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


class InputError(AskcraftError, ValueError):
    """The text to check is empty, binary, not UTF-8 or too large."""


def read_message(source: str) -> str:
    """Return the text of *source* (a path, or "-" for standard input), refusing what is not a message."""
    if not source.strip():
        raise InputError("no file given: name the message's file, or - to read standard input")
    name = "standard input" if source == "-" else source
    if source != "-" and Path(source).is_dir():
        raise InputError(f"{name} is a folder; give the file the message is in")
    try:
        if source == "-":
            if sys.stdin is None:  # started with standard input closed (`<&-`)
                raise InputError(
                    "standard input is closed; pipe the message in (askcraft check - < note.txt) "
                    "or give its file (askcraft check note.txt)"
                )
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            with Path(source).open("rb") as handle:
                data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise InputError(f"{name} is larger than 1 MB; check one message at a time.")
    if b"\x00" in data:
        raise InputError(f"{name} looks like a binary file; give a plain-text message.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name} is not UTF-8 text (byte {exc.start} cannot be decoded); save it as UTF-8 and try again."
        ) from None
    if _CONTROL.search(text):  # no message holds these; a zip, an image or a terminal dump does
        raise InputError(f"{name} looks like a binary file; give a plain-text message.")
    if not text.strip():
        raise InputError(f"{name} is empty; give the message to check.")
    return text.replace("\r\n", "\n")


def _parse_options(pairs: tuple[str, ...]) -> dict[str, Any]:
    from askcraft._checks.rules.base import OptionError, coerce_option, known_options  # noqa: PLC0415

    known = known_options()
    options: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not key:
            raise click.BadParameter(
                f"{pair!r} is not KEY=VALUE, e.g. patience.min_days=10", param_hint="--option"
            )
        if key not in known:
            raise click.BadParameter(
                f"unknown option {key!r}; known: {', '.join(sorted(known))}", param_hint="--option"
            )
        try:
            parsed = yaml.safe_load(value) if value.strip() else None
        except yaml.YAMLError:
            parsed = value  # not a YAML value: take it as the text it is
        default = known[key]
        if parsed is not None:
            try:  # as the checks do: a number written as text is a number, "on" is a switch on
                parsed = coerce_option(key, parsed, default)
            except OptionError as error:
                if isinstance(default, bool):
                    message = str(error)
                else:
                    kind = _KINDS.get(type(default), type(default).__name__)
                    message = f"{key} must be {kind} like {default!r}, not {value!r}"
                raise click.BadParameter(message, param_hint="--option") from None
        options[key] = parsed
    return options


@click.command("check")
@click.argument("source", metavar="FILE|-")
@click.option(
    "--kind", type=click.Choice(KINDS), default="request", show_default=True, help="What the message is."
)
@click.option(
    "--channel",
    type=click.Choice(CHANNELS),
    default="email",
    show_default=True,
    help="Where it will be sent.",
)
@click.option("--subject", default=None, help="The email's subject line, checked too.")
@click.option(
    "--sent-on",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Reminders: when you sent the request (YYYY-MM-DD), so the wait can be checked.",
)
@click.option(
    "--disable",
    "disable",
    multiple=True,
    metavar="RULE",
    help="Switch off a rule by id (pressure.asap) or a whole group (pressure). Repeatable.",
)
@click.option(
    "--option",
    "option_pairs",
    multiple=True,
    metavar="KEY=VALUE",
    help="Set a check option, e.g. patience.min_days=10 or politeness.min_score=-0.2. Repeatable.",
)
@click.option(
    "--grammar/--no-grammar", default=True, show_default=True, help="Check grammar with LanguageTool."
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--strict", is_flag=True, help="Exit 1 when any error or warning remains.")
def check_cmd(
    *,
    source: str,
    kind: str,
    channel: str,
    subject: str | None,
    sent_on: Any,
    disable: tuple[str, ...],
    option_pairs: tuple[str, ...],
    grammar: bool,
    fmt: str,
    strict: bool,
) -> int:
    """Check the tone (and grammar) of the message in FILE, or standard input with "-".

    Example: askcraft check note.txt --kind reminder --sent-on 2026-03-02
    """
    import askcraft  # noqa: PLC0415
    from askcraft import tone  # noqa: PLC0415

    options = _parse_options(option_pairs)
    if sent_on is not None:
        options["patience.sent_on"] = sent_on.date()
    text = read_message(source)
    if grammar:
        # A first grammar check may install and start LanguageTool: say what it fetches, on stderr.
        from askcraft._cli.languagetool import show_languagetool_progress  # noqa: PLC0415

        show_languagetool_progress()
    findings = askcraft.check(
        text, kind=kind, channel=channel, subject=subject, grammar=grammar, disable=disable, options=options
    )
    score = tone.politeness(text)
    if fmt == "json":
        payload = {
            "politeness": round(score, 4),
            "counts": dict(Counter(f.severity for f in findings)),
            "findings": [f.to_dict() for f in findings],
        }
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        from rich.console import Console  # noqa: PLC0415

        from askcraft._cli._output import print_findings  # noqa: PLC0415

        console = Console(highlight=False)
        console.print(f"Politeness {score:+.2f} (0 is an average request; higher is more polite)")
        print_findings(console, text, findings, subject=subject)
    blocking = any(f.severity in ("error", "warning") for f in findings)
    return 1 if strict and blocking else 0
