"""The training set of the learned pushy model and the blind evaluation set stay apart and well formed.

The model (askcraft/_checks/rules/pushy.py) is fitted on tests/data/tone_train*.yaml only; it is
measured on tests/data/tone_eval.yaml and on tests/data/tone_eval_blind.yaml, so no sentence may be
in both a training message and an evaluation message. The blind set is also kept apart from the
rules' examples, as the evaluation set is. So is the second blind set,
tests/data/tone_eval_blind2.yaml, written later by another writer who had not seen the rules.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import test_tone_eval as eval_set
import yaml
from test_tone_eval import ITEMS as EVAL_ITEMS
from test_tone_eval import _bench, _clashes, _rule_examples

from askcraft._checks.rules import pushy

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"


def _load(name: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))["items"]
    return items


#: Every training set the model is fitted on (scripts/fit_pushy.py reads the same files).
TRAIN_FILES = sorted(p.name for p in DATA.glob("tone_train*.yaml"))
TRAIN = [item for name in TRAIN_FILES for item in _load(name)]
BLIND = _load("tone_eval_blind.yaml")
BLIND2 = _load("tone_eval_blind2.yaml")
#: Written on 2026-11-27, after the sixth round's rules, by a writer who had not seen them.
BLIND3 = _load("tone_eval_blind3.yaml")
#: Written on 2026-11-28, after the nineteenth round's rules, by a writer who had not seen them.
BLIND4 = _load("tone_eval_blind4.yaml")


@pytest.mark.parametrize("item", TRAIN + BLIND + BLIND2 + BLIND3 + BLIND4, ids=lambda item: str(item["id"]))
def test_every_message_follows_the_evaluation_schema(item: dict[str, Any]):
    """The training and blind sets use the evaluation set's schema, labels and quoted evidence."""
    eval_set.test_every_item_follows_the_schema(item)
    if item["label"] == "pushy":
        eval_set.test_pushy_items_name_their_categories_and_the_words(item)
    else:
        eval_set.test_gentle_items_have_no_categories(item)


def test_the_sets_are_large_balanced_and_distinct():
    """958 first training messages, 149 blind, 160 second-blind, many pushy; no id in two sets."""
    first = _load("tone_train.yaml")
    for items, size, pushy_ in (
        (first, 958, 441),
        (BLIND, 149, 75),
        (BLIND2, 160, 80),
        (BLIND3, 160, 80),
        (BLIND4, 160, 80),
    ):
        assert len(items) == size
        assert sum(i["label"] == "pushy" for i in items) == pushy_
    ids = [i["id"] for i in TRAIN + BLIND + BLIND2 + BLIND3 + BLIND4 + EVAL_ITEMS]
    assert len(ids) == len(set(ids))


def _texts(items: list[dict[str, Any]]) -> list[str]:
    return [str(item["text"]) for item in items]


def test_no_training_sentence_is_in_an_evaluation_set():
    """No sentence of five words or more appears in both a training message and an evaluation one."""
    evaluated = _texts(EVAL_ITEMS) + _texts(BLIND) + _texts(BLIND2) + _texts(BLIND3) + _texts(BLIND4)
    assert _clashes(TRAIN, evaluated) == []


def test_the_separation_check_catches_a_shared_sentence():
    """A sentence copied from the blind set into a training message is caught."""
    sentence = next(s for s in BLIND[0]["text"].replace("\n", " ").split(". ") if len(s.split()) > 6)
    copied = {"id": "copied", "text": f"Hi Sam, {sentence}. Thanks, Alex"}
    assert _clashes([copied], _texts(BLIND))


def test_the_blind_set_is_separate_from_the_rule_examples():
    """As the evaluation set: no rule example (or one of its sentences) in a blind message."""
    assert _clashes(BLIND, _rule_examples()) == []


def test_the_second_blind_set_is_separate_from_the_rule_examples():
    """The second blind set holds no rule example (or one of its sentences) either."""
    assert _clashes(BLIND2, _rule_examples()) == []


def test_the_third_blind_set_is_separate_from_the_rule_examples():
    """The third blind set holds no rule example (or one of its sentences) either."""
    assert _clashes(BLIND3, _rule_examples()) == []


def test_the_fourth_blind_set_is_separate_from_the_rule_examples():
    """The fourth blind set holds no rule example (or one of its sentences) either."""
    assert _clashes(BLIND4, _rule_examples()) == []


def _short_of_balance(items: list[dict[str, Any]], per_category: int, per_label: int) -> dict[Any, int]:
    """Return what falls short: categories with fewer pushy messages than *per_category*, kinds and
    channels with fewer than *per_label* of a label, and connection notes over 300 characters."""
    categories = Counter(c for item in items for c in item.get("categories") or ())
    short: dict[Any, int] = {c: categories[c] for c in eval_set.CATEGORIES if categories[c] < per_category}
    for field, values in (("kind", eval_set.KINDS), ("channel", eval_set.CHANNELS)):
        counts = Counter((item[field], item["label"]) for item in items)
        pairs = [(v, label) for v in values for label in eval_set.LABELS]
        short.update({pair: counts[pair] for pair in pairs if counts[pair] < per_label})
    notes = {i["id"]: len(i["text"]) for i in items if i["channel"] == "linkedin-connection-note"}
    short.update({k: n for k, n in notes.items() if n > 300})
    return short


def test_the_second_blind_set_is_balanced():
    """Each category has ten pushy messages; each kind and channel eight of each label."""
    assert _short_of_balance(BLIND2, per_category=10, per_label=8) == {}
    assert _short_of_balance(BLIND3, per_category=10, per_label=8) == {}
    assert _short_of_balance(BLIND4, per_category=10, per_label=8) == {}


def test_the_balance_check_names_what_falls_short():
    """A set with one pushy message and one long connection note falls short everywhere it should."""
    items = [
        {
            "id": "x",
            "kind": "request",
            "channel": "linkedin-connection-note",
            "label": "pushy",
            "categories": ["guilt"],
            "text": "x" * 301,
        }
    ]
    short = _short_of_balance(items, per_category=1, per_label=1)
    assert "guilt" not in short
    assert "deadline" in short
    assert ("request", "pushy") not in short
    assert ("request", "gentle") in short
    assert short["x"] == 301


def _unmarked_capitals(items: list[dict[str, Any]]) -> list[str]:
    return [
        item["id"]
        for item in items
        if item["label"] == "gentle"
        and set(re.findall(r"\b[A-Z]{2,}[A-Z0-9]*\b", item["text"])) - {"OK"}
        and not {"acronym", "warm-exclamation"} & set(item.get("traps") or ())  # "THANK YOU!!" is warm
    ]


def test_second_blind_gentle_messages_with_capitals_are_acronym_traps():
    """A gentle second-blind message with a word in capitals (other than OK) carries the acronym trap."""
    assert _unmarked_capitals(BLIND2) == []
    assert _unmarked_capitals(BLIND3) == []
    assert _unmarked_capitals(BLIND4) == []


def test_the_capitals_check_catches_an_unmarked_message():
    """A gentle message with "CV" and no acronym trap is named."""
    item = {"id": "unmarked", "label": "gentle", "text": "Hi Jo, may I send my CV?", "traps": ["follow-up"]}
    assert _unmarked_capitals([item]) == ["unmarked"]


#: The training sets written after the first, by letter, each by another blind writer in a voice
#: of its own (the files' headers say which), with the categories the writer was asked to weigh
#: (25 pushy messages or more each): F formal and non-native, G texting, H corporate, I personal,
#: J texting and shift work, K older, formal, faith-community and non-native writers, L regional
#: and community voices (the American South and Midwest, Australia, Ireland, the Caribbean...),
#: M tech and office DMs, students, career changers, direct writers, visa holders, freelancers,
#: N professions no set had (journalism, film, law, medicine, science, crews, kitchens, the
#: services, charities, clergy, farming, sport) and styles: understatement, humour, run-ons; O
#: trades, retail and hospitality, schools and care, veterans, gig drivers, councils, academics,
#: creatives and parents returning, in dictated run-ons, bullet points, emoji and P.S. pressure; P
#: how pressure hides (sarcasm, rhetorical questions, relayed family pressure, read receipts,
#: public shaming, favours told as plans made for the reader) in many Englishes; Q reminders and
#: thank-yous (second and third follow-ups, stinging thanks, arrangements made for the reader); R
#: guilt told sideways (martyrdom, reproach in the third person, comparisons, faith and family as
#: obligation) in American, Australian, Caribbean, Asian and African Englishes; S pressure in
#: courteous business English (demands as expectations, courteous ultimatums, soft deadlines); T
#: guilt and hurt said plainly in texts and DMs (Scottish, Welsh, New Zealand, Kenyan, Ghanaian,
#: Pakistani, Bangladeshi, Trinidadian, Appalachian and second-language English); U the everyday
#: ask with pressure of every kind, from writers no set had (parents for adult children, people
#: back from prison, carers returning, newcomers, very direct writers); V one pressing sentence
#: in a warm, well-written message; W short messages (8 to 70 words) with every kind of pressure; X
#: thank-yous with a sting and subtle pressure in pairs with gentle twins (first jobs, academics,
#: civil servants, nurses and carers, farmers, clergy, sailors, freelancers, elderly relatives,
#: teenagers and second-language English); Y
#: twins (a pushy and a gentle message about one situation, sharing words), subtle pressure, in
#: professions and Englishes the others had few of.
LATER_SETS: dict[str, tuple[str, ...]] = {
    "f": (),
    "g": (),
    "h": ("guilt", "demand", "ultimatum", "negativity"),
    "i": ("guilt", "desperation", "ultimatum", "negativity"),
    "j": (),
    "k": ("guilt", "demand", "ultimatum", "negativity"),
    "l": ("guilt", "demand", "ultimatum"),
    "m": ("guilt", "demand"),
    "n": ("guilt", "demand", "ultimatum"),
    "o": ("guilt", "demand", "ultimatum"),
    "p": ("guilt", "demand", "ultimatum"),
    "q": ("guilt", "demand", "ultimatum"),
    "r": ("guilt", "demand", "ultimatum"),
    "s": ("guilt", "demand", "ultimatum"),
    "t": ("guilt", "desperation", "negativity"),
    "u": ("demand", "ultimatum", "guilt", "deadline", "urgency"),
    "v": ("guilt",),
    "w": ("guilt",),
    "x": ("guilt",),
    "y": ("guilt",),
}
#: Pushy messages per category at least: 15, but set L was asked for 10 of the lighter ones, and
#: sets M and N (weighted to guilt, demands, ultimatums and contempt) have 8 shouting messages,
#: and sets R and S (weighted further still) 3 and 2 of the lightest, and set T (weighted to
#: guilt) 3, and set V (one pressing sentence in a warm message) 10.
LATER_FLOOR = {"l": 10, "m": 8, "n": 8, "o": 8, "p": 8, "q": 8, "r": 3, "s": 2, "t": 3, "v": 10}
#: Messages of each label per kind and channel: 8, but set T (weighted to texts and DMs) has 2
#: connection notes of each, and set V (weighted to emails and LinkedIn messages) 6.
LATER_PER_LABEL = {"t": 2, "v": 6}
#: Pushy messages per later set: 140, but set J (hard cases both ways) has 120 pushy and 180 gentle,
#: and sets K to W and Y 150 of each.
LATER_PUSHY = {
    "j": 120,
    "k": 150,
    "l": 150,
    "m": 150,
    "n": 150,
    "o": 150,
    "p": 150,
    "q": 150,
    "r": 150,
    "s": 150,
    "t": 150,
    "u": 150,
    "v": 150,
    "w": 150,
    "x": 150,
    "y": 150,
}


@pytest.mark.parametrize("letter", sorted(LATER_SETS))
def test_each_later_training_set_has_its_size_ids_balance_and_traps(letter: str):
    """300 messages, 140 pushy (set J: 120, K and L: 150), ids train-X-NNN of its own; 15 per
    category (L: 10; 25 for those it weighs), both labels on each kind and channel; capitals in
    gentle messages are acronym traps; no message repeated."""
    items = _load(f"tone_train_{letter}.yaml")
    assert len(items) == 300
    assert sum(i["label"] == "pushy" for i in items) == LATER_PUSHY.get(letter, 140)
    ids = [i["id"] for i in items]
    assert all(re.fullmatch(rf"train-{letter}-\d{{3}}", i) for i in ids)
    assert len(ids) == len(set(ids))
    assert sum(i["id"].startswith(f"train-{letter}-") for i in TRAIN) == 300
    per_label = LATER_PER_LABEL.get(letter, 8)
    assert _short_of_balance(items, per_category=LATER_FLOOR.get(letter, 15), per_label=per_label) == {}
    categories = Counter(c for i in items for c in i.get("categories") or ())
    assert {c: categories[c] for c in LATER_SETS[letter] if categories[c] < 25} == {}
    assert _unmarked_capitals(items) == []
    texts = Counter(" ".join(i["text"].split()).casefold() for i in items)
    assert [t for t, n in texts.items() if n > 1] == []


def test_the_weights_say_what_they_were_fitted_on():
    """The shipped weights were fitted on the training set alone, at the threshold cross-validation chose."""
    raw = json.loads((ROOT / "askcraft" / "_checks" / "rules" / "pushy_weights.json").read_text("utf-8"))
    assert raw["trained_on"] == [f"tests/data/{name}" for name in TRAIN_FILES]
    assert TRAIN_FILES == [
        "tone_train.yaml",
        "tone_train_f.yaml",
        "tone_train_g.yaml",
        "tone_train_h.yaml",
        "tone_train_i.yaml",
        "tone_train_j.yaml",
        "tone_train_k.yaml",
        "tone_train_l.yaml",
        "tone_train_m.yaml",
        "tone_train_n.yaml",
        "tone_train_o.yaml",
        "tone_train_p.yaml",
        "tone_train_q.yaml",
        "tone_train_r.yaml",
        "tone_train_s.yaml",
        "tone_train_t.yaml",
        "tone_train_u.yaml",
        "tone_train_v.yaml",
        "tone_train_w.yaml",
        "tone_train_x.yaml",
        "tone_train_y.yaml",
    ]
    assert raw["messages"] == len(TRAIN)
    assert raw["readings"] == ["words", "skip"]
    assert raw["nb_alpha"] == 0.5, "fitted on NB-scaled features (scripts/fit_pushy.py --nb)"
    assert pushy.model().skips, "the shipped reading weighs skip pairs"
    assert 0.5 <= raw["threshold"] < 1.0
    assert len(raw["weights"]) > 1_000


def test_the_benchmark_measures_the_blind_set_with_and_without_the_model():
    """eval_checks.py --set measures the blind set; the learned model only adds findings."""
    bench = _bench()
    items = bench.load(DATA / "tone_eval_blind.yaml")
    rules = bench.measure(items, options={"pressure.learned": "off"})["overall"]
    learned = bench.measure(items, options={"pressure.learned": "on"})["overall"]
    assert rules["pushy"] == learned["pushy"] == 75
    assert learned["pushy_flagged"] >= rules["pushy_flagged"]
    assert learned["gentle_clean"] <= rules["gentle_clean"]


def test_the_first_blind_set_read_in_the_fourth_round_stays_above_the_targets():
    """Read on 2026-11-26 and written from, the first blind set is dev data: a guard, not a measure."""
    bench = _bench()
    items = bench.load(DATA / "tone_eval_blind.yaml")
    for options in ({"pressure.learned": "off"}, {}):
        overall = bench.measure(items, options=options)["overall"]
        assert overall["pushy_flagged"] >= 0.95, options
        assert overall["gentle_clean"] >= 0.95, options


def test_a_sentence_is_weighed_and_explained():
    """The probability follows the weights, and the words named are words of the sentence that raised it."""
    text = "Do what you can, but I'm really relying on this one."
    weighed = pushy.weigh(text, 0, len(text))
    assert weighed.probability >= pushy.model().threshold
    assert weighed.raised_by
    present = pushy.features(pushy.tokens(text, 0, len(text)))
    assert set(weighed.raised_by) <= present
    assert all(pushy.model().weights[w] > 0 for w in weighed.raised_by)
    calm = "Thank you so much for the introduction, we had a great chat."
    assert pushy.weigh(calm, 0, len(calm)).probability < pushy.model().threshold


NOTE = "Hi Dana,\n\nDo what you can, but I'm really relying on this one.\n\nAlex"


@pytest.mark.parametrize(("value", "flagged"), [("on", True), (True, True), ("off", False), (False, False)])
def test_the_model_is_switched_by_its_option(value: object, flagged: bool):
    """On by default; "off" (or false, as the command line's YAML reads "off") leaves the rules alone."""
    import askcraft  # noqa: PLC0415

    found = askcraft.check(NOTE, grammar=False, options={"pressure.learned": value})
    assert any(f.rule == "pressure.pushy" for f in found) is flagged
    assert any(f.rule == "pressure.pushy" for f in askcraft.check(NOTE, grammar=False))


def test_the_finding_names_telling_words_as_the_writer_wrote_them():
    """The words named are the sentence's own ("I'm really", not "am really"), never "this" or "but" alone."""
    import askcraft  # noqa: PLC0415

    (finding,) = [f for f in askcraft.check(NOTE, grammar=False) if f.rule == "pressure.pushy"]
    named = re.findall(r'"([^"]+)"', finding.message.split(")")[0])
    assert named
    assert {"I'm really", "I'm \u2026 really"} & set(named)  # a pair, or a skip pair with a word between
    assert not {"this", "but", "one", "am really", "am \u2026 really"} & set(named)
    assert all(part in NOTE for words in named for part in words.split(" \u2026 "))


def test_a_wrong_switch_is_refused_by_name():
    """Anything but on or off is an error that names the option."""
    import askcraft  # noqa: PLC0415
    from askcraft._checks.rules.base import OptionError  # noqa: PLC0415

    with pytest.raises(OptionError, match=r"pressure\.learned"):
        askcraft.check(NOTE, grammar=False, options={"pressure.learned": "maybe"})


def test_the_model_reads_english_only():
    """A message checked as another language gets no learned finding."""
    import askcraft  # noqa: PLC0415

    found = askcraft.check(NOTE, grammar=False, language="de-DE", options={"pressure.learned": "on"})
    assert not any(f.rule == "pressure.pushy" for f in found)


@pytest.mark.parametrize(
    ("sentence", "speaks"),
    [
        ("Let's not make this harder than it needs to be.", True),
        ("They let us go in March.", False),
        ("Could you send me two names?", True),
        ("Forward my CV to your manager.", True),
        ("ur the best, thank u!", True),
        ("My landlord wants a work reference by Monday.", False),
        ("I'm applying for analyst roles this month.", False),
    ],
)
def test_a_sentence_speaks_to_the_reader_with_you_or_an_order(sentence: str, speaks: bool):
    """The --addressed-only gate weighs a sentence only when it speaks to the reader ("let's" does)."""
    assert pushy.addresses_reader(sentence, 0, len(sentence)) is speaks


# --- askcraft's own voice ---------------------------------------------------------------------

sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks"))


def _held_out_intents() -> list[Any]:
    """Every intent the model is checked on: the awkward corpus, the benchmark's, the golden ones."""
    import bench_checks  # noqa: PLC0415
    import test_awkward_corpus as awkward  # noqa: PLC0415
    import test_builtin_tone as builtin_tone  # noqa: PLC0415
    import test_golden as golden  # noqa: PLC0415

    bench = {
        "goals": bench_checks.GOAL_FIELDS,
        "names": bench_checks.NAMES,
        "reasons": bench_checks.REASONS,
        "thanks": ["introducing me to Priya", "I have an interview next week"],
    }
    builtin = {"goals": builtin_tone.GOAL_FIELDS, "people": builtin_tone.PEOPLE}
    return [awkward.intent_data(i) for i in awkward.ITEMS] + [*golden.INTENTS.values(), bench, builtin]


def test_own_voice_intents_share_nothing_with_the_drafts_the_model_is_checked_on():
    """Generated intents (scripts/own_voice.py) share no name, place or typed text with held-out ones."""
    import own_voice  # noqa: PLC0415

    generated = [data for data, _ in own_voice.intents(3000)]
    assert own_voice.shared_values(generated, _held_out_intents()) == []
    sentences = [s for data in generated for s in own_voice.values(data)]
    assert (
        _clashes(
            [{"id": "own-voice", "text": ". ".join(sentences)}],
            [s for i in _held_out_intents() for s in own_voice.values(i)],
        )
        == []
    )


def test_the_overlap_check_catches_a_shared_value():
    """A held-out intent's reason put into a generated intent is found."""
    import own_voice  # noqa: PLC0415
    import test_awkward_corpus as awkward  # noqa: PLC0415

    held = awkward.intent_data(awkward.ITEMS[0])
    generated, _ = next(own_voice.intents(1))
    copied = {**generated, "sender": {**generated["sender"], "reason": held["sender"]["reason"]}}
    assert own_voice.shared_values([copied], [held]) == [held["sender"]["reason"]]


def test_the_weights_were_fitted_with_askcraft_s_own_voice():
    """The shipped weights record the own-voice drafts they were fitted with, and the reader gate."""
    raw = json.loads((ROOT / "askcraft" / "_checks" / "rules" / "pushy_weights.json").read_text("utf-8"))
    assert raw["own_voice"]["drafts"] >= 1000
    assert raw["own_voice"]["sentences"] > 1000
    assert raw["addressed_only"] is True


def _pushy_in_awkward_drafts() -> list[tuple[str, str]]:
    import test_awkward_corpus as awkward  # noqa: PLC0415

    import askcraft  # noqa: PLC0415

    found = []
    for item in awkward.DRAFTABLE:
        draft = askcraft.draft(
            awkward.intent_data(item),
            check=True,
            grammar=False,
            options={"pressure.learned": "on"},
            today=awkward.TODAY,
        )
        found.extend(
            (item["id"], draft.body[f.offset : f.offset + f.length])
            for f in draft.findings
            if f.rule == "pressure.pushy"
        )
    return found


def test_askcraft_s_own_drafts_of_the_awkward_corpus_pass_with_the_model_on():
    """No draft askcraft writes for the awkward-intents corpus gets a learned pressure finding.

    The weights shipped before the own-voice sentences (commit b8c253f) fail this: they flag "I'm
    applying for analyst roles this month and want my CV to be as clear as it can be." and "My
    landlord wants a work reference by Monday." (see the next test).
    """
    assert _pushy_in_awkward_drafts() == []


def test_the_own_drafts_check_fails_on_a_model_that_flags_them(monkeypatch: pytest.MonkeyPatch):
    """With a threshold low enough to flag ordinary sentences, the same check finds drafts.

    (0.5 was low enough before the thirteenth round; the NB-scaled fit's probabilities sit further
    from the middle, and at 0.5 it flags none of them.)
    """
    strict = pushy.model()._replace(threshold=0.3)
    monkeypatch.setattr(pushy, "model", lambda: strict)
    assert _pushy_in_awkward_drafts()


def test_the_score_is_the_sum_of_the_weights_of_the_features():
    """score() (read from the checks' tokens, as a set intersection) equals the weights of features()."""
    from askcraft._checks.rules.base import read_sentences  # noqa: PLC0415

    fitted = pushy.model()
    for item in TRAIN[:200]:
        for start, end, norms, words in read_sentences(item["text"]):
            toks = pushy.tokens(item["text"], start, end)
            expected = fitted.intercept + sum(fitted.weights.get(f, 0.0) for f in pushy.features(toks))
            assert pushy.score(list(norms), words) == pytest.approx(expected, abs=1e-9)


def test_the_score_reads_skip_pairs_and_the_sentence_s_start(monkeypatch: pytest.MonkeyPatch):
    """Skip pairs ("need _ by") and pairs from the sentence's start count as features() says."""
    from askcraft._checks.rules.base import read_sentences  # noqa: PLC0415

    raw = {
        "need": 0.5,
        "need _ by": 2.0,
        "<s> _ need": 1.5,
        "<s> i": -0.25,
        "by friday": 1.0,
        "it _ friday": 0.75,
    }
    fake = pushy.read_model({"intercept": -1.0, "threshold": 0.9, "weights": raw, "addressed_only": True})
    assert fake.skips == {("need", "by"): 2.0, ("it", "friday"): 0.75}
    assert fake.opening_skips == {"need": 1.5}
    monkeypatch.setattr(pushy, "model", lambda: fake)
    text = "I need it by Friday."
    ((start, end, norms, present),) = read_sentences(text)
    assert {"need _ by", "<s> _ need", "<s> i", "it _ friday"} <= pushy.features(
        pushy.tokens(text, start, end)
    )
    expected = -1.0 + 0.5 + 2.0 + 1.5 - 0.25 + 1.0 + 0.75
    assert pushy.score(list(norms), present) == pytest.approx(expected)
    assert pushy.as_written(text, 0, len(text), "need _ by") == "need \u2026 by"
    assert pushy.weigh(text, 0, len(text)).raised_by[0] == "need _ by"
