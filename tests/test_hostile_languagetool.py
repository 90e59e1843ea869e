"""A LanguageTool server that hangs, drips, or answers garbage costs one bounded wait and one notice.

The servers here are fakes on 127.0.0.1: each misbehaves one way, and stops by itself after
LIFETIME seconds even if a test forgets it. Every check runs in a thread joined with a bound,
so a regression fails ("still waiting") instead of hanging the run.
"""

from __future__ import annotations

import json
import os
import pwd
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import askcraft
import askcraft._grammar.checker as grammar_checker
import askcraft._grammar.server as lt_server
from askcraft._checks.findings import Finding
from askcraft._grammar import maven

REPO = Path(__file__).resolve().parent.parent
#: How long a fake server lives, at most; how long a test waits for a check, at most.
LIFETIME = 90.0
BOUND = 60.0
TEXT = "Hi Sam, do you know three people in banking I could talk to? Thanks, Alex"

Behaviour = Callable[["FakeServer", socket.socket, str], None]


class FakeServer:
    """A stand-in for LanguageTool on 127.0.0.1 that answers every request with *behaviour*."""

    def __init__(self, behaviour: Behaviour) -> None:
        self.behaviour = behaviour
        self.stop = threading.Event()
        self.connections = 0
        self.paths: list[str] = []
        self._lock = threading.Lock()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.1)
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        deadline = time.monotonic() + LIFETIME
        with self.listener:
            while not self.stop.is_set() and time.monotonic() < deadline:
                try:
                    conn, _ = self.listener.accept()
                except TimeoutError:
                    continue
                with self._lock:
                    self.connections += 1
                threading.Thread(target=self._handle, args=(conn,), daemon=True).start()
        self.stop.set()

    def _handle(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(2.0)
            try:
                head = b""
                while b"\r\n\r\n" not in head and len(head) < 65536:
                    head += conn.recv(4096)
                header, _, body = head.partition(b"\r\n\r\n")
                length = next(
                    (
                        int(line.split(b":")[1])
                        for line in header.split(b"\r\n")
                        if line.lower().startswith(b"content-length")
                    ),
                    0,
                )
                while len(body) < length:
                    body += conn.recv(65536)
                path = header.split(b" ")[1].decode()
                with self._lock:
                    self.paths.append(path)
                self.behaviour(self, conn, path)
            except OSError:
                pass

    def wait(self, seconds: float) -> None:
        """Sleep, waking early when the server stops."""
        self.stop.wait(seconds)

    def close(self) -> None:
        self.stop.set()
        self.thread.join(timeout=5)


def answer(status: int, body: bytes, content_type: str = "application/json") -> Behaviour:
    """Answer every request with *status* and *body*."""

    def respond(server: FakeServer, conn: socket.socket, path: str) -> None:
        reason = {200: "OK", 400: "Bad Request", 413: "Payload Too Large", 500: "Server Error"}.get(
            status, "X"
        )
        head = (
            f"HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
        )
        conn.sendall(head.encode() + b"Connection: close\r\n\r\n" + body)

    return respond


def hang(server: FakeServer, conn: socket.socket, path: str) -> None:
    """Read the request, never answer."""
    server.wait(LIFETIME)


def drip(server: FakeServer, conn: socket.socket, path: str) -> None:
    """Answer a byte at a time, two a second: every single read is quick, the answer never ends."""
    for byte in b'HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n{"matches": [' + b" " * 100000:
        if server.stop.is_set():
            return
        conn.sendall(bytes([byte]))
        server.wait(0.5)


def slow_headers(server: FakeServer, conn: socket.socket, path: str) -> None:
    """Send a status line, then one header that never ends (slowloris)."""
    conn.sendall(b"HTTP/1.1 200 OK\r\nX-Slow: ")
    while not server.stop.is_set():
        conn.sendall(b"a")
        server.wait(0.5)


def endless(server: FakeServer, conn: socket.socket, path: str) -> None:
    """Stream a body with no length, as fast as the client reads it, for as long as it reads."""
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n")
    chunk = b"[" * 65536
    while not server.stop.is_set():
        conn.sendall(chunk)


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Callable[[Behaviour], FakeServer]]:
    """Start fake servers (askcraft uses the last one, with 2 s request limits); stop them after."""
    started: list[FakeServer] = []
    monkeypatch.setenv("ASKCRAFT_LANGUAGETOOL_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ASKCRAFT_LANGUAGETOOL_RUNTIME_DIR", str(tmp_path / "run"))
    monkeypatch.delenv("ASKCRAFT_LANGUAGETOOL", raising=False)
    monkeypatch.delenv("ASKCRAFT_LANGUAGETOOL_READ_TIMEOUT", raising=False)
    for name, value in (("TIMEOUT", "2"), ("CONNECT_TIMEOUT", "1")):
        monkeypatch.setenv(f"ASKCRAFT_LANGUAGETOOL_{name}", value)
    monkeypatch.setattr(lt_server, "_current", None)
    monkeypatch.setattr(grammar_checker, "_broken", {}, raising=False)
    grammar_checker.clear_cache()

    def start(behaviour: Behaviour) -> FakeServer:
        server = FakeServer(behaviour)
        started.append(server)
        monkeypatch.setenv("ASKCRAFT_LANGUAGETOOL_URL", server.url)
        return server

    yield start
    for server in started:
        server.close()
    grammar_checker.clear_cache()


def bounded(call: Callable[[], Any]) -> Any:
    """Run *call* in a thread; fail the test if it is still waiting after BOUND seconds."""
    result: list[Any] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            result.append(call())
        except BaseException as exc:
            failure.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(BOUND)
    if thread.is_alive():
        pytest.fail(f"the check was still waiting after {BOUND:g} s")
    if failure:
        raise failure[0]
    return result[0]


def only_notice(findings: list[Finding]) -> Finding:
    """Return the one grammar notice in *findings* (there must be exactly one, and no grammar finding)."""
    grammar = [f for f in findings if f.category in {"grammar", "spelling"}]
    assert len(grammar) == 1, grammar
    (notice,) = grammar
    assert notice.rule == "grammar.unavailable"
    assert notice.severity == "notice"
    return notice


@pytest.mark.parametrize(
    ("behaviour", "says"),
    [(hang, "no answer within 2 s"), (drip, "no answer within 2 s"), (slow_headers, "no answer within 2 s")],
    ids=["hang", "drip", "slow-headers"],
)
def test_a_server_that_never_finishes_costs_one_deadline(
    fake: Callable[[Behaviour], FakeServer], behaviour: Behaviour, says: str
) -> None:
    """A check against a hanging or dripping server ends at ASKCRAFT_LANGUAGETOOL_TIMEOUT with one notice."""
    fake(behaviour)
    notice = only_notice(bounded(lambda: askcraft.check(TEXT)))
    assert says in notice.message


def stall(server: FakeServer, conn: socket.socket, path: str) -> None:
    """Send the headers and part of the body, then nothing."""
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n{")
    server.wait(LIFETIME)


def test_an_answer_that_stalls_is_cut_at_the_read_timeout(
    fake: Callable[[Behaviour], FakeServer], monkeypatch: pytest.MonkeyPatch
) -> None:
    """ASKCRAFT_LANGUAGETOOL_READ_TIMEOUT bounds the wait for the next bytes of an answer."""
    monkeypatch.setenv("ASKCRAFT_LANGUAGETOOL_READ_TIMEOUT", "1")
    fake(stall)
    assert "stalled for 1 s" in only_notice(bounded(lambda: askcraft.check(TEXT))).message


def test_a_batch_stops_at_the_first_dead_server(fake: Callable[[Behaviour], FakeServer]) -> None:
    """check_many against a hanging server: one round of requests, then every text gets the same notice."""
    server = fake(hang)
    texts = [f"{TEXT} ({n})" for n in range(8)]
    results = bounded(lambda: askcraft.check_many(texts))
    notices = {only_notice(findings).message for findings in results}
    assert len(notices) == 1
    assert server.connections <= 4  # the first requests in flight; the rest never reach the server


GARBAGE = {
    "not-json": b"<html>Bad gateway</html>",
    "a-list": b"[]",
    "matches-not-a-list": b'{"matches": "none"}',
    "match-not-an-object": b'{"matches": [1]}',
    "match-missing-keys": b'{"matches": [{}]}',
    "offset-a-string": b'{"matches": [{"message": "m", "offset": "3", "length": 1, "rule": {"id": "X",'
    b' "category": {"id": "C"}}}]}',
    "rule-not-an-object": b'{"matches": [{"message": "m", "offset": 3, "length": 1, "rule": "X"}]}',
    "replacement-not-an-object": b'{"matches": [{"message": "m", "offset": 3, "length": 1,'
    b' "replacements": ["x"], "rule": {"id": "X", "category": {"id": "C"}}}]}',
    "negative-offset": b'{"matches": [{"message": "m", "offset": -5, "length": 1, "rule": {"id": "X",'
    b' "category": {"id": "C"}}}]}',
    "deeply-nested": b"[" * 100_000 + b"]" * 100_000,
    "not-utf8": b"\xff\xfe{",
}


@pytest.mark.parametrize("body", list(GARBAGE.values()), ids=list(GARBAGE))
def test_an_answer_askcraft_cannot_read_is_one_notice(
    fake: Callable[[Behaviour], FakeServer], body: bytes
) -> None:
    """Any answer that is not LanguageTool's JSON becomes the one notice, in check() and in draft()."""
    fake(answer(200, body))
    notice = only_notice(bounded(lambda: askcraft.check(TEXT)))
    assert "not an answer askcraft can read" in notice.message
    drafted = bounded(lambda: askcraft.draft({**_INTENT}))
    only_notice(drafted.findings)


@pytest.mark.parametrize(
    ("behaviour", "says"),
    [
        (answer(500, b"java.lang.OutOfMemoryError", "text/plain"), "HTTP 500"),
        (answer(200, b"{" * 100, "application/json"), "not JSON"),
        (endless, "larger than"),
        (
            answer(400, b"Error: 'en-US' is not a language code known to LanguageTool.", "text/plain"),
            "language",
        ),
        (answer(413, b"Error: text too long", "text/plain"), "refused the text"),
    ],
    ids=["http-500", "truncated-json", "endless-body", "unknown-language", "text-too-long"],
)
def test_errors_and_refusals_are_one_notice(
    fake: Callable[[Behaviour], FakeServer], behaviour: Behaviour, says: str
) -> None:
    """HTTP errors, a body without end and refusals each end in one notice that says which."""
    fake(behaviour)
    notice = only_notice(bounded(lambda: askcraft.check(TEXT)))
    assert says in notice.message


def test_a_huge_declared_answer_is_not_read(fake: Callable[[Behaviour], FakeServer]) -> None:
    """An answer that announces more than the cap is dropped before its body is read."""

    def huge(server: FakeServer, conn: socket.socket, path: str) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 4000000000\r\n\r\n{")
        server.wait(LIFETIME)

    fake(huge)
    assert "larger than" in only_notice(bounded(lambda: askcraft.check(TEXT))).message


def test_a_good_answer_still_becomes_findings(fake: Callable[[Behaviour], FakeServer]) -> None:
    """The client reads LanguageTool's real answer shape, UTF-16 offsets included."""
    text = "Hi 😀 Sam, teh plan"
    match = {
        "message": "Possible spelling mistake found.",
        "offset": text.encode("utf-16-le").index("teh".encode("utf-16-le")) // 2,
        "length": 3,
        "replacements": [{"value": "the"}, {"value": "tea"}],
        "rule": {"id": "MORFOLOGIK_RULE_EN_US", "issueType": "misspelling", "category": {"id": "TYPOS"}},
    }
    fake(answer(200, json.dumps({"matches": [match]}).encode()))
    (finding,) = [f for f in bounded(lambda: askcraft.check(text)) if f.category == "spelling"]
    assert text[finding.offset : finding.offset + finding.length] == "teh"
    assert finding.replacements[:2] == ("the", "tea")


@pytest.mark.parametrize("value", ["abc", "0", "-3"])
def test_a_bad_timeout_setting_is_one_notice_naming_it(
    fake: Callable[[Behaviour], FakeServer], monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    """ASKCRAFT_LANGUAGETOOL_TIMEOUT must be a positive number of seconds; the notice says so."""
    fake(answer(200, b'{"matches": []}'))
    monkeypatch.setenv("ASKCRAFT_LANGUAGETOOL_TIMEOUT", value)
    assert "ASKCRAFT_LANGUAGETOOL_TIMEOUT" in only_notice(bounded(lambda: askcraft.check(TEXT))).message


_INTENT: dict[str, Any] = {
    "kind": "request",
    "goal": "job-leads",
    "industry": "banking",
    "count": 3,
    "recipient": {"name": "Sam Lee", "relationship": "former-colleague"},
    "sender": {"name": "Alex Kim", "reason": "I want to put my math degree to work in finance"},
    "channel": "email",
}


# --------------------------------------------------------------------------- settings


def test_an_unknown_switch_value_is_one_notice_that_lists_the_accepted_ones(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ASKCRAFT_LANGUAGETOOL=banana is neither on nor off: the library's check says so as its notice."""
    monkeypatch.setenv("ASKCRAFT_LANGUAGETOOL", "banana")
    monkeypatch.setattr(grammar_checker, "_broken", {}, raising=False)
    message = only_notice(bounded(lambda: askcraft.check(TEXT))).message
    assert "ASKCRAFT_LANGUAGETOOL='banana'" in message
    assert "off" in message
    assert "disabled" in message
    assert "enabled" in message


#: Every command that may reach LanguageTool; ``start`` used to ignore the switch and start a server.
LT_COMMANDS = [
    ["check", "-"],
    ["draft", "request", "--to", "Sam Lee", "--no-input"],
    ["languagetool", "status"],
    ["languagetool", "start"],
    ["languagetool", "stop"],
    ["languagetool", "install"],
]


def _run_cli(argv: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI with an empty LanguageTool home and runtime folder and no auto-install.

    Should a command wrongly go on, it finds nothing to start or stop but its own empty folders.
    """
    isolated = {
        "ASKCRAFT_LANGUAGETOOL_HOME": str(tmp_path / "lt-home"),
        "ASKCRAFT_LANGUAGETOOL_RUNTIME_DIR": str(tmp_path / "lt-run"),
        "ASKCRAFT_LANGUAGETOOL_AUTO_INSTALL": "0",
    }
    return subprocess.run(
        [sys.executable, "-m", "askcraft", *argv],
        input=TEXT,
        capture_output=True,
        text=True,
        env={**os.environ, **isolated, **env},
        cwd=REPO,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("argv", LT_COMMANDS, ids=[" ".join(a[:2]) for a in LT_COMMANDS])
def test_the_cli_refuses_an_unknown_switch_value_in_one_line(argv: list[str], tmp_path: Path) -> None:
    """On the command line the same value is a usage error in every command: one line on stderr, exit 2."""
    proc = _run_cli(argv, tmp_path, ASKCRAFT_LANGUAGETOOL="banana")
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1, proc.stderr
    assert proc.stderr.startswith("error: ASKCRAFT_LANGUAGETOOL='banana' is not a setting askcraft knows")


BAD_URLS = ["not a url", "localhost:8010", "http://", "ftp://127.0.0.1:8010", "http://127.0.0.1:99999"]


@pytest.mark.parametrize("url", BAD_URLS)
def test_a_server_url_that_is_no_url_is_one_notice_naming_the_variable(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ASKCRAFT_LANGUAGETOOL_URL must be an http(s) URL with a host; the library's check says so."""
    monkeypatch.setenv("ASKCRAFT_LANGUAGETOOL_URL", url)
    message = only_notice(bounded(lambda: askcraft.check(TEXT))).message
    assert f"ASKCRAFT_LANGUAGETOOL_URL={url!r} is not a LanguageTool server URL" in message
    assert "http://localhost:8010" in message


@pytest.mark.parametrize("argv", LT_COMMANDS, ids=[" ".join(a[:2]) for a in LT_COMMANDS])
def test_the_cli_refuses_a_server_url_that_is_no_url_in_one_line(argv: list[str], tmp_path: Path) -> None:
    """'not a url' used to be shown by status and start as a server that does not answer, exit 0."""
    proc = _run_cli(argv, tmp_path, ASKCRAFT_LANGUAGETOOL_URL="not a url")
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1, proc.stderr
    expected = "error: ASKCRAFT_LANGUAGETOOL_URL='not a url' is not a LanguageTool server URL"
    assert proc.stderr.startswith(expected)


def test_the_maven_cache_is_named_where_maven_keeps_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Maven's ~ is the account's home, not $HOME; -Dmaven.repo.local and settings.xml move it."""
    monkeypatch.setenv("HOME", str(tmp_path / "not-where-maven-looks"))
    monkeypatch.delenv("MAVEN_OPTS", raising=False)
    monkeypatch.delenv("MAVEN_ARGS", raising=False)
    account = Path(pwd.getpwuid(os.getuid()).pw_dir)
    assert maven.user_home() == account
    assert maven.local_repository(tmp_path) == tmp_path / ".m2" / "repository"
    (tmp_path / ".m2").mkdir()
    (tmp_path / ".m2" / "settings.xml").write_text(
        "<settings><!-- <localRepository>/nope</localRepository> -->"
        "<localRepository>${user.home}/maven-cache</localRepository></settings>"
    )
    assert maven.local_repository(tmp_path) == tmp_path / "maven-cache"
    monkeypatch.setenv("MAVEN_OPTS", "-Xmx1g -Dmaven.repo.local=/srv/m2")
    assert maven.local_repository(tmp_path) == Path("/srv/m2")
