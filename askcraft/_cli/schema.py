"""``askcraft schema intent``: print the intent's JSON Schema."""

from __future__ import annotations

import json

import click

from askcraft._cli._args import pack_source


@click.group("schema")
def schema_cmd() -> None:
    """Print JSON Schemas of askcraft's data."""


@schema_cmd.command("intent")
@click.option(
    "--pack",
    callback=pack_source,
    help="Include the extra fields this pack (folder, .zip or name) declares.",
)
def intent_schema_cmd(pack: str | None) -> int:
    """Print the JSON Schema of an intent (for editors and validators)."""
    from askcraft import packs  # noqa: PLC0415

    schema_for = getattr(packs, "intent_schema", None)
    if schema_for is not None:
        schema = schema_for(pack)
    else:
        from askcraft._intent.model import Intent  # noqa: PLC0415

        if pack is not None:
            raise click.UsageError("--pack needs pack-declared fields, which this version does not support")
        schema = Intent.model_json_schema()
    click.echo(json.dumps(schema, indent=2, ensure_ascii=False))
    return 0
