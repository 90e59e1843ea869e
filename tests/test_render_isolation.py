"""Packs that are not built in render in a worker process: limited, reused, and never left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from packkit import INTENT, make_pack, packs_dir_fixture  # noqa: F401  (a fixture)

import askcraft
from askcraft._packs import budget
from askcraft._packs import isolation as isolated

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def fresh_worker(packs_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Start every test without a worker and with the default isolation, and stop the worker after."""
    monkeypatch.delenv("ASKCRAFT_RENDER_ISOLATION", raising=False)
    isolated.shutdown()
    yield
    isolated.shutdown()


def _gone(pid: int, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        status = Path(f"/proc/{pid}/status")
        if status.exists() and "\nState:\tZ" in status.read_text():
            return True  # dead, waiting for its parent to reap it
        time.sleep(0.05)
    return False


def _worker_pid() -> int:
    assert isolated._worker is not None
    return isolated._worker.process.pid


def test_a_pack_renders_in_the_worker_and_the_builtin_pack_here(tmp_path: Path) -> None:
    """The built-in pack renders in this process; another pack in one reused worker process."""
    askcraft.draft(INTENT, check=False)
    assert isolated._worker is None
    pack = make_pack(tmp_path / "packs", "third-party")
    first = askcraft.draft(INTENT, pack=pack, check=False)
    pid = _worker_pid()
    assert pid != os.getpid()
    assert first.body.startswith("Hi Sam,")
    askcraft.draft(INTENT, pack=pack, check=False)
    assert _worker_pid() == pid


def test_the_worker_runs_under_limits(tmp_path: Path) -> None:
    """The worker may not grow past its address space, write files or start processes."""
    askcraft.draft(INTENT, pack=make_pack(tmp_path / "packs", "third-party"), check=False)
    limits = Path(f"/proc/{_worker_pid()}/limits").read_text()
    rows = {line[:26].strip(): line[26:].split() for line in limits.splitlines()[1:]}
    assert rows["Max address space"][0] != "unlimited"
    assert int(rows["Max address space"][0]) < 2 << 30
    assert rows["Max file size"][0] == "0"
    assert rows["Max processes"][0] == "0"


def test_a_worker_past_its_hard_timeout_is_killed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A render the worker does not stop itself (budgets off) is killed at the hard timeout."""
    monkeypatch.setattr(budget, "RENDER_SECONDS", 600.0)
    monkeypatch.setattr(budget, "MAX_STEPS", 10**12)
    monkeypatch.setattr(isolated, "GRACE_SECONDS", -598.0)  # a hard timeout of 2 s
    endless = "{% for i in range(1000) %}{% for j in range(1000) %}{% for k in range(1000) %}"
    endless = "{% block body %}" + endless + "{% endfor %}{% endfor %}{% endfor %}{% endblock %}"
    slow = make_pack(tmp_path / "packs", "slow", templates={"request.j2": endless})
    askcraft.draft(INTENT, pack=make_pack(tmp_path / "packs", "quick"), check=False)
    pid = _worker_pid()
    with pytest.raises(askcraft.RenderError, match="took longer than 2 s to render and was stopped"):
        askcraft.draft(INTENT, pack=slow, check=False)
    assert _gone(pid)
    assert askcraft.draft(INTENT, pack=tmp_path / "packs" / "quick", check=False).body


def test_threads_take_turns_on_one_worker(tmp_path: Path) -> None:
    """Drafts from many threads all come back right, from one worker."""
    pack = make_pack(tmp_path / "packs", "third-party")
    names = [f"Person{i} Lee" for i in range(16)]
    bodies: dict[str, str] = {}
    pids: set[int] = set()

    def draft(name: str) -> None:
        intent = {**INTENT, "recipient": {**INTENT["recipient"], "name": name}}
        bodies[name] = askcraft.draft(intent, pack=pack, check=False).body
        pids.add(_worker_pid())

    threads = [threading.Thread(target=draft, args=(name,)) for name in names]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert all(bodies[name].startswith(f"Hi {name.split()[0]},") for name in names)
    assert len(pids) == 1


CHILD = """
import os, sys, time
import askcraft
from askcraft._packs import isolation as isolated
intent = {"kind": "request", "goal": "job-leads", "industry": "banking", "count": 3, "channel": "email",
          "recipient": {"name": "Sam Lee", "relationship": "former-colleague"},
          "sender": {"name": "Alex Kim", "reason": "I want to put my math degree to work in finance"}}
askcraft.draft(intent, pack=sys.argv[1], check=False)
print(isolated._worker.process.pid, flush=True)
if sys.argv[2] == "wait":
    time.sleep(120)
"""


@pytest.mark.parametrize("ending", ["exits", "is killed"])
def test_no_worker_outlives_its_process(tmp_path: Path, ending: str) -> None:
    """The worker goes when the process that started it exits, or is killed with SIGKILL."""
    pack = make_pack(tmp_path / "packs", "third-party")
    mode = "wait" if ending == "is killed" else "exit"
    with subprocess.Popen(
        [sys.executable, "-c", CHILD, str(pack), mode], stdout=subprocess.PIPE, text=True, cwd=REPO
    ) as child:
        assert child.stdout is not None
        pid = int(child.stdout.readline())
        if ending == "is killed":
            child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
    assert _gone(pid)


def test_an_unknown_isolation_setting_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """ASKCRAFT_RENDER_ISOLATION takes auto, all or off, and says so."""
    monkeypatch.setenv("ASKCRAFT_RENDER_ISOLATION", "banana")
    with pytest.raises(askcraft.PackError, match="use one of: auto, all, off"):
        askcraft.draft(INTENT, pack=make_pack(tmp_path / "packs", "third-party"), check=False)


def test_isolation_off_renders_every_pack_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With ASKCRAFT_RENDER_ISOLATION=off no worker starts (the budgets still apply)."""
    monkeypatch.setenv("ASKCRAFT_RENDER_ISOLATION", "off")
    assert askcraft.draft(INTENT, pack=make_pack(tmp_path / "packs", "third-party"), check=False).body
    assert isolated._worker is None
