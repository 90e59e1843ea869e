"""The awkward-but-realistic intent corpus (issue 9): its own shape, and properties of every draft.

The corpus, tests/data/awkward_intents.yaml, holds what people really type: titles and initials in
names, acronyms, company names ending in "Inc.", reasons in the third person, gifts, hooks. The
first group of tests checks the corpus itself (coverage of every relationship, goal, channel and
kind; expectations that match the intent). The second group drafts every item with
``askcraft.draft(intent, check=False)`` and checks what a careful reader would: the greeting, the
facts that must (and must not) appear, each fact said at most twice, clean joins, channel limits.

Each property test collects every failing item with its draft and reports them all at once.
"""

from __future__ import annotations

import collections
import functools
import itertools
import re
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any, get_args

import yaml

import askcraft

CORPUS = Path(__file__).parent / "data" / "awkward_intents.yaml"
#: The day every item is drafted on (the corpus's dates are written around it).
TODAY = date(2026, 11, 12)

RELATIONSHIPS = ("family", "friend", "former-colleague", "colleague", "mentor", "acquaintance", "alumni")
GOALS = ("job-leads", "introduction", "informational-interview", "referral", "advice", "favour")
CHANNELS = ("email", "linkedin-message", "linkedin-connection-note", "text")
KINDS = ("request", "reminder", "thank-you")

#: Keys of a corpus item that are about the item, not part of the intent.
META_KEYS = frozenset({"id", "why", "tags", "thread", "expect", "expect_error"})
EXPECT_KEYS = frozenset(
    {"greeting", "must_contain", "must_not_contain", "allow_findings", "error_mentions_any"}
)
#: Intent fields issue 9 adds; until the Intent has them they are dropped before drafting.
NEW_FIELDS = {"intent": ("hook", "news"), "recipient": ("greeting",), "sender": ("links",)}

#: Awkward classes an item can be tagged with, and how many items each needs at least.
TAG_MINIMUMS = {
    "title-name": 20,
    "initials": 5,
    "lowercase-name": 5,
    "particle-name": 5,
    "single-name": 5,
    "emoji-name": 4,
    "hyphenated-name": 5,
    "accented-name": 8,
    "suffix-name": 2,
    "nickname": 2,
    "acronym": 20,
    "acronym-plural": 5,
    "role-with-role": 3,
    "company-suffix": 10,
    "long-company": 5,
    "long-reason": 6,
    "third-person-reason": 5,
    "reason-names-target": 8,
    "help-noun-phrase": 8,
    "help-gerund": 8,
    "outcome-exclaim": 6,
    "gift": 15,
    "hook": 10,
    "news": 10,
    "links": 4,
    "greeting-override": 4,
    "note-follow-up": 6,
    "date-error": 2,
    "control": 8,
}
#: Tags that follow from the intent's fields, so they must agree with them.
DERIVED_TAGS = {
    "hook": lambda item: "hook" in item,
    "news": lambda item: "news" in item,
    "gift": lambda item: "gift" in item,
    "links": lambda item: "links" in item["sender"],
    "greeting-override": lambda item: "greeting" in item["recipient"],
    "long-reason": lambda item: len(item["sender"].get("reason") or "") >= 300,
}
#: First words of a name that are a family or other title ("Aunt Marisol", "Rev. Dana Whitfield").
TITLES = frozenset(
    {
        "aunt", "auntie", "uncle", "tía", "tío", "tante", "grandpa", "grandma", "gran", "nana", "cousin",
        "coach", "rev.", "reverend", "pastor", "sr.", "sister", "dr.", "prof.", "professor", "mr.", "mrs.",
        "ms.", "agent",
    }
)  # fmt: skip

#: Hard length limits per channel, in characters of the body.
#: LinkedIn stops a connection note at 300 characters and a message at 8,000; a text message may
#: take two SMS segments (320 characters), as tests/test_properties.py holds the built-in pack to.
#: Email has no hard limit (length.email-long is a suggestion), so it is not listed.
LIMITS = {"linkedin-connection-note": 300, "text": 320, "linkedin-message": 8000}

GREETING_WORDS = ("Hi", "Hey", "Hello", "Dear", "Hiya", "Good morning", "Morning")


class _NoDuplicatesLoader(yaml.SafeLoader):
    """A safe loader that refuses a duplicate key instead of keeping the last one."""


def _mapping(loader: _NoDuplicatesLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    keys = [loader.construct_object(k) for k, _ in node.value]
    doubled = sorted({str(k) for k in keys if keys.count(k) > 1})
    if doubled:
        raise yaml.constructor.ConstructorError(None, None, f"duplicate key(s) {doubled}", node.start_mark)
    return loader.construct_mapping(node)


_NoDuplicatesLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def load_corpus() -> list[dict[str, Any]]:
    """Return the corpus items, read with a safe loader that refuses duplicate keys."""
    data = yaml.load(CORPUS.read_text(encoding="utf-8"), Loader=_NoDuplicatesLoader)  # noqa: S506
    items: list[dict[str, Any]] = data["items"]
    return items


ITEMS = load_corpus()
BY_ID = {item["id"]: item for item in ITEMS}
#: The items drafting must accept; the others must be refused with a clear error.
DRAFTABLE = [item for item in ITEMS if not item.get("expect_error")]
REFUSED = [item for item in ITEMS if item.get("expect_error")]


def intent_data(item: dict[str, Any]) -> dict[str, Any]:
    """Return the intent of a corpus item (the item less its test metadata)."""
    return {k: v for k, v in item.items() if k not in META_KEYS}


@functools.cache
def drafted(item_id: str) -> askcraft.Draft | Exception:
    """Draft one item as today's code does (default variant, no checks), or return its error."""
    try:
        return askcraft.draft(intent_data(BY_ID[item_id]), check=False, today=TODAY)
    except askcraft.AskcraftError as exc:
        return exc


@functools.cache
def checked(item_id: str) -> askcraft.Draft | Exception:
    """Draft one item with askcraft's own checks (LanguageTool aside)."""
    try:
        return askcraft.draft(intent_data(BY_ID[item_id]), check=True, grammar=False, today=TODAY)
    except askcraft.AskcraftError as exc:
        return exc


def text_of(draft: askcraft.Draft) -> str:
    """Return what the recipient reads: the subject line (if any) and the body."""
    return f"{draft.subject}\n{draft.body}" if draft.subject else draft.body


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _report(failures: list[tuple[str, str, str]]) -> str:
    """Format failing items: id, what is wrong, and the draft as the recipient would read it."""
    parts = [f"{len(failures)} item(s) fail:"]
    for item_id, problem, shown in failures:
        indented = "\n".join("    | " + line for line in shown.splitlines())
        parts.append(f"\n- {item_id}: {problem}\n{indented}")
    return "\n".join(parts)


def _words(n: int) -> str:
    ones = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
    return ones[n] if 0 <= n < len(ones) else str(n)


def _user_text(item: dict[str, Any]) -> str:
    """Return every free text the user typed into the intent (what a draft may quote)."""
    sender = item["sender"]
    texts = [
        sender.get("reason"),
        item.get("hook"),
        item.get("news"),
        item.get("help"),
        item.get("outcome"),
        item.get("details"),
        item.get("gift"),
    ]
    return "\n".join(t for t in texts if t)


def _all_intent_text(item: dict[str, Any]) -> str:
    """Return every string in the intent, for checking that an expectation comes from it."""
    out: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk({k: v for k, v in item.items() if k not in META_KEYS})
    return "\n".join(out)


# --- the corpus's own shape (these pass today) -------------------------------------------------


def test_axis_values_are_the_models() -> None:
    """The corpus covers exactly the values the Intent model accepts for each axis."""
    assert set(RELATIONSHIPS) == set(get_args(askcraft.Recipient.model_fields["relationship"].annotation))
    assert set(GOALS) == set(get_args(askcraft.Intent.model_fields["goal"].annotation))
    assert set(CHANNELS) == set(get_args(askcraft.Intent.model_fields["channel"].annotation))
    assert set(KINDS) == set(get_args(askcraft.Intent.model_fields["kind"].annotation))


def test_ids_are_unique_slugs_and_every_item_says_why() -> None:
    """Every item has a unique, stable id, a reason it is in the corpus, and known keys only."""
    ids = [item["id"] for item in ITEMS]
    assert len(ids) >= 170
    assert [i for i, n in collections.Counter(ids).items() if n > 1] == []
    for item in ITEMS:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", item["id"]), item["id"]
        assert isinstance(item.get("why"), str), item["id"]
        assert len(item["why"]) > 10, item["id"]
        assert set(item.get("expect", {})) <= EXPECT_KEYS, item["id"]
        assert set(item.get("tags", [])) <= set(TAG_MINIMUMS), (item["id"], item.get("tags"))


def test_every_item_is_a_valid_intent_today() -> None:
    """Each item to draft validates as an Intent (the ones to refuse are refused at validation)."""
    problems = []
    for item in DRAFTABLE:
        try:
            askcraft.Intent.parse(intent_data(item))
        except askcraft.IntentError as exc:
            problems.append(f"{item['id']}: {exc}")
    assert problems == []


def test_new_fields_have_their_intended_shape() -> None:
    """hook and news are text, sender.links a list of URLs, recipient.greeting a whole greeting."""
    for item in ITEMS:
        for field in ("hook", "news"):
            if field in item:
                assert isinstance(item[field], str), item["id"]
                assert item[field].strip(), item["id"]
        for link in item["sender"].get("links", []):
            assert re.fullmatch(r"https://\S+", link), (item["id"], link)
        greeting = item["recipient"].get("greeting")
        if greeting is not None:
            assert greeting.split()[0] in GREETING_WORDS, item["id"]
            assert all(g in greeting for g in _as_list(item["expect"]["greeting"])), item["id"]


def test_each_value_of_each_axis_appears_many_times() -> None:
    """Every relationship, goal and channel appears in 15+ drafted items; every kind in 40+."""
    axes = {
        "relationship": (RELATIONSHIPS, lambda i: i["recipient"]["relationship"], 15),
        "goal": (GOALS, lambda i: i["goal"], 15),
        "channel": (CHANNELS, lambda i: i["channel"], 15),
        "kind": (KINDS, lambda i: i["kind"], 40),
    }
    for name, (values, get, least) in axes.items():
        counts = collections.Counter(get(i) for i in DRAFTABLE)
        thin = {v: counts[v] for v in values if counts[v] < least}
        assert thin == {}, f"{name}: too few items for {thin}"


def test_every_pair_of_axes_is_covered() -> None:
    """Every relationship x goal, relationship x channel, goal x channel and kind x * pair appears."""
    get = {
        "relationship": (RELATIONSHIPS, lambda i: i["recipient"]["relationship"]),
        "goal": (GOALS, lambda i: i["goal"]),
        "channel": (CHANNELS, lambda i: i["channel"]),
        "kind": (KINDS, lambda i: i["kind"]),
    }
    for (a, (va, fa)), (b, (vb, fb)) in itertools.combinations(get.items(), 2):
        # Follow-ups as connection notes exist only as refusals, so kind x channel counts those.
        pool = ITEMS if {a, b} == {"kind", "channel"} else DRAFTABLE
        seen = {(fa(i), fb(i)) for i in pool}
        missing = [(x, y) for x in va for y in vb if (x, y) not in seen]
        assert missing == [], f"{a} x {b}: missing {missing}"


def test_follow_ups_as_connection_notes_are_expected_errors() -> None:
    """Reminders and thank-yous as connection notes appear only as refusals, several of each."""
    notes = [i for i in ITEMS if i["channel"] == "linkedin-connection-note" and i["kind"] != "request"]
    assert all(i.get("expect_error") for i in notes), [i["id"] for i in notes if not i.get("expect_error")]
    kinds = collections.Counter(i["kind"] for i in notes)
    assert kinds["reminder"] >= 3
    assert kinds["thank-you"] >= 3
    for item in REFUSED:
        assert _as_list(item["expect"].get("error_mentions_any")), item["id"]
        assert "note-follow-up" in item["tags"] or "date-error" in item["tags"], item["id"]


def test_awkward_classes_are_each_well_represented() -> None:
    """Each awkward class (titles, acronyms, long reasons, ...) has enough items to judge it by."""
    counts = collections.Counter(t for item in ITEMS for t in item.get("tags", []))
    thin = {t: (counts[t], least) for t, least in TAG_MINIMUMS.items() if counts[t] < least}
    assert thin == {}
    controls = counts["control"]
    assert 8 <= controls <= 12, "about ten plain intents serve as controls"


def test_tags_agree_with_the_intents() -> None:
    """A tag that can be read off the intent matches it, so tags and items cannot drift apart."""
    wrong = []
    for item in ITEMS:
        tags = set(item.get("tags", []))
        name = item["recipient"]["name"]
        for tag, has in DERIVED_TAGS.items():
            if (tag in tags) != has(item):
                wrong.append((item["id"], tag))
        checks = {
            "lowercase-name": name[:1].islower(),
            "emoji-name": any(unicodedata.category(c) == "So" for c in name),
            "hyphenated-name": "-" in name,
            "initials": bool(re.search(r"(?:^|\s)[A-Z]\.", name)),
            "accented-name": any(ord(c) > 127 and c.isalpha() for c in name),
            "title-name": name.split()[0].lower() in TITLES,
        }
        wrong += [(item["id"], tag) for tag, ok in checks.items() if tag in tags and not ok]
        reason = item["sender"].get("reason") or ""
        if "long-reason" in tags:
            assert 300 <= len(reason) <= 600, item["id"]
    assert wrong == []


def test_counts_dates_and_reason_endings_vary() -> None:
    """Counts 1, 2, 5 and 6, gaps of a day to two months, and every way a reason can end appear."""
    counts = collections.Counter(i.get("count") for i in ITEMS)
    assert all(counts[n] >= 2 for n in (1, 2, 5, 6)), counts
    gaps = collections.Counter((i["send_date"] - i["sent_on"]).days for i in ITEMS if "sent_on" in i)
    assert gaps[1] >= 2, gaps
    assert gaps[7] >= 5, gaps
    assert gaps[14] >= 5, gaps
    assert any(55 <= g <= 65 for g in gaps), "a reminder two months on"
    assert any(g < 0 for g in gaps), "a sent_on after the send date"
    endings = collections.Counter()
    for item in ITEMS:
        reason = (item["sender"].get("reason") or "").rstrip()
        if reason:
            ending = "..." if reason.endswith("...") else reason[-1] if reason[-1] in ".!?" else "none"
            endings[ending] += 1
    assert all(endings[e] >= 3 for e in (".", "!", "...", "none")), endings


def test_expectations_come_from_the_intent() -> None:
    """Every drafted item says how to greet; every must_contain fact is one the intent gave."""
    wrong = []
    for item in DRAFTABLE:
        expect = item.get("expect", {})
        if not _as_list(expect.get("greeting")):
            wrong.append((item["id"], "no expect.greeting"))
        source = _all_intent_text(item).casefold()
        # The count in words and the plural of the role ("RNs") follow from the intent too.
        derived = {_words(item["count"]) if item.get("count") else "", f"{item.get('role')}s"}
        for fact in _as_list(expect.get("must_contain")):
            if fact.casefold() not in source and fact not in derived:
                wrong.append((item["id"], fact))
    assert wrong == []


def test_threads_hold_one_ask_each() -> None:
    """A thread is one recipient's request, reminder and thank-you."""
    threads: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for item in ITEMS:
        if "thread" in item:
            threads[item["thread"]].append(item)
    assert len(threads) >= 5
    for name, items in threads.items():
        assert sorted(i["kind"] for i in items) == ["reminder", "request", "thank-you"], name
        assert len({i["recipient"]["name"] for i in items}) == 1, name
        assert len({i["goal"] for i in items}) == 1, name


# --- properties of every draft ------------------------------------------------------------------


def _greets(body: str, forms: list[str]) -> bool:
    """Return whether *body* opens by greeting one of *forms* ("Hi Aunt Marisol," / "Mia, ...")."""
    text = body.replace("\u2019", "'")
    words = "|".join(re.escape(w) for w in GREETING_WORDS)
    for form in forms:
        pattern = rf"^(?:(?:{words})\s+)?{re.escape(form)}(?=[,!.:;\n]|\s[\u2014\u2013-]\s|\s*$)"
        if re.match(pattern, text):
            return True
    return False


def _greeting_of(body: str) -> str:
    return body.split("\n", 1)[0][:60]


def _drafts_or_errors(items: list[dict[str, Any]]) -> tuple[list[tuple[dict[str, Any], Any]], list[Any]]:
    ok, failures = [], []
    for item in items:
        result = drafted(item["id"])
        if isinstance(result, Exception):
            failures.append((item["id"], f"drafting failed: {result}", ""))
        else:
            ok.append((item, result))
    return ok, failures


def test_greeting_uses_the_expected_name() -> None:
    """The greeting names the person as they would be greeted: "Hi Aunt Marisol", "Hello Dr. Mensah"."""
    ok, failures = _drafts_or_errors(DRAFTABLE)
    for item, draft in ok:
        forms = _as_list(item["expect"]["greeting"])
        override = item["recipient"].get("greeting")
        if not _greets(draft.body, forms):
            failures.append((item["id"], f"greeting should use {forms}", text_of(draft)))
        elif override and not draft.body.startswith(override):
            failures.append((item["id"], f"greeting should be {override!r}", text_of(draft)))
    assert not failures, _report(failures)


def test_thread_keeps_one_greeting() -> None:
    """A reminder and a thank-you greet the person exactly as the request did."""
    threads: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for item in DRAFTABLE:
        if "thread" in item:
            threads[item["thread"]].append(item)
    failures = []
    for name, items in sorted(threads.items()):
        openings = {}
        for item in items:
            result = drafted(item["id"])
            body = result.body if isinstance(result, askcraft.Draft) else f"<{result}>"
            openings[item["id"]] = re.split(r"[,!]", body, maxsplit=1)[0]
        if len(set(openings.values())) > 1:
            shown = "\n".join(f"{k}: {v}" for k, v in openings.items())
            failures.append((name, "greetings differ across the thread", shown))
    assert not failures, _report(failures)


def _found_or_named(fact: str, draft: askcraft.Draft, item: dict[str, Any]) -> bool:
    """Return whether *fact* is in the draft, or a finding says it was left out."""
    if fact.casefold() in text_of(draft).casefold():
        return True
    fields = [
        k for k in ("gift", "outcome", "hook", "news", "help", "details") if fact in str(item.get(k, ""))
    ]
    if fact in str(item["sender"].get("reason", "")):
        fields.append("reason")
    if any(fact in link for link in item["sender"].get("links", [])):
        fields.append("link")
    for finding in draft.findings:
        message = finding.message.casefold()
        if fact.casefold() in message or any(f in message for f in fields):
            return True
    return False


def test_given_facts_are_kept_or_a_finding_says_so() -> None:
    """The gift, the outcome, the hook, the news and the count appear, or a finding names what is missing."""
    ok, failures = _drafts_or_errors(DRAFTABLE)
    for item, draft in ok:
        missing = [
            f for f in _as_list(item["expect"].get("must_contain")) if not _found_or_named(f, draft, item)
        ]
        if missing:
            failures.append((item["id"], f"missing {missing}", text_of(draft)))
    assert not failures, _report(failures)


def test_no_known_bad_join_appears() -> None:
    """None of the joins a careful reader rejects appears ("a SEO", "role role", "Inc..", "Hi Aunt,")."""
    ok, failures = _drafts_or_errors(DRAFTABLE)
    for item, draft in ok:
        text = text_of(draft)
        bad = [s for s in _as_list(item["expect"].get("must_not_contain")) if s in text]
        if bad:
            failures.append((item["id"], f"contains {bad}", text))
    assert not failures, _report(failures)


def _fact_pattern(value: str, *, role: bool) -> re.Pattern[str]:
    """Return a pattern for a field value as a draft may mention it (articles, suffixes, plurals aside)."""
    core = re.sub(r"^(?:the|an|a)\s+", "", value.strip(), flags=re.IGNORECASE)
    core = re.sub(r",?\s+(?:Inc\.|Ltd\.|LLC|plc|& Co\.)$", "", core)
    if role:
        core = re.sub(r"\s+role$", "", core, flags=re.IGNORECASE)
    return re.compile(rf"(?<!\w){re.escape(core)}(?:s|es)?(?!\w)", re.IGNORECASE)


def test_each_fact_is_said_at_most_twice() -> None:
    """The industry, role and company each appear at most twice in the body (more if the user wrote more)."""
    ok, failures = _drafts_or_errors(DRAFTABLE)
    for item, draft in ok:
        user = _user_text(item)
        facts = {"industry": item.get("industry"), "role": item.get("role"), "company": item.get("company")}
        if not facts["company"] and item["goal"] == "referral":
            facts["company"] = item["recipient"].get("company")
        over = []
        for field, value in facts.items():
            if not value:
                continue
            pattern = _fact_pattern(value, role=field == "role")
            said = len(pattern.findall(draft.body))
            allowed = max(2, len(pattern.findall(user)))
            if said > allowed:
                over.append(f"{field} {value!r} {said}x")
        if over:
            failures.append((item["id"], "; ".join(over), text_of(draft)))
    assert not failures, _report(failures)


#: Punctuation no careful writer leaves: doubled stops (not an ellipsis), a stop after "!" or "?",
#: a comma before a stop, space before punctuation, "??", doubled commas, doubled spaces.
BAD_PUNCTUATION = re.compile(
    r"(?<!\.)\.\.(?!\.)|\.{4,}|[!?]\.|\?\?|,[.!?]|[!?],|,,|;\.|:\.|\s[,;]|\s\.(?=\s|$)|(?<=\S) {2,}(?=\S)"
)


def test_no_doubled_punctuation() -> None:
    """No "..", "!.", ",.", "??" or space before a comma: user text's own punctuation is respected."""
    ok, failures = _drafts_or_errors(DRAFTABLE)
    for item, draft in ok:
        text = text_of(draft)
        hits = sorted({m.group(0) for m in BAD_PUNCTUATION.finditer(text)})
        if hits:
            failures.append((item["id"], f"punctuation {hits}", text))
    assert not failures, _report(failures)


def test_exclamation_marks_are_spent_sparingly() -> None:
    """A draft's own sentences carry at most two "!" (the user's own marks come on top): five in a
    row ("Hi Bea! Thank you! I'd love to treat you! I owe you one!") reads as gushing."""
    ok, failures = _drafts_or_errors(DRAFTABLE)
    for item, draft in ok:
        marks = draft.body.count("!") - _user_text(item).count("!")
        if marks > 2:
            failures.append((item["id"], f"{marks} exclamation marks of its own", text_of(draft)))
    assert not failures, _report(failures)


def test_drafts_fit_their_channel() -> None:
    """A connection note stays within 300 characters, a text within two SMS segments."""
    ok, failures = _drafts_or_errors(DRAFTABLE)
    for item, draft in ok:
        limit = LIMITS.get(item["channel"])
        if limit is not None and len(draft.body) > limit:
            failures.append((item["id"], f"{len(draft.body)} characters (limit {limit})", text_of(draft)))
    assert not failures, _report(failures)


def test_no_own_warnings() -> None:
    """askcraft's own checks raise no warning or error on its drafts, beyond what the input deserves."""
    failures = []
    for item in DRAFTABLE:
        result = checked(item["id"])
        if isinstance(result, Exception):
            failures.append((item["id"], f"drafting failed: {result}", ""))
            continue
        allowed = set(_as_list(item["expect"].get("allow_findings")))
        bad = [
            f"{f.rule} ({f.severity}): {f.message}"
            for f in result.findings
            if f.severity in ("warning", "error") and f.rule not in allowed
        ]
        if bad:
            failures.append((item["id"], "; ".join(bad), text_of(result)))
    assert not failures, _report(failures)


def test_impossible_asks_are_refused_clearly() -> None:
    """A follow-up as a connection note, or a sent_on after the send date, is an error naming the fix."""
    failures = []
    for item in REFUSED:
        result = drafted(item["id"])
        wanted = _as_list(item["expect"]["error_mentions_any"])
        if isinstance(result, askcraft.Draft):
            failures.append(
                (item["id"], f"drafted instead of refused (should mention {wanted})", text_of(result))
            )
        elif not any(w in str(result) for w in wanted):
            failures.append((item["id"], f"error should mention one of {wanted}", str(result)))
    assert not failures, _report(failures)
