"""How people spell in texts and DMs: "im", "dont", "u", "pls", "tmrw", "rn".

The constructions read "i am taking the other job" whether it was typed "I'm taking" or "im
taking", as they already read "I'm" as "I am". Each spelling here is read as the words it stands
for. Only spellings that are not also ordinary words are listed ("ill", "id", "its", "were", "lets"
and "ur" are left as typed: "ur" is "your" as often as "you're"), and only in lower case or with a
capital first letter: "IM", "BC" and "U" in capitals are names and acronyms.
"""

from __future__ import annotations

#: A texting spelling and the words it is read as.
SPELLINGS: dict[str, tuple[str, ...]] = {
    # Contractions typed without their apostrophe.
    "im": ("i", "am"),
    "ive": ("i", "have"),
    "youre": ("you", "are"),
    "youve": ("you", "have"),
    "youll": ("you", "will"),
    "youd": ("you", "would"),
    "ud": ("you", "would"),
    "theyd": ("they", "would"),
    "shouldve": ("should", "have"),
    "wouldve": ("would", "have"),
    "couldve": ("could", "have"),
    "theyre": ("they", "are"),
    "hes": ("he", "is"),
    "shes": ("she", "is"),
    "thats": ("that", "is"),
    "whats": ("what", "is"),
    "theres": ("there", "is"),
    "dont": ("do", "not"),
    "doesnt": ("does", "not"),
    "didnt": ("did", "not"),
    "cant": ("can", "not"),
    "couldnt": ("could", "not"),
    "wont": ("will", "not"),
    "wouldnt": ("would", "not"),
    "shouldnt": ("should", "not"),
    "isnt": ("is", "not"),
    "arent": ("are", "not"),
    "wasnt": ("was", "not"),
    "werent": ("were", "not"),
    "havent": ("have", "not"),
    "hasnt": ("has", "not"),
    "hadnt": ("had", "not"),
    "aint": ("is", "not"),
    "gonna": ("going", "to"),
    "wanna": ("want", "to"),
    "gotta": ("got", "to"),
    "dunno": ("do", "not", "know"),
    # Short forms.
    "u": ("you",),
    "pls": ("please",),
    "plz": ("please",),
    "plss": ("please",),
    "pleasee": ("please",),
    "tmrw": ("tomorrow",),
    "tmr": ("tomorrow",),
    "tmw": ("tomorrow",),
    "tmrow": ("tomorrow",),
    "tomoz": ("tomorrow",),
    "2moro": ("tomorrow",),
    "2morrow": ("tomorrow",),
    "tomorow": ("tomorrow",),
    "tommorow": ("tomorrow",),
    "tommorrow": ("tomorrow",),
    "tonite": ("tonight",),
    "2nite": ("tonight",),
    "2night": ("tonight",),
    "2day": ("today",),
    "tdy": ("today",),
    "rn": ("right", "now"),
    "b4": ("before",),
    "thx": ("thanks",),
    "thnx": ("thanks",),
    "tho": ("though",),
    "thru": ("through",),
    "cuz": ("because",),
    "coz": ("because",),
    "bcoz": ("because",),
    "bcos": ("because",),
    "abt": ("about",),
    "ppl": ("people",),
    "msg": ("message",),
    "lmk": ("let", "me", "know"),
    "idk": ("i", "do", "not", "know"),
}

#: The texting spellings, as a set to test a text's words against at once.
TEXTING = frozenset(SPELLINGS)


def as_texting(typed: str) -> bool:
    """Return whether a texting spelling is typed as one ("im", "Pls"), not as a name ("IM", "BC", "U")."""
    return typed[1:].islower() if len(typed) > 1 else typed.islower()
