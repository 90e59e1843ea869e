"""The sender's reason as sentences of their own: in the first person ("Dana is a retail manager"
is "I'm a retail manager"), with "I" in capitals, a subject where it was left out ("Moving into LLM
work" is "I'm moving ..."), and its main clause when a channel has room for little."""

from __future__ import annotations

import re

from askcraft._render.lexicon import words
from askcraft._render.words import sentence

_SUBJECT_VERB = {"is": "am", "was": "was", "has": "have", "does": "do", "goes": "go"}
_CONTRACT = {"am": "I'm", "have": "I've"}
_PRONOUNS = re.compile(
    r"\b(she|he|they|her|his|their|hers|him|them|herself|himself|themselves)\b", re.IGNORECASE
)
_POSSESSIVE_NEXT = re.compile(r"\b(her|his|their)\s+(?=[a-z])", re.I)
#: "... and wants a change": a second verb of the same subject agrees with "I" too.
_COMMON_VERBS = (
    "wants|has|is|was|loves|likes|hopes|needs|plans|looks|works|enjoys|seeks|aims|brings|knows|"
    "thinks|feels|believes|hates|misses|wishes|tries|studies|teaches|manages|leads|runs|holds"
)
_COORDINATED = re.compile(rf"\b(and|but|so|then)\s+({_COMMON_VERBS})\b")
#: "... where she can ...", ". She is now looking ...": the sender again, as a subject.
_SUBJECT = re.compile(r"\b(she|he)\s+(?:(\w+ly|also|now|just|still|really)\s+)?([a-z]+)\b", re.IGNORECASE)
_MODALS = frozenset({"can", "could", "will", "would", "may", "might", "must", "should", "shall"})


def _as_i(match: re.Match[str]) -> str:
    adverb, verb = match.group(2), match.group(3)
    low = verb.lower()
    if low in {"is", "has"}:
        head = "I'm" if low == "is" else "I've"
    else:
        head = "I " + (low if low in _MODALS else _first_person_verb(low))
        return head if not adverb else f"I {adverb} {head[2:]}"
    return f"{head} {adverb}" if adverb else head


_WHO = re.compile(rf"\s+who\s+({_COMMON_VERBS})\b")
_REFLEXIVE = re.compile(r"\b(herself|himself|themselves)\b", re.I)


def _first_person_verb(verb: str) -> str:
    low = verb.lower()
    if low in _SUBJECT_VERB:
        return _SUBJECT_VERB[low]
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if re.search(r"(?:ss|sh|ch|x|zz|o)es$", low):
        return low[:-2]
    if low.endswith("s") and not low.endswith("ss"):
        return low[:-1]
    return low


def first_person(text: str, names: tuple[str, ...]) -> str | None:
    """Rewrite a reason written about the sender ('Dana is a nurse who ...') in the first person.

    Return None when the text is not about the sender in the third person, or when it cannot be
    rewritten safely (a pronoun that could mean someone else); the caller then says so.
    """
    subject = None
    for name in sorted({n for n in names if n}, key=len, reverse=True):
        if re.match(rf"{re.escape(name)}\b", text, re.IGNORECASE):
            subject = text[: len(name)]
            break
    if subject is None:
        match = re.match(r"(She|He)\b", text)
        if match is None:
            return None
        subject = match.group(1)
    rest = text[len(subject) :].lstrip()
    match = re.match(r"(?:(\w+ly|also|now|just|still|really)\s+)?([a-z]+)\b", rest)
    if match is None:
        return None
    adverb, verb = match.group(1), match.group(2)
    new_verb = _first_person_verb(verb)
    tail = rest[match.end() :]
    if verb in {"has", "is"} and not adverb:
        head = _CONTRACT[new_verb]
    else:
        head = "I " + (f"{adverb} " if adverb else "") + new_verb
    tail = _COORDINATED.sub(lambda m: f"{m.group(1)} {_first_person_verb(m.group(2))}", tail)
    # "I'm a nurse who wants to ..." mixes persons; "I'm a nurse, and I want to ..." does not.
    tail = _WHO.sub(lambda m: f", and I {_first_person_verb(m.group(1))}", tail)
    tail = _SUBJECT.sub(_as_i, tail)
    tail = _POSSESSIVE_NEXT.sub("my ", tail)
    tail = _REFLEXIVE.sub("myself", tail)
    if _PRONOUNS.search(tail):
        return None  # "she told her manager about him": too risky to rewrite
    return head + tail


#: "i", "i'm", "i've" typed in lower case as a word of its own; not "i.e.", "iPhone" or "/i/".
_LOWER_I = re.compile(r"(?<![^\s(\"\u201c])i(?=(?:['\u2019](?:m|ve|d|ll))?(?:[\s,;:!?)\"\u201d]|\.(?!\w)|$))")


def capital_i(text: str) -> str:
    """Return English *text* with the pronoun "I" in capitals: "after six years i want" -> "I want"."""
    return _LOWER_I.sub("I", text)


def _opens_with_gerund(text: str) -> bool:
    """Return whether a reason opens with the sender's own doing and no subject: "Moving from backend
    engineering into LLM work", "looking for my next role"; not "Having taught for years, I ..."."""
    first, _, rest = text.casefold().partition(" ")
    if first not in words("words", "reason_gerunds") or re.search(r",\s+(?:I|I'm|I've|I'd)\b", text):
        return False
    return not _GERUND_SUBJECT.match(rest)  # "Moving is hard": the doing is the subject


#: A verb after an opening gerund makes it the subject: "Moving is hard", "Switching careers has been slow".
_GERUND_SUBJECT = re.compile(
    r"(?:\S+\s+){0,2}?(?:is|was|has|had|seems|seemed|feels|felt|makes|made|sounds|can|could|will|would|"
    r"isn't|wasn't|hasn't|takes|took|scares|excites|keeps)\b"
)


def reason_sentence(reason: str, names: tuple[str, ...]) -> tuple[str, bool]:
    """Return the reason as sentences of the sender's own, and whether it had to be rewritten.

    Raises ValueError when the reason is about the sender in the third person and cannot be
    rewritten safely.
    """
    text = capital_i(reason.strip())
    text = re.sub(r"^(?:because|since|as)\s+(?=I\b|I'm\b|I've\b|I'd\b)", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s*(?:\.\.\.|\u2026)$", ".", text)  # a reason that trails off reads unsure
    if re.match(r"to\s+\w", text, re.IGNORECASE):
        text = "I'd like " + text
    elif _opens_with_gerund(text):
        text = "I'm " + text[:1].lower() + text[1:]  # "Moving into LLM work." reads clipped in a letter
    rewritten = False
    if re.match(r"(she|he)\b", text, re.IGNORECASE) or any(
        n and re.match(rf"{re.escape(n)}\b", text, re.IGNORECASE) for n in names
    ):
        mine = first_person(text, names)
        if mine is None:
            raise ValueError("the reason is written about you in the third person")
        text, rewritten = mine, True
    return sentence(text), rewritten


_FRONTED = re.compile(
    r"(?:after|since|having|with|as|now that|following|while|once|over|for|because)\b[^,]{3,80},\s+"
    r"(?=(?:I|I'm|I've|I'd|I'll|my|now I)\b)",
    re.IGNORECASE,
)


def main_clause(text: str) -> str:
    """Drop a fronted clause: 'After six years teaching, I want to ...' -> 'I want to ...'."""
    match = _FRONTED.match(text)
    return text[match.end() :] if match else text


#: Words that say what the sender wants: the part of a long reason worth keeping when space is short.
_WANTS = re.compile(
    r"\b(?:want|wants|'d like|'d love|would like|would love|hoping|hope to|looking|ready|moving|move|switch|"
    r"interested|aiming|plan to|dream)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"(?:,\s+(?:and|but|so)\s+|;\s+|\s+[\u2014\u2013-]\s+)")


def short_reason(text: str) -> str:
    """Return the heart of a reason for a channel with little room.

    The sentence that says what the sender wants (the first one when none does), without a
    fronted clause ('After six years teaching, ...'); if that is still several clauses, the clause
    that says what the sender wants.
    """
    sentences = _SENTENCE_SPLIT.split(text.strip())
    # A sentence that points back ("I'd like to take that into SRE") cannot stand without the one
    # before it: the first sentence says more on its own.
    wanting = next(
        (
            s
            for i, s in enumerate(sentences)
            if _WANTS.search(s) and _OWN.match(main_clause(s)) and not (i and _POINTS_BACK.search(s))
        ),
        None,
    )
    first = main_clause(wanting or sentences[0])
    clauses = [c for c in _CLAUSE_BREAK.split(first) if c.strip()]
    if len(clauses) > 1:
        mine = [c for c in clauses if _OWN.match(c)]
        wanted = next((c for c in mine if _WANTS.search(c)), None)
        chosen = wanted or (mine[0] if mine else clauses[0])
        if not (chosen is not clauses[0] and _POINTS_BACK.search(chosen)):
            return sentence(chosen.strip().rstrip(".,;"))
    return sentence(first)


_SENTENCE_SPLIT = re.compile(r"(?<=[.!?\u2026])\s+(?=[A-Z\"\u201c])")
#: Words that point back at what came before: "take that into", "do it full time", "use those".
_POINTS_BACK = re.compile(
    r"\b(?:take|bring|put|turn|use|apply|do|make|keep|build on|grow)\s+(?:that|this|it|those|these|them)\b",
    re.IGNORECASE,
)
_OWN = re.compile(r"(?:(?:now|so|and|but|lately|today),?\s+)?(?:I|I'm|I've|I'd|my)\b", re.IGNORECASE)
