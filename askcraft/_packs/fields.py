"""The intent fields a pack needs: requirements met, ``extra`` fields declared and typed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from askcraft._errors import IntentError
from askcraft._intent.model import CHANNELS, GOALS, KINDS, Intent
from askcraft._packs.manifest import FieldSpec
from askcraft._packs.pack import Pack
from askcraft._render.words import article


def lookup(data: dict[str, Any], dotted: str) -> Any:
    """Return the value at a dotted path of nested mappings (``recipient.name``), or None."""
    value: Any = data
    for part in dotted.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def unmet_fields(pack: Pack, data: dict[str, Any]) -> list[str]:
    """Return each unmet requirement's field spec ('count', 'industry|role|company')."""
    kind, goal, channel = data.get("kind"), data.get("goal"), data.get("channel") or "email"
    if not (isinstance(kind, str) and isinstance(goal, str) and isinstance(channel, str)):
        return []
    unmet: list[str] = []
    for rule in pack.requirements(kind, goal, channel):
        for spec in rule.fields:
            if not any(lookup(data, f) for f in spec.split("|")) and spec not in unmet:
                unmet.append(spec)
    return unmet


def unmet_requirements(pack: Pack, data: dict[str, Any]) -> list[tuple[dict[str, tuple[str, ...]], str]]:
    """Return each unmet field spec of *pack* with the condition under which the message needs it.

    A kind or goal that is missing or unknown could still be any of its values: a requirement
    that holds whatever it turns out to be comes with an empty condition, one that holds only for
    some values comes with them (``{"goal": ("favour",)}``). A missing channel is email.
    """
    choices = {"kind": KINDS, "goal": GOALS, "channel": CHANNELS}
    given = {"kind": data.get("kind"), "goal": data.get("goal"), "channel": data.get("channel") or "email"}
    unmet: list[tuple[dict[str, tuple[str, ...]], str]] = []
    for rule in (*pack.manifest.requires, *(e for e in pack.manifest.templates if e.fields)):
        scope = {"kind": rule.kinds, "goal": rule.goals, "channel": rule.channels}
        condition: dict[str, tuple[str, ...]] = {}
        for dim, value in given.items():
            if value in choices[dim]:
                if value not in scope[dim]:
                    break
            elif set(choices[dim]) - set(scope[dim]):
                condition[dim] = tuple(v for v in choices[dim] if v in scope[dim])
        else:
            for spec in rule.fields:
                # A value that was given but is invalid (count 0) is for validation to explain.
                is_set = any(lookup(data, f) not in (None, "") for f in spec.split("|"))
                if not is_set and (condition, spec) not in unmet:
                    unmet.append((condition, spec))
    return unmet


_TRUE = frozenset({"true", "yes", "on", "1"})
_FALSE = frozenset({"false", "no", "off", "0"})


def from_text(value: Any, kind: str) -> Any:
    """Read a value typed as text (a --set flag, a web form) as the type a pack field declares.

    "3" becomes 3 for an integer field, "yes" True for a boolean one, "a, b" a list; a value that
    does not read as the type is returned as it is, and the type check then says what is wrong.
    """
    if not isinstance(value, str):
        return value
    text = value.strip()
    try:
        if kind == "integer":
            return int(text)
        if kind == "number":
            return float(text) if any(c in text for c in ".eE") else int(text)
    except ValueError:
        return value
    if kind == "boolean" and text.lower() in _TRUE | _FALSE:
        return text.lower() in _TRUE
    if kind == "list":
        return [item.strip() for item in text.split(",") if item.strip()]
    return value


def check_extra(
    pack: Pack, extra: dict[str, Any], *, stack: Sequence[Pack] = ()
) -> tuple[dict[str, Any], list[str]]:
    """Validate an intent's ``extra`` against the fields packs declare; return it with defaults, and problems.

    The drafting pack's declarations rule; a key no pack in *stack* declares is a problem.
    """
    declared: dict[str, FieldSpec] = {}
    for other in (*reversed(stack), pack):  # lower precedence first, so the drafting pack wins
        declared.update(other.manifest.fields)
    problems: list[str] = []
    filled = dict(extra)
    for key, given in extra.items():
        spec = declared.get(key)
        if spec is None:
            known = ", ".join(sorted(declared)) or "none"
            problems.append(f"extra.{key}: no pack in use declares this field (declared: {known})")
            continue
        value = filled[key] = from_text(given, spec.type)
        if value is not None and (problem := spec.problem(value)):
            problems.append(f"extra.{key}: {problem} (got {value!r})")
    for key, spec in pack.manifest.fields.items():
        if filled.get(key) is None:
            # Like the built-in optional fields, an unset pack field is None, so `{% if extra.x %}` works.
            filled[key] = spec.default
            if spec.default is None and spec.required:
                problems.append(f"extra.{key}: required by pack '{pack.name}' ({spec.help})")
    return filled, problems


def check_requirements(pack: Pack, intent: Intent, *, stack: Sequence[Pack] = ()) -> Intent:
    """Raise IntentError naming every field the message needs that the intent lacks or gets wrong.

    Return the intent with the pack's field defaults filled in under ``extra``.
    """
    data = intent.model_dump(mode="python")
    extra, problems = check_extra(pack, dict(data.get("extra") or {}), stack=stack)
    problems += [
        f"{spec.replace('|', ' or ')}: required for {article(intent.goal)} {intent.kind}"
        for spec in unmet_fields(pack, data)
    ]
    if problems:
        raise IntentError(
            f"the intent has {len(problems)} problem{'s' if len(problems) > 1 else ''} for pack "
            f"'{pack.name}':\n  " + "\n  ".join(problems),
            problems=problems,
        )
    if extra == intent.extra:
        return intent
    return intent.model_copy(update={"extra": extra})
