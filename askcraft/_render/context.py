"""The context a template sees: the intent's facts, each already in the form a sentence needs.

Content is planned before it is worded: this module selects and normalises the facts (who is
greeted and how, where the sender is aiming, the reason in the first person, what they did,
how long ago the ask went out); templates word them; ``Discourse`` keeps each fact said once.
Every value is plain data (str, int, bool, lists and dicts), except the functions
``pick``, ``said``, ``mention``, ``tell`` and ``temper`` (methods of one ``Discourse``).
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from typing import Any

from askcraft._intent.model import AFTER_A_TALK, WARM_RELATIONSHIPS, Intent
from askcraft._render import places, reasons, slots, thanks
from askcraft._render.discourse import Discourse, named_facts
from askcraft._render.fields import clean_field, said_by_role
from askcraft._render.languages import LANGUAGES, gender_from_pronouns, informal, primary
from askcraft._render.names import greeting_name, signed_name
from askcraft._render.words import ago, article, number_words, plural, sentence, told, typed_lower

#: The greeting words each relationship gets; one is picked per recipient (the same one in every
#: follow-up). A formal address ("Dr. Mensah") takes the formal list.
GREETINGS = {
    "family": ("Hi",),
    "friend": ("Hey", "Hi", "Hi"),
    "former-colleague": ("Hi",),
    "colleague": ("Hi",),
    "mentor": ("Hi", "Hello"),
    "acquaintance": ("Hello", "Hi"),
    "alumni": ("Hi", "Hello"),
    "formal": ("Dear", "Hello"),
}


def _long_date(day: date) -> str:
    return f"{day.strftime('%B')} {day.day}"


def _target(intent: Intent) -> dict[str, Any]:
    """Where the sender is aiming, normalised: role without 'role', acronyms in capitals."""
    role = slots.clean_role(intent.role) if intent.role else None
    industry = clean_field(intent.industry) if intent.industry else None
    # "clinical research coordinator" already says "clinical research": every ask says the field
    # once, with the role ("advice on becoming a clinical research coordinator", not "... in clinical
    # research"); the subject may still name it as the topic.
    # So does a role that works only in its field: "physician assistant" says "healthcare".
    names_industry = bool(
        role
        and industry
        and (
            re.search(rf"(?<!\w){re.escape(industry)}(?!\w)", role, re.IGNORECASE)
            or said_by_role(industry, role)
        )
    )
    topic = industry
    if names_industry:
        industry = None
    # A referral is for a company: theirs, when the intent names no other.
    company = intent.company or (intent.recipient.company if intent.goal == "referral" else None)
    if company:
        where, again = places.at(company, intent.language), "there"
    elif industry:
        where, again = f"in {industry}", "in that field"
    else:
        where, again = "", ""
    if topic:
        field = topic
    elif role:
        field = f"{role} roles"
    else:
        field = company or ""
    return {
        "role": role,
        "industry": industry,
        "company": company,
        "a_role": article(role) if role else None,
        "roles": plural(role) if role else None,
        "as_role": f"as {article(role)}" if role else None,
        "in_industry": f"in {industry}" if industry else None,
        "role_names_industry": names_industry,
        "of_role": role,  # French "d'ingénieure", Spanish "de analista"; English needs no "of"
        "role_again": "that kind of role" if role else "",
        "where": where,
        "where_again": again,
        "field": field,
    }


#: Help that is the referral itself: "referred me", "putting my name forward", "a good word".
_REFERRING = re.compile(r"\b(?:refer\w*|recommend\w*|vouch\w*|name forward|(?:good|a) word|word in)\b")
#: Help that already says what it was for: "referred me for the backend role", "for the data team".
_SAYS_WHAT_FOR = re.compile(
    r"\b(?:for(?! (?:me|us|myself)\b)|role|position|job|opening|post|vacancy|opportunity)\b"
)
#: ... and where: "for the backend role at your company", "with the data team".
_SAYS_WHERE = re.compile(r"\b(?:at|with|in|on)\b")
#: ... and to whom, without where: "referring me to the analytics team", "a good word with Dana".
_SAYS_TO_WHOM = re.compile(r"\b(?:to|with)\b")


def _waits_on(intent: Intent, target: dict[str, Any]) -> str | None:
    """Return what a pending outcome with no company waits on: "from them" only where the help
    named people (names, an introduction); "I'm still waiting to hear back from them." after
    "thank you for your advice on my portfolio" has no "them" to mean. None when there is
    nothing to name: the outcome is then said plainly ("I haven't heard back yet.")."""
    if intent.goal in {"job-leads", "introduction"}:
        return "from them"
    return "about the role" if target["role"] else None


def _thanks_for(intent: Intent, target: dict[str, Any]) -> str:
    """Return what a thank-you thanks for; a referral says what for, unless the help says it
    ("for putting my name forward for the bus driver role at Stagecoach")."""
    said = thanks.thanks_for(intent.help or "")
    if intent.goal != "referral":
        return said
    role, company = target["role"], intent.company
    # What came of it may name them ("I accepted the pricing analyst offer"): not said twice.
    came = (intent.outcome or "").casefold()
    role = None if role and role.casefold() in came else role
    company = None if company and company.casefold() in came else company
    told = said.casefold()
    if (company and company.casefold() in told) or (role and role.casefold() in told):
        return said
    referring = _REFERRING.search(told)
    if not referring:
        return said  # "the introduction to Tom", "reviewing my cover letter": another help, as typed
    if _SAYS_WHAT_FOR.search(told, referring.end()):
        # "referring me for the backend role": its own words for what it was for, and the company
        # after them unless it says where ("... at your place").
        if company and not _SAYS_WHERE.search(told, referring.end()):
            return f"{said} {places.at(company, 'en')}"
        return said
    if role and company:
        return f"{said} for the {role} role {places.at(company, 'en')}"
    if role:
        return f"{said} for the {role} role"
    if not company:
        return said
    # "referring me to the analytics team" says to whom: the company says where that is ("... at
    # Boots"), not a second destination ("... to the analytics team to Boots", "a good word with
    # the hiring manager to Boots").
    to_whom = _SAYS_TO_WHOM.search(told, referring.end())
    return f"{said} {places.at(company, 'en', 'at' if to_whom else 'to')}"


#: Greetings that open a letter: a text puts one on its own line ("Dear Professor Lin,"), never
#: exclaimed ("Dear Professor Lin!").
_LETTER_OPENINGS = frozenset({"Dear", "Dearest"})


def _greeting(intent: Intent, name: str, formal: bool, choose: Discourse) -> str:
    own = intent.recipient.greeting
    if own:
        return own.rstrip(" ,!.:;")
    words = GREETINGS["formal" if formal else intent.recipient.relationship]
    word = choose.pick("greeting", words)
    if word == "Dear" and intent.channel == "text":
        word = "Hello"  # nobody texts "Dear Dr. Mensah"
    return f"{word} {name}"


def _reason(intent: Intent, sender_names: tuple[str, ...]) -> dict[str, Any]:
    raw = intent.sender.reason
    if not raw:
        return {"reason": None, "reason_short": None, "reason_rewritten": False, "reason_unusable": False}
    try:
        text, rewritten = reasons.reason_sentence(raw, sender_names)
    except ValueError:
        return {"reason": None, "reason_short": None, "reason_rewritten": False, "reason_unusable": True}
    return {
        "reason": text,
        "reason_short": reasons.short_reason(text),
        "reason_rewritten": rewritten,
        "reason_unusable": False,
    }


def _american(language: str) -> bool:
    """Return whether *language* is written the American way (en, en-US): 'favor', not 'favour'."""
    return language in {"en", "en-US"} or language.startswith("en-US-")


#: English "the" before a company in a message in another language: "the BBC", "The NHS", "the Guardian".
_ENGLISH_THE = re.compile(r"^(?i:the)\s+(?=(?P<acronym>[A-Z0-9&]+\b(?![.'\u2019-]\w))?)")


def _as_name(company: str, intent: Intent) -> str:
    """Return *company* written as a name, as people say it: without its legal form ("at Salesforce",
    not "at Salesforce, Inc."), except in a German letter in the Sie register, where "bei der Siemens AG"
    is how a careful writer names it; in German, French and Spanish without the English article
    typed before it ("chez BBC", not "chez the BBC"), or with its capital when it is the name's own
    ("bei The Guardian"); in English with "the" in lower case, as running text writes it even when
    it is part of the name ("at the Home Depot", "about the Walt Disney Company")."""
    company = slots.company_case(company)
    language = intent.language
    if not (primary(language) == "de" and intent.channel == "email" and not informal(intent)):
        company = places.spoken(company)
    found = _ENGLISH_THE.match(company)
    if found and primary(language) in LANGUAGES:
        company = company[found.end() :] if found["acronym"] else "The " + company[found.end() :]
    elif found and company[found.end() :][:1].isupper():
        company = "the " + company[found.end() :]
    return company


def _companies_as_names(intent: Intent) -> Intent:
    """Return *intent* with its companies written as names: 'two people at google' is 'at Google',
    'Salesforce, Inc.' is 'Salesforce'."""
    company = _as_name(intent.company, intent) if intent.company else intent.company
    theirs = intent.recipient.company
    their_company = _as_name(theirs, intent) if theirs else theirs
    if company == intent.company and their_company == theirs:
        return intent
    recipient = intent.recipient.model_copy(update={"company": their_company})
    return intent.model_copy(update={"company": company, "recipient": recipient})


def build_context(intent: Intent, *, today: date, brevity: int = 0) -> dict[str, Any]:
    """Plan the message's content: the intent's facts in the forms the templates need.

    *brevity* (0, 1, 2) asks templates for a shorter message when a channel has no room.
    German, French and Spanish are planned by ``localised.py`` (same names, their own words);
    a language askcraft has no word data for gets the English phrases (its pack words them).
    """
    intent = _companies_as_names(intent)
    if primary(intent.language) in LANGUAGES:
        from askcraft._render.localised import localised_context  # noqa: PLC0415

        return localised_context(intent, today=today, brevity=brevity)
    data = intent.model_dump(mode="python")
    send_date = intent.send_date or today
    warm = intent.recipient.relationship in WARM_RELATIONSHIPS
    seed = f"{intent.recipient.name.casefold()}|{intent.recipient.relationship}"
    target = _target(intent)
    sender_call = greeting_name(intent.sender.name, warm=True).name
    sender_names = tuple({intent.sender.name, intent.sender.name.split()[0], sender_call})
    reason = _reason(intent, sender_names)
    texts = {
        "reason": reason["reason"],
        "reason_short": reason["reason_short"],
        "hook": sentence(reasons.capital_i(told(intent.hook))) if intent.hook else None,
        "news": sentence(reasons.capital_i(told(intent.news))) if intent.news else None,
    }
    discourse = Discourse(
        seed,
        first={"target": target["where"], "role": target["a_role"] or ""},
        again={"target": target["where_again"], "role": target["role_again"]},
        texts={name: (text, named_facts(text, target)) for name, text in texts.items() if text},
    )
    call = greeting_name(intent.recipient.name, warm=warm)
    recipient = dict(data["recipient"])
    recipient.update(
        first_name=call.name,
        call=call.name,
        formal=call.formal,
        gender=gender_from_pronouns(intent.recipient.pronouns),
    )
    sender = dict(data["sender"])
    sender["name"] = signed_name(intent.sender.name)  # "alex kim" signs "Alex Kim"
    sender["first_name"] = sender_call
    sender["signature"] = intent.sender.signature or (sender_call if warm else sender["name"])
    sender["links"] = list(intent.sender.links)
    days = (send_date - intent.sent_on).days if intent.sent_on else None
    context: dict[str, Any] = {
        key: value
        for key, value in data.items()
        if key not in {"recipient", "sender", "sent_on", "send_date", "extra"}
    }
    ask_details = slots.ask_clause(intent.details) if intent.details else None
    thanked = _thanks_for(intent, target) if intent.help else None
    # A company the thanks just named is referred back to: "... at Spotify. I'm still waiting to
    # hear back from them.", not "from Spotify" a second time.
    company = target["company"]
    named = bool(company and thanked and company.casefold() in thanked.casefold())
    hello = _greeting(intent, call.name, call.formal, discourse)
    # "Thank you again ... I'm applying again": the thanks leave their "again" to the outcome.
    says_again = bool(intent.outcome and thanks.says_again(intent.outcome, intent.language))
    context.update(
        recipient=recipient,
        sender=sender,
        extra=dict(data["extra"]),
        warm=warm,
        voice="warm" if warm else "formal",
        informal=informal(intent),
        register="informal" if informal(intent) else "formal",
        hello=hello,
        hello_line=f"{hello}," if hello.split(" ")[0] in _LETTER_OPENINGS else None,
        target=target,
        where=target["where"],
        field=target["field"],
        count_words=number_words(intent.count) if intent.count is not None else None,
        **reason,
        hook_sentence=texts["hook"],
        news_sentence=texts["news"],
        news_says_since=bool(intent.news and thanks.says_since(intent.news, intent.language)),
        typed_lower=typed_lower({"news": (intent.news, texts["news"])}),
        ask_details=ask_details,
        ask_details_gerund=bool(ask_details and slots.is_gerund_phrase(ask_details)),
        ask_question=slots.ask_question(intent.details) if intent.details else None,
        # "...sponsors employees for it": a message that leaves the reason out says it after all.
        ask_leans_on_reason=bool(
            reason["reason_short"] and intent.details and slots.leans_back(intent.details)
        ),
        thanks_for=thanked,
        **thanks.outcome_facts(
            intent.outcome,
            where=None if named else company,
            source="from them" if named else _waits_on(intent, target),
        ),
        after_a_talk=intent.goal in AFTER_A_TALK,
        thank_again=intent.goal in AFTER_A_TALK and not says_again,
        outcome_leans_back=bool(intent.outcome and thanks.leans_back(intent.outcome)),
        gift_phrase=thanks.gift_phrase(intent.gift) if intent.gift else None,
        gift_is_a_treat=bool(intent.gift and thanks.is_treat(intent.gift)),
        gift_is_to_come=bool(intent.gift and thanks.is_to_come(intent.gift)),
        sent_on=intent.sent_on.isoformat() if intent.sent_on else None,
        sent_on_text=_long_date(intent.sent_on) if intent.sent_on else None,
        send_date=send_date.isoformat(),
        days_since=days,
        sent_ago=ago(days) if days is not None and days >= 0 else None,
        favour="favor" if _american(intent.language) else "favour",
        cv="résumé" if _american(intent.language) else "CV",
        brevity=brevity,
        room=0,
        **discourse.functions(),
    )
    return context


def rendered_again(context: dict[str, Any], *, squeeze: int = 0, **values: int) -> dict[str, Any]:
    """Return *context* for another render with *values* changed (``brevity=2``, ``room=1``), with
    a fresh discourse (nothing said yet; *squeeze* 1 or 2: each ``pick`` takes a shorter phrasing)."""
    discourse: Discourse = context["mention"].__self__
    return {**context, **values, **discourse.fresh(squeeze=squeeze).functions()}


def variant_index(intent: Intent, count: int) -> int:
    """Pick a variant from the recipient, so different people get different phrasings, stably."""
    key = f"{intent.recipient.name.casefold()}|{intent.kind}|{intent.goal}".encode()
    return int.from_bytes(hashlib.sha256(key).digest()[:8], "big") % count
