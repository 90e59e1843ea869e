"""Nothing the user gave is lost without a word: a finding for each fact a draft left out.

After a template renders, every fact the intent gave for this kind of message (the reason, the
hook, the news, what they did, what came of it, the gift, the favour, links, where you are
aiming) is looked for in the body. A fact that is not there becomes a ``content`` finding that
names it and says what to do: usually, use a roomier channel. This works for any pack, since
it looks at the output, not at the template.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from askcraft._checks.findings import Finding, Severity
from askcraft._draft.untranslated import looks_english
from askcraft._intent.model import Intent
from askcraft._render.languages import primary

_ROOMIER = {
    "text": "send it as an email or a LinkedIn message, or in two texts",
    "linkedin-connection-note": "send it as a LinkedIn message once they accept, or by email",
}
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")


def _words(text: str) -> list[str]:
    # Case, curly apostrophes, a plural s and a possessive do not make a fact a different one ("UI
    # designers", "Deloitte's consulting arm").
    return [
        w.casefold().replace("\u2019", "'").removesuffix("'s").removesuffix("s") for w in _WORD.findall(text)
    ]


def _said(fact: str, body_words: list[str], *, probe: int = 6) -> bool:
    """Return whether *fact* is in the body: its first *probe* words, and its last ones when it is long."""
    words = _words(fact)
    if not words:
        return True
    probes = [words[:probe]] + ([words[-probe:]] if len(words) > 2 * probe else [])
    return all(_contains(body_words, part) for part in probes)


def _contains(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def _any_said(forms: list[str | None], body_words: list[str]) -> bool:
    return any(form and _said(form, body_words) for form in forms)


def _finding(rule: str, severity: Severity, message: str) -> Finding:
    return Finding(category="content", severity=severity, rule=rule, message=message)


def _facts(intent: Intent, context: Mapping[str, Any]) -> list[tuple[str, str, list[str | None]]]:
    """Return (rule, what, the forms it may take) for each fact this kind of message must carry."""
    facts: list[tuple[str, str, list[str | None]]] = []
    kind = intent.kind
    if kind == "request":
        if intent.sender.reason and not context.get("reason_unusable"):
            reason = intent.sender.reason
            facts.append(("reason", "reason", [context.get("reason"), context.get("reason_short"), reason]))
        if intent.hook:
            facts.append(("hook", "hook (how you know them)", [context.get("hook_sentence"), intent.hook]))
    if kind == "reminder" and intent.news:
        facts.append(("news", "news", [context.get("news_sentence"), intent.news]))
    if kind in {"request", "reminder"} and intent.details and intent.goal in {"favour", "advice"}:
        # A question is asked as it is: "...and in particular which vendors hire", not "tell me which".
        forms = [context.get("ask_details"), context.get("ask_question"), intent.details]
        facts.append(("details", "details of the favour", forms))
    if kind == "thank-you":
        if intent.help:
            facts.append(("help", "thanks (what they did)", [intent.help, context.get("thanks_for")]))
        if intent.outcome:
            facts.append(("outcome", "outcome", [context.get("outcome_sentence"), intent.outcome]))
        if intent.gift:
            facts.append(("gift", "gift", [context.get("gift_phrase"), intent.gift]))
    return facts


def dropped(intent: Intent, context: Mapping[str, Any], body: str) -> int:
    """Return how many facts the user gave that *body* leaves out, for the fit to weigh wordings.

    Each fact ``left_out`` would report counts (a reason cut to its main point is still said), and
    so does each of the role, industry and company: a wording that says "editor openings" keeps
    more than one that says "openings", though both say where.
    """
    words = _words(body)
    lost = sum(f.rule.startswith("content.left-out.") for f in left_out(intent, context, body))
    target = context.get("target") or {}
    for aim in ("role", "industry", "company"):
        given = getattr(intent, aim)
        lost += bool(given) and not _any_said([given, target.get(aim)], words)
    return lost


#: The words each fact is typed in, for the finding that says a German, French or Spanish draft
#: carries it in English.
_LANGUAGE_NAMES = {"de": "German", "fr": "French", "es": "Spanish"}


def _typed(intent: Intent, rule: str) -> str | None:
    given = {"reason": intent.sender.reason, "help": intent.help}
    return given[rule] if rule in given else getattr(intent, rule, None)


def _untranslated(intent: Intent, context: Mapping[str, Any], words: list[str]) -> list[Finding]:
    """Return a finding for each fact the draft carries as the user typed it, in English, in a message
    in another language ("After six years teaching math, I want to work in finance." in Spanish)."""
    language = _LANGUAGE_NAMES.get(primary(intent.language))
    if language is None:
        return []
    found = []
    for rule, what, forms in _facts(intent, context):
        typed = _typed(intent, rule)
        if typed and _any_said(forms, words) and looks_english(typed, intent.language):
            found.append(
                _finding(
                    f"content.untranslated.{rule}",
                    "warning",
                    f"Your {what} is in English, and this message is in {language}: it went in as you "
                    f"typed it ({typed!r}). Write it in {language}, or draft the message in English.",
                )
            )
    return found


def left_out(intent: Intent, context: Mapping[str, Any], body: str) -> list[Finding]:
    """Return a finding for each fact of *intent* that the rendered *body* does not contain."""
    words = _words(body)
    channel = intent.channel.replace("-", " ")
    roomier = _ROOMIER.get(intent.channel)
    # A short channel had no room; a letter left it out because its template does (a pack's choice).
    why = "there was no room for it" if roomier else "this template leaves it out"
    to_include = roomier or "add it by hand, or try another variant"
    found = [
        _finding(
            f"content.left-out.{rule}",
            "warning",
            f"Your {what} is not in this {channel}: {why}. To include it, {to_include}.",
        )
        for rule, what, forms in _facts(intent, context)
        if not _any_said(forms, words)
    ]
    found += _untranslated(intent, context, words)
    reason, short = context.get("reason"), context.get("reason_short")
    cut = (
        intent.kind == "request"
        and reason
        and short
        and len(short) < 0.6 * len(reason)
        and not _said(reason, words)
        and _said(short, words)
    )
    if cut:
        found.append(
            _finding(
                "content.shortened.reason",
                "suggestion",
                f"Your reason was cut to its main point to fit ({short!r}); the rest of it is not in this "
                f"{channel}. If it matters, {roomier or 'add it by hand'}.",
            )
        )
    if intent.kind == "request" and context.get("reason_unusable"):
        found.append(
            _finding(
                "content.reason-person",
                "warning",
                "Your reason is written about you in the third person, so it was left out of this "
                "first-person message. Write it as you would say it, e.g. 'I want to move into HR'.",
            )
        )
    target = context.get("target") or {}
    aims = [intent.company, intent.industry, intent.role]
    forms = [*aims, intent.recipient.company, *(target.get(k) for k in ("role", "industry", "company"))]
    needs_aim = intent.kind != "thank-you" and intent.goal != "favour"  # a favour is its own details
    if needs_aim and any(aims) and not _any_said(forms, words):
        found.append(
            _finding(
                "content.left-out.target",
                "suggestion",
                "This message does not say where you are aiming (the industry, role or company you gave); "
                "add it so the ask is specific.",
            )
        )
    other_goal = intent.goal not in {"favour", "advice"}
    if intent.kind == "request" and intent.details and other_goal and not _said(intent.details, words):
        found.append(
            _finding(
                "content.left-out.details",
                "warning",
                f"Your details ({intent.details!r}) are not in this {channel}: a {intent.goal} request is "
                "worded from its goal, and a second favour beside it would make two asks. Add them by "
                "hand if they belong, or ask for them on their own with goal 'favour'.",
            )
        )
    absent = [link for link in intent.sender.links if link not in body]
    if absent and intent.kind != "thank-you":
        many = len(absent) > 1
        found.append(
            _finding(
                "content.left-out.links",
                "suggestion",
                f"Your link{'s' if many else ''} ({', '.join(absent)}) {'are' if many else 'is'} not in this "
                f"{channel}; add one by hand if it helps, or use an email.",
            )
        )
    return found
