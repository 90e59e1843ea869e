"""Zip packs are unpacked without trusting the archive."""

from __future__ import annotations

import stat
import tempfile
import zipfile
from pathlib import Path

import pytest
from packkit import BODY

from askcraft import PackError
from askcraft._packs.archive import MAX_FILES, extract_pack_zip
from askcraft._packs.discovery import load_explicit

MANIFEST = (
    "name: zipped\nversion: 1.0.0\ndescription: d\nauthor: a\nlicense: MIT\n"
    "templates:\n  - kinds: request\n    variants: {a: request.j2}\n"
)


def _zip(path: Path, members: dict[str, bytes | str], *, link: str | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        if link is not None:
            info = zipfile.ZipInfo(link)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, "/etc/passwd")
    return path


def test_good_zip_unpacks_at_top_or_in_one_folder(tmp_path: Path) -> None:
    """pack.yaml may sit at the top of the zip or inside a single folder."""
    top = _zip(tmp_path / "top.zip", {"pack.yaml": MANIFEST, "request.j2": BODY})
    assert (extract_pack_zip(top, _empty(tmp_path, "a")) / "request.j2").is_file()
    nested = _zip(tmp_path / "nested.zip", {"zipped/pack.yaml": MANIFEST, "zipped/request.j2": BODY})
    assert extract_pack_zip(nested, _empty(tmp_path, "b")).name == "zipped"


def _empty(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    return folder


@pytest.mark.parametrize(
    ("members", "link", "expected"),
    [
        ({"/abs/pack.yaml": MANIFEST}, None, "absolute"),
        ({"../pack.yaml": MANIFEST}, None, "outside the pack"),
        ({"a/../../pack.yaml": MANIFEST}, None, "outside the pack"),
        ({"C:/pack.yaml": MANIFEST}, None, "absolute or Windows"),
        ({"a\\..\\pack.yaml": MANIFEST}, None, "absolute or Windows"),
        ({"pack.yaml": MANIFEST}, "request.j2", "symbolic link"),
        ({"pack.yaml": MANIFEST, "big.txt": "x" * (2 * 1024 * 1024)}, None, "larger than"),
        ({"pack.yaml": MANIFEST, "bomb.txt": "\0" * (900 * 1024)}, None, "zip bomb"),
        ({f"f{i}.txt": "x" for i in range(MAX_FILES + 1)}, None, "at most"),
        ({"README.md": "no manifest"}, None, "no pack.yaml"),
    ],
    ids=[
        "absolute",
        "dotdot",
        "nested-dotdot",
        "drive",
        "backslash",
        "symlink",
        "big",
        "bomb",
        "many",
        "empty",
    ],
)
def test_unsafe_zip_is_refused(tmp_path: Path, members: dict, link: str | None, expected: str) -> None:
    """Each unsafe archive is refused with a message naming the zip; nothing lands outside dest."""
    archive = _zip(tmp_path / "bad.zip", members, link=link)
    dest = _empty(tmp_path, "dest")
    with pytest.raises(PackError) as info:
        extract_pack_zip(archive, dest)
    assert expected in str(info.value)
    assert str(archive) in str(info.value)
    assert {p.name for p in tmp_path.iterdir()} == {"bad.zip", "dest"}


def test_corrupt_zip_is_refused(tmp_path: Path) -> None:
    """A file that is not a zip, or a zip with damaged data, gives a clear error."""
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(PackError, match="not a valid zip"):
        extract_pack_zip(junk, _empty(tmp_path, "a"))
    good = _zip(tmp_path / "good.zip", {"pack.yaml": MANIFEST, "request.j2": BODY * 20})
    data = bytearray(good.read_bytes())
    start = data.index(b"request.j2") + 40  # inside the compressed template data
    data[start : start + 20] = b"\xff" * 20
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(bytes(data))
    with pytest.raises(PackError, match=r"corrupt|not a valid zip"):
        extract_pack_zip(damaged, _empty(tmp_path, "b"))


@pytest.mark.parametrize(
    "members",
    [
        {"pack.yaml": MANIFEST.replace("zipped", '"builtin\\n"'), "request.j2": BODY},  # an invalid manifest
        {"pack.yaml": MANIFEST, "a": "x", "a/b": "y"},  # a zip that cannot be unpacked
        {"README.md": "no manifest"},  # no pack at all
    ],
    ids=["bad-manifest", "file-and-folder", "no-pack"],
)
def test_a_zip_that_is_no_pack_leaves_no_folder_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, members: dict[str, str]
) -> None:
    """draft --pack BAD.zip unpacks into a temporary folder; a refused zip removes it at once, not at exit."""
    temp = _empty(tmp_path, "temp")
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    archive = _zip(tmp_path / "bad.zip", members)
    with pytest.raises(PackError):
        load_explicit(archive)
    assert list(temp.iterdir()) == []
