"""Hostile packs that try to spend the machine's memory or time end in a clear error, for real.

Each payload runs in a child process with a 1 GiB address-space limit and an alarm, so a
regression fails the test (MemoryError, "hung") instead of swapping the machine. The child
drafts with every payload in turn and reports, for each, the error, and the peak memory of
itself and of the render worker (``VmHWM``, reset between payloads).
"""

from __future__ import annotations

import inspect
import json
import os
import select
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
import pytest
from jinja2.exceptions import SecurityError
from jinja2.filters import FILTERS as JINJA_FILTERS
from packkit import INTENT, make_pack

import askcraft
import askcraft.packs
from askcraft._intent.load import load_intent
from askcraft._packs import budget
from askcraft._packs.guards import BOUNDED_FILTERS, ESTIMATED_FILTERS, STR_METHODS
from askcraft._packs.sandbox import make_environment
from askcraft._render.blocks import render_blocks

REPO = Path(__file__).resolve().parent.parent
B = "{% block body %}Hi {{ recipient.first_name }},\n"
E = "\nBye\n{% endblock %}"
BIG = "{% set big = 'x' * 20000 %}"


def _fan_out(statement: str, depth: int = 26) -> dict[str, str]:
    """Templates that each use the next one twice: 2**depth uses, no loops and no calls."""
    files = {f"parts/{i}.j2": statement.format(n=i + 1) * 2 for i in range(depth)}
    files[f"parts/{depth}.j2"] = ""
    files["request.j2"] = B + statement.format(n=0) + E
    return files


#: Payloads from the attack round (issue 14) and one of each class they stand for.
PAYLOADS: dict[str, dict[str, str]] = {
    "capture-nested": {
        "request.j2": B + "{% set a %}{% for i in range(1000) %}{{ 'x' * 20000 }}{% endfor %}{% endset %}"
        "{% set b %}{% for i in range(1000) %}{{ a }}{% endfor %}{% endset %}{{ b|length }}" + E
    },
    "tilde-doubling": {"request.j2": B + BIG + "{% set big = big ~ big %}" * 20 + "{{ big|length }}" + E},
    "tilde-held": {
        "request.j2": B
        + "{% set b = '\U0001f600' * 10000 %}"
        + "".join(f"{{%set a{i}=b~1%}}" for i in range(4000))
        + "."
        + E
    },
    "string-nested": {
        "request.j2": B + "{% set l = ['x' * 20000] * 20000 %}{{ ([l] * 20000)|string|length }}" + E
    },
    "print-list": {"request.j2": B + "{% set l = ['x' * 20000] * 20000 %}{{ l }}" + E},
    "tojson-nested": {"request.j2": B + "{{ (['x' * 20000] * 20000)|tojson|length }}" + E},
    "tojson-indent": {"request.j2": B + "{{ [['x'] * 3000]|tojson(indent=20000)|length }}" + E},
    "pprint-nested": {"request.j2": B + "{{ (['x' * 20000] * 20000)|pprint|length }}" + E},
    "sum-nested": {
        "request.j2": B + "{% set l = ['x'] * 20000 %}{{ ([l] * 20000)|sum(start=[])|length }}" + E
    },
    "format-arg-width": {"request.j2": B + "{{ '{:{}}'.format('x', 1500000000)|length }}" + E},
    "format-reuse": {"request.j2": B + BIG + "{{ '" + "{0}" * 60000 + "'.format(big)|length }}" + E},
    "percent-reuse": {
        "request.j2": B
        + "{% set big = 'x' * 10000 %}{{ ('"
        + "%(x)s" * 40000
        + "' % dict(x=big))|length }}"
        + E
    },
    "indent-width": {"request.j2": B + "{{ ('\n' * 19999)|indent(20000, true, true)|length }}" + E},
    "bytes-center": {"request.j2": B + "{{ 'x'.encode().center(1500000000)|length }}" + E},
    "translate": {"request.j2": B + BIG + "{{ ('x' * 20000).translate({120: big})|length }}" + E},
    # A string's characters are parts too: the separator between 20,000 of them (400 MB).
    "join-string": {"request.j2": B + BIG + "{{ big.join(big)|length }}" + E},
    # An iterator (map, select) has no length until it is a list.
    "join-iterator": {"request.j2": B + BIG + "{{ (big|map('upper'))|join(big)|length }}" + E},
    "slices-held": {
        "request.j2": B
        + "{% set b = '\U0001f600' * 20000 %}"
        + "".join(f"{{%set a{i}=b[{i}:]%}}" for i in range(4000))
        + "."
        + E
    },
    "macro-output": {
        "request.j2": B + BIG + "{% macro m() %}{% for i in range(1000) %}{{ big }}{% endfor %}{% endmacro %}"
        "{% set c %}{% for i in range(1000) %}{{ m() }}{% endfor %}{% endset %}{{ c|length }}" + E
    },
    "filter-block": {
        "request.j2": B + BIG + "{% filter upper %}{% for i in range(100) %}{% for j in range(900) %}"
        "{{ big }}{% endfor %}{% endfor %}{% endfilter %}" + E
    },
    "super-join": {
        "base.j2": BIG + "{% block body %}{% block inner %}{% for i in range(100) %}{% for j in range(900) %}"
        "{{ big }}{% endfor %}{% endfor %}{% endblock %}{% endblock %}",
        "request.j2": "{% extends 'base.j2' %}{% block inner %}{{ super()|length }}{% endblock %}",
    },
    "import-joined": {
        "big.j2": BIG + "{% for i in range(100) %}{% for j in range(900) %}{{ big }}{% endfor %}{% endfor %}",
        "request.j2": B + "{% import 'big.j2' as m %}{{ m|string|length }}" + E,
    },
    "include-fan-out": _fan_out("{{% include 'parts/{n}.j2' %}}"),
    "import-fan-out": _fan_out("{{% import 'parts/{n}.j2' as m with context %}}"),
    # The scenario: harmless for the recipient a pack's examples use, hostile for everyone else.
    "behind-an-if": {
        "request.j2": B + "{% if recipient.name != 'Sam Lee' %}"
        "{% set a %}{% for i in range(1000) %}{{ 'x' * 20000 }}{% endfor %}{% endset %}"
        "{% set b %}{% for i in range(1000) %}{{ a }}{% endfor %}{% endset %}{{ b|length }}{% endif %}" + E
    },
}
#: What a stopped render says: a budget, the worker's memory limit, or its hard timeout.
STOPPED = ("blocked by the sandbox", "needed more than", "took longer than")
#: How long one payload may take in the child before it counts as hung.
PAYLOAD_SECONDS = 60

CHILD = r"""
import json, os, re, resource, signal, sys, time
limit = 1 << 30
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
import askcraft
import askcraft
import askcraft.packs
from askcraft._packs import budget
try:
    from askcraft._packs import isolation as isolated
except ImportError:  # code from before render isolation: the payloads run in this process
    isolated = None

class Hung(Exception):
    pass

def on_alarm(*_):
    raise Hung()

def peak(pid="self"):
    try:
        status = open(f"/proc/{pid}/status").read()
    except OSError:
        return 0.0
    return int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024

job = json.loads(sys.argv[1])
for name, value in job["budget"].items():
    setattr(budget, name, value)
signal.signal(signal.SIGALRM, on_alarm)
for name, pack in job["packs"].items():
    open("/proc/self/clear_refs", "w").write("5")
    out = {}
    start = time.monotonic()
    signal.alarm(50)
    try:
        askcraft.draft(job["intent"], pack=pack, check=False)
        out["error"] = None
    except Hung:
        out["error"] = "hung for 50 s"
    except askcraft.AskcraftError as exc:
        out.update(error=type(exc).__name__, message=str(exc))
    except BaseException as exc:
        out.update(error=type(exc).__name__, message=str(exc)[:300])
    signal.alarm(0)
    out["seconds"] = round(time.monotonic() - start, 2)
    out["rss_mb"] = peak()
    worker = isolated and isolated._worker
    out["worker_rss_mb"] = peak(worker.process.pid) if worker else 0.0
    if isolated:
        isolated.shutdown()
    print(json.dumps([name, out]), flush=True)
"""


def run_contained(
    packs: dict[str, Path], *, isolation: str, intent: dict[str, Any], budget: dict[str, Any] | None = None
) -> dict[str, dict[str, Any]]:
    """Draft with each pack in a child process under a 1 GiB address-space limit; return what happened.

    The child reports each payload as it finishes; one that takes longer than PAYLOAD_SECONDS is
    marked hung, the child is killed, and a new child carries on with the rest.
    """
    env = {**os.environ, "ASKCRAFT_RENDER_ISOLATION": isolation}
    results: dict[str, dict[str, Any]] = {}
    while left := [name for name in packs if name not in results]:
        job = {"packs": {k: str(packs[k]) for k in left}, "intent": intent, "budget": budget or {}}
        with subprocess.Popen(
            [sys.executable, "-c", CHILD, json.dumps(job)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=REPO,
            env=env,
        ) as child:
            assert child.stdout is not None
            for name in left:
                if not select.select([child.stdout], [], [], PAYLOAD_SECONDS)[0]:
                    results[name] = {"error": f"no answer within {PAYLOAD_SECONDS} s"}
                    break
                line = child.stdout.readline()
                if not line:
                    results[name] = {"error": "the child process died"}
                    break
                done, outcome = json.loads(line)
                results[done] = outcome
            child.kill()
    return results


ANN = {**INTENT, "recipient": {**INTENT["recipient"], "name": "Ann Other"}}


@pytest.fixture(scope="module")
def hostile_packs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Write one pack per payload."""
    root = tmp_path_factory.mktemp("hostile")
    return {name: make_pack(root, "hostile", folder=name, templates=t) for name, t in PAYLOADS.items()}


@pytest.fixture(scope="module")
def in_process(hostile_packs: dict[str, Path]) -> dict[str, dict[str, Any]]:
    """Run every payload with the render budgets alone (no worker process)."""
    return run_contained(hostile_packs, isolation="off", intent=ANN)


@pytest.fixture(scope="module")
def in_worker(hostile_packs: dict[str, Path]) -> dict[str, dict[str, Any]]:
    """Run every payload the default way: budgets, in a worker with a memory limit and a timeout."""
    return run_contained(hostile_packs, isolation="auto", intent=ANN)


def _assert_stopped(outcome: dict[str, Any]) -> None:
    assert outcome["error"] == "RenderError", outcome
    assert outcome["rss_mb"] < 200, outcome
    assert any(reason in outcome["message"] for reason in STOPPED), outcome
    assert "pack 'hostile'" in outcome["message"], outcome


@pytest.mark.parametrize("payload", list(PAYLOADS))
def test_render_budget_alone_stops_the_payload_in_bounded_memory(
    payload: str, in_process: dict[str, dict[str, Any]]
) -> None:
    """With no worker process, the budgets stop each payload with a clear error, using little memory."""
    _assert_stopped(in_process[payload])


@pytest.mark.parametrize("payload", list(PAYLOADS))
def test_isolated_render_stops_the_payload_in_bounded_memory(
    payload: str, in_worker: dict[str, dict[str, Any]]
) -> None:
    """By default a pack renders in a worker: each payload stops there, neither process grows."""
    outcome = in_worker[payload]
    _assert_stopped(outcome)
    assert outcome["worker_rss_mb"] < 300, outcome  # 0 when the hard timeout killed it first


#: Budgets switched off, as if a guard were missing: the worker's own limits must still hold.
NO_BUDGETS = {"MAX_BUILT": 10**15, "MAX_STRING": 10**15, "MAX_STEPS": 10**15, "RENDER_SECONDS": 1.0}


def test_worker_limits_hold_when_the_budgets_fail(hostile_packs: dict[str, Path]) -> None:
    """With every budget off, the worker's address-space limit and the deadline still stop the render."""
    chosen = ("capture-nested", "tilde-doubling", "macro-output", "include-fan-out")
    results = run_contained(
        {name: hostile_packs[name] for name in chosen}, isolation="auto", intent=ANN, budget=NO_BUDGETS
    )
    for name in chosen:
        _assert_stopped(results[name])
    assert "needed more than 256 MB" in results["capture-nested"]["message"]
    assert "took longer than" in results["include-fan-out"]["message"]


def test_guarded_payload_still_drafts_for_the_recipient_it_spares(hostile_packs: dict[str, Path]) -> None:
    """The pack behind an if drafts normally for Sam Lee (what its examples would show)."""
    results = run_contained({"behind-an-if": hostile_packs["behind-an-if"]}, isolation="auto", intent=INTENT)
    assert results["behind-an-if"]["error"] is None, results


# -- the budget itself, in this process (no payload here allocates much) ------------------------------


def _env(templates: dict[str, str]) -> jinja2.Environment:
    return make_environment(jinja2.DictLoader(templates))


def test_the_clock_is_read_on_every_step(monkeypatch: pytest.MonkeyPatch) -> None:
    """A render past its time limit stops at its next step, even when it takes only a few."""
    monkeypatch.setattr(budget, "RENDER_SECONDS", 0.0)
    with pytest.raises(SecurityError, match="took longer than"):
        render_blocks(_env({"t.j2": "{{ 'x'|upper }}"}).get_template("t.j2"), {})


def test_includes_are_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    """Templates that include each other, with no loop or call, still spend the step budget."""
    monkeypatch.setattr(budget, "MAX_STEPS", 20)
    files = _fan_out("{{% include 'parts/{n}.j2' %}}", depth=5)
    with pytest.raises(SecurityError, match="loop iterations and calls"):
        render_blocks(_env(files).get_template("request.j2"), {"recipient": {"first_name": "Sam"}})


def test_super_works_in_the_blocks_a_draft_captures() -> None:
    """A child template's body block can call super() (the budget's block wrapper keeps it findable)."""
    env = _env(
        {
            "base.j2": "{% block body %}from the base{% endblock %}",
            "t.j2": "{% extends 'base.j2' %}{% block body %}child, {{ super() }}{% endblock %}",
        }
    )
    assert render_blocks(env.get_template("t.j2"), {})["body"] == "child, from the base"


def test_builtin_drafts_stay_far_inside_the_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every built-in template, rendered in the sandbox for its examples, spends under a tenth of a budget."""
    spent: list[Any] = []

    class Recorded(budget._Budget):
        __slots__ = ()

        def __init__(self) -> None:
            super().__init__()
            spent.append(self)

    monkeypatch.setattr(budget, "_Budget", Recorded)
    pack = askcraft.packs.builtin_pack()
    for example in sorted((pack.root / "examples").glob("*.yaml")):
        intent = load_intent(example)
        selection = pack.select(intent)
        assert selection is not None
        for variant in selection.entry.variants:  # by path: in the sandbox, as `packs lint` renders it
            askcraft.draft(intent, pack=pack.root, variant=variant, check=False, today=date(2026, 11, 12))
    assert len(spent) > 10
    assert max(b.steps for b in spent) < budget.MAX_STEPS / 10
    assert max(b.built for b in spent) < budget.MAX_BUILT / 10


# -- every way of building a value is accounted for --------------------------------------------------

#: Each kind of Jinja node, and why it cannot build an unbounded value (see sandbox.py's table).
NODES = {
    "Template": "the whole template", "Output": "finalize, concat, counted output",
    "TemplateData": "source text, counted when printed", "Const": "source text",
    "For": "guard_loop: a step per item", "If": "chooses", "CondExpr": "chooses",
    "Macro": "its output joins through concat", "CallBlock": "caller() is a Macro",
    "FilterBlock": "concat, then a guarded filter", "With": "scoping", "Scope": "scoping",
    "OverlayScope": "scoping", "Block": "_Block: a step, output counted",
    "Include": "a step, output counted", "Import": "a step, output counted",
    "FromImport": "a step, output counted", "Extends": "a step, output counted",
    "Assign": "binds a value built elsewhere", "AssignBlock": "concat",
    "Name": "reads", "NSRef": "namespace() is not a global", "Getattr": "reads",
    "Getitem": "reads; slices guard_value", "Slice": "guard_value", "Tuple": "guard_value",
    "List": "guard_value", "Dict": "guard_value", "Pair": "part of Dict", "Keyword": "argument",
    "Concat": "guard_concat", "Compare": "bool", "Operand": "part of Compare",
    "Mul": "call_binop", "Add": "call_binop", "Mod": "call_binop", "Pow": "call_binop",
    "FloorDiv": "call_binop", "Div": "a float", "Sub": "a number", "And": "chooses",
    "Or": "chooses", "Not": "bool", "Neg": "a number", "Pos": "a number",
    "Call": "PackEnvironment.call", "Filter": "guard_filter", "Test": "guard_test",
    "MarkSafe": "wraps a value", "MarkSafeIfAutoescape": "wraps a value",
    "EnvironmentAttribute": "askcraft's own guards", "ExtensionAttribute": "no extensions",
    "ImportedName": "no extensions", "InternalName": "compiler names",
    "ContextReference": "the context", "DerivedContextReference": "the context",
    "EvalContextModifier": "autoescape switch", "ScopedEvalContextModifier": "autoescape switch",
    "ExprStmt": "no 'do' extension", "Break": "no loop-control extension",
    "Continue": "no loop-control extension",
}  # fmt: skip


def test_every_kind_of_template_node_is_accounted_for() -> None:
    """A Jinja upgrade that adds a node fails here until someone decides how it is bounded."""
    classes = [c for c in vars(jinja2.nodes).values() if inspect.isclass(c)]
    kinds = {c.__name__ for c in classes if issubclass(c, jinja2.nodes.Node)}
    kinds -= {"Node", "Stmt", "Expr", "Helper", "Literal", "BinExpr", "UnaryExpr", "_FilterTestCommon"}
    assert kinds == set(NODES)


def test_every_jinja_filter_has_a_size_rule() -> None:
    """Each of Jinja's filters is bounded by its input or has its own estimate; none is missed."""
    assert set(JINJA_FILTERS) - {"random"} <= BOUNDED_FILTERS | ESTIMATED_FILTERS
    assert not BOUNDED_FILTERS & ESTIMATED_FILTERS


#: String methods a template may not call: they build bytes, or a table-driven blow-up.
REFUSED_STR_METHODS = {"encode", "translate", "maketrans"}


def test_every_string_method_is_allowed_or_refused_on_purpose() -> None:
    """A new Python string method is refused until it is looked at (the list allows, it does not deny)."""
    public = {m for m in dir(str) if not m.startswith("_")}
    assert public <= STR_METHODS | REFUSED_STR_METHODS
    env = _env({"t.j2": "{{ 'x'.encode() }}"})
    with pytest.raises(SecurityError, match=r"str\.encode\(\) cannot be called"):
        render_blocks(env.get_template("t.j2"), {})


def test_joins_of_iterators_and_strings_still_work() -> None:
    """Making an iterator a list before a join changes nothing a message template sees."""
    env = _env(
        {
            "t.j2": "{% block body %}{{ ', '.join(['a', 'b']|map('upper')) }}; "
            "{{ ('abc'|map('upper'))|join('-') }}; {{ '-'.join('abc') }}; "
            "{{ [1, 2]|select|join('+') }}; {{ [[1], [2]]|sum(start=[])|join }}{% endblock %}"
        }
    )
    assert render_blocks(env.get_template("t.j2"), {})["body"] == "A, B; A-B-C; a-b-c; 1+2; 12"
