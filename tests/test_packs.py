"""Packs: manifests, pack fields, tone rules, discovery and precedence."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from packkit import BODY, INTENT, make_pack, packs_dir_fixture  # noqa: F401  (a fixture)

import askcraft
from askcraft import packs
from askcraft._checks.context import CheckContext
from askcraft._cli import main
from askcraft._packs.discovery import discover
from askcraft._packs.pack import load_pack

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "packs"


# -- manifest ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"name": "Bad_Name"}, "line 1: name: must be lowercase"),
        ({"version": "1.0"}, "line 2: version: '1.0' is not a semantic version"),
        ({"colour": "blue"}, "colour: unknown field"),
        ({"templates": [{"kinds": "memo", "variants": {"a": "request.j2"}}]}, "unknown kind 'memo'"),
        ({"templates": [{"kinds": "request", "variants": {"a": "../x.j2"}}]}, "must be relative"),
        ({"fields": {"size": {"type": "integer", "help": "h", "default": "big"}}}, "default 'big' must be"),
    ],
)
def test_bad_manifest_names_pack_file_and_line(tmp_path: Path, changes: dict, expected: str) -> None:
    """A malformed manifest raises a PackError naming the pack, the file and the line."""
    root = make_pack(tmp_path, "ok-name", overrides=changes)
    with pytest.raises(askcraft.PackError) as info:
        load_pack(root)
    assert expected in str(info.value)
    assert str(root / "pack.yaml") in str(info.value)


def test_manifest_yaml_syntax_error_has_line(tmp_path: Path) -> None:
    """Broken YAML names the manifest and its line."""
    root = make_pack(tmp_path)
    (root / "pack.yaml").write_text("name: x\nversion: [1.0\n", encoding="utf-8")
    with pytest.raises(askcraft.PackError) as info:
        load_pack(root)
    assert "pack.yaml" in str(info.value)
    assert info.value.line is not None


def test_missing_manifest_says_how_to_start(tmp_path: Path) -> None:
    """A folder without pack.yaml is not a pack, and the error says how to make one."""
    with pytest.raises(askcraft.PackError, match="packs new"):
        load_pack(tmp_path)


def test_pack_needing_newer_askcraft_is_refused(tmp_path: Path) -> None:
    """min_askcraft_version newer than the running askcraft is an error that says what to do."""
    root = make_pack(tmp_path, min_askcraft_version="99.0.0")
    with pytest.raises(askcraft.PackError, match=r"needs askcraft 99\.0\.0 or newer.*pip install -U"):
        load_pack(root)


def test_builtin_name_is_reserved(tmp_path: Path) -> None:
    """No pack other than askcraft's own may be called 'builtin'."""
    with pytest.raises(askcraft.PackError, match="belongs to askcraft"):
        load_pack(make_pack(tmp_path, "builtin"))


def test_builtin_pack_is_an_ordinary_pack() -> None:
    """The built-in pack loads through the same loader and format as any pack."""
    root = packs.builtin_pack().root
    again = load_pack(root)
    assert again.manifest == packs.builtin_pack().manifest


def test_missing_template_is_a_clear_error(tmp_path: Path) -> None:
    """A manifest naming a template that does not exist fails with the pack and file."""
    root = make_pack(tmp_path, templates={})
    with pytest.raises(askcraft.PackError, match=r"'request\.j2' is listed in pack\.yaml but missing"):
        askcraft.draft(INTENT, pack=root, check=False)


def test_template_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    """A template syntax error names the pack, file and line."""
    root = make_pack(tmp_path, templates={"request.j2": "{% block body %}\nHi {{ recipient.name }\n"})
    with pytest.raises(askcraft.PackError) as info:
        askcraft.draft(INTENT, pack=root, check=False)
    assert "request.j2, line 2" in str(info.value)


# -- pack fields --------------------------------------------------------------------------------------

FIELDS = {
    "tone": {"type": "string", "help": "How it sounds.", "allowed": ["calm", "bright"], "default": "calm"},
    "minutes": {"type": "integer", "help": "Call length.", "minimum": 10, "maximum": 45},
}
FIELD_BODY = "{% block body %}{{ extra.tone }} {{ extra.minutes or 'none' }} {{ sender.name }}{% endblock %}"


@pytest.fixture
def field_pack(tmp_path: Path) -> Path:
    return make_pack(tmp_path, "fields", templates={"request.j2": FIELD_BODY}, fields=FIELDS)


def test_pack_fields_get_defaults_and_none(field_pack: Path) -> None:
    """Unset pack fields take their default, or None, like built-in optional fields."""
    result = askcraft.draft(INTENT, pack=field_pack, check=False)
    assert result.body == "calm none Alex Kim"
    assert result.intent.extra == {"tone": "calm", "minutes": None}


def test_pack_fields_are_validated_all_at_once(field_pack: Path) -> None:
    """Wrong values and unknown keys under extra are reported together, with what is accepted."""
    intent = {**INTENT, "extra": {"tone": "loud", "minutes": 90, "colour": "red"}}
    with pytest.raises(askcraft.IntentError) as info:
        askcraft.draft(intent, pack=field_pack, check=False)
    problems = "\n".join(info.value.problems)
    assert "extra.tone: must be one of: calm, bright" in problems
    assert "extra.minutes: must be at most 45" in problems
    assert "extra.colour: no pack in use declares this field" in problems


def test_boolean_is_not_a_number(tmp_path: Path) -> None:
    """true is not accepted where a pack declares an integer."""
    root = make_pack(tmp_path, templates={"request.j2": FIELD_BODY}, fields=FIELDS)
    with pytest.raises(askcraft.IntentError, match="must be a whole number"):
        askcraft.draft({**INTENT, "extra": {"minutes": True}}, pack=root, check=False)


def test_intent_schema_includes_pack_fields(field_pack: Path) -> None:
    """intent_schema(pack) describes the pack's fields under extra."""
    schema = packs.intent_schema(str(field_pack))
    extra = schema["properties"]["extra"]
    assert extra["properties"]["tone"]["enum"] == ["calm", "bright"]
    assert extra["properties"]["minutes"] == {
        "description": "Call length.",
        "type": "integer",
        "minimum": 10,
        "maximum": 45,
        "x-askcraft-pack": "fields",
    }
    assert extra["additionalProperties"] is False


def test_schema_cli_shows_pack_fields(field_pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """python -m askcraft schema intent --pack PATH prints the pack's fields."""
    assert main(["schema", "intent", "--pack", str(field_pack)]) == 0
    assert '"tone"' in capsys.readouterr().out


# -- tone rules ---------------------------------------------------------------------------------------


def test_pack_tone_rules_load_and_flag(tmp_path: Path) -> None:
    """A pack's tone rules use the built-in rule format and flag their phrases."""
    pack = load_pack(EXAMPLES / "career-coach")
    ids = [r.id for r in pack.tone_rules]
    assert "ask-size.pick-your-brain" in ids
    found = pack.tone_findings(CheckContext(text="Could I pick your brain? I'm ready to hustle."))
    assert sorted(f.rule for f in found) == ["ask-size.pick-your-brain", "pressure.hustle"]
    assert all(f.severity == "warning" for f in found)


def test_tone_rules_refuse_regular_expressions(tmp_path: Path) -> None:
    """Pack rules are phrases only: a 'patterns' key (ReDoS risk) is refused with the line."""
    root = make_pack(tmp_path, tone_rules="tone.yaml")
    (root / "tone.yaml").write_text(
        "rules:\n  pressure.x:\n    phrases: [x]\n    patterns: ['(a+)+$']\n    message: m\n"
        "    examples: {flag: [x], pass: [y]}\n",
        encoding="utf-8",
    )
    with pytest.raises(askcraft.PackError, match=r"line 4: rules\.pressure\.x\.patterns"):
        _ = load_pack(root).tone_rules


# -- discovery and precedence --------------------------------------------------------------------------


def _install(packs_dir: Path, name: str, body: str, **kwargs: object) -> Path:
    return make_pack(packs_dir, name, templates={"request.j2": body}, **kwargs)


def test_user_pack_overrides_builtin_for_same_kind(packs_dir: Path) -> None:
    """A user pack's template wins for the same kind/goal/channel; other messages fall back."""
    _install(packs_dir, "mine", "{% block body %}MINE {{ recipient.name }}{% endblock %}")
    result = askcraft.draft(INTENT, check=False)
    assert result.body == "MINE Sam Lee"
    assert result.provenance.pack == "mine"
    assert result.provenance.source == "user"
    thanks = askcraft.draft({**INTENT, "kind": "thank-you", "help": "introducing me to Priya"}, check=False)
    assert thanks.provenance.pack == "builtin"


def test_explicit_pack_beats_user_pack(packs_dir: Path, tmp_path: Path) -> None:
    """pack=PATH comes before the user's pack folder."""
    _install(packs_dir, "mine", "{% block body %}MINE{% endblock %}")
    explicit = make_pack(
        tmp_path / "elsewhere", "other", templates={"request.j2": "{% block body %}X{% endblock %}"}
    )
    assert askcraft.draft(INTENT, pack=explicit, check=False).body == "X"


def test_pack_can_be_named(packs_dir: Path) -> None:
    """pack='NAME' picks an installed pack by name."""
    _install(packs_dir, "named", "{% block body %}NAMED{% endblock %}")
    assert askcraft.draft(INTENT, pack="named", check=False).provenance.pack == "named"
    with pytest.raises(askcraft.PackError, match="no installed pack named 'nope'"):
        askcraft.draft(INTENT, pack="nope", check=False)


def test_no_autoload_ignores_installed_packs(packs_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """ASKCRAFT_NO_PACK_AUTOLOAD=1 drafts with the built-in pack only."""
    _install(packs_dir, "mine", "{% block body %}MINE{% endblock %}")
    monkeypatch.setenv("ASKCRAFT_NO_PACK_AUTOLOAD", "1")
    assert askcraft.draft(INTENT, check=False).provenance.pack == "builtin"


def test_same_name_higher_wins_and_lower_is_shadowed(packs_dir: Path, tmp_path: Path) -> None:
    """Two packs named alike: the higher one is used, discover() marks the other shadowed."""
    _install(packs_dir, "twin", "{% block body %}A{% endblock %}", folder="a-twin")
    _install(packs_dir, "twin", "{% block body %}B{% endblock %}", folder="b-twin")
    found = [f for f in discover() if f.name == "twin"]
    assert [f.root.name for f in found] == ["a-twin", "b-twin"]
    assert found[0].shadowed_by is None
    assert found[1].shadowed_by is found[0]
    assert askcraft.draft(INTENT, check=False).body == "A"


def test_broken_installed_pack_is_reported_not_ignored(packs_dir: Path) -> None:
    """A broken pack in the user folder makes drafting fail with what to do about it."""
    root = _install(packs_dir, "broken", "x")
    (root / "pack.yaml").write_text("name: broken\n", encoding="utf-8")
    with pytest.raises(askcraft.PackError, match="packs remove broken"):
        askcraft.draft(INTENT, check=False)


def test_drafting_parses_only_the_selected_pack(packs_dir: Path) -> None:
    """Discovery reads manifests only: other packs' templates are never parsed (even broken ones)."""
    _install(
        packs_dir,
        "unused",
        "{% if %}",  # a syntax error nobody should see
        entries=[{"kinds": "thank-you", "variants": {"a": "request.j2"}}],
    )
    result = askcraft.draft(INTENT, check=False)
    assert result.provenance.pack == "builtin"
    unused = next(f.pack for f in discover() if f.name == "unused")
    assert unused is not None
    assert "environment" not in vars(unused)  # its Jinja environment was never created


def test_explicit_zip_pack(tmp_path: Path, packs_dir: Path) -> None:
    """pack= may be a .zip; it is unpacked safely and drafted with."""
    root = make_pack(
        tmp_path / "src", "zipped", templates={"request.j2": "{% block body %}ZIP{% endblock %}"}
    )
    archive = shutil.make_archive(str(tmp_path / "zipped"), "zip", root)
    result = askcraft.draft(INTENT, pack=archive, check=False)
    assert (result.body, result.provenance.pack) == ("ZIP", "zipped")


def test_provenance_records_pack_version_and_hash(tmp_path: Path) -> None:
    """Every draft's provenance names the pack, its version and a content hash that tracks edits."""
    root = make_pack(tmp_path, "prov", templates={"request.j2": BODY})
    first = askcraft.draft(INTENT, pack=root, check=False).provenance
    assert (first.pack, first.version) == ("prov", "1.0.0")
    assert first.content_hash.startswith("sha256:")
    (root / "request.j2").write_text(BODY + "\n", encoding="utf-8")
    assert askcraft.draft(INTENT, pack=root, check=False).provenance.content_hash != first.content_hash
