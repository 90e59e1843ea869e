"""What a template knows while it writes: which phrasing this recipient gets, and what was said.

Functions reach every template (built-in or from a pack), so that packs get the same
machinery as data, without Python:

- ``pick(key, options)`` chooses one phrasing from *options*, the same one every time for the
  same recipient and key, and different ones across recipients: thirty people asked for the
  same thing get thirty differently worded messages, each stable from one run to the next. When
  no wording of a text or a connection note fits its channel, the fit renders it again with each
  ``pick`` choosing among its shorter options (still by recipient), then taking its shortest.
- ``said(fact)`` / ``mention(fact)`` keep each fact said once. ``mention("target")`` gives the
  full phrase ("in environmental consulting") the first time and a referring one ("in that
  field") after. ``said(fact)`` tells whether a fact was said already (to leave out a stock
  sentence).
- ``temper(sentence)`` spends the message's exclamation marks: a sentence keeps its closing "!"
  while the block has said fewer than two, and ends with a full stop after that, so a text reads
  "Hi Bea! Thank you so much for the chat! I owe you one." and not five "!" in a row.
  ``temper(text, own=true)`` counts the user's own marks ("I got the job!") and never changes them.
- ``names(text, fact)`` tells whether one of the user's own texts names *fact* before it is told,
  so that a template that asks first can tell such a text first instead.
- ``tell(text)`` puts one of the user's own texts in the message ("reason", "reason_short",
  "hook", "news") and counts what it names: a reason that names the target makes the next
  ``mention("target")`` a reference. A text that is never told never counts. Its exclamation
  marks are counted as ``temper(text, own=true)`` counts them, and kept.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from typing import Any

from askcraft._render import places
from askcraft._render.languages import primary

#: The exclamation marks one message spends on its own sentences: two reads glad, five gushes.
EXCLAMATIONS = 2


class Discourse:
    """The state of one render: the recipient's seed for choices, and the facts said so far."""

    def __init__(
        self,
        seed: str,
        first: Mapping[str, str],
        again: Mapping[str, str],
        texts: Mapping[str, tuple[str, frozenset[str]]],
        *,
        squeeze: int = 0,
    ) -> None:
        self._seed = seed
        #: How hard ``pick`` squeezes, for a channel nothing else made room in: 0 not at all, 1 the
        #: recipient's choice among the shorter half of the options, 2 the shortest option.
        self._squeeze = squeeze
        self._first = dict(first)
        self._again = dict(again)
        #: The user's texts by name, each with the facts it names ("reason" -> {"target"}).
        self._texts = dict(texts)
        self._said: set[str] = set()
        self._exclaimed = 0

    def fresh(self, *, squeeze: int = 0) -> Discourse:
        """Return a discourse with the same recipient and facts, and nothing said yet; *squeeze*
        (1, 2) makes every ``pick`` choose among its shorter options, or take the shortest."""
        return Discourse(self._seed, self._first, self._again, self._texts, squeeze=squeeze)

    def functions(self) -> dict[str, Any]:
        """Return the functions templates call, by name: pick, said, mention, tell, temper, names,
        note."""
        return {
            "pick": self.pick,
            "said": self.said,
            "mention": self.mention,
            "tell": self.tell,
            "temper": self.temper,
            "names": self.names,
            "note": self.note,
        }

    def start_block(self) -> None:
        """Forget what the previous block said: a subject and a body are read as separate texts."""
        self._said = set()
        self._exclaimed = 0

    def temper(self, sentence: Any, own: bool = False) -> str:
        """Return *sentence* with its closing "!" while fewer than :data:`EXCLAMATIONS` were said in
        this block, else ending in a full stop; the user's *own* words are counted, never changed."""
        text = str(sentence)
        end = text.rstrip()
        if not own and end.endswith("!") and self._exclaimed >= EXCLAMATIONS:
            calm = end.rstrip("!").rstrip() + "."
            if calm.count("\u00a1") >= end.count("!"):  # Spanish opens its "!" with an inverted one
                at = calm.rindex("\u00a1")
                calm = calm[:at] + calm[at + 1 :][:1].upper() + calm[at + 2 :]
            return calm + text[len(end) :]
        self._exclaimed += text.count("!")
        return text

    def tell(self, name: str) -> str:
        """Return the user's text *name* for the message, and count the facts it names as said, and
        its exclamation marks as spent ("I just passed my NCLEX!" leaves one "!" for the rest)."""
        if name not in self._texts:
            return ""
        text, names = self._texts[name]
        self._said.update(names)
        self._exclaimed += text.count("!")
        return text

    def names(self, name: str, fact: str) -> bool:
        """Return whether the user's text *name* names *fact*, before it is told: a template that
        asks first tells such a reason first instead ("I want to move into banking. Can you think
        of two people in that field ...?", not "... two people in banking? I want to move into
        banking.")."""
        return name in self._texts and fact in self._texts[name][1]

    def index(self, key: str, count: int) -> int:
        """Return a stable choice in ``range(count)`` for this recipient and *key*."""
        if count <= 1:
            return 0
        digest = hashlib.blake2b(f"{self._seed}\x1f{key}".encode(), digest_size=8).digest()
        return int.from_bytes(digest, "big") % count

    def pick(self, key: str, options: Sequence[Any]) -> Any:
        """Return one of *options*: the same for this recipient and *key* every time.

        Squeezed (see ``fresh``), the choice is among the shorter half of the options, by recipient
        still, or the shortest (the first of equals). An empty option is there for variety (no
        sign-off for some), not for room: a move a recipient would miss is kept, in fewer words.
        """
        if isinstance(options, str | bytes) or not options:
            raise TypeError("pick() takes a key and a non-empty list of options")
        if not self._squeeze:
            return options[self.index(str(key), len(options))]
        said = sorted((o for o in options if o != ""), key=lambda o: len(str(o))) or list(options)
        if self._squeeze > 1:
            return said[0]
        shorter = said[: (len(said) + 1) // 2]
        return shorter[self.index(str(key), len(shorter))]

    def note(self, fact: str, words: Any) -> str:
        """Return *words* (a phrasing already chosen) and count *fact* as said when they say it: a
        question that asks for time ("Would you have time to ...?", "have twenty minutes") is not
        followed by a way out that says so again ("Only if you have time.")."""
        text = str(words)
        if fact == "time" and _ASKS_FOR_TIME.search(text):
            self._said.add(fact)
        return text

    def said(self, fact: str) -> bool:
        """Return whether *fact* was already said (in the user's reason, or earlier in this block)."""
        return fact in self._said

    def mention(self, fact: str) -> str:
        """Return the words for *fact*: in full the first time, as a reference after that."""
        if fact not in self._first:
            known = ", ".join(sorted(self._first)) or "none"
            raise KeyError(f"mention() knows no fact {fact!r} (known: {known})")
        if fact in self._said and self._again.get(fact):
            return self._again[fact]
        self._said.add(fact)
        return self._first[fact]


#: An ask for time: "Would you have time to ...", "have a few minutes", "have twenty minutes".
_ASKS_FOR_TIME = re.compile(
    r"\bhave (?:time|a few minutes|twenty minutes|a moment|a minute)\b"
    r"|\b(?:un moment|vingt minutes|un momento|unos minutos|veinte minutos)\b"
)


#: A group's word after a company's name, which people leave out too: "Burberry Group Ltd." is "Burberry".
_GROUP_TAIL = re.compile(r"(?:\s*&\s*Co\.?|,?\s+(?:Group|Holdings))+$")


def names_company(text: str, company: str | None, *, nouns_capitalised: bool = False) -> bool:
    """Return whether *text* names *company* as people say it, without its legal form or group:
    "Burberry reposted the role" names "Burberry Group Ltd."; "the Salesforce Admin certification"
    names a certificate, not "Salesforce" (a capitalised word after the name makes it another name,
    except in a language that capitalises its nouns: "bei Siemens Erfahrung gesammelt")."""
    if not company:
        return False
    spoken = places.without_legal_form(company)
    forms = {company, spoken, _GROUP_TAIL.sub("", spoken).strip(), places.spoken(company)}
    another = "" if nouns_capitalised else r"(?!\s+[A-Z0-9&])"
    return any(
        re.search(rf"(?<!\w)(?i:{re.escape(form)})(?:['\u2019]s)?(?![\w'\u2019&]){another}", text)
        for form in forms
        if len(form) >= 3
    )


def _names_the_role(low: str, role: str) -> bool:
    """Return whether *low* names one opening of *role*, not the kind of job: "Datadog reposted the
    SRE role", "I applied for the data analyst position" (a referral is then for that role)."""
    return (
        re.search(
            rf"(?<!\w)(?:the|that|this|your)\s+(?:[\w-]+\s+)?{re.escape(role)}\s+"
            r"(?:role|position|job|opening|post|vacancy)(?!\w)",
            low,
        )
        is not None
    )


def _aims_at_the_role(low: str, role: str) -> bool:
    """Return whether *low* names the role as what the sender aims at ("into an HR business partner
    role", "become a data analyst", "a project manager job"), not in passing ("someone who made
    partner"): an ask may then refer back to it ("two people in that role")."""
    escaped = re.escape(role)
    return (
        re.search(
            rf"(?<!\w)(?:(?:a|an|as)\s+{escaped}(?!\w)|{escaped}s?\s+(?:role|job|position|career|work)s?(?!\w))",
            low,
        )
        is not None
    )


def named_facts(text: str, target: Mapping[str, Any], language: str = "en") -> frozenset[str]:
    """Return which facts the user's own words name: 'target' (where they aim), 'role', 'industry'."""
    low = text.casefold()

    def names(value: str | None) -> bool:
        return (
            bool(value) and re.search(rf"(?<!\w){re.escape(str(value).casefold())}s?(?!\w)", low) is not None
        )

    found = set()
    company = target["company"]
    place = company or target["industry"]
    german = primary(language) == "de"
    said = names_company(text, company, nouns_capitalised=german) if company else names(place)
    if said or (not place and names(target["role"])):
        found.add("target")
    if names(target["role"]):
        found.add("role")
        if primary(language) == "en" and _names_the_role(low, str(target["role"]).casefold()):
            found.add("the-role")
        if primary(language) == "en" and _aims_at_the_role(low, str(target["role"]).casefold()):
            found.add("role-aim")
    if names(target["industry"]):
        found.add("industry")
    return frozenset(found)
