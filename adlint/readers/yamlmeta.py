"""YAML metadata with positions, safe against hostile input.

Front matter and YAML postings are parsed with PyYAML (libyaml when present).
Before composing, the event stream is checked for depth and alias count, so an
alias bomb or 10,000 nested brackets gives a clear problem instead of a
blown-up tree or a crashed interpreter (libyaml's composer recurses in C).
Values are then built from nodes with a budget on the number of nodes visited.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from adlint.posting import MetaField, Problem

try:  # libyaml is an order of magnitude faster; pure Python is the fallback
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader

MAX_DEPTH = 64
MAX_ALIASES = 100
MAX_NODES = 10_000

_COMMENT = re.compile(r"(?:^|(?<=[ \t]))(#)[ \t]*(adlint-[^\r\n]*)", re.M)


class YamlError(Exception):
    """A YAML text that cannot be used; ``line``/``col`` are 1-based within the YAML text."""

    def __init__(self, message: str, line: int = 1, col: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col


def _check_events(text: str, loader: Any = _Loader) -> None:
    """Raise :class:`YamlError` on syntax errors, deep nesting or many aliases.

    Nesting is reported where the 65th level opens, whatever the PyYAML build:
    the libyaml in newer PyYAML wheels (6.0.4 here) scans a whole flow collection
    ahead and stops at its own limit of 1,000 levels, far past where ours is
    passed, so that case is checked again with the lazy pure-Python scanner.
    """
    depth = 0
    aliases = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    m = event.start_mark
                    raise YamlError(f"YAML nested deeper than {MAX_DEPTH} levels", m.line + 1, m.column + 1)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
            elif isinstance(event, yaml.AliasEvent):
                aliases += 1
                if aliases > MAX_ALIASES:
                    m = event.start_mark
                    raise YamlError(f"YAML uses more than {MAX_ALIASES} aliases", m.line + 1, m.column + 1)
    except yaml.MarkedYAMLError as exc:
        if loader is not yaml.SafeLoader and "maximum nesting depth" in str(exc.problem):
            _check_events(text, yaml.SafeLoader)
        mark = exc.problem_mark or exc.context_mark
        msg = " ".join(str(p) for p in (exc.context, exc.problem) if p) or "invalid YAML"
        if mark is not None:
            raise YamlError(msg, mark.line + 1, mark.column + 1) from None
        raise YamlError(msg) from None
    except yaml.YAMLError as exc:
        raise YamlError(str(exc).splitlines()[0] if str(exc) else "invalid YAML") from None


def compose(text: str) -> yaml.Node | None:
    """Compose ``text`` into a PyYAML node tree after the safety checks.

    Returns ``None`` for an empty document. Raises :class:`YamlError`.
    """
    _check_events(text)
    try:
        return yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:  # e.g. several documents
        mark = exc.problem_mark
        msg = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        raise YamlError(msg or "invalid YAML", mark.line + 1 if mark else 1, mark.column + 1 if mark else 1) from None
    except yaml.YAMLError as exc:
        raise YamlError(str(exc).splitlines()[0]) from None


class _Builder:
    """Builds plain values from nodes with a node budget (aliases count each time)."""

    def __init__(self) -> None:
        self.loader = _Loader("")
        self.budget = MAX_NODES

    def value(self, node: yaml.Node) -> Any:
        self.budget -= 1
        if self.budget < 0:
            m = node.start_mark
            raise YamlError(f"YAML expands to more than {MAX_NODES} values (alias bomb?)", m.line + 1, m.column + 1)
        if isinstance(node, yaml.ScalarNode):
            try:
                return self.loader.construct_object(node, deep=True)
            except Exception:  # bad timestamp, unknown tag...: keep the text
                return node.value
        if isinstance(node, yaml.SequenceNode):
            return [self.value(n) for n in node.value]
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for k, v in node.value:
                key = self.value(k)
                try:
                    hash(key)
                except TypeError:
                    key = str(key)
                out[key] = self.value(v)
            return out
        return None  # pragma: no cover


def load_plain(text: str) -> Any:
    """The plain Python value of YAML ``text`` (``None`` when empty), after the safety checks and with the node budget.

    Raises :class:`YamlError`.
    """
    node = compose(text)
    return None if node is None else _Builder().value(node)


def mapping_fields(node: yaml.Node, offset: int, origin: str) -> dict[str, MetaField]:
    """Turn a top-level mapping node into :class:`MetaField` values by key.

    ``offset`` is the source offset of the YAML text's first character, so
    spans point into the file. Raises :class:`YamlError` when ``node`` is not a
    mapping, or when a value expands past the node budget (at that value's position).
    """
    if not isinstance(node, yaml.MappingNode):
        kind = "a list" if isinstance(node, yaml.SequenceNode) else "a single value"
        m = node.start_mark
        raise YamlError(f"front matter must be a mapping of keys to values, not {kind}", m.line + 1, m.column + 1)
    builder = _Builder()
    fields: dict[str, MetaField] = {}
    for knode, vnode in node.value:
        key = str(builder.value(knode))
        try:
            value = builder.value(vnode)
        except YamlError as exc:  # over budget: point at the value that expands, not at a shared node
            m = vnode.start_mark
            raise YamlError(f"'{key}': {exc.message}", m.line + 1, m.column + 1) from None
        fields[key] = MetaField(
            key=key,
            value=value,
            span=(offset + vnode.start_mark.index, offset + vnode.end_mark.index),
            key_span=(offset + knode.start_mark.index, offset + knode.end_mark.index),
            origin=origin,
        )
    return fields


def directive_comments(text: str, offset: int) -> list[tuple[str, int, int]]:
    """Find ``# adlint-…`` comments in YAML text.

    Returns ``(body, start, end)`` with source offsets. A ``#`` counts only at the
    start of a line or after white space, as YAML itself requires.
    """
    return [(m.group(2).strip(), offset + m.start(1), offset + m.end(2)) for m in _COMMENT.finditer(text)]


def problem(exc: YamlError, first_line: int, what: str) -> Problem:
    """A ``parse`` :class:`Problem` for ``exc``, moved to file lines (``first_line`` is the YAML's first file line)."""
    line = first_line + exc.line - 1
    return Problem("parse", f"{what}: {exc.message}", line, exc.col)
