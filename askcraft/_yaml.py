"""YAML in askcraft: fast safe loading of its own data, and careful loading of users' files.

User files (intents, pack manifests, tone rules) go through ``read_yaml``/``parse_yaml``: a safe
loader that refuses duplicate keys, with errors that name the file and line.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from askcraft._errors import IntentError

#: libyaml's safe loader when PyYAML was built with it (about ten times faster), else PyYAML's own.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """Parse YAML with a safe loader (no tags that build Python objects)."""
    return yaml.load(text, Loader=_SafeLoader)  # noqa: S506  (a safe loader)


class _NoDuplicatesLoader(yaml.SafeLoader):
    """A safe loader that refuses duplicate keys instead of silently keeping the last one."""


def construct_mapping(loader: _NoDuplicatesLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node)


_NoDuplicatesLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    construct_mapping,
)


#: A user's YAML file (an intent, tone rules) larger than this is not one; refuse it unread.
MAX_BYTES = 1_000_000


class _FastNoDuplicatesLoader(_SafeLoader):  # type: ignore[misc,valid-type]
    """libyaml's safe loader (about ten times faster), refusing duplicate keys."""


_FastNoDuplicatesLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)


#: Flow collections (``[...]``, ``{...}``) nested deeper than this are refused before parsing:
#: libyaml takes seconds over 10,000 levels and building them overflows Python's stack.
MAX_FLOW_DEPTH = 64


def _too_deep(text: str) -> bool:
    """Return whether brackets outside quotes nest deeper than MAX_FLOW_DEPTH.

    A quick approximation of YAML's rules: brackets in comments count, and a quote (an apostrophe
    in a plain word too) hides the rest of its line; real nesting of thousands is always seen.
    """
    if text.count("[") + text.count("{") <= MAX_FLOW_DEPTH:
        return False
    depth = 0
    quote = ""
    for char in text:
        if quote:
            if char in (quote, "\n"):
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
            if depth > MAX_FLOW_DEPTH:
                return True
        elif char in "]}":
            depth = max(depth - 1, 0)
    return False


def _check_depth(text: str, source: str) -> None:
    if _too_deep(text):
        raise unrepresentable(RecursionError("flow collections nested too deeply"), source)


def parse_yaml_fast(text: str, *, source: str) -> Any:
    """Parse a user's YAML like ``parse_yaml`` but with libyaml; errors are re-parsed for their message.

    Manifests (discovery reads every installed one) and pack tone rules go through here.
    """
    _check_depth(text, source)
    try:
        return yaml.load(text, Loader=_FastNoDuplicatesLoader)  # noqa: S506  (a safe loader)
    except yaml.YAMLError:
        return parse_yaml(text, source=source)
    except (ValueError, RecursionError) as exc:
        raise unrepresentable(exc, source) from None


def read_yaml(path: str | Path, *, what: str = "file") -> Any:
    """Read one YAML document safely, with errors that name the file and line."""
    if not str(path).strip():
        raise IntentError(f"no {what} given: name the YAML file to read")
    path = Path(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise IntentError(f"{path}: no such {what}; check the path", source=str(path)) from None
    except IsADirectoryError:
        raise IntentError(f"{path}: is a folder, not a YAML {what}", source=str(path)) from None
    except OSError as exc:
        raise IntentError(f"{path}: cannot read it ({exc.strerror})", source=str(path)) from None
    if len(raw) > MAX_BYTES:
        raise IntentError(f"{path}: larger than 1 MB, too large to be a YAML {what}", source=str(path))
    if b"\x00" in raw:
        raise IntentError(f"{path}: a binary file, not a YAML {what}", source=str(path))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IntentError(
            f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8 and try again", source=str(path)
        ) from None
    return parse_yaml(text, source=str(path))


def parse_yaml(text: str, *, source: str = "<string>") -> Any:
    """Parse YAML text with the safe loader; map errors to IntentError naming the line."""
    _check_depth(text, source)
    try:
        return yaml.load(text, Loader=_NoDuplicatesLoader)  # noqa: S506 (a SafeLoader subclass)
    except yaml.MarkedYAMLError as exc:
        raise IntentError(f"{source}{describe_yaml_error(exc, text)}", source=source) from None
    except yaml.reader.ReaderError as exc:  # a control character: not a text file someone typed
        line = text.count("\n", 0, exc.position) + 1
        char = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
        raise IntentError(
            f"{source}, line {line}: the character {char!r} is not allowed in YAML; is this a text file?",
            source=source,
        ) from None
    except yaml.YAMLError as exc:
        raise IntentError(f"{source}: invalid YAML ({exc})", source=source) from None
    except (ValueError, RecursionError) as exc:
        raise unrepresentable(exc, source) from None


#: PyYAML's contexts whose mark is where an unclosed quote or bracket opens.
_OPENERS = {
    "while scanning a quoted scalar": "quote",
    "while parsing a flow sequence": "'['",
    "while parsing a flow mapping": "'{'",
}


def describe_yaml_error(exc: yaml.MarkedYAMLError, text: str) -> str:
    """Return ", line N: what is wrong (column C)" for a YAML error, at the line where the problem starts.

    PyYAML marks where it gave up (``problem_mark``): for a quote or bracket that is never closed
    that is the end of the file. The line a reader must fix is where it opens (``context_mark``).
    """
    problem = str(exc.problem or "invalid YAML")
    start, end = exc.context_mark, exc.problem_mark
    opener = _OPENERS.get(str(exc.context or ""))
    if opener is not None and start is not None:
        if opener == "quote":
            lines = text.splitlines()
            row = lines[start.line] if start.line < len(lines) else ""
            char = row[start.column] if start.column < len(row) else '"'
            what = f"the quote ({char}) at column {start.column + 1} is never closed"
        else:
            what = f"the {opener} at column {start.column + 1} is never closed"
        if end is not None and "end of stream" not in problem and "<stream end>" not in problem:
            what += f" (at line {end.line + 1}, column {end.column + 1}: {problem})"
        else:
            what += " (the file ends first)"
        return f", line {start.line + 1}: {what}"
    mark = end or start
    if mark is None:
        return f": {problem}"
    where = f"column {mark.column + 1}"
    if "'\\t' that cannot start any token" in problem:
        problem = "a tab; indent YAML with spaces, not tabs"
    elif problem.startswith("expected <block end>"):
        problem = "this line is not indented like the lines above it"
    elif problem == "mapping values are not allowed here":
        where += "; a ':' inside a value? put the value in quotes"
    elif "python/" in problem or "could not determine a constructor" in problem:
        where += "; tags such as !!python/... are not allowed"
    return f", line {mark.line + 1}: {problem} ({where})"


def unrepresentable(exc: ValueError | RecursionError, source: str) -> IntentError:
    """Say why valid YAML could not be read: a number too long for Python, or nesting too deep."""
    if isinstance(exc, RecursionError):
        what = f"its lists or mappings nest too deeply (over {MAX_FLOW_DEPTH} levels); flatten them"
    elif "digits" in str(exc):
        what = "it holds a number with thousands of digits; write a shorter number (or quote it as text)"
    else:
        what = f"a value cannot be read ({exc})"
    return IntentError(f"{source}: {what}", source=source)


class YamlLines:
    """Find the line of a value in YAML text by its path (a pydantic error location), parsing it once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._root: Any = None
        self._parsed = False
        self._keys: dict[int, dict[str, Any]] = {}

    def _node(self) -> Any:
        if not self._parsed:
            self._parsed = True
            try:
                self._root = yaml.compose(self.text, Loader=_SafeLoader)
            except (yaml.YAMLError, ValueError, RecursionError):
                self._root = None
        return self._root

    def line(self, loc: Sequence[int | str]) -> int | None:
        """Return the 1-based line of the node at *loc*, or of its deepest ancestor found; None if none."""
        node = self._node()
        line = None
        for part in loc:
            if isinstance(node, yaml.MappingNode):
                keys = self._keys.get(id(node))
                if keys is None:
                    keys = self._keys[id(node)] = {}
                    for key, value in node.value:
                        keys.setdefault(str(key.value), value)
                node = keys.get(str(part))
                if node is None:
                    break
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
                node = node.value[part]
            else:
                break
            line = node.start_mark.line + 1
        return line


def yaml_line(text: str, loc: Sequence[int | str]) -> int | None:
    """Return the 1-based line of the YAML node at *loc* in *text* (parses the text; see YamlLines)."""
    return YamlLines(text).line(loc)
