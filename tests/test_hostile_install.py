"""Installing packs while other installs run, and while being interrupted or killed.

Each case runs installs in child processes with timeouts, so a regression (a hang, a lost
pack) fails the test rather than CI. A child pauses "at the swap" (after the installed pack
was moved aside, before the new one is renamed in) through a wrapper around ``os.rename``
and ``os.replace`` that it installs in itself: nothing in askcraft knows about it.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from packkit import make_pack

import askcraft
from askcraft._packs.discovery import clear_caches, discover
from askcraft._packs.pack import load_pack
from askcraft._packtools.install import install_pack

REPO = Path(__file__).resolve().parent.parent
TIMEOUT = 60
TRIES = 20

pytestmark = [
    pytest.mark.skipif(os.name != "posix", reason="signals and file locks as on POSIX"),
    pytest.mark.slow,  # dozens of installs in child processes: a few minutes
]

#: Run in a child: wait for the "go" file, install one pack, print what happened as JSON.
INSTALL = """
import json, os, sys, time
from pathlib import Path
source, go = sys.argv[1], Path(sys.argv[2])
import askcraft
from askcraft._packtools.install import install_pack
while not go.exists():
    time.sleep(0.002)
try:
    result = install_pack(source, force={force})
    print(json.dumps({{"status": result.status, "version": result.version}}))
except askcraft.AskcraftError as exc:
    print(json.dumps({{"status": "refused", "error": str(exc)}}))
"""

#: Run in a child: pause at the swap (print AT-SWAP, sleep), then install with --force.
PAUSED = """
import os, sys, time
from pathlib import Path
real_rename, real_replace = os.rename, os.replace

def pausing(real):
    def move(src, dst, *args, **kwargs):
        real(src, dst, *args, **kwargs)
        if str(dst).endswith("previous"):
            print("AT-SWAP", flush=True)
            time.sleep({pause})
    return move

os.rename, os.replace = pausing(real_rename), pausing(real_replace)
import askcraft
from askcraft._packtools.install import install_pack
try:
    result = install_pack(sys.argv[1], force=True)
    print("DONE", result.status, result.version, flush=True)
except KeyboardInterrupt:
    print("INTERRUPTED", flush=True)
    sys.exit(130)
"""


def _env(packs_dir: Path) -> dict[str, str]:
    return {**os.environ, "ASKCRAFT_PACKS_DIR": str(packs_dir), "PYTHONPATH": str(REPO)}


def _versions(tmp_path: Path) -> tuple[Path, Path]:
    one = make_pack(tmp_path / "v1", "racer", version="1.0.0")
    two = make_pack(tmp_path / "v2", "racer", version="2.0.0")
    return one, two


def _leftovers(packs_dir: Path) -> list[str]:
    return sorted(p.name for p in packs_dir.iterdir() if p.name.startswith(".tmp-"))


def _installed_version(packs_dir: Path) -> str:
    clear_caches()
    return load_pack(packs_dir / "racer", source="user").version


def _race(tmp_path: Path, sources: list[Path], packs_dir: Path, *, force: bool) -> list[dict[str, str]]:
    """Start one install per source at the same moment; return what each reported."""
    go = tmp_path / f"go-{time.monotonic_ns()}"
    code = textwrap.dedent(INSTALL.format(force=force))
    children = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(source), str(go)],
            cwd=REPO,
            env=_env(packs_dir),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for source in sources
    ]
    time.sleep(0.5)  # let both import askcraft and wait at the start line
    go.touch()
    results = []
    for child in children:
        try:
            out, err = child.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            child.kill()
            child.communicate()
            pytest.fail(f"an install hung for {TIMEOUT} s")
        assert child.returncode == 0, f"exit {child.returncode}: {err[-2000:]}"
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def test_concurrent_installs_of_two_versions_never_bypass_force(tmp_path: Path) -> None:
    """Two versions installed at once: one installs, the other is refused (needs --force); no crash."""
    one, two = _versions(tmp_path)
    for attempt in range(TRIES):
        packs_dir = tmp_path / f"packs-{attempt}"
        packs_dir.mkdir()
        results = _race(tmp_path, [one, two], packs_dir, force=False)
        installed = [r for r in results if r["status"] == "installed"]
        refused = [r for r in results if r["status"] == "refused"]
        assert len(installed) == 1, (attempt, results)
        assert len(refused) == 1, (attempt, results)
        assert "--force" in refused[0]["error"]
        assert _installed_version(packs_dir) == installed[0]["version"]
        assert _leftovers(packs_dir) == []


def test_concurrent_forced_installs_report_what_is_installed(tmp_path: Path) -> None:
    """With --force both may install, one after the other; the version left is the one reported last."""
    one, two = _versions(tmp_path)
    for attempt in range(TRIES // 2):
        packs_dir = tmp_path / f"packs-{attempt}"
        packs_dir.mkdir()
        install_pack_in(packs_dir, one)
        results = _race(tmp_path, [one, two, one], packs_dir, force=True)
        assert all(r["status"] in {"installed", "replaced", "unchanged"} for r in results), results
        assert _installed_version(packs_dir) in {"1.0.0", "2.0.0"}
        assert _leftovers(packs_dir) == []


def install_pack_in(packs_dir: Path, source: Path) -> None:
    """Install *source* into *packs_dir* from a child process (the folder this process uses is elsewhere)."""
    subprocess.run(
        [sys.executable, "-m", "askcraft", "packs", "install", str(source)],
        cwd=REPO,
        env=_env(packs_dir),
        check=True,
        capture_output=True,
        timeout=TIMEOUT,
    )


def _paused(packs_dir: Path, source: Path, pause: float) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(PAUSED.format(pause=pause)), str(source)],
        cwd=REPO,
        env=_env(packs_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    deadline = time.monotonic() + TIMEOUT
    line = ""
    while time.monotonic() < deadline:
        line = child.stdout.readline()
        if "AT-SWAP" in line or not line:
            break
    if "AT-SWAP" not in line:
        child.kill()
        _, err = child.communicate()
        pytest.fail(f"the install never reached the swap: {err[-2000:]}")
    return child


def test_ctrl_c_at_the_swap_keeps_a_pack_installed(tmp_path: Path) -> None:
    """SIGINT between the two renames: the old or the new pack is installed, never neither."""
    packs_dir = tmp_path / "packs"
    packs_dir.mkdir()
    one, two = _versions(tmp_path)
    install_pack_in(packs_dir, one)
    child = _paused(packs_dir, two, pause=2)
    child.send_signal(signal.SIGINT)
    try:
        child.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        child.kill()
        pytest.fail("the interrupted install hung")
    assert (packs_dir / "racer" / "pack.yaml").is_file(), sorted(p.name for p in packs_dir.iterdir())
    assert _installed_version(packs_dir) in {"1.0.0", "2.0.0"}
    assert _leftovers(packs_dir) == []


def test_sigkill_at_the_swap_is_recovered_by_the_next_look(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A kill between the renames leaves the old pack aside; the next discovery puts it back and sweeps."""
    packs_dir = tmp_path / "packs"
    packs_dir.mkdir()
    one, two = _versions(tmp_path)
    install_pack_in(packs_dir, one)
    child = _paused(packs_dir, two, pause=TIMEOUT)
    child.kill()
    child.communicate(timeout=TIMEOUT)
    assert not (packs_dir / "racer").exists()  # the kill really hit between the renames
    monkeypatch.setenv("ASKCRAFT_PACKS_DIR", str(packs_dir))
    monkeypatch.delenv("ASKCRAFT_NO_PACK_AUTOLOAD", raising=False)
    clear_caches()
    found = {f.name: f for f in discover(autoload=True)}
    assert "racer" in found
    assert found["racer"].loaded().version == "1.0.0"
    assert _leftovers(packs_dir) == []


def test_sigkill_at_the_swap_is_recovered_by_the_next_install(tmp_path: Path) -> None:
    """After a kill at the swap, the next install finds the old pack back in place (and refuses 2.0.0)."""
    packs_dir = tmp_path / "packs"
    packs_dir.mkdir()
    one, two = _versions(tmp_path)
    install_pack_in(packs_dir, one)
    child = _paused(packs_dir, two, pause=TIMEOUT)
    child.kill()
    child.communicate(timeout=TIMEOUT)
    result = subprocess.run(
        [sys.executable, "-m", "askcraft", "packs", "install", str(two)],
        cwd=REPO,
        env=_env(packs_dir),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert "version 1.0.0 is installed" in result.stderr
    assert _installed_version(packs_dir) == "1.0.0"
    assert _leftovers(packs_dir) == []


def test_stale_staging_folders_are_swept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Hidden staging folders a killed install left behind are removed by the next install."""
    packs_dir = tmp_path / "packs"
    packs_dir.mkdir()
    for name in (".tmp-abandoned", ".tmp-killed"):
        (packs_dir / name / "unpacked").mkdir(parents=True)
        (packs_dir / name / "unpacked" / "pack.yaml").write_text("name: x\n", encoding="utf-8")
        old = time.time() - 3600
        os.utime(packs_dir / name, (old, old))
    monkeypatch.setenv("ASKCRAFT_PACKS_DIR", str(packs_dir))
    clear_caches()
    one, _ = _versions(tmp_path)
    assert install_pack(one).status == "installed"
    assert _leftovers(packs_dir) == []
    assert (
        askcraft.draft(
            {
                "kind": "request",
                "goal": "job-leads",
                "industry": "banking",
                "count": 3,
                "recipient": {"name": "Sam Lee", "relationship": "friend"},
                "sender": {"name": "Alex Kim", "reason": "I want to work in finance"},
            },
            pack="racer",
            check=False,
        ).provenance.version
        == "1.0.0"
    )
