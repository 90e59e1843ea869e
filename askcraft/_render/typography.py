"""The last touch a language's typography needs, after a template renders (English: none).

- French puts a narrow no-break space before ? ! ; and a no-break space before : ("Tu
  connais quelqu'un ?"); templates write the marks plainly and this adds the spaces.
  A text message keeps plain spaces there when the no-break ones are all that would make it
  UCS-2 (70 characters a segment instead of GSM-7's 160): ``plain_spaces``.
- German goes on in lower case after the greeting's comma ("Liebe Frau Lee,\\n\\nich hoffe
  ..."): the first word of the next line is lowered when it is a word that is not a noun.

And before: the user's own end marks, taken off their text where it goes on mid-sentence, all but
an abbreviation's full stop (``unstopped``).
"""

from __future__ import annotations

import re

from askcraft._render.languages import data, primary
from askcraft._render.lexicon import words

_NARROW = "\u202f"
_NBSP = "\u00a0"
#: A French high mark after a word (not in a URL, not already spaced): "connais ?" "merci !".
_FR_HIGH = re.compile(r"(?<=[^\s\u00a0\u202f(\[])[ ]?([?!;]+)")
_FR_COLON = re.compile(r"(?<=[^\s\u00a0\u202f\d])[ ]?:(?=\s|$)")


_URL = re.compile(r"https?://\S+")


def french(text: str) -> str:
    """Put the no-break spaces French wants before ? ! ; and : (never inside a web address)."""
    parts = _URL.split(text)
    urls = _URL.findall(text)
    out = []
    for i, part in enumerate(parts):
        spaced = _FR_HIGH.sub(lambda m: _NARROW + m.group(1), part)
        out.append(_FR_COLON.sub(_NBSP + ":", spaced))
        if i < len(urls):
            out.append(urls[i])
    return "".join(out)


def plain_spaces(text: str) -> str:
    """Return *text* with French no-break spaces as plain ones, as a phone sends "Salut !" by SMS."""
    return text.replace(_NARROW, " ").replace(_NBSP, " ")


def german(text: str) -> str:
    """Lower the first word after a letter's greeting line when it is not a noun ('ich hoffe ...'),
    in a letter and in a text that opens with one ("Liebe Anna,\ndanke für ...")."""
    lines = text.split("\n")
    if len(lines) < 2 or not lines[0].endswith(","):
        return text
    index = next((i for i in range(1, len(lines)) if lines[i].strip()), None)
    if index is None:
        return text
    line = lines[index]
    first = re.match(r"[^\W\d_]+", line)
    if (
        first
        and first.group(0).casefold() in data("de")["after_greeting_lower"]
        and first.group(0)[0].isupper()
    ):
        lines[index] = line[0].lower() + line[1:]
    return "\n".join(lines)


def finish(text: str | None, language: str) -> str | None:
    """Apply *language*'s typography to a rendered block."""
    if text is None:
        return None
    code = primary(language)
    if code == "fr":
        return french(text)
    if code == "de":
        return german(text)
    return text


#: A last word made of letters and stops, whose last stop is its own: "U.S.", "Ph.D.".
_DOTTED = re.compile(r"(?:[^\W\d_]{1,3}\.){2,}")


def unstopped(text: str, marks: str = ".!") -> str:
    """Return a user's text without its end *marks*, to go on mid-sentence, keeping the full stop of
    an abbreviation that ends it ("at Acme Inc." stays "at Acme Inc.": tidying takes the sentence's
    own stop, and "Acme Inc.!" keeps both)."""
    text = text.strip().rstrip(marks.replace(".", ""))
    last = text.rsplit(None, 1)[-1] if text else ""
    if last.endswith(".") and (last.casefold() in words("words", "abbreviations") or _DOTTED.fullmatch(last)):
        return text
    return text.rstrip(marks)
