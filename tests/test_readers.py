"""Position exactness: every plain-text word maps back to exactly its source text and line:col.

For each format a word is looked up in the plain text of a heading or block,
its :class:`~adlint.posting.TextRun` span is mapped to the source, and the test
asserts ``posting.source[a:b] == word`` and the 1-based ``line:col`` (code
points) of its first character. Words are chosen right after the hard cases:
entities, JSON escapes, astral characters, inline markup, wrapped lines, BOMs
and CRLF line endings.
"""

from __future__ import annotations

import codecs
import json
import time
from pathlib import Path

import pytest

from adlint.cli import main
from adlint.positions import TextMap
from adlint.posting import Posting, TextRun
from adlint.readers import read
from tests.conftest import corpus_or_skip, locate, text_runs


def runs(posting: Posting) -> list[TextRun]:
    """Title, headings and blocks of ``posting``, in document order."""
    return text_runs(posting)


def check(posting: Posting, word: str, line: int, col: int, nth: int = 0) -> None:
    """``word`` maps back to itself in the source, starting at ``line:col`` and ending on the same line."""
    src, start, end = locate(posting, word, nth)
    assert src == word
    assert start == (line, col)
    assert end == (line, col + len(word))


# -- Markdown with front matter -------------------------------------------------------------------

MARKDOWN = """\
---
title: Data engineer
language: en
---

# Data engineer

## Your responsibilities

- Build **reliable** pipelines for `hiring` teams
- Review code with *care* and [docs](https://example.org/docs)
  - Nested item about Zürich offices
1. Tom &amp; Jerry ship features
2. Café résumé 🚀 Launch day

A paragraph that wraps
onto a second line with **Berlin** in it.
> Quoted words stay exact

R&eacute;tablir la cr&#232;me &copy; today
"""

MARKDOWN_WORDS = [
    ("Data engineer", 2, 8),  # the posting title is the front-matter value
    ("responsibilities", 8, 9),
    ("reliable", 10, 11),
    ("pipelines", 10, 22),
    ("hiring", 10, 37),
    ("care", 11, 21),
    ("docs", 11, 32),
    ("Zürich", 12, 23),
    ("Jerry", 13, 14),
    ("ship", 13, 20),
    ("résumé", 14, 9),
    ("Launch", 14, 18),
    ("wraps", 16, 18),
    ("Berlin", 17, 27),
    ("Quoted", 18, 3),
    ("tablir", 20, 10),   # the rest of a word after an entity
    ("today", 20, 38),
]


@pytest.mark.parametrize("encode", [
    pytest.param(lambda s: s.encode("utf-8"), id="utf-8"),
    pytest.param(lambda s: codecs.BOM_UTF8 + s.encode("utf-8"), id="utf-8-bom"),
    pytest.param(lambda s: s.replace("\n", "\r\n").encode("utf-8"), id="crlf"),
    pytest.param(lambda s: s.replace("\n", "\r").encode("utf-8"), id="cr-only"),
    pytest.param(lambda s: s.encode("utf-16"), id="utf-16"),
])
def test_markdown_positions(encode) -> None:
    posting = read("posting.md", encode(MARKDOWN))
    assert posting.problems == []
    for word, line, col in MARKDOWN_WORDS:
        check(posting, word, line, col)
    title = posting.metadata["title"]
    assert posting.source[title.span[0]:title.span[1]] == "Data engineer"
    assert posting.position(title.span[0]) == (2, 8)
    lang = posting.metadata["language"]
    assert posting.source[lang.span[0]:lang.span[1]] == "en" and posting.position(lang.span[0]) == (3, 11)


def test_markdown_entity_maps_to_the_whole_entity() -> None:
    posting = read("posting.md", MARKDOWN.encode())
    src, start, _ = locate(posting, "&")
    assert src == "&amp;" and start == (13, 8)
    assert locate(posting, "Rétablir")[0:2] == ("R&eacute;tablir", (20, 1))
    assert locate(posting, "crème")[0] == "cr&#232;me"
    assert locate(posting, "©")[0] == "&copy;"


def test_markdown_structure() -> None:
    posting = read("posting.md", MARKDOWN.encode())
    assert posting.title is not None and posting.title.text == "Data engineer"
    section = posting.sections[1]
    assert section.title == "Your responsibilities"
    assert [b.text for b in section.items][:2] == [
        "Build reliable pipelines for hiring teams", "Review code with care and docs"]


# -- plain text --------------------------------------------------------------------------------

TEXT = """\
Senior Developer (m/w/d)

Aufgaben:
- Entwicklung von APIs für Kunden
  • Betreuung der Datenbanken
\t3) Tabs before numbers
Your profile:
Five years of Python are welcome,
and some Go experience as well.
🚀 Launch parties in Köln
"""


@pytest.mark.parametrize("encode", [
    pytest.param(lambda s: s.encode("utf-8"), id="utf-8"),
    pytest.param(lambda s: codecs.BOM_UTF8 + s.replace("\n", "\r\n").encode("utf-8"), id="bom-crlf"),
    pytest.param(lambda s: s.replace("\n", "\r").encode("utf-8"), id="cr-only"),
])
def test_text_positions(encode) -> None:
    posting = read("posting.txt", encode(TEXT))
    for word, line, col in [
        ("Aufgaben", 3, 1),
        ("APIs", 4, 19),
        ("Kunden", 4, 28),
        ("Betreuung", 5, 5),
        ("Tabs", 6, 5),
        ("Python", 8, 15),
        ("Go", 9, 10),
        ("Launch", 10, 3),   # after an astral emoji: one column, not two
        ("Köln", 10, 21),
    ]:
        check(posting, word, line, col)


def test_text_sections() -> None:
    posting = read("posting.txt", TEXT.encode())
    # The heading run keeps the text as written; the title used in messages drops the colon.
    assert [s.heading.text for s in posting.sections if s.heading] == ["Aufgaben:", "Your profile:"]
    assert [s.title for s in posting.sections if s.heading] == ["Aufgaben", "Your profile"]


# -- HTML -------------------------------------------------------------------------------------

HTML = """\
<html lang="de"><body>
<h2>Your&nbsp;tasks</h2>
<p>Fish &amp; chips &#x26; more&nbsp;words, caf&eacute; cr&#232;me: Zürich</p>
<ul>
  <li>Build   <b>fast</b>
      APIs &lt;today&gt;</li>
  <li>🚀 Launch &#128640; rockets</li>
</ul>
<p><strong>Benefits</strong></p>
</body></html>
"""


@pytest.mark.parametrize("encode", [
    pytest.param(lambda s: s.encode("utf-8"), id="utf-8"),
    pytest.param(lambda s: codecs.BOM_UTF8 + s.replace("\n", "\r\n").encode("utf-8"), id="bom-crlf"),
])
def test_html_positions(encode) -> None:
    posting = read("posting.html", encode(HTML))
    for word, line, col in [
        ("tasks", 2, 15),
        ("Fish", 3, 4),
        ("chips", 3, 15),
        ("more", 3, 28),
        ("words", 3, 38),
        ("Zürich", 3, 69),
        ("Build", 5, 7),
        ("fast", 5, 18),
        ("APIs", 6, 7),
        ("today", 6, 16),
        ("Launch", 7, 9),
        ("rockets", 7, 26),
        ("Benefits", 9, 12),
    ]:
        check(posting, word, line, col)
    lang = posting.metadata["language"]
    assert posting.source[lang.span[0]:lang.span[1]] == "de" and posting.position(lang.span[0]) == (1, 13)


def test_html_entities_map_to_the_whole_reference() -> None:
    posting = read("posting.html", HTML.encode())
    assert locate(posting, "&")[0] == "&amp;"
    assert locate(posting, "&", 1)[0] == "&#x26;"
    assert locate(posting, "café")[0] == "caf&eacute;"
    assert locate(posting, "crème")[0] == "cr&#232;me"
    src, start, end = locate(posting, "<today>")
    assert src == "&lt;today&gt;" and start == (6, 12) and end == (6, 25)


def test_html_text_is_collapsed_like_a_browser() -> None:
    posting = read("posting.html", HTML.encode())
    items = [b.text for b in posting.sections[1].items]
    assert items == ["Build fast APIs <today>", "🚀 Launch 🚀 rockets"]


# -- JSON-LD --------------------------------------------------------------------------------------

JSONLD = r"""{
  "@context": "https://schema.org",
  "@type": "JobPosting",
  "title": "Backend \"core\" engineer",
  "description": "<h2>Responsibilities</h2>\n<ul><li>Build \"fast\" APIs for caf\u00e9 owners</li>\n<li>\ud83d\ude80 Launch rockets &amp; satellites</li></ul>\n<p>Tab\tseparated\\path words</p>"
}
"""


@pytest.mark.parametrize("encode", [
    pytest.param(lambda s: s.encode("utf-8"), id="utf-8"),
    pytest.param(lambda s: s.replace("\n", "\r\n").encode("utf-8"), id="crlf"),
])
def test_jsonld_positions(encode) -> None:
    posting = read("posting.jsonld", encode(JSONLD))
    assert posting.problems == []
    for word, line, col in [
        ("Backend", 4, 13),
        ("core", 4, 23),
        ("Responsibilities", 5, 23),
        ("Build", 5, 54),         # after the \n escape
        ("fast", 5, 62),          # after \"
        ("APIs", 5, 69),
        ("owners", 5, 88),        # after \u00e9
        ("Launch", 5, 118),       # after \ud83d\ude80: twelve source characters for one emoji
        ("rockets", 5, 125),
        ("satellites", 5, 139),   # after &amp; inside the JSON string
        ("separated", 5, 169),    # after the \t escape
        ("path", 5, 180),         # after the \\ escape
    ]:
        check(posting, word, line, col)
    src, _, _ = locate(posting, "café")
    assert src == "caf\\u00e9"
    src, _, _ = locate(posting, "🚀")
    assert src == "\\ud83d\\ude80"
    title = posting.metadata["title"]
    assert posting.meta("title") == 'Backend "core" engineer'
    assert posting.source[title.span[0]:title.span[1]] == 'Backend \\"core\\" engineer'


def test_jsonld_embedded_in_html() -> None:
    html = ('<p>Intro</p>\n<script type="application/ld+json">\n'
            + json.dumps({"@type": "JobPosting", "title": "Dev", "inLanguage": "fr"})
            + "\n</script>\n")
    posting = read("posting.html", html.encode())
    lang = posting.metadata["language"]
    assert posting.source[lang.span[0]:lang.span[1]] == "fr"
    assert posting.position(lang.span[0]) == (3, 56)


# -- YAML posting ---------------------------------------------------------------------------------

def test_yaml_posting_positions() -> None:
    src = ("title: Dev\nlanguage: de\ndescription: |\n  ## Aufgaben\n\n  - Kunden **beraten** in Köln\n"
           "  - Angebote schreiben\n")
    posting = read("posting.yaml", src.encode())
    assert posting.problems == []
    check(posting, "Aufgaben", 4, 6)
    check(posting, "beraten", 6, 14)
    check(posting, "Köln", 6, 27)
    check(posting, "Angebote", 7, 5)


# -- TextMap --------------------------------------------------------------------------------------

def test_textmap_builds_in_linear_time() -> None:
    # 300,000 pieces, 3 MB of text: appending to one growing string would copy it every time.
    t0 = time.perf_counter()
    tm = TextMap()
    for i in range(300_000):
        tm.add("word é ", 2 * i * 8, 2 * i * 8 + 7)
        tm.add("\u00e9", 2 * i * 8 + 7, 2 * i * 8 + 13)
    assert len(tm.text) == 300_000 * 8
    assert time.perf_counter() - t0 < 10
    assert tm.span(8, 12) == (16, 20)
    assert tm.span(7, 8) == (7, 13)


def test_textmap_merges_contiguous_literal_pieces_without_changing_the_map() -> None:
    tm = TextMap()
    tm.add("ab", 10, 12)
    tm.add("cd", 12, 14)
    tm.add("é", 14, 20)  # an escape: not literal
    tm.add("ef", 20, 22)
    assert tm.text == "abcdéef"
    assert [tm.source(i) for i in range(8)] == [10, 11, 12, 13, 14, 20, 21, 22]
    assert tm.span(1, 3) == (11, 13) and tm.span(4, 5) == (14, 20) and tm.span(2, 4) == (12, 14)
    assert len(list(tm.pieces())) == 3


# -- the seed posting through `adlint inspect` ----------------------------------------------------

def test_seed_sections_in_inspect(capsys) -> None:
    corpus = corpus_or_skip()
    seeds = sorted((corpus / "seed").glob("*.txt"))
    assert seeds, "no seed posting"
    assert main(["inspect", str(seeds[0])]) == 0
    data = json.loads(capsys.readouterr().out)
    got = [(s["id"], s["heading"]["text"], s["heading"]["start"]) for s in data["sections"] if s["heading"]]
    assert got == [
        ("responsibilities", "Job Responsibility:", [3, 1]),
        ("requirements", "Requirements:", [12, 1]),
        ("nice_to_have", "Nice to have:", [20, 1]),
        ("benefits", "What we offer:", [23, 1]),
    ]
    lines = Path(seeds[0]).read_text(encoding="utf-8").splitlines()
    for s in data["sections"]:
        for b in s["blocks"]:
            (l0, c0), (l1, c1) = b["start"], b["end"]
            if l0 == l1:  # single-line blocks stand verbatim in the file
                assert lines[l0 - 1][c0 - 1:c1 - 1] == b["text"]
