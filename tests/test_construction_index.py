"""The constructions' index finds what trying every construction on every sentence finds.

``construction_rules._live`` looks a text's words up in an index by each construction's rarest required part
(``rarity.commonness``) and checks its other parts, rarest first; ``run_construction_rules`` then
checks each sentence's words before searching it, and ``Construction.search`` tries a pattern
only where its first word is, when that word is required. These tests compare both with the plain
reading, every construction of every rule searched in every sentence, on sentences built from the
constructions themselves (each part filled with one of its words, optional parts and gaps drawn),
with parts dropped or swapped and other constructions' words around them.
"""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from askcraft._checks.context import CheckContext
from askcraft._checks.findings import Finding
from askcraft._checks.rules import construction_rules, rarity
from askcraft._checks.rules.base import read_sentences, rules
from askcraft._checks.rules.construction_rules import run_construction_rules, sentence_finding
from askcraft._checks.rules.constructions import Construction
from askcraft._checks.rules.tokeniser import _PUNCT, token_set, tokens

NAMES = ("pressure", "negativity")
_CONSTRUCTIONS = [
    c for name in NAMES for rule in rules(name).values() for c in (*rule.constructions, *rule.unless)
]
_WORDS = sorted({word for c in _CONSTRUCTIONS for part in c.parts for word in part.words})
_FILLER = ["really", "the", "them", "today", "and", "so", "please"]


def _every_construction(ctx: CheckContext, name: str) -> list[Finding]:
    """Return what ``run_construction_rules`` does, searching every construction in every sentence."""
    found: list[Finding] = []
    text = ctx.text
    for rule in rules(name).values():
        if not rule.constructions or not rule.applies(ctx):
            continue
        for start, end, norms, _ in read_sentences(text):
            toks = tokens(text, start, end)
            hits = [
                (toks[first][1], toks[last][2])
                for construction in rule.constructions
                for first, last in construction.search(norms)
            ]
            if not hits or any(any(c.search(norms)) for c in rule.unless):
                continue
            found.append(sentence_finding(rule.for_kind(ctx.kind), text, (start, end), hits))
    return found


def _plain_search(construction: Construction, norms: list[str]) -> list[tuple[int, int]]:
    """``Construction.search`` as it was: the pattern tried at every token (*norms*, their norms)."""
    found = []
    at = 0
    while at < len(norms):
        end = construction._match(norms, 0, at)
        if end is not None and end > at:
            first = at
            while norms[first] in _PUNCT and first < end - 1:
                first += 1
            found.append((first, end - 1))
            at = end
        else:
            at += 1
    return found


def _sentence(construction: Construction, rng: random.Random) -> str:
    """Return words that match *construction* (or nearly: a part dropped or changed, at random)."""
    out = []
    for part in construction.parts:
        if part.gap:
            out += rng.sample(_FILLER, rng.randint(0, min(part.gap, 3)))
        elif part.optional and rng.random() < 0.5:
            continue
        elif rng.random() < 0.05:
            out.append(rng.choice(_WORDS))  # a part changed: a near miss
        elif rng.random() > 0.03:  # else dropped
            out.append(rng.choice(sorted(part.words)))
    return " ".join(out)


@st.composite
def _texts(draw: st.DrawFn) -> str:
    rng = random.Random(draw(st.integers(0, 2**32)))  # noqa: S311  (test data, not secrets)
    pieces = []
    for _ in range(draw(st.integers(1, 4))):
        construction = draw(st.sampled_from(_CONSTRUCTIONS))
        before = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(0, 3)))
        mark = rng.choice([".", "!", "?", ",", "", "\n"])
        pieces.append(f"{before} {_sentence(construction, rng)}{mark}")
    text = " ".join(pieces).replace(" '", "'")
    return text.upper() if draw(st.booleans()) and rng.random() < 0.1 else text


@settings(max_examples=400, deadline=None)
@given(_texts(), st.sampled_from(["request", "reminder", "thank-you"]))
def test_the_index_finds_what_every_construction_finds(text: str, kind: str) -> None:
    ctx = CheckContext(text=text, kind=kind, channel="email")
    for name in NAMES:
        assert run_construction_rules(ctx, name) == _every_construction(ctx, name), (name, text)


@settings(max_examples=300, deadline=None)
@given(_texts())
def test_search_tries_a_pattern_where_its_first_word_is(text: str) -> None:
    norms = [t[0] for t in tokens(text)]
    for construction in _CONSTRUCTIONS:
        assert list(construction.search(norms)) == _plain_search(construction, norms), construction.source


@settings(max_examples=400, deadline=None)
@given(_texts())
def test_the_live_constructions_are_those_whose_parts_the_text_holds(text: str) -> None:
    present = token_set(text)
    for name in NAMES:
        expected = {
            rule.id: [c for c in rule.constructions if all(not need.isdisjoint(present) for need in c.needs)]
            for rule in rules(name).values()
        }
        assert construction_rules._live(name, text) == {
            rule_id: found for rule_id, found in expected.items() if found
        }


def test_every_required_part_is_needed_and_the_rarest_comes_first() -> None:
    """``needs`` holds each required part once, rarest first; the rest of the pattern is optional."""
    for construction in _CONSTRUCTIONS:
        required = [p.words for p in construction.parts if p.words and not p.optional]
        assert sorted(map(sorted, construction.needs)) == sorted(map(sorted, required))
        ranks = [rarity.commonness(need) for need in construction.needs]
        assert ranks == sorted(ranks), construction.source


def test_commonness_counts_messages() -> None:
    """Marks and function words are common, a word the counts never met is the rarest of all."""
    assert rarity.commonness(frozenset({","})) > rarity.commonness(frozenset({"know"})) > (0, 1)
    assert rarity.commonness(frozenset({"zzzqx"})) == (0, 1)
