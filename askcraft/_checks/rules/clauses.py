"""What a sentence does: give an order (an imperative), or ask the reader to act.

An imperative opens with a verb in its base form ("Introduce me to...", "Forward my CV",
"Refer me"), which lemminflect's table tells from "Sent", "Thanks" or "Quick"; a word that can
also be a noun ("Email", "Call", "Question") counts only when an object follows it ("Email me",
not "Question about the role"). Well-wishes and offers are imperatives too ("Have a great
weekend", "Let me know if I can help"): their openings are listed in ``politeness.yaml``.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable, Sequence

from askcraft._checks.rules.base import lexicon
from askcraft._checks.rules.tokeniser import TEXTS_KEPT, Token, norms_in, tokens
from askcraft._render.verbs import is_base_verb, other_classes

#: Words an order may open with before its verb ("Please", "Don't").
_OPENERS = frozenset({"please", "do", "don't", "pls", "kindly"})
_LIST_ITEM = re.compile(r"\s*(?:[-*\u2022\u2013]|\d+[.)])\s")


@dataclasses.dataclass(frozen=True, slots=True)
class Command:
    """An imperative sentence: where its verb starts, and whether it is negative ("Don't ...")."""

    verb: Token
    negative: bool
    #: Where the order starts: after a greeting ("Hi Sam, "), at "Please" or "Just" if there.
    start: int
    #: The tokens from the verb to the end of the sentence.
    rest: tuple[Token, ...]


@functools.cache
def _words() -> dict[str, frozenset[str]]:
    data = lexicon("politeness")
    return {key: frozenset(str(w).lower() for w in data[key]) for key in data if isinstance(data[key], list)}


@functools.cache
def _courteous() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.lower().split()) for p in lexicon("politeness")["courteous_imperatives"])


@functools.cache
def _courteous_by_first() -> tuple[dict[str, tuple[tuple[str, ...], ...]], tuple[tuple[str, ...], ...]]:
    """Return the courteous openings by their first word, and those whose first word is ``*``.

    An opening can only start an order whose first word is its own (or any word, for ``*``), so
    an order is compared with those alone, not with all of them.
    """
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in _courteous():
        by_first.setdefault(phrase[0], []).append(phrase)
    wild = tuple(by_first.pop("*", ()))
    return {word: tuple(phrases) for word, phrases in by_first.items()}, wild


def _starts(norms: Sequence[str], phrase: tuple[str, ...]) -> bool:
    return len(norms) >= len(phrase) and all(
        n == w or (w == "*" and n not in ",.?!") for n, w in zip(norms, phrase, strict=False)
    )


def _skip_opening(norms: Sequence[str], names: frozenset[str]) -> tuple[int, int]:
    """Return the indexes after a greeting ("Hi Sam,", "Sam,") and after fillers ("Just", "And"),
    in a sentence's tokens (*norms*, their normalised forms)."""
    words = _words()
    at = 0
    comma = next((i for i, n in enumerate(norms[:5]) if n == ","), None)
    if comma is not None and (norms[0] in words["greetings"] or all(n in names for n in norms[:comma])):
        at = comma + 1
    greeting_end = at
    while at < len(norms) and (norms[at] in words["fillers"] or norms[at] == ","):
        at += 1
    if tuple(norms[at : at + 3]) == ("go", "ahead", "and"):
        at += 3  # "Go ahead and forward my CV": the order is the verb after
    elif at + 1 < len(norms) and norms[at] == "go" and norms[at + 1] in words["favour_verbs"]:
        at += 1  # "Go ask her on Monday": the order is "ask"
    return greeting_end, at


@functools.lru_cache(maxsize=1024)
def name_words(names: Iterable[str]) -> frozenset[str]:
    """Return the words of *names* in lower case, as :func:`command` reads a greeting's names.

    The politeness rule and the learned pressure model ask :func:`command` about the same sentences
    with these words, so that the model leaves alone exactly the orders the politeness rule warns on.
    """
    return frozenset(word.lower() for name in names for word in name.split())


def command(text: str, start: int, end: int, *, names: frozenset[str] = frozenset()) -> Command | None:
    """Return the command the sentence ``text[start:end]`` gives, or None when it gives none.

    Kept for the last sentences asked about: the politeness rule, the learned model and the
    deadline search ask about the same sentences of a text in turn.
    """
    return _command(text, start, end, names)


@functools.lru_cache(maxsize=4 * TEXTS_KEPT)  # sentences: a long message's, and a few more
def _command(text: str, start: int, end: int, names: frozenset[str]) -> Command | None:
    # Each test below that gives up says None; the one most sentences fail comes first.
    norms = norms_in(text, start, end)
    if not norms:
        return None  # nothing
    words = _words()
    head = norms[0]
    opener = head in words["greetings"] or head in words["fillers"] or head in names or head in _OPENERS
    if not opener and (not head.isalpha() or head in words["not_imperative"] or not _verb(head, words)):
        return None  # most sentences: "I ...", "Thanks ...", "It ..." give no order
    if _LIST_ITEM.match(text, start) or (
        text[start:end].rstrip().endswith("?") and not _order_as_question(norms, names)
    ):
        return None  # a list item ("- Ask about X"), or a question
    opening, at = _skip_opening(norms, names)
    while at < len(norms) and (norms[at] in ("please", ",") or norms[at] in _words()["fillers"]):
        at += 1
    rest = norms[at:]
    if not rest:
        return None
    negative = rest[0] in ("do", "don't") and len(rest) > 1 and rest[1] == "not"
    verb_at = 2 if negative else 0
    if len(rest) <= verb_at:
        return None
    verb = rest[verb_at]
    if (
        not verb.isalpha()
        or verb in words["not_imperative"]
        or not _verb(verb, words)
        # "Still remember that exercise fondly": "I" left out, as in "Hope you're well".
        or (norms[0] == "still" and verb in _RECALL)
    ):
        return None
    by_first, wild = _courteous_by_first()
    if any(_starts(rest, p) for p in by_first.get(rest[0], ()) + wild):
        return None
    after = rest[verb_at + 1] if len(rest) > verb_at + 1 else None
    if other_classes(verb) and not negative and (after is None or after not in words["objects"]):
        return None  # "Question about the role", "Email below": a noun, not an order
    if _offers(rest, words) or _softened(text[start:end].lower(), norms) or _family_news(rest, words):
        return None
    if not negative and verb not in words["favour_verbs"]:
        return None  # "Come visit", "Grab a coffee with me": an invitation, not an order
    toks = tokens(text, start, end)  # (norm, start, end) tuples, for an order found
    verb_token = toks[at + verb_at]
    if text[verb_token[1]].islower() and verb_at == 0 and at == 0 and not _starts_sentence(text, start):
        return None  # a lower-case start is a fragment or a continued line, not a sentence
    return Command(
        verb_token, negative, toks[opening][1] if opening < len(toks) else verb_token[1], toks[at:]
    )


def _order_as_question(norms: Sequence[str], names: frozenset[str]) -> bool:
    """Return whether a question is an order with a question mark ("introduce me to Ana?").

    A favour's verb with the writer as its object opens it ("Send me...?", "Walk me through...?");
    "Know anyone at Acme?" and "Coffee next week?" are questions.
    """
    _, at = _skip_opening(norms, names)
    rest = norms[at : at + 2]
    if len(rest) == 2 and rest[0] in _words()["favour_verbs"] and rest[1] in ("me", "us"):
        return rest[0] not in _RECALL
    # An order with a tag: "...and tell them to process my papers first ok?"
    return len(norms) >= 4 and norms[-1] == "?" and norms[-2] in _TAGS and norms[-3] != "is"


#: Verbs that open a question about the reader's memory, not an order: "Remember me from the gym?"
_RECALL = frozenset({"remember", "recall", "recognise", "recognize"})


#: Tags that turn an order into a question in form only ("Send it tonight, ok?").
_TAGS = frozenset({"ok", "okay", "k", "kk", "yeah", "yes", "right", "alright", "aight", "yh", "ya"})


@functools.cache
def _softeners() -> re.Pattern[str]:
    phrases = sorted(lexicon("politeness")["softeners"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p).replace("'", "['\u2019]") for p in phrases) + r")\b")


def _softened(sentence: str, norms: Sequence[str]) -> bool:
    """Return whether an order is put off to the reader's time ("whenever you get a chance"), as
    typed or as read ("if u get a sec" is "if you get a sec"): *norms* are its tokens' norms."""
    if _softeners().search(sentence) is not None:
        return True
    return _softeners().search(" ".join(norms)) is not None


def _offers(norms: Sequence[str], words: dict[str, frozenset[str]]) -> bool:
    """Return whether an imperative offers something ("Call me if you ever need anything"), or
    invites the reader with a treat to come ("Bring them to the café one afternoon and I'll sneak
    you a churro"): *norms* are its tokens' norms from the verb on."""
    inviting = bool(norms) and norms[0] in words["invitations"] and tuple(norms[1:2]) != ("me",)
    for i, norm in enumerate(norms):
        if norm == "if" and any(w in words["offer_conditions"] for w in norms[i + 1 : i + 5]):
            return True
        promise = norm == "and" and tuple(norms[i + 1 : i + 3]) == ("i", "will")
        if inviting and promise and "you" in norms[i + 3 : i + 6]:
            return True
    return False


def _verb(word: str, words: dict[str, frozenset[str]]) -> bool:
    """Return whether *word* can be a base-form verb ("text" is one, though the table lists a noun)."""
    return word in words["favour_verbs"] or is_base_verb(word)


#: Last words of a line that leave its sentence open: the next line goes on with it.
_OPEN_ENDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "to",
        "of",
        "for",
        "with",
        "my",
        "your",
        "our",
        "their",
        "his",
        "her",
        "you",
        "u",
        "i",
        "could",
        "would",
        "can",
        "will",
        "should",
        "please",
        "pls",
        "just",
        "if",
        "that",
        "so",
        "as",
        "at",
        "in",
        "on",
        "from",
        "by",
    ]
)


def _starts_sentence(text: str, start: int) -> bool:
    """Return whether a lower-case start begins a sentence: after "!", "?" or ".", at the text's
    start, or on a new line of a message written in lower case ("hey auntie did u ask her" /
    "go ask her on monday") whose line before does not leave its sentence open ("could you" /
    "forward my cv")."""
    before = text[:start].rstrip(" \t")
    if before.endswith(("!", "?", ".")) and not before.endswith("..."):
        return True
    if not before.strip():
        return True  # the message's first words
    if not before.endswith("\n"):
        return False
    line = before.rstrip().rsplit("\n", 1)[-1].rstrip()
    last = line.rsplit(None, 1)[-1].lower() if line else ""
    return _in_lower_case(text) and not line.endswith((",", ";", ":", "-")) and last not in _OPEN_ENDS


@functools.lru_cache(maxsize=256)
def _in_lower_case(text: str) -> bool:
    """Return whether a message is written in lower case: most of its lines start with a small
    letter (a greeting's name, "Dani", keeps its capital)."""
    starts = [next((c for c in line if c.isalpha()), "") for line in text.splitlines()]
    starts = [c for c in starts if c]
    return sum(c.islower() for c in starts) * 2 >= len(starts) > 0


def _family_news(rest: Sequence[str], words: dict[str, frozenset[str]]) -> bool:
    """Return whether the order is "tell" news to pass on ("Tell Aunt June I'll bring the kids",
    "tell her i start tues", "tell Auntie Pat the flowers are from me"): *rest* are the norms of
    its tokens from the verb on."""
    norms = rest[:6]
    if not norms or norms[0] != "tell":
        return False
    kin = next((i for i, w in enumerate(norms[1:4], 1) if w in words["kin"]), None)
    if kin is not None and any(w in ("i", "we", "the") for w in norms[kin + 1 : kin + 3]):
        return True
    # "tell her I start Tuesday": the news, with its own subject, for someone else to hear.
    return (
        len(norms) > 3
        and norms[1] in ("her", "him", "them")
        and norms[2] in ("i", "we", "the")
        and norms[3] not in _CLAIMS  # "tell her I'm your best worker", "tell him I'll start Monday"
    )


#: After "tell her I": a claim or a promise for the reader to vouch for, not news to pass on.
_CLAIMS = frozenset({"am", "will", "would", "can", "could", "must", "shall", "should", "have", "is", "are"})
