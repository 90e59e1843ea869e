"""Text a pack writes never carries a terminal escape or an invisible direction mark.

A pack's description and field help are printed by ``packs show`` and in messages; its
templates write the drafts the CLI prints and the user sends. An ESC there could rewrite the
user's terminal (clear lines, retitle the window, write the clipboard) or hide words from the
user that the recipient still gets; a bidi override makes the user read other text than is
sent. Such text is refused where the pack is read (manifest, tone rules) or where it is
written (every render, in the worker or in this process), naming the field or the template.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from packkit import INTENT, make_pack, packs_dir_fixture  # noqa: F401  (a fixture)

import askcraft
from askcraft._cli import main
from askcraft._packs.archive import extract_pack_zip
from askcraft._packs.pack import load_pack
from askcraft._packtools.lint import lint_pack

#: Characters that must not reach a terminal or a message from a pack: ESC (CSI, OSC), BEL,
#: a C1 CSI, NEL, and the bidi override and isolate.
CHARS = {"ESC": "\x1b", "BEL": "\x07", "CSI": "\x9b", "NEL": "\x85", "RLO": "\u202e", "LRI": "\u2066"}
#: A terminal escape that clears the line above and retitles the window.
ESCAPE = "\x1b[2K\x1b[1A\x1b]0;PWNED\x07"


@pytest.mark.parametrize("char", CHARS.values(), ids=CHARS.keys())
@pytest.mark.parametrize("field", ["description", "author", "fields"])
def test_manifest_text_with_a_control_is_refused(tmp_path: Path, field: str, char: str) -> None:
    """A description, an author or a field's help holding a control is refused, naming it and its line."""
    value: Any = f"Nice{char} pack"
    if field == "fields":
        value = {"team": {"type": "string", "help": f"The team{char} you aim at."}}
    root = make_pack(tmp_path, "text-pack", **{field: value})
    with pytest.raises(askcraft.PackError, match=rf"{field}.*line \d+|line \d+: {field}") as info:
        load_pack(root)
    assert f"U+{ord(char):04X}" in str(info.value)
    assert char not in str(info.value)


def test_a_key_with_a_control_is_refused(tmp_path: Path) -> None:
    """Keys are text too (a field's name is printed as it is written)."""
    root = make_pack(tmp_path, "key-pack", fields={"te\x1bam": {"type": "string", "help": "x"}})
    with pytest.raises(askcraft.PackError, match="U\\+001B"):
        load_pack(root)


def test_tone_rule_text_with_a_control_is_refused(tmp_path: Path) -> None:
    """A tone rule's message (shown with every finding) may not carry an escape either."""
    root = make_pack(tmp_path, "tone-pack", tone_rules="tone.yaml")
    rules = {
        "rules": {
            "pressure.rush": {
                "phrases": ["right away"],
                "message": f"Take your time.{ESCAPE}",
                "examples": {"flag": ["Answer right away."], "pass": ["Take your time."]},
            }
        }
    }
    (root / "tone.yaml").write_text(yaml.safe_dump(rules), encoding="utf-8")
    with pytest.raises(askcraft.PackError, match=r"rules\.pressure\.rush\.message.*U\+001B"):
        _ = load_pack(root).tone_rules


def test_packs_show_never_prints_an_escape(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The CLI refuses the pack in one line (exit 2) instead of printing its description."""
    root = make_pack(tmp_path, "show-pack", description=f"Nice pack{ESCAPE}")
    code = main(["packs", "show", str(root)])
    out, err = capsys.readouterr()
    assert code == 2
    assert "\x1b" not in out + err
    assert "\x07" not in out + err
    assert "description" in err


#: A request template that writes the character into its body (or subject) itself.
def _writes(char: str, block: str = "body") -> str:
    escaped = char.encode("unicode_escape").decode("ascii")
    subject = f'{{{{ "{escaped}" }}}}' if block == "subject" else ""
    body = f'{{{{ "{escaped}" }}}}' if block == "body" else ""
    return (
        f"{{% block subject %}}Three names?{subject}{{% endblock %}}\n"
        f"{{% block body %}}Hi {{{{ recipient.first_name }}}},{body} could you name three people?"
        "{% endblock %}\n"
    )


#: What a template may not write (NEL and the line separators are line breaks, made newlines).
WRITTEN = {k: v for k, v in CHARS.items() if k != "NEL"}


@pytest.mark.parametrize("isolation", ["auto", "off"])
@pytest.mark.parametrize("block", ["body", "subject"])
@pytest.mark.parametrize("char", WRITTEN.values(), ids=WRITTEN.keys())
def test_a_template_that_writes_a_control_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, char: str, block: str, isolation: str
) -> None:
    """In the render worker or in this process, a subject or body with a control is a RenderError."""
    monkeypatch.setenv("ASKCRAFT_RENDER_ISOLATION", isolation)
    root = make_pack(tmp_path, "ctl-pack", templates={"request.j2": _writes(char, block)})
    with pytest.raises(askcraft.RenderError, match=rf"ctl-pack.*request\.j2.*{block}.*U\+{ord(char):04X}"):
        askcraft.draft(INTENT, pack=root, check=False)


def test_lint_reports_a_template_that_writes_an_escape(tmp_path: Path) -> None:
    """`packs lint` renders the examples and reports the escape as an error, so the pack does not install."""
    root = make_pack(tmp_path, "lint-pack", templates={"request.j2": _writes(ESCAPE)}, examples="examples")
    (root / "examples").mkdir()
    (root / "examples" / "request.yaml").write_text(yaml.safe_dump(INTENT), encoding="utf-8")
    report = lint_pack(root)
    assert any("U+001B" in p.message for p in report.errors), report.errors


def test_the_cli_never_prints_what_the_template_wrote(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`askcraft draft` with such a pack prints one error line and no escape."""
    root = make_pack(tmp_path, "cli-pack", templates={"request.j2": _writes(ESCAPE)})
    argv = ["draft", "request", "--pack", str(root), "--to", "Sam Lee", "--relationship", "former-colleague"]
    argv += ["--goal", "job-leads", "--industry", "banking", "--count", "3", "--from", "Alex Kim"]
    argv += ["--reason", "I want to work in finance", "--no-check"]
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 2
    assert "\x1b" not in out + err
    assert "U+001B" in err


def test_a_direction_mark_the_intent_gives_is_not_blamed_on_the_pack() -> None:
    """Text the intent itself holds (a reason with a direction mark) still drafts with the built-in pack."""
    intent = {
        **INTENT,
        "sender": {**INTENT["sender"], "reason": "I want to move to \u200fTel Aviv\u200f banking"},
    }
    result = askcraft.draft(intent, check=False)
    assert "\u200f" in result.body


def test_a_file_name_with_an_escape_is_refused_in_a_folder(tmp_path: Path) -> None:
    """File names are printed (lint, errors): one with ESC is refused, and shown escaped."""
    root = make_pack(tmp_path, "name-pack")
    (root / "notes\x1b[2J.txt").write_text("x", encoding="utf-8")
    with pytest.raises(askcraft.PackError, match="control or invisible direction") as info:
        load_pack(root)
    assert "\x1b" not in str(info.value)


def test_a_zip_member_name_with_an_escape_is_refused(tmp_path: Path) -> None:
    """The same for a zip's members, before anything is unpacked."""
    source = make_pack(tmp_path / "src", "zip-name-pack")
    archive = tmp_path / "pack.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in source.iterdir():
            zf.writestr(path.name, path.read_text(encoding="utf-8"))
        zf.writestr("notes\x1b]0;PWNED\x07.txt", "x")
    with pytest.raises(askcraft.PackError, match="control or invisible direction") as info:
        extract_pack_zip(archive, tmp_path / "out")
    assert "\x1b" not in str(info.value)
