"""Construction rules: a rule's constructions matched sentence by sentence, found through an index.

A text meets only the constructions whose rarest required part it holds a word of
(``rarity.commonness``), in the data file's order; each sentence is then checked for their other
parts before it is searched (``tests/test_construction_index.py`` compares this with every
construction tried on every sentence).
"""

from __future__ import annotations

import bisect
import functools

from askcraft._checks.context import CheckContext
from askcraft._checks.findings import Finding
from askcraft._checks.rules.base import Rule, clauses_around, read_sentences, remove_words, rules
from askcraft._checks.rules.constructions import Construction, find
from askcraft._checks.rules.tokeniser import scan, token_set


def run_construction_rules(ctx: CheckContext, name: str) -> list[Finding]:
    """Flag each sentence where a rule's constructions match and none of its ``unless`` do.

    One finding per rule and sentence. A rule whose rewrite is a sentence replaces the sentence;
    a rule that removes words ("") removes the clauses the matches are in, or the whole sentence.
    """
    found: list[Finding] = []
    text = ctx.text
    rare: set[str] = set()
    by_rule = _live(name, text, rare)
    if not by_rule:
        return found
    by_id = rules(name)
    # A construction matches only a sentence with a word of its rarest part: the text's words of the
    # live constructions' rarest parts are *rare* (about three), and the sentences without one of
    # them (two in three) are not gone through.
    reading = [sentence for sentence in read_sentences(text) if not rare.isdisjoint(sentence[3])]
    for rule_id, constructions in by_rule.items():
        rule = by_id[rule_id]
        if not rule.applies(ctx):
            continue
        rule = rule.for_kind(ctx.kind)
        for start, end, norms, words in reading:
            found_at: list[tuple[int, int]] = []
            for construction in constructions:
                for need in construction.needs:  # Construction.possible, without a call a sentence
                    if need.isdisjoint(words):
                        break
                else:
                    found_at += construction.search(norms)
            if not found_at or any(find(rule.unless, norms, words)):
                continue
            _, starts, ends, _, _, _ = scan(text)
            at = bisect.bisect_left(starts, start)  # the sentence's first token
            hits = [(starts[at + first], ends[at + last]) for first, last in found_at]
            found.append(sentence_finding(rule, text, (start, end), hits))
    return found


def sentence_finding(
    rule: Rule, text: str, sentence: tuple[int, int], hits: list[tuple[int, int]]
) -> Finding:
    """Return *rule*'s finding for the sentence at *sentence* where its constructions matched at
    *hits*: the clauses they are in, removed, for a rule whose rewrite is removal ("") (the whole
    sentence, for one that says ``remove: sentence``); otherwise the whole sentence, for its rewrite."""
    start, end = sentence
    if rule.replacements == ("",):
        whole = rule.data.get("remove") == "sentence"
        a, b = (start, end) if whole else clauses_around(text, start, end, hits)
        a, b, fix = remove_words(text, (start, end), a, b)
        return rule.finding(a, b - a, replacements=(fix,))
    return rule.finding(start, end - start)


def _live(name: str, text: str, rare: set[str] | None = None) -> dict[str, list[Construction]]:
    """Return the constructions of ``data/<name>.yaml`` that could match somewhere in *text*, by rule.

    They are indexed by their rarest part (``rarity.commonness``: the fewest messages hold one of
    its words); every other required part is then looked for in the text's words, rarest first
    (each sentence is checked by the caller). They come in the data file's order,
    so the rules do too.

    Each key word of the text's leads straight to its constructions, each with its second rarest
    part apart from the rest: about three candidates in four fail on it, without a loop over their
    parts. A construction met under two key words is tested twice and kept once.

    The key words that lead to a live construction are added to *rare* when it is given: every word
    of the text in a live construction's rarest part is one (its other parts are tested on the text,
    whichever key word leads to it).
    """
    index, keys, table = _construction_index(name)
    present = token_set(text)
    live = set()
    for key in keys & present:
        for number, second, rest in index[key]:
            if second.isdisjoint(present):
                continue
            for need in rest:
                if need.isdisjoint(present):
                    break
            else:
                live.add(number)
                if rare is not None:
                    rare.add(key)
    by_rule: dict[str, list[Construction]] = {}
    for number in sorted(live):  # the few that could match, not every candidate, put in order
        rule_id, construction = table[number]
        by_rule.setdefault(rule_id, []).append(construction)
    return by_rule


#: A construction by number, with its second rarest required part (for a construction with one, that
#: part again, which the text meets) and the rest of its required parts after those two. One tuple a
#: construction, shared by its key words: few objects for the garbage collector to go through.
_Entry = tuple[int, frozenset[str], tuple[frozenset[str], ...]]


@functools.cache
def _construction_index(
    name: str,
) -> tuple[dict[str, tuple[_Entry, ...]], frozenset[str], tuple[tuple[str, Construction], ...]]:
    """Map each word to the constructions whose rarest required part holds it (:data:`_Entry`).

    With the words as a set (it meets a text's words faster than the dictionary's keys do), and
    the table of every construction (by number, in the data file's order) with its rule's id.
    """
    table = tuple((rule.id, c) for rule in rules(name).values() for c in rule.constructions)
    index: dict[str, list[_Entry]] = {}
    for number, (_, construction) in enumerate(table):
        needs = construction.needs
        entry = (number, needs[1] if len(needs) > 1 else needs[0], needs[2:])  # one for all its words
        for word in needs[0]:
            index.setdefault(word, []).append(entry)
    return {word: tuple(entries) for word, entries in index.items()}, frozenset(index), table
