"""The rule registry: every :class:`~adlint.rule.Rule` subclass under ``adlint/checks/``.

Modules are found with :mod:`pkgutil`, so adding a rule means adding a class,
nothing else. Selectors (codes, prefixes, names, ``ALL``) resolve here.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from adlint.rule import Rule


@lru_cache(maxsize=1)
def all_rules() -> dict[str, type[Rule]]:
    """Every rule class by code, sorted by code."""
    import adlint.checks as pkg

    found: dict[str, type[Rule]] = {}
    for info in pkgutil.iter_modules(pkg.__path__):
        module = importlib.import_module(f"{pkg.__name__}.{info.name}")
        for obj in vars(module).values():
            if isinstance(obj, type) and issubclass(obj, Rule) and obj is not Rule and getattr(obj, "code", None):
                if obj.code in found and found[obj.code] is not obj:
                    raise RuntimeError(f"duplicate rule code {obj.code}: {found[obj.code].__name__} and {obj.__name__}")
                found[obj.code] = obj
    return dict(sorted(found.items()))


@lru_cache(maxsize=1)
def by_name() -> dict[str, type[Rule]]:
    """Every rule class by kebab-case name."""
    return {r.name: r for r in all_rules().values()}


def lookup(code_or_name: str) -> type[Rule] | None:
    """The rule with this code (any case) or name, or ``None``."""
    key = code_or_name.strip()
    return all_rules().get(key.upper()) or by_name().get(key.lower())


def resolve(selector: str) -> set[str]:
    """Codes matched by a selector: ``ALL``, a code, a code prefix (``AD3``, ``AD30``) or a name.

    Raises ``ValueError`` for a selector that matches no rule.
    """
    s = selector.strip()
    if s.upper() == "ALL":
        return set(all_rules())
    rule = by_name().get(s.lower())
    if rule is not None:
        return {rule.code}
    up = s.upper()
    codes = {c for c in all_rules() if c.startswith(up)}
    if not codes or not up.startswith("AD"):
        raise ValueError(f"unknown rule selector {selector!r}")
    return codes


def is_selector(selector: str) -> bool:
    """True when :func:`resolve` would accept ``selector``."""
    try:
        resolve(selector)
        return True
    except ValueError:
        return False
