"""Check a pack before anyone uses it (``packs lint``).

Lint: the manifest; every template exists and parses in the sandbox; every variable a
template uses is a standard intent field or one the pack declares (and every declared
field is used); every template renders against the pack's example intents with
StrictUndefined; the rendered messages pass the tone checks (and grammar on request)
and the pack's own tone rules. Each problem names the file and, where known, the line.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import jinja2
from jinja2 import meta, nodes

from askcraft._errors import PackError
from askcraft._intent.model import Intent
from askcraft._packs.files import read_pack_file
from askcraft._packs.manifest import MANIFEST
from askcraft._packs.pack import Pack, load_pack
from askcraft._packtools.examples import EXAMPLE_TODAY, Rendered, example_files, render_examples
from askcraft._packtools.report import LintReport, load_problem, problem_from
from askcraft._yaml import YamlLines

#: A throwaway intent whose context lists the standard variables every template may use.
_SAMPLE = {
    "kind": "request",
    "goal": "job-leads",
    "recipient": {"name": "Sam Lee", "relationship": "friend"},
    "sender": {"name": "Alex Kim", "reason": "x"},
}


def _standard_names() -> tuple[set[str], dict[str, set[str]]]:
    """Return the top-level context names and the keys of its dicts (recipient, sender)."""
    from askcraft._render.context import build_context  # noqa: PLC0415

    context = build_context(Intent.parse(_SAMPLE), today=EXAMPLE_TODAY)
    nested = {key: set(value) for key, value in context.items() if isinstance(value, dict) and key != "extra"}
    return set(context), nested


def _manifest_text(pack: Pack) -> str:
    """Return the manifest's text as read when linting (never through a link)."""
    return read_pack_file(pack.files, MANIFEST).decode("utf-8-sig")


def _first_line(tree: nodes.Template, name: str) -> int | None:
    for node in tree.find_all(nodes.Name):
        if node.name == name:
            return node.lineno
    return None


def _attribute_uses(tree: nodes.Template, base: str) -> Iterator[tuple[str, int]]:
    """Yield (key, line) for every ``base.key`` and ``base["key"]`` in a template."""
    for node in tree.find_all((nodes.Getattr, nodes.Getitem)):
        if isinstance(node, nodes.Getattr) and _is_name(node.node, base):
            yield node.attr, node.lineno
        elif (
            isinstance(node, nodes.Getitem)
            and _is_name(node.node, base)
            and isinstance(node.arg, nodes.Const)
            and isinstance(node.arg.value, str)
        ):
            yield node.arg.value, node.lineno


def _is_name(node: nodes.Node, name: str) -> bool:
    return isinstance(node, nodes.Name) and node.name == name


def _referenced(tree: nodes.Template) -> list[str]:
    names = []
    for ref in tree.find_all((nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
        template = ref.template  # type: ignore[attr-defined]  # all four have it
        if isinstance(template, nodes.Const) and isinstance(template.value, str):
            names.append(template.value)
        elif isinstance(template, nodes.List | nodes.Tuple):
            names += [i.value for i in template.items if isinstance(i, nodes.Const)]
    return names


def _parse_templates(pack: Pack, report: LintReport) -> dict[str, nodes.Template]:
    """Parse every template the manifest lists and every file they include, import or extend."""
    env = pack.environment
    lines = YamlLines(_manifest_text(pack))
    trees: dict[str, nodes.Template] = {}
    queue: list[tuple[str, str, int | None]] = []
    for i, entry in enumerate(pack.manifest.templates):
        for variant, file in entry.variants.items():
            queue.append((file, MANIFEST, lines.line(["templates", i, "variants", variant])))
    while queue:
        name, referrer, line = queue.pop(0)
        if name in trees:
            continue
        try:
            source, _, _ = pack.loader.get_source(env, name)
            tree = env.parse(source, name, name)
            env.compile(tree, name, name)  # unknown filters and tests surface here
        except jinja2.TemplateNotFound:
            report.add("error", f"template {name!r} does not exist in the pack", referrer, line, "missing")
            continue
        except jinja2.TemplateSyntaxError as exc:
            report.add("error", exc.message or str(exc), name, exc.lineno, "syntax")
            continue
        except PackError as exc:
            report.problems.append(problem_from(exc, name, "sandbox"))
            continue
        trees[name] = tree
        queue += [(ref, name, None) for ref in _referenced(tree)]
    return trees


def _top_level_names(tree: nodes.Template) -> set[str]:
    """Return names a template defines outside its blocks, which its blocks can see too."""
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, nodes.Import):
            names.add(node.target)
        elif isinstance(node, nodes.FromImport):
            names |= {n if isinstance(n, str) else n[1] for n in node.names}
        elif isinstance(node, nodes.Macro):
            names.add(node.name)
        elif isinstance(node, nodes.Assign | nodes.AssignBlock):
            targets = [node.target, *node.target.find_all(nodes.Name)]
            names |= {n.name for n in targets if isinstance(n, nodes.Name)}
    return names


def _assigned_names(tree: nodes.Template) -> set[str]:
    """Return names a template assigns anywhere (a {% set %} in a macro's if-branch, loop targets).

    Jinja counts a name set in only some branches of an ``if`` as undeclared, though the branches
    that use it also set it; a name the template never assigns is still reported.
    """
    names: set[str] = set()
    for node in tree.find_all((nodes.Assign, nodes.AssignBlock, nodes.For)):
        target: nodes.Node = node.target  # type: ignore[attr-defined]  # all three have one
        names |= {n.name for n in target.find_all(nodes.Name)}
        if isinstance(target, nodes.Name):
            names.add(target.name)
    return names


def _check_variables(pack: Pack, trees: dict[str, nodes.Template], report: LintReport) -> None:
    standard, nested = _standard_names()
    allowed = standard | set(pack.environment.globals)
    used_fields: set[str] = set()
    for name, tree in trees.items():
        local = _top_level_names(tree) | _assigned_names(tree)
        for var in sorted(meta.find_undeclared_variables(tree) - allowed - local):
            report.add(
                "error",
                f"uses {var!r}, which is not a standard intent field; pack fields are used as "
                f"extra.NAME and declared under 'fields' in {MANIFEST}",
                name,
                _first_line(tree, var),
                "undeclared",
            )
        for key, line in _attribute_uses(tree, "extra"):
            used_fields.add(key)
            if key not in pack.manifest.fields:
                report.add(
                    "error",
                    f"uses extra.{key}, which {MANIFEST} does not declare under 'fields'",
                    name,
                    line,
                    "undeclared",
                )
        for base, keys in nested.items():
            for key, line in _attribute_uses(tree, base):
                if key not in keys and not hasattr(dict, key):
                    report.add(
                        "error",
                        f"uses {base}.{key}; {base} has: {', '.join(sorted(keys))}",
                        name,
                        line,
                        "undeclared",
                    )
    lines = YamlLines(_manifest_text(pack))
    for field in pack.manifest.fields:
        if field not in used_fields:
            report.add(
                "warning",
                f"field {field!r} is declared but no template uses it (as extra.{field})",
                MANIFEST,
                lines.line(["fields", field]),
                "unused",
            )


def _line_of(pack: Pack, template: str, excerpt: str) -> int | None:
    """Guess the template line that wrote *excerpt*: the first line containing it."""
    try:
        lines = read_pack_file(pack.files, template).decode("utf-8").splitlines()
    except (OSError, PackError, UnicodeDecodeError):
        return None
    needle = excerpt.strip().lower()
    for number, line in enumerate(lines, 1):
        if needle and needle in line.lower():
            return number
    return None


def _check_tone(pack: Pack, rendered: Rendered, report: LintReport) -> None:
    from askcraft._checks.context import CheckContext  # noqa: PLC0415

    ctx = CheckContext(
        text=rendered.body,
        kind=rendered.intent.kind,
        channel=rendered.intent.channel,
        subject=rendered.subject,
        language=rendered.intent.language,
        intent=rendered.intent,
        send_date=rendered.intent.send_date or EXAMPLE_TODAY,
    )
    findings = [*rendered.findings, *pack.tone_findings(ctx)]
    for finding in findings:
        if finding.severity not in {"error", "warning"}:
            continue
        text = rendered.subject if finding.field == "subject" else rendered.body
        excerpt = (text or "")[finding.offset : finding.offset + finding.length]
        report.add(
            "error" if finding.severity == "error" else "warning",
            f"{finding.message} ({finding.field}: {excerpt!r}; example {rendered.example}, "
            f"variant {rendered.variant})",
            rendered.template,
            _line_of(pack, rendered.template, excerpt),
            finding.rule,
        )


def lint_pack(path: str | Path, *, grammar: bool = False) -> LintReport:
    """Lint the pack at *path* (a folder or a .zip) and return what was found."""
    path = Path(path)
    if path.is_file() and path.suffix == ".zip":
        from askcraft._packs.archive import extract_pack_zip  # noqa: PLC0415

        with tempfile.TemporaryDirectory(prefix="askcraft-lint-") as tmp:
            try:
                root = extract_pack_zip(path, Path(tmp))
            except PackError as exc:
                return LintReport(path, problems=[problem_from(exc, str(path), "zip")])
            report = lint_pack(root, grammar=grammar)
            report.root = path
            return report
    report = LintReport(path)
    try:
        pack = load_pack(path)
    except PackError as exc:
        report.problems.append(load_problem(exc))
        return report
    report.pack = pack
    trees = _parse_templates(pack, report)
    _check_variables(pack, trees, report)
    if pack.manifest.tone_rules is not None:
        from askcraft._packs.tone_rules import example_problems  # noqa: PLC0415

        try:
            for message in example_problems(pack.tone_rules):
                report.add("error", message, pack.manifest.tone_rules, None, "tone-rules")
        except PackError as exc:
            report.problems.append(problem_from(exc, pack.manifest.tone_rules, "tone-rules"))
            return report
    if not example_files(pack):
        report.add(
            "warning",
            f"no example intents in {pack.manifest.examples}/; add NAME.yaml files so lint can render "
            "the templates and 'packs test' can check them",
            None,
            None,
            "examples",
        )
        return report
    if not report.ok:
        return report  # rendering broken templates would only repeat the errors above
    covered: set[str] = set()
    for rendered in render_examples(pack, report, check=True, grammar=grammar):
        report.rendered += 1
        covered.add(rendered.template)
        _check_tone(pack, rendered, report)
    for template in pack.templates():
        if template not in covered:
            report.add("warning", "no example renders this template; add one", template, None, "coverage")
    return report
