"""A thank-you's slots: what someone did ("for walking me through it", "for your advice on my CV",
"for the two names at KPMG"), whether an outcome points back ("One of them..."), and gifts.
"""

from __future__ import annotations

import functools
import re

from askcraft._intent.model import FELT
from askcraft._render import places, verbs
from askcraft._render.languages import data, primary
from askcraft._render.lexicon import table, words
from askcraft._render.typography import unstopped
from askcraft._render.words import article, clause, number_words, sentence


@functools.cache
def _thanks_opener(code: str) -> re.Pattern[str]:
    source = table("words")["thanks_opener"] if code == "en" else data(code)["thanks"].get("opener", "(?!)")
    return re.compile(str(source), re.IGNORECASE)


def without_thanks(help_text: str, language: str = "en") -> str:
    """Return help typed with its own thanks without them: "Thanks for the names!" is "the names!",
    "Merci de m'avoir présenté Paul" "m'avoir présenté Paul" (the template says the thanks).

    A Spanish exclamation typed whole ("¡Gracias por los nombres!", "¡La presentación a Jorge!")
    loses its marks: the help goes inside the template's sentence ("Mil gracias por los nombres"),
    where an opening "¡" cannot stand."""
    text = help_text.strip()
    if text.startswith("\u00a1") and text.rstrip().endswith("!"):
        text = text[1:].strip().rstrip("!").rstrip()
    rest = _thanks_opener(primary(language)).sub("", text, count=1)
    return rest if rest.strip(" .!") else text


#: A count of people typed in figures ("those 3 contacts at Deloitte"): a thank-you says it in words.
_COUNT_OF_PEOPLE = re.compile(
    r"\b([2-9]|10)(?=\s+(?:names|contacts|people|introductions|intros|leads|referrals|connections|"
    r"recruiters|managers|colleagues|friends)\b)"
)


def thanks_for(help_text: str) -> str:
    """Return what follows 'Thank you': 'for introducing me to Priya', 'for your advice on my CV'."""
    text = unstopped(without_thanks(help_text))
    text = _COUNT_OF_PEOPLE.sub(lambda m: number_words(int(m[1])), text)  # "the 3 names": "the three names"
    said = _thanks_for(text)
    # An abbreviation keeps its stop, which the phrase's clean-up takes: "... at Acme Inc.".
    return said + "." if text.endswith(".") and not said.endswith(".") else said


def _thanks_for(text: str) -> str:
    felt = FELT.match(text.replace("\u2019", "'"))
    if felt:
        said = felt.group(1)  # "I really appreciated the call": "for the call"
        return _thanks_for(said[4:] if said.lower().startswith("you ") else said)
    first = text.split(" ", 1)[0]
    low = first.lower()
    doing = _as_gerund(text.split(" ", 1)[1] if low == "you" and " " in text else text)
    if doing is not None:
        return f"for {doing}"  # "walked me through it", "You introduced me to Priya"
    if low in {"you", "you've", "you\u2019ve"}:
        return f"for everything you did: {text[0].lower() + text[1:]}"
    if low.startswith("for") and low == "for":
        text = text.split(" ", 1)[1] if " " in text else text
        first = text.split(" ", 1)[0]
        low = first.lower()
    gerund = low.endswith("ing") and len(low) > 4 and low not in words("words", "not_gerunds")
    if gerund or low in words("words", "determiners"):
        return f"for {clause(text)}"
    if low.isdigit() or low in _COUNTS:
        return (
            f"for the {low}{text[len(first) :]}"  # "two names at KPMG": "for the two names", not "your two"
        )
    if first[:1].isupper() and low != "i":
        return f"for {text}"  # "Priya's contact details": a name leads the phrase
    return f"for your {text}"


#: Counts that open help given as things ("two names at KPMG"): they take "the", not "your".
_COUNTS = frozenset(
    ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "few", "several"]
)


#: Words that show a word before them is a verb with its object or a preposition ("read my CV",
#: "set up a call", "spoke to Dana"),
#: where the word alone could be a noun or an adjective ("read", "detailed", "spoke").
_OBJECTS = frozenset(
    [
        "me",
        "us",
        "him",
        "her",
        "them",
        "it",
        "this",
        "that",
        "my",
        "our",
        "your",
        "his",
        "their",
        "the",
        "a",
        "an",
        "some",
        "all",
        "so",
        "such",
        "up",
        "out",
        "through",
        "over",
        "time",
        "to",
        "with",
        "for",
        "about",
        "on",
        "at",
    ]
)


def _as_gerund(text: str) -> str | None:
    """Return help told as a deed, as it follows 'Thank you for': 'walked me through it' ->
    'walking me through it', 'introduce me to Priya' -> 'introducing me to Priya'; else None.

    A past tense counts when the word can be nothing else, or when an object follows it ("read my
    CV", not "detailed feedback"); a base form only before "me" or "us" ("help with my CV" is help).
    """
    first, _, rest = text.partition(" ")
    low = first.lower()
    after = rest.split(" ", 1)[0]
    if verbs.past_of(after):
        return None  # "Drew introduced me": a name that is also a verb's past, then the deed
    objected = after.lower() in _OBJECTS or after[:1].isupper()
    lemmas = verbs.past_of(low)
    if lemmas and (objected or not verbs.other_classes(low) - {"verb"}):
        lemma = lemmas[0]
    elif verbs.is_base_verb(low) and after.lower() in {"me", "us"}:
        lemma = low
    else:
        return None
    doing = verbs.present_participle(lemma)
    return f"{doing} {rest}".strip() if doing else None


#: The recipient named in the third person in a gift as the user typed it ("a box of his favourite
#: cookies", "flowers for her"): the message speaks to them ("your favourite cookies", "for you").
_THEIRS = re.compile(
    r"(?<!\band )(?<!\bor )(?:\b|^)(?:(?P<own>his|her|their|^(?:His|Her|Their))(?=\s+\w)(?!\s+(?:and|or)\b)"
    r"|(?P<them>him|her|them)$)"
)


def _to_them(text: str) -> str:
    """Return a gift told to its recipient: "a box of his favourite cookies" -> "a box of your
    favourite cookies", "flowers for her" -> "flowers for you"."""
    return _THEIRS.sub(lambda m: "your" if m["own"] else "you", text)


#: Words a gift opens with that need no article before them: "some flowers", "your favourite tea".
_DETERMINERS = frozenset(
    {"a", "an", "the", "some", "my", "our", "your", "two", "three", "this", "these", "little", "small"}
)


def gift_phrase(gift: str) -> str:
    """Return a gift as the object of 'I've sent you ...': 'some flowers', 'a gift card'."""
    text = _to_them(unstopped(gift))
    if is_treat(text):
        text = re.sub(r"\s+on me\b", "", text)  # "a pizza on me next Sunday": the treat says that
    low = text.split(" ", 1)[0].lower()
    if is_treat(text) and low in words("words", "treats_without_article"):
        return text  # "dinner at Tartine", "jollof on Sunday": no article
    if low in _DETERMINERS:
        return text
    # The head noun comes before what follows it: "tickets to the match this weekend" is plural.
    before = _AFTER_HEAD.split(text, maxsplit=1)[0].split()
    head = before[-1].lower() if before else low
    if re.match(r"\$?\d", text) or (head.endswith("s") and not head.endswith("ss")):
        return text  # "flowers", "two tickets"
    return article(text)


_AFTER_HEAD = re.compile(r"\s(?:of|to|for|at|on|from|in|this|next|when|once|after|with|as)\s", re.IGNORECASE)
_TREATS = re.compile(
    r"\b(?:dinner|lunch|brunch|breakfast|coffees?|drinks?|a meal|spa|massage|day out|night out|tasting"
    r"|pints?|beers?|a round|a curry|a takeaway|a bite|pizza|jollof|biryani|tacos|burgers?|bbq|barbecue"
    r"|sushi|dim sum|ice cream|a roast|on me)\b",
    re.IGNORECASE,
)


#: A gift that comes later: "a copy of my first paper when it's out", "a bottle once I'm paid".
_TO_COME = re.compile(
    r"\b(?:when|once|as soon as|after|next (?:week|month|year|time)|soon|later|tomorrow|one day"
    r"|in the (?:spring|summer|autumn|fall|winter|new year)|this weekend|at the weekend|at christmas"
    r"|on (?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
    re.IGNORECASE,
)


def is_to_come(gift: str) -> bool:
    """Return whether a gift is promised for later ("a copy of my paper when it's out"), not sent yet."""
    return bool(_TO_COME.search(gift))


def is_treat(gift: str) -> bool:
    """Return whether a gift is something you do together ('dinner at Tartine') rather than send."""
    return bool(_TREATS.search(gift)) and not re.search(
        r"\b(?:card|voucher|certificate|box|bag)\b", gift, re.I
    )


_LEANS_BACK = re.compile(
    r"^(?:(?:one|two|both|all|each|neither|none|some)\s+of\s+(?:them|those|these)"
    r"|(?:they|them|he|she|it|that|this|those|these|both)(?:['\u2019]\w+)?)\b",
    re.IGNORECASE,
)


#: A person pointed at anywhere in a sentence: "I have a first interview with her team"; or a
#: thing: "I've sent it off with your changes", "I got it!" (the CV, the role the thanks name).
_POINTS_AT_SOMEONE = re.compile(r"\b(?:she|he|her|hers|him|his|they|them|their|theirs|it)\b", re.IGNORECASE)


def leans_back(text: str) -> bool:
    """Return whether *text* opens on a word that points back ("One of them asked for my CV"), or
    points at a person or a thing anywhere ("I have a first interview with her team", "I've sent it
    off with your changes").

    Such a sentence cannot open a message: who "them" or "her" is, or what "it" is, is only said
    later, by the thanks.
    """
    return bool(_LEANS_BACK.match(text.strip()) or _POINTS_AT_SOMEONE.search(text))


def outcome_facts(
    outcome: str | None,
    language: str = "en",
    *,
    where: str | None = None,
    source: str | None = "from them",
) -> dict[str, str | bool | None]:
    """What a template reads of an outcome, in any language: the sentence, whether it ends with
    "!", whether it is a setback, and whether it is still pending ("still waiting to hear back").

    *where* (the company, if any) says who a pending English outcome waits on: "I'm still waiting
    to hear back from Boots", not a bare "Still waiting to hear back.", which reads as a reproach
    to the reader (askcraft's own guilt check flags it); without one, *source* says it ("from them"
    after names or an introduction, "about the role"); with neither, it is said plainly: "I
    haven't heard back yet." (not the filler "on my end").
    """
    setback = bool(outcome and disappoints(outcome, language))
    pending = bool(outcome and not setback and is_pending(outcome, language))
    english = primary(language) == "en"
    text = _pending_in_full(outcome, where, source) if outcome and pending and english else outcome
    return {
        "outcome_sentence": sentence(text) if text else None,
        "outcome_exclaims": bool(outcome and outcome.rstrip().endswith("!")),
        "outcome_disappoints": setback,
        "outcome_pending": pending,
    }


#: A pending outcome typed without its subject: "still waiting to hear back", "waiting on HR".
_NO_SUBJECT = re.compile(r"^(?:still|waiting|hoping|yet)\b", re.IGNORECASE)
_NO_SUBJECT_HAVE = re.compile(r"^(?:haven['\u2019]t|have not)\b", re.IGNORECASE)
#: ... and one that does not say who it waits on: "I'm still waiting to hear back".
_HEAR_BACK = re.compile(r"\b(?:hear|heard|hearing)\s+back(?=(?:\s+yet)?\s*[.!]*$)", re.IGNORECASE)


#: "I'm still waiting to hear back", "We are waiting to hear back", "haven't heard back yet": said
#: plainly when there is no one to name ("I haven't heard back yet.").
_PLAIN_WAIT = re.compile(
    r"^(?:(?P<who>I|we)(?:['\u2019](?:m|re)|\s+(?:am|are))\s+(?:still\s+)?waiting\s+to\s+hear\s+back"
    r"|(?P<who2>I|we)\s+(?:haven['\u2019]t|have\s+not)\s+heard\s+back)(?:\s+yet)?(?P<end>\s*[.!]*)$",
    re.IGNORECASE,
)


def _pending_in_full(outcome: str, where: str | None, otherwise: str | None = "from them") -> str:
    """Return a pending outcome with its subject and who it waits on ("I'm still waiting to hear
    back from Boots."), keeping the user's own words and end punctuation; with no one to name, the
    plain "I haven't heard back yet." """
    text = outcome.strip()
    if _NO_SUBJECT.match(text):
        text = "I'm " + text[0].lower() + text[1:]
    elif _NO_SUBJECT_HAVE.match(text):
        text = "I " + text[0].lower() + text[1:]
    plain = None if where or otherwise else _PLAIN_WAIT.match(text)
    if plain:
        who = plain["who"] or plain["who2"]
        who = "I" if who.casefold() == "i" else who[0].upper() + who[1:].lower()
        return f"{who} haven't heard back yet{plain['end'].strip() or '.'}"
    match = _HEAR_BACK.search(text)
    if match:
        source = places.at(where, "en", "from") if where else (otherwise or "on my end")
        text = f"{text[: match.end()]} {source}{text[match.end() :]}"
    return text


def is_pending(outcome: str, language: str = "en") -> bool:
    """Return whether an outcome is still pending ("still waiting to hear back", "no news yet"):
    neither news to lead with nor a setback to be consoled for. Good news that waits on something
    ("an interview next week, fingers crossed") is news all the same."""
    _, _, good, pending = _outcome_words(primary(language))
    low = " ".join(outcome.casefold().split())
    return bool(pending.search(low)) and not good.search(low)


def says_again(outcome: str, language: str = "en") -> bool:
    """Return whether an outcome says "again" ("J'attends encore une réponse", "I'm applying again"):
    the thanks before it then do not ("Encore merci ... J'attends encore ...")."""
    again = _phrases(primary(language), "again", required=False)
    return bool(again.search(" ".join(outcome.casefold().split())))


def says_since(news: str, language: str = "en") -> bool:
    """Return whether a reminder's news says it came after the note ("I've since run my first study",
    "Ich habe inzwischen ..."): its lead-in then does not say so too ("Some news since then: ...")."""
    since = _phrases(primary(language), "since", required=False)
    return bool(since.search(" ".join(news.casefold().split())))


def disappoints(outcome: str, language: str = "en") -> bool:
    """Return whether an outcome is a setback ("I didn't get it in the end, but the interview taught
    me a lot"): not news to lead with or to call good news.

    A setback turned round in its last clause ("I didn't get that role, but they offered me
    another") is good news after all.
    """
    setbacks, contrasts, good, _ = _outcome_words(primary(language))
    low = " ".join(outcome.casefold().split())
    if not setbacks.search(low):
        return False
    last = contrasts.split(low)[-1]
    return last == low or not good.search(last)


@functools.cache
def _outcome_words(code: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Patterns for the setback phrases, the contrast words, the good-news words and the pending
    phrases of a language."""
    return (
        _phrases(code, "setbacks"),
        _phrases(code, "contrasts"),
        _phrases(code, "good_news"),
        _phrases(code, "pending"),
    )


@functools.cache
def _phrases(code: str, key: str, *, required: bool = True) -> re.Pattern[str]:
    """The phrases of a language's word list *key* (English: words.yaml; others: their language
    data) as one pattern of whole words. A list that is not *required* and that the language lacks
    matches nothing."""
    if code == "en":
        listed = words("words", key)
    else:
        source = data(code)
        listed = frozenset(str(w).casefold() for w in (source[key] if required else source.get(key, ())))
    if not listed and not required:
        return re.compile(r"(?!)")
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in sorted(listed)) + r")(?!\w)")
