"""A field (an industry) as a sentence needs it: "people in tech", "the charity sector", "warehouse work".

The user types a field as they think of it ("Tech", "charities", "warehouse", "NGOs"); a draft says it
mid-sentence, after "in" or "into", so it is written as a common noun in lower case (a name or an
acronym keeps its capitals), a sector typed without the word gets it, and a workplace is its work.
"""

from __future__ import annotations

import re

from askcraft._render.lexicon import table, words
from askcraft._render.slots import upper_acronyms


def clean_field(field: str) -> str:
    """Return an industry as a sentence needs it, acronyms in capitals; a workplace typed as one
    ("warehouse", "care home") is its work ("warehouse work": "people in warehouse work"); a sector
    or a service takes "the" ("the charity sector", "the NHS", "the civil service"), and a sector
    typed without the word gets it ("charity" -> "the charity sector", "NGOs" and "the NGOs" -> "the NGO
    sector")."""
    field = _common_case(upper_acronyms(field.strip()))
    if re.match(r"The (?:[a-z]|[A-Z]{2,}\b)", field):
        field = "t" + field[1:]  # "The tech industry" goes mid-sentence: "people in the tech industry"
    if field.casefold() in words("words", "workplaces"):
        return f"{field} work"
    bare = field[4:] if field.casefold().startswith("the ") else field  # "the nonprofits", "the NGOs"
    sector = _sector(bare)
    if sector and sector[1:].islower():
        sector = sector.lower()  # "Nonprofits": "the nonprofit sector"
    if sector:
        return f"the {sector} sector"  # "people in the charity sector", not "people in charity"
    low = field.casefold()
    with_the = words("words", "fields_with_the")
    if not low.startswith("the ") and (low.rsplit(" ", 1)[-1] in with_the or low in with_the):
        return f"the {field}"  # "people in the charity sector", "moving into the NHS"
    return field


def _common_case(field: str) -> str:
    """Return a field typed with capitals in lower case when it is a common noun ("Tech", "Real
    Estate": "people in tech"); a name ("Silicon Valley", "Big Tech") or an acronym ("AI") keeps them."""
    parts = field.split()
    if not any(p[:1].isupper() and p[1:].islower() for p in parts):
        return field
    common = words("words", "common_fields")
    if all(p.casefold() in common and not p.isupper() for p in parts):
        return field.lower()
    return field


def _sector(field: str) -> str | None:
    """Return the sector a field names without the word ("charities" -> "charity"), or None."""
    sectors = words("words", "fields_as_sector")
    plural = field.casefold().endswith("s")
    for cut, tail in ((0, ""), (1, ""), (3, "y")):  # "charity", "NGOs" -> "NGO", "charities" -> "charity"
        stem = field[: len(field) - cut] + tail if cut else field
        if stem.casefold() in sectors and (cut == 0 or plural):
            return stem
    return None


def said_by_role(field: str, role: str) -> bool:
    """Return whether *role* already says *field*: "clinical research coordinator" says "clinical
    research", "physician assistant" says "healthcare", "paralegal" says "the legal sector", "ICU
    nurse" says "nursing"; "data analyst" says no field."""
    if re.search(rf"(?<!\w){re.escape(field)}(?!\w)", role, re.IGNORECASE):
        return True
    low = re.sub(r"^the\s+|\s+(?:sector|industry|field)$", "", field.casefold().strip())
    roles = table("words")["fields_roles_say"].get(low)
    if not roles:
        return False
    said = role.casefold()
    return any(re.search(rf"(?<![\w-]){re.escape(str(word))}(?![\w-])", said) for word in roles)
