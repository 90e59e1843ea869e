"""A campaign: one checked request per contact, written as files and recorded in the ledger.

``run_campaign`` reads the contacts, plans each one's intent, skips those already drafted in
this campaign (a run killed half-way picks up where it stopped) and those asked elsewhere
within the repeat window, drafts the rest through ``draft_many`` (grammar in batches on the
shared LanguageTool server), writes each message (``.eml`` for email, ``.txt`` otherwise) and
records every batch in the ledger in one transaction, after its files are on disk. Then it
writes the review sheet, worst first, and ``errors.csv`` listing every row not drafted.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Callable, Collection, Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from askcraft._campaign.contacts import ContactList, RowProblem, read_contacts
from askcraft._campaign.files import remove_stale_temps, write_atomic
from askcraft._campaign.ledger import Drafted, Ledger
from askcraft._campaign.plan import Base, Planned, check_base, load_base, plan_contact
from askcraft._campaign.review import Entry, write_review
from askcraft._campaign.safety import file_stem, inside
from askcraft._campaign.summary import summary
from askcraft._draft.batch import draft_many
from askcraft._draft.draft import Draft
from askcraft._errors import IntentError

#: Days within which a contact asked in another campaign is not asked again (unless told to).
REPEAT_WINDOW_DAYS = 30
#: More names than this from one person is too many (the ask-size check's limit too).
MAX_NAMES = 5
#: Drafts recorded in the ledger per transaction.
RECORD_EVERY = 32


@dataclasses.dataclass(frozen=True)
class CampaignResult:
    """What a campaign run did: drafts (this run's and earlier runs'), rows not drafted, the summary."""

    name: str
    out: Path
    contacts: ContactList
    entries: tuple[Entry, ...]
    problems: tuple[RowProblem, ...]
    warnings: tuple[str, ...]
    summary: str
    files: Mapping[str, Path]

    @property
    def drafted(self) -> list[Entry]:
        """Return the messages drafted by this run."""
        return [e for e in self.entries if not e.earlier]

    @property
    def earlier(self) -> list[Entry]:
        """Return the messages an earlier run of this campaign had drafted already."""
        return [e for e in self.entries if e.earlier]


def _declared_fields(pack: Any) -> set[str]:
    from askcraft._packs.discovery import resolve_packs  # noqa: PLC0415

    return {name for p in resolve_packs(pack) for name in p.manifest.fields}


def _file_name(draft: Draft, stem: str) -> str:
    return f"{stem}.eml" if draft.channel == "email" else f"{stem}.txt"


def _message(draft: Draft) -> bytes:
    if draft.channel == "email":
        return draft.to_eml()
    return draft.to_text().encode("utf-8")


def _findings(draft: Draft) -> list[dict[str, Any]]:
    out = []
    for f in draft.findings:
        text = (draft.subject or "") if f.field == "subject" else draft.body
        out.append({**f.to_dict(), "excerpt": f.excerpt(text)})
    return out


def _hash(draft: Draft) -> str:
    return hashlib.sha256(f"{draft.subject or ''}\n\n{draft.body}".encode()).hexdigest()


def run_campaign(
    contacts: str | os.PathLike[str] | ContactList,
    intent: str | os.PathLike[str] | Mapping[str, Any],
    *,
    out: str | os.PathLike[str],
    name: str | None = None,
    relationship: str | None = None,
    ledger: Ledger | str | os.PathLike[str] | None = None,
    record: bool = True,
    pack: Any = None,
    check: bool = True,
    grammar: bool = True,
    disable: Collection[str] = (),
    options: Mapping[str, Any] | None = None,
    today: date | None = None,
    window: int = REPEAT_WINDOW_DAYS,
    again: bool = False,
    redraft: bool = False,
    max_names: int = MAX_NAMES,
    html: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> CampaignResult:
    """Draft one checked request per contact into *out*, record it in the ledger, write the review.

    *contacts* is a contacts file or a ``ContactList``; *intent* the shared ask (YAML file or
    mapping, without a recipient). The campaign is called *name* (default: the folder's name);
    *relationship* is the default for contacts whose file does not say (over the ask's own);
    running it again drafts only the contacts not drafted yet (*redraft* drafts again every
    message not marked sent). A contact asked in another campaign in the last *window* days is
    skipped unless *again*. ``record=False`` keeps the ledger out of it. *progress* is called
    with (messages done, messages to draft).
    """
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(folder)
    listed = contacts if isinstance(contacts, ContactList) else read_contacts(Path(contacts))
    base = load_base(intent, relationship=relationship)
    check_base(base, listed, pack=pack)
    campaign = name or folder.resolve().name
    if not campaign.strip():
        raise IntentError("name the campaign with --name (the output folder has no name to use)")
    declared = _declared_fields(pack)
    problems: list[RowProblem] = [*listed.problems, *listed.duplicates]
    warnings: list[str] = [*listed.notes, *base.notes]
    planned: list[Planned] = []
    for contact in listed.contacts:
        item = plan_contact(base, contact, declared)
        if isinstance(item, RowProblem):
            problems.append(item)
            continue
        count = item.intent.count or 0
        if count > max_names:
            warnings.append(
                f"row {contact.row} ({contact.name}): {count} names is a lot to ask of one person "
                f"(the limit is {max_names}); ask more people for fewer"
            )
        planned.append(item)
    job = _Job(
        folder=folder,
        campaign=campaign,
        base=base,
        problems=problems,
        pack=pack,
        check=check,
        grammar=grammar,
        disable=tuple(disable),
        options={"ask-size.max_names": max_names, **(options or {})},
        today=today or date.today(),
        html=html,
        progress=progress,
    )
    store = _open(ledger) if record else None
    try:
        earlier, todo, taken = job.select(store, planned, window=window, again=again, redraft=redraft)
        entries = earlier + job.draft(store, todo, taken)
    finally:
        if store is not None and not isinstance(ledger, Ledger):
            store.close()
    entries.sort(key=lambda e: e.row)
    problems.sort(key=lambda p: p.row)
    rows = {e.row for e in entries}
    said = summary([p.data for p in planned if p.contact.row in rows])
    title = f"Campaign {campaign}: {len(entries)} drafts"
    files = write_review(folder, title, said, entries, problems, html_too=html)
    return CampaignResult(
        campaign, folder, listed, tuple(entries), tuple(problems), tuple(warnings), said, files
    )


def _open(ledger: Ledger | str | os.PathLike[str] | None) -> Ledger:
    return ledger if isinstance(ledger, Ledger) else Ledger(None if ledger is None else Path(ledger))


@dataclasses.dataclass
class _Job:
    """One run of a campaign: where it writes, how it drafts, and the rows it could not draft."""

    folder: Path
    campaign: str
    base: Base
    problems: list[RowProblem]
    pack: Any
    check: bool
    grammar: bool
    disable: tuple[str, ...]
    options: Mapping[str, Any]
    today: date
    html: bool
    progress: Callable[[int, int], None] | None
    campaign_id: int = 0
    #: Files of the unsent drafts being drafted again, by contact key: the new draft takes the name.
    redrafting: dict[str, str] = dataclasses.field(default_factory=dict)

    def select(
        self, store: Ledger | None, planned: list[Planned], *, window: int, again: bool, redraft: bool
    ) -> tuple[list[Entry], list[Planned], set[str]]:
        """Return the drafts an earlier run made, the contacts to draft now, and the file stems taken."""
        if store is None:
            return [], planned, set()
        previous = store.campaign_hash(self.campaign)
        existing = {a.contact_id: a for a in store.asks(campaign=self.campaign)}
        if previous is not None and previous != self.base.digest and existing and not redraft:
            raise IntentError(
                f"campaign {self.campaign!r} was drafted from a different ask; run with --redraft to draft "
                "its unsent messages again from this one, or give --name for a new campaign"
            )
        self.campaign_id = store.campaign(
            self.campaign, self.base.data, self.base.digest, str(self.folder.resolve())
        )
        ids = store.resolve([p.contact for p in planned])
        since = self.today - timedelta(days=window)
        recent = {} if again else _recent(store, ids, since, self.campaign)
        earlier: list[Entry] = []
        todo: list[Planned] = []
        taken: set[str] = set()
        for item in planned:
            contact_id = ids.get(item.contact.key, -1)
            ask = existing.get(contact_id)
            request = ask.message("request") if ask else None
            if ask is not None and request is not None and request.file:
                if not redraft or request.sent_on:
                    taken.add(Path(request.file).stem)
                    earlier.append(_entry_from_ledger(item, ask.ask, request))
                    continue
                self.redrafting[item.contact.key] = request.file
            other = recent.get(contact_id)
            if other is not None:
                when = other.sent_on or other.created_on
                self.problems.append(
                    RowProblem(
                        item.contact.row,
                        item.contact.name,
                        f"skipped: asked on {when} in campaign {other.campaign!r} ({other.ask}); "
                        f"wait {window} days between asks, or run with --again",
                    )
                )
                continue
            todo.append(item)
        return earlier, todo, taken

    def draft(self, store: Ledger | None, todo: list[Planned], taken: set[str]) -> list[Entry]:
        """Draft, write and record every contact in *todo*; return their entries."""
        stems = _stems(todo, taken, self.redrafting)
        entries: list[Entry] = []
        batch: list[Drafted] = []
        progress = self.progress
        outcomes = draft_many(
            [p.intent for p in todo],
            pack=self.pack,
            check=self.check,
            grammar=self.grammar,
            disable=self.disable,
            options=self.options,
            today=self.today,
            progress=(lambda n: progress(n, len(todo))) if progress else None,
        )
        for outcome in outcomes:
            item = todo[outcome.index]
            if outcome.draft is None:
                self.problems.append(RowProblem(item.contact.row, item.contact.name, str(outcome.error)))
                continue
            entry, drafted = self._write(item, outcome.draft, stems[outcome.index])
            entries.append(entry)
            batch.append(drafted)
            if store is not None and len(batch) >= RECORD_EVERY:
                store.record(self.campaign_id, batch)
                batch = []
        if store is not None and batch:
            store.record(self.campaign_id, batch)
        return entries

    def _write(self, item: Planned, draft: Draft, stem: str) -> tuple[Entry, Drafted]:
        file_name = _file_name(draft, stem)
        write_atomic(inside(self.folder, file_name), _message(draft))
        old = self.redrafting.get(item.contact.key)
        if old is not None and old != file_name:  # redrafted for another channel: .eml became .txt
            inside(self.folder, old).unlink(missing_ok=True)
        entry = Entry(
            row=item.contact.row,
            name=item.contact.name,
            email=item.contact.email,
            profile_url=item.contact.profile_url,
            channel=draft.channel,
            ask=item.ask,
            file=file_name,
            subject=draft.subject,
            body=draft.body,
            findings=tuple(_findings(draft)),
            notes=item.notes,
        )
        drafted = Drafted(
            contact=item.contact,
            intent=item.data,
            ask=item.ask,
            step="request",
            file=file_name,
            subject=draft.subject,
            body=draft.body,
            findings=list(entry.findings),
            message_hash=_hash(draft),
        )
        return entry, drafted


def _recent(store: Ledger, ids: Mapping[str, int], since: date, campaign: str) -> dict[int, Any]:
    """Return, by contact id, each contact's latest ask in another campaign since *since*."""
    found: dict[int, Any] = {}
    for ask in store.asks(contact_ids=sorted(set(ids.values()))) if ids else []:
        when = ask.sent_on or ask.created_on
        if ask.campaign != campaign and when >= since:
            found[ask.contact_id] = ask
    return found


def _stems(todo: list[Planned], taken: set[str], keep: Mapping[str, str]) -> list[str]:
    """Return a file stem per contact: from their name, unique in the folder, stable between runs.

    A draft made again keeps its file's stem (*keep*: contact key -> file name).
    """
    used = set(taken) | {Path(name).stem for name in keep.values()}
    stems: list[str] = []
    for item in todo:
        if item.contact.key in keep:
            stems.append(Path(keep[item.contact.key]).stem)
            continue
        stem = file_stem(item.contact.name, f"row-{item.contact.row}")
        candidate, n = stem, 2
        while candidate in used:
            candidate, n = f"{stem}-{n}", n + 1
        used.add(candidate)
        stems.append(candidate)
    return stems


def _entry_from_ledger(item: Planned, ask: str, message: Any) -> Entry:
    return Entry(
        row=item.contact.row,
        name=item.contact.name,
        email=item.contact.email,
        profile_url=item.contact.profile_url,
        channel=item.intent.channel,
        ask=ask,
        file=str(message.file),
        subject=message.subject,
        body=message.body or "",
        findings=tuple(message.findings),
        notes=item.notes,
        earlier=True,
    )
