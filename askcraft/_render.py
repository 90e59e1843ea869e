"""Sandboxed rendering: the Jinja environment packs run in, its filters, and the template context."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2.exceptions import SecurityError

from askcraft._errors import RenderError
from askcraft._intent import WARM_RELATIONSHIPS, Intent

if TYPE_CHECKING:
    import inflect

#: The most text one template may produce; more is a runaway loop, not a message.
MAX_OUTPUT = 20_000


@cache
def _engine() -> inflect.engine:
    from askcraft._inflect import import_inflect  # noqa: PLC0415  (only needed when rendering)

    engine: inflect.engine = import_inflect().engine()
    return engine


def number_words(value: int, *, threshold: int = 100) -> str:
    """Write a count in words: 3 -> 'three' (numbers of *threshold* and above stay digits)."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"words expects a whole number, got {value!r}")
    if value >= threshold:
        return str(value)
    return str(_engine().number_to_words(value))  # type: ignore[arg-type]  # inflect types Number


def plural(noun: str, count: int = 2) -> str:
    """Return *noun* in the form that goes with *count*: ('person', 3) -> 'people'."""
    return str(_engine().plural_noun(noun, count)) if count != 1 else noun


def article(phrase: str) -> str:
    """Prefix *phrase* with 'a' or 'an' as it is pronounced: 'an hour', 'a university'."""
    # inflect says "an UX", "an URL": a capital U spelt out sounds like "you", which takes "a".
    if _SPELT_U.match(phrase):
        return f"a {phrase}"
    return str(_engine().a(phrase))


_SPELT_U = re.compile(r"U[A-Z]+\b")


def join_names(items: list[str], conj: str = "and") -> str:
    """Join words in a list the way people write them: 'A, B and C'."""
    return str(_engine().join(list(items), conj=conj, final_sep=""))


def possessive(name: str) -> str:
    """Return the possessive of a name: 'Sam' -> "Sam's", 'James' -> "James's"."""
    return name if name.endswith(("'", "\u2019")) else f"{name}'s"


def sentence(text: str) -> str:
    """Make free text one sentence: first letter capital, ending punctuation added if missing."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?…" else text + "."


def clause(text: str) -> str:
    """Make free text fit mid-sentence: first letter lower-case unless it looks like a name, no end stop."""
    text = text.strip().rstrip(".")
    if len(text) > 1 and text[0].isupper() and text[1].islower() and not text.startswith("I "):
        first = text.split(" ", 1)[0]
        if first.lower() in _LOWERABLE:
            text = text[0].lower() + text[1:]
    return text


#: Words that start a user's phrase and are safe to lower-case when it moves mid-sentence.
_LOWERABLE = frozenset(
    (
        "a",
        "an",
        "the",
        "my",
        "our",
        "after",
        "since",
        "i'm",
        "because",
        "having",
        "with",
        "for",
        "to",
        "in",
        "at",
        "when",
        "while",
        "now",
        "over",
        "introducing",
        "putting",
        "passing",
        "sending",
        "sharing",
        "reading",
        "looking",
        "reviewing",
        "helping",
        "telling",
        "giving",
        "taking",
        "making",
        "connecting",
        "recommending",
        "referring",
        "meeting",
        "talking",
        "spending",
        # Details follow "could you", so they usually start with a verb.
        "look",
        "share",
        "tell",
        "give",
        "send",
        "review",
        "read",
        "check",
        "help",
        "introduce",
        "put",
        "pass",
        "connect",
        "recommend",
        "meet",
        "talk",
        "take",
        "make",
        "write",
        "proofread",
        "explain",
        "walk",
        "show",
        "let",
        "answer",
        "be",
    )
)


def capfirst(text: str) -> str:
    """Capitalise the first letter only, leaving names later in the text alone."""
    return text[:1].upper() + text[1:]


def first_name(name: str) -> str:
    """Return the name used in a greeting: the first word, or title and surname ('Dr. Cruz')."""
    words = name.split()
    if not words:
        return name
    # "Hi Dr.," is no greeting: someone named with a title is greeted by title and surname.
    if len(words) > 1 and words[0].rstrip(".").casefold() in _TITLES:
        return f"{words[0]} {words[-1]}"
    return words[0]


_TITLES = frozenset(("dr", "mr", "mrs", "ms", "mx", "miss", "prof", "professor", "sir", "dame"))


FILTERS: dict[str, Callable[..., Any]] = {
    "words": number_words,
    "plural": plural,
    "a": article,
    "join_names": join_names,
    "possessive": possessive,
    "sentence": sentence,
    "clause": clause,
    "first_name": first_name,
    "capfirst": capfirst,
}


# -- the context a template sees ------------------------------------------------------------------


def _where(intent: Intent) -> str:
    """Say where the sender is aiming, as a place: 'in banking', 'at Acme' (roles are not places)."""
    if intent.company:
        return f"at {intent.company}"
    if intent.industry:
        return f"in {intent.industry}"
    return ""


def _field(intent: Intent) -> str:
    """Name the field the sender is aiming at as a noun phrase: 'banking', 'data analyst roles'."""
    if intent.industry:
        return intent.industry
    if intent.role:
        return f"{intent.role} roles"
    return intent.company or ""


def _long_date(day: date) -> str:
    return f"{day.strftime('%B')} {day.day}"


def build_context(intent: Intent, *, today: date) -> dict[str, Any]:
    """Flatten an intent into plain values (str, int, bool, lists and dicts of those) for a template."""
    data = intent.model_dump(mode="python")
    send_date = intent.send_date or today
    recipient = dict(data["recipient"])
    sender = dict(data["sender"])
    warm = intent.recipient.relationship in WARM_RELATIONSHIPS
    recipient["first_name"] = first_name(intent.recipient.name)
    sender["first_name"] = first_name(intent.sender.name)
    sender["signature"] = intent.sender.signature or (sender["first_name"] if warm else intent.sender.name)
    context: dict[str, Any] = {
        key: value
        for key, value in data.items()
        if key not in {"recipient", "sender", "sent_on", "send_date", "extra"}
    }
    context.update(
        recipient=recipient,
        sender=sender,
        extra=dict(data["extra"]),
        warm=warm,
        voice="warm" if warm else "formal",
        where=_where(intent),
        field=_field(intent),
        sent_on=intent.sent_on.isoformat() if intent.sent_on else None,
        sent_on_text=_long_date(intent.sent_on) if intent.sent_on else None,
        send_date=send_date.isoformat(),
        days_since=(send_date - intent.sent_on).days if intent.sent_on else None,
    )
    return context


def variant_index(intent: Intent, count: int) -> int:
    """Pick a variant from the recipient, so different people get different phrasings, stably."""
    key = f"{intent.recipient.name.casefold()}|{intent.kind}|{intent.goal}".encode()
    return int.from_bytes(hashlib.sha256(key).digest()[:8], "big") % count


# -- tidying the output --------------------------------------------------------------------------

_SPACES = re.compile(r"[ \t]{2,}")
_SPACE_BEFORE_PUNCT = re.compile(r" +([,.;:!?])")
_BLANKS = re.compile(r"\n{3,}")


def tidy(text: str) -> str:
    """Normalise template whitespace: one space between words, at most one blank line, no edges."""
    lines = [_SPACE_BEFORE_PUNCT.sub(r"\1", _SPACES.sub(" ", line)).strip() for line in text.splitlines()]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def render_blocks(
    template: jinja2.Template, context: Mapping[str, Any], *, names: tuple[str, ...] = ("subject", "body")
) -> dict[str, str | None]:
    """Render *template* once and return its named blocks (a template without blocks is all body).

    The whole template runs, so top-level ``{% import %}`` and ``{% set %}`` reach the blocks;
    each block's output is captured as Jinja calls it.
    """
    ctx = template.new_context(dict(context))
    captured: dict[str, str] = {}

    def capture(name: str, block: Callable[[Any], Iterator[str]]) -> Callable[[Any], Iterator[str]]:
        def run(block_ctx: Any) -> Iterator[str]:
            captured[name] = _limited(block(block_ctx))
            yield captured[name]

        return run

    for name in names:
        if ctx.blocks.get(name):
            ctx.blocks[name] = [capture(name, ctx.blocks[name][0]), *ctx.blocks[name][1:]]
    whole = _limited(template.root_render_func(ctx))
    out: dict[str, str | None] = {name: tidy(captured[name]) if name in captured else None for name in names}
    if not captured:
        out["body"] = tidy(whole)
    if out.get("subject") is not None:
        out["subject"] = " ".join((out["subject"] or "").split())
    return out


def _limited(chunks: Iterator[str]) -> str:
    parts: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_OUTPUT:
            raise SecurityError(f"the template produced more than {MAX_OUTPUT} characters")
        parts.append(chunk)
    return "".join(parts)


def describe_template_error(exc: Exception, *, pack: str, template: str) -> RenderError:
    """Turn a Jinja error raised while rendering into a RenderError naming pack, template and line."""
    line = getattr(exc, "lineno", None)
    filename = getattr(exc, "filename", None) or getattr(exc, "name", None) or template
    if line is None:
        line = _traceback_line(exc, template)
    where = f"{filename}, line {line}" if line else filename
    if isinstance(exc, jinja2.UndefinedError):
        what = f"{exc.message}; the template uses a variable the intent does not provide"
    elif isinstance(exc, SecurityError):
        what = f"blocked by the sandbox: {exc}"
    else:
        what = str(getattr(exc, "message", None) or exc)
    return RenderError(f"pack '{pack}', {where}: {what}", pack=pack, file=str(filename), line=line)


def _traceback_line(exc: Exception, template: str) -> int | None:
    """Find the template line from Jinja's rewritten traceback frames."""
    tb = exc.__traceback__
    line = None
    while tb is not None:
        compiled = tb.tb_frame.f_globals.get("__jinja_template__")
        if compiled is not None and tb.tb_frame.f_code.co_filename.endswith(template):
            line = compiled.get_corresponding_lineno(tb.tb_lineno)  # Python line -> template line
        tb = tb.tb_next
    return line
