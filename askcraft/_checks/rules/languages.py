"""Tone checks for German, French and Spanish messages: pressure, deadlines, specificity, patience, ask size.

The English checkers read English (their lexicons, constructions and inflection tables are
English), so they never run on other languages. For a language with a data file here
(``data/languages/<code>.yaml``) these checkers apply the same networking rules with that
language's words, under the same rule ids; dates after a deadline word are read by dateparser in
the message's language. Checks with no data for a language (the politeness model, fitted on
English ratings; negativity, readability, ...) are reported by the registry in one notice.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterator

from askcraft._checks.context import CheckContext
from askcraft._checks.findings import Finding
from askcraft._checks.rules.base import (
    DATA,
    Rule,
    lexicon,
    option,
    removal_finding,
    rules,
)

#: The tone checkers that have data for other languages, by registry name.
CHECKERS = ("pressure", "specificity", "patience", "ask-size")

_WORD = re.compile(r"\w+(?:['\u2019-]\w+)*")
#: A sentence ends at . ! ? or a line break, but not at the full stop of a German date ("15. März").
_SENTENCE = re.compile(r"(?<!\b\d)(?<!\b\d\d)[.!?\u2026]+|\n")
#: What ends the words after a deadline word that may be a date.
_CLAUSE_END = re.compile(r"[,;:!?\n()]|(?<!\d)\.")


def code(language: str) -> str:
    """Return the primary subtag of a BCP 47 tag, lower case ("de-AT" -> "de")."""
    return language.split("-", maxsplit=1)[0].strip().lower()


@functools.cache
def languages() -> frozenset[str]:
    """Return the languages these checkers have data for."""
    return frozenset(p.stem for p in (DATA / "languages").glob("*.yaml"))


def has_data(language: str) -> bool:
    """Return whether the tone checkers in ``CHECKERS`` have data for *language* (a BCP 47 tag)."""
    return code(language) in languages()


def _name(ctx: CheckContext) -> str:
    return f"languages/{code(ctx.language)}"


def _rules(ctx: CheckContext, prefix: str) -> dict[str, Rule]:
    return {rid: rule for rid, rule in rules(_name(ctx)).items() if rid.startswith(prefix + ".")}


@functools.cache
def _phrases(name: str, key: str) -> tuple[tuple[str, ...], ...]:
    """Return lexicon list *key* as word tuples, longest first."""
    words = (tuple(w.lower() for w in _WORD.findall(str(p))) for p in lexicon(name)[key])
    return tuple(sorted(words, key=len, reverse=True))


@functools.cache
def _patterns(name: str, key: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in lexicon(name).get(key, ()))


def _words(text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    return list(_WORD.finditer(text, start, len(text) if end is None else end))


def _at(words: list[re.Match[str]], i: int, phrase: tuple[str, ...]) -> bool:
    return tuple(w.group().lower() for w in words[i : i + len(phrase)]) == phrase


def _find(words: list[re.Match[str]], phrases: tuple[tuple[str, ...], ...]) -> Iterator[tuple[int, int]]:
    """Yield ``(index, length)`` of each phrase (longest first at each word) in *words*."""
    i = 0
    while i < len(words):
        hit = next((p for p in phrases if _at(words, i, p)), None)
        if hit is None:
            i += 1
            continue
        yield i, len(hit)
        i += len(hit)


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _SENTENCE.finditer(text):
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _sentence_at(text: str, offset: int) -> tuple[int, int]:
    return next(((a, b) for a, b in _sentences(text) if a <= offset < b), (0, len(text)))


def _asks(ctx: CheckContext, start: int, end: int) -> bool:
    """Return whether the sentence asks the reader something (a question, or an ask phrase)."""
    if ctx.text[start:end].rstrip().endswith("?"):
        return True
    return any(_find(_words(ctx.text, start, end), _phrases(_name(ctx), "reader_asks")))


# -- pressure ---------------------------------------------------------------------------------


def pressure(ctx: CheckContext) -> list[Finding]:
    """Flag "as soon as possible", urgency, demands, guilt and deadlines, in the message's language."""
    found = []
    for rule in _rules(ctx, "pressure").values():
        if rule.pattern is None or not rule.applies(ctx):
            continue
        for m in rule.matches(ctx.text):
            # "as soon as possible" is pressure in an ask, not in news ("I wanted to tell you at once").
            sentence = _sentence_at(ctx.text, m.start())
            if rule.id != "pressure.asap" or _asks(ctx, *sentence):
                found.append(rule.finding(m.start(), m.end() - m.start()))
    deadline = rules(_name(ctx))["pressure.deadline"]
    easy_out = any(_find(_words(ctx.text), _phrases(_name(ctx), "easy_outs")))
    for start, end in _deadlines(ctx):
        finding = removal_finding(deadline, ctx.text, start, end)
        # With an easy way out the reader can say no: still worth a word, but not a warning.
        found.append(dataclasses.replace(finding, severity="suggestion") if easy_out else finding)
    return found


def _deadlines(ctx: CheckContext) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each near date, or deadline word and date, in a sentence that asks."""
    name = _name(ctx)
    for start, end in _sentences(ctx.text):
        if not _asks(ctx, start, end):
            continue
        words = _words(ctx.text, start, end)
        for i, length in _find(words, _phrases(name, "near_dates")):
            yield words[i].start(), words[i + length - 1].end()
        for i, length in _find(words, _phrases(name, "deadline_cues")):
            stop = _date_after(ctx, words, i + length, end)
            if stop is not None:
                yield words[i].start(), stop


def _date_after(ctx: CheckContext, words: list[re.Match[str]], i: int, end: int) -> int | None:
    """Return the end of the date that starts at word *i*, or None when the words there are no date."""
    if i >= len(words):
        return None
    name = _name(ctx)
    for phrase in _phrases(name, "business_times"):
        if _at(words, i, phrase):
            return words[i + len(phrase) - 1].end()
    begin = words[i].start()
    clause = _CLAUSE_END.search(ctx.text, begin, end)
    window = ctx.text[begin : clause.start() if clause else end][:40]
    if any(p.search(window) for p in _patterns(name, "not_dates")):
        return None
    found = date_in(window, code(ctx.language))
    return None if found is None else begin + found


@functools.lru_cache(maxsize=1024)
def date_in(words: str, language: str) -> int | None:
    """Return where the date that *words* begin with ends (at most one word in), per dateparser."""
    from dateparser.search import search_dates  # noqa: PLC0415  (about a second to import)

    found = search_dates(words, languages=[language], settings={"PREFER_DATES_FROM": "future"})
    if not found:
        return None
    at = words.lower().find(found[0][0].lower())
    first = _WORD.match(words)
    # The date starts the words, or follows one article or preposition ("dem 15. März", "le 15 mars").
    if at < 0 or (at > 0 and (first is None or at > first.end() + 1)):
        return None
    return at + len(found[0][0])


# -- specificity and ask size -------------------------------------------------------------------


@functools.cache
def _numbers(language: str) -> dict[str, int]:
    """Return number words 1-20 of *language* (num2words) and its words for "one", with their values."""
    from num2words import num2words  # noqa: PLC0415

    table = {str(num2words(n, lang=language)).lower(): n for n in range(1, 21)}
    table.update(dict.fromkeys((w[0] for w in _phrases(f"languages/{language}", "one")), 1))
    return table


def _counted(ctx: CheckContext, words: list[re.Match[str]], i: int) -> int | None:
    """Return the count said just before the people word *i* (two words back at most), if any."""
    numbers = _numbers(code(ctx.language))
    vague = {w[0] for w in _phrases(_name(ctx), "vague")}
    for w in reversed(words[max(0, i - 2) : i]):
        token = w.group().lower()
        if token in vague:  # "ein paar Leute": some, not how many
            return None
        if token.isdigit():
            return int(token)
        if token in numbers:
            return numbers[token]
    return None


def _people_asked(ctx: CheckContext) -> Iterator[tuple[re.Match[str], int | None]]:
    """Yield each people word in an ask ("drei Personen", "des contacts"), with the count said before it."""
    people = _phrases(_name(ctx), "people")
    for start, end in _sentences(ctx.text):
        if not _asks(ctx, start, end):
            continue
        words = _words(ctx.text, start, end)
        for i, _ in _find(words, people):
            yield words[i], _counted(ctx, words, i)


def specificity(ctx: CheckContext) -> list[Finding]:
    """Flag an ask for people without a number, and a job ask that does not say where."""
    by_id = rules(_name(ctx))
    found = []
    count_rule = by_id["specificity.count"]
    if count_rule.applies(ctx):
        found += [
            count_rule.finding(w.start(), w.end() - w.start()) for w, n in _people_asked(ctx) if n is None
        ]
    target = by_id["specificity.target"]
    if target.applies(ctx) and not _says_where(ctx):
        words = _words(ctx.text)
        job = next(_find(words, _phrases(_name(ctx), "job_words")), None)
        if job is not None:
            first, last = words[job[0]], words[job[0] + job[1] - 1]
            found.append(target.finding(first.start(), last.end() - first.start()))
    return found


def _says_where(ctx: CheckContext) -> bool:
    if any(p.search(ctx.text) for p in _patterns(_name(ctx), "where")):
        return True
    intent = ctx.intent
    named = [*ctx.names]
    if intent is not None:
        named += [v for v in (intent.industry, intent.role, intent.company, intent.recipient.company) if v]
    lowered = ctx.text.lower()
    return any(name.lower() in lowered for name in named)


def ask_size(ctx: CheckContext) -> list[Finding]:
    """Flag an ask for more names than one person should be asked for."""
    rule = rules("ask_size")["ask-size.names"]
    if not rule.applies(ctx):
        return []
    most = option(ctx, "ask_size", "ask-size.max_names")
    found = [
        rule.finding(w.start(), w.end() - w.start(), replacements=(), count=n, most=most)
        for w, n in _people_asked(ctx)
        if n is not None and n > most
    ]
    intent = ctx.intent
    if not found and intent is not None and intent.count is not None and intent.count > most:
        found.append(rule.finding(replacements=(), count=intent.count, most=most))
    return found


# -- patience -----------------------------------------------------------------------------------


def patience(ctx: CheckContext) -> list[Finding]:
    """Flag a reminder sent too soon after the request, or a third reminder: the English checker's dates.

    Those findings come from the intent's dates, not from words (they span no text); the English
    checker's phrases ("third reminder") are English and their findings are dropped.
    """
    from askcraft._checks.rules.patience import check  # noqa: PLC0415

    return [f for f in check(ctx) if f.length == 0]
