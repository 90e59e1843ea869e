"""English word forms from lemminflect's inflection table: base-form verbs, forms, pasts.

lemminflect ships the SPECIALIST lexicon's inflections as ``resources/infl_lu.csv.gz``, one
``lemma,category,forms...`` line per lemma and word class, sorted by lemma. Importing lemminflect
itself costs about 1.5 s (it loads numpy and builds two dictionaries of 80,000 entries), which every
one-off ``askcraft check`` would pay; the checks need only a few look-ups per message, so they read
that same table once (about 40 ms) and bisect it. ``tests/test_verbs.py`` checks that the answers
agree with ``lemminflect.getAllInflections``.
"""

from __future__ import annotations

import bisect
import functools
import gzip
import importlib.util
from pathlib import Path

from askcraft._errors import AskcraftError, missing_dependency

#: The table's columns after ``lemma,verb``: past, past participle, present participle, third person.
_VERB_FORMS = 4


@functools.cache
def _table() -> tuple[str, ...]:
    spec = importlib.util.find_spec("lemminflect")  # found, not imported: its import loads numpy
    if spec is None or not spec.submodule_search_locations:
        error = missing_dependency(ModuleNotFoundError("No module named 'lemminflect'", name="lemminflect"))
        raise error or AskcraftError("askcraft's checks need lemminflect")
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "infl_lu.csv.gz"
    return tuple(gzip.decompress(path.read_bytes()).decode("utf-8").splitlines())


@functools.lru_cache(maxsize=4096)
def entries(lemma: str) -> dict[str, tuple[str, ...]]:
    """Return ``{category: forms}`` for *lemma* (lowercase): ``noun``, ``verb``, ``adj``, ``adv``.

    A verb's forms are its base form, past, past participle, present participle and third person
    singular, with every spelling the lexicon gives; a noun's are the base and its plurals.
    """
    table = _table()
    found: dict[str, tuple[str, ...]] = {}
    at = bisect.bisect_left(table, lemma + ",")
    while at < len(table) and table[at].startswith(lemma + ","):
        _, category, *columns = table[at].split(",")
        forms = [lemma]
        for column in columns[:_VERB_FORMS]:
            forms.extend(f for f in column.split("/") if f)
        found[category] = tuple(dict.fromkeys(forms))
        at += 1
    return found


def is_base_verb(word: str) -> bool:
    """Return whether *word* can be a verb in its base form ("send", "refer", not "sent")."""
    return "verb" in entries(word.lower())


def other_classes(word: str) -> frozenset[str]:
    """Return the word classes other than verb that *word* (as a lemma) can belong to."""
    return frozenset(entries(word.lower())) - {"verb"}


@functools.lru_cache(maxsize=1024)
def verb_forms(lemma: str) -> frozenset[str]:
    """Return every form of the verb *lemma* ("hear" -> hear, heard, hearing, hears)."""
    forms = entries(lemma.lower()).get("verb")
    if forms is None:
        raise AskcraftError(f"{lemma!r} is not a verb in lemminflect's table")
    return frozenset(forms)


@functools.cache
def _past_index() -> dict[str, tuple[str, ...]]:
    """Map each past tense and past participle in the table to the verbs it is a form of."""
    index: dict[str, list[str]] = {}
    for line in _table():
        lemma, category, *columns = line.split(",")
        if category != "verb":
            continue
        past, participle = columns[0], columns[1] or columns[0]  # an empty participle is the past
        for form in dict.fromkeys(f for f in f"{past}/{participle}".split("/") if f):
            index.setdefault(form, []).append(lemma)
    return {form: tuple(lemmas) for form, lemmas in index.items()}


def past_of(word: str) -> tuple[str, ...]:
    """Return the verbs *word* is the past tense or past participle of ("gave" -> give), or ()."""
    return _past_index().get(word.lower(), ())


def present_participle(lemma: str) -> str | None:
    """Return the ``-ing`` form of the verb *lemma* ("give" -> giving, "put" -> putting), or None."""
    return _form(lemma, 2)


def past_tense(lemma: str) -> str | None:
    """Return the past tense of the verb *lemma* ("prepare" -> prepared, "get" -> got), or None."""
    return _form(lemma, 0)


def third_person(lemma: str) -> str | None:
    """Return the third person singular of the verb *lemma* ("go" -> goes), or None."""
    return _form(lemma, 3)


def _form(lemma: str, column: int) -> str | None:
    """Return the first spelling in one of a verb's columns: past, participle, -ing, third person."""
    table = _table()
    key = f"{lemma.lower()},verb,"
    at = bisect.bisect_left(table, key)
    if at < len(table) and table[at].startswith(key):
        return table[at][len(key) :].split(",")[column].split("/")[0] or None
    return None
