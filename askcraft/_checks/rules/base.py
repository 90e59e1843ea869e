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
from askcraft._checks.tone_model import anchored_matches, first_words, starts_with_word, word_set
from askcraft._errors import AskcraftError
from askcraft._yaml import safe_load

DATA = Path(__file__).parent / "data"
_CATEGORIES: tuple[str, ...] = get_args(Category)
_APOSTROPHES = "'\u2019"
#: A sentence ends at end punctuation followed by space, or at a line break.
_SENTENCE_END = re.compile(r"[.!?]+[\"\u201d'\u2019)\]]*(?=\s|$)|\n")


class OptionError(AskcraftError, ValueError):
    """A check option (``ctx.options``) has an unknown name or a value of the wrong type."""


@dataclasses.dataclass(frozen=True)
class Rule:
    """One rule: its id, what it flags (phrases or code), what to say, and its examples."""

    id: str
    category: Category
    severity: Severity
    message: str
    kinds: frozenset[str] | None = None
    channels: frozenset[str] | None = None
    pattern: re.Pattern[str] | None = None
    replacements: tuple[str, ...] = ()
    flag: tuple[Mapping[str, Any], ...] = ()
    passes: tuple[Mapping[str, Any], ...] = ()
    data: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    #: First words of the phrases, for a cheap pre-check; None when raw patterns may match anything.
    keys: frozenset[str] | None = None

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
        return Finding(
            category=self.category,
            severity=self.severity,
            message=self.message.format(**values) if values else self.message,
            rule=self.id,
            offset=offset,
            length=length,
            replacements=self.replacements if replacements is None else replacements,
            field="subject" if field == "subject" else "body",
        )

    def matches(self, text: str) -> Iterator[re.Match[str]]:
        """Yield every match of this rule's phrases in *text*."""
        if self.pattern is None:
            return
        if self.keys is None:
            yield from self.pattern.finditer(text)
        elif not self.keys.isdisjoint(word_set(text)):
            yield from anchored_matches(self.pattern, self.keys, text)


def phrase_pattern(phrases: list[str], patterns: list[str] | None = None) -> re.Pattern[str]:
    """Compile phrases (matched on word boundaries, any case, flexible spaces) and raw regexes."""
    parts = []
    for phrase in sorted({str(p).lower() for p in phrases}, key=len, reverse=True):
        body = r"\s+".join(re.escape(word) for word in phrase.split())
        parts.append(body.replace("'", f"[{_APOSTROPHES}]"))
    parts.extend(patterns or [])
    joined = "|".join(parts)
    # A hyphen joins words ("once-a-week"), so a phrase must not touch one either.
    return re.compile(rf"(?<![\w{_APOSTROPHES}-])(?:{joined})(?![\w{_APOSTROPHES}]|-\w)", re.IGNORECASE)


def _examples(raw: list[Any] | None) -> tuple[Mapping[str, Any], ...]:
    return tuple({"text": e} if isinstance(e, str) else dict(e) for e in raw or [])


@functools.cache
def _load(name: str) -> tuple[dict[str, Rule], dict[str, Any], dict[str, Any]]:
    spec = safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8"))
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
            kinds=frozenset(entry["kinds"]) if "kinds" in entry else None,
            channels=frozenset(entry["channels"]) if "channels" in entry else None,
            pattern=phrase_pattern(phrases, patterns) if phrases or patterns else None,
            replacements=tuple(entry.get("replacements", ())),
            flag=_examples(examples.get("flag")),
            passes=_examples(examples.get("pass")),
            data=entry.get("data", {}),
            keys=None if patterns or not starts_with_word(phrases) else first_words(phrases),
        )
    return rules, dict(spec.get("options", {})), dict(spec.get("lexicon", {}))


def rules(name: str) -> dict[str, Rule]:
    """Return the rules of the checker data file ``data/<name>.yaml`` by id."""
    return _load(name)[0]


def lexicon(name: str) -> dict[str, Any]:
    """Return the shared word lists of ``data/<name>.yaml``."""
    return _load(name)[2]


def option(ctx: CheckContext, name: str, key: str) -> Any:
    """Return option *key* (e.g. ``"patience.min_days"``) from ctx.options, else the data file's default."""
    defaults = _load(name)[1]
    if key not in defaults:
        raise OptionError(f"unknown check option {key!r}; known: {', '.join(sorted(defaults))}")
    value = ctx.options.get(key, defaults[key])
    default = defaults[key]
    if default is not None and not isinstance(value, type(default)):
        # Options given on the command line arrive as text; accept numbers written as text.
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


@functools.lru_cache(maxsize=256)
def sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Return ``(start, end)`` of every non-blank sentence, spaces trimmed."""
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    trimmed = []
    for begin, end in spans:
        piece = text[begin:end]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            trimmed.append((begin + lead, begin + lead + len(stripped)))
    return tuple(trimmed)


def whole(text: str) -> tuple[int, int]:
    """Return the span of *text* without leading and trailing space (for whole-message findings)."""
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    return lead, len(stripped)


def run_phrase_rules(ctx: CheckContext, name: str) -> list[Finding]:
    """Flag every match of every phrase rule in ``data/<name>.yaml`` that applies to *ctx*."""
    found = []
    for rule in rules(name).values():
        if rule.pattern is None or not rule.applies(ctx):
            continue
        for match in rule.matches(ctx.text):
            found.append(rule.finding(match.start(), match.end() - match.start()))
    return found


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
