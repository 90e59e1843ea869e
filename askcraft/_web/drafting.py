"""The Draft page's requests: the draft a form describes (request, reminder or thank-you), and its files.

Everything goes through the public API: ``askcraft.draft`` drafts the request, ``Draft.reminder``
and ``Draft.thank_you`` its follow-ups, ``Draft.to_eml`` (and the other exporters) the files.
"""

from __future__ import annotations

import dataclasses
import re
import time
import unicodedata
from collections.abc import Collection, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

import askcraft
import askcraft.packs
from askcraft._web.findings import describe, runs
from askcraft._web.form import Form, place_problems, to_intent

if TYPE_CHECKING:
    from askcraft import Draft, Finding

STAGES = ("request", "reminder", "thank-you")
#: Values only a follow-up uses: they are given to Draft.reminder() / Draft.thank_you(), not the request.
_FOLLOW_UP = ("sent_on", "help", "outcome", "gift")
#: Values the request carries only when the page shows its reminder (the reminder reads them from it).
_FOR_REMINDER = ("news", "reminders_sent")
MAX_FIELDS = 200

#: Download formats: (media type, file extension).
EXPORTS = {
    "eml": ("message/rfc822", "eml"),
    "ics": ("text/calendar; charset=utf-8", "ics"),
    "md": ("text/markdown; charset=utf-8", "md"),
    "json": ("application/json", "json"),
    "txt": ("text/plain; charset=utf-8", "txt"),
}


class BadRequestError(ValueError):
    """The page sent something no page of ours sends (an unknown field, pack or message)."""


@dataclasses.dataclass(frozen=True)
class Ask:
    """What the page asks for: the form's values, the pack, the message and its phrasing."""

    values: Mapping[str, Any]
    pack: str | None
    stage: str
    variant: str | None
    grammar: bool


def read_ask(data: Any, packs: Collection[str]) -> Ask:
    """Validate the page's request: raise BadRequestError for anything the page itself would never send."""
    if not isinstance(data, dict) or not set(data) <= {"fields", "pack", "stage", "variant", "grammar"}:
        raise BadRequestError("expected an object with fields, pack, stage, variant and grammar")
    values = data.get("fields", {})
    if not isinstance(values, dict) or len(values) > MAX_FIELDS:
        raise BadRequestError(f"fields must be an object of at most {MAX_FIELDS} values")
    pack = data.get("pack") or None
    if pack is not None and pack not in packs:
        raise BadRequestError("unknown pack; choose one on the Packs page")
    stage = data.get("stage", "request")
    if stage not in STAGES:
        raise BadRequestError(f"stage must be one of {', '.join(STAGES)}")
    variant = data.get("variant") or None
    if variant is not None and (not isinstance(variant, str) or len(variant) > 64):
        raise BadRequestError("variant must be a short name")
    grammar = data.get("grammar", True)
    if not isinstance(grammar, bool):
        raise BadRequestError("grammar must be true or false")
    return Ask(values, pack, stage, variant, grammar)


@dataclasses.dataclass
class Outcome:
    """A draft (or why there is none yet), and how long askcraft took to make it."""

    draft: Draft | None
    values: dict[str, Any]
    invalid: dict[str, str]
    missing: dict[str, str]
    other: list[str]
    seconds: float = 0.0


def make(ask: Ask, form: Form) -> Outcome:
    """Draft what *ask* describes: the request, then (for those stages) its reminder or thank-you."""
    unknown = sorted(set(ask.values) - set(form.fields))
    if unknown:
        raise BadRequestError(f"unknown field(s): {', '.join(unknown[:5])}")
    data, invalid = to_intent(ask.values, form)
    follow = {key: data.pop(key) for key in _FOLLOW_UP if key in data}
    if ask.stage != "reminder":
        for key in _FOR_REMINDER:
            data.pop(key, None)
    sent_on: date | None = None
    if ask.stage == "reminder" and "sent_on" in follow:
        try:
            sent_on = date.fromisoformat(str(follow["sent_on"]))
        except ValueError:
            invalid["sent_on"] = "must be a date written YYYY-MM-DD"
    outcome = Outcome(None, data, invalid, {}, [])
    start = time.perf_counter()
    try:
        request = askcraft.draft(
            {**data, "kind": "request"},
            pack=ask.pack,
            variant=ask.variant if ask.stage == "request" else None,
            grammar=ask.grammar,
        )
        if ask.stage == "reminder":
            outcome.draft = request.reminder(sent_on=sent_on, variant=ask.variant)
        elif ask.stage == "thank-you":
            outcome.draft = request.thank_you(
                help=follow.get("help"),
                outcome=follow.get("outcome"),
                gift=follow.get("gift"),
                variant=ask.variant,
            )
        else:
            outcome.draft = request
    except askcraft.IntentError as exc:
        wrong, missing, other = place_problems(exc.problems or [str(exc)], form)
        outcome.invalid = {**wrong, **invalid}
        outcome.missing = {p: m for p, m in missing.items() if p not in outcome.invalid}
        outcome.other = other
    except askcraft.AskcraftError as exc:  # a pack that cannot draft this, a template that failed
        outcome.other = [str(exc)]
    outcome.seconds = time.perf_counter() - start
    if outcome.draft is not None and invalid:  # a value we could not read was left out: not drafted
        outcome.draft = None
    return outcome


#: Where flagged words stand in the form: (field path, start, end) in the value the user typed.
_Place = tuple[str, int, int]
#: What a template may add right after a value the user gave ("sentence" ends a reason with a full stop).
_ADDED_AFTER = frozenset(" .,;:!?")


def _word_edge(text: str, at: int) -> bool:
    """Return True when *at* in *text* is not inside a word (a value found there is not part of one)."""
    return at <= 0 or at >= len(text) or not (text[at - 1].isalnum() and text[at].isalnum())


def _origin(finding: Finding, text: str, values: Mapping[str, Any], form: Form) -> _Place | None:
    """Return (field, start, end) of the flagged words in the value the user typed, when they came from one.

    A value counts only where the flagged occurrence lies inside it in the message (a template may
    change the case of its first letter and end it with a full stop); a value that merely contains
    the same words, or the same letter, is not where they came from.
    """
    start, end = finding.offset, finding.offset + finding.length
    if end <= start:
        return None
    caseless = len(text.lower()) == len(text)  # case is compared only where lowering keeps every offset
    folded = text.lower() if caseless else text
    for path, value in values.items():
        field = form.fields.get(path)
        if field is None or field.widget not in {"text", "textarea"} or not isinstance(value, str):
            continue
        core = value.strip()
        lead = len(value) - len(value.lstrip())
        needle = core.lower() if caseless and len(core.lower()) == len(core) else core
        if not needle:
            continue
        at = folded.find(needle)
        while at >= 0:
            stop = at + len(needle)
            overhang = text[stop:end] if end > stop else ""
            if (
                at <= start
                and set(overhang) <= _ADDED_AFTER
                and _word_edge(text, at)
                and _word_edge(text, stop)
            ):
                return path, lead + start - at, lead + min(end, stop) - at
            at = folded.find(needle, at + 1)
    return None


def _source_fixes(finding: Finding, text: str, values: Mapping[str, Any], form: Form) -> list[dict[str, Any]]:
    """Return the finding's rewrites, each with the form field it can be made in (when there is one).

    A flagged phrase that the user typed is fixed where they typed it, so the next draft keeps it.
    """
    origin = _origin(finding, text, values, form)
    fixes: list[dict[str, Any]] = []
    for replacement in finding.replacements[:3]:
        fix: dict[str, Any] = {"replacement": replacement, "path": None}
        if origin is not None:
            path, begin, stop = origin
            was = values[path]
            added = text[finding.offset + stop - begin : finding.offset + finding.length]
            words = replacement.removesuffix(added) if added.strip() else replacement
            fix.update(path=path, was=was, value=was[:begin] + words + was[stop:])
        fixes.append(fix)
    return fixes


def required_fields(ask: Ask, data: Mapping[str, Any], form: Form) -> dict[str, str]:
    """Return the fields this message needs, each with 'required' or the others that would do."""
    return _requirements(ask, data, form)[0]


def _requirements(ask: Ask, data: Mapping[str, Any], form: Form) -> tuple[dict[str, str], list[list[str]]]:
    """Return the fields this message needs (with their notes), and each group of fields it needs."""
    notes = dict.fromkeys(form.always, "required")
    needs = [[path] for path in form.always]
    goal, channel = data.get("goal"), data.get("channel", "email")
    language = str(data.get("language", "en-US"))
    if not isinstance(goal, str):
        return notes, needs
    kinds = ["request"] if ask.stage == "request" else ["request", ask.stage]
    for pack in askcraft.packs.resolve_packs(ask.pack):
        if not pack.entries_for("request", goal, str(channel), language):
            continue
        for kind in kinds:
            for requirement in pack.requirements(kind, goal, str(channel)):
                for spec in requirement.fields:
                    either = [p for p in spec.split("|") if p in form.fields]
                    needs.append(either)
                    note = (
                        "required"
                        if len(either) < 2
                        else "one of " + ", ".join(form.fields[p].label for p in either)
                    )
                    for path in either:
                        if notes.get(path) != "required":
                            notes[path] = note
        break
    return notes, needs


def _unmet(needs: list[list[str]], data: Mapping[str, Any], notes: Mapping[str, str]) -> dict[str, str]:
    """Return the needed fields left empty (the first of a group, when none of the group is given)."""
    missing: dict[str, str] = {}
    for group in needs:
        if group and not any(_lookup(data, path) not in (None, "", []) for path in group):
            missing.setdefault(group[0], notes.get(group[0], "required"))
    return missing


def _lookup(data: Mapping[str, Any], dotted: str) -> Any:
    node: Any = data
    for part in dotted.split("."):
        if not isinstance(node, Mapping):
            return None
        node = node.get(part)
    return node


def _variants(found: Draft, pack: str | None) -> tuple[list[str], str | None]:
    """Return the variants of the template that drafted *found*, and the one chosen for this recipient."""
    for item in askcraft.packs.resolve_packs(pack):
        if item.name == found.provenance.pack:
            selection = item.select(found.intent)
            if selection is not None:
                return list(selection.entry.variants), selection.variant
    return [found.provenance.variant], None


def _message(found: Draft, values: Mapping[str, Any], form: Form, pack: str | None) -> dict[str, Any]:
    findings: list[dict[str, Any]] = []
    spans: dict[str, list[tuple[int, int, int]]] = {"body": [], "subject": []}
    for ident, finding in enumerate(found.findings):
        text = (found.subject or "") if finding.field == "subject" else found.body
        findings.append(describe(ident, finding, text, _source_fixes(finding, text, values, form)))
        spans[finding.field].append((ident, finding.offset, finding.length))
    variants, auto = _variants(found, pack)
    return {
        "stage": found.kind,
        "subject": found.subject,
        "body": found.body,
        "subject_runs": runs(found.subject or "", spans["subject"]),
        "body_runs": runs(found.body, spans["body"]),
        "findings": findings,
        "variant": found.provenance.variant,
        "variants": variants,
        "auto_variant": auto,
        "provenance": found.provenance.to_dict(),
        "text": found.to_text(),
    }


def preview(ask: Ask, form: Form) -> tuple[dict[str, Any], float]:
    """Return the page's answer to *ask* (the draft, or what is missing and wrong) and askcraft's time."""
    outcome = make(ask, form)
    notes, needs = _requirements(ask, outcome.values, form)
    given = {**outcome.values, **{k: v for k, v in ask.values.items() if k in _FOLLOW_UP}}
    # Every empty field the message needs, at once (askcraft itself reports them round by round).
    missing = {**_unmet(needs, given, notes), **outcome.missing} if outcome.draft is None else {}
    answer: dict[str, Any] = {
        "ok": outcome.draft is not None,
        "invalid": outcome.invalid,
        "missing": {
            p: {"label": form.fields[p].label, "message": m}
            for p, m in missing.items()
            if p not in outcome.invalid
        },
        "other": outcome.other,
        "required": notes,
        "draft": None,
    }
    if outcome.draft is not None:
        answer["draft"] = _message(outcome.draft, ask.values, form, ask.pack)
    return answer, outcome.seconds


def filename(stage: str, recipient: Any, extension: str) -> str:
    """Return a download's name: letters, digits and hyphens only, so it names no folder, ever."""
    name = unicodedata.normalize("NFKD", str(recipient or "")).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40].strip("-")
    stem = "-".join(part for part in (stage, slug) if part) or "message"
    return f"{stem}.{extension}"


def export(fmt: str, found: Draft) -> tuple[bytes, str, str]:
    """Return (content, media type, file name) of *found* in format *fmt* (eml, ics, md, json, txt)."""
    media, extension = EXPORTS[fmt]
    content: bytes
    if fmt == "eml":
        content = found.to_eml()
    elif fmt == "ics":
        content = found.to_ics()
    elif fmt == "md":
        content = found.to_markdown().encode("utf-8")
    elif fmt == "json":
        content = found.to_json().encode("utf-8")
    else:
        content = found.to_text().encode("utf-8")
    return content, media, filename(found.kind, found.intent.recipient.name, extension)
