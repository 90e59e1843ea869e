"""A rule's advice fits the message it is on: a thank-you is not told to "say you are following up".

Rules give a kind of message its own message, rewrite and way of removing (``by_kind:`` in their
data file; :meth:`Rule.for_kind`).
"""

from __future__ import annotations

from typing import Any

import pytest

import askcraft
from askcraft._checks.fix import apply_fixes
from askcraft._checks.rules.base import by_kind, rules
from askcraft._errors import AskcraftError

COUNTED = ("politeness", "pressure", "negativity", "patience")
FOLLOW_UP = "Say you are following up"


def _warnings(text: str, kind: str) -> list[Any]:
    return [f for f in askcraft.check(text, kind=kind, grammar=False) if f.severity in ("warning", "error")]


def _only(text: str, kind: str, rule: str) -> Any:
    found = [f for f in _warnings(text, kind) if f.rule == rule]
    assert len(found) == 1, (kind, [f.rule for f in _warnings(text, kind)])
    return found[0]


@pytest.mark.parametrize(
    ("kind", "says", "not_says"),
    [
        ("reminder", FOLLOW_UP, "Ask as if for the first time"),
        ("request", "Ask as if for the first time", FOLLOW_UP),
        ("thank-you", "Thank them plainly for what they did", FOLLOW_UP),
    ],
)
def test_guilt_advises_for_the_kind_of_message(kind: str, says: str, not_says: str):
    text = "Hi Jo, thanks for everything. I keep telling myself you're just busy. Best, Sam"
    finding = _only(text, kind, "pressure.guilt")
    assert says in finding.message
    assert not_says not in finding.message


def test_an_ultimatum_in_a_thank_you_goes_whole_and_nothing_replaces_it():
    """In a request the threat becomes an easy way out; a thank-you asks nothing, so it just goes."""
    sentence = "If the interview doesn't happen, I'll know who to blame."
    thanks = (
        f"Hi Jo,\n\nThank you so much for the introduction to Dana. {sentence} I owe you a coffee!\n\nSam"
    )
    finding = _only(thanks, "thank-you", "pressure.ultimatum")
    assert "No worries if nobody comes to mind" not in finding.message
    assert finding.replacements == ("",)
    assert thanks[finding.offset : finding.offset + finding.length].strip() == sentence
    fixed = apply_fixes(thanks, [finding])
    assert fixed == "Hi Jo,\n\nThank you so much for the introduction to Dana. I owe you a coffee!\n\nSam"
    assert [f.rule for f in _warnings(fixed, "thank-you") if f.category in COUNTED] == []

    thanked = "Thank you so much for the introduction to Dana."
    request = thanks.replace(thanked, "Could you introduce me to Dana?")
    asked = _only(request, "request", "pressure.ultimatum")
    assert asked.replacements == ("No worries if nobody comes to mind.",)


def test_the_pushy_model_thanks_in_a_thank_you():
    text = (
        "Hi Jo, thanks for the intro. After everything I did for your campaign, "
        "I knew you'd come round eventually. Sam"
    )
    for kind, says in (("thank-you", "Thank them plainly"), ("request", "Say what you need and why")):
        finding = _only(text, kind, "pressure.pushy")
        assert says in finding.message
        assert "{why}" not in finding.message
    rule = rules("pressure")["pressure.pushy"].for_kind("thank-you")
    finding = rule.finding(0, 1, why=' ("you" weighs most)')
    assert finding.message.startswith('This reads as pushy to a careful reader ("you" weighs most). Thank')


def test_a_put_down_in_a_thank_you_is_answered_as_a_thank_you():
    text = "Hi Jo, thanks for the intro, the last person you sent me to was useless, so here's hoping. Sam"
    finding = _only(text, "thank-you", "negativity.reader")
    assert "Thank them for what they did" in finding.message
    assert "Say what you are asking for" not in finding.message


def test_a_kind_without_its_own_advice_gets_the_rule_as_it_is():
    rule = rules("pressure")["pressure.guilt"]
    assert rule.for_kind("reminder") is rule
    assert rule.for_kind("thank-you") is rule.for_kind("thank-you")  # made once
    assert rule.for_kind("thank-you").flag == rule.flag


def test_every_rule_names_real_kinds_and_says_something_for_each():
    for name in ("pressure", "negativity", "politeness", "patience"):
        for rule in rules(name).values():
            for kind, given in rule.by_kind.items():
                assert kind in ("request", "reminder", "thank-you")
                assert given, rule.id
                assert rule.for_kind(kind).message.strip()


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        ({"thank-yous": {"message": "Thanks."}}, "'thank-yous' is not a kind of message"),
        ({"thank-you": {"mesage": "Thanks."}}, "unknown key 'mesage'"),
        ({"thank-you": {}}, "must give at least one of"),
        ({"thank-you": {"message": 3}}, "thank-you.message must be text"),
        ({"thank-you": {"replacements": ""}}, "replacements must be a list of texts"),
        ({"thank-you": {"remove": "paragraph"}}, "remove must be one of clause, sentence, mark"),
        (["thank-you"], "must map a kind of message"),
    ],
)
def test_bad_by_kind_data_names_the_rule_file_and_key(raw: Any, says: str):
    with pytest.raises(AskcraftError) as caught:
        by_kind("pressure.guilt", "pressure", raw)
    assert "rule 'pressure.guilt' in pressure.yaml: by_kind" in str(caught.value)
    assert says in str(caught.value)


def test_by_kind_data_is_read_tidily():
    raw = {"thank-you": {"message": "Say\n  thanks.", "replacements": [""], "remove": "sentence"}}
    got = by_kind("x.y", "x", raw)
    assert got == {"thank-you": {"message": "Say thanks.", "replacements": ("",), "remove": "sentence"}}
