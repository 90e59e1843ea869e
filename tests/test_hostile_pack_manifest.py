"""Hostile manifests, names, tone rules and zips: each is a clear, bounded error, never exit 3 or a hang.

The slow cases (thousands of invalid fields, megabytes of tone rules) run in a child
process with a timeout, so a regression fails here instead of hanging CI. How long they
take after the fix is measured in benchmarks/bench_hostile.py, not asserted here.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from packkit import INTENT, make_pack, packs_dir_fixture  # noqa: F401  (a fixture)

import askcraft
from askcraft._cli import main
from askcraft._packs.archive import extract_pack_zip
from askcraft._packs.pack import load_pack
from askcraft._packtools.scaffold import new_pack

REPO = Path(__file__).resolve().parent.parent
TIMEOUT = 60


def _bounded(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ASKCRAFT_PACKS_DIR": str(tmp_path / "user-packs"), "ASKCRAFT_NO_PACK_AUTOLOAD": "1"}
    try:
        return subprocess.run(
            [sys.executable, "-c", textwrap.dedent(code)],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"the child process ran for more than {TIMEOUT} s")


def _write_manifest(root: Path, text: str) -> None:
    (root / "pack.yaml").write_text(text, encoding="utf-8")


# -- many invalid fields --------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [1_000, 10_000])
def test_thousands_of_invalid_fields_are_reported_quickly_and_briefly(tmp_path: Path, count: int) -> None:
    """A manifest with thousands of bad fields is refused in one short message (it took 114 s, or forever)."""
    root = make_pack(tmp_path, "many-fields")
    text = (root / "pack.yaml").read_text(encoding="utf-8")
    text += "fields:\n" + "".join(f"  f{i}: {{type: x}}\n" for i in range(count))
    _write_manifest(root, text)
    result = _bounded(
        f"""
        from askcraft._packtools.lint import lint_pack
        report = lint_pack({str(root)!r})
        print("ERRORS", len(report.errors))
        print(report.errors[0].message)
        """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "ERRORS 1" in result.stdout
    # 1,000 fields fit in a manifest and are refused by their number; 10,000 make it too large.
    assert ("has 1000 entries" if count == 1_000 else "too large") in result.stdout
    assert len(result.stdout.splitlines()) < 40


def test_many_invalid_values_list_the_first_and_count_the_rest(tmp_path: Path) -> None:
    """Past the first twenty problems a manifest error says how many more there are."""
    root = make_pack(tmp_path, "many-bad")
    data = yaml.safe_load((root / "pack.yaml").read_text(encoding="utf-8"))
    data["fields"] = {f"f{i}": {"type": "nonsense", "help": "h"} for i in range(60)}
    _write_manifest(root, yaml.safe_dump(data))
    with pytest.raises(askcraft.PackError) as info:
        load_pack(root)
    message = str(info.value)
    assert "and 40 more" in message
    assert len(message.splitlines()) <= 23
    assert "line " in message  # lines are still found for the problems shown


def test_lint_looks_up_lines_without_reparsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The manifest is composed once per error report, not once per problem (that was quadratic)."""
    root = make_pack(tmp_path, "compose-once")
    data = yaml.safe_load((root / "pack.yaml").read_text(encoding="utf-8"))
    data["fields"] = {f"f{i}": {"type": "nonsense", "help": "h"} for i in range(30)}
    _write_manifest(root, yaml.safe_dump(data))
    calls: list[int] = []
    real = yaml.compose

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(yaml, "compose", counting)
    with pytest.raises(askcraft.PackError):
        load_pack(root)
    assert len(calls) <= 1


# -- names, versions, variants: the whole value must match -------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": "builtin\n"}, "name"),
        ({"name": "my-pack\n"}, "name"),
        ({"version": "1.0.0\n"}, "version"),
        ({"min_askcraft_version": "0.1.0\n"}, "min_askcraft_version"),
        (
            {
                "templates": [
                    {"kinds": "request", "goals": "job-leads", "variants": {"plain\n": "request.j2"}}
                ]
            },
            "variant",
        ),
        ({"fields": {"team\n": {"help": "h"}}}, "field name"),
    ],
)
def test_a_trailing_newline_does_not_pass_a_name_check(
    tmp_path: Path, changes: dict[str, Any], field: str
) -> None:
    """'$' matches before a final newline; every name, version and variant must match in full."""
    root = make_pack(tmp_path, "newline", overrides=changes)
    with pytest.raises(askcraft.PackError, match=field):
        load_pack(root)


def test_builtin_with_a_newline_cannot_shadow_the_builtin_pack(tmp_path: Path, packs_dir: Path) -> None:
    """An installed pack named 'builtin\\n' is broken, not a second built-in pack."""
    make_pack(packs_dir, "spoof", overrides={"name": "builtin\n"})
    found = [f for f in askcraft.packs.discover() if f.source == "user"]
    assert found
    assert found[0].error is not None
    assert "name" in str(found[0].error)


@pytest.mark.parametrize("name", ["my-pack\n", "builtin\n"])
def test_packs_new_refuses_a_name_with_a_newline(tmp_path: Path, name: str) -> None:
    """``packs new`` checks the whole name."""
    with pytest.raises(askcraft.PackError, match="not a pack name"):
        new_pack(name, tmp_path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "changes",
    [{"extra": {"team\n": "data"}}, {"language": "en-US\n"}],
)
def test_intent_names_must_match_in_full(
    intent_data: Callable[..., dict[str, Any]], changes: dict[str, Any]
) -> None:
    """Extra field names and language tags with a trailing newline are refused."""
    with pytest.raises(askcraft.IntentError):
        askcraft.Intent.parse(intent_data(**changes))


def test_an_explicit_pack_name_with_a_newline_is_not_looked_up(capsys: pytest.CaptureFixture[str]) -> None:
    """--pack 'builtin\\n' is neither a folder nor a pack name: exit 2, one clear message."""
    from askcraft._packs.discovery import load_explicit  # noqa: PLC0415

    with pytest.raises(askcraft.PackError, match="not a pack name"):
        load_explicit("builtin\n")


# -- tone rules -----------------------------------------------------------------------------------------


def _rules(rules: int, phrases: int, length: int = 40) -> dict[str, Any]:
    return {
        "rules": {
            f"pressure.r{r}": {
                "phrases": [f"w{r}x{p}" + "y" * (length - 8) for p in range(phrases)],
                "message": "Say it gently.",
                "examples": {"flag": [f"w{r}x0" + "y" * (length - 8)], "pass": ["fine"]},
            }
            for r in range(rules)
        }
    }


def test_a_megabyte_of_tone_rules_is_refused(tmp_path: Path) -> None:
    """Just under 1 MB of phrase-only rules (the old cap; such a file took a draft 51 s) is refused."""
    root = make_pack(tmp_path, "heavy-tone", tone_rules="tone.yaml")
    (root / "tone.yaml").write_text(yaml.safe_dump(_rules(100, 215)), encoding="utf-8")
    assert 900_000 < (root / "tone.yaml").stat().st_size < 1024 * 1024
    result = _bounded(
        f"""
        import askcraft
        try:
            askcraft.draft({INTENT!r}, pack={str(root)!r}, grammar=False)
        except askcraft.PackError as exc:
            print("REFUSED", exc)
        """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "REFUSED" in result.stdout
    assert "tone" in result.stdout
    assert "symbolic link" not in result.stdout  # a file too large is not a file of the wrong kind


def test_too_many_phrases_in_all_are_refused(tmp_path: Path) -> None:
    """The number of phrases across all rules is capped, not only per rule."""
    from askcraft._packs import tone_rules  # noqa: PLC0415

    root = make_pack(tmp_path, "many-phrases", tone_rules="tone.yaml")
    per_rule = tone_rules.MAX_TOTAL_PHRASES // 10 + 1
    (root / "tone.yaml").write_text(yaml.safe_dump(_rules(10, per_rule, 12)), encoding="utf-8")
    pack = load_pack(root)
    with pytest.raises(askcraft.PackError, match="phrases"):
        _ = pack.tone_rules


# -- YAML that Python cannot hold --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("min_askcraft_version: " + "9" * 5000 + "\n", "number"),
        ("tone_rules: " + "[" * 10_000 + "]" * 10_000 + "\n", "nest"),
        ("tone_rules: " + "{a: " * 10_000 + "1" + "}" * 10_000 + "\n", "nest"),
    ],
)
def test_unrepresentable_yaml_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, needle: str
) -> None:
    """A 5,000-digit integer or 10,000 nested brackets: exit 2 and one message, not exit 3."""
    root = make_pack(tmp_path, "deep")
    _write_manifest(root, (root / "pack.yaml").read_text(encoding="utf-8") + text)
    with pytest.raises(askcraft.PackError, match=needle):
        load_pack(root)
    code = main(["packs", "lint", str(root)])
    out, err = capsys.readouterr()
    assert code == 2, out + err
    assert "internal error" not in out + err
    assert "Traceback" not in out + err


@pytest.mark.parametrize(
    "text", ["count: " + "9" * 5000 + "\n", "details: " + "[" * 10_000 + "]" * 10_000 + "\n"]
)
def test_unrepresentable_intent_yaml_is_a_clear_error(tmp_path: Path, text: str) -> None:
    """The same YAML in an intent file is an IntentError, not an internal error."""
    path = tmp_path / "intent.yaml"
    path.write_text(yaml.safe_dump(INTENT) + text, encoding="utf-8")
    with pytest.raises(askcraft.IntentError):
        askcraft.load_intent(path)


# -- zips -----------------------------------------------------------------------------------------------


def _zip(tmp_path: Path, members: dict[str, str]) -> Path:
    archive = tmp_path / "pack.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for name, text in members.items():
            zf.writestr(name, text)
    return archive


def _pack_members(tmp_path: Path) -> dict[str, str]:
    root = make_pack(tmp_path / "src", "zipped")
    return {p.name: p.read_text(encoding="utf-8") for p in root.iterdir()}


@pytest.mark.parametrize("order", ["file-first", "folder-first"])
def test_a_zip_with_a_file_and_a_folder_of_one_name_is_refused(tmp_path: Path, order: str) -> None:
    """Members 'a' and 'a/b' cannot both be unpacked: a clear error, not exit 3."""
    members = _pack_members(tmp_path)
    extra = {"a": "file", "a/b": "inside"} if order == "file-first" else {"a/b": "inside", "a": "file"}
    archive = _zip(tmp_path, {**members, **extra})
    dest = tmp_path / "out"
    dest.mkdir()
    with pytest.raises(askcraft.PackError, match="'a'"):
        extract_pack_zip(archive, dest)


def test_a_zip_member_with_a_very_long_path_is_refused(tmp_path: Path) -> None:
    """A 6,000-character member path is refused by its length before anything is written."""
    members = _pack_members(tmp_path)
    archive = _zip(tmp_path, {**members, "x" * 6000 + "/b.txt": "long"})
    dest = tmp_path / "out"
    dest.mkdir()
    with pytest.raises(askcraft.PackError, match="path longer than"):
        extract_pack_zip(archive, dest)
    assert list(dest.iterdir()) == []


@pytest.mark.parametrize("member", ["a-then-a/b", "long"])
def test_the_cli_refuses_bad_zips_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], packs_dir: Path, member: str
) -> None:
    """packs install and lint of such zips exit 2 with one message."""
    members = _pack_members(tmp_path)
    extra = {"a": "file", "a/b": "inside"} if member == "a-then-a/b" else {"x" * 6000 + "/b.txt": "long"}
    archive = _zip(tmp_path, {**members, **extra})
    for argv in (["packs", "lint", str(archive)], ["packs", "install", str(archive)]):
        code = main(argv)
        out, err = capsys.readouterr()
        assert code == 2, out + err
        assert "internal error" not in out + err
