"""adlint: a linter for job postings.

Kept tiny on purpose: importing :mod:`adlint` must cost nothing, because a
pre-commit hook pays the start-up time on every commit. The Python API
(:mod:`adlint.api`) is reachable from here, imported on first use::

    import adlint

    config = adlint.load_config()
    findings = adlint.lint_text(text, format="html", config=config)
    findings = adlint.lint_record({"id": "job-42", "format": "markdown", "content": text}, config=config)

Names: ``lint_text``, ``lint_record``, ``lint_records``, ``read_records``,
``finding_row``, ``load_config``, ``Config``, ``ConfigError``, ``Finding`` (=
``Diagnostic``), ``Severity``, ``Record``, ``RuleCrash``.
"""

__version__ = "0.1.0"

#: Public name → (module, attribute), imported when first used.
_LAZY = {
    "lint_text": ("adlint.api", "lint_text"),
    "lint_record": ("adlint.api", "lint_record"),
    "lint_records": ("adlint.api", "lint_records"),
    "read_records": ("adlint.api", "read_records"),
    "finding_row": ("adlint.api", "finding_row"),
    "load_config": ("adlint.api", "load_config"),
    "RuleCrash": ("adlint.api", "RuleCrash"),
    "Config": ("adlint.config", "Config"),
    "ConfigError": ("adlint.config", "ConfigError"),
    "Finding": ("adlint.diagnostics", "Diagnostic"),
    "Diagnostic": ("adlint.diagnostics", "Diagnostic"),
    "Severity": ("adlint.diagnostics", "Severity"),
    "Record": ("adlint.records", "Record"),
}

__all__ = ["__version__", *_LAZY]


def __getattr__(name: str):  # PEP 562: the API is imported on first use, not with the package
    try:
        module, attr = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'adlint' has no attribute {name!r}") from None
    import importlib

    value = getattr(importlib.import_module(module), attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])
