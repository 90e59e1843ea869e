"""LanguageTool's other languages: one Maven module each, installed on request, warmed before the first check.

These tests need no Java and no network: Maven and the server are stood in for. The real German,
French and Spanish checks are in test_languages_grammar.py.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import askcraft._grammar.obtain as lt_obtain
import askcraft._grammar.warm as lt_warm
from askcraft._cli.app import cli
from askcraft._grammar.config import ENV_HOME, ENV_START_TIMEOUT, Installation, Server
from askcraft._grammar.http import Answer

_POM = "{http://maven.apache.org/POM/4.0.0}"


def _artifacts(pom: str) -> list[str]:
    root = ET.fromstring(pom)  # noqa: S314  (our own pom)
    deps = root.find(f"{_POM}dependencies")
    assert deps is not None
    return [d.findtext(f"{_POM}artifactId") or "" for d in deps.findall(f"{_POM}dependency")]


def test_the_pom_adds_one_module_per_language_asked_for() -> None:
    """German and French are one artifact each; Spanish, already there, is not listed twice."""
    plain = _artifacts(lt_obtain.pom_text())
    more = _artifacts(lt_obtain.pom_text(languages=["de-DE", "fr", "es"]))
    assert "language-de" not in plain
    assert sorted(set(more) - set(plain)) == ["language-de", "language-fr"]
    assert more.count("language-es") == 1


@pytest.mark.parametrize(("given", "codes"), [(["de-DE", "DE", "fr"], ("de", "fr")), (["es-419"], ("es",))])
def test_language_codes_take_bcp47_tags(given: list[str], codes: tuple[str, ...]) -> None:
    """A tag's primary subtag names the module, once."""
    assert lt_obtain.language_codes(given) == codes


@pytest.mark.parametrize("bad", ["../x", "german", "d", "<de>"])
def test_a_code_that_is_no_language_is_refused(bad: str) -> None:
    """Only two- or three-letter codes reach the pom."""
    with pytest.raises(ValueError, match="is not a language code"):
        lt_obtain.language_codes([bad])


def test_the_cli_refuses_a_bad_language_with_exit_2() -> None:
    """`languagetool install --language ../x` is a usage error, and nothing is installed."""
    result = CliRunner().invoke(cli, ["languagetool", "install", "--language", "../x"])
    assert result.exit_code == 2
    assert "is not a language code" in result.output


def test_an_install_knows_its_languages() -> None:
    """A Maven install checks the languages it recorded; a release download, every one."""
    maven = Installation(path=Path("/x"), version="6.8", route="maven", classpath="", languages=("en", "es"))
    full = Installation(path=Path("/x"), version="6.8", route="download", classpath="", languages=("*",))
    assert maven.has_language("es-ES")
    assert not maven.has_language("de-DE")
    assert full.has_language("de-DE")


def test_asking_for_a_language_rebuilds_the_install_and_keeps_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An English install asked for German is rebuilt with German; then French keeps German."""
    monkeypatch.setenv(ENV_HOME, str(tmp_path))
    asked: list[tuple[str, ...]] = []

    def fake_maven(staging: Path, version: str, progress: Any, languages: Any = ()) -> str:
        asked.append(tuple(languages))
        (staging / "lib").mkdir()
        (staging / "lib" / "languagetool-server.jar").write_bytes(b"")
        return "lib/*"

    monkeypatch.setattr(lt_obtain, "find_java", lambda: ("java", 17))
    monkeypatch.setattr(lt_obtain, "_install_maven", fake_maven)
    english = lt_obtain.install(route="maven")
    assert not english.has_language("de")
    again = lt_obtain.install(route="maven")  # nothing new asked: nothing rebuilt
    german = lt_obtain.install(route="maven", languages=["de-DE"])
    both = lt_obtain.install(route="maven", languages=["fr"])
    assert again == english
    base = set(lt_obtain.BASE_LANGUAGES)
    assert [sorted(set(codes) - base) for codes in asked] == [[], ["de"], ["de", "fr"]]
    assert german.has_language("de")
    assert both.has_language("de")
    assert both.has_language("fr")
    recorded = json.loads((both.path / "install.json").read_text(encoding="utf-8"))["languages"]
    assert {"en", "es", "de", "fr"} <= set(recorded)


def test_the_first_check_in_a_language_warms_it_with_the_start_budget(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """German is loaded once per server with the start budget; English (warmed at start) is not."""
    sent: list[tuple[str, float]] = []
    texts: set[str] = set()

    def fake_request(url: str, path: str, fields: Any = None, *, limits: Any = None) -> Answer:
        sent.append((fields["language"], limits.total))
        texts.add(fields["text"])
        return Answer(status=200, body=b"{}")

    monkeypatch.setenv(ENV_START_TIMEOUT, "300")
    monkeypatch.setattr(lt_warm, "request", fake_request)
    monkeypatch.setattr(lt_warm, "_warm", {})
    server = Server(url="http://127.0.0.1:1", pid=None, port=1, version="6.8", managed=False)
    for language in ("en-US", "de-DE", "de-AT", "fr-FR"):
        lt_warm.warm_language(server, language)
    # One text loads the language, then as many at once as the server runs checks, so that each of its
    # analysis pipelines has seen a text before a batch arrives.
    assert sent == [("de-DE", 300.0)] * 5 + [("fr-FR", 300.0)] * 5
    assert len(texts) == 10  # every warm-up text differs, so the server's cache cannot answer one


def test_a_newly_loaded_language_gets_the_start_budget_for_a_while(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first real texts in a language still load rules: for a while its checks get the start budget."""
    monkeypatch.setenv(ENV_START_TIMEOUT, "300")
    monkeypatch.setattr(lt_warm, "request", lambda *a, **k: Answer(status=200, body=b"{}"))
    monkeypatch.setattr(lt_warm, "_warm", {})
    server = Server(url="http://127.0.0.1:1", pid=None, port=1, version="6.8", managed=False)
    assert lt_warm.young_limits(server, "de-DE", 400) is None  # not loaded yet: the warm-up comes first
    lt_warm.warm_language(server, "de-DE")
    limits = lt_warm.young_limits(server, "de-AT", 400)
    assert limits is not None
    assert limits.total == 300.0
    assert lt_warm.young_limits(server, "en-US", 400) is None  # English was warmed when the server started
    lt_warm._warm[(server.url, "de")] -= lt_warm.YOUNG_SECONDS + 1
    assert lt_warm.young_limits(server, "de-DE", 400) is None  # settled: the normal limits again
