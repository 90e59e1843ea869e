"""The intent as ``askcraft draft`` fills it in: each field's flag and question, what is still missing
or invalid (and whether a flag or the intent file gave the bad value), and asking at a terminal."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import click

from askcraft._errors import IntentError
from askcraft._intent.model import CHANNELS, GOALS, KINDS, MAX_COUNT, RELATIONSHIPS

if TYPE_CHECKING:
    from askcraft._packs.pack import Pack


@dataclasses.dataclass(frozen=True)
class _Field:
    """One intent field as the command line knows it: its flag, question and help."""

    path: str
    flag: str
    question: str
    help: str
    choices: tuple[str, ...] = ()
    number: bool = False


FIELDS: tuple[_Field, ...] = (
    _Field("kind", "KIND", "Which message", "request, reminder or thank-you", KINDS),
    _Field("goal", "--goal", "What are you asking for", "the kind of help you want", GOALS),
    _Field("recipient.name", "--to", "Who are you writing to", "their name, e.g. Sam Lee"),
    _Field(
        "recipient.relationship",
        "--relationship",
        "How do you know them",
        "sets the voice: warm for friends and family, more formal otherwise",
        RELATIONSHIPS,
    ),
    _Field("sender.name", "--from", "Your name", "how you sign, e.g. Alex Kim"),
    _Field(
        "sender.reason",
        "--reason",
        "Why are you making this change",
        "one positive sentence, e.g. 'I want to put my math degree to work in finance'",
    ),
    _Field(
        "count",
        "--count",
        "How many names are you asking for",
        f"a number from 1 to {MAX_COUNT}; one to five is best",
        number=True,
    ),
    _Field("industry", "--industry", "Which industry", "e.g. banking (or give --role or --company)"),
    _Field("role", "--role", "Which role", "e.g. data analyst"),
    _Field("company", "--company", "Which company", "e.g. Acme Bank"),
    _Field(
        "details", "--details", "What is the favour", "as it would follow 'could you', e.g. 'look over my CV'"
    ),
    _Field("help", "--what-they-did", "What did they do", "as it would follow 'thank you for'"),
    _Field("recipient.company", "--recipient-company", "Where do they work", "e.g. Acme Bank"),
    _Field("channel", "--channel", "Where will you send it", "email unless you say otherwise", CHANNELS),
)
_BY_PATH = {f.path: f for f in FIELDS}
#: Fields every intent needs, whatever the pack says.
ALWAYS = ("kind", "goal", "recipient.name", "recipient.relationship", "sender.name")
#: The intent values that decide what else a message needs, in the order they are explained.
_DECIDERS = {"kind": "kind", "goal": "goal", "channel": "channel"}


def set_path(data: dict[str, Any], dotted: str, value: Any) -> None:
    """Set a dotted path (``recipient.name``) in nested mappings, creating parents as needed."""
    *parents, leaf = dotted.split(".")
    node = data
    for part in parents:
        child = node.get(part)
        if not isinstance(child, dict):
            child = {}
            node[part] = child
        node = child
    node[leaf] = value


@dataclasses.dataclass(frozen=True)
class Invalid:
    """A value that was given but is wrong: where it is, what is wrong, and who gave it."""

    path: str
    message: str
    #: The flag that gave it (``--to``), or None when it came from the intent file.
    flag: str | None
    #: Whether a question at the terminal can replace it.
    askable: bool


@dataclasses.dataclass(frozen=True)
class Problems:
    """Everything that stops an intent from being drafted, found in one pass."""

    #: Field specs needed whatever the unknown kind or goal turns out to be ("count", "industry|role").
    missing: list[str]
    #: Field specs needed only for some kinds or goals: (condition, spec), e.g. ({"goal": ("favour",)}, ...).
    depending: list[tuple[dict[str, tuple[str, ...]], str]]
    invalid: list[Invalid]

    def __bool__(self) -> bool:
        return bool(self.missing or self.depending or self.invalid)


def find_problems(
    data: dict[str, Any], stack: Sequence[Pack], flags: Mapping[str, str], *, asked: Sequence[str] = ()
) -> Problems:
    """Return every missing and invalid field of *data* for the pack that would draft it.

    *flags* maps each dotted path a flag set to that flag, so a bad value is blamed on the flag that
    gave it rather than on the intent file.
    """
    from askcraft._packs.fields import check_extra, lookup, unmet_requirements  # noqa: PLC0415

    pack = _drafting_pack(data, stack)
    missing = [path for path in ALWAYS if lookup(data, path) in (None, "")]
    depending: list[tuple[dict[str, tuple[str, ...]], str]] = []
    for condition, spec in unmet_requirements(pack, data):
        if condition:
            depending.append((condition, spec))
        elif spec not in missing:
            missing.append(spec)
    missing_paths = {path for spec in missing for path in spec.split("|")}
    invalid = [
        problem
        for problem in _model_problems(data, flags)
        if problem.path not in missing_paths and problem.path not in asked
    ]
    extra = lookup(data, "extra")
    if isinstance(extra, dict):
        _, extra_problems = check_extra(pack, extra, stack=stack)
        for text in extra_problems:
            path, _, message = text.partition(": ")
            if lookup(data, path) is None:  # a field the pack requires: missing, not invalid
                missing.append(path)
            else:
                invalid.append(Invalid(path, message, flags.get(path), askable=False))
    return Problems(missing, depending, invalid)


def _drafting_pack(data: dict[str, Any], stack: Sequence[Pack]) -> Pack:
    """Return the pack whose template would draft *data* (the first one, while that is unknown)."""
    kind, goal, channel = data.get("kind"), data.get("goal"), data.get("channel") or "email"
    language = data.get("language") if isinstance(data.get("language"), str) else "en-US"
    if kind in KINDS and goal in GOALS and channel in CHANNELS:
        for pack in stack:
            if pack.entries_for(kind, goal, channel, str(language)):
                return pack
    return stack[0]


def _model_problems(data: dict[str, Any], flags: Mapping[str, str]) -> list[Invalid]:
    """Validate *data* against the intent model; return the wrong values (not the missing ones)."""
    from pydantic import ValidationError  # noqa: PLC0415

    from askcraft._intent.model import Intent  # noqa: PLC0415

    try:
        Intent.model_validate(data)
    except ValidationError as exc:
        problems: list[Invalid] = []
        for err in exc.errors(include_url=False):
            if err["type"] == "missing":
                continue  # listed as missing, with its flag
            path = ".".join(str(part) for part in err["loc"]) or "(intent)"
            if err["type"] == "extra_forbidden":
                message = "unknown field (put pack-specific fields under 'extra')"
            else:
                message = _must(err["type"], err["msg"], err.get("ctx") or {})
                got = err.get("input")
                if isinstance(got, str | int | float) and len(repr(got)) < 60:
                    message += f" (got {got!r})"
            problems.append(Invalid(path, message, flags.get(path), askable=path in _BY_PATH))
        return problems
    return []


def _must(kind: str, message: str, ctx: dict[str, Any]) -> str:
    """Say what a value must be, in the words the rest of askcraft uses ("must be at most 120 characters")."""
    if kind == "string_too_long":
        return f"must be at most {ctx['max_length']} characters"
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return "must be a whole number"
    if kind in {"date_parsing", "date_from_datetime_parsing", "date_type"}:
        return "must be a date written YYYY-MM-DD"
    if kind == "string_unicode":
        return "must be UTF-8 text (it has bytes that are not; check your terminal's encoding)"
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return "must be a mapping of fields (key: value lines, indented under it)"
    message = message.removeprefix("Value error, ")
    for prefix in ("Input should ", "String should ", "Dictionary should "):
        if message.startswith(prefix):
            return "must " + message.removeprefix(prefix)
    return message


def describe(spec: str) -> str:
    """Return a field spec as a reader sees it: 'industry or role (--industry or --role)'."""
    flags = [_flag_of(path) for path in spec.split("|")]
    shown = f"{spec.replace('|', ' or ')} ({' or '.join(flags)})"
    field = _BY_PATH.get(spec)
    if field is not None and field.choices:
        shown += f": {', '.join(field.choices[:-1])} or {field.choices[-1]}"
    return shown


def _flag_of(path: str) -> str:
    if path in _BY_PATH:
        return _BY_PATH[path].flag
    if path.startswith("extra."):
        return f"--set {path.removeprefix('extra.')}=..."
    return path


def _condition(condition: dict[str, tuple[str, ...]]) -> str:
    parts = []
    if "kind" in condition:
        parts.append(" or ".join(f"a {kind}" for kind in condition["kind"]))
    if "goal" in condition:
        parts.append(f"goal {' or '.join(condition['goal'])}")
    if "channel" in condition:
        parts.append(f"channel {' or '.join(condition['channel'])}")
    return "for " + ", ".join(parts)


def report(problems: Problems, *, intent_file: str | None) -> IntentError:
    """Return an IntentError listing every problem; a bad value names the flag or file that gave it."""
    lines: list[str] = [describe(spec) for spec in problems.missing]
    for bad in problems.invalid:
        where = bad.flag if bad.flag is not None else f"{intent_file or 'intent'}: {bad.path}"
        lines.append(f"{where}: {bad.message}")
    if problems.depending:
        on = [d for d in _DECIDERS if any(d in cond for cond, _ in problems.depending)]
        lines.append(f"and, depending on the {' and '.join(on)}:")
        groups: dict[str, list[str]] = {}
        for condition, spec in problems.depending:
            groups.setdefault(_condition(condition), []).append(describe(spec))
        lines += [f"  {when}: {'; '.join(specs)}" for when, specs in groups.items()]
    counts = []
    if problems.missing:
        n = len(problems.missing)
        counts.append(f"missing {n} field{'s' if n != 1 else ''}")
    if problems.invalid:
        n = len(problems.invalid)
        counts.append(f"{n} invalid value{'s' if n != 1 else ''}")
    where = " or in the intent file" if intent_file else ""
    how = "fix them all and run again" if problems.invalid else f"pass them as flags{where}"
    message = f"{' and '.join(counts)}; {how}:\n  " + "\n  ".join(lines)
    return IntentError(message, problems=lines, source=intent_file)


def ask_all(data: dict[str, Any], stack: Sequence[Pack], flags: dict[str, str]) -> None:
    """Ask at the terminal for every missing field and replace every refused value, each once.

    Answers are checked as they are typed; only an answer that fails is asked again. Answering the
    kind or goal can reveal fields the chosen message needs, which are asked in the same pass.
    """
    asked: list[str] = []
    while True:
        problems = find_problems(data, stack, flags, asked=asked)
        if any(not bad.askable for bad in problems.invalid):
            return  # a question cannot fix this (an unknown field in the file): report it all
        pending = [spec for spec in problems.missing if spec not in asked]
        pending += [bad.path for bad in problems.invalid if bad.path not in asked]
        if not pending:
            return
        spec = min(pending, key=_position)  # in the order of FIELDS: kind and goal first
        refused = next((bad for bad in problems.invalid if bad.path == spec), None)
        if refused is not None:
            where = refused.flag or "the intent file"
            click.echo(f"The {spec} from {where} was refused: {refused.message}.", err=True)
            flags.pop(spec, None)
        asked.append(spec)
        _ask(spec, data)


def _position(spec: str) -> int:
    path = spec.split("|", maxsplit=1)[0]
    return list(_BY_PATH).index(path) if path in _BY_PATH else len(_BY_PATH)


def _ask(spec: str, data: dict[str, Any]) -> None:
    """Ask for one field on the terminal, validating each answer as it is typed."""
    path = spec.split("|", maxsplit=1)[0]
    field = _BY_PATH.get(path)
    question = field.question if field else path
    help_text = field.help if field else ""
    if "|" in spec:
        help_text = f"or give {' / '.join(_flag_of(p) for p in spec.split('|')[1:])}"
    click.echo(click.style(f"{question}?", bold=True) + (f"  ({help_text})" if help_text else ""), err=True)
    kind: click.ParamType[Any] | type = str
    if field and field.choices:
        kind = click.Choice(field.choices)
    elif field and field.number:
        kind = click.IntRange(1, MAX_COUNT)

    def validate(value: Any) -> Any:
        if isinstance(value, str):
            value = value.strip()
            if not value:
                raise click.BadParameter("please type an answer (Ctrl-C to stop)")
        trial: dict[str, Any] = {}
        set_path(trial, path, value)
        problems = [bad.message for bad in _model_problems(trial, {}) if bad.path == path]
        if problems:
            raise click.BadParameter("; ".join(problems))
        return value

    value = click.prompt(f"  {path}", type=kind, value_proc=_chain(kind, validate), err=True)
    set_path(data, path, value)


def _chain(kind: click.ParamType[Any] | type, validate: Callable[[Any], Any]) -> Callable[[Any], Any]:
    convert = click.types.convert_type(kind)

    def run(value: Any) -> Any:
        return validate(convert(value))

    return run
