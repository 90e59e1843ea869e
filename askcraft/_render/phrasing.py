"""Slots filled right in German, French and Spanish: the user's words fitted to the sentence.

Where an English sentence needs an article ("in banking", "a data analyst"), these languages
would need the noun's gender, which askcraft cannot know. So the phrases are chosen to need
none: "im Bereich Bankwesen", "bei Acme", "als Datenanalystin"; "en finance" (or "dans la
banque" when the user wrote the article), "chez Acme", "comme analyste"; "en banca", "en Acme",
"como analista". A company named by a common noun takes its article (``places.py``: "im
Krankenhaus Nord", "à l'Hôpital Necker", "en el Hospital La Paz"). A reason written about the
sender in the third person is not rewritten (the English rules do not apply): it is recognised
and left out, and the draft says so.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

from askcraft._render import places
from askcraft._render.languages import data, primary
from askcraft._render.thanks import without_thanks
from askcraft._render.typography import unstopped
from askcraft._render.words import sentence

if TYPE_CHECKING:
    from askcraft._intent.model import Intent


def _first_word(text: str) -> str:
    match = re.match(r"[^\W\d_]+['\u2019]?", text.strip())
    return match.group(0).casefold() if match else ""


def _as_noun(text: str, language: str) -> str:
    """Return a role or a field as its language writes a common noun mid-sentence. German nouns take a
    capital: one typed all in lower case gets it on its head, the last word ("logistik" ->
    "Logistik", "leitende krankenschwester" -> "leitende Krankenschwester", "software-entwickler"
    -> "Software-Entwickler"). French and Spanish write them in lower case: one typed with only its
    first letter capitalised loses it ("Logistique" -> "logistique", "Santé publique" -> "santé
    publique"); an acronym ("RH", "IA") or a name with more capitals ("Silicon Valley") is kept."""
    text = text.strip()
    code = primary(language)
    head, _, last = text.rpartition(" ")
    # A short word may be an acronym typed in lower case ("it", "ki"): not made "It".
    if code == "de" and text == text.lower() and len(last) > 3 and any(c.isalpha() for c in last):
        last = "-".join(part[:1].upper() + part[1:] for part in last.split("-"))
        return f"{head} {last}" if head else last
    first = text.split(" ", 1)[0]
    if code in {"fr", "es"} and first[:1].isupper() and not first.isupper() and text[1:] == text[1:].lower():
        return text[:1].lower() + text[1:]
    return text


def target(intent: Intent) -> dict[str, Any]:
    """Where the sender aims, as phrases that need no article ("bei Acme", "im Bereich Pflege")."""
    where_data = data(intent.language)["where"]
    role = _as_noun(intent.role, intent.language) if intent.role else None
    industry = _as_noun(intent.industry, intent.language) if intent.industry else None
    # A referral is for a company: theirs, when the intent names no other (as in English).
    company = intent.company or (intent.recipient.company if intent.goal == "referral" else None)
    if company:
        where, again = places.at(company, intent.language), where_data["again_company"]
    elif industry:
        where, again = _in_industry(industry, where_data), where_data["again_industry"]
    else:
        where, again = "", ""
    return {
        "role": role,
        "industry": industry,
        "company": company,
        "a_role": None,
        "roles": None,
        "as_role": where_data["role"].format(role=role) if role else None,
        "in_industry": _in_industry(industry, where_data) if industry else None,
        "of_role": _of_role(role, where_data) if role else None,
        "where": where,
        "where_again": again,
        "role_again": where_data["again_role"] if role else "",
        "field": industry or role or company or "",
    }


#: Where French "de" elides: before a vowel ("d'ingénieure projet", "d'UX designer"); not before
#: "y" ("de yoga") or "h", which is aspirated in as many job names as it is mute.
_ELIDING = frozenset("aeiouàâäéèêëîïôöûüœæ")


def _of_role(role: str, where_data: dict[str, Any]) -> str:
    """Return the role after "of", as a job is named ("un poste de data analyst", "d'ingénieure")."""
    elided = where_data.get("of_role_elided")
    if elided and role[:1].casefold() in _ELIDING:
        return str(elided).format(role=role)
    return str(where_data.get("of_role", "{role}")).format(role=role)


def _in_industry(industry: str, where_data: dict[str, Any]) -> str:
    first = _first_word(industry)
    if first in where_data["own_preposition"]:
        return industry
    articles = tuple(where_data.get("articles", ()))
    if articles and (
        first in articles or industry.casefold().startswith(tuple(a for a in articles if a[-1] in "'\u2019"))
    ):
        return str(where_data["industry_with_article"]).format(industry=industry)
    return str(where_data["industry"]).format(industry=industry)


def reason(intent: Intent, sender_names: tuple[str, ...]) -> dict[str, Any]:
    """Return the reason as the sender's sentences; a third-person reason is marked unusable."""
    raw = intent.sender.reason
    if not raw:
        return {"reason": None, "reason_short": None, "reason_rewritten": False, "reason_unusable": False}
    text = re.sub(r"\s*(?:\.\.\.|\u2026)$", ".", raw.strip())
    if _third_person(text, sender_names, intent.language):
        return {"reason": None, "reason_short": None, "reason_rewritten": False, "reason_unusable": True}
    full = sentence(text)
    return {
        "reason": full,
        "reason_short": wanting_sentence(full, intent.language),
        "reason_rewritten": False,
        "reason_unusable": False,
    }


def _third_person(text: str, names: tuple[str, ...], language: str) -> bool:
    """Return whether *text* is written about the sender ('Dana ist Lehrerin ...', 'Elle veut ...')."""
    for name in sorted({n for n in names if n}, key=len, reverse=True):
        if re.match(rf"{re.escape(name)}\b", text, re.IGNORECASE):
            return True
    return _first_word(text) in data(language)["third_person_starts"]


_SENTENCE_BREAK = re.compile(
    '(?<=[.!?\u2026])\\s+(?=[\u00bf\u00a1"\u201c\u201e\u00ab]?[A-Z\u00c0-\u00d6\u00d8-\u00de])'
)


def wanting_sentence(text: str, language: str) -> str:
    """Return the sentence of *text* that says what the sender wants ("Jetzt möchte ich in die
    Finanzbranche wechseln."), for a channel with room for one: the first one when none does, or when
    the one that does points back at the sentence before it ("Das möchte ich ...")."""
    sentences = _SENTENCE_BREAK.split(text)
    words = data(language)
    wants = re.compile(rf"\b(?:{'|'.join(map(re.escape, words['wants']))})\b", re.IGNORECASE)
    back = set(words["points_back"])
    for i, said in enumerate(sentences):
        if wants.search(said) and not (i and _first_word(said) in back):
            return said
    return sentences[0]


def thanks_for(help_text: str, language: str) -> str:
    """Return what follows 'Danke' / 'Merci' / 'Gracias': 'für die Vorstellung', ', dass du ...'."""
    rules = data(language)["thanks"]
    text = unstopped(without_thanks(help_text, language))
    inside = text[:1].lower() + text[1:]  # the help as it goes on a sentence
    first = _first_word(text)
    if first in rules["as_typed"]:
        return inside
    if first in rules.get("infinitive_starts", ()):
        phrase = str(rules["infinitive"]).format(help=text)
        return re.sub(r"\bde ([aeiouyhàâéèêîïôû])", r"d'\1", phrase, count=1)  # de avoir -> d'avoir
    lowered = text.casefold()
    if first in rules["clause_starts"] or any(
        lowered.startswith(s) for s in rules["clause_starts"] if s[-1:] in "'\u2019"
    ):
        return str(rules["clause"]).format(help=inside)
    finite = _finite(inside, rules)
    if finite:
        return finite
    last = text.rsplit(None, 1)[-1].casefold() if text else ""
    for subject, verbs in rules.get("verb_final", {}).items():
        if last in verbs and first not in rules["noun_starts"]:
            return str(rules["verb_final_clause"]).format(subject=subject, help=inside)
    # A determiner typed at the start of a sentence goes on in lower case ("für die Vorstellung");
    # a noun keeps its capital ("für Ihre Hilfe", German "Vorstellung").
    return str(rules["noun"]).format(help=inside if first in rules.get("lower_starts", ()) else text)


def _finite(inside: str, rules: dict[str, Any]) -> str:
    """Return a clause typed with its verb as the infinitive that follows "Merci" or "Gracias por"
    ("vous m'avez présenté" -> "de m'avoir présenté"), or "" when *inside* is not one.

    The language's data says how: ``finite`` patterns and their replacements, and a verb in the
    past (``preterite``) said with its participle (``preterite_participles``, else its ending's,
    ``preterite_endings``) in ``preterite_clause``.
    """
    for pattern, replacement in rules.get("finite", ()):
        said, count = re.subn(pattern, replacement, inside, count=1, flags=re.IGNORECASE)
        if count:
            return said
    match = re.match(rules["preterite"], inside, re.IGNORECASE) if "preterite" in rules else None
    if match is None:
        return ""
    clitic, stem, ending, rest = match.groups()
    participle = rules["preterite_participles"].get((stem + ending).casefold())
    return str(rules["preterite_clause"]).format(
        clitic=clitic or "", participle=participle or stem + rules["preterite_endings"][ending], rest=rest
    )


def gift(gift_text: str, language: str, *, informal: bool = False) -> tuple[str, bool]:
    """Return the gift as the user wrote it (no end stop) and whether it is a treat (a meal, a drink).

    The recipient named in the third person ("una cena en su restaurante favorito", "une bouteille de
    son vin préféré") is spoken to, in the message's register: "tu restaurante favorito", "ton vin
    préféré" ("votre vin préféré")."""
    text = _to_them(unstopped(gift_text), language, informal=informal)
    words = {w.casefold() for w in re.findall(r"[^\W\d_][\w-]*", text)}
    return text, bool(words & set(data(language)["treats"]))


def _to_them(text: str, language: str, *, informal: bool) -> str:
    """Return *text* with the third-person possessives of the language's ``gift_possessives`` said to
    the reader: {"su": ["tu", "su"]} is "tu" in a tú message and "su" in an usted one."""
    table: dict[str, list[str]] = data(language).get("gift_possessives", {})
    if not table:
        return text
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in table) + r")(?!\w)")
    return pattern.sub(lambda m: table[m[1]][0 if informal else 1], text)


def details(text: str) -> str:
    """Return a favour as it follows 'könntest du' / 'pourrais-tu' / 'podrías': no end mark."""
    return unstopped(text, "?.! ").lstrip("\u00bf\u00a1 ")


def long_date(day: date, language: str) -> str:
    """Return a date as the language writes it without the year: '2. November', '2 novembre'."""
    from babel.dates import format_skeleton  # noqa: PLC0415

    return str(format_skeleton("MMMMd", day, locale=language.replace("-", "_")))
