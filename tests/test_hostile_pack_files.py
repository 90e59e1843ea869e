"""Hostile pack folders: links, FIFOs and huge files are refused before anything reads or writes them.

A pack folder is treated as strictly as a zip: nothing inside it may be a symbolic link or
anything but a plain file or folder, no file may be larger than a zip member may be, and
``packs test --update`` writes its expected outputs without following links. Every case that
could hang or eat memory on a broken implementation runs in a child process with a timeout
and a memory limit, so a regression fails the test instead of hanging CI.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from packkit import INTENT, make_pack, packs_dir_fixture  # noqa: F401  (a fixture)

import askcraft
from askcraft._packs.pack import load_pack
from askcraft._packtools.install import install_pack
from askcraft._packtools.lint import lint_pack
from askcraft._packtools.selftest import run_pack_tests

REPO = Path(__file__).resolve().parent.parent
#: Seconds a child process may take; every refusal here takes well under one.
TIMEOUT = 60
#: A child's address space: far below the 6 GB files the attacks point at.
MEMORY = 1024 * 1024 * 1024

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and symlinks need a POSIX system")


def _pack_with_example(parent: Path, name: str = "hostile") -> Path:
    """Return a pack with one example intent and its expected output, ready for ``packs test``."""
    root = make_pack(parent, name, examples="examples")
    (root / "examples").mkdir()
    (root / "examples" / "request.yaml").write_text(yaml.safe_dump(INTENT), encoding="utf-8")
    assert run_pack_tests(root, update=True).ok
    return root


def _bounded(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Run *code* in a child Python with a timeout and an address-space limit; fail the test on a hang."""
    prelude = textwrap.dedent(
        f"""
        import resource
        resource.setrlimit(resource.RLIMIT_AS, ({MEMORY}, {MEMORY}))
        """
    )
    env = {
        **os.environ,
        "ASKCRAFT_PACKS_DIR": str(tmp_path / "user-packs"),
        "ASKCRAFT_NO_PACK_AUTOLOAD": "1",
        "PYTHONPATH": str(REPO),
    }
    try:
        return subprocess.run(
            [sys.executable, "-c", prelude + textwrap.dedent(code)],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"the child process hung for {TIMEOUT} s")


def _refused(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    """Assert that the child printed REFUSED and a PackError message holding every needle."""
    out = result.stdout + result.stderr
    assert result.returncode == 0, out
    assert "REFUSED" in result.stdout, out
    for needle in needles:
        assert needle in result.stdout, out


# -- packs test --update never writes outside the pack -------------------------------------------------


def test_update_does_not_write_through_a_symlinked_expected_file(tmp_path: Path) -> None:
    """An expected output that links to another file is refused; the other file keeps its bytes."""
    root = _pack_with_example(tmp_path)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    expected = root / "examples" / "request.plain.txt"
    expected.unlink()
    expected.symlink_to(victim)
    report = run_pack_tests(root, update=True)
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert not report.ok
    assert any("request.plain.txt" in p.message and "symbolic link" in p.message for p in report.problems)


def test_update_does_not_write_through_a_symlinked_examples_folder(tmp_path: Path) -> None:
    """An examples/ folder that links elsewhere is refused before anything is rendered or written."""
    root = _pack_with_example(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    (root / "examples").rename(elsewhere)
    (elsewhere / "request.plain.txt").write_text("precious\n", encoding="utf-8")
    (root / "examples").symlink_to(elsewhere, target_is_directory=True)
    report = run_pack_tests(root, update=True)
    assert (elsewhere / "request.plain.txt").read_text(encoding="utf-8") == "precious\n"
    assert not report.ok
    assert any("examples" in p.message and "symbolic link" in p.message for p in report.problems)


def test_a_symlink_swapped_in_after_the_check_is_replaced_not_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If a link appears between the check and the write, the write replaces the link, not its target."""
    from askcraft._packs import files as pack_files  # noqa: PLC0415

    root = _pack_with_example(tmp_path)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    files = pack_files.scan_pack(root)
    expected = root / "examples" / "request.plain.txt"
    expected.unlink()
    expected.symlink_to(victim)  # swapped in after the scan
    monkeypatch.setattr(pack_files, "_check_existing", lambda dir_fd, name, rel: None)
    pack_files.write_pack_file(files, "examples/request.plain.txt", "new text\n")
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert not expected.is_symlink()
    assert expected.read_text(encoding="utf-8") == "new text\n"


def test_a_folder_swapped_for_a_symlink_after_the_check_is_refused(tmp_path: Path) -> None:
    """A folder on the way to the written file that became a link is refused; nothing is written."""
    from askcraft._packs import files as pack_files  # noqa: PLC0415

    root = _pack_with_example(tmp_path)
    files = pack_files.scan_pack(root)
    elsewhere = tmp_path / "elsewhere"
    (root / "examples").rename(elsewhere)
    (root / "examples").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(askcraft.PackError, match="examples"):
        pack_files.write_pack_file(files, "examples/request.plain.txt", "new text\n")
    assert "new text" not in (elsewhere / "request.plain.txt").read_text(encoding="utf-8")


def test_the_cli_update_refuses_a_symlink_in_one_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``askcraft packs test --update`` exits 2 naming the link; no traceback, no write."""
    from askcraft._cli import main  # noqa: PLC0415

    root = _pack_with_example(tmp_path)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    (root / "examples" / "request.plain.txt").unlink()
    (root / "examples" / "request.plain.txt").symlink_to(victim)
    code = main(["packs", "test", "--update", str(root)])
    out, err = capsys.readouterr()
    assert code == 2
    assert "Traceback" not in out + err
    assert "symbolic link" in out + err
    assert victim.read_text(encoding="utf-8") == "precious\n"


# -- links and special files are refused when a pack is loaded -----------------------------------------


@pytest.mark.parametrize("target", ["inside", "outside"])
def test_any_symlink_inside_a_pack_is_refused(tmp_path: Path, target: str) -> None:
    """A link inside a pack is refused even when it points inside the pack (as in a zip)."""
    root = make_pack(tmp_path, "links")
    if target == "inside":
        (root / "alias.j2").symlink_to(root / "request.j2")
    else:
        (tmp_path / "outside.txt").write_text("x", encoding="utf-8")
        (root / "alias.j2").symlink_to(tmp_path / "outside.txt")
    with pytest.raises(askcraft.PackError, match=r"alias\.j2.*symbolic link"):
        load_pack(root)


def test_a_pack_reached_through_a_symlink_is_fine(tmp_path: Path) -> None:
    """The pack folder itself may be a link (askcraft/templates is one in a checkout); not what is inside."""
    root = make_pack(tmp_path / "real", "linked")
    link = tmp_path / "linked-pack"
    link.symlink_to(root, target_is_directory=True)
    pack = load_pack(link)
    assert pack.name == "linked"
    assert askcraft.draft(INTENT, pack=link, check=False).provenance.pack == "linked"


@pytest.mark.parametrize(
    "where",
    ["request.j2", "examples/request.yaml", "rules.yaml", "notes/readme.txt", "pack.yaml"],
)
def test_a_fifo_anywhere_in_a_pack_is_refused_not_read(tmp_path: Path, where: str) -> None:
    """A FIFO (which blocks whoever reads it) is refused by name when the pack is loaded, linted or tested."""
    root = make_pack(tmp_path, "fifo", tone_rules="rules.yaml", examples="examples")
    (root / "examples").mkdir()
    (root / "examples" / "request.yaml").write_text(yaml.safe_dump(INTENT), encoding="utf-8")
    (root / "rules.yaml").write_text("rules: {}\n", encoding="utf-8")
    fifo = root / where
    fifo.parent.mkdir(parents=True, exist_ok=True)
    fifo.unlink(missing_ok=True)
    os.mkfifo(fifo)
    result = _bounded(
        f"""
        import askcraft
        from askcraft._packtools.lint import lint_pack
        from askcraft._packtools.selftest import run_pack_tests
        root = {str(root)!r}
        for name, call in [
            ("draft", lambda: askcraft.draft({INTENT!r}, pack=root)),
            ("lint", lambda: lint_pack(root)),
            ("test", lambda: run_pack_tests(root, update=True)),
        ]:
            try:
                report = call()
            except askcraft.PackError as exc:
                print("REFUSED", name, exc)
                continue
            problems = [str(p) for p in getattr(report, "problems", [])]
            assert problems, (name, report)
            print("REFUSED", name, problems[0])
        """,
        tmp_path,
    )
    _refused(result, where.rpartition("/")[2], "not a plain file")
    assert result.stdout.count("REFUSED") == 3


def test_a_symlink_to_a_huge_sparse_file_is_never_read(tmp_path: Path) -> None:
    """A pack file linked to a 6 GB sparse file is refused before hashing (it was read on every draft)."""
    sparse = tmp_path / "sparse.bin"
    with sparse.open("wb") as handle:
        handle.truncate(6 * 1024**3)
    root = make_pack(tmp_path, "sparse")
    (root / "notes.txt").symlink_to(sparse)
    result = _bounded(
        f"""
        import askcraft
        try:
            askcraft.draft({INTENT!r}, pack={str(root)!r}, check=False)
        except askcraft.PackError as exc:
            print("REFUSED", exc)
        """,
        tmp_path,
    )
    _refused(result, "notes.txt", "symbolic link")


def test_a_huge_plain_file_in_a_pack_is_refused_by_its_size(tmp_path: Path) -> None:
    """A 6 GB (sparse) plain file inside a pack is refused from its size, without reading it."""
    root = make_pack(tmp_path, "huge")
    with (root / "big.txt").open("wb") as handle:
        handle.truncate(6 * 1024**3)
    result = _bounded(
        f"""
        import askcraft
        try:
            askcraft.draft({INTENT!r}, pack={str(root)!r}, check=False)
        except askcraft.PackError as exc:
            print("REFUSED", exc)
        """,
        tmp_path,
    )
    _refused(result, "big.txt", "larger than")


def test_a_zip_that_is_a_huge_sparse_file_is_refused_by_its_size(tmp_path: Path) -> None:
    """pack=x.zip on a 6 GB file is refused from its size, not read into memory to be hashed."""
    archive = tmp_path / "huge.zip"
    with archive.open("wb") as handle:
        handle.truncate(6 * 1024**3)
    result = _bounded(
        f"""
        import askcraft
        try:
            askcraft.draft({INTENT!r}, pack={str(archive)!r}, check=False)
        except askcraft.PackError as exc:
            print("REFUSED", exc)
        """,
        tmp_path,
    )
    _refused(result, "huge.zip", "larger than")


def test_too_many_files_are_refused(tmp_path: Path) -> None:
    """A pack folder holds at most as many files as a pack zip may."""
    from askcraft._packs import files as pack_files  # noqa: PLC0415

    root = make_pack(tmp_path, "many")
    (root / "junk").mkdir()
    for i in range(pack_files.MAX_FILES + 1):
        (root / "junk" / f"{i}.txt").write_text("x", encoding="utf-8")
    with pytest.raises(askcraft.PackError, match="files"):
        load_pack(root)


def test_installing_a_folder_with_a_fifo_is_refused(tmp_path: Path, packs_dir: Path) -> None:
    """packs install names the FIFO instead of skipping it (or hanging on it)."""
    root = make_pack(tmp_path, "fifo-install")
    os.mkfifo(root / "pipe.txt")
    with pytest.raises(askcraft.PackError, match=r"pipe\.txt.*not a plain file"):
        install_pack(root)
    assert list(packs_dir.iterdir()) == []


def test_the_pack_is_hashed_once_per_load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Drafting twice with one unchanged pack folder reads its files for the hash once."""
    from askcraft._packs import files as pack_files  # noqa: PLC0415

    root = make_pack(tmp_path, "hash-once")
    reads: list[str] = []
    real = pack_files.read_pack_file

    def counting(files: object, rel: str, limit: int = pack_files.MAX_FILE_BYTES) -> bytes:
        reads.append(rel)
        return real(files, rel, limit)

    monkeypatch.setattr(pack_files, "read_pack_file", counting)
    first = askcraft.draft(INTENT, pack=root, check=False).provenance.content_hash
    second = askcraft.draft(INTENT, pack=root, check=False).provenance.content_hash
    assert first == second
    assert reads.count("pack.yaml") <= 2  # the manifest (once per load) and the hash (once)
    assert reads.count("request.j2") <= 2  # the template (once) and the hash (once)


def test_lint_reports_a_symlink_as_an_error(tmp_path: Path) -> None:
    """packs lint names the link as an error rather than linting through it."""
    root = make_pack(tmp_path, "lint-link")
    (root / "alias.j2").symlink_to(root / "request.j2")
    report = lint_pack(root)
    assert not report.ok
    assert any("alias.j2" in p.message and "symbolic link" in p.message for p in report.errors)


@pytest.mark.parametrize("target", ["missing", "folder"])
def test_packs_new_never_writes_through_a_link_at_its_name(tmp_path: Path, target: str) -> None:
    """A link planted at the new pack's name (in a shared folder) is refused, not followed or crashed on."""
    from askcraft._packtools.scaffold import new_pack  # noqa: PLC0415

    elsewhere = tmp_path / "elsewhere"
    if target == "folder":
        elsewhere.mkdir()
    (tmp_path / "new-pack").symlink_to(elsewhere)
    with pytest.raises(askcraft.PackError, match="already exists"):
        new_pack("new-pack", tmp_path)
    assert not elsewhere.exists() or list(elsewhere.iterdir()) == []
