"""What kind of posting this is: a full posting, or a short announcement.

Short announcements are a genre of their own (a Hacker News "who is hiring"
comment, a teaser linking to the full ad, several roles in one post): they name
the role, the place and perhaps the pay, and leave the rest to a link. AD101
(missing sections) stays quiet on them; AD504 says once, at info, that a full
posting describes more; AD109 (opt-in) lists what a reader cannot find.

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

    Short means none of the core sections (responsibilities, requirements,
    benefits) under a heading of its own, and either fewer than ``max_words``
    words (0 turns the genre off), or fewer than twice that and links to job
    ads (a teaser for several roles). A stub with a "Requirements" heading is an incomplete full posting,
    and AD101 says what it lacks.
    """
    if max_words <= 0 or not posting.readable:
        return False
    ids = {s.id for s in posting.sections}
    if ids & CORE_SECTIONS:
        return False
    # A teaser: no duties or requirements of its own, but links to the ads that have them (several roles).
    words = body_words(posting)
    return words < max_words or (words < 2 * max_words and bool(job_links(posting)))


# Words in a URL that make it a link to a job ad or an applicant-tracking system, not a home page.
_JOB_LINK_WORDS = ("job", "career", "apply", "hiring", "position", "vacanc", "recruit", "lever.co", "greenhouse",
                   "ashbyhq", "workable", "workatastartup", "personio", "breezy", "stellen", "emploi", "candidat")


def job_links(posting: Posting) -> list[str]:
    """The posting's links to a job ad or an application page (by the words in the URL), in order.

    Cached on the posting: the genre, AD101 and AD109 all ask.
    """
    key = "adlint.genre.job_links"
    if key not in posting.cache:
        posting.cache[key] = [u for u in links(posting) if any(w in u.lower() for w in _JOB_LINK_WORDS)]
    return posting.cache[key]


#: A plain-text line longer than this is a posting whose line breaks were lost (a board export).
FLATTENED_LINE_CHARS = 1000


def is_flattened(posting: Posting) -> bool:
    """True for a plain-text posting whose line breaks were lost: a line of over 1,000 characters.

    Its headings and list items run together on one line; adlint still finds
    known headings inside it, but where one sentence ends and a list item
    begins cannot be read reliably, so sentence-level findings stay quiet.
    """
    if posting.format != "text":
        return False
    lines = posting.lines
    return any(len(lines.line_text(n)) > FLATTENED_LINE_CHARS for n in range(1, lines.line_count + 1))


def links(posting: Posting) -> list[str]:
    """URLs written in the posting's text, in document order (trailing punctuation left out)."""
    return [m.group(0).rstrip(".,;:") for _, block in posting.blocks() for m in _URL.finditer(block.text)]
