"""Drafting: intent -> pack selection -> sandboxed render -> checks -> Draft."""

from __future__ import annotations

import dataclasses
import functools
import os
from collections.abc import Collection, Mapping, Sequence
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

from askcraft._checks.context import CheckContext, names_in
from askcraft._checks.findings import Finding
from askcraft._checks.registry import disabled, run_checks, sort_findings
from askcraft._errors import PackError, missing_dependency
from askcraft._intent.model import Intent

if TYPE_CHECKING:
    from askcraft._packs.pack import Pack, Selection


@functools.cache  # reading package metadata costs more than rendering a message
def _askcraft_version() -> str:
    try:
        return version("askcraft")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"


@dataclasses.dataclass(frozen=True)
class Provenance:
    """Where a draft came from: which pack, version, content hash, template and variant."""

    pack: str
    version: str
    content_hash: str
    source: str
    template: str
    variant: str
    askcraft_version: str

    def to_dict(self) -> dict[str, str]:
        """Return a JSON-ready dictionary."""
        return dataclasses.asdict(self)


@dataclasses.dataclass(frozen=True)
class _Settings:
    """How a draft was made, so follow-ups are made the same way."""

    packs: tuple[Pack, ...]
    check: bool
    grammar: bool
    disable: tuple[str, ...]
    options: Mapping[str, Any]
    today: date | None


@dataclasses.dataclass(frozen=True, eq=False)
class Draft:
    """A drafted message: its text, the findings of the checks, and where it came from."""

    intent: Intent
    subject: str | None
    body: str
    findings: list[Finding]
    provenance: Provenance
    _settings: _Settings = dataclasses.field(repr=False)

    @property
    def kind(self) -> str:
        """Return the kind of message: request, reminder or thank-you."""
        return self.intent.kind

    @property
    def channel(self) -> str:
        """Return the channel the message is written for."""
        return self.intent.channel

    @property
    def errors(self) -> list[Finding]:
        """Return the error-level findings."""
        return [f for f in self.findings if f.severity == "error"]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Draft):
            return NotImplemented
        return (self.intent, self.subject, self.body, self.findings, self.provenance) == (
            other.intent,
            other.subject,
            other.body,
            other.findings,
            other.provenance,
        )

    __hash__ = None  # type: ignore[assignment]  # mutable findings list: not hashable

    def _follow_up(self, changes: dict[str, Any], variant: str | None) -> Draft:
        data = self.intent.model_dump(mode="python")
        data.update({k: v for k, v in changes.items() if v is not None})
        if changes.get("channel") is None and data["channel"] == "linkedin-connection-note":
            # Once they accept the invitation, follow-ups go as LinkedIn messages.
            data["channel"] = "linkedin-message"
        intent = Intent.parse(data)
        s = self._settings
        return _draft(intent, s, variant=variant)

    def reminder(
        self,
        *,
        sent_on: date | None = None,
        send_date: date | None = None,
        channel: str | None = None,
        variant: str | None = None,
    ) -> Draft:
        """Draft a gentle reminder for this ask, sent *send_date* (default today) after *sent_on*."""
        already = self.intent.reminders_sent + (1 if self.intent.kind == "reminder" else 0)
        original = sent_on or self.intent.sent_on or self.intent.send_date or self._today()
        return self._follow_up(
            {
                "kind": "reminder",
                "sent_on": original,
                "send_date": send_date,
                "channel": channel,
                "reminders_sent": already,
            },
            variant,
        )

    def thank_you(
        self,
        *,
        outcome: str | None = None,
        help: str | None = None,
        gift: str | None = None,
        send_date: date | None = None,
        channel: str | None = None,
        variant: str | None = None,
    ) -> Draft:
        """Draft a thank-you for this ask: what they did (*help*), what came of it, a small gift."""
        return self._follow_up(
            {
                "kind": "thank-you",
                "outcome": outcome,
                "help": help,
                "gift": gift,
                "send_date": send_date,
                "channel": channel,
            },
            variant,
        )

    def _today(self) -> date:
        return self._settings.today or date.today()

    def fixed(self) -> Draft:
        """Return this draft with every unambiguous grammar and spelling fix applied, re-checked."""
        from askcraft._checks.fix import apply_fixes  # noqa: PLC0415

        body = apply_fixes(self.body, [f for f in self.findings if f.field == "body"])
        subject = self.subject
        if subject is not None:
            subject = apply_fixes(subject, [f for f in self.findings if f.field == "subject"])
        if body == self.body and subject == self.subject:
            return self
        pack = next((p for p in self._settings.packs if p.name == self.provenance.pack), None)
        findings = _run(self.intent, subject, body, self._settings, pack)
        return dataclasses.replace(self, subject=subject, body=body, findings=findings)

    # -- exporters -----------------------------------------------------------------------------

    def to_text(self) -> str:
        """Return the message as plain text (with a 'Subject:' line when it has a subject)."""
        from askcraft._export.text import to_text  # noqa: PLC0415

        return to_text(self)

    def to_markdown(self) -> str:
        """Return the message as Markdown, with its findings listed under it."""
        from askcraft._export.text import to_markdown  # noqa: PLC0415

        return to_markdown(self)

    def to_dict(self) -> dict[str, Any]:
        """Return the draft as JSON-ready data: intent, subject, body, findings, provenance."""
        from askcraft._export.text import to_dict  # noqa: PLC0415

        return to_dict(self)

    def to_json(self, *, indent: int | None = 2) -> str:
        """Return the draft as JSON."""
        from askcraft._export.text import to_json  # noqa: PLC0415

        return to_json(self, indent=indent)

    def to_eml(self) -> bytes:
        """Return the message as an RFC 5322 email (bytes), ready to open in a mail program."""
        from askcraft._export.eml import to_eml  # noqa: PLC0415

        return to_eml(self)

    def to_ics(self, *, days: int = 7) -> bytes:
        """Return a calendar to-do (iCalendar) to follow up on this ask after *days* days."""
        from askcraft._export.ics import to_ics  # noqa: PLC0415

        try:
            return to_ics(self, days=days)
        except ImportError as exc:  # icalendar is imported only here
            problem = missing_dependency(exc)
            if problem is None:
                raise
            raise problem from exc


def _written_names(intent: Intent) -> tuple[str, ...]:
    """Return the names as the draft writes them: 'SREs' for the role SRE, a greeting the user gave."""
    from askcraft._render import slots  # noqa: PLC0415
    from askcraft._render.fields import clean_field  # noqa: PLC0415
    from askcraft._render.words import plural  # noqa: PLC0415

    names: list[str] = []
    if intent.role:
        role = slots.clean_role(intent.role)
        names += [role, plural(role)]
    if intent.industry:
        names.append(clean_field(intent.industry))
    if intent.recipient.greeting:
        names += intent.recipient.greeting.rstrip(" ,!.:;").split()[1:]
    return tuple(names)


def _run(
    intent: Intent, subject: str | None, body: str, settings: _Settings, pack: Pack | None
) -> list[Finding]:
    if not settings.check:
        return []
    ctx = CheckContext(
        text=body,
        kind=intent.kind,
        channel=intent.channel,
        subject=subject,
        language=intent.language,
        intent=intent,
        names=names_in(intent) + _written_names(intent),
        send_date=intent.send_date or settings.today or date.today(),
        options=settings.options,
    )
    also = {f"pack:{pack.name}": pack.tone_findings} if pack is not None and pack.tone_rules else None
    return run_checks(ctx, grammar=settings.grammar, disable=settings.disable, also=also)


def _select(packs: Sequence[Pack], intent: Intent, variant: str | None) -> Selection:
    for pack in packs:
        selection = pack.select(intent, variant=variant)
        if selection is not None:
            return selection
    names = ", ".join(p.name for p in packs)
    offered = sorted({entry.language.split("-")[0].lower() for p in packs for entry in p.manifest.templates})
    if intent.language.split("-")[0].lower() not in offered:
        raise PackError(
            f"askcraft cannot write in {intent.language}: the packs in use ({names}) write in "
            f"{', '.join(offered)}. Set the intent's language (--language) to one of those, "
            "or install a pack that writes in your language (see docs/languages.md)"
        )
    raise PackError(
        f"no template for a {intent.kind} ({intent.goal}) by {intent.channel} in language "
        f"{intent.language} in pack(s) {names}; try another channel or goal, or add a template to a pack"
    )


def _draft(intent: Intent, settings: _Settings, *, variant: str | None) -> Draft:
    from askcraft._draft.fit import fitted  # noqa: PLC0415
    from askcraft._packs.fields import check_requirements  # noqa: PLC0415
    from askcraft._render.context import build_context  # noqa: PLC0415

    selection = _select(settings.packs, intent, variant)
    pack = selection.pack
    intent = check_requirements(pack, intent, stack=settings.packs)  # fills pack field defaults
    try:
        context = build_context(intent, today=settings.today or date.today())
    except ImportError as exc:  # planning the words needs inflect and nameparser: a broken install
        problem = missing_dependency(exc)
        if problem is None:
            raise
        raise problem from exc
    # A channel with little room gets shorter phrasings until the message fits (or none is left).
    parts, context = fitted(pack, selection, context, intent, settings.options)
    body = parts["body"] or ""
    if not body:
        raise PackError(
            f"pack '{pack.name}', {selection.template}: the template rendered an empty message",
            pack=pack.name,
            file=selection.template,
        )
    subject = parts.get("subject") or None
    provenance = Provenance(
        pack=pack.name,
        version=pack.version,
        content_hash=pack.content_hash,
        source=pack.source,
        template=selection.template,
        variant=selection.variant,
        askcraft_version=_askcraft_version(),
    )
    findings = _run(intent, subject, body, settings, pack)
    if settings.check:
        from askcraft._draft.coverage import left_out  # noqa: PLC0415

        content = [f for f in left_out(intent, context, body) if not disabled(f.rule, settings.disable)]
        findings = sort_findings(findings + content)
    return Draft(intent, subject, body, findings, provenance, settings)


def _coerce_intent(intent: Intent | Mapping[str, Any] | str | os.PathLike[str]) -> Intent:
    if isinstance(intent, Intent):
        return intent
    if isinstance(intent, str | os.PathLike):
        from askcraft._intent.load import load_intent  # noqa: PLC0415

        return load_intent(Path(intent))
    return Intent.parse(dict(intent))


def draft(
    intent: Intent | Mapping[str, Any] | str | os.PathLike[str],
    *,
    pack: str | os.PathLike[str] | Pack | None = None,
    variant: str | None = None,
    check: bool = True,
    grammar: bool = True,
    disable: Collection[str] = (),
    options: Mapping[str, Any] | None = None,
    today: date | None = None,
) -> Draft:
    """Draft the message an intent describes and check it.

    *pack* is a pack folder, zip or name (default: the installed packs, then the built-in one);
    *variant* picks a phrasing (default: chosen from the recipient); ``check=False`` skips every
    check and ``grammar=False`` only LanguageTool; *disable* switches rules off by id.
    """
    from askcraft._packs.discovery import resolve_packs  # noqa: PLC0415

    settings = _Settings(
        packs=tuple(resolve_packs(pack)),
        check=check,
        grammar=grammar,
        disable=tuple(disable),
        options=dict(options or {}),
        today=today,
    )
    return _draft(_coerce_intent(intent), settings, variant=variant)
