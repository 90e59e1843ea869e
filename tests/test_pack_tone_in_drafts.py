"""A pack's own tone rules apply to every draft made with that pack, like the built-in rules."""

from __future__ import annotations

import textwrap
from pathlib import Path

from packkit import INTENT, make_pack

import askcraft

RULES = """\
rules:
  ask-size.call:
    phrases: [could call]
    message: Ask for an introduction instead of a list of people to call.
    replacements: [could be introduced to]
    severity: warning
    examples:
      flag: ["Do you know three people I could call?"]
      pass: ["Would you introduce me to one person?"]
"""


def _pack(tmp_path: Path) -> Path:
    root = make_pack(tmp_path, "voice", tone_rules="tone.yaml")
    (root / "tone.yaml").write_text(textwrap.dedent(RULES), encoding="utf-8")
    return root


def test_pack_tone_rule_flags_its_phrase_in_a_draft(tmp_path: Path) -> None:
    """The pack's rule reports the phrase its own template wrote, with its rewrite."""
    result = askcraft.draft(INTENT, pack=_pack(tmp_path), grammar=False)
    hits = [f for f in result.findings if f.rule == "ask-size.call"]
    assert len(hits) == 1
    assert hits[0].excerpt(result.body) == "could call"
    assert hits[0].replacements == ("could be introduced to",)


def test_pack_tone_rule_can_be_switched_off_by_id(tmp_path: Path) -> None:
    """--disable / disable= switches a pack's rule off like a built-in one."""
    result = askcraft.draft(INTENT, pack=_pack(tmp_path), grammar=False, disable=["ask-size.call"])
    assert not [f for f in result.findings if f.rule == "ask-size.call"]


def test_pack_tone_rules_do_not_leak_into_other_packs(tmp_path: Path) -> None:
    """A draft from the built-in pack does not run another pack's rules."""
    _pack(tmp_path)
    result = askcraft.draft(INTENT, grammar=False)
    assert not [f for f in result.findings if f.rule == "ask-size.call"]
