"""Deadlines: a date or time the reader is asked to act by ("by Friday", "today", "before the 15th").

A date in a message is often news ("I met Priya today", "my interview is on Friday"); it is a
deadline when it limits what the reader is asked to do. Two shapes are flagged:

* a deadline word before a date expression ("by", "before", "no later than", "until"), in a
  sentence that asks something of the reader or says what the writer needs or hopes to hear;
* a near date ("today", "tomorrow", "this week") in a sentence that asks the reader to send,
  reply, introduce or decide.

Whether the words after "by" are a date ("the 15th", "March 3", "Tuesday") and not something else
("by email", "by the way") is left to dateparser's ``search_dates``. It costs about a second to
load and milliseconds a call, so it runs only on the few words after a deadline word, once per
distinct phrase; phrases it does not know ("end of day", "EOD", "the weekend") are listed in
``pressure.yaml``.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Sequence

from askcraft._checks.context import CheckContext
from askcraft._checks.rules.base import lexicon, sentences, word_classes
from askcraft._checks.rules.clauses import command
from askcraft._checks.rules.constructions import Construction, compile_construction, find
from askcraft._checks.rules.tokeniser import Token, norms_in, places, scan, token_set, tokens

#: Words after a deadline word that can start a date: the only ones worth asking dateparser about.
_DATE_START = re.compile(
    r"(?:the|this|next|[0-9]|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov"
    r"|dec|today|tonight|tomorrow|noon|midday|midnight|mid|end|close|eod|cob|eow|eom|lunch|christmas"
    r"|thanksgiving|easter|new|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen"
    r"|fifteen|twenty|thirty|forty)",
    re.IGNORECASE,
)


#: Words of a near date that leave the reader hours, not days ("today", "tonight", "in the next hour").
_WITHIN_A_DAY = frozenset(
    {
        "today",
        "tonight",
        "tomorrow",
        "hour",
        "hours",
        "eod",
        "cob",
        "lunch",
        "lunchtime",
        "morning",
        "afternoon",
        "evening",
        "noon",
        "midday",
        "24",
        "day",
    }
)
#: Words of a time proposed for meeting ("Could we talk this week, ideally?"), which a hedge makes a
#: suggestion; a hedge on what the reader is to send or do ("Ideally you'd send the intro before the
#: weekend") is still a deadline.
_MEETING = frozenset({"we", "us", "chat", "coffee", "talk", "speak", "meet", "meeting", "catch", "zoom"})
#: Times of day that go with a near date ("tomorrow morning", "tonight", "today lunchtime").
_TIMES_OF_DAY = frozenset(
    {"morning", "afternoon", "evening", "night", "lunchtime", "noon", "midday", "am", "pm"}
)


@functools.cache
def _phrases(key: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(str(p).lower().split()) for p in lexicon("pressure")[key])


@functools.cache
def _constructions(key: str) -> tuple[Construction, ...]:
    classes = word_classes("pressure")
    return tuple(compile_construction(str(c), classes) for c in lexicon("pressure")[key])


@functools.cache
def _business_times() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Return the business times ("end of day", "close of business") by first word, in their order."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in _phrases("business_times"):
        index.setdefault(phrase[0], []).append(phrase)
    return {word: tuple(phrases) for word, phrases in index.items()}


def _at(toks: Sequence[Token], i: int, phrase: tuple[str, ...]) -> bool:
    return tuple(t[0] for t in toks[i : i + len(phrase)]) == phrase


@functools.lru_cache(maxsize=1024)
def date_prefix(words: str) -> int:
    """Return the length of the date or time expression *words* begin with (0 if none), per dateparser."""
    from dateparser.search import search_dates  # noqa: PLC0415  (about a second to import)

    found = search_dates(words, languages=["en"], settings={"PREFER_DATES_FROM": "future"})
    if not found or not words.lower().startswith(found[0][0].lower()):
        return 0
    return len(found[0][0])


def _date_after(text: str, toks: Sequence[Token], i: int) -> int | None:
    """Return the end of the date expression starting at token *i*, or None if there is none."""
    for phrase in _business_times().get(toks[i][0], ()) if i < len(toks) else ():
        if _at(toks, i, phrase):
            # "end of day tomorrow", "noon on Friday": the date that follows belongs to it.
            after = i + len(phrase)
            if after < len(toks) and toks[after][0] == "on":
                after += 1
            more = _date_after(text, toks, after) if after < len(toks) else None
            return more if more is not None else toks[i + len(phrase) - 1][2]
    if i >= len(toks) or not _DATE_START.match(toks[i][0]):
        return None
    window = list(toks[i : i + 8])
    stop = next(
        (
            k
            for k, t in enumerate(window)
            if t[0] in ",.;:!?()" and not _in_time(window, k) and not _in_clock(window, k)
        ),
        len(window),
    )
    stop = min(stop, 5 + 4 * any(_in_time(window, k) for k in range(stop)))
    if stop == 0:
        return None
    start = window[0][1]
    length = _time_prefix(text[start : window[stop - 1][2]])
    if length:
        return start + length
    return _date_as_read(text, window[:stop])


def _in_time(window: Sequence[Token], k: int) -> bool:
    """Return whether the full stop at *k* is one of "a.m." or "p.m." ("by 9 a.m. Monday")."""
    return window[k][0] == "." and k > 0 and window[k - 1][0] in ("a", "p", "m")


def _in_clock(window: Sequence[Token], k: int) -> bool:
    """Return whether the colon at *k* joins the hours and minutes of a clock time ("by 17:30")."""
    return (
        window[k][0] == ":"
        and 0 < k < len(window) - 1
        and window[k - 1][0].isdigit()
        and window[k + 1][0].isdigit()
        and window[k - 1][2] == window[k][1]
        and window[k][2] == window[k + 1][1]
    )


def _time_prefix(words: str) -> int:
    """Return :func:`date_prefix` of *words*, reading "a.m." and "p.m." as dateparser does ("am")."""
    if ".m." not in words.lower():
        return date_prefix(words) or _clock(words)
    compact: list[str] = []
    ends: list[int] = []  # where each character of *compact* ends in *words*
    at = 0
    while at < len(words):
        if _AM_PM.match(words, at) and (at == 0 or not words[at - 1].isalpha()):
            compact += [words[at], "m"]
            ends += [at + 1, at + 4]
            at += 4
        else:
            compact.append(words[at])
            ends.append(at + 1)
            at += 1
    length = date_prefix("".join(compact))
    return ends[length - 1] if length else _clock(words)


def _clock(words: str) -> int:
    """Return the length of the clock time *words* begin with ("5pm", "9:30 a.m.", "6 o'clock"), or 0."""
    found = _CLOCK.match(words)
    return found.end() if found else 0


_AM_PM = re.compile(r"[aApP]\.[mM]\.")
#: A time of day alone, which dateparser does not read as a date: "5pm", "9:30 a.m.", "17:00".
_CLOCK = re.compile(
    r"(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s?(?:[aApP]\.?[mM]\.?|o'?clock)(?![^\W_])|(?:[01]?\d|2[0-3]):[0-5]\d"
)


def _date_as_read(text: str, window: Sequence[Token]) -> int | None:
    """Return the end of a date typed in texting spellings ("tmrw night"), read as its words."""
    if all(text[t[1] : t[2]].lower() == t[0] for t in window):
        return None  # typed as read: dateparser has seen it already
    length = date_prefix(" ".join(t[0] for t in window))
    at = 0
    for token in window:
        at += len(token[0]) + 1
        if length and at > length:
            return token[2]
    return None


def deadlines(ctx: CheckContext) -> Iterator[tuple[int, int, bool]]:
    """Yield ``(start, end, softened)`` for every deadline the text sets for its reader.

    A deadline in a message that gives an easy way out ("no worries if not") is *softened*; one
    whose reason is also given, in its sentence or the next, is left alone.
    """
    text = ctx.text
    if _cue_words().isdisjoint(token_set(text)):
        return  # no deadline word and no near date: most messages
    norms, starts, ends, _, _, _ = scan(text)
    found = list(_candidates(ends, norms, places(norms, _cue_words().intersection(token_set(text)))))
    if not found:
        return
    spans = sentences(text)
    plain_out = _offers_a_plain_way_out(text)
    hedged = not plain_out and _hedges(text)
    for i, cue_length, near_end in found:
        at = next((k for k, (a, b) in enumerate(spans) if a <= starts[i] < b), 0)
        start, end = spans[at] if spans else (0, len(text))
        asks = _asks_reader(text, start, end, starts[i])
        if not asks or ((plain_out or hedged) and _explained(text, spans, at)):
            continue  # a deadline given with its reason and a way out, or hedged: left alone
        easy_out = plain_out or (hedged and not _MEETING.isdisjoint(norms_in(text, start, end)))
        if near_end is not None:
            # "Tonight, ideally?", "today if possible": a hedge does not make hours a way out.
            within_a_day = not _WITHIN_A_DAY.isdisjoint(norms[i : bisect.bisect_left(starts, near_end)])
            yield starts[i], near_end, plain_out if within_a_day else easy_out
            continue
        sentence = tokens(text, start, end)
        at = next(k for k, t in enumerate(sentence) if t[1] == starts[i]) + cue_length
        stop = _date_after(text, sentence, at)
        if stop is not None:
            yield starts[i], stop, easy_out


def offers_a_way_out(text: str) -> bool:
    """Return whether the message gives the reader an easy way out ("no pressure", "no worries if not"),
    or hedges its timing ("ideally", "if possible")."""
    return _offers_a_plain_way_out(text) or _hedges(text)


def _hedges(text: str) -> bool:
    """Return whether the message hedges its timing ("ideally", "if possible")."""
    return any(find(_constructions("hedges"), scan(text)[0], token_set(text)))


def _offers_a_plain_way_out(text: str) -> bool:
    """Return whether the message gives a way out that is more than a hedge on the timing."""
    return any(find(_constructions("easy_outs"), scan(text)[0], token_set(text)))


@functools.lru_cache(maxsize=256)
def _asks_reader(text: str, start: int, end: int, at: int) -> bool:
    """Return whether the sentence asks the reader to act, and is not news with a date in it.

    *at* is where the date is: someone else's timing is news only in the clause that holds it.
    """
    norms = norms_in(text, start, end)
    asks = command(text, start, end) is not None or any(find(_constructions("reader_asks"), norms))
    if not asks or any(find(_constructions("not_reader_deadlines"), norms)):
        return False
    clause = [t[0] for t in _clause(tokens(text, start, end), at)]
    return not any(find(_constructions("not_reader_clauses"), clause))


#: What ends a clause: "Pls revert by 3pm today | as the agency needs my answer".
_CLAUSE_ENDS = frozenset(
    {",", ";", ":", "\u2014", "\u2013", "as", "because", "since", "cos", "coz", "so", "but"}
)


def _clause(toks: Sequence[Token], at: int) -> Sequence[Token]:
    """Return the tokens of the clause of *toks* that holds offset *at*."""
    first, last = 0, len(toks)
    for k, token in enumerate(toks):
        if token[0] in _CLAUSE_ENDS:
            if token[1] < at:
                first = k + 1
            elif k < last:
                last = k
                break
    return toks[first:last]


def _explained(text: str, spans: Sequence[tuple[int, int]], at: int) -> bool:
    """Return whether the sentence *at* or one next to it gives the reason for the timing."""
    near = spans[max(0, at - 1) : at + 2]
    reason = _constructions("reason")
    return any(any(find(reason, norms_in(text, a, b))) for a, b in near)


def _candidates(
    ends: Sequence[int], norms: Sequence[str], cues_at: Sequence[int]
) -> Iterator[tuple[int, int, int | None]]:
    """Yield ``(index, cue length, end)`` for each near date (with its end) or deadline word (end None).

    *norms* are the tokens' normalised forms and *ends* where they end, *cues_at* the indexes of
    those that are one of :func:`_cue_words`, in order.
    """
    cues = _by_first_two("deadline_cues")
    near = _by_first_two("near_dates")
    after = 0  # a phrase found is not searched again from inside it
    for i in cues_at:
        if i < after:
            continue
        soon = _phrase_at(near, norms, i)
        if soon is not None:
            after = i + len(soon)
            if after < len(norms) and norms[after] in _TIMES_OF_DAY:
                after += 1  # "tomorrow night", "today lunchtime": the time is the deadline's too
            yield i, 0, ends[after - 1]
            continue
        cue = _phrase_at(cues, norms, i)
        if cue is not None and i + len(cue) < len(norms) and _DATE_START.match(norms[i + len(cue)]):
            yield i, len(cue), None
            after = i + len(cue)


@functools.cache
def _by_first(key: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Return the phrases of lexicon list *key* by first word.

    Longest first, so that "by no later than" is found before "by".
    """
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(_phrases(key), key=len, reverse=True):
        index.setdefault(phrase[0], []).append(phrase)
    return {word: tuple(phrases) for word, phrases in index.items()}


#: Phrases by first word: by second word, those with that second word or only one word; and those
#: of one word (each list in ``_by_first``'s order).
_ByFirstTwo = dict[str, tuple[dict[str, tuple[tuple[str, ...], ...]], tuple[tuple[str, ...], ...]]]


@functools.cache
def _by_first_two(key: str) -> _ByFirstTwo:
    """Return the phrases of lexicon list *key* by first word and second (see :data:`_ByFirstTwo`):
    a phrase of two words or more can start where a word is only if the next word is its second."""
    index: _ByFirstTwo = {}
    for first, phrases in _by_first(key).items():
        alone = tuple(p for p in phrases if len(p) == 1)
        seconds = {p[1] for p in phrases if len(p) > 1}
        by_second = {w: tuple(p for p in phrases if len(p) == 1 or p[1] == w) for w in seconds}
        index[first] = (by_second, alone)
    return index


def _phrase_at(index: _ByFirstTwo, norms: Sequence[str], i: int) -> tuple[str, ...] | None:
    """Return the first phrase of *index* (in ``_by_first``'s order) that the words from *i* on are."""
    entry = index.get(norms[i])
    if entry is None:
        return None
    by_second, alone = entry
    for phrase in by_second.get(norms[i + 1], alone) if i + 1 < len(norms) else alone:
        if tuple(norms[i : i + len(phrase)]) == phrase:
            return phrase
    return None


@functools.cache
def _cue_words() -> frozenset[str]:
    """Return the words a deadline word or a near date begins with."""
    return frozenset(_by_first("deadline_cues")) | frozenset(_by_first("near_dates"))
