"""The intent: a validated description of one ask (who, what, why) and its follow-ups."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from askcraft._errors import IntentError
from askcraft._intent.safe_text import UNSAFE_CHARS, email_problem

Kind = Literal["request", "reminder", "thank-you"]
Goal = Literal["job-leads", "introduction", "informational-interview", "referral", "advice", "favour"]
Relationship = Literal[
    "friend", "family", "former-colleague", "colleague", "mentor", "acquaintance", "alumni"
]
Channel = Literal["email", "linkedin-message", "linkedin-connection-note", "text"]
#: How the message addresses the recipient where a language has two ways (du/Sie, tu/vous, tú/usted).
Formality = Literal["formal", "informal"]
Pronouns = Literal["she/her", "he/him", "they/them"]

KINDS: tuple[str, ...] = get_args(Kind)
GOALS: tuple[str, ...] = get_args(Goal)
RELATIONSHIPS: tuple[str, ...] = get_args(Relationship)
CHANNELS: tuple[str, ...] = get_args(Channel)
#: Relationships that get the warm, short voice; everyone else gets the more formal one.
WARM_RELATIONSHIPS = frozenset({"friend", "family"})

#: Goals whose help is a conversation: a thank-you may say "thank you again", as they thanked at its end.
AFTER_A_TALK = frozenset({"informational-interview", "advice"})

#: Asking one person for more names than this is refused outright; more than five is only flagged.
MAX_COUNT = 20

#: Names of fields a pack adds under ``extra``: lowercase letters, digits and underscores.
EXTRA_FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_URL = re.compile(r"https?://[^\s<>\"'`\x00-\x1f\x7f]+\.[^\s<>\"'`\x00-\x1f\x7f]+")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
#: English help told as what the sender felt about it: "I really appreciated the call" thanks them
#: "for the call" (the words after it).
FELT = re.compile(
    r"^(?:i|we)\s*(?:(?:really|truly|so|very|much|greatly|genuinely|also)\s+)*"
    r"(?:appreciated|appreciate|enjoyed|loved|valued|liked|(?:am|'m|are|'re)\s+(?:so\s+)?grateful\s+for)\s+(.+)$",
    re.IGNORECASE,
)
#: What opens English help that is a sentence about the sender, not what they did ("I got the job").
_ABOUT_ME = frozenset({"i", "i'm", "i've", "i'd", "i'll", "we", "we're", "we've", "we'd"})


def _one_line(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("must not be empty or only spaces")
    if UNSAFE_CHARS.search(value):
        raise ValueError("must be a single line (no newlines, tabs, control characters or direction marks)")
    return re.sub(r" {2,}", " ", value)


def _text(value: str) -> str:
    """Free text may span lines (a reason, an outcome) but is never empty."""
    value = value.strip()
    if not value:
        raise ValueError("must not be empty or only spaces")
    if re.search(r"[\x00-\x08\x0b-\x1f\x7f]", value):
        raise ValueError("must not contain control characters")
    return re.sub(r"\s+", " ", value)


def _email(value: str) -> str:
    value = value.strip()
    problem = email_problem(value)
    if problem:
        raise ValueError(problem)
    return value


def _link(value: str) -> str:
    value = value.strip()
    if not _URL.fullmatch(value):
        raise ValueError("must be a web address like https://www.linkedin.com/in/alex-kim")
    return value


# The length limit comes first so its message says "characters" rather than pydantic's "items".
Link = Annotated[str, Field(max_length=200), AfterValidator(_link)]
Line = Annotated[str, Field(max_length=120), AfterValidator(_one_line)]
Text = Annotated[str, Field(max_length=600), AfterValidator(_text)]
Email = Annotated[str, Field(max_length=254), AfterValidator(_email)]
PlainValue = str | int | float | bool | None
ExtraValue = PlainValue | list[PlainValue] | dict[str, PlainValue]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False)


class Recipient(_Model):
    """The person you are asking."""

    name: Line = Field(description="Their name as you would write it in a greeting, e.g. 'Sam Lee'.")
    relationship: Relationship = Field(
        description="How you know them; sets the voice (warm for friends and family, formal otherwise)."
    )
    email: Email | None = Field(default=None, description="Their email address, for the To: header.")
    company: Line | None = Field(default=None, description="Where they work, if it matters to the ask.")
    greeting: Line | None = Field(
        default=None,
        description="The whole greeting, when the one askcraft would write is not how you greet them, "
        "e.g. 'Hi Granny' or 'Dear Professor Lin'.",
    )
    pronouns: Pronouns | None = Field(
        default=None,
        description="Their pronouns, for languages whose greetings agree with the person ('Liebe Frau "
        "Lee', 'Chère Sam', 'Estimada Sra. Lee'). Never guessed from a name: without them the "
        "greeting is one that needs no gender.",
    )


class Sender(_Model):
    """You: the person asking."""

    name: Line = Field(description="Your name, used to sign the message, e.g. 'Alex Kim'.")
    reason: Text | None = Field(
        default=None,
        description="Why you are making this change, stated positively, e.g. 'I want to put my "
        "maths degree to work in finance'. Required for requests.",
    )
    signature: Text | None = Field(
        default=None, description="How to sign off (defaults to your first name or full name)."
    )
    email: Email | None = Field(default=None, description="Your email address, for the From: header.")
    links: tuple[Link, ...] = Field(
        default=(),
        max_length=3,
        description="Up to three links of yours (a profile, a CV, a portfolio), put under your name.",
    )


class Intent(_Model):
    """What you want to ask, of whom, and why: everything a template needs to draft a message."""

    kind: Kind = Field(description="Which message to draft: the request, a reminder, or a thank-you.")
    goal: Goal = Field(description="What you are asking for.")
    recipient: Recipient
    sender: Sender
    industry: Line | None = Field(default=None, description="The industry you are aiming at, e.g. 'banking'.")
    role: Line | None = Field(default=None, description="The role you are aiming at, e.g. 'data analyst'.")
    company: Line | None = Field(default=None, description="A company you are aiming at, e.g. 'Acme Bank'.")
    count: int | None = Field(
        default=None,
        ge=1,
        le=MAX_COUNT,
        description="How many names you ask for (written in words). One to five is best: ask many "
        "people for a little. An introduction without one is to one person.",
    )
    details: Text | None = Field(
        default=None,
        description="What exactly you would like, as it would follow 'could you', e.g. 'look over my "
        "CV'; a question ('how you got your first ICU job') or a thing ('feedback on my portfolio') "
        "works too. For favours it is the ask; for advice, a follow-up question; other goals leave it "
        "out and say so.",
    )
    hook: Text | None = Field(
        default=None,
        description="How you know them, or why you are asking them in particular, e.g. 'we met at the "
        "PyCon sprint in 2019'.",
    )
    news: Text | None = Field(
        default=None,
        description="For reminders: what is new since you asked, e.g. 'I passed my CFA Level I exam'.",
    )
    channel: Channel = Field(default="email", description="Where the message will be sent.")
    language: str = Field(default="en-US", description="BCP 47 language tag of the message.")
    formality: Formality | None = Field(
        default=None,
        description="Formal (Sie, vous, usted) or informal (du, tu, tú) address, for languages that "
        "have both; by default informal for friends and family, formal for everyone else.",
    )
    sent_on: date | None = Field(
        default=None, description="When the original request was sent (for reminders)."
    )
    send_date: date | None = Field(
        default=None, description="When this message will be sent (default: today)."
    )
    reminders_sent: int = Field(
        default=0, ge=0, le=10, description="How many reminders you have already sent for this ask."
    )
    help: Text | None = Field(
        default=None,
        description="For thank-yous: what they did, as it would follow 'thank you for', "
        "e.g. 'introducing me to Priya'.",
    )
    outcome: Text | None = Field(
        default=None, description="For thank-yous: what came of it, e.g. 'I have an interview on Monday'."
    )
    gift: Line | None = Field(
        default=None, description="For thank-yous: a small gift you are sending, e.g. 'some flowers'."
    )
    extra: dict[str, ExtraValue] = Field(
        default_factory=dict, description="Fields a template pack declares beyond the standard ones."
    )

    @field_validator("count", "reminders_sent", mode="before")
    @classmethod
    def _not_a_bool(cls, value: Any) -> Any:
        # YAML reads "count: yes" as True, which pydantic would quietly turn into 1.
        if isinstance(value, bool):
            raise ValueError("must be a whole number, not yes/no")
        return value

    @field_validator("language")
    @classmethod
    def _check_language(cls, value: str) -> str:
        if not _LANGUAGE.fullmatch(value):
            raise ValueError("must be a BCP 47 language tag such as 'en-US' or 'en-GB'")
        return value

    @field_validator("help")
    @classmethod
    def _help_says_what_they_did(cls, value: str | None, info: ValidationInfo) -> str | None:
        """English help follows "thank you for": a sentence about the sender cannot ("I got the job")."""
        if not value or not str(info.data.get("language", "en")).lower().startswith("en"):
            return value
        first = value.split(None, 1)[0].lower().replace("\u2019", "'")
        if first in _ABOUT_ME and not FELT.match(value.strip().replace("\u2019", "'")):
            raise ValueError(
                "a sentence about you cannot follow 'thank you for': say what they did "
                "(e.g. 'the call on Tuesday' or 'introducing me to Priya'), and put what came of it "
                "in outcome (--outcome on the command line)"
            )
        return value

    @field_validator("extra")
    @classmethod
    def _check_extra(cls, value: dict[str, ExtraValue]) -> dict[str, ExtraValue]:
        for key in value:
            if not EXTRA_FIELD_NAME.fullmatch(key):
                raise ValueError(f"key {key!r} must be lowercase letters, digits and underscores")
        return value

    @model_validator(mode="before")
    @classmethod
    def _one_introduction(cls, data: Any) -> Any:
        """An introduction is to one person ("someone at Arup") unless the intent says how many."""
        if isinstance(data, dict) and data.get("goal") == "introduction" and data.get("count") is None:
            return {**data, "count": 1}
        return data

    @model_validator(mode="after")
    def _dates_in_order(self) -> Intent:
        if self.sent_on is not None and self.send_date is not None and self.sent_on > self.send_date:
            raise ValueError(
                f"sent_on ({self.sent_on.isoformat()}) is after send_date ({self.send_date.isoformat()}): "
                "the request must go out before its follow-up"
            )
        return self

    @model_validator(mode="after")
    def _channel_can_carry_kind(self) -> Intent:
        if self.channel == "linkedin-connection-note" and self.kind != "request":
            raise ValueError(
                f"channel: a {self.kind} cannot go as a linkedin-connection-note (LinkedIn takes one note "
                "with an invitation, and none once you are connected); use linkedin-message, email or text"
            )
        return self

    @classmethod
    def parse(cls, data: Any, *, source: str | None = None) -> Intent:
        """Validate *data* (a mapping) into an Intent, or raise IntentError listing every problem."""
        if not isinstance(data, dict):
            where = f"{source}: " if source else ""
            raise IntentError(
                f"{where}an intent must be a mapping of fields (kind, goal, recipient, ...), "
                f"not {type(data).__name__}",
                source=source,
            )
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            raise intent_error(exc, source=source) from None


def _describe(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc) or "(intent)"


def intent_error(exc: ValidationError, *, source: str | None = None) -> IntentError:
    """Turn a pydantic error into one IntentError that names every bad field and what is accepted."""
    problems: list[str] = []
    for err in exc.errors(include_url=False):
        field = _describe(err["loc"])
        kind = err["type"]
        if kind == "missing":
            problems.append(f"{field}: required")
        elif kind == "extra_forbidden":
            problems.append(f"{field}: unknown field (put pack-specific fields under 'extra')")
        else:
            # pydantic says "Input should be ..."; askcraft's messages (and its CLI) say "must be ...".
            msg = err["msg"].removeprefix("Value error, ").replace("Input should be", "must be", 1)
            got = err.get("input")
            shown = f" (got {got!r})" if isinstance(got, str | int | float) and len(repr(got)) < 60 else ""
            # A check across fields (dates, channel and kind) names its fields in its own message.
            problems.append(f"{msg}{shown}" if not err["loc"] else f"{field}: {msg}{shown}")
    where = f"{source}: " if source else ""
    noun = "problem" if len(problems) == 1 else "problems"
    message = f"{where}invalid intent, {len(problems)} {noun}:\n  " + "\n  ".join(problems)
    return IntentError(message, problems=problems, source=source)
