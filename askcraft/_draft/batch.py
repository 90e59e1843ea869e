"""Drafting many messages at once: each drafted without LanguageTool, then grammar for all in batches.

``draft_many`` gives the same drafts and findings as ``draft()`` called once per intent, faster:
the packs are resolved once, and grammar goes through ``check_many`` (one shared server, several
requests in flight) in a background thread while the next batch is drafted. A message that
cannot be drafted (a bad intent, no template for its channel) is yielded with its error; the
others go on.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import date
from typing import TYPE_CHECKING, Any

from askcraft._checks.context import CheckContext, names_in
from askcraft._checks.findings import Finding
from askcraft._checks.registry import BUILTIN_CHECKERS, GRAMMAR_CHECKERS, sort_findings
from askcraft._draft.check import check_many
from askcraft._draft.draft import Draft, _coerce_intent, _draft, _Settings, _written_names
from askcraft._errors import AskcraftError
from askcraft._intent.model import Intent

if TYPE_CHECKING:
    from askcraft._packs.pack import Pack

#: Messages drafted before their grammar is sent off together.
BATCH = 32
#: Every checker but LanguageTool: check_many runs only grammar on drafts already tone-checked.
_NOT_GRAMMAR = tuple(name for name in BUILTIN_CHECKERS if name not in GRAMMAR_CHECKERS)


@dataclasses.dataclass(frozen=True)
class Outcome:
    """One intent's result: its position in the input, and its draft or the error that stopped it."""

    index: int
    draft: Draft | None
    error: AskcraftError | None = None


def _grammar_context(draft: Draft) -> CheckContext:
    """Return what ``draft()`` gives the grammar checker for this draft (same names, same dates)."""
    intent, settings = draft.intent, draft._settings
    return CheckContext(
        text=draft.body,
        kind=intent.kind,
        channel=intent.channel,
        subject=draft.subject,
        language=intent.language,
        intent=intent,
        names=names_in(intent) + _written_names(intent),
        send_date=intent.send_date or settings.today or date.today(),
        options=settings.options,
    )


def _with_grammar(draft: Draft, findings: list[Finding]) -> Draft:
    settings = dataclasses.replace(draft._settings, grammar=True)
    return dataclasses.replace(
        draft, findings=sort_findings(findings + list(draft.findings)), _settings=settings
    )


def draft_many(
    intents: Iterable[Intent | Mapping[str, Any] | str | os.PathLike[str]],
    *,
    pack: str | os.PathLike[str] | Pack | None = None,
    check: bool = True,
    grammar: bool = True,
    disable: Collection[str] = (),
    options: Mapping[str, Any] | None = None,
    today: date | None = None,
    batch: int = BATCH,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Outcome]:
    """Draft and check every intent; yield each outcome in input order as soon as it is complete.

    Options are ``draft()``'s. *progress* is called with the number of messages just completed.
    """
    from askcraft._packs.discovery import resolve_packs  # noqa: PLC0415

    settings = _Settings(
        packs=tuple(resolve_packs(pack)),
        check=check,
        grammar=False,
        disable=tuple(disable),
        options=dict(options or {}),
        today=today,
    )
    with_grammar = check and grammar and "grammar" not in disable
    pending: list[tuple[list[Outcome], Future[list[list[Finding]]] | None]] = []
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="askcraft-grammar") as pool:
        chunk: list[Outcome] = []
        for index, intent in enumerate(intents):
            chunk.append(_one(index, intent, settings))
            if len(chunk) >= batch:
                pending.append(_submit(pool, chunk, with_grammar, disable))
                chunk = []
                # Keep one batch in LanguageTool while the next is drafted; hand back the one before.
                while len(pending) > 1:
                    yield from _finish(*pending.pop(0), progress)
        if chunk:
            pending.append(_submit(pool, chunk, with_grammar, disable))
        for done in pending:
            yield from _finish(*done, progress)


def _one(index: int, intent: Any, settings: _Settings) -> Outcome:
    try:
        return Outcome(index, _draft(_coerce_intent(intent), settings, variant=None))
    except AskcraftError as exc:
        return Outcome(index, None, exc)


def _submit(
    pool: ThreadPoolExecutor, chunk: list[Outcome], with_grammar: bool, disable: Collection[str]
) -> tuple[list[Outcome], Future[list[list[Finding]]] | None]:
    if not with_grammar:
        return chunk, None
    contexts = [_grammar_context(o.draft) for o in chunk if o.draft is not None]
    return chunk, pool.submit(check_many, contexts, disable=(*_NOT_GRAMMAR, *disable))


def _finish(
    chunk: list[Outcome],
    future: Future[list[list[Finding]]] | None,
    progress: Callable[[int], None] | None,
) -> Iterator[Outcome]:
    results = iter(future.result() if future is not None else [])
    for outcome in chunk:
        if outcome.draft is not None and future is not None:
            yield dataclasses.replace(outcome, draft=_with_grammar(outcome.draft, next(results)))
        else:
            yield outcome
    if progress is not None:
        progress(len(chunk))
