"""Your own words in another language than the message: an English reason in a German draft.

A German, French or Spanish template puts what you typed (the reason, the hook, the news, the
favour, the thanks) into the message as you typed it; typed in English, it sits in the middle of
the message as an English sentence. The draft says so in a finding rather than leave it silent.

The test is deliberately narrow, so that it cannot false-alarm on names: only words written in
lower case count (a name, a company or a title, "Bank of America", "The Body Shop", is capitalised;
the pronoun "I" and a sentence's first word are the exceptions), only English words that are no
word of German, French or Spanish ("the", "and", "with", "want"; not "in", "also", "so", "me", "he",
"was" or "will"), and the text must have two of them that no name is made of ("want", "my"; not "the", "of" or
"and"), or three with one such, more than twice as many English words as words of its own
language, and a quarter of its words English.
"""

from __future__ import annotations

import re

from askcraft._render.languages import primary


def _listed(words: str) -> frozenset[str]:
    return frozenset(words.split())


#: English words that are no word of German, French or Spanish, in lower case.
_ENGLISH = _listed(
    """
    i i'm i've i'd i'll my mine we we're we've our you you're your they their them it it's its
    the and or of to with for from at by about into onto after before since while because than
    then there here this that these those what which who whom when where why how
    is are been being be was were have had having do does did done would could should can
    can't cannot won't don't didn't isn't wasn't not just still really very now some any
    want wanted wants like liked love loved need needed looking working moving trying hoping
    relocating applying leaving changing switching reviewing introducing asked called suggested
    reach back out companies reference
    get got getting make made take took met meet worked moved started joined finished passed
    look over read write send give tell share help helped introduce introduced review thank thanks
    years months weeks year month week ago next last new job jobs role names people good great
    """
)
#: English words that names are made of too ("Bank of the West", "Save the Children", "Back to
#: Basics"): two of them alone do not make a text English.
_IN_NAMES = _listed("the of and for at by to on with from")
#: Common words of the message's own language (lower case), which outweigh a few English ones.
_NATIVE = {
    "de": _listed(
        "ich und die der das den dem des nicht mit für bei ein eine einen einem einer möchte habe hat "
        "bin ist mein meine meinen nach zu zur zum in im als auf wir sie du dich mich mir auch noch "
        "jetzt seit über will was am an so sehr gern gerne um aus von vom oder aber wie"
    ),
    "fr": _listed(
        "je j et le la les l de des du d un une pour dans en avec mon ma mes ai suis veux chez au aux "
        "est que qu qui nous vous tu ne n pas plus après depuis sur à ans mois travail poste ou mais "
        "comme très"
    ),
    "es": _listed(
        "yo y el la los las de del un una para en con mi mis he soy estoy quiero que por al es me a "
        "tengo después desde sobre más no años meses trabajo puesto o pero como muy se lo le"
    ),
}
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+)\W*$")


def looks_english(text: str, language: str) -> bool:
    """Return whether *text*, typed for a message in *language* (German, French, Spanish), is English."""
    native = _NATIVE.get(primary(language))
    if native is None:
        return False
    words = english = strong = mine = 0
    for found in _WORD.finditer(text):
        word = found.group().replace("\u2019", "'")
        words += 1
        low = word.casefold()
        starts = bool(_SENTENCE_START.search(text[: found.start()]))
        if word[0].isupper() and not starts and low.split("'")[0] != "i":
            continue  # a name: "Bank of America", "The Body Shop", "Will"
        english += low in _ENGLISH
        strong += low in _ENGLISH and low not in _IN_NAMES
        mine += low in native or low.split("'")[0] in native
    enough = strong >= 2 or (english >= 3 and strong >= 1)
    return enough and english > 2 * mine and 4 * english >= words
