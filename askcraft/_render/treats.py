"""A thank-you offers no treat the news already names, in every language and template.

"We're meeting for coffee next week. ... Next coffee's on me!" offers what is already planned. The
templates pass their offers through the ``unnamed_treats`` filter, which keeps those that name no
treat the outcome names; the treats and their words are in ``data/treats.yaml``.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from jinja2 import pass_context

from askcraft._render.languages import primary
from askcraft._render.lexicon import table


@functools.cache
def _treats(code: str) -> tuple[re.Pattern[str], ...]:
    data = table("treats")
    groups: list[list[str]] = data.get(code, data["en"])
    return tuple(re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, g))})", re.IGNORECASE) for g in groups)


def unnamed_treats(offers: list[str], outcome: str | None, language: str) -> list[str]:
    """Return the *offers* that offer no treat *outcome* already names."""
    treats = _treats(primary(language))
    named = [t for t in treats if outcome and t.search(outcome)]
    return [offer for offer in offers if not any(t.search(offer) for t in named)]


@pass_context
def unnamed_treats_filter(context: Any, offers: list[str]) -> list[str]:
    """The ``unnamed_treats`` filter: *offers* less those naming a treat the outcome names."""
    language = str(context.get("language") or "en-US")
    return unnamed_treats([str(o) for o in offers], context.get("outcome_sentence"), language)
