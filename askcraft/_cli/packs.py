"""``askcraft packs``: list, show, create, lint, test, install and remove template packs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from askcraft._cli._args import FilePath, not_empty, pack_source

_SOURCES = {"path": "path", "user": "user folder", "entry-point": "pip", "builtin": "built-in"}


def _console() -> Console:
    return Console(highlight=False, soft_wrap=True)


@click.group("packs")
def packs_cmd() -> None:
    """List, inspect, create, lint, test, install and remove template packs.

    Packs are used highest first: --pack PATH, the user pack folder, pip-installed
    packs, the built-in pack. ASKCRAFT_NO_PACK_AUTOLOAD=1 ignores installed packs.
    """


def _languages(pack: Any) -> list[str]:
    """Return the languages a pack writes: its manifest's, and every template entry's."""
    declared = list(pack.manifest.languages)
    used = [e.language for e in pack.manifest.templates if e.language not in declared]
    return list(dict.fromkeys(declared + used))


@packs_cmd.command("list")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def list_cmd(fmt: str) -> int:
    """List the packs found, highest precedence first; shadowed and broken ones included."""
    from askcraft._packs.discovery import autoload_enabled, discover, user_packs_dir  # noqa: PLC0415

    found = discover(autoload=True)
    rows = [
        {
            "name": item.name,
            "version": item.pack.version if item.pack else None,
            "languages": ", ".join(_languages(item.pack)) if item.pack else "",
            "source": item.source,
            "path": str(item.root),
            "origin": item.origin,
            "status": (
                "broken"
                if item.error
                else f"shadowed by {_SOURCES[item.shadowed_by.source]} {item.shadowed_by.root}"
                if item.shadowed_by
                else "active"
                if autoload_enabled() or item.source == "builtin"
                else "ignored (ASKCRAFT_NO_PACK_AUTOLOAD)"
            ),
            "error": str(item.error) if item.error else None,
        }
        for item in found
    ]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2))
        return 0
    console = _console()
    table = Table(title=f"Packs (user folder: {user_packs_dir()})", title_justify="left")
    for column in ("name", "version", "languages", "source", "status", "path"):
        table.add_column(column)
    for row in rows:
        style = "red" if row["status"] == "broken" else "dim" if row["status"] != "active" else ""
        table.add_row(
            row["name"],
            row["version"] or "?",
            row["languages"] or "?",
            _SOURCES[str(row["source"])],
            row["status"],
            row["path"],
            style=style,
        )
    console.print(table)
    for row in rows:
        if row["error"]:
            console.print(Text(f"{row['name']}: {row['error']}", style="red"))
    return 0


@packs_cmd.command("show")
@click.argument("name", callback=pack_source)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def show_cmd(name: str, fmt: str) -> int:
    """Show a pack (installed name, folder or zip): templates, fields, version, source, hash."""
    from askcraft._packs.discovery import load_explicit  # noqa: PLC0415

    pack = load_explicit(name)
    m = pack.manifest
    info: dict[str, Any] = {
        "name": m.name,
        "version": m.version,
        "description": m.description,
        "author": m.author,
        "license": m.license,
        "languages": list(m.languages),
        "min_askcraft_version": m.min_askcraft_version,
        "source": pack.source,
        "path": str(pack.root),
        "content_hash": pack.content_hash,
        "templates": [
            {
                "kinds": list(e.kinds),
                "goals": list(e.goals),
                "channels": list(e.channels),
                "language": e.language,
                "variants": dict(e.variants),
            }
            for e in m.templates
        ],
        "fields": {k: v.model_dump(exclude_none=True) for k, v in m.fields.items()},
        "tone_rules": [r.id for r in pack.tone_rules],
    }
    from askcraft._packtools.install import read_record  # noqa: PLC0415

    record = read_record(pack.root)
    if record:
        info["installed_from"] = record.get("source")
        info["installed_sha256"] = record.get("sha256")
    if fmt == "json":
        click.echo(json.dumps(info, indent=2))
        return 0
    console = _console()
    console.print(Text(f"{m.name} {m.version}", style="bold"), f"— {m.description}")
    for key in ("author", "license", "languages", "min_askcraft_version", "source", "path", "content_hash"):
        console.print(f"  {key}: {info[key]}")
    if record:
        console.print(f"  installed from: {record.get('source')} ({record.get('sha256')})")
    console.print(Text("Templates", style="bold"))
    for entry in info["templates"]:
        scope = " / ".join(
            ", ".join(entry[k]) if len(entry[k]) < 4 else "any" for k in ("kinds", "goals", "channels")
        )
        variants = ", ".join(f"{k}: {v}" for k, v in entry["variants"].items())
        console.print(f"  {scope} [{entry['language']}]  →  {variants}")
    if m.fields:
        console.print(Text("Fields (set under extra:)", style="bold"))
        for field, spec in m.fields.items():
            extra = f", one of {', '.join(map(str, spec.allowed))}" if spec.allowed else ""
            default = f", default {spec.default!r}" if spec.default is not None else ""
            console.print(f"  {field} ({spec.type}{extra}{default}): {spec.help}")
    if info["tone_rules"]:
        console.print(Text("Tone rules", style="bold"), ", ".join(info["tone_rules"]))
    return 0


@packs_cmd.command("new")
@click.argument("name", callback=not_empty)
@click.option("--dir", "parent", type=FilePath(file_okay=False), default=".", show_default=True)
@click.option("--author", help="Your name, for the manifest.")
def new_cmd(name: str, parent: str, author: str | None) -> int:
    """Create a new pack folder NAME that passes lint and test as created."""
    from askcraft._packtools.scaffold import new_pack  # noqa: PLC0415

    root = new_pack(name, parent, author=author)
    click.echo(f"Created {root}. Edit the templates, then: askcraft packs lint {root}")
    return 0


def _print_problems(console: Console, problems: list[Any]) -> None:
    for problem in problems:
        style = "red" if problem.severity == "error" else "yellow"
        console.print(Text(str(problem), style=style))


@packs_cmd.command("lint")
@click.argument("path", type=FilePath(exists=True), callback=pack_source)
@click.option("--grammar/--no-grammar", default=False, help="Also run LanguageTool on the rendered examples.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
def lint_cmd(path: str, grammar: bool, strict: bool) -> int:
    """Check a pack folder or zip: manifest, templates, variables, examples, tone."""
    from askcraft._packtools.lint import lint_pack  # noqa: PLC0415

    report = lint_pack(path, grammar=grammar)
    console = _console()
    _print_problems(console, report.problems)
    warnings = len(report.problems) - len(report.errors)
    name = report.pack.name if report.pack else path
    summary = (
        f"{name}: {len(report.errors)} error(s), {warnings} warning(s), "
        f"{report.rendered} example render(s) checked"
    )
    if not report.ok:
        console.print(Text(summary, style="bold red"))
        return 2
    console.print(Text(summary, style="bold yellow" if warnings else "bold green"))
    return 1 if strict and warnings else 0


@packs_cmd.command("test")
@click.argument("path", type=FilePath(exists=True, file_okay=False), callback=pack_source)
@click.option("--update", is_flag=True, help="Rewrite the expected outputs from what the templates render.")
def test_cmd(path: str, update: bool) -> int:
    """Render the pack's example intents and compare them with the expected files."""
    from askcraft._packtools.selftest import run_pack_tests  # noqa: PLC0415

    report = run_pack_tests(path, update=update)
    console = _console()
    _print_problems(console, report.problems)
    marks = {"pass": ("ok", "green"), "updated": ("updated", "cyan"), "fail": ("FAIL", "red")}
    for case in report.cases:
        label, style = marks.get(case.status, ("MISSING", "red"))
        console.print(Text(f"{label:8}", style=style), f"{case.example} [{case.variant}] -> {case.expected}")
        if case.diff:
            console.print(Text(case.diff.rstrip(), style="dim"))
    failed = [c for c in report.cases if c.status in {"fail", "missing"}]
    if failed:
        console.print(
            Text(
                f"{len(failed)} of {len(report.cases)} failed; if the new output is right, run "
                f"'askcraft packs test --update {path}'",
                style="bold red",
            )
        )
        return 1
    if not report.ok:
        return 2
    console.print(Text(f"{len(report.cases)} passed", style="bold green"))
    return 0


@packs_cmd.command("install")
@click.argument("path", type=FilePath(exists=True), callback=pack_source)
@click.option("--force", is_flag=True, help="Replace an installed pack of another version or content.")
def install_cmd(path: str, force: bool) -> int:
    """Lint a pack folder or zip and install it into the user pack folder."""
    from askcraft._packtools.install import install_pack  # noqa: PLC0415

    result = install_pack(Path(path), force=force)
    if result.status == "unchanged":
        click.echo(f"{result.name} {result.version} is already installed at {result.path}")
    elif result.status == "replaced":
        click.echo(f"Replaced {result.name} {result.previous} with {result.version} at {result.path}")
    else:
        click.echo(f"Installed {result.name} {result.version} at {result.path}")
    return 0


@packs_cmd.command("remove")
@click.argument("name", callback=not_empty)
def remove_cmd(name: str) -> int:
    """Remove a pack from the user pack folder."""
    from askcraft._packtools.install import remove_pack  # noqa: PLC0415

    where = remove_pack(name)
    click.echo(f"Removed {name} ({where})")
    return 0
