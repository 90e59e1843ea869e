"""The template context for a German, French or Spanish message: the same names as in English.

A template sees what an English one sees (``hello``, ``target``, ``count_words``, ``reason``,
``thanks_for``, ``sent_ago``, the discourse functions ...), each worded in the message's language,
and three more: ``informal`` (du/tu/tú rather than Sie/vous/usted), ``register`` ("informal" or
"formal") and ``recipient.gender`` ("f", "m" or None when the recipient's pronouns are not given).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from askcraft._intent.model import AFTER_A_TALK, WARM_RELATIONSHIPS, Intent
from askcraft._render import phrasing
from askcraft._render.discourse import Discourse, named_facts
from askcraft._render.languages import ago, data, informal, number_words
from askcraft._render.names import greeting_name, signed_name
from askcraft._render.salutations import greeting, letter_line
from askcraft._render.thanks import outcome_facts, says_again, says_since
from askcraft._render.words import sentence, told, typed_lower


def localised_context(intent: Intent, *, today: date, brevity: int = 0) -> dict[str, Any]:
    """Plan a non-English message: the intent's facts in the forms its templates need."""
    language = intent.language
    words = data(language)
    raw = intent.model_dump(mode="python")
    send_date = intent.send_date or today
    warm = intent.recipient.relationship in WARM_RELATIONSHIPS
    casual = informal(intent)
    seed = f"{intent.recipient.name.casefold()}|{intent.recipient.relationship}"
    target = phrasing.target(intent)
    sender_call = greeting_name(intent.sender.name, warm=True).name
    sender_names = tuple({intent.sender.name, intent.sender.name.split()[0], sender_call})
    reason = phrasing.reason(intent, sender_names)
    texts = {
        "reason": reason["reason"],
        "reason_short": reason["reason_short"],
        "hook": sentence(told(intent.hook, language)) if intent.hook else None,
        "news": sentence(told(intent.news, language)) if intent.news else None,
    }
    discourse = Discourse(
        seed,
        first={"target": target["where"], "role": target["as_role"] or ""},
        again={"target": target["where_again"], "role": target["role_again"]},
        texts={name: (text, named_facts(text, target, language)) for name, text in texts.items() if text},
    )
    hello, person = greeting(intent, discourse)
    recipient = dict(raw["recipient"])
    recipient.update(
        first_name=person.given, call=person.given, formal=person.addr is not None, gender=person.gender
    )
    sender = dict(raw["sender"])
    sender["name"] = signed_name(intent.sender.name)  # "alex kim" signs "Alex Kim"
    sender["first_name"] = sender_call
    sender["signature"] = intent.sender.signature or (sender_call if warm else sender["name"])
    sender["links"] = list(intent.sender.links)
    days = (send_date - intent.sent_on).days if intent.sent_on else None
    gift, treat = phrasing.gift(intent.gift, language, informal=casual) if intent.gift else (None, False)
    again = bool(intent.outcome and says_again(intent.outcome, language))  # "Encore merci ... encore"
    context: dict[str, Any] = {
        key: value
        for key, value in raw.items()
        if key not in {"recipient", "sender", "sent_on", "send_date", "extra"}
    }
    context.update(
        recipient=recipient,
        sender=sender,
        extra=dict(raw["extra"]),
        warm=warm,
        voice="warm" if warm else "formal",
        informal=casual,
        register="informal" if casual else "formal",
        hello=hello,
        hello_line=letter_line(hello, language),
        target=target,
        where=target["where"],
        field=target["field"],
        count_words=number_words(intent.count, language) if intent.count is not None else None,
        **reason,
        hook_sentence=texts["hook"],
        news_sentence=texts["news"],
        news_says_since=bool(intent.news and says_since(intent.news, language)),
        typed_lower=typed_lower({"news": (intent.news, texts["news"])}, language),
        ask_details=phrasing.details(intent.details) if intent.details else None,
        ask_details_gerund=False,
        ask_question=None,
        ask_leans_on_reason=False,  # read in English only: "dafür", "y", "allí" are not looked for yet
        thanks_for=phrasing.thanks_for(intent.help, language) if intent.help else None,
        **outcome_facts(intent.outcome, language),
        after_a_talk=intent.goal in AFTER_A_TALK,
        thank_again=intent.goal in AFTER_A_TALK and not again,
        gift_phrase=gift,
        gift_is_a_treat=treat,
        gift_is_to_come=False,  # read in English only: a German, French or Spanish gift is sent as given
        sent_on=intent.sent_on.isoformat() if intent.sent_on else None,
        sent_on_text=phrasing.long_date(intent.sent_on, language) if intent.sent_on else None,
        send_date=send_date.isoformat(),
        days_since=days,
        sent_ago=ago(days, language) if days is not None and days >= 0 else None,
        favour=words["favour"],
        cv=words.get("cv", "CV"),
        brevity=brevity,
        room=0,
        **discourse.functions(),
    )
    return context
