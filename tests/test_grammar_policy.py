"""The severity policy against real sample messages, checked by the real LanguageTool server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import askcraft._grammar.checker as grammar_checker
from askcraft._checks.context import CheckContext, letter_names

SAMPLES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "data" / "grammar_samples.yaml").read_text(encoding="utf-8")
)
KEYS = {"id", "text", "names", "clean", "error_words", "not_flagged", "suggestion_words"}


def test_every_sample_says_what_it_expects():
    """Each sample expects something (clean or specific errors) and uses only known keys."""
    ids = [s["id"] for s in SAMPLES]
    assert len(ids) == len(set(ids))
    for sample in SAMPLES:
        assert set(sample) <= KEYS, sample["id"]
        assert sample.get("clean") or sample.get("error_words"), sample["id"]
    assert sum(bool(s.get("clean")) for s in SAMPLES) >= 5
    assert sum(bool(s.get("error_words")) for s in SAMPLES) >= 5


@pytest.mark.languagetool
@pytest.mark.parametrize("sample", SAMPLES, ids=[s["id"] for s in SAMPLES])
def test_sample_message_gets_the_expected_findings(languagetool_server: Any, sample: dict[str, Any]):
    """Clean samples have no errors; flawed ones are flagged at the flawed words; names pass."""
    text = sample["text"]
    findings = grammar_checker.check(CheckContext(text=text, names=tuple(sample.get("names", ()))))
    assert not [f for f in findings if f.rule == "grammar.unavailable"]
    errors = {f.excerpt(text): f.rule for f in findings if f.severity == "error"}
    if sample.get("clean"):
        assert errors == {}
    for word in sample.get("error_words", ()):
        assert word in errors, f"expected an error at {word!r}; got {errors}"
    flagged = {f.excerpt(text) for f in findings}
    for word in sample.get("not_flagged", ()):
        assert word not in flagged
    suggestions = {f.excerpt(text) for f in findings if f.severity == "suggestion"}
    for word in sample.get("suggestion_words", ()):
        assert word in suggestions


def test_who_a_letter_greets_and_who_signs_it_are_names() -> None:
    """ "Cheers, / Efua" drew a spelling error on the sender's own name in `askcraft check`, which
    has no intent to take names from; the greeting and the signature give them."""
    assert letter_names("Hi Dan,\n\nCould you help?\n\nCheers,\nEfua") == ("Dan", "Efua")
    assert letter_names("Hello Aunty Grace!\n\nThanks.\n\nLove,\nTobi x") == ("Aunty Grace", "Tobi")
    assert (
        letter_names("Dear Ms Nwachukwu,\n\nThanks.\n\nBest wishes,\nSiobhan Ní Bhriain")[-1]
        == "Siobhan Ní Bhriain"
    )
    assert letter_names("hey u\nneed a favour lol") == ()
    assert letter_names("Hi team,\nplease see below.\nThanks for the help.") == ()
