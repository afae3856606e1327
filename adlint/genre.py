"""What kind of posting this is: a full posting, or a short announcement.

Short announcements are a genre of their own (a Hacker News "who is hiring"
comment, a teaser linking to the full ad, several roles in one post): they name
the role, the place and perhaps the pay, and leave the rest to a link. Rules that
expect a full posting (AD101 missing sections, AD504's lower length bound) stay
quiet on them; AD109 says once what a full posting would add.

The threshold comes from the corpus (``docs/short-postings.md``).
"""

from __future__ import annotations

import re

from adlint.posting import Posting

#: Sections of a full posting: a posting with any of them is never a short announcement.
CORE_SECTIONS = frozenset(("responsibilities", "requirements", "benefits"))
#: Default for the ``short-posting-words`` setting.
SHORT_POSTING_WORDS = 250

_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+", re.I)


def body_words(posting: Posting) -> int:
    """Whitespace-separated words in the posting's headings and blocks (metadata not counted)."""
    n = sum(len(b.text.split()) for _, b in posting.blocks())
    return n + sum(len(s.heading.text.split()) for s in posting.sections if s.heading is not None)


def is_short(posting: Posting, max_words: int = SHORT_POSTING_WORDS) -> bool:
    """True when ``posting`` is a short announcement.

    Short means fewer than ``max_words`` words (0 turns the genre off) and none
    of the core sections (responsibilities, requirements, benefits) under a
    heading of its own: a stub with a "Requirements" heading is an incomplete
    full posting, and AD101 says what it lacks.
    """
    if max_words <= 0 or not posting.readable:
        return False
    if {s.id for s in posting.sections} & CORE_SECTIONS:
        return False
    return body_words(posting) < max_words


def links(posting: Posting) -> list[tuple[str, tuple[int, int]]]:
    """URLs written in the posting's text, with their source spans, in document order."""
    out = []
    for _, block in posting.blocks():
        for m in _URL.finditer(block.text):
            out.append((m.group(0).rstrip(".,;:"), block.run.span(m.start(), m.end())))
    return out
