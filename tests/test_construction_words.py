"""Construction words are single tokens: a word written with a hyphen never matches one."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from askcraft._checks.rules.tokeniser import norms_in, tokens

DATA = Path(__file__).resolve().parent.parent / "askcraft" / "_checks" / "rules" / "data"


def _patterns(node: Any, path: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """Every construction, exception and word-class entry below *node*, with where it is (lexicon
    lists are left out: some are read as text, where a hyphen matches)."""
    found: list[tuple[str, str]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in {"examples", "message", "replacements", "phrases", "patterns", "data"}:
                continue
            found += _patterns(value, (*path, str(key)))
    elif isinstance(node, list):
        for value in node:
            found += _patterns(value, path)
    elif isinstance(node, str) and {"constructions", "unless", "classes"} & set(path):
        found.append(("/".join(path), node))
    return found


@pytest.mark.parametrize("name", sorted(p.stem for p in DATA.glob("*.yaml")))
def test_no_construction_word_has_a_hyphen(name: str) -> None:
    """ "two-faced" in a word list is read as "two", "faced" in a message: it can never match."""
    raw = yaml.safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8"))
    hyphenated = [(where, text) for where, text in _patterns(raw) if re.search(r"[^\W\d_]-[^\W\d_]", text)]
    assert hyphenated == []


def test_the_tokeniser_splits_a_hyphenated_word() -> None:
    """Why the test above holds: the tokens of "two-faced" are two words."""
    assert [t[0] for t in tokens("a two-faced boss")] == ["a", "two", "faced", "boss"]


def test_a_question_mark_after_a_bar_is_a_mark_not_an_optional_part():
    """ "or else !|?" needs "!" or "?" after "or else"; "or else !|?|." and "!|?" read alike."""
    from askcraft._checks.rules.constructions import compile_construction  # noqa: PLC0415

    for source in ("or else !|?", "or else .|!|?"):
        construction = compile_construction(source, {})
        assert not construction.parts[-1].optional, source
        assert list(construction.search(norms_in("Reply today, or else?"))), source
        assert not list(construction.search(norms_in("Finish first, or else my visa lapses."))), source
    assert compile_construction("still? here", {}).parts[0].optional
