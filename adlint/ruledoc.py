"""Rule documentation for ``adlint rule`` and ``adlint rules``: built from the rule classes
(:func:`rule_json`, when :mod:`adlint.rule_docs` is generated) and rendered from that shape (:func:`rule_text`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from adlint.rule import Rule


def shown(text: str) -> str:
    """``text`` safe to print: each undecodable byte kept as a lone surrogate (``surrogateescape``,
    as in AD001's example) becomes a visible ``\\xNN`` escape; other text is unchanged."""
    return "".join(f"\\x{ord(ch) - 0xDC00:02x}" if 0xDC80 <= ord(ch) <= 0xDCFF else ch for ch in text)


def _options(rule: type[Rule]) -> list[dict[str, Any]]:
    out = []
    for name, f in rule.Options.model_fields.items():
        out.append({"name": name.replace("_", "-"), "default": f.default if f.default_factory is None else f.default_factory(),
                    "description": f.description or ""})
    return out


def rule_json(rule: type[Rule]) -> dict[str, Any]:
    """A JSON-ready description of a rule (code, name, severity, docs, options).

    The examples are shown as by :func:`shown` (undecodable bytes as ``\\xNN``).
    """
    return {
        "code": rule.code, "name": rule.name, "severity": str(rule.severity),
        "default_enabled": rule.default_enabled, "fixable": rule.fixable,
        "summary": rule.summary, "why": rule.why, "source": rule.source,
        "example": shown(rule.example_fires), "use_instead": shown(rule.example_passes), "example_format": rule.example_format,
        "options": _options(rule),
    }


def rule_text(rule: "type[Rule] | dict[str, Any]") -> str:
    """The rule's documentation as Markdown, in ruff's "why / example / use instead" shape.

    ``rule`` is a rule class or its :func:`rule_json` dict (as in :mod:`adlint.rule_docs`).
    """
    d = rule if isinstance(rule, dict) else rule_json(rule)
    fence = {"markdown": "markdown", "html": "html", "jsonld": "json", "text": "text"}.get(d["example_format"], "")
    lines = [
        f"# {d['name']} ({d['code']})", "",
        f"Default severity: {d['severity']}" + ("" if d["default_enabled"] else " (off by default; select it to enable)")
        + (f". Fix: {d['fixable']}." if d["fixable"] else "."), "",
        "## What it does", d["summary"], "",
        "## Why is this bad?", d["why"], "",
        "## Example", f"```{fence}", d["example"].rstrip("\n"), "```", "",
        "## Use instead", f"```{fence}", d["use_instead"].rstrip("\n"), "```", "",
    ]
    opts = d["options"]
    if opts:
        lines.append("## Options")
        for o in opts:
            lines.append(f"- `{o['name']}` (default `{o['default']}`): {o['description']}")
        lines.append("")
    lines += ["## Source", d["source"], ""]
    return "\n".join(lines)
