"""The ``askcraft`` command group; each subcommand is registered here and imported only when used."""

from __future__ import annotations

import importlib

import click

#: Subcommands are imported only when used, so ``askcraft --help`` stays fast.
_SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "draft": ("askcraft._cli.draft:draft_cmd", "Draft a request, reminder or thank-you."),
    "campaign": ("askcraft._cli.campaign:campaign_cmd", "Ask many people: one checked request per contact."),
    "check": ("askcraft._cli.check:check_cmd", "Check the tone (and grammar) of a message you wrote."),
    "due": ("askcraft._cli.due:due_cmd", "Who is due a reminder or a thank-you; draft them in one go."),
    "ledger": (
        "askcraft._cli.ledger:ledger_cmd",
        "Who was asked, and what came of it: show, mark, export, forget.",
    ),
    "schema": ("askcraft._cli.schema:schema_cmd", "Print the JSON Schema of an intent."),
    "serve": ("askcraft._cli.serve:serve_cmd", "Open the local web page: draft and check in your browser."),
    "packs": (
        "askcraft._cli.packs:packs_cmd",
        "List, inspect, create, lint, test and install template packs.",
    ),
    "languagetool": (
        "askcraft._cli.languagetool:languagetool_cmd",
        "Install, start, stop and inspect the local LanguageTool server.",
    ),
}


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(_SUBCOMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in _SUBCOMMANDS:
            return None
        target, _ = _SUBCOMMANDS[cmd_name]
        module_name, _, attr = target.partition(":")
        command: click.Command = getattr(importlib.import_module(module_name), attr)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, _SUBCOMMANDS[name][1]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="askcraft", prog_name="askcraft")
def cli() -> None:
    """Draft and check the messages you send when you ask your network for help.

    Start with: askcraft draft request --help
    """
