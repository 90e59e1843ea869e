"""Hostile packs: template injection, path traversal and runaway templates end in a clear pack error."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from packkit import INTENT, make_pack, packs_dir_fixture  # noqa: F401  (a fixture)

import askcraft
from askcraft._packs import budget
from askcraft._packs.pack import load_pack
from askcraft._render.context import build_context

#: Well-known server-side template injection payloads, each on line 3 of a template.
SSTI = {
    "class-mro-subclasses": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "name-class": "{{ recipient.name.__class__ }}",
    "dict-globals": "{{ recipient.__init__.__globals__ }}",
    "cycler-os": "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "joiner": "{{ joiner.__init__.__globals__ }}",
    "namespace": "{% set ns = namespace(x=1) %}{{ ns }}",
    "lipsum": "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "request": "{{ request.application.__globals__.__builtins__ }}",
    "config": "{{ config.items() }}",
    "attr-filter": "{{ recipient|attr('__class__') }}",
    "format-attr": "{{ '{0.__class__.__base__}'.format(1) }}",
    "getitem-dunder": "{{ recipient['__class__'] }}",
    "range-class": "{{ range.__globals__ }}",
    "dict-update": "{{ dict.update(recipient, name='x') }}",
    "mutate-context": "{{ recipient.update({'name': 'x'}) }}",
    "huge-range": "{{ range(10 ** 9)|list }}",
    "huge-power": "{{ (10 ** 64) ** 64 ** 64 }}",
    "huge-repeat": "{{ 'x' * 10 ** 9 }}",
    "percent-width": "{{ '%0999999999d' % 1 }}",
    "format-filter-width": "{{ '%0999999999d'|format(1) }}",
    "format-method-width": "{{ '{:0999999999}'.format(1) }}",
    "center-filter": "{{ 'x'|center(999999999) }}",
    "center-method": "{{ 'x'.center(999999999) }}",
    "replace-blowup": "{{ ('x' * 20000)|replace('', 'y' * 20000) }}",
    "batch-fill": "{{ range(3)|batch(999999999, 'x')|list }}",
    "nested-loops": "{% for i in range(1000) %}{% for j in range(1000) %}{% endfor %}{% endfor %}",
    "string-loops": "{% for a in 'x' * 20000 %}{% for b in 'x' * 20000 %}{% endfor %}{% endfor %}",
    "recursive-macro": "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
    "self-include": "{% include 'request.j2' %}",
}
#: Refused when the template is parsed, before anything runs.
REFUSED_AT_PARSE = {
    "self-reference": "{{ self._TemplateReference__context }}",
    "self-block": "{{ self.body() }}",
    "recursive-loop": "{% for x in [1] recursive %}{{ loop([1]) }}{% endfor %}",
    "include-dotdot": "{% include '../secret.txt' %}",
    "include-absolute": "{% include '/etc/passwd' %}",
    "import-dotdot": "{% import '../../secret.txt' as s %}",
    "from-import-dotdot": "{% from '../secret.txt' import x %}",
    "extends-absolute": "{% extends '/etc/passwd' %}",
    "include-computed": "{% include recipient.name %}",
    "include-windows": "{% include 'C:\\\\secret.txt' %}",
}


def _hostile_pack(tmp_path: Path, payload: str) -> Path:
    # The payload sits on line 3 so the error's line number is checked, not guessed.
    source = "{% block body %}\nHello {{ recipient.first_name }},\n" + payload + "\nBye\n{% endblock %}\n"
    return make_pack(tmp_path / "packs", "hostile", templates={"request.j2": source})


@pytest.fixture(autouse=True)
def secret(tmp_path: Path, packs_dir: Path) -> Path:
    secret = tmp_path / "packs" / "secret.txt"
    secret.parent.mkdir(parents=True)
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    return secret


def _snapshot(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


@pytest.mark.parametrize("payload", list(SSTI.values()), ids=list(SSTI))
def test_injection_payload_ends_in_a_render_error_naming_template_and_line(
    tmp_path: Path, payload: str
) -> None:
    """Each payload raises a pack error that names the pack, template and line; nothing leaks."""
    pack = _hostile_pack(tmp_path, payload)
    before = _snapshot(tmp_path)
    with pytest.raises(askcraft.PackError) as info:
        askcraft.draft(INTENT, pack=pack, check=False)
    message = str(info.value)
    assert "pack 'hostile'" in message
    assert "request.j2" in message
    assert info.value.line == 3, message
    assert "TOP-SECRET" not in message
    assert _snapshot(tmp_path) == before


@pytest.mark.parametrize("payload", list(REFUSED_AT_PARSE.values()), ids=list(REFUSED_AT_PARSE))
def test_forbidden_construct_is_refused_when_parsed(tmp_path: Path, payload: str) -> None:
    """self, recursive loops and includes that leave the pack are refused with the line."""
    pack = _hostile_pack(tmp_path, payload)
    with pytest.raises(askcraft.PackError) as info:
        askcraft.draft(INTENT, pack=pack, check=False)
    assert info.value.line == 3, str(info.value)
    assert "request.j2" in str(info.value)
    assert not isinstance(info.value, askcraft.RenderError)  # stopped before rendering


def test_symlink_leading_out_of_the_pack_is_refused(tmp_path: Path, secret: Path) -> None:
    """A template that is a symlink to a file outside the pack is not read."""
    pack = make_pack(
        tmp_path / "packs",
        "linky",
        templates={"request.j2": "{% block body %}{% include 'part.j2' %}{% endblock %}"},
    )
    (pack / "part.j2").symlink_to(secret)
    with pytest.raises(askcraft.PackError) as info:
        askcraft.draft(INTENT, pack=pack, check=False)
    assert "outside the pack" in str(info.value)
    assert "TOP-SECRET" not in str(info.value)


def test_symlinked_template_file_is_refused(tmp_path: Path, secret: Path) -> None:
    """A manifest variant that is itself a symlink out of the pack is refused."""
    pack = make_pack(tmp_path / "packs", "linky", templates={})
    (pack / "request.j2").symlink_to(secret)
    with pytest.raises(askcraft.PackError, match="outside the pack"):
        askcraft.draft(INTENT, pack=pack, check=False)


def test_render_time_limit_stops_a_slow_template(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A render that outlives the time limit is stopped even under the step budget."""
    monkeypatch.setattr(budget, "RENDER_SECONDS", 0.0)
    pack = _hostile_pack(tmp_path, "{% for i in range(1000) %}{{ i }}{% endfor %}")
    with pytest.raises(askcraft.RenderError, match="took longer than"):
        askcraft.draft(INTENT, pack=pack, check=False)


def test_exponential_macro_calls_hit_the_step_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Macros that each call the next twice (2**30 calls, no loops) are stopped by the budget."""
    # The step budget, not the clock, must stop it: on a slow machine the clock could win first.
    monkeypatch.setattr(budget, "RENDER_SECONDS", 600.0)
    macros = "".join(
        f"{{% macro m{i}() %}}{{{{ m{i + 1}() }}}}{{{{ m{i + 1}() }}}}{{% endmacro %}}" for i in range(30)
    )
    pack = _hostile_pack(tmp_path, macros + "{% macro m30() %}{% endmacro %}{{ m0() }}")
    with pytest.raises(askcraft.RenderError, match="loop iterations and calls"):
        askcraft.draft(INTENT, pack=pack, check=False)


def test_huge_template_file_is_refused(tmp_path: Path) -> None:
    """A template file larger than the limit is not parsed."""
    pack = _hostile_pack(tmp_path, "{# " + "x" * 300_000 + " #}")
    with pytest.raises(askcraft.PackError, match="larger than"):
        askcraft.draft(INTENT, pack=pack, check=False)


def test_templates_see_only_plain_values(tmp_path: Path) -> None:
    """Every value in the context is a str, int, float, bool, None, or a list/dict of those."""

    def plain(value: object) -> bool:
        if isinstance(value, dict):
            return all(isinstance(k, str) and plain(v) for k, v in value.items())
        if isinstance(value, list):
            return all(plain(v) for v in value)
        return value is None or type(value) in {str, int, float, bool}

    context = build_context(
        askcraft.Intent.parse({**INTENT, "extra": {"a": [1, "b"]}}), today=date(2026, 1, 5)
    )
    names = ("pick", "said", "mention", "tell", "temper", "names", "note")
    functions = {name: context.pop(name) for name in names}
    assert plain(context)
    # The functions are methods of one Discourse: no module, class or frame within reach.
    owners = {type(f.__self__).__name__ for f in functions.values()}
    assert owners == {"Discourse"}


def test_html_templates_are_autoescaped_and_text_is_not(tmp_path: Path) -> None:
    """Autoescape is on for .html templates and off for plain-text ones."""
    pack = load_pack(
        make_pack(
            tmp_path / "packs",
            "html",
            templates={"m.html.j2": "{{ x }}", "m.j2": "{{ x }}"},
            entries=[{"kinds": "request", "variants": {"a": "m.j2", "b": "m.html.j2"}}],
        )
    )
    env = pack.environment
    assert env.get_template("m.html.j2").render(x="<b>&") == "&lt;b&gt;&amp;"
    assert env.get_template("m.j2").render(x="<b>&") == "<b>&"


def test_ordinary_templates_still_work(tmp_path: Path) -> None:
    """Loops, filters, macros, includes and string methods within limits render normally."""
    pack = make_pack(
        tmp_path / "packs",
        "ordinary",
        templates={
            "request.j2": """\
                {% import "parts/m.j2" as m %}{% block body %}
                {% for name in ["Ana", "Bo"] %}{{ loop.index }}. {{ name|upper }}{% endfor %}
                {{ m.hello(recipient.first_name) }} {{ "a,b"|replace(",", " and ") }}
                {{ "%s has %d" % ("Sam", 3) }} {{ "{} {}".format("x", 50000) }} {{ range(3)|join("-") }}
                {% include "parts/sign.j2" %}
                {% endblock %}""",
            "parts/m.j2": "{% macro hello(n) %}Hello {{ n }}{% endmacro %}",
            "parts/sign.j2": "{{ sender.signature }}",
        },
    )
    body = askcraft.draft(INTENT, pack=pack, check=False).body
    assert "1. ANA2. BO" in body
    assert "Hello Sam a and b" in body
    assert "Sam has 3 x 50000 0-1-2" in body
    assert body.endswith("Alex Kim")
