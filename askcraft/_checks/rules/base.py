"""Shared machinery of the tone checkers: rules loaded from data files, options, spans."""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, cast, get_args

from askcraft._checks.context import CheckContext
from askcraft._checks.findings import Category, Finding, Severity
from askcraft._checks.rules.anchors import FOLDS as FOLDS  # noqa: PLC0414  (checkers' import)
from askcraft._checks.rules.anchors import anchored_matches, has_folds, rule_keys
from askcraft._checks.rules.anchors import phrase_pattern as phrase_pattern  # noqa: PLC0414  (checkers' import)
from askcraft._checks.rules.constructions import Construction, compile_construction, find
from askcraft._checks.rules.pairs import rule_follow
from askcraft._checks.rules.reading import read_sentences as read_sentences  # noqa: PLC0414  (checkers' import)
from askcraft._checks.rules.reading import sentences as sentences  # noqa: PLC0414  (checkers' import)
from askcraft._checks.rules.removal import clauses_around as clauses_around  # noqa: PLC0414  (checkers' import)
from askcraft._checks.rules.removal import remove_words as remove_words  # noqa: PLC0414  (checkers' import)
from askcraft._checks.rules.tokeniser import norms_in, word_set
from askcraft._errors import AskcraftError
from askcraft._yaml import safe_load

DATA = Path(__file__).parent / "data"
_CATEGORIES: tuple[str, ...] = get_args(Category)


class OptionError(AskcraftError, ValueError):
    """A check option (``ctx.options``) has an unknown name or a value of the wrong type."""


@dataclasses.dataclass(frozen=True)
class Rule:
    """One rule: its id, what it flags (phrases or code), what to say, and its examples."""

    id: str
    category: Category
    severity: Severity
    message: str
    #: The message as the command line says it, for messages that name an option or a field.
    cli_message: str = ""
    kinds: frozenset[str] | None = None
    channels: frozenset[str] | None = None
    pattern: re.Pattern[str] | None = None
    replacements: tuple[str, ...] = ()
    flag: tuple[Mapping[str, Any], ...] = ()
    passes: tuple[Mapping[str, Any], ...] = ()
    data: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    #: Every word a match can begin with, for a cheap pre-check; None when unknown (match anywhere).
    keys: frozenset[str] | None = None
    #: The pattern holds raw patterns, whose first words hold only where no letter folds (FOLDS).
    raw: bool = False
    #: For key words that only phrases start: the words that can come next (see pairs.rule_follow).
    follow: Mapping[str, frozenset[str]] = dataclasses.field(default_factory=dict)
    #: Patterns over words and word classes (see constructions.py), and those that exempt a sentence.
    constructions: tuple[Construction, ...] = ()
    unless: tuple[Construction, ...] = ()
    #: Characters one of which a match holds (``marks:``, e.g. an emoji): a text without them is not searched.
    marks: tuple[str, ...] = ()
    #: What the rule says and suggests in a message of one kind (``by_kind:``): a thank-you is not
    #: asked to "say you are following up". See :meth:`for_kind`.
    by_kind: Mapping[str, Mapping[str, Any]] = dataclasses.field(default_factory=dict)

    def for_kind(self, kind: str) -> Rule:
        """Return this rule as it speaks in a message of *kind*: with the message, rewrite and way of
        removing that its ``by_kind:`` data gives that kind, or itself when it gives none."""
        if kind not in self.by_kind:
            return self
        key = (self.id, kind)
        if key not in _FOR_KIND:
            given = self.by_kind[kind]
            _FOR_KIND[key] = dataclasses.replace(
                self,
                message=given.get("message", self.message),
                cli_message=given.get("cli_message", self.cli_message),
                replacements=given.get("replacements", self.replacements),
                data={**self.data, **({"remove": given["remove"]} if "remove" in given else {})},
            )
        return _FOR_KIND[key]

    def applies(self, ctx: CheckContext) -> bool:
        """Return whether this rule looks at messages of this kind and channel."""
        return (self.kinds is None or ctx.kind in self.kinds) and (
            self.channels is None or ctx.channel in self.channels
        )

    def finding(
        self,
        offset: int = 0,
        length: int = 0,
        *,
        replacements: tuple[str, ...] | None = None,
        field: str = "body",
        **values: Any,
    ) -> Finding:
        """Return a finding of this rule; *values* fill the ``{placeholders}`` of its message."""
        cli = self.cli_message.format(**values) if values else self.cli_message
        # By position, in Finding's order of fields: keywords would be packed into a dictionary.
        return Finding(
            self.category,
            self.severity,
            self.message.format(**values) if values else self.message,
            self.id,
            offset,
            length,
            self.replacements if replacements is None else replacements,
            "subject" if field == "subject" else "body",
            (),
            cli,
        )

    def matches(self, text: str) -> Iterator[re.Match[str]]:
        """Yield every match of this rule's phrases in *text*."""
        if self.pattern is None or (self.marks and not any(mark in text for mark in self.marks)):
            return
        if self.keys is None or (self.raw and has_folds(text)):
            yield from self.pattern.finditer(text)
        elif not self.keys.isdisjoint(word_set(text)):
            yield from anchored_matches(self.pattern, self.keys, text, self.follow)


#: Rules as they speak in one kind of message, by (rule id, kind): see :meth:`Rule.for_kind`.
_FOR_KIND: dict[tuple[str, str], Rule] = {}
_BY_KIND_KEYS = ("message", "cli_message", "replacements", "remove")
_REMOVALS = ("clause", "sentence", "mark")


def by_kind(rule_id: str, name: str, raw: Any) -> dict[str, dict[str, Any]]:
    """Return a rule's ``by_kind:`` data, checked: for each kind of message (request, reminder,
    thank-you), its own message, cli_message, replacements or way of removing (``remove:``)."""
    where = f"rule {rule_id!r} in {name}.yaml: by_kind"
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise AskcraftError(f"{where} must map a kind of message to what the rule says in it")
    return {str(kind): _kind_entry(f"{where}.{kind}", kind, given) for kind, given in raw.items()}


def _kind_entry(where: str, kind: Any, given: Any) -> dict[str, Any]:
    """Return what a rule says in one kind of message (see :func:`by_kind`), checked and tidied."""
    from askcraft._intent.model import KINDS  # noqa: PLC0415  (as check_context: no pydantic to read rules)

    if kind not in KINDS:
        raise AskcraftError(f"{where}: {kind!r} is not a kind of message; use one of {', '.join(KINDS)}")
    if not isinstance(given, Mapping) or not given:
        raise AskcraftError(f"{where} must give at least one of {', '.join(_BY_KIND_KEYS)}")
    unknown = sorted(set(given) - set(_BY_KIND_KEYS))
    if unknown:
        raise AskcraftError(f"{where}: unknown key {unknown[0]!r}; use {', '.join(_BY_KIND_KEYS)}")
    entry: dict[str, Any] = {}
    for key in ("message", "cli_message"):
        if key in given:
            if not isinstance(given[key], str) or not given[key].strip():
                raise AskcraftError(f"{where}.{key} must be text")
            entry[key] = " ".join(given[key].split())
    if "replacements" in given:
        values = given["replacements"]
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise AskcraftError(f"{where}.replacements must be a list of texts")
        entry["replacements"] = tuple(values)
    if "remove" in given:
        if given["remove"] not in _REMOVALS:
            raise AskcraftError(f"{where}.remove must be one of {', '.join(_REMOVALS)}")
        entry["remove"] = given["remove"]
    return entry


def _examples(raw: list[Any] | None) -> tuple[Mapping[str, Any], ...]:
    return tuple({"text": e} if isinstance(e, str) else dict(e) for e in raw or [])


@functools.cache
def _load(name: str) -> tuple[dict[str, Rule], dict[str, Any], dict[str, Any], dict[str, Any]]:
    spec = safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8"))
    classes = spec.get("classes", {})
    rules: dict[str, Rule] = {}
    for rule_id, entry in spec.get("rules", {}).items():
        category = rule_id.partition(".")[0]
        if category not in _CATEGORIES:
            raise AskcraftError(f"rule {rule_id!r} in {name}.yaml: its prefix is not a finding category")
        phrases, patterns = entry.get("phrases", []), entry.get("patterns", [])
        examples = entry.get("examples", {})
        rules[rule_id] = Rule(
            id=rule_id,
            category=cast(Category, category),
            severity=entry.get("severity", "warning"),
            message=" ".join(entry["message"].split()),
            cli_message=" ".join(entry.get("cli_message", "").split()),
            kinds=frozenset(entry["kinds"]) if "kinds" in entry else None,
            channels=frozenset(entry["channels"]) if "channels" in entry else None,
            pattern=phrase_pattern(phrases, patterns) if phrases or patterns else None,
            replacements=tuple(entry.get("replacements", ())),
            flag=_examples(examples.get("flag")),
            passes=_examples(examples.get("pass")),
            data=entry.get("data", {}),
            keys=rule_keys(phrases, patterns),
            follow=rule_follow(phrases, patterns),
            raw=bool(patterns),
            constructions=tuple(compile_construction(c, classes) for c in entry.get("constructions", ())),
            unless=tuple(compile_construction(c, classes) for c in entry.get("unless", ())),
            marks=tuple(entry.get("marks", ())),
            by_kind=by_kind(rule_id, name, entry.get("by_kind")),
        )
    return rules, dict(spec.get("options", {})), dict(spec.get("lexicon", {})), dict(classes)


@functools.cache  # one look-up: checkers ask for their rules on every text
def rules(name: str) -> dict[str, Rule]:
    """Return the rules of the checker data file ``data/<name>.yaml`` by id."""
    return _load(name)[0]


@functools.cache
def lexicon(name: str) -> dict[str, Any]:
    """Return the shared word lists of ``data/<name>.yaml``."""
    return _load(name)[2]


@functools.cache
def word_classes(name: str) -> dict[str, Any]:
    """Return the word classes (``@name`` in constructions) of ``data/<name>.yaml``."""
    return _load(name)[3]


#: How a switch may be written.
_SWITCH = {
    **dict.fromkeys(("on", "true", "yes", "1"), True),
    **dict.fromkeys(("off", "false", "no", "0"), False),
}


def option(ctx: CheckContext, name: str, key: str) -> Any:
    """Return option *key* (e.g. ``"patience.min_days"``) from ctx.options, else the data file's default."""
    if key not in ctx.options:
        return _default(name, key)
    defaults = _load(name)[1]
    if key not in defaults:
        raise OptionError(f"unknown check option {key!r}; known: {', '.join(sorted(defaults))}")
    return coerce_option(key, ctx.options[key], defaults[key])


@functools.cache
def _default(name: str, key: str) -> Any:
    """Return the default of option *key* of ``data/<name>.yaml``, as :func:`option` gives it."""
    defaults = _load(name)[1]
    if key not in defaults:
        raise OptionError(f"unknown check option {key!r}; known: {', '.join(sorted(defaults))}")
    return coerce_option(key, defaults[key], defaults[key])


def coerce_option(key: str, value: Any, default: Any) -> Any:
    """Return *value* as the type of the option's *default* (options given as text are converted).

    A switch (a bool default) is on or off, written as a bool or as text ("on", "off", "yes",
    "true"...); a number may be written as text.
    """
    if isinstance(default, bool):
        if not isinstance(value, bool) and str(value).lower() not in _SWITCH:
            raise OptionError(f"check option {key!r} is on or off, not {value!r}")
        return value if isinstance(value, bool) else _SWITCH[str(value).lower()]
    if default is not None and not isinstance(value, type(default)):
        try:
            value = type(default)(value)
        except (TypeError, ValueError):
            raise OptionError(
                f"check option {key!r} must be a {type(default).__name__}, not {value!r}"
            ) from None
    return value


def default_options(name: str) -> dict[str, Any]:
    """Return the options ``data/<name>.yaml`` declares, with their defaults."""
    return dict(_load(name)[1])


def whole(text: str) -> tuple[int, int]:
    """Return the span of *text* without leading and trailing space (for whole-message findings)."""
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    return lead, len(stripped)


def run_phrase_rules(ctx: CheckContext, name: str) -> list[Finding]:
    """Flag every match of every phrase rule in ``data/<name>.yaml`` that applies to *ctx*.

    Only the rules that can match are gone through (in the data file's order): those whose key
    words the text has, those without keys, and, in a text with a letter that folds to an ASCII
    one, those with raw patterns (see :meth:`Rule.matches`).
    """
    found = []
    text = ctx.text
    table, by_word, keys, anywhere, raw = _phrase_index(name)
    numbers = {number for word in keys & word_set(text) for number in by_word[word]}
    numbers.update(anywhere)
    if raw and has_folds(text):
        numbers.update(raw)
    for number in sorted(numbers):
        rule = table[number]
        if not rule.applies(ctx):
            continue
        rule = rule.for_kind(ctx.kind)
        for match in rule.matches(text):
            if rule.unless and _excepted(rule, text, match.start()):
                continue
            found.append(removal_finding(rule, text, match.start(), match.end()))
    return found


def sentence_around(text: str, at: int) -> tuple[int, int] | None:
    """Return ``(start, end)`` of the sentence that holds offset *at*, or None if none does."""
    return next(((a, b) for a, b in sentences(text) if a <= at < b), None)


def _excepted(rule: Rule, text: str, at: int) -> bool:
    """Return whether the sentence around *at* matches one of *rule*'s ``unless`` constructions."""
    start, end = sentence_around(text, at) or (0, len(text))
    return any(find(rule.unless, norms_in(text, start, end)))


@functools.cache
def _phrase_index(
    name: str,
) -> tuple[tuple[Rule, ...], dict[str, tuple[int, ...]], frozenset[str], tuple[int, ...], tuple[int, ...]]:
    """Return the phrase rules of ``data/<name>.yaml``, by number: by key word, the key words (a set,
    which meets a text's words faster than the dictionary's keys do), without keys, raw."""
    table = tuple(rule for rule in rules(name).values() if rule.pattern is not None)
    by_word: dict[str, list[int]] = {}
    for number, rule in enumerate(table):
        for word in rule.keys or ():
            by_word.setdefault(word, []).append(number)
    anywhere = tuple(number for number, rule in enumerate(table) if rule.keys is None)
    raw = tuple(number for number, rule in enumerate(table) if rule.raw)
    index = {word: tuple(numbers) for word, numbers in by_word.items()}
    return table, index, frozenset(index), anywhere, raw


def removal_finding(rule: Rule, text: str, start: int, end: int) -> Finding:
    """Return *rule*'s finding on ``text[start:end]``; a rule that removes words gets a tidy removal."""
    sentence = sentence_around(text, start) or (start, end)
    if len(rule.replacements) == 1 and rule.replacements[0].endswith((".", "!", "?")):
        return rule.finding(sentence[0], sentence[1] - sentence[0])  # a sentence replaces a sentence
    if rule.replacements != ("",):
        return rule.finding(start, end - start)
    if rule.data.get("remove") == "sentence":
        start, end = sentence
    elif rule.data.get("remove") == "clause":
        start, end = clauses_around(text, *sentence, [(start, end)])
    elif rule.data.get("remove") == "mark":
        # A mark (pressure.sarcasm) says what the clause it closes means, and often ends its sentence
        # unstopped: "only took you a month 🙃 Her email's in my drafts" keeps the sentence after it.
        if text[end : sentence[1]].lstrip()[:1].isupper():
            sentence = (sentence[0], end)
        start, end = clauses_around(text, *sentence, [(start, end)])
        a, b, fix = remove_words(text, sentence, start, end)
        if not fix and b == sentence[1] and a > sentence[0] and text[a - 1] not in ".!?\u2026":
            fix = "."  # the mark ended the sentence: what is left of it needs a full stop
        return rule.finding(a, b - a, replacements=(fix,))
    a, b, fix = remove_words(text, sentence, start, end)
    return rule.finding(a, b - a, replacements=(fix,))


def example_context(example: Mapping[str, Any]) -> CheckContext:
    """Return the context an example of a rule's data file describes (text plus optional fields)."""
    kind = example.get("kind", "request")
    channel = example.get("channel", "email")
    intent = None
    if "intent" in example:
        from askcraft._intent.model import Intent  # noqa: PLC0415  (only examples need the model)

        fields = {
            "kind": kind,
            "goal": "job-leads",
            "channel": channel,
            "recipient": {"name": "Sam Lee", "relationship": "friend"},
            "sender": {"name": "Alex Kim"},
            **example["intent"],
        }
        intent = Intent.parse(fields)
    return CheckContext(
        text=example["text"],
        kind=kind,
        channel=channel,
        subject=example.get("subject"),
        intent=intent,
        names=tuple(example.get("names", ())),
        send_date=example.get("send_date"),
        options=dict(example.get("options", {})),
    )


def known_options() -> dict[str, Any]:
    """Return every check option any data file declares, with its default."""
    options: dict[str, Any] = {}
    for path in sorted(DATA.glob("*.yaml")):
        if not path.stem.startswith("politeness_"):
            options.update(default_options(path.stem))
    return options
