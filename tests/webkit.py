"""Shared by the web tests: a hostile pack, the form of a complete request, an app with its test client."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from packkit import make_pack

#: What a hostile pack or a hostile user puts where text goes: each would run script if not escaped.
SCRIPT = "<script>window.__pwned='script'</script>"
IMG = "<img src=x onerror=\"window.__pwned='img'\">"

HOSTILE_TEMPLATE = f"""\
{{% block subject %}}{SCRIPT} about {{{{ details }}}}{{% endblock %}}
{{% block body %}}
Hi {{{{ recipient.first_name }}}}, {IMG}{SCRIPT}

{{{{ sender.reason|sentence }}}} Could you {{{{ details }}}}?

Thanks, {{{{ sender.signature }}}}
{{% endblock %}}
"""


def write_hostile_pack(parent: Path) -> Path:
    """Write a pack whose manifest and output carry markup: 'hostile', for favours only."""
    return make_pack(
        parent,
        "hostile",
        templates={"favour.j2": HOSTILE_TEMPLATE},
        entries=[{"kinds": "request", "goals": "favour", "variants": {"plain": "favour.j2"}}],
        description=f"A pack that tries to run script: {SCRIPT}",
        author=IMG,
        fields={"mood": {"type": "string", "help": f"Help text with markup {IMG}"}},
    )


#: The Draft page's fields for the README's request: Sam Lee, three people in banking.
FIELDS: dict[str, Any] = {
    "recipient.name": "Sam Lee",
    "recipient.relationship": "former-colleague",
    "goal": "job-leads",
    "count": "3",
    "industry": "banking",
    "sender.name": "Alex Kim",
    "sender.reason": "I want to put my math degree to work in finance",
    "channel": "email",
}


def ask(fields: dict[str, Any] | None = None, **changes: Any) -> dict[str, Any]:
    """Return a preview request for *fields* (default: FIELDS), grammar off unless given."""
    body: dict[str, Any] = {"fields": dict(FIELDS if fields is None else fields), "stage": "request"}
    body.update(grammar=False)
    body.update(changes)
    return body
