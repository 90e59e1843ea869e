"""Politeness: the fitted politeness score, and impolite strategies with gentler rewrites."""

from __future__ import annotations

from askcraft._checks import tone_model as tone
from askcraft._checks.context import CheckContext
from askcraft._checks.findings import Finding
from askcraft._checks.rules.base import option, rules, sentences, whole

_NAME = "politeness"
#: Strategy name (askcraft.tone) -> rule id.
_STRATEGY_RULES = {
    "please_start": "politeness.please-start",
    "imperative_start": "politeness.command",
    "direct_start": "politeness.direct-start",
    "factuality": "politeness.factuality",
}


def check(ctx: CheckContext) -> list[Finding]:
    """Flag a text whose politeness score is below the threshold, and its impolite strategies."""
    text = ctx.text
    if not text.strip():
        return []
    by_id = rules(_NAME)
    found = []
    most = option(ctx, _NAME, "politeness.min_score")
    score = tone.politeness(text)
    if score < most:
        offset, length = whole(text)
        found.append(
            by_id["politeness.score"].finding(offset, length, replacements=(), score=score, most=most)
        )
    spans = sentences(text)
    for strategy in tone.strategies(text):
        rule_id = _STRATEGY_RULES.get(strategy.name)
        if rule_id is None:
            continue
        rule = by_id[rule_id]
        word = text[strategy.offset : strategy.offset + strategy.length]
        if rule_id in ("politeness.direct-start", "politeness.factuality"):
            if " ".join(word.lower().split()) not in rule.data["words"]:
                continue
            found.append(rule.finding(strategy.offset, strategy.length, word=word))
            continue
        _, end = next(((s, e) for s, e in spans if s <= strategy.offset < e), (strategy.offset, len(text)))
        rewrite = _ask(text[strategy.offset : end], drop_first=rule_id == "politeness.please-start")
        found.append(
            rule.finding(strategy.offset, end - strategy.offset, replacements=(rewrite,), rewrite=rewrite)
        )
    return found


def _ask(sentence: str, *, drop_first: bool) -> str:
    """Turn a command ("Send me the list.") into a question ("Could you send me the list?")."""
    words = sentence.rstrip(" .!").split(" ", 1 if drop_first else 0)
    rest = words[-1] if drop_first and len(words) > 1 else sentence.rstrip(" .!")
    rest = rest[:1].lower() + rest[1:]
    return f"Could you please {rest}?" if drop_first else f"Could you {rest}?"
