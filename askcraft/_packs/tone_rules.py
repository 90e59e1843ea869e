"""A pack's own tone rules: phrases to flag or swap, in the format of the built-in rule files.

The file a manifest names under ``tone_rules`` looks like the built-in data files in
``askcraft/_checks/rules/data/``::

    rules:
      pressure.hustle:            # <category>.<name>; the category is a finding category
        phrases: [hustle, grind]
        message: Say what you want to learn, not how hard you will grind.
        replacements: [learn]     # optional: the swap a reader is offered
        severity: warning         # optional: error, warning (default) or suggestion
        kinds: [request]          # optional: only these kinds / channels
        examples:
          flag: [I am ready to hustle.]
          pass: [I am ready to learn.]

Only ``phrases`` are accepted, never ``patterns``: a regular expression from somebody
else's file can take exponential time, a phrase list cannot.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from askcraft._checks.findings import CATEGORIES, Finding
from askcraft._errors import IntentError, PackError
from askcraft._intent.model import CHANNELS
from askcraft._packs.files import PackFiles, read_pack_file
from askcraft._packs.text import refuse_unsafe_text
from askcraft._yaml import YamlLines, parse_yaml_fast

if TYPE_CHECKING:
    from askcraft._checks.context import CheckContext
    from askcraft._checks.rules.base import Rule

MAX_RULES = 100
MAX_PHRASES = 500
#: Phrases in all of a pack's rules together, and their characters: compiling the phrases into
#: patterns costs about 20 microseconds a character, once per loaded pack.
MAX_TOTAL_PHRASES = 1000
MAX_TOTAL_PHRASE_CHARS = 20_000
#: The largest tone rules file read (1,000 phrases of 80 characters fit with room to spare).
MAX_RULES_BYTES = 128 * 1024


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class _Examples(_Model):
    flag: tuple[str, ...] = Field(min_length=1)
    pass_: tuple[str, ...] = Field(alias="pass", min_length=1)


class ToneRuleSpec(_Model):
    """One pack tone rule as written in the rules file."""

    phrases: tuple[str, ...] = Field(min_length=1, max_length=MAX_PHRASES)
    message: str = Field(min_length=1, max_length=400)
    replacements: tuple[str, ...] = ()
    severity: Literal["error", "warning", "suggestion"] = "warning"
    kinds: tuple[Literal["request", "reminder", "thank-you"], ...] | None = None
    channels: tuple[str, ...] | None = None
    examples: _Examples

    @field_validator("phrases")
    @classmethod
    def _phrases(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for phrase in value:
            if not phrase.strip() or len(phrase) > 80:
                raise ValueError(f"phrase {phrase!r} must be 1 to 80 characters")
        return value

    @field_validator("channels")
    @classmethod
    def _channels(cls, value: tuple[str, ...] | None) -> tuple[str, ...] | None:
        bad = [c for c in value or () if c not in CHANNELS]
        if bad:
            raise ValueError(f"unknown channel {bad[0]!r}; accepted: {', '.join(CHANNELS)}")
        return value


class ToneRulesFile(_Model):
    """The whole rules file."""

    rules: dict[str, ToneRuleSpec] = Field(max_length=MAX_RULES)

    @field_validator("rules")
    @classmethod
    def _ids(cls, value: dict[str, ToneRuleSpec]) -> dict[str, ToneRuleSpec]:
        total = sum(len(rule.phrases) for rule in value.values())
        chars = sum(len(phrase) for rule in value.values() for phrase in rule.phrases)
        if total > MAX_TOTAL_PHRASES or chars > MAX_TOTAL_PHRASE_CHARS:
            raise ValueError(
                f"{total} phrases of {chars} characters in all; a pack may have at most "
                f"{MAX_TOTAL_PHRASES} phrases and {MAX_TOTAL_PHRASE_CHARS:,} characters across its rules "
                "(keep the phrases your voice really avoids)"
            )
        for rule_id in value:
            category, dot, name = rule_id.partition(".")
            if not dot or not name or category not in CATEGORIES:
                raise ValueError(
                    f"rule id {rule_id!r} must be <category>.<name>, the category one of: "
                    f"{', '.join(CATEGORIES)}"
                )
        return value


def load_tone_rules(files: PackFiles, pack: str, file: str) -> tuple[Rule, ...]:
    """Read and validate the tone rules *file* of the pack *pack*; errors name pack, file, line.

    The file is read without following links and may hold at most MAX_RULES_BYTES.
    """
    from askcraft._checks.rules.base import Rule, phrase_pattern  # noqa: PLC0415

    rel = PurePosixPath(file).as_posix()
    try:
        raw = read_pack_file(files, rel, MAX_RULES_BYTES)
    except FileNotFoundError:
        raise PackError(
            f"pack '{pack}': tone rules file {file!r} does not exist in the pack", pack=pack, file=file
        ) from None
    except PackError as exc:
        raise PackError(f"pack '{pack}': {exc}", pack=pack, file=file) from None
    try:
        text = raw.decode("utf-8-sig")
        data = parse_yaml_fast(text, source=str(files.shown / rel))
    except UnicodeDecodeError:
        raise PackError(f"pack '{pack}', {file}: not UTF-8 text", pack=pack, file=file) from None
    except IntentError as exc:
        raise PackError(f"pack '{pack}': {exc}", pack=pack, file=file) from None
    refuse_unsafe_text(data, text, files.shown / rel, pack=pack)
    try:
        spec = ToneRulesFile.model_validate(data)
    except ValidationError as exc:
        problems = []
        lines = YamlLines(text)
        errors = exc.errors(include_url=False)
        for err in errors[:20]:
            line = lines.line(err["loc"])
            loc = ".".join(str(p) for p in err["loc"])
            where = f"line {line}: " if line else ""
            problems.append(f"{where}{loc}: {err['msg'].removeprefix('Value error, ')}")
        if len(errors) > 20:
            problems.append(f"... and {len(errors) - 20} more")
        raise PackError(
            f"pack '{pack}', {file}: invalid tone rules:\n  " + "\n  ".join(problems),
            pack=pack,
            file=file,
        ) from None
    rules = []
    for rule_id, entry in spec.rules.items():
        rules.append(
            Rule(
                id=rule_id,
                category=rule_id.partition(".")[0],  # type: ignore[arg-type]  # checked above
                severity=entry.severity,
                message=" ".join(entry.message.split()),
                kinds=frozenset(entry.kinds) if entry.kinds else None,
                channels=frozenset(entry.channels) if entry.channels else None,
                pattern=phrase_pattern(list(entry.phrases)),
                replacements=entry.replacements,
                flag=tuple({"text": t} for t in entry.examples.flag),
                passes=tuple({"text": t} for t in entry.examples.pass_),
            )
        )
    return tuple(rules)


def run_tone_rules(rules: tuple[Rule, ...], ctx: CheckContext) -> list[Finding]:
    """Flag every phrase of every pack rule that applies to the message."""
    found: list[Finding] = []
    for rule in rules:
        if not rule.applies(ctx):
            continue
        for match in rule.matches(ctx.text):
            found.append(rule.finding(match.start(), match.end() - match.start()))
        if ctx.subject:
            for match in rule.matches(ctx.subject):
                found.append(rule.finding(match.start(), match.end() - match.start(), field="subject"))
    return found


def example_problems(rules: tuple[Rule, ...]) -> list[str]:
    """Return each rule example that does not behave as it says (flag must match, pass must not)."""
    problems = []
    for rule in rules:
        for example in rule.flag:
            if not list(rule.matches(str(example["text"]))):
                problems.append(f"{rule.id}: example {example['text']!r} should be flagged but is not")
        for example in rule.passes:
            if list(rule.matches(str(example["text"]))):
                problems.append(f"{rule.id}: example {example['text']!r} should pass but is flagged")
    return problems


def describe(rules: tuple[Rule, ...]) -> list[dict[str, Any]]:
    """Return the rules as plain data, for ``packs show``."""
    return [{"id": r.id, "severity": r.severity, "message": r.message} for r in rules]
