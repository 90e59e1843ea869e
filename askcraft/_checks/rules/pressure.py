"""Pressure: deadlines, "ASAP", urgency, demands, guilt, ultimatums, stacked "!!" and shouting."""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re

from askcraft._checks.context import CheckContext
from askcraft._checks.findings import Finding
from askcraft._checks.fix import apply_fixes
from askcraft._checks.rules.base import (
    lexicon,
    option,
    read_sentences,
    removal_finding,
    remove_words,
    rules,
    run_phrase_rules,
    sentence_around,
)
from askcraft._checks.rules.clauses import command, name_words
from askcraft._checks.rules.construction_rules import run_construction_rules
from askcraft._checks.rules.pushy import as_written, pushy_sentences, weigh
from askcraft._checks.rules.texting import SPELLINGS
from askcraft._checks.rules.timing import deadlines, offers_a_way_out
from askcraft._checks.rules.tokeniser import norms_in, tokens
from askcraft._render.verbs import entries, is_base_verb

_NAME = "pressure"
_BANGS = re.compile(r"[!?]*![!?]+|[!?]+!|\?{2,}")
#: Each match of _BANGS is made of marks only, two or more: it lies in a run of them, found fast.
_BANG_RUNS = re.compile(r"[!?][!?]+")
#: A word in capitals: ``(?<![\w'\u2019])[A-Z][A-Z'\u2019]+(?![\w'\u2019])``, written to begin with its
#: first letter, so that the regular expression engine tries it only at a capital (as ``_BANG_RUNS``,
#: ``[!?]{2,}``; ``tests/test_fast_patterns.py`` compares them).
_CAPS = re.compile(r"[A-Z](?<![\w'\u2019][A-Z])[A-Z'\u2019]+(?![\w'\u2019])")
#: Each byte as _CAPS reads it: a capital as "A", an apostrophe, a lower-case letter, digit or "_" as
#: "w", anything else a space. Over a text so read (see :func:`_may_shout`), _CAPS_READ matches
#: wherever _CAPS does (it is _CAPS without its look-behind): a search that skips to each "A".
_CAPS_CLASSES = bytes(
    65 if 65 <= c <= 90 else 39 if c == 39 else 119 if 97 <= c <= 122 or 48 <= c <= 57 or c == 95 else 32
    for c in range(256)
)
_CAPS_READ = re.compile(rb"A[A']+(?![Aw'])")
#: Two words in capitals joined by a comma, "and", "or" or a slash are a list of acronyms.
_CAPS_LIST = re.compile(r"[A-Z][A-Z0-9]+(?:\s*(?:,|/|&|\band\b|\bor\b)\s*[A-Z][A-Z0-9]+)+")
#: A word in capitals before a company's suffix is a company's name ("ACME Corp", "BOLD Labs").
_COMPANY_SUFFIX = re.compile(
    r"\s+(?:Corp|Corporation|Inc|Ltd|LLC|LLP|PLC|GmbH|Co|Company|Group|Holdings|Partners|Labs|Systems|"
    r"Technologies|Bank|Capital|Consulting|Solutions|Foundation|Institute)\b"
)
#: A word in capitals after "at" names a place or an employer ("I start at PATH on Monday").
_AT_A_PLACE = re.compile(r"\b(?:at|joined|joining|join)\s+$", re.IGNORECASE)
#: The same words, where the space before the word in capitals begins (see :func:`_at_a_place`).
_AT_A_PLACE_WORD = re.compile(r"\b(?:at|joined|joining|join)$", re.IGNORECASE)
#: A word in capitals that names a course, an exam or a body is an acronym ("the RAPS course"),
_NAMES_A_THING = re.compile(
    r"\s+(?:course|courses|exam|exams|certification|certificate|credential|credentials|program|programme|"
    r"programs|training|conference|chapter|membership|designation|standard|standards|guidelines|framework|"
    r"module|modules|workshop|summit|portal|platform|software|license|licence|accreditation|syllabus|"
    r"curriculum|cohort|fellowship|scholarship|award|exam's|test|tests|meetup|newsletter|forum|board|"
    # ... or the people or service it names ("SEND pupils": special educational needs).
    r"pupils|students|learners|children|kids|patients|clients|provision|department|coordinator|unit)\b"
)


def check(ctx: CheckContext) -> list[Finding]:
    """Flag phrases that put pressure on the reader, stacked exclamation marks and shouting."""
    by_id = rules(_NAME)
    found = run_phrase_rules(ctx, _NAME) + [
        _as_question(ctx.text, f) for f in run_construction_rules(ctx, _NAME)
    ]
    deadline = by_id["pressure.deadline"]
    for start, end, softened in deadlines(ctx):
        finding = removal_finding(deadline, ctx.text, start, end)
        # With an easy way out the reader can say no: still worth a word, but not a warning.
        found.append(dataclasses.replace(finding, severity="suggestion") if softened else finding)
    found.extend(_exclamations(ctx))
    found.extend(_shouting(ctx))
    found.extend(_reads_pushy(ctx, found))
    return found


def _reads_pushy(ctx: CheckContext, found: list[Finding]) -> list[Finding]:
    """Flag sentences the learned model reads as pushy, unless another pressure rule's rewrite fixes them.

    An order is left to ``politeness.command``, which warns on every order and rewrites it as a
    question ("Send me the list." -> "Could you send me the list?"): the model's finding would
    only replace that rewrite with the sentence's removal when the two merge.
    """
    if not option(ctx, _NAME, "pressure.learned") or not ctx.language.lower().startswith("en"):
        return []  # switched off; or not English, and the model was fitted on English messages
    rule = rules(_NAME)["pressure.pushy"].for_kind(ctx.kind)
    warned = [(f, (f.offset, f.offset + f.length)) for f in found if f.severity in ("warning", "error")]
    names = name_words(ctx.names)
    flagged = []
    for start, end in pushy_sentences(ctx.text, read_sentences(ctx.text)):
        if command(ctx.text, start, end, names=names):
            continue
        over = [f for f, (a, b) in warned if a < end and start < b]
        if over and not _still_pushy(ctx.text, start, end, over):
            continue  # another warning's rewrite fixes the sentence: one finding is enough
        named = [as_written(ctx.text, start, end, word) for word in weigh(ctx.text, start, end).raised_by]
        why = ", ".join(f'"{words}"' for words in named)
        verb = "weighs" if len(named) == 1 else "weigh"
        a, b, fix = remove_words(ctx.text, (start, end), start, end)
        flagged.append(
            rule.finding(a, b - a, replacements=(fix,), why=f" ({why} {verb} most)" if why else "")
        )
    return flagged


def _still_pushy(text: str, start: int, end: int, over: list[Finding]) -> bool:
    """Return whether a pushy sentence still reads as pushy with the rewrites of the warnings on it
    made ("Could you answer me SOON?" lower-cased): then its finding merges with theirs, and their
    one rewrite removes it. A warning without a rewrite, or past the sentence, keeps it to itself.
    """
    if any(not f.replacements or f.offset < start or f.offset + f.length > end for f in over):
        return False
    fixed = apply_fixes(text[start:end], [dataclasses.replace(f, offset=f.offset - start) for f in over])
    return any(True for _ in pushy_sentences(fixed, read_sentences(fixed)))


#: Words between a demand and its verb ("I need you to introduce...", "You must send...").
_DEMAND_GLUE = frozenset(
    {
        "i",
        "you",
        "need",
        "must",
        "have",
        "to",
        "got",
        "should",
        "will",
        "make",
        "sure",
        "want",
        "expect",
        "require",
        "ought",
        "really",
        "just",
        "that",
        "certain",
        "also",
    }
)


def _as_question(text: str, finding: Finding) -> Finding:
    """Rewrite a demand that opens a sentence as a question ("You must send..." -> "Could you send...?")."""
    if finding.rule != "pressure.demand":
        return finding
    start, end = sentence_around(text, finding.offset) or (0, 0)
    toks = tokens(text, start, end)
    at = 0
    while at < len(toks) and toks[at][0] in _DEMAND_GLUE:
        at += 1
    if at == 0 or at >= len(toks) or not is_base_verb(toks[at][0]) or start + 1 > finding.offset + 1 + 40:
        return finding
    if "you" not in (t[0] for t in toks[:at]):
        return finding  # "I trust you will see to it...": the verb after the glue is the writer's
    rest = text[toks[at][1] : end].rstrip(" .!?")
    rewrite = f"Could you {rest}?"
    return dataclasses.replace(finding, offset=start, length=end - start, replacements=(rewrite,))


def _exclamations(ctx: CheckContext) -> list[Finding]:
    """Flag "!!", "?!" and "???", except "!!" after thanks or congratulations (excitement)."""
    rule = rules(_NAME)["pressure.exclamations"]
    most = option(ctx, _NAME, "pressure.max_exclamations")
    text = ctx.text
    if "!!" not in text and "!?" not in text and "?!" not in text and "??" not in text:
        return []  # no two marks together, so no run of _BANG_RUNS: most messages
    warm = _data_words("pressure.exclamations", "warm")
    found = []
    for match in (m for run in _BANG_RUNS.finditer(ctx.text) for m in _BANGS.finditer(ctx.text, *run.span())):
        bangs = match.group()
        if "!" not in bangs:
            # "??" is surprise ("you're moving??"), "???" is impatience, and so is "??" after a
            # chase for news ("any update??", "hello??").
            # ...unless the message lets the reader off ("any news??", then "no pressure tho!").
            chase = _chases(ctx.text, match.start(), rule.data["chase"]) and not offers_a_way_out(ctx.text)
            if len(bangs) > rule.data["max_questions"] or chase:
                found.append(rule.finding(match.start(), len(bangs), replacements=("?",)))
            continue
        if bangs.count("!") <= most and "?" not in bangs:
            continue
        start = max(ctx.text.rfind(c, 0, match.start()) for c in ".!?\n") + 1
        said = set(norms_in(ctx.text, start, match.start()))
        excited = "?" not in bangs and bool(warm & said)
        if excited and bangs.count("!") <= rule.data["max_warm_bangs"]:
            continue
        joy = "?" not in bangs and bangs.count("!") <= rule.data["max_joy_bangs"]
        pressed = set(rule.data["pressing"]) & said
        if joy and (not pressed or (pressed <= set(rule.data["when"]) and said & set(rule.data["news"]))):
            continue  # "I got the job!!!", "Passed my pool test today!!": joy, not a raised voice
        # "Thanks so much!!!!" keeps one "!" of its warmth; an order loses its shout.
        found.append(rule.finding(match.start(), len(bangs), replacements=("!",) if excited else None))
    return found


#: What ends a thought in a message: an end mark, a line's end, or an emoji ("I PASSED 🎉🎉 so if
#: anyone hears of...": the news ends at the party popper).
_THOUGHT_END = re.compile("[.!?\n\u2600-\u27bf\U0001f300-\U0001faff]")


def _rejoices(text: str, at: int, joy: frozenset[str], pressing: frozenset[str]) -> bool:
    """Return whether the sentence around *at* is joy or thanks, not a raised voice ("I GOT THE JOB")."""
    start = max((m.end() for m in _THOUGHT_END.finditer(text, 0, at)), default=0)
    end = _THOUGHT_END.search(text, at)
    words = norms_in(text, start, end.start() if end else len(text))
    said = set(words)
    if pressing & said:
        return False
    if joy & said:
        return True
    said_in_order = f" {' '.join(words)} "
    return any(f" {phrase} " in said_in_order for phrase in _data_words("pressure.shouting", "joy_phrases"))


def _chases(text: str, at: int, words: list[str]) -> bool:
    """Return whether the question ending at *at* chases the reader for news ("any update??")."""
    start = max(text.rfind(c, 0, at) for c in ".!?\n") + 1
    return bool(set(words).intersection(norms_in(text, start, at)))


@functools.cache
def _data_words(rule_id: str, key: str) -> frozenset[str]:
    """Return the word list *key* of rule *rule_id*'s data, as a set (made once, not per text)."""
    return frozenset(rules(_NAME)[rule_id].data[key])


@functools.cache
def _not_shouting() -> frozenset[str]:
    return frozenset(a.upper() for a in lexicon(_NAME)["acronyms"])


@functools.cache
def _loud_short_words() -> frozenset[str]:
    return frozenset(w.upper() for w in lexicon(_NAME)["loud_short_words"])


@functools.cache
def _short_words() -> frozenset[str]:
    return frozenset(w.upper() for w in lexicon(_NAME)["function_words"])


_SUFFIXES = ("s", "es", "ed", "d", "ing", "ly", "ies", "ied")
#: A letter typed three times or more ("SOOOO", "PLZZZ") is a raised voice, word or not.
_STRETCHED = re.compile(r"(?<=[A-Z])([A-Z])\1\1|([AEIOUY])\2\2")
_STRETCHED_RUN = re.compile(r"([A-Za-z])\1{2,}")


def _is_word(caps: str) -> bool:
    """Return whether a word in capitals is an English word (shouting), not an acronym.

    The inflection table is keyed by lemma, so "WAITING" is looked up as "wait" too; "DON'T" is
    a word when its parts are.
    """
    word = caps.lower().replace("\u2019", "'")
    if "'" in word:
        split = norms_in(word)
        if len(split) > 1 and all(_is_word(part.upper()) for part in split):
            return True  # "WON'T" is "will not", "CAN'T" "can not": the reader's words split
        return all(
            _is_word(part.upper()) or part in ("t", "s", "m", "re", "ve", "ll", "d")
            for part in word.split("'")
        )
    if caps in _short_words() or entries(word) or _STRETCHED.search(caps):
        return True
    if len(word) > 2 and word in SPELLINGS:
        return True  # "DONT", "PLS", "TMRW": a texting spelling shouted ("IM", "BC" are names)
    for suffix in _SUFFIXES:
        stem = word[: -len(suffix)]
        if (
            word.endswith(suffix)
            and len(stem) >= 3
            and (entries(stem) or entries(stem + "e") or (suffix in ("ies", "ied") and entries(stem + "y")))
        ):
            return True
    return False


def _as_written(lower: str, text: str, at: int) -> str:
    """Return *lower* ("SOOOO" made "so") as it is written at *at*: "I'm" keeps its capital, and so
    does a sentence's first word ("PLEASE, help" -> "Please, help")."""
    before = text[:at].rstrip()
    # A new line starts a sentence too ("Hi Sam,\n\nREALLY sorry...").
    starts = not before or before[-1] in ".!?:" or "\n" in text[len(before) : at]
    if lower == "i" or lower.startswith(("i'", "i\u2019")) or starts:
        return lower[:1].upper() + lower[1:]
    return lower


def _spelled_out(texting: str) -> str:
    """Return the words a texting spelling stands for, as written ("dont" -> "don't", "plz" -> "please")."""
    words = SPELLINGS[texting]
    if len(words) == 2 and words[1] == "not":
        return f"{texting[:-1]}'{texting[-1]}"  # "dont" -> "don't", "cant" -> "can't"
    said = " ".join(words)
    return "I" + said[1:] if words[0] == "i" else said  # "ive" -> "I have"


def _at_a_place(text: str, at: int) -> bool:
    """Return ``_AT_A_PLACE.search(text, 0, at)``: whether "at", "join", "joined" or "joining" and
    space come just before *at*, read back from *at* rather than searched for from the start.

    ``\\s`` and ``str.rstrip`` strip the same characters, so the space is where the word must end.
    """
    end = len(text[:at].rstrip())
    return end < at and _AT_A_PLACE_WORD.search(text, max(0, end - 7), end) is not None


def _may_shout(text: str) -> bool:
    """Return False where ``_CAPS`` finds nothing in *text*, read as :data:`_CAPS_CLASSES` (a
    non-ASCII character, a curly apostrophe apart, as a space: the look-ahead only lets more through)."""
    read = text.replace("\u2019", "'").encode("ascii", "replace").translate(_CAPS_CLASSES)
    return _CAPS_READ.search(read) is not None


def _shouting(ctx: CheckContext) -> list[Finding]:
    """Flag English words in capitals; acronyms (unknown words, lists, known ones) are left alone."""
    rule = rules(_NAME)["pressure.shouting"]
    min_letters = option(ctx, _NAME, "pressure.min_caps_letters")
    if not _may_shout(ctx.text):
        return []  # no two capitals together (nor a capital and an apostrophe): most messages
    capitals = list(_CAPS.finditer(ctx.text))
    if not capitals:
        return []  # most messages: no word in capitals
    names = {w.upper() for name in ctx.names for w in name.split()}
    # A list of capitals is a list of acronyms ("CPA, CFA and CMA") unless every item is an
    # English word ("PLEASE, PLEASE").
    listed = {
        m.start(): m.end()
        for m in _CAPS_LIST.finditer(ctx.text)
        if not all(_is_word(w) for w in re.findall(r"[A-Z][A-Z0-9]+", m.group()))
    }
    in_list = [range(a, b) for a, b in listed.items()]
    joy = _data_words("pressure.shouting", "joy")
    # "SERIOUSLY the best news": an intensifier beside joy is more joy, not pressure.
    pressing = _data_words("pressure.exclamations", "pressing")
    pressing -= _data_words("pressure.shouting", "intensifiers")
    shouted: list[_Shouted] = []
    for match in capitals:
        word = match.group()
        if (
            (len(word) < min_letters and word not in _loud_short_words())
            or (word in _not_shouting() and word not in _loud_short_words())
            or word in names
            or any(match.start() in span for span in in_list)
            or _COMPANY_SUFFIX.match(ctx.text, match.end())
            or _NAMES_A_THING.match(ctx.text, match.end())
            or _at_a_place(ctx.text, match.start())
            or not _is_word(word)
            # Last: it reads the sentence's words, worth it only for a word that would be flagged.
            or _rejoices(ctx.text, match.start(), joy, pressing)
        ):
            continue
        lower = _STRETCHED_RUN.sub(r"\1", word).lower()  # "SOOOO" -> "so"
        # A stretched word that is no word once shortened ("PLZZZ") gets no rewrite to offer.
        fixes: tuple[str, ...] = ()
        if _is_word(lower.upper()) and not _STRETCHED.search(lower.upper()):
            fixes = (lower,)
        if lower in SPELLINGS:  # "DONT": offer "don't", not "dont"; "PLZZZ": nothing, as before
            fixes = () if _STRETCHED.search(word) else (_spelled_out(lower),)
        fixes = tuple(_as_written(fix, ctx.text, match.start()) for fix in fixes)
        lower = fixes[0] if fixes else _as_written(lower, ctx.text, match.start())
        shouted.append((match.start(), match.end(), fixes, lower))
    return [
        rule.finding(run[0][0], run[-1][1] - run[0][0], replacements=fixes, lower=lower)
        for run in _runs(ctx.text, shouted)
        for fixes, lower in [_run_fix(ctx.text, run)]
    ]


_Shouted = tuple[int, int, tuple[str, ...], str]


def _runs(text: str, shouted: list[_Shouted]) -> list[list[_Shouted]]:
    """Group words in capitals that only spaces part ("WE'RE SO CLOSE"): one finding, one rewrite."""
    runs: list[list[_Shouted]] = []
    for word in shouted:
        if runs and not text[runs[-1][-1][1] : word[0]].strip(" \t"):
            runs[-1].append(word)
        else:
            runs.append([word])
    return runs


def _run_fix(text: str, run: list[_Shouted]) -> tuple[tuple[str, ...], str]:
    """Return a run's rewrite (none unless every word has one) and the words it says to write."""
    parts = [run[0][2][0] if run[0][2] else run[0][3]]
    for (_, end, _, _), (start, _, fixes, lower) in itertools.pairwise(run):
        parts.extend((text[end:start], fixes[0] if fixes else lower))
    said = "".join(parts)
    return ((said,) if all(fixes for _, _, fixes, _ in run) else ()), said
