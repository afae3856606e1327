"""The language a posting's rule packs are chosen by.

:func:`posting_language` is what language-sensitive rules call: the declared
tag's primary subtag when it is one adlint has packs for, else the language
detected from the text (``adlint.detect``, when available), else ``None``.
The result is cached on the posting.
"""

from __future__ import annotations

from adlint.posting import Posting

#: Languages with rule packs.
SUPPORTED = ("en", "fr", "de", "es")


def primary_subtag(tag: str) -> str:
    """The primary language subtag of ``tag``, lower case (``"fr_CA"`` → ``"fr"``); ``""`` for an empty tag."""
    return tag.strip().replace("_", "-").split("-")[0].lower()


def declared_language(posting: Posting) -> str | None:
    """The primary language subtag declared by the posting or config (lower case), or ``None``."""
    value = posting.meta("language")
    if not isinstance(value, str) or not value.strip():
        return None
    return primary_subtag(value) or None


def posting_language(posting: Posting) -> str | None:
    """The language (``en``, ``fr``, ``de``, ``es``) to check ``posting`` in, or ``None`` when unknown.

    Declared languages win; otherwise the text's detected language, when a
    detector is installed. Cached in ``posting.cache``.
    """
    key = "adlint.language"
    if key in posting.cache:
        return posting.cache[key]
    lang = declared_language(posting)
    if lang not in SUPPORTED:
        detected = detected_language(posting)
        lang = detected if detected in SUPPORTED else None
    posting.cache[key] = lang
    return lang


def detected_language(posting: Posting) -> str | None:
    """The language detected from the posting's text, or ``None`` (no detector, or too little text)."""
    try:
        from adlint import detect  # type: ignore[attr-defined]
    except ImportError:
        return None
    return detect.detect_posting(posting)
