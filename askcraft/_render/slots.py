"""Slots filled right: the user's own words made to fit the sentence they go into.

Roles and fields ("an SEO specialist", "two RNs", never "a data analyst role role"), reasons
(first person, the user's own end punctuation), and a favour as it follows "could you" ("tell me
how you prepared", not "how did you prepare"). What a thank-you says is in ``thanks.py``.
"""

from __future__ import annotations

import functools
import re

from askcraft._render import verbs
from askcraft._render.lexicon import table, words
from askcraft._render.typography import unstopped
from askcraft._render.words import article, clause, singular_role

_WORD = re.compile(r"[\w&]+(?:['\u2019][\w]+)?")
#: Words that end a role the user typed but that the sentence supplies itself.
_ROLE_TAIL = re.compile(r"\s+(?:roles?|positions?|jobs?|openings?|opportunities)$", re.IGNORECASE)


def upper_acronyms(text: str) -> str:
    """Write known workplace acronyms in capitals: 'ux designer' -> 'UX designer'; a word with a
    house spelling as it is spelled: 'devops engineer' -> 'DevOps engineer', never 'DEVOPS'. A word
    the user typed in mixed case ('DevOps', 'iOS') is their spelling and is kept."""
    spellings = _as_spelled("spellings")

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        if word[1:] != word[1:].lower() and not word.isupper():
            return word  # "DevOps", "iOS", "McKinsey": spelled by the user
        low = word.casefold()
        if low in spellings:
            return word if word.isupper() else spellings[low]
        return word.upper() if low in words("words", "acronyms") and not word.isupper() else word

    return _WORD.sub(fix, text)


@functools.cache
def _as_spelled(name: str) -> dict[str, str]:
    """Return a list of words.yaml by the lower case of its words: spellings' 'devops' -> 'DevOps',
    company_forms' 'inc.' -> 'Inc.'."""
    return {str(w).casefold(): str(w) for w in table("words")[name]}


#: An article the user typed before a role: the sentence chooses its own ("an SEO specialist").
_ROLE_ARTICLE = re.compile(r"^(?:an?|one)\s+(?=\S)", re.IGNORECASE)


#: A seniority abbreviated before a role ("Sr. Software Engineer", "Jr Analyst"): running text spells
#: it out ("a senior software engineer role", not "a Sr. software engineer role").
_SENIORITY = re.compile(r"^(Sr|Jr|Snr|Jnr)\.?\s+(?=\w)", re.IGNORECASE)
_SENIORITY_WORDS = {"sr": "senior", "snr": "senior", "jr": "junior", "jnr": "junior"}


def clean_role(role: str) -> str:
    """Return a role as the sentence needs it: 'data analyst role' -> 'data analyst', 'an SEO
    specialist' -> 'SEO specialist', 'software engineers' -> 'software engineer' (the sentence puts
    'an' or 'a' back, or 'two', as it needs)."""
    bare = _ROLE_ARTICLE.sub("", role.strip())
    if " " in bare and bare.isupper():
        bare = bare.lower()  # "DATA ANALYST" typed with caps lock: "two data analysts", not "DATA ANALYSTs"
    bare = _SENIORITY.sub(lambda m: _SENIORITY_WORDS[m[1].casefold()] + " ", bare)  # "Sr. Engineer"
    return singular_role(_common_role(upper_acronyms(_ROLE_TAIL.sub("", bare).strip() or bare)))


def _common_role(role: str) -> str:
    """Return a role typed in title case as the common noun it is ("Registered Nurse" -> "registered
    nurse", "UX Researcher" -> "UX researcher"); a name in it keeps its capital ("Java developer"), and
    a title with "of" is kept as typed ("Head of Sales")."""
    parts = role.split()
    if "of" in parts or not any(p[:1].isupper() and p[1:].islower() for p in parts):
        return role
    common = words("words", "role_words") | words("words", "person_nouns") | words("words", "common_fields")
    known = [p[1:].islower() and p.casefold() in common for p in parts]
    titled = [p[:1].isupper() and p[1:].islower() for p in parts]
    # A name leads ("Salesforce Administrator"); a word unknown after a known one is the title's own
    # ("Chief Happiness Officer"), and the whole is kept as typed.
    first = known.index(True) if True in known else len(parts)
    if any(t and not k for t, k in zip(titled[first:], known[first:], strict=True)):
        return role
    return " ".join(p.lower() if k else p for p, k in zip(parts, known, strict=True))


def with_article(phrase: str) -> str:
    """Return *phrase* with 'a' or 'an' in front, as it is said."""
    return article(phrase)


def company_case(company: str) -> str:
    """Return a company typed all in lower case as its name is written: 'google' -> 'Google', 'bank
    of america' -> 'Bank of America', 'acme inc.' -> 'Acme Inc.', 'kpmg' -> 'KPMG'. A name with any
    capital in it is the user's spelling and is kept ('eBay', 'the Guardian')."""
    if not any(c.isalpha() for c in company) or company != company.lower():
        return company
    forms = _as_spelled("company_forms")
    small = words("words", "company_small_words")
    out = []
    for i, word in enumerate(company.split()):
        if word in forms:
            out.append(forms[word])
        elif i and word in small:
            out.append(word)
        elif word in words("words", "acronyms") or (2 <= len(word) <= 4 and not set(word) & set("aeiouy")):
            out.append(word.upper())
        else:
            out.append("-".join(part[:1].upper() + part[1:] for part in word.split("-")))
    return " ".join(out)


#: A word in an ask that points at something the ask itself does not name: "tell me if your company
#: sponsors employees for it" (the MBA the reason named), "what you'd ask them", "the foremen there".
_POINTER = re.compile(r"\b(?:it|its|them|they|their|there)\b", re.IGNORECASE)
#: "it" that points at nothing: "worth it", "it's worth", "make it", "it's OK to ...".
_EMPTY_IT = re.compile(
    r"\b(?:worth\s+it|make\s+it|it(?:['\u2019]s|\s+is|\s+was|\s+would\s+be|['\u2019]d\s+be)"
    r"\s+(?:worth|ok|okay|fine|possible|normal|common|usual|realistic|better|best|too|a\s+good\s+idea))\b",
    re.IGNORECASE,
)
#: "there" that says something exists ("if there's an opening"), not where.
_EMPTY_THERE = re.compile(
    r"^there(?:['\u2019](?:s|re|d)|\s+(?:is|are|was|were|will|would|might|may|could|should|has|have|had))\b",
    re.IGNORECASE,
)
#: What an ask's own words can point back to: a thing with its determiner ("my CV", "the draft",
#: "a dry run") for "it"; people or things in the plural for "them"; a place for "there".
_THING_BEFORE = re.compile(r"\b(?:my|the|a|an|this|our|his|her)\s+[\w'-]+", re.IGNORECASE)
_PLURAL_BEFORE = re.compile(r"\b(?:[a-z'-]{3,}[^s\W]s|people|staff|team|folks|children)\b", re.IGNORECASE)
_PLACE_BEFORE = re.compile(r"\b(?:at|in|to|into|from)\s+[\w'-]+", re.IGNORECASE)


def leans_back(details: str) -> bool:
    """Return whether an ask points at something only the reason named: "tell me if your company
    sponsors employees for it" after "I'm applying for the evening MBA", "tell me what you'd ask
    them before saying yes" after "I got an offer to join a startup".

    A message that leaves the reason out (a reminder, a note with no room) must then say it, or
    the reader is left asking what "it" is. A word the ask itself gives a thing to point at is
    fine: "look over my CV before I send it out", "tell me which vendors treat their consultants
    well", and so are "worth it" and "if there's an opening", which point at nothing.
    """
    text = details.strip()
    empty = [m.span() for m in _EMPTY_IT.finditer(text)]
    for match in _POINTER.finditer(text):
        before, word = text[: match.start()], match.group(0).lower()
        if any(start <= match.start() < end for start, end in empty):
            continue
        if word in {"it", "its"}:
            anchored = _THING_BEFORE.search(before)
        elif word == "there":
            anchored = _EMPTY_THERE.match(text[match.start() :]) or _PLACE_BEFORE.search(before)
        else:
            anchored = _PLURAL_BEFORE.search(before)
        if not anchored:
            return True
    return False


def first_sentence(text: str) -> str:
    """Return the first sentence of *text* (for channels that only have room for that)."""
    match = re.match(r"(.+?[.!?…])(?:\s+[A-Z\"“]|$)", text)
    return match.group(1) if match else text


def is_gerund_phrase(text: str) -> bool:
    """Return whether *text* starts with an -ing verb ('reviewing my deck'), which 'could you' cannot take."""
    first = text.split(" ", 1)[0].lower()
    return first.endswith("ing") and len(first) > 4 and first not in words("words", "not_gerunds")


def ask_clause(details: str) -> str:
    """Return a favour as it follows 'could you': 'look over my CV' (no question mark, no 'could you')."""
    text = unstopped(details, "?.! ")
    text = re.sub(
        r"^(?:(?:could|would|can|will)\s+you\s+|if\s+you\s+could\s+|to\s+|please\s+)",
        "",
        text,
        flags=re.IGNORECASE,
    )
    text = clause(text)
    question = ask_question(text)
    if question is not None:
        return f"tell me {question}"  # "how you got your first ICU job"
    if text.split(" ", 1)[0].lower() in words("words", "thing_openers"):
        return f"give me {text[:1].lower() + text[1:]}"  # "feedback on my CV": not a name
    return text


def ask_question(details: str) -> str | None:
    """Return a favour given as a question ("how you got your first ICU job"), or None.

    "tell me which certifications matter" is that question too, and so is "share how you made the
    switch". Advice asks it as it is ("...and in particular which certifications matter", not
    "...to share your advice ..., and in particular whether you could share how ..."), and the
    coverage check looks for it so.
    """
    text = clause(unstopped(details, "?.! "))
    text = re.sub(r"^(?:tell\s+me|share|explain|describe)\s+", "", text, flags=re.IGNORECASE)
    if text.split(" ", 1)[0].lower() not in words("words", "question_words"):
        return None
    return embedded(text[:1].lower() + text[1:])  # "How" opens a question, not a name


#: Words that turn a question round ("how did you ...", "what would you ...").
_AUXILIARIES = frozenset(
    [
        "do",
        "does",
        "did",
        "would",
        "could",
        "should",
        "can",
        "will",
        "is",
        "are",
        "was",
        "were",
        "have",
        "has",
        "had",
        "might",
        "must",
    ]
)
#: Subjects of one word, and words that open a subject of two ("your team", "the interview").
_SUBJECTS = frozenset(["you", "i", "we", "they", "he", "she", "it", "people"])
_SUBJECT_OPENERS = frozenset(["your", "my", "the", "our", "their", "his", "her", "this", "that"])


def embedded(question: str) -> str:
    """Return a direct question as it follows 'tell me': 'how did you prepare for the bar' ->
    'how you prepared for the bar', 'what would you do' -> 'what you would do'.

    Only a question word (and up to two more: "how long", "how many people"), a helping verb and
    a short subject are turned round; anything else is left as it was ("how you got your first job",
    "which certifications matter").
    """
    parts = question.split(" ")
    if len(parts) > 2 and parts[0].lower().endswith("'s") and parts[1].lower() == "it":
        return " ".join([parts[0][:-2], "it's", *parts[2:]])  # "what's it like" -> "what it's like"
    at = next((i for i in (1, 2, 3) if i < len(parts) and parts[i].lower() in _AUXILIARIES), None)
    if at is None or len(parts) < at + 2:
        return question
    helper, start = parts[at].lower(), at + 1
    size = 1 if parts[start].lower() in _SUBJECTS else 2 if parts[start].lower() in _SUBJECT_OPENERS else 0
    if size == 0 or len(parts) < start + size:
        return question
    asked, subject, rest = parts[:at], parts[start : start + size], parts[start + size :]
    if helper not in {"do", "does", "did"}:
        return " ".join([*asked, *subject, helper, *rest])
    if not rest:
        return question
    verb = rest[0].lower()
    said = verb if helper == "do" else verbs.past_tense(verb) if helper == "did" else verbs.third_person(verb)
    if said is None or not verbs.is_base_verb(verb):
        return question
    return " ".join([*asked, *subject, said, *rest[1:]])
