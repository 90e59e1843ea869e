"""Check text you wrote yourself: one message (``check``) or many at once (``check_many``).

Many texts share one LanguageTool server, with concurrent requests and no repeats."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Collection, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any

from askcraft._checks.context import CheckContext, check_context
from askcraft._checks.findings import Finding
from askcraft._checks.registry import (
    BUILTIN_CHECKERS,
    GRAMMAR_CHECKERS,
    load_checker,
    run_checks,
    sort_findings,
)
from askcraft._checks.rules.base import OptionError
from askcraft._intent.model import Intent

#: Concurrent requests; LanguageTool's server checks up to this many texts at once.
DEFAULT_WORKERS = 4


def check_many(
    texts: Iterable[str | CheckContext],
    *,
    kind: str = "request",
    channel: str = "email",
    subject: str | None = None,
    language: str = "en-US",
    names: Collection[str] = (),
    grammar: bool = True,
    disable: Collection[str] = (),
    options: Mapping[str, Any] | None = None,
    send_date: date | None = None,
    max_workers: int | None = None,
) -> list[list[Finding]]:
    """Check every text and return their findings in the same order, most severe first.

    A text may be a plain string (checked with the keyword arguments) or a full
    ``CheckContext``. Identical inputs are checked once. All checks share one
    LanguageTool server, which is started (or found) before the first request.
    """
    contexts = [
        item
        if isinstance(item, CheckContext)
        else check_context(
            item,
            kind=kind,
            channel=channel,
            subject=subject,
            language=language,
            names=names,
            options=options,
            send_date=send_date,
        )
        for item in texts
    ]
    unique: dict[CheckContext | tuple[Any, ...], CheckContext] = {}
    keys = [_key(ctx) for ctx in contexts]
    for key, ctx in zip(keys, contexts, strict=True):
        unique.setdefault(key, ctx)
    if not unique:
        return []
    if grammar and "grammar" not in disable:
        _prepare_server()
    workers = max(1, min(max_workers or DEFAULT_WORKERS, len(unique), (os.cpu_count() or 2) * 4))

    def run(ctx: CheckContext) -> list[Finding]:
        return run_checks(ctx, grammar=grammar, disable=disable)

    if workers == 1:
        results = [run(ctx) for ctx in unique.values()]
    else:
        # The pool's threads only talk to LanguageTool, so each sends its next text the moment an
        # answer arrives; the CPU-bound tone checks run here meanwhile, not between requests.
        grammar_only = {name: load_checker(name) for name in GRAMMAR_CHECKERS if name in BUILTIN_CHECKERS}

        def grammar_of(ctx: CheckContext) -> list[Finding]:
            return run_checks(ctx, grammar=grammar, disable=disable, checkers=grammar_only)

        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="askcraft-check") as pool:
            pending = [pool.submit(grammar_of, ctx) for ctx in unique.values()]
            rest = [run_checks(ctx, grammar=False, disable=disable) for ctx in unique.values()]
            results = [
                sort_findings(done.result() + other) for done, other in zip(pending, rest, strict=True)
            ]
    by_key = dict(zip(unique, results, strict=True))
    return [list(by_key[key]) for key in keys]


def _key(ctx: CheckContext) -> CheckContext | tuple[Any, ...]:
    try:
        hash(ctx)
    except TypeError:  # options or the intent are not hashable: key on the parts that are
        return tuple(
            repr(value) if not _hashable(value) else value
            for value in (getattr(ctx, f.name) for f in dataclasses.fields(ctx))
        )
    return ctx


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def _prepare_server() -> None:
    """Start (or find) the server once, so worker threads do not all wait on the start-up."""
    from askcraft._grammar import checker as grammar_checker  # noqa: PLC0415

    if grammar_checker.override is not None:  # a test double stands in for LanguageTool
        return
    # On failure every check reports the same notice at once (the checker's circuit breaker).
    grammar_checker.prepare_server()


def check(
    text: str,
    *,
    kind: str = "request",
    channel: str = "email",
    subject: str | None = None,
    language: str = "en-US",
    intent: Intent | None = None,
    names: Collection[str] = (),
    grammar: bool = True,
    disable: Collection[str] = (),
    options: Mapping[str, Any] | None = None,
    send_date: date | str | None = None,
) -> list[Finding]:
    """Check a message you wrote yourself and return its findings, most severe first.

    *send_date* is when the message goes out (a reminder's wait is counted to it): a ``date`` or
    ``"YYYY-MM-DD"``.
    """
    if isinstance(send_date, str):
        try:
            send_date = date.fromisoformat(send_date)
        except ValueError:
            raise OptionError(f"send_date {send_date!r} is not a date: write it as YYYY-MM-DD") from None
    ctx = check_context(
        text,
        kind=kind,
        channel=channel,
        subject=subject,
        language=language,
        intent=intent,
        names=names,
        options=options,
        send_date=send_date,
    )
    return run_checks(ctx, grammar=grammar, disable=disable)
