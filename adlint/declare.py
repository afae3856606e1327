"""Where a posting declares its language and country, per format, and the fix that declares a language.

AD401 and AD406 use this to say what to add for *this* file:

=================================  ====================================  ==========================================
format                             language                              country
=================================  ====================================  ==========================================
Markdown                           front-matter key ``language:``        front-matter key ``country:``
YAML                               top-level key ``language:``           top-level key ``country:``
HTML document (``<html>``)         ``<html lang="..">``                  a ``[[metadata]]`` table in the config
JSON-LD                            ``"inLanguage"``                      ``jobLocation.address.addressCountry``
plain text, HTML fragment          a ``[[metadata]]`` table              a ``[[metadata]]`` table
JSON Lines posting record          the record's ``"language"``           the record's ``"country"``
=================================  ====================================  ==========================================

:func:`language_hint` and :func:`country_hint` build that advice, with the
value to write when one is known (``None``: the advice names the kind of code
instead). :func:`language_fix` is the unsafe fix for Markdown: the key added to
the front matter, or a front matter added at the top of the file; its edits
insert only literal text (``language: en``), never advice.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from adlint.diagnostics import Edit, Fix

if TYPE_CHECKING:
    from adlint.metadata import ConfigValues
    from adlint.posting import Posting

_HTML_ELEMENT = re.compile(r"<html[\s>]", re.I)

#: How each key is written in each format's own metadata.
_KEY_WORDS = {"language": ("a BCP 47 tag such as en or fr-CA", "language"),
              "country": ("an ISO 3166-1 alpha-2 code such as DE or GB", "country")}


def is_html_document(posting: "Posting") -> bool:
    """True when an HTML posting has an ``<html>`` element (so ``lang`` has a place), False for a fragment."""
    return posting.format == "html" and _HTML_ELEMENT.search(posting.source) is not None


def _config_table(posting: "Posting", key: str, value: str | None) -> str:
    """Advice to set ``key`` in a ``[[metadata]]`` table of the configuration that applies to ``posting``."""
    from adlint.metadata import CACHE_KEY

    given: ConfigValues | None = posting.cache.get(CACHE_KEY)
    shown = f'{key} = "{value}"' if value else f"{key} = <{_KEY_WORDS[key][0]}>"
    name = given.config_name if given is not None and given.config_name else ".adlint.toml"
    table = "[[tool.adlint.metadata]]" if name == "pyproject.toml" else "[[metadata]]"
    if given is not None and given.table is not None:
        return f"add {shown} to {table} table {given.table} in {name} (it matches this file)"
    # Relative to the configuration file's folder; without one, the file name (a glob without '/' matches
    # it in any folder). Either way the message does not depend on the current folder (baselines match on it).
    if given is not None and given.config_name:
        path = given.rel_path
    else:
        path = posting.path.replace("\\", "/").rsplit("/", 1)[-1]
    return f'add a {table} table to {name} with path = "{path}" and {shown}'


def _where_words(posting: "Posting", key: str, value: str | None) -> str:
    what, word = _KEY_WORDS[key]
    shown = f"'{word}: {value}'" if value else f"'{word}:' with {what}"
    if posting.format == "markdown":
        if has_front_matter(posting):
            return f"add {shown} to the front matter"
        return f"add front matter with {shown} at the top of the file"
    return f"add {shown} at the top level of the YAML"


def has_front_matter(posting: "Posting") -> bool:
    """True when a Markdown posting opens with a ``---`` front-matter fence (as the reader found it)."""
    return posting.front_matter is not None


def _record_field(posting: "Posting", key: str, value: str | None) -> str | None:
    """Advice to add ``key`` to a JSON Lines posting record (``None`` for a file or a JobPosting record)."""
    from adlint.linter import RECORD_KEY

    if posting.cache.get(RECORD_KEY) is None or posting.format == "jsonld":
        return None
    return f'add "{key}": "{value}" to the record' if value else \
        f'add "{key}" with {_KEY_WORDS[key][0]} to the record'


def language_hint(posting: "Posting", value: str | None) -> str:
    """What to add so that ``posting`` declares its language (``value``, e.g. ``"en"``, when known)."""
    record = _record_field(posting, "language", value)
    if record is not None:
        return record
    if posting.format in ("markdown", "yaml"):
        return _where_words(posting, "language", value)
    if posting.format == "jsonld":
        return f'add "inLanguage": "{value}" to the JobPosting' if value else \
            'add "inLanguage" with a BCP 47 tag (such as "en") to the JobPosting'
    if is_html_document(posting):
        return f'add lang="{value}" to the <html> element' if value else \
            'add a lang attribute with a BCP 47 tag (such as lang="en") to the <html> element'
    return f"{_format_name(posting)} has no place for it: " + _config_table(posting, "language", value)


def country_hint(posting: "Posting", value: str | None) -> str:
    """What to add so that ``posting`` declares its country (``value``, e.g. ``"GB"``, when known)."""
    record = _record_field(posting, "country", value)
    if record is not None:
        return record
    if posting.format in ("markdown", "yaml"):
        return _where_words(posting, "country", value)
    if posting.format == "jsonld":
        return (f'add "addressCountry": "{value}" to jobLocation.address' if value else
                'add "addressCountry" with an ISO 3166-1 alpha-2 code (such as "DE") to jobLocation.address')
    lead = "an HTML page has no country attribute" if is_html_document(posting) else \
        f"{_format_name(posting)} has no place for it"
    return f"{lead}: " + _config_table(posting, "country", value)


def _format_name(posting: "Posting") -> str:
    if posting.format == "html":
        return "HTML" if is_html_document(posting) else "an HTML fragment"
    return {"text": "plain text"}.get(posting.format, posting.format)


def _adds_cleanly(yaml_text: str, line: str, key: str, value: str) -> bool:
    """True when ``yaml_text`` + ``line`` parses to the same mapping plus ``key: value``."""
    from adlint.readers.yamlmeta import YamlError, load_plain

    try:
        before = load_plain(yaml_text) if yaml_text.strip() else {}
        after = load_plain(yaml_text + line)
    except YamlError:
        return False
    if not isinstance(before, dict) or not isinstance(after, dict) or key in before:
        return False
    return after == {**before, key: value}


def language_fix(posting: "Posting", value: str) -> Fix | None:
    """An unsafe fix declaring ``value`` (a BCP 47 tag) as a Markdown posting's language, or ``None``.

    With front matter, ``language: <value>`` is added as its last key; without
    one, a front matter holding only that key is added at the top. No fix when
    the posting is not Markdown, when its front matter has a problem (unclosed,
    not a mapping, already a ``language`` key), or when the added line would not
    read back as exactly that key.
    """
    if posting.format != "markdown" or not posting.readable or any(p.kind == "parse" for p in posting.problems):
        return None
    line = f"language: {value}\n"
    if not has_front_matter(posting):
        return Fix((Edit(0, 0, f"---\n{line}---\n\n"),), f"add front matter with 'language: {value}'", "unsafe")
    start, close = posting.front_matter  # type: ignore[misc]
    if close is None:
        return None
    text = posting.source[start:close]
    if text and not text.endswith("\n"):
        return None
    if not _adds_cleanly(text.replace("\r\n", "\n"), line, "language", value):
        return None
    return Fix((Edit(close, close, line),), f"add 'language: {value}' to the front matter", "unsafe")
