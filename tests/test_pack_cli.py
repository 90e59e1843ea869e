"""The ``askcraft packs`` commands: list, show, new, lint, test, install, remove."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from packkit import INTENT, make_pack, packs_dir_fixture  # noqa: F401  (a fixture)

import askcraft
from askcraft._cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "packs"
COACH = EXAMPLES / "career-coach"
FAVOURS = EXAMPLES / "askcraft-pack-favours" / "askcraft_pack_favours"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.mark.parametrize("pack", [COACH, FAVOURS], ids=["career-coach", "favours"])
def test_example_packs_pass_lint_and_test(pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The example packs lint clean (tone checks included) and match their expected outputs."""
    code, out = _run(capsys, "packs", "lint", "--strict", str(pack))
    assert code == 0, out
    assert "0 error(s), 0 warning(s)" in out
    code, out = _run(capsys, "packs", "test", str(pack))
    assert code == 0, out
    assert "FAIL" not in out


def test_new_pack_passes_lint_and_test(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """packs new scaffolds a pack that passes lint and test straight away."""
    code, out = _run(capsys, "packs", "new", "my-voice", "--dir", str(tmp_path), "--author", "Me")
    assert code == 0, out
    root = tmp_path / "my-voice"
    assert _run(capsys, "packs", "lint", "--strict", str(root))[0] == 0
    assert _run(capsys, "packs", "test", str(root))[0] == 0
    assert _run(capsys, "packs", "new", "my-voice", "--dir", str(tmp_path))[0] == 2  # exists already
    assert _run(capsys, "packs", "new", "Bad Name", "--dir", str(tmp_path))[0] == 2


def test_lint_reports_problems_with_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Undeclared variables, unused fields, render errors and tone findings each name file and line."""
    root = make_pack(
        tmp_path,
        "linty",
        templates={
            "request.j2": (
                "{% block body %}\nHi {{ recipient.first_name }},\n"
                "{{ mystery }} {{ extra.undeclared }}\n{{ recipient.nickname }}\n{% endblock %}"
            ),
            "examples/one.yaml": json.dumps(INTENT),
        },
        fields={"unused_field": {"type": "string", "help": "never used"}},
    )
    code, out = _run(capsys, "packs", "lint", str(root))
    assert code == 2
    assert "request.j2:3: error: uses 'mystery'" in out
    assert "request.j2:3: error: uses extra.undeclared" in out
    assert "request.j2:4: error: uses recipient.nickname" in out
    assert "pack.yaml:" in out
    assert "field 'unused_field' is declared but no template uses it" in out


def test_lint_runs_tone_checks_on_rendered_examples(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A template that pressures the reader gets a tone warning pointing at its line."""
    root = make_pack(
        tmp_path,
        "pushy",
        templates={
            "request.j2": (
                "{% block body %}\nHi {{ recipient.first_name }},\n\n"
                "{{ sender.reason|sentence }} Could you send me {{ count|words }} names in {{ industry }}?\n"
                "I need them ASAP.\n\nThanks,\n{{ sender.signature }}\n{% endblock %}"
            ),
            "examples/one.yaml": json.dumps(INTENT),
        },
    )
    code, out = _run(capsys, "packs", "lint", str(root))
    assert "request.j2:5: warning:" in out
    assert "pressure" in out
    assert code == 0  # warnings do not fail lint
    assert _run(capsys, "packs", "lint", "--strict", str(root))[0] == 1


def test_test_command_detects_changes_and_update_rewrites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """packs test fails on a changed output, --update rewrites it, then it passes."""
    root = tmp_path / "coach"
    shutil.copytree(COACH, root)
    template = root / "thank-you" / "follow-through.j2"
    template.write_text(
        template.read_text(encoding="utf-8").replace("just ask", "just say"), encoding="utf-8"
    )
    code, out = _run(capsys, "packs", "test", str(root))
    assert code == 1
    assert "-If there's ever anything I can do for you, an introduction" in out
    assert "--update" in out
    assert _run(capsys, "packs", "test", "--update", str(root))[0] == 0
    assert _run(capsys, "packs", "test", str(root))[0] == 0


def test_install_list_show_draft_remove(
    packs_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Install validates and copies, records source and sha256; list/show see it; remove deletes it."""
    code, out = _run(capsys, "packs", "install", str(COACH))
    assert code == 0, out
    installed = packs_dir / "career-coach"
    record = json.loads((installed / ".askcraft-install.json").read_text(encoding="utf-8"))
    assert record["source"] == str(COACH.resolve())
    assert record["sha256"].startswith("sha256:")

    code, out = _run(capsys, "packs", "list", "--format", "json")
    rows = {row["name"]: row for row in json.loads(out)}
    assert rows["career-coach"]["status"] == "active"
    assert rows["career-coach"]["source"] == "user"

    code, out = _run(capsys, "packs", "show", "career-coach", "--format", "json")
    shown = json.loads(out)
    assert shown["version"] == "1.2.0"
    assert shown["installed_sha256"] == record["sha256"]
    assert "meeting_minutes" in shown["fields"]

    intent = {**INTENT, "goal": "informational-interview", "extra": {"topic": "how you got started"}}
    result = askcraft.draft(intent, check=False)
    assert result.provenance.pack == "career-coach"
    assert result.provenance.content_hash == record["content_hash"]

    assert _run(capsys, "packs", "remove", "career-coach")[0] == 0
    assert not installed.exists()
    assert _run(capsys, "packs", "remove", "career-coach")[0] == 2
    assert _run(capsys, "packs", "remove", "builtin")[0] == 2


def test_install_refuses_other_version_without_force(
    packs_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A different version is refused without --force and the installed copy stays as it was."""
    assert _run(capsys, "packs", "install", str(COACH))[0] == 0
    newer = tmp_path / "newer"
    shutil.copytree(COACH, newer)
    manifest = newer / "pack.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("1.2.0", "1.3.0"), encoding="utf-8")
    before = _tree(packs_dir)
    code, out = _run(capsys, "packs", "install", str(newer))
    assert code == 2
    assert "version 1.2.0 is installed; this is 1.3.0" in out
    assert _tree(packs_dir) == before
    code, out = _run(capsys, "packs", "install", "--force", str(newer))
    assert code == 0, out
    assert "Replaced career-coach 1.2.0 with 1.3.0" in out
    assert _run(capsys, "packs", "install", "--force", str(newer))[0] == 0
    left = sorted(p.name for p in packs_dir.iterdir() if p.name != ".askcraft-packs.lock")
    assert left == ["career-coach"]  # no staging left behind


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    "breakage",
    ["manifest", "syntax", "semver", "newer", "kind", "missing", "zip"],
)
def test_bad_pack_install_exits_2_and_leaves_packs_untouched(
    packs_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], breakage: str
) -> None:
    """Every kind of bad pack fails install with exit 2, naming the file; installed packs stay."""
    assert _run(capsys, "packs", "install", str(FAVOURS))[0] == 0
    before = _tree(packs_dir)
    bad = tmp_path / "bad"
    shutil.copytree(COACH, bad)
    manifest = bad / "pack.yaml"
    text = manifest.read_text(encoding="utf-8")
    target = str(bad)
    expected = "pack.yaml"
    if breakage == "manifest":
        manifest.write_text("name: [unclosed\n", encoding="utf-8")
    elif breakage == "syntax":
        (bad / "_coach.j2").write_text("{% macro x() %}\n{% if %}\n", encoding="utf-8")
        expected = "_coach.j2:2"
    elif breakage == "semver":
        manifest.write_text(text.replace("version: 1.2.0", "version: v1.2"), encoding="utf-8")
        expected = "is not a semantic version"
    elif breakage == "newer":
        manifest.write_text(text.replace("min_askcraft_version: 0.1.0", "min_askcraft_version: 9.0.0"))
        expected = "needs askcraft 9.0.0"
    elif breakage == "kind":
        manifest.write_text(text.replace("kinds: thank-you\n    goals", "kinds: memo\n    goals"))
        expected = "unknown kind 'memo'"
    elif breakage == "missing":
        (bad / "request" / "referral-light.j2").unlink()
        expected = "'request/referral-light.j2' does not exist"
    else:
        target = str(tmp_path / "corrupt.zip")
        Path(target).write_bytes(b"PK\x03\x04garbage")
        expected = "not a valid zip"
    code, out = _run(capsys, "packs", "install", target)
    assert code == 2
    assert expected in out
    assert "Traceback" not in out
    assert _tree(packs_dir) == before


def test_install_from_zip_records_zip_hash(
    packs_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A zip installs like a folder; the record keeps the zip's sha256."""
    archive = Path(shutil.make_archive(str(tmp_path / "coach"), "zip", COACH))
    code, out = _run(capsys, "packs", "install", str(archive))
    assert code == 0, out
    record = json.loads((packs_dir / "career-coach" / ".askcraft-install.json").read_text(encoding="utf-8"))
    assert record["sha256"] == "sha256:" + hashlib.sha256(archive.read_bytes()).hexdigest()


def test_list_shows_shadowed_pack(
    packs_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """packs list shows a pack hidden by a higher one of the same name, and by which."""
    make_pack(packs_dir, "twin", folder="a-twin")
    make_pack(packs_dir, "twin", folder="b-twin")
    code, out = _run(capsys, "packs", "list", "--format", "json")
    statuses = [row["status"] for row in json.loads(out) if row["name"] == "twin"]
    assert statuses[0] == "active"
    assert statuses[1].startswith("shadowed by user folder")
    assert "a-twin" in statuses[1]
    code, out = _run(capsys, "packs", "list")
    assert code == 0
    assert "shadowed" in out


def test_draft_cli_with_pack_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """askcraft draft --pack PATH drafts with that pack."""
    intent = tmp_path / "intent.yaml"
    intent.write_text(
        json.dumps(
            {**INTENT, "goal": "referral", "company": "Acme", "extra": {"job_link": "the analyst role"}}
        ),
        encoding="utf-8",
    )
    code, out = _run(
        capsys, "draft", "--intent", str(intent), "--pack", str(COACH), "--no-grammar", "--format", "json"
    )
    assert code == 0, out
    assert json.loads(out)["provenance"]["pack"] == "career-coach"
