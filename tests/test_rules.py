"""Every tone rule flags its examples, passes its counter-examples, and can be switched off."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from askcraft._checks.context import CheckContext
from askcraft._checks.findings import Finding
from askcraft._checks.registry import BUILTIN_CHECKERS, run_checks
from askcraft._checks.rules.base import DATA, OptionError, Rule, example_context, known_options, rules

#: Checker data files (the others hold shared word lists or the politeness model).
CHECKERS = sorted(p.stem for p in Path(DATA).glob("*.yaml") if rules(p.stem))
ALL_RULES: list[Rule] = [rule for name in CHECKERS for rule in rules(name).values()]
TONE = [name for name in BUILTIN_CHECKERS if name != "grammar"]


def _checker(name: str) -> Callable[[CheckContext], Iterable[Finding]]:
    module: Callable[[CheckContext], Iterable[Finding]] = importlib.import_module(
        f"askcraft._checks.rules.{name}"
    ).check
    return module


def _owner(rule: Rule) -> str:
    return next(name for name in CHECKERS if rule.id in rules(name))


def _cases(which: str) -> list[tuple[str, int]]:
    return [
        pytest.param(rule.id, i, id=f"{rule.id}-{i}")
        for rule in ALL_RULES
        for i in range(len(rule.flag if which == "flag" else rule.passes))
    ]


def _rule(rule_id: str) -> Rule:
    return next(r for r in ALL_RULES if r.id == rule_id)


def test_every_checker_data_file_is_registered():
    """Each checker with a data file is in the registry, so it runs on every draft."""
    registered = {target.partition(":")[0] for target in BUILTIN_CHECKERS.values()}
    assert {f"askcraft._checks.rules.{name}" for name in CHECKERS} <= registered


def _booleans(value: object, where: str) -> Iterable[str]:
    if isinstance(value, bool):
        yield where
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _booleans(item, f"{where}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _booleans(item, f"{where}[{i}]")


@pytest.mark.parametrize("path", sorted(Path(DATA).glob("*.yaml")), ids=lambda p: p.name)
def test_word_lists_hold_words_not_booleans(path: Path):
    """YAML reads a bare no, yes, on or off as a boolean: in a word list it must be quoted."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    flags = {"impolite", "learned"}  # the only keys whose values are meant to be booleans (a switch)
    found = [w for w in _booleans(data, path.stem) if w.rsplit(".", 1)[-1] not in flags]
    assert not found, f"unquoted yes/no/on/off read as booleans: {found}"


def _repeats(value: object, where: str) -> Iterable[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _repeats(item, f"{where}.{key}")
    elif isinstance(value, list):
        seen: set[str] = set()
        for i, item in enumerate(value):
            if isinstance(item, str):
                if item.lower() in seen:
                    yield f"{where}[{i}] {item!r}"
                seen.add(item.lower())
            yield from _repeats(item, f"{where}[{i}]")


@pytest.mark.parametrize("path", sorted(Path(DATA).rglob("*.yaml")), ids=lambda p: p.stem)
def test_no_list_holds_an_entry_twice(path: Path):
    """A word, phrase or example listed twice in one list is a slip: the second adds nothing, and
    whoever narrows the first one later leaves the second behind."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = list(_repeats(data, path.stem))
    assert not found, f"listed twice in one list (drop the later one): {found}"


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.id)
def test_every_rule_has_examples_both_ways(rule: Rule):
    """A rule without examples that must flag and examples that must pass is not tested."""
    assert rule.flag, f"{rule.id} has no examples that must flag"
    assert rule.passes, f"{rule.id} has no examples that must pass"


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.id)
def test_every_rule_says_what_to_do(rule: Rule):
    """Messages are sentences addressed to the writer, not labels."""
    assert len(rule.message.split()) >= 6
    assert rule.id.split(".")[0] == rule.category


@pytest.mark.parametrize(("rule_id", "index"), _cases("flag"))
def test_rule_flags_its_examples(rule_id: str, index: int):
    """Each example that must flag yields a finding of exactly that rule, with a valid span."""
    rule = _rule(rule_id)
    ctx = example_context(rule.flag[index])
    found = [f for f in _checker(_owner(rule))(ctx) if f.rule == rule_id]
    assert found, f"{rule_id} missed: {ctx.text!r}"
    for finding in found:
        source = (ctx.subject or "") if finding.field == "subject" else ctx.text
        assert finding.offset + finding.length <= len(source)
        assert finding.severity == rule.severity


@pytest.mark.parametrize(("rule_id", "index"), _cases("pass"))
def test_rule_passes_its_counter_examples(rule_id: str, index: int):
    """Each example that must pass yields no finding of that rule."""
    rule = _rule(rule_id)
    ctx = example_context(rule.passes[index])
    found = [f.excerpt(ctx.text) for f in _checker(_owner(rule))(ctx) if f.rule == rule_id]
    assert not found, f"{rule_id} flagged {found} in {ctx.text!r}"


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.id)
def test_rule_can_be_switched_off_by_id_and_by_group(rule: Rule):
    """run_checks(disable=...) drops a rule by its id and by its dotted group."""
    ctx = example_context(rule.flag[0])
    assert any(rule.id in f.rules for f in run_checks(ctx, grammar=False))
    for off in (rule.id, rule.category):
        assert not any(rule.id in f.rules for f in run_checks(ctx, grammar=False, disable=[off]))


def test_replacement_rewrites_command_into_question():
    """The politeness rule rewrites a bare command as a "Could you ...?" question."""
    ctx = CheckContext(text="Thanks for reading. Send me the list of names.")
    (finding,) = [f for f in run_checks(ctx, grammar=False) if f.rule == "politeness.command"]
    assert finding.excerpt(ctx.text) == "Send me the list of names."
    assert finding.replacements == ("Could you send me the list of names?",)


def test_options_change_thresholds():
    """Options in ctx.options override the defaults in the data files."""
    text = "Just checking in on my note."
    base = {"kind": "reminder", "send_date": date(2026, 3, 5)}
    soon = CheckContext(text=text, options={"patience.sent_on": "2026-03-02"}, **base)  # type: ignore[arg-type]
    assert any(f.rule == "patience.too-soon" for f in run_checks(soon, grammar=False))
    relaxed = CheckContext(
        text=text,
        options={"patience.sent_on": "2026-03-02", "patience.min_days": 2},
        **base,  # type: ignore[arg-type]
    )
    assert not any(f.rule.startswith("patience") for f in run_checks(relaxed, grammar=False))


def test_bad_option_value_is_an_askcraft_error():
    """A threshold of the wrong type raises an error that names the option."""
    ctx = CheckContext(text="Do you know two people?", options={"questions.max": "many"})
    with pytest.raises(OptionError, match=r"questions\.max"):
        run_checks(ctx, grammar=False)


def test_known_options_have_defaults():
    """Every option the CLI accepts has a default in a data file."""
    options = known_options()
    assert options["patience.min_days"] == 7
    assert options["ask-size.max_names"] == 5


def test_sms_segments_count_gsm7_and_ucs2():
    """A text message is 160 GSM-7 characters per segment, 70 once any other character appears."""
    from askcraft._checks.rules.length import sms_segments  # noqa: PLC0415

    assert sms_segments("a" * 160) == (1, "GSM-7", 160)
    assert sms_segments("a" * 161)[0] == 2
    assert sms_segments("a" * 70 + "é")[0] == 1  # é is in GSM-7
    assert sms_segments("a" * 70 + "ł")[0] == 2  # ł is not
    assert sms_segments("😀" * 35)[0] == 1
    assert sms_segments("😀" * 36)[0] == 2


def test_subject_findings_point_into_the_subject():
    """Subject-line findings carry field="subject" and a span inside the subject."""
    ctx = CheckContext(text="Do you know three people?", subject="  Hi  ")
    (finding,) = [f for f in run_checks(ctx, grammar=False) if f.rule == "length.subject"]
    assert finding.field == "subject"
    assert finding.excerpt(ctx.subject or "") == "Hi"


_KINDS = st.sampled_from(["request", "reminder", "thank-you"])
_CHANNELS = st.sampled_from(["email", "linkedin-message", "linkedin-connection-note", "text"])
_PHRASES = st.sampled_from(
    [
        "Could you",
        "ASAP!!",
        "I hate my job.",
        "ten people",
        "Please send",
        "So,",
        "Thanks for",
        "?",
        "\n",
        " ",
    ]
)
_TEXTS = st.one_of(
    st.text(max_size=400), st.lists(st.one_of(_PHRASES, st.text(max_size=20)), max_size=30).map("".join)
)


@settings(max_examples=150, deadline=None)
@given(text=_TEXTS, subject=st.one_of(st.none(), st.text(max_size=80)), kind=_KINDS, channel=_CHANNELS)
def test_any_text_gives_findings_with_spans_inside_it(
    text: str, subject: str | None, kind: str, channel: str
):
    """Arbitrary unicode never crashes a checker, and every span lies inside the checked field."""
    ctx = CheckContext(text=text, subject=subject, kind=kind, channel=channel, send_date=date(2026, 1, 10))
    for finding in run_checks(ctx, grammar=False):
        source = (subject or "") if finding.field == "subject" else text
        assert 0 <= finding.offset <= finding.offset + finding.length <= len(source)
        assert finding.message
        assert finding.category in TONE or finding.category == "ask-size"


def test_a_deadline_with_an_easy_way_out_is_a_suggestion():
    """A date the reader may still decline is worth a word, not a warning; with its reason, nothing."""
    softened = CheckContext(text="Could you read my statement before the 30th? No worries at all if not.")
    (finding,) = [f for f in run_checks(softened, grammar=False) if "pressure.deadline" in f.rules]
    assert finding.severity == "suggestion"
    explained = CheckContext(
        text="Could you read my statement before the 30th? The application closes then. No worries if not."
    )
    assert not [f for f in run_checks(explained, grammar=False) if "pressure.deadline" in f.rules]


def test_too_soon_counts_days_in_words():
    """The too-soon message says '1 day' and 'the same day', never '1 days' or 'only 0 days'."""
    text = "Just checking in on my note."

    def message(sent_on: str, sent: date, most: int = 7) -> str:
        ctx = CheckContext(
            text=text,
            kind="reminder",
            send_date=sent,
            options={"patience.sent_on": sent_on, "patience.min_days": most},
        )
        (finding,) = [f for f in run_checks(ctx, grammar=False) if f.rule == "patience.too-soon"]
        return finding.message

    assert "only 1 day before this one" in message("2026-03-02", date(2026, 3, 3))
    assert "only 3 days before" in message("2026-03-02", date(2026, 3, 5))
    same = message("2026-03-02", date(2026, 3, 2), most=1)
    assert "the same day as this one" in same
    assert "at least 1 day after" in same
    assert "1 days" not in same
    assert "0 days" not in same


@given(st.text(alphabet=st.sampled_from(list("ab 🙃🙄😒🙂.,'-\n")), max_size=40))
def test_a_rule_with_marks_matches_as_its_pattern_does(text: str) -> None:
    """A rule with ``marks`` skips a text without one of them: it finds exactly what its pattern does."""
    for name in ("pressure", "negativity", "politeness"):
        for rule in rules(name).values():
            if rule.marks and rule.pattern is not None:
                found = [m.span() for m in rule.matches(text)]
                assert found == [m.span() for m in rule.pattern.finditer(text)], (rule.id, text)
