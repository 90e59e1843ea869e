"""How each LanguageTool rule is reported (error, warning, suggestion or dropped): data in ``policy.yaml``."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping
from importlib import resources
from typing import Any, Literal, cast

from askcraft._checks.findings import Severity
from askcraft._yaml import safe_load

Decision = Severity | Literal["off"]


@dataclasses.dataclass(frozen=True)
class Policy:
    """Which severity each LanguageTool rule, category and issue type gets."""

    default: Decision
    rules: Mapping[str, Decision]
    categories: Mapping[str, Decision]
    issue_types: Mapping[str, Decision]
    spelling_rule_prefixes: tuple[str, ...]

    def decide(self, rule_id: str, category_id: str, issue_type: str) -> Decision:
        """Return the severity for a match, or "off" to drop it."""
        for table, key in (
            (self.rules, rule_id),
            (self.categories, category_id),
            (self.issue_types, issue_type),
        ):
            if key in table:
                return table[key]
        return self.default

    def is_spelling(self, rule_id: str, category_id: str) -> bool:
        """Return whether a match is a spelling mistake rather than grammar."""
        return category_id == "TYPOS" or rule_id.startswith(self.spelling_rule_prefixes)

    @property
    def off_rules(self) -> frozenset[str]:
        """Return the rule ids not worth asking the server for."""
        return frozenset(rule for rule, decision in self.rules.items() if decision == "off")

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, source: str = "policy") -> Policy:
        """Build a policy from its YAML data, rejecting unknown severities."""
        allowed = {"error", "warning", "suggestion", "off"}

        def table(name: str) -> dict[str, Decision]:
            raw = data.get(name) or {}
            if not isinstance(raw, Mapping):
                raise ValueError(f"{source}: '{name}' must be a mapping")
            for key, value in raw.items():
                if value not in allowed:
                    raise ValueError(
                        f"{source}: {name}.{key} is {value!r}; use one of {', '.join(sorted(allowed))}"
                    )
            return {str(k): cast(Decision, v) for k, v in raw.items()}

        default = data.get("default", "warning")
        if default not in allowed:
            raise ValueError(f"{source}: default is {default!r}; use one of {', '.join(sorted(allowed))}")
        return cls(
            default=cast(Decision, default),
            rules=table("rules"),
            categories=table("categories"),
            issue_types=table("issue_types"),
            spelling_rule_prefixes=tuple(str(p) for p in data.get("spelling_rule_prefixes") or ()),
        )


@functools.cache
def policy() -> Policy:
    """Return the severity policy shipped with askcraft."""
    text = resources.files("askcraft._grammar").joinpath("policy.yaml").read_text(encoding="utf-8")
    return Policy.from_mapping(safe_load(text), source="policy.yaml")
