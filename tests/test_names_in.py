"""Names the intent gives anywhere (company, help, outcome, reason, ...) are never spelling mistakes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import askcraft
from askcraft._checks.context import CheckContext, names_in, proper_names
from askcraft._cli import main
from askcraft._grammar import checker as grammar_checker

REPO = Path(__file__).resolve().parent.parent
INTENTS = sorted((REPO / "examples" / "intents").glob("*.yaml"))


@pytest.mark.parametrize(
    ("text", "continues_a_sentence", "names"),
    [
        ("introducing me to Priya Patel at Northbank", True, ["Priya Patel", "Northbank"]),
        ("Northbank's offer", True, ["Northbank"]),
        (
            "After six years teaching math, I want to work with numbers at JPMorgan Chase.",
            False,
            ["JPMorgan Chase"],
        ),
        ("Priya Patel introduced me", False, ["Patel"]),  # a sentence's first word may be any word
        (
            "NHS trusts hire analysts. I'm keen, and I've asked Sam, Lee and O'Brien",
            False,
            ["NHS", "Sam", "Lee", "O'Brien"],
        ),
        ("UX research at AT&T", True, ["UX", "AT&T"]),
        ("I have an intervew next week. It went well!", False, []),
        ("a hamper from Fortnum & Mason", True, ["Fortnum", "Mason"]),
    ],
)
def test_proper_names_are_capitalised_words_not_starting_a_sentence(
    text: str, continues_a_sentence: bool, names: list[str]
) -> None:
    """Capitalised words and runs of them count, acronyms anywhere; 'I' and lower-case words never."""
    assert proper_names(text, first_is_name=continues_a_sentence) == names


def test_names_come_from_every_free_text_field(make_intent: Callable[..., askcraft.Intent]) -> None:
    """Reason, help, outcome, details, gift and extra text all give names; lower-case words never."""
    intent = make_intent(
        kind="thank-you",
        sender={"reason": "I want to put my maths to work at Quillfeather Capital."},
        help="introducing me to Xochitl at Northbank",
        outcome="I have an intervew with the ACME team on Monday",
        gift="some Zabar's bagels",
        details="look over my CV with Siobhán",
        extra={"event": "the PyData London meetup", "n": 3},
    )
    names = names_in(intent)
    for name in (
        "Sam Lee",
        "Alex Kim",
        "banking",
        "Quillfeather Capital",
        "Xochitl",
        "Northbank",
        "ACME",
        "Monday",
        "Zabar",
        "CV",
        "Siobhán",
        "PyData London",
    ):
        assert name in names
    assert not {"intervew", "I", "maths", "introducing", "some", "look"} & set(names)


def test_hook_and_news_give_names_once_the_intent_has_them(
    make_intent: Callable[..., askcraft.Intent],
) -> None:
    """The hook and news fields (when the intent has them) give names like the other free text."""
    intent = make_intent().model_copy(
        update={"hook": "we met at the Strathmore alumni dinner", "news": "I start at Quillfeather in May."}
    )
    names = names_in(intent)
    assert "Strathmore" in names
    assert "Quillfeather" in names
    assert "May" in names


# -- with the real LanguageTool ------------------------------------------------------------------


@pytest.mark.languagetool
@pytest.mark.parametrize("path", INTENTS, ids=[p.name for p in INTENTS])
def test_every_example_intent_passes_its_strict_check(
    path: Path, languagetool_server: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """`askcraft draft --intent EXAMPLE --strict` exits 0 for every shipped example."""
    code = main(["draft", "--intent", str(path), "--strict", "--no-input"])
    _, err = capsys.readouterr()
    assert code == 0, err


@pytest.mark.languagetool
def test_a_company_in_the_outcome_is_not_a_typo_but_a_misspelling_is(
    languagetool_server: Any, make_intent: Callable[..., askcraft.Intent]
) -> None:
    """Northbank (named in help) is accepted; 'intervew' in the outcome is still flagged."""
    intent = make_intent(
        kind="thank-you",
        help="introducing me to Priya Patel at Northbank",
        outcome="I have an intervew with her team next week",
    )
    text = "Thank you for introducing me to Priya Patel at Northbank. I have an intervew with her team."
    found = grammar_checker.check(CheckContext(text=text, intent=intent, names=names_in(intent)))
    flagged = {f.excerpt(text) for f in found if f.category == "spelling"}
    assert "intervew" in flagged
    assert "Northbank" not in flagged
