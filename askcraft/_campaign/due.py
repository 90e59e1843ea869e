"""The due list: patience, measured. Who is due a gentle reminder, who is owed a thank-you.

The rules (the networking advice's third and fourth): a reminder comes *after* days (default
seven) after the request or the last reminder, at most *max_reminders* (default two) per ask,
and never once they replied or declined. Whoever helped is owed a thank-you until one is marked
sent. ``draft_follow_ups`` drafts them all in one go, each from its own ask, so each reminder
restates what that person was asked.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from askcraft._campaign.files import remove_stale_temps, write_atomic
from askcraft._campaign.ledger import Drafted, Ledger
from askcraft._campaign.people import RowProblem
from askcraft._campaign.records import Ask
from askcraft._campaign.review import Entry, write_review
from askcraft._campaign.safety import file_stem, inside
from askcraft._draft.batch import draft_many
from askcraft._draft.draft import Draft

#: Days to wait after the request (or the last reminder) before a reminder is due.
AFTER_DAYS = 7
#: Reminders per ask, at most; after that the ask rests.
MAX_REMINDERS = 2


@dataclasses.dataclass(frozen=True)
class DueItem:
    """One follow-up: which ask, which step (``reminder-1``, ``reminder-2``, ``thank-you``), when, why."""

    ask: Ask
    step: str
    due_on: date
    why: str

    @property
    def kind(self) -> str:
        """Return the kind of message the step is: reminder or thank-you."""
        return "thank-you" if self.step == "thank-you" else "reminder"

    def is_due(self, today: date) -> bool:
        """Return whether the follow-up is due on *today* (or overdue)."""
        return self.due_on <= today


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def next_step(ask: Ask, *, after: int = AFTER_DAYS, max_reminders: int = MAX_REMINDERS) -> DueItem | None:
    """Return the ask's next follow-up (due or not yet), or None when it needs none."""
    if ask.sent_on is None or ask.thanked:
        return None
    helped = ask.event("helped")
    if helped is not None:
        what = helped.help or "their help"
        return DueItem(ask, "thank-you", helped.on, f"helped: {what}")
    if ask.event("replied") or ask.event("declined"):
        return None
    sent = len(ask.reminders_sent)
    if sent >= max_reminders:
        return None
    last = ask.last_sent or ask.sent_on
    step = f"reminder-{sent + 1}"
    since = "asked" if sent == 0 else f"reminder {sent} sent"
    why = f"{since} {last}, no reply (reminder {sent + 1} of {max_reminders})"
    return DueItem(ask, step, last + timedelta(days=after), why)


def due_list(
    ledger: Ledger,
    *,
    today: date | None = None,
    after: int = AFTER_DAYS,
    max_reminders: int = MAX_REMINDERS,
    campaign: str | None = None,
    upcoming: bool = False,
) -> list[DueItem]:
    """Return the follow-ups due by *today* (with *upcoming*, the later ones too), soonest first.

    Thank-yous come before reminders on the same day: a thank-you is owed, a reminder only allowed.
    """
    if after < 1:
        raise ValueError("after must be 1 day or more: give people time to answer")
    day = today or date.today()
    items = [
        item
        for ask in ledger.asks(campaign=campaign)
        if (item := next_step(ask, after=after, max_reminders=max_reminders)) is not None
        and (upcoming or item.is_due(day))
    ]
    return sorted(items, key=lambda i: (i.due_on, i.kind != "thank-you", i.ask.name.casefold()))


def follow_up_data(item: DueItem, *, today: date, news: str | None = None) -> dict[str, Any]:
    """Return the intent of a follow-up: the ask's own intent, turned into a reminder or a thank-you."""
    data = dict(item.ask.intent)
    data["send_date"] = today.isoformat()
    if data.get("channel") == "linkedin-connection-note":
        data["channel"] = "linkedin-message"  # once they accept, follow-ups go as messages
    if item.kind == "reminder":
        data.update(
            kind="reminder", sent_on=str(item.ask.sent_on), reminders_sent=len(item.ask.reminders_sent)
        )
        if news:
            data["news"] = news
    else:
        helped = item.ask.event("helped")
        data.update(kind="thank-you")
        for field in ("help", "outcome", "gift"):
            value = getattr(helped, field, None) if helped else None
            if value:
                data[field] = value
    return data


@dataclasses.dataclass(frozen=True)
class FollowUps:
    """The follow-ups drafted: one entry per message written, the ones that could not be, the files."""

    entries: tuple[Entry, ...]
    problems: tuple[RowProblem, ...]
    files: Mapping[str, Path]


def draft_follow_ups(
    ledger: Ledger,
    items: Sequence[DueItem],
    *,
    out: str | os.PathLike[str],
    today: date | None = None,
    news: str | None = None,
    pack: Any = None,
    check: bool = True,
    grammar: bool = True,
    disable: Collection[str] = (),
    options: Mapping[str, Any] | None = None,
    html: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> FollowUps:
    """Draft every follow-up in *items* into *out* (checked in one batch) and record them as drafted."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(folder)
    day = today or date.today()
    datas = [follow_up_data(item, today=day, news=news) for item in items]
    entries: list[Entry] = []
    problems: list[RowProblem] = []
    records: list[tuple[int, Drafted]] = []
    used: set[str] = set()
    outcomes = draft_many(
        datas, pack=pack, check=check, grammar=grammar, disable=disable, options=options, today=day,
        progress=(lambda n: progress(n, len(items))) if progress else None,
    )  # fmt: skip
    for outcome in outcomes:
        item = items[outcome.index]
        number = outcome.index + 1
        if outcome.draft is None:
            message = str(outcome.error)
            if item.kind == "thank-you" and "help" in message:
                message += (
                    f"; tell askcraft what they did: askcraft ledger mark helped "
                    f"{item.ask.email or item.ask.name!r} --what 'introducing me to Priya'"
                )
            problems.append(RowProblem(number, item.ask.name, message))
            continue
        draft = outcome.draft
        file_name = _file_name(item, draft, used)
        write_atomic(
            inside(folder, file_name),
            draft.to_eml() if draft.channel == "email" else draft.to_text().encode(),
        )
        findings = tuple(
            {
                **f.to_dict(),
                "excerpt": f.excerpt((draft.subject or "") if f.field == "subject" else draft.body),
            }
            for f in draft.findings
        )
        entries.append(
            Entry(
                row=number,
                name=item.ask.name,
                email=item.ask.email,
                profile_url=item.ask.profile_url,
                channel=draft.channel,
                ask=f"{item.step.replace('-', ' ')}: {item.ask.ask}",
                file=file_name,
                subject=draft.subject,
                body=draft.body,
                findings=findings,
                notes=(item.why,),
            )
        )
        digest = hashlib.sha256(f"{draft.subject or ''}\n\n{draft.body}".encode()).hexdigest()
        records.append(
            (
                item.ask.id,
                Drafted(None, datas[outcome.index], item.ask.ask, item.step, file_name, draft.subject,
                        draft.body, list(findings), digest),
            )
        )  # fmt: skip
    ledger.record_follow_ups(records)
    title = f"Follow-ups for {day}: {_plural(len(entries), 'draft')}"
    reminders = sum(1 for e in entries if e.ask.startswith("reminder"))
    said = f"{_plural(reminders, 'gentle reminder')} and {_plural(len(entries) - reminders, 'thank-you')}."
    files = write_review(folder, title, said, entries, problems, html_too=html)
    return FollowUps(tuple(entries), tuple(problems), files)


def _file_name(item: DueItem, draft: Draft, used: set[str]) -> str:
    request = item.ask.message("request")
    stem = (
        Path(request.file).stem
        if request and request.file
        else file_stem(item.ask.name, f"ask-{item.ask.id}")
    )
    name = f"{stem}-{item.step}"
    candidate, n = name, 2
    while candidate in used:
        candidate, n = f"{name}-{n}", n + 1
    used.add(candidate)
    return f"{candidate}.eml" if draft.channel == "email" else f"{candidate}.txt"
