"""Integration tests against the real LanguageTool server askcraft installs and runs."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import askcraft
import askcraft._grammar.checker as grammar_checker
import askcraft._grammar.config as lt_config
import askcraft._grammar.obtain as lt_obtain
import askcraft._grammar.server as lt_server
from askcraft._checks.context import CheckContext
from askcraft._draft.check import check_many

pytestmark = pytest.mark.languagetool


def _rules(findings: list[askcraft.Finding]) -> list[str]:
    return [f.rule for f in findings]


def _errors_at(findings: list[askcraft.Finding], text: str) -> set[str]:
    """Return the excerpts of error-level grammar and spelling findings."""
    return {
        f.excerpt(text) for f in findings if f.severity == "error" and f.category in ("grammar", "spelling")
    }


def test_real_errors_are_found_at_the_right_place(languagetool_server: Any):
    """Grammar, confused words and typos come back as error findings pointing at the words."""
    text = "Hi Sam, I has a question. Their is a role I would love to here about, and teh team looks great."
    findings = grammar_checker.check(CheckContext(text=text))
    by_rule = {f.rule: f for f in findings}
    assert {"has", "Their", "teh"} <= _errors_at(findings, text)
    assert by_rule["grammar.THEIR_IS"].excerpt(text) == "Their"
    assert by_rule["spelling.MORFOLOGIK_RULE_EN_US"].excerpt(text) == "teh"
    assert by_rule["spelling.MORFOLOGIK_RULE_EN_US"].replacements[0] == "the"
    assert all(f.severity == "error" for f in by_rule.values() if f.rule != "grammar.unavailable")
    assert "grammar.unavailable" not in by_rule


def test_offsets_are_right_after_emoji_and_accented_names(languagetool_server: Any):
    """Offsets index the Python string even after emoji, skin tones and accents."""
    text = "Hi Zoë 👋🏽🎉, hope you are well! I wanted to ask if you knew teh people at Łódź Labs."
    findings = grammar_checker.check(CheckContext(text=text, names=("Zoë Ødegård", "Łódź Labs")))
    excerpts = [f.excerpt(text) for f in findings]
    assert "teh" in excerpts
    assert not any(word in excerpts for word in ("Zoë", "Łódź", "Labs"))


def test_names_in_the_intent_are_not_misspellings(languagetool_server: Any):
    """A rare name is flagged without the intent and accepted with it."""
    text = "Thank you for introducing me to Siobhán Ní Bhriain and Xochitl at Quillfeather."
    found = grammar_checker.check(CheckContext(text=text))
    flagged = {f.excerpt(text) for f in found if f.category == "spelling"}
    assert flagged & {"Bhriain", "Quillfeather"}
    with_names = grammar_checker.check(
        CheckContext(text=text, names=("Siobhán Ní Bhriain", "Xochitl", "Quillfeather"))
    )
    assert [f for f in with_names if f.category == "spelling"] == []


def test_subject_lines_are_checked_as_their_own_field(languagetool_server: Any):
    """A typo in the subject is reported with field="subject" and a subject offset."""
    subject = "Quick questoin about banking"
    (finding,) = grammar_checker.check(CheckContext(text="Hello there.", subject=subject))
    assert finding.field == "subject"
    assert finding.excerpt(subject) == "questoin"


def test_public_check_runs_languagetool(languagetool_server: Any):
    """askcraft.check returns LanguageTool findings (the registry runs the grammar checker)."""
    text = "I has a apple."
    findings = askcraft.check(text, kind="request", channel="email")
    assert "grammar.EN_A_VS_AN" in _rules(findings)
    assert {"has", "a"} <= _errors_at(findings, text)


def test_empty_text_has_no_grammar_findings(languagetool_server: Any):
    """An empty message has nothing to report."""
    assert grammar_checker.check(CheckContext(text="")) == []


def test_a_100_kb_text_is_checked_in_full(languagetool_server: Any):
    """A long text is checked to its end; an error planted near the end is found at its offset."""
    paragraph = (
        "I hope this note finds you well. I am looking for a new role in banking because I want to "
        "work closer to customers, and I would be grateful for any names you could share. "
    )
    body = paragraph * (100_000 // len(paragraph) + 1)
    text = body + "Thanks again, and I has one more question."
    assert len(text.encode()) >= 100_000
    findings = grammar_checker.check(CheckContext(text=text))
    planted = [f for f in findings if f.offset >= len(body)]
    assert [f.excerpt(text) for f in planted] == ["has"]
    assert not any(f.severity == "notice" for f in findings)


def test_another_language_is_a_notice_not_an_exception(languagetool_server: Any):
    """Dutch text with language nl-NL (a module the Maven install never adds) yields one notice naming it."""
    text = "Hallo Sam, ken jij drie mensen in de bankwereld die ik zou kunnen bellen?"
    findings = grammar_checker.check(CheckContext(text=text, language="nl-NL"))
    installed = lt_obtain.find_installation()
    if lt_config.configured_url() is None and installed is not None and not installed.has_language("nl"):
        (finding,) = findings
        assert finding.severity == "notice"
        assert "nl-NL" in finding.message


def test_german_text_checked_as_english_is_flagged_not_crashed(languagetool_server: Any):
    """Text in another language checked as en-US comes back as spelling findings."""
    text = "Hallo Sam, kennst du drei Leute in der Bankbranche, die ich anrufen könnte?"
    findings = grammar_checker.check(CheckContext(text=text))
    assert sum(f.category == "spelling" for f in findings) >= 3


def test_check_many_matches_one_by_one_checks(languagetool_server: Any):
    """check_many returns, in order, what checking each text alone returns."""
    texts = [f"Hi Sam, I has {n} question about teh role." for n in range(1, 6)] + [
        "Thanks so much for your help."
    ]
    texts = [*texts, texts[0]]
    batched = check_many(texts, grammar=True)
    grammar_checker.clear_cache()
    alone = [askcraft.check(t) for t in texts]
    assert [_rules(b) for b in batched] == [_rules(a) for a in alone]
    assert [[f.offset for f in b] for b in batched] == [[f.offset for f in a] for a in alone]


def test_the_cli_reuses_the_running_server(languagetool_server: Any):
    """A second process finds the recorded server instead of starting another."""
    if not languagetool_server.managed:
        pytest.skip("a self-hosted server (ASKCRAFT_LANGUAGETOOL_URL) is not recorded")
    # The server running now: earlier tests may have restarted the session's server (restart-once).
    running = lt_server.ensure_server()
    out = subprocess.run(
        [sys.executable, "-m", "askcraft", "languagetool", "status", "--json"],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    status = json.loads(out.stdout)
    assert status["running"] is True
    assert status["pid"] == running.pid
    assert status["server_version"] == lt_config.VERSION


@pytest.mark.slow
def test_a_server_killed_mid_batch_is_restarted_once_and_the_batch_completes(
    languagetool_server: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    """Killing the server during check_many restarts it once; every text still gets real findings."""
    if not languagetool_server.managed:
        pytest.skip("askcraft does not restart a self-hosted server")
    # A private server (own runtime folder), so the shared one survives this test.
    monkeypatch.setenv("ASKCRAFT_LANGUAGETOOL_RUNTIME_DIR", str(tmp_path))
    monkeypatch.setenv("ASKCRAFT_LANGUAGETOOL_IDLE_MINUTES", "5")
    monkeypatch.setattr(lt_server, "_current", None)
    grammar_checker.clear_cache()
    first = lt_server.ensure_server()
    assert first.pid != languagetool_server.pid

    calls = {"n": 0}
    real_matches = grammar_checker.matches

    def killing_matches(server: Any, text: str, language: str) -> list[Any]:
        calls["n"] += 1
        if calls["n"] == 5 and server.pid == first.pid:
            os.kill(first.pid, signal.SIGKILL)
            while lt_server.pid_alive(first.pid):
                pass
        return real_matches(server, text, language)

    monkeypatch.setattr(grammar_checker, "matches", killing_matches)
    texts = [f"Message {n}: I has a question for you." for n in range(20)]
    try:
        results = check_many(texts)
        assert all("has" in _errors_at(r, t) for r, t in zip(results, texts, strict=True)), results
        assert not any(f.rule == "grammar.unavailable" for r in results for f in r)
        second = lt_server.ensure_server()
        assert second.pid != first.pid
    finally:
        lt_server.stop_server()
        monkeypatch.setattr(lt_server, "_current", None)
