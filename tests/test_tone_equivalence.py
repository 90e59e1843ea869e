"""The politeness model's one-pass strategy search finds exactly what matching each rule's pattern finds.

``tone_model._find`` walks a text's words once and confirms a phrase with its pattern only where
needed (a plain word standing alone is its own match). The reference below is the slow, plain
reading it replaced: each phrase rule's pattern tried at every word its phrases start with.
The two must agree on every strategy, span and order, on realistic messages and on the edges
where a shortcut could go wrong (underscores and apostrophes next to a word, letters that a
case-insensitive pattern folds differently from ``str.lower``: dotted and dotless i, the long s
and the Kelvin sign).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from askcraft._checks import tone_model

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "askcraft" / "_checks" / "rules" / "data"

EDGES = [
    "_you and you_ and 'you' and you' and 'you",
    "Thank you_ so much; thanks' and thanks'a lot",
    "I'm sure I\u2019m right, i'm not, I'M NOT, i\u2019d love it, I'd appreciate it, I\u2019d appreciate it",
    "\u0130 think \u0130'm right. Sorry, \u017forry, SORRY, \u0131 am here, \u212aeep in touch, \u212a.",
    "Could you\nplease   send it?  Would   you mind. Can you? CAN'T YOU? can\u2019t you",
    "so. So! and... But? or. then, Then\n\nwhy? how come? Why's that? WHY",
    "Zoë O'Brien-Núñez says thanks! ΟΔΟΣ Straße ﬅ 123 thank-you by-the-way by the way",
    "",
    "   ",
    "please",
    "Please, please, PLEASE plz pls.",
    "dogs' cat, 'quoted' words', x'y'z' don\u2019t, rock'n'roll', _a_b_'c', \u039f\u0394\u039f\u03a3'",
]


def _reference(text: str) -> list[tuple[str, int, int]]:
    """Return ``(strategy, offset, length)`` the slow way: each phrase rule's pattern in turn."""
    first, first_two = tone_model._leading_words(text, tone_model._sentence_starts(text))
    found = tone_model.words(text)
    present = {word for word, _, _ in found}
    rules = tone_model._rules()
    out = [(r.name, start, end - start) for word, start, end in found for r in rules if word in r.words]
    for rule in rules:
        if rule.phrases is None or rule.keys.isdisjoint(present):
            continue
        if rule.anchored:
            matches: Iterator[re.Match[str]] = _anchored(rule.phrases, rule.keys, text, found)
        else:
            matches = rule.phrases.finditer(text)
        for match in matches:
            at = match.start()
            if (
                (rule.where == "sentence_start" and at not in first)
                or (rule.where == "not_start" and at in first)
                or (rule.where == "first_two" and at not in first_two)
            ):
                continue
            out.append((rule.name, at, match.end() - at))
    return out


def _anchored(
    pattern: re.Pattern[str], keys: frozenset[str], text: str, found: tuple[tuple[str, int, int], ...]
) -> Iterator[re.Match[str]]:
    end = -1
    for at in sorted(start for word, start, _ in found if word in keys):
        if at < end:
            continue
        match = pattern.match(text, at)
        if match is not None:
            end = match.end()
            yield match


def _words_reference(text: str) -> tuple[tuple[str, int, int], ...]:
    """Return the words of *text* as the model first read them: one pattern over the folded text."""
    word = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
    folded = text.lower().replace("\u2019", "'")
    if len(folded) == len(text):
        return tuple((m.group(), m.start(), m.end()) for m in word.finditer(folded))
    return tuple((m.group().lower().replace("\u2019", "'"), m.start(), m.end()) for m in word.finditer(text))


def _texts() -> list[str]:
    texts = list(EDGES)
    items = yaml.safe_load((ROOT / "tests" / "data" / "tone_eval.yaml").read_text(encoding="utf-8"))["items"]
    texts += [item["text"] for item in items]
    for path in sorted(DATA.glob("*.yaml")):
        spec: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for entry in (spec.get("rules") or {}).values():
            for which in ("flag", "pass"):
                for example in ((entry or {}).get("examples") or {}).get(which) or []:
                    texts.append(example if isinstance(example, str) else example["text"])
    variants = [v for t in texts for v in (t.replace("'", "\u2019"), t.upper(), t.lower())]
    return texts + variants


def test_words_are_read_as_one_pattern_reads_them() -> None:
    """The words the model reads (taken from the constructions' tokens) are the words of its own pattern."""
    for text in _texts():
        assert tone_model.words(text) == _words_reference(text), text


def test_one_pass_finds_what_each_pattern_finds() -> None:
    """Every strategy, span and order agrees with the plain per-rule reading."""
    texts = _texts()
    assert len(texts) > 1000
    for text in texts:
        fast = [(rule.name, offset, length) for rule, offset, length in tone_model._find(text)]
        assert fast == _reference(text), text
