"""Unit tests of the grammar checker: mapping, policy, names, failure notices (no real server)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import askcraft
import askcraft._grammar.checker as grammar_checker
import askcraft._grammar.client as grammar_client
import askcraft._grammar.config as lt_config
import askcraft._grammar.java as lt_java
import askcraft._grammar.obtain as lt_obtain
import askcraft._grammar.policy as grammar_policy
import askcraft._grammar.server as lt_server
import askcraft._grammar.status as lt_status
import askcraft._grammar.watchdog as lt_watchdog
from askcraft._checks.context import CheckContext
from askcraft._checks.registry import run_checks
from askcraft._draft.check import check_many
from askcraft._errors import CheckerUnavailableError
from askcraft.testing import FakeGrammarChecker, no_languagetool, use_grammar_checker


def _match(
    text: str,
    word: str,
    *,
    rule: str = "MORFOLOGIK_RULE_EN_US",
    category: str = "TYPOS",
    issue: str = "misspelling",
    replacements: tuple[str, ...] = ("fixed",),
    message: str = "Possible spelling mistake found.",
) -> Any:
    """Build a language-tool-python-like match for *word* (start as a str index, length in UTF-16)."""
    start = text.index(word)
    return SimpleNamespace(
        rule_id=rule,
        category=category,
        rule_issue_type=issue,
        offset=start,
        error_length=len(word.encode("utf-16-le")) // 2,
        replacements=list(replacements),
        message=message,
    )


@pytest.fixture
def isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Point askcraft at an empty LanguageTool home and runtime folder, with nothing configured."""
    monkeypatch.setenv("ASKCRAFT_LANGUAGETOOL_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ASKCRAFT_LANGUAGETOOL_RUNTIME_DIR", str(tmp_path / "run"))
    monkeypatch.delenv("ASKCRAFT_LANGUAGETOOL_URL", raising=False)
    monkeypatch.delenv("ASKCRAFT_LANGUAGETOOL", raising=False)
    monkeypatch.setattr(lt_server, "_current", None)
    grammar_checker.clear_cache()
    return tmp_path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --------------------------------------------------------------------------- offsets


def test_utf16_offsets_map_to_str_indices_after_emoji():
    """An offset LanguageTool counts in UTF-16 lands on the same word in the Python string."""
    text = "Hi 😀 Zoë, teh 👋🏽 plan"
    to_index = grammar_client.utf16_to_index(text)
    utf16 = text.encode("utf-16-le")
    for word in ("Zoë", "teh", "plan"):
        u16 = utf16.index(word.encode("utf-16-le")) // 2
        assert text[to_index(u16) : to_index(u16) + len(word)] == word
        assert grammar_client.index_to_utf16(text, text.index(word)) == u16


def test_finding_span_covers_a_flagged_emoji_word():
    """A flagged span that contains an astral character keeps its full length."""
    text = "Great news 🎉🎉 today"
    match = _match(text, "🎉🎉", rule="SOME_RULE", category="GRAMMAR", issue="grammar")
    (finding,) = grammar_checker._to_findings(text, [match], (), "body")
    assert finding.excerpt(text) == "🎉🎉"


# --------------------------------------------------------------------------- policy


def test_policy_maps_categories_to_severities():
    """Grammar, confused words and typos are errors; style is a suggestion; typography is dropped."""
    policy = grammar_policy.policy()
    assert policy.decide("BASE_FORM", "GRAMMAR", "grammar") == "error"
    assert policy.decide("THEIR_IS", "CONFUSED_WORDS", "misspelling") == "error"
    assert policy.decide("MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling") == "error"
    assert policy.decide("RB_RB_COMMA", "PUNCTUATION", "uncategorized") == "suggestion"
    assert policy.decide("SOME_STYLE", "REDUNDANCY", "style") == "suggestion"
    assert policy.decide("EN_QUOTES", "PUNCTUATION", "typographical") == "off"
    assert policy.decide("CONSECUTIVE_SPACES", "TYPOGRAPHY", "typographical") == "off"
    assert {"EN_QUOTES", "DASH_RULE", "WHITESPACE_RULE"} <= policy.off_rules


def test_policy_rejects_an_unknown_severity():
    """A typo in the policy file is reported with the key that has it."""
    with pytest.raises(ValueError, match=r"rules\.X is 'fatal'"):
        grammar_policy.Policy.from_mapping({"rules": {"X": "fatal"}})


def test_matches_become_findings_with_rule_ids_and_replacements():
    """Spelling goes to spelling.<ID>, grammar to grammar.<ID>, with at most five replacements."""
    text = "I has a apple and teh pear."
    matches = [
        _match(
            text,
            "has",
            rule="BASE_FORM",
            category="GRAMMAR",
            issue="grammar",
            replacements=("have",),
            message="Possible agreement error.",
        ),
        _match(text, "teh", replacements=("the", "ten", "tea", "tech", "Ted", "TeX", "tee")),
        _match(text, " and", rule="EN_QUOTES", category="PUNCTUATION", issue="typographical"),
    ]
    findings = grammar_checker._to_findings(text, matches, (), "body")
    assert [(f.rule, f.category, f.severity, f.excerpt(text)) for f in findings] == [
        ("grammar.BASE_FORM", "grammar", "error", "has"),
        ("spelling.MORFOLOGIK_RULE_EN_US", "spelling", "error", "teh"),
    ]
    assert findings[0].replacements == ("have",)
    assert findings[0].message == "Possible agreement error. Try “have”."
    assert len(findings[1].replacements) == grammar_checker.MAX_REPLACEMENTS


def test_names_from_the_intent_are_never_misspellings():
    """People, companies and places in the intent are not flagged, nor their possessives."""
    text = "Hi Siobhán, thanks for the intro to Nguyễn-Smith Corp and to Jyoti's team at Zalando."
    names = ("Siobhán Ní Bhriain", "Nguyễn-Smith Corp", "Jyoti Rao", "Zalando")
    matches = [_match(text, w) for w in ("Siobhán", "Nguyễn", "Jyoti's", "Zalando", "intro")]
    findings = grammar_checker._to_findings(text, matches, names, "body")
    assert [f.excerpt(text) for f in findings] == ["intro"]


# --------------------------------------------------------------------------- failures become one notice


def test_switched_off_gives_one_notice(monkeypatch: pytest.MonkeyPatch):
    """ASKCRAFT_LANGUAGETOOL=off skips LanguageTool and says so."""
    monkeypatch.setenv("ASKCRAFT_LANGUAGETOOL", "off")
    (finding,) = grammar_checker.check(CheckContext(text="I has a apple."))
    assert (finding.severity, finding.rule, finding.category) == ("notice", "grammar.unavailable", "grammar")
    assert "switched off" in finding.message


def test_missing_languagetool_gives_one_notice_that_says_how_to_install(
    isolated: Path, monkeypatch: pytest.MonkeyPatch
):
    """With nothing installed and auto-install disabled, the notice names the install command."""
    monkeypatch.setenv("ASKCRAFT_LANGUAGETOOL_AUTO_INSTALL", "0")
    (finding,) = grammar_checker.check(CheckContext(text="I has a apple."))
    assert finding.severity == "notice"
    assert "not installed" in finding.message
    assert "python -m askcraft languagetool install" in finding.message
    assert not (isolated / "home" / lt_config.VERSION).exists()


def test_missing_java_gives_one_notice_that_says_what_is_missing(
    isolated: Path, monkeypatch: pytest.MonkeyPatch
):
    """Without java on PATH the first-use install stops before fetching anything and says why."""
    empty_bin = isolated / "bin"
    empty_bin.mkdir()
    monkeypatch.setenv("PATH", str(empty_bin))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    with pytest.raises(CheckerUnavailableError, match=r"needs Java 17 or newer.*no `java` command"):
        lt_java.find_java()
    (finding,) = grammar_checker.check(CheckContext(text="I has a apple."))
    assert finding.severity == "notice"
    assert "Java 17" in finding.message
    assert not (isolated / "home" / lt_config.VERSION).exists()


def test_old_java_is_refused_with_its_version(isolated: Path, monkeypatch: pytest.MonkeyPatch):
    """A Java older than 17 is named in the error."""
    fake = isolated / "bin" / "java"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\necho 'openjdk version \"11.0.2\" 2019-01-15' >&2\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(fake.parent))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    with pytest.raises(CheckerUnavailableError, match="is Java 11"):
        lt_java.find_java()


@pytest.mark.parametrize(
    ("output", "major"),
    [
        ('openjdk version "17.0.15" 2025-04-15', 17),
        ('java version "1.8.0_392"', 8),
        ('openjdk version "21" 2023-09-19', 21),
        ("no version here", None),
    ],
)
def test_java_version_is_parsed(output: str, major: int | None):
    """`java -version` output gives the major version, old 1.x style included."""
    assert lt_java.parse_java_version(output) == major


def test_wrong_url_gives_one_notice(isolated: Path, monkeypatch: pytest.MonkeyPatch):
    """A self-hosted URL with nothing listening yields one notice naming the URL."""
    url = f"http://127.0.0.1:{_free_port()}"
    monkeypatch.setenv("ASKCRAFT_LANGUAGETOOL_URL", url)
    findings = grammar_checker.check(CheckContext(text="I has a apple.", subject="Quick question"))
    assert len(findings) == 1
    assert findings[0].severity == "notice"
    assert url in findings[0].message
    assert "ASKCRAFT_LANGUAGETOOL_URL" in findings[0].message


def test_empty_text_has_no_findings_and_contacts_no_server(isolated: Path, monkeypatch: pytest.MonkeyPatch):
    """An empty or blank message is not sent anywhere and has nothing to report."""
    monkeypatch.setenv("ASKCRAFT_LANGUAGETOOL_URL", f"http://127.0.0.1:{_free_port()}")
    assert grammar_checker.check(CheckContext(text="")) == []
    assert grammar_checker.check(CheckContext(text="  \n ")) == []


# --------------------------------------------------------------------------- server records


def test_a_stale_record_of_a_dead_server_is_removed(isolated: Path):
    """A record whose pid is gone is cleaned up, not trusted."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    record = lt_config.record_path()
    record.write_text(json.dumps({"url": "http://127.0.0.1:1", "pid": proc.pid, "port": 1, "ready": True}))
    assert lt_server.recorded_server() is None
    assert not record.exists()
    assert lt_status.status()["running"] is False


def test_watchdog_stops_an_idle_server_and_removes_its_record(isolated: Path):
    """The idle watchdog terminates the process once its record has not been touched for the idle time."""

    server = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    record = isolated / "record.json"
    record.write_text(json.dumps({"pid": server.pid, "ready": True}))
    old = time.time() - 120
    os.utime(record, (old, old))
    try:
        lt_watchdog.watch(server.pid, record, idle_seconds=1.0)
        assert server.wait(timeout=20) != 0
        assert not record.exists()
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


def test_watchdog_leaves_a_server_whose_record_was_taken_over(isolated: Path):
    """When the record names another pid (a restart), the watchdog exits and kills nothing."""

    server = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    record = isolated / "record.json"
    record.write_text(json.dumps({"pid": server.pid + 100000, "ready": True}))
    try:
        lt_watchdog._RECORD_GRACE_SECONDS = 0.0
        lt_watchdog.watch(server.pid, record, idle_seconds=1.0)
        assert server.poll() is None
    finally:
        lt_watchdog._RECORD_GRACE_SECONDS = 60.0
        server.kill()
        server.wait()


def test_pom_pins_the_version_and_adds_the_languages_the_server_needs():
    """The Maven pom excludes language-all and adds English plus es/ca/pt for language identification."""
    pom = lt_obtain.pom_text()
    assert "@LANGUAGETOOL_VERSION@" not in pom
    assert f"<languagetool.version>{lt_config.VERSION}</languagetool.version>" in pom
    assert "<artifactId>language-all</artifactId>" in pom.split("<exclusions>")[1].split("</exclusions>")[0]
    for module in ("language-en", "language-es", "language-ca", "language-pt"):
        assert f"<artifactId>{module}</artifactId>" in pom


# --------------------------------------------------------------------------- testing helpers and check_many


def test_fake_grammar_checker_works_in_run_checks():
    """The public fake flags its words like LanguageTool would, and skips names."""
    fake = FakeGrammarChecker({"teh": "the", "Kim": "Kin"})
    ctx = CheckContext(text="Thanks for teh intro, Kim.", names=("Kim",), subject="teh plan")
    findings = run_checks(ctx, checkers={"grammar": fake})
    assert [(f.field, f.rule, f.replacements) for f in findings] == [
        ("subject", "spelling.FAKE", ("the",)),
        ("body", "spelling.FAKE", ("the",)),
    ]
    assert fake.calls == [ctx]


def test_check_many_keeps_order_and_checks_identical_texts_once():
    """Results come back in input order; duplicates are checked once."""
    fake = FakeGrammarChecker({"teh": "the"})
    texts = ["Fine.", "teh one", "Fine.", "teh one", "Also fine."]
    with use_grammar_checker(fake):
        results = check_many(texts, disable=())
    grammar_rules = [[f.rule for f in r if f.category in ("grammar", "spelling")] for r in results]
    assert grammar_rules == [[], ["spelling.FAKE"], [], ["spelling.FAKE"], []]
    assert sorted(c.text for c in fake.calls) == ["Also fine.", "Fine.", "teh one"]


def test_check_many_without_grammar_never_calls_the_checker():
    """grammar=False skips the grammar checker for every text."""
    fake = FakeGrammarChecker({"teh": "the"})
    with use_grammar_checker(fake):
        results = check_many(["teh one", "two"], grammar=False)
    assert fake.calls == []
    assert all(f.category != "spelling" for r in results for f in r)


def test_no_languagetool_switches_it_off_inside_the_block():
    """The helper sets and restores ASKCRAFT_LANGUAGETOOL."""
    before = os.environ.get("ASKCRAFT_LANGUAGETOOL")
    with no_languagetool():
        (finding,) = grammar_checker.check(CheckContext(text="I has a apple."))
        assert finding.rule == "grammar.unavailable"
    assert os.environ.get("ASKCRAFT_LANGUAGETOOL") == before


@pytest.mark.parametrize(("kind", "channel"), [("nope", "email"), ("request", "fax")])
def test_check_many_refuses_an_unknown_kind_or_channel_like_check(kind: str, channel: str):
    """check_many validates plain texts' kind and channel exactly as askcraft.check does."""
    with pytest.raises(ValueError, match="must be one of"):
        askcraft.check("Hi Sam.", kind=kind, channel=channel, grammar=False)
    with pytest.raises(ValueError, match="must be one of"):
        check_many(["Hi Sam."], kind=kind, channel=channel, grammar=False)
