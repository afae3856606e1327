"""The Markdown reader keeps exact positions.

Tricky snippets (front matter, nested lists, emphasis, entities, inline HTML,
CRLF, tabs, setext headings, code spans, links) must give the right text with
each word at its ``line:col`` in the source.
"""

from __future__ import annotations

import pytest

from adlint.linter import lint_text
from adlint.posting import Posting
from adlint.readers import markdown
from tests.conftest import locate


@pytest.fixture
def parser() -> None:
    """The reader has one parser (markdown-it-py); kept as a fixture so each test names what it reads with."""
    return None


def read(source: str, parser: None = None) -> Posting:
    posting = Posting(path="posting.md", format="markdown", source=source)
    markdown.read_markdown(posting)
    return posting


def at(posting: Posting, word: str, nth: int = 0) -> tuple[str, tuple[int, int], tuple[int, int]]:
    """Source text, start and end ``(line, col)`` of the ``nth`` ``word`` in the title, visible title, headings
    and blocks."""
    return locate(posting, word, nth, visible_title=True)


def test_front_matter_title_and_strong(parser) -> None:
    p = read("---\ntitle: Backend Developer\n---\n# Senior Dev\n\nWe build **things** that\nlast.\n", parser)
    assert p.title.text == "Backend Developer" and p.visible_title.text == "Senior Dev"
    assert at(p, "Senior Dev") == ("Senior Dev", (4, 3), (4, 13))
    assert at(p, "things") == ("things", (6, 12), (6, 18))
    assert at(p, "last") == ("last", (7, 1), (7, 5))
    assert p.sections[0].blocks[0].text == "We build things that\nlast."


def test_nested_lists_and_a_further_paragraph(parser) -> None:
    p = read("Intro\n\n- one\n  - two *em*\n    1. three\n       wrapped\n- four\n\n  para of four\n", parser)
    blocks = p.sections[0].blocks
    assert [(b.kind, b.marker, b.depth, b.text) for b in blocks] == [
        ("paragraph", None, 0, "Intro"),
        ("item", "-", 0, "one"),
        ("item", "-", 1, "two em"),
        ("item", "1.", 2, "three\nwrapped"),
        ("item", "-", 0, "four\npara of four"),
    ]
    assert at(p, "em") == ("em", (4, 10), (4, 12))
    assert at(p, "three") == ("three", (5, 8), (5, 13))
    assert at(p, "wrapped") == ("wrapped", (6, 8), (6, 15))
    assert at(p, "para of four") == ("para of four", (9, 3), (9, 15))


def test_bold_paragraph_is_a_heading_candidate(parser) -> None:
    p = read("**Profil recherché**\n\n- Python\n", parser)
    assert p.sections[1].heading.text == "Profil recherché" and p.sections[1].promoted
    assert at(p, "recherché") == ("recherché", (1, 10), (1, 19))
    assert read("**Profil** recherché\n", parser).sections[0].blocks  # not all strong: a paragraph


def test_entities_map_to_the_whole_reference(parser) -> None:
    p = read("Caf&eacute; &amp; cr&egrave;me, &#233;t&#xE9;&nbsp;!\n", parser)
    assert p.sections[0].blocks[0].text == "Café & crème, été\xa0!"
    assert at(p, "Café") == ("Caf&eacute;", (1, 1), (1, 12))
    assert at(p, "&") == ("&amp;", (1, 13), (1, 18))
    assert at(p, "crème") == ("cr&egrave;me", (1, 19), (1, 31))
    assert at(p, "été") == ("&#233;t&#xE9;", (1, 33), (1, 46))
    assert at(p, "!") == ("!", (1, 52), (1, 53))


def test_inline_html_and_comments(parser) -> None:
    p = read("Hello <b>bold</b> <!-- adlint: ignore AD101 --> world\n\n<div>\n<!-- block -->\n</div>\n", parser)
    assert p.sections[0].blocks[0].text == "Hello bold  world"
    assert at(p, "bold") == ("bold", (1, 10), (1, 14))
    assert at(p, "world") == ("world", (1, 49), (1, 54))
    assert [(c.text, p.position(c.start), p.position(c.end)) for c in p.comments] == [
        ("adlint: ignore AD101", (1, 19), (1, 48)), ("block", (4, 1), (4, 15))]


def test_crlf_line_endings(parser) -> None:
    p = read("# Title\r\n\r\n## Profile\r\n\r\nLine one\r\nline two  \r\nline three\r\n\r\n- item\r\n  cont\r\n", parser)
    assert p.title.text == "Title"
    assert at(p, "Profile") == ("Profile", (3, 4), (3, 11))
    assert p.sections[1].blocks[0].text == "Line one\nline two\nline three"
    assert at(p, "two") == ("two", (6, 6), (6, 9))
    assert at(p, "three") == ("three", (7, 6), (7, 11))
    assert at(p, "cont") == ("cont", (10, 3), (10, 7))


def test_tabs(parser) -> None:
    p = read("- a\n\n\tb tab\n-\tc\n\n1.\td\n\npara\n\tcontinued\n", parser)
    assert [b.text for b in p.sections[0].blocks] == ["a\nb tab", "c", "d", "para\ncontinued"]
    assert at(p, "b tab") == ("b tab", (3, 2), (3, 7))
    assert at(p, "c") == ("c", (4, 3), (4, 4))
    assert at(p, "d") == ("d", (6, 4), (6, 5))
    assert at(p, "continued") == ("continued", (9, 2), (9, 11))


def test_setext_headings(parser) -> None:
    p = read("Heading\n===\n\nSub heading\n---\ntext\n", parser)
    assert p.title.text == "Heading" and p.title.span() == (0, 7)
    assert (p.sections[1].level, p.sections[1].heading.text) == (2, "Sub heading")
    assert at(p, "heading") == ("heading", (4, 5), (4, 12))
    assert at(p, "text") == ("text", (6, 1), (6, 5))


def test_code_spans(parser) -> None:
    p = read("Use `foo()` and ``a ` b`` and `multi\nline` code `  `.\n", parser)
    assert p.sections[0].blocks[0].text == "Use foo() and a ` b and multi line code   ."
    assert at(p, "foo()") == ("foo()", (1, 6), (1, 11))
    assert at(p, "a ` b") == ("a ` b", (1, 19), (1, 24))
    assert at(p, "multi") == ("multi", (1, 32), (1, 37))
    assert at(p, "line") == ("line", (2, 1), (2, 5))
    assert at(p, "code") == ("code", (2, 7), (2, 11))


def test_text_after_a_link_is_not_found_in_its_destination(parser) -> None:
    # The reader before issue 12 mapped the first "." to the one in "a.b", and "Then" into the title.
    p = read('See [docs](http://x.y/a.b).\nThen [ref](<http://r.s> "Then, ref").\nAnd <http://a.b/c>.\n', parser)
    assert p.sections[0].blocks[0].text == "See docs.\nThen ref.\nAnd http://a.b/c."
    assert at(p, ".") == (".", (1, 27), (1, 28))
    assert at(p, "Then") == ("Then", (2, 1), (2, 5))
    assert at(p, "ref.") == ("ref](<http://r.s> \"Then, ref\").", (2, 7), (2, 38))
    assert at(p, "http://a.b/c.") == ("http://a.b/c>.", (3, 6), (3, 20))


def test_entity_after_markup(parser) -> None:
    p = read("à **tous**&nbsp;; ([ici](https://x.fr/a;b))&nbsp;;\n", parser)
    assert p.sections[0].blocks[0].text == "à tous\xa0; (ici)\xa0;"
    assert at(p, "\xa0", 0) == ("&nbsp;", (1, 11), (1, 17))
    assert at(p, ";", 0) == (";", (1, 17), (1, 18))
    assert at(p, ")") == (")", (1, 43), (1, 44))
    assert at(p, "\xa0", 1) == ("&nbsp;", (1, 44), (1, 50))


def test_escapes(parser) -> None:
    p = read("a \\*not em\\* and C:\\ dir \\\\ end\n", parser)
    assert p.sections[0].blocks[0].text == "a *not em* and C:\\ dir \\ end"
    assert at(p, "*not em*") == ("*not em\\*", (1, 4), (1, 13))  # "\\*" is its "*"
    assert at(p, "C:\\") == ("C:\\", (1, 18), (1, 21))
    assert at(p, "\\ end") == ("\\ end", (1, 27), (1, 32))  # the escaped backslash is the second one


def test_list_item_styled_as_a_heading_stays_an_item(parser) -> None:
    p = read("* ###### Widget development\n* Testing\n", parser)
    assert [(b.kind, b.text) for b in p.sections[0].blocks] == [("item", "Widget development"), ("item", "Testing")]
    assert at(p, "Widget") == ("Widget", (1, 10), (1, 16))


def test_unicode_spaces_are_stripped_at_block_ends(parser) -> None:
    p = read("Texte\u00a0\n\n\u2003Début\u3000\n", parser)
    assert [b.text for b in p.sections[0].blocks] == ["Texte", "Début"]
    assert at(p, "Début") == ("Début", (3, 2), (3, 7))


def test_emoji_next_to_emphasis_reads_as_commonmark_0_31(parser) -> None:
    from markdown_it import __version__

    if int(__version__.split(".")[0]) < 4:  # markdown-it-py reads these with either parser
        pytest.skip("markdown-it-py before 4 follows CommonMark 0.30")
    p = read("### **😎**Attentes\n\n**Bold** 😎\n", parser)
    assert p.sections[1].heading.text == "**😎**Attentes"  # the closing "**" cannot close: no strong
    assert at(p, "Attentes") == ("Attentes", (1, 10), (1, 18))
    assert at(p, "Bold") == ("Bold", (3, 3), (3, 7))
    assert at(p, "😎", 1) == ("😎", (3, 10), (3, 11))


def test_bracket_and_backtick_read_without_a_crash(parser) -> None:
    p = read("See [the `docs and more\n", parser)
    assert p.sections[0].blocks[0].text == "See [the `docs and more"
    assert at(p, "docs") == ("docs", (1, 11), (1, 15))


def test_lint_text_positions_with_crlf_and_entities(parser) -> None:
    diags = lint_text("# Developer\r\n\r\nCaf&eacute; team: we&nbsp;want a **rockstar**&nbsp;ninja.\r\n").diagnostics
    found = [(d.code, d.line, d.col, d.end_col) for d in diags if d.code == "AD312"]
    assert found == [("AD312", 3, 36, 44), ("AD312", 3, 52, 57)]
