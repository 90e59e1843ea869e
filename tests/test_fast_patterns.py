"""The fourth speed round's shortcuts find exactly what the plain readings they replaced find.

Regular expressions that the engine tried at every character now begin with the class of their
first character (it then skips to where one is); phrase lists searched over a whole text are
tried only where their first words are (``anchors.first_match``); readability counts the words
the tokeniser read; a few checks stop early when a word they need is missing. Each is compared
here with the reading it replaced, on the rules' examples, the evaluation and training messages
(also in capitals, lower case and with curly apostrophes) and random strings of the characters
where a shortcut could go wrong.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from askcraft._checks import tone_model
from askcraft._checks.rules import (
    anchors,
    asks,
    base,
    length,
    pressure,
    pushy,
    readability,
    reading,
    removal,
    timing,
)
from askcraft._checks.rules.timing import _by_first
from askcraft._checks.rules.tokeniser import places, scan, token_set, tokens

ROOT = Path(__file__).resolve().parent.parent

#: The patterns as they were written before (the plain readings).
PLAIN = {
    "sentence_end": (reading._SENTENCE_END, r"[.!?]+[\"\u201d'\u2019)\]]*(?=\s|$)|\n"),
    "sentence_break": (tone_model._SENTENCE_BREAK, r"[.!?]+[\"\u201d'\u2019)\]]*\s+|\n\s*"),
    "caps_word": (tone_model._CAPS_WORD, r"\b[A-Z]{3,}\b"),
    "caps": (pressure._CAPS, r"(?<![\w'\u2019])[A-Z][A-Z'\u2019]+(?![\w'\u2019])"),
    "bang_runs": (pressure._BANG_RUNS, r"[!?]{2,}"),
    "clause_break": (removal._CLAUSE_BREAK, r"\s*(?:[,;:\u2014\u2013]|\s-\s)\s*"),
    "conjunction": (removal._CONJUNCTION, r"(?i)(?:and|but|so|or|because|which)\b\s*"),
    # Searched for as ``[^\W_]{3,}``: the same places.
    "long_word": (removal._LONG_WORD, r"[^\W_]{3}"),
}
EDGES = [
    "",
    "Hi.\nThanks!! Any news?? OK...   \"Done.\" (Yes.) 'Sure.' \u201cFine.\u201d\n\n  next",
    "ASAP!!! I NEED THIS. CFA, SHRM and NICU. I'M DONE\u2019S O'NEIL x-RAY AB_CD 3AB ABc",
    "\u0130stanbul \u0131mmediately \u017ftraight \u212anow K\u00d6LN \u00c9COLE",
    "na\u00efve caf\u00e9 Stra\u00dfe",
    # Clause breaks and conjunctions (removal): spaces before a mark or a dash, a long s.
    "so, and\tbut ;or  \u2014which - BECAU\u017fE \u017fo x -y z- w  -  brand abso: Or,And WHICH\u2013but-and"
    " \u212aand \u0130or",
    # A letter that folds to an ASCII one begins an ask phrase or a people noun: the text's word is
    # not the phrase's first word, so the text is searched whole.
    "\u0131s there any chance you know someone? I need two \u0131ntroductions, or three \u0130ntros.",
    "any leads?! who's hiring?? three people in banking, 2 contacts, a dozen names. jobs at Globex",
    "could you introduce me? I'd love to know anyone hiring for a data analyst role in fintech",
]


def _texts() -> list[str]:
    texts = list(EDGES)
    for path in sorted((ROOT / "askcraft" / "_checks" / "rules" / "data").glob("*.yaml")):
        spec: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for rule in (spec.get("rules") or {}).values():
            for key in ("flag", "pass"):
                for example in (rule.get("examples") or {}).get(key) or []:
                    texts.append(example if isinstance(example, str) else str(example.get("text", "")))
    for name in (
        "tone_eval",
        "tone_eval_blind",
        "tone_eval_blind2",
        "tone_eval_blind3",
        "tone_eval_blind4",
        "tone_train",
    ):
        path = ROOT / "tests" / "data" / f"{name}.yaml"
        if path.is_file():
            items: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))["items"]
            texts += [item["text"] for item in items]
    return texts


def _random(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)  # noqa: S311  (test strings, not secrets)
    alphabet = [*"aZAB'\u2019 .!?\n\t\"\u201d)]_-,3\u0130\u212a\u017f\u00e9", "ASAP", "you", "job"]
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(count)]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    found = _texts()
    assert len(found) > 2000
    variants = [v for t in found for v in (t, t.upper(), t.lower(), t.replace("'", "\u2019"))]
    return variants + _random(20000, seed=4)


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_patterns_that_begin_with_a_class(name: str, texts: list[str]) -> None:
    fast, source = PLAIN[name]
    plain = re.compile(source)
    assert fast.pattern != source
    for text in texts:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_readability_reads_the_tokenisers_words(texts: list[str]) -> None:
    for text in texts:
        plain = readability._WORD.findall(text.lower().replace("\u2019", "'"))
        assert list(readability._words(text)) == plain, text


def test_no_character_outside_a_word_lowers_to_an_ascii_letter() -> None:
    """What readability's shortcut rests on: only a letter or digit lowercases to a-z."""
    ascii_letters = re.compile("[a-z]")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if not char.isalnum():
            assert not ascii_letters.search(char.lower()), hex(code)


@pytest.mark.parametrize("name", ["ask_phrases", "people_nouns", "job_words", "fields"])
def test_first_match_is_what_search_finds(name: str, texts: list[str]) -> None:
    pattern = base.phrase_pattern([str(p) for p in base.lexicon("asks")[name]])
    keys = asks.lexicon_keys(name)
    assert keys is not None
    for text in texts:
        found = anchors.first_match(pattern, keys, text)
        plain = pattern.search(text)
        assert (found and found.span()) == (plain and plain.span()), text
        for start, end in reading.sentences(text):
            found = anchors.first_match(pattern, keys, text, start, end)
            plain = pattern.search(text, start, end)
            assert (found and found.span()) == (plain and plain.span()), (text, start, end)


def test_ask_sentences_and_counted_names(texts: list[str]) -> None:
    for text in texts:
        plain = tuple(s for s in reading.sentences(text) if asks.ask_pattern().search(text, *s))
        assert asks._ask_spans(text) == plain, text
        counted = [m.span() for m in asks.counted_pattern().finditer(text)]
        assert [(a, b) for a, b, _ in asks.counted_names(text, 0, len(text))] == counted, text


def test_sms_segments_and_email_words(texts: list[str]) -> None:
    basic = frozenset(base.lexicon("length")["gsm7"])
    extension = frozenset(base.lexicon("length")["gsm7_extension"])
    for text in texts:
        if all(c in basic or c in extension for c in text):
            assert length.sms_segments(text)[1] == "GSM-7", text
            septets = sum(2 if c in extension else 1 for c in text)
            assert length.sms_segments(text)[0] == (1 if septets <= 160 else -(-septets // 153)), text
        else:
            assert length.sms_segments(text)[1] == "UCS-2", text
        assert length._words(text) == sum(1 for _ in length._WORD.finditer(text)), text
        assert length._text_words(text) == length._words(text.strip()), text


def test_email_words_from_the_tokeniser_over_every_character() -> None:
    """``length._text_words`` counts what ``_WORD`` finds with every code point in and around words,
    next to apostrophes and hyphens (64 code points a text)."""
    for block in range(0, sys.maxunicode + 1, 64):
        chars = [chr(code) for code in range(block, min(block + 64, sys.maxunicode + 1))]
        text = " ".join(f"a{c}b-{c} {c}'{c}-x {c}\u2019s" for c in chars)
        assert length._text_words(text) == length._words(text.strip()), hex(block)


def _plain_candidates(text: str) -> list[tuple[int, int, int | None]]:
    """The deadline words and near dates as they were found: every token compared, phrases as lists."""
    toks = tokens(text)
    norms = [t[0] for t in toks]
    cues = {w: [list(p) for p in ps] for w, ps in _by_first("deadline_cues").items()}
    near = {w: [list(p) for p in ps] for w, ps in _by_first("near_dates").items()}
    out: list[tuple[int, int, int | None]] = []
    after = 0
    for i in [i for i, norm in enumerate(norms) if norm in cues or norm in near]:
        if i < after:
            continue
        soon = next((p for p in near.get(norms[i], ()) if norms[i : i + len(p)] == p), None)
        if soon is not None:
            after = i + len(soon)
            if after < len(norms) and norms[after] in timing._TIMES_OF_DAY:
                after += 1  # "tomorrow morning"
            out.append((i, 0, toks[after - 1][2]))
            continue
        cue = next((c for c in cues.get(norms[i], ()) if norms[i : i + len(c)] == c), None)
        if cue is not None and i + len(cue) < len(toks) and timing._DATE_START.match(norms[i + len(cue)]):
            out.append((i, len(cue), None))
            after = i + len(cue)
    return out


def test_deadline_candidates(texts: list[str]) -> None:
    for text in texts:
        plain = _plain_candidates(text)
        if timing._cue_words().isdisjoint(token_set(text)):
            assert plain == [], text
        else:
            norms, _, ends, _, _, _ = scan(text)
            cues_at = places(norms, timing._cue_words() & token_set(text))
            assert cues_at == [i for i, norm in enumerate(norms) if norm in timing._cue_words()], text
            assert list(timing._candidates(ends, norms, cues_at)) == plain, text


def test_speaking_to_the_reader_with_the_sentences_words(texts: list[str]) -> None:
    """``pushy.addresses_reader`` given a sentence's words (looks for "let us" only when both are
    there) answers as it does reading the tokens alone."""
    for text in texts[::5]:
        for start, end, norms, words in reading.read_sentences(text):
            assert pushy.addresses_reader(text, start, end, norms, words) is pushy.addresses_reader(
                text, start, end
            ), text


def test_phrase_rules_find_what_finditer_finds(texts: list[str]) -> None:
    """``run_phrase_rules`` (only the rules whose key words the text holds, each tried at its key
    words) flags what each rule's pattern finds with ``finditer``, in the data file's order."""
    names = sorted({p.stem for p in base.DATA.glob("*.yaml") if not p.stem.startswith("politeness_")})
    for text in texts[::3]:
        ctx = base.example_context({"text": text})
        for name in names:
            plain = [
                base.removal_finding(rule.for_kind(ctx.kind), text, match.start(), match.end())
                for rule in base.rules(name).values()
                if rule.pattern is not None and rule.applies(ctx)
                for match in rule.pattern.finditer(text)
                if not (rule.unless and base._excepted(rule, text, match.start()))
            ]
            assert base.run_phrase_rules(ctx, name) == plain, (name, text)


def test_cheap_tests_before_a_search(texts: list[str]) -> None:
    """The tenth speed round's tests that let a whole-text search be skipped never skip one that
    would find something: shouting (``_CAPS`` over the text read as byte classes), the politeness
    model's words in capitals, and runs of "!" and "?"."""
    for text in texts:
        if pressure._CAPS.search(text):
            assert pressure._may_shout(text), text
        assert tone_model._shouted_words(text) == len(tone_model._CAPS_WORD.findall(text)), text
        if pressure._BANG_RUNS.search(text):
            assert any(pair in text for pair in ("!!", "!?", "?!", "??")), text


def test_first_words_from_the_sentence_marks(texts: list[str]) -> None:
    """The politeness model's sentence-first words, read from ``reading.sentence_marks``, are those
    ``_SENTENCE_BREAK`` gives (each mark with the spaces after it)."""
    rng = random.Random(10)  # noqa: S311  (test strings, not secrets)
    alphabet = [*"ab .!?\n\t\r\u00a0\u2029\"\u201d')]", "Hi", "you", "please", "\n\n", "a.m. "]
    marked = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 25))) for _ in range(20000)]
    for text in [*texts, *marked]:
        marks = tone_model._leading_words(text, tone_model._mark_ends(text))
        assert marks == tone_model._leading_words(text, tone_model._sentence_starts(text)), text
        ends = [m.span() for m in reading._SENTENCE_END.finditer(text)]
        assert list(reading.sentence_marks(text)) == ends, text
