"""askcraft's own LanguageTool server answering garbage is restarted once, as one that stopped answering."""

from __future__ import annotations

from typing import Any

import pytest

from askcraft._grammar import checker
from askcraft._grammar.client import BadAnswerError
from askcraft._grammar.config import Server

TEXT = "I has a question."


@pytest.fixture(autouse=True)
def _fresh() -> Any:
    checker.clear_cache()
    with checker._breaker_lock:
        checker._broken.clear()
    yield
    checker.clear_cache()
    with checker._breaker_lock:
        checker._broken.clear()


def _garbage_then_fine(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The first server answers an empty body (as one killed mid-answer); a restarted one answers."""
    calls: list[str] = []

    def matches(server: Server, text: str, language: str) -> list[Any]:
        calls.append(server.url)
        if server.url.endswith(":1"):
            raise BadAnswerError("an answer that is not JSON ()")
        return []

    def restart(server: Server) -> Server:
        calls.append("restart")
        return Server(url="http://127.0.0.1:2", managed=True)

    monkeypatch.setattr(checker, "matches", matches)
    monkeypatch.setattr(checker, "restart_server", restart)
    return calls


def test_own_server_answering_garbage_is_restarted_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _garbage_then_fine(monkeypatch)
    found = checker._check_text(Server(url="http://127.0.0.1:1", managed=True), TEXT, "en-US", (), "body")
    assert found == []
    assert calls == ["http://127.0.0.1:1", "restart", "http://127.0.0.1:2"]


def test_a_users_server_answering_garbage_is_one_notice_and_never_restarted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _garbage_then_fine(monkeypatch)
    found = checker._check_text(Server(url="http://127.0.0.1:1", managed=False), TEXT, "en-US", (), "body")
    assert not isinstance(found, list)
    assert found.rule == "grammar.unavailable"
    assert "not an answer askcraft can read" in found.message
    assert calls == ["http://127.0.0.1:1"]
