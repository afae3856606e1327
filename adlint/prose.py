"""What is a sentence and what is prose: the units the readability rules (AD501–AD504) count.

A posting's text is cut into units, each one of:

* ``"paragraph"``: a sentence of running text (it ends at ``.``, ``!``, ``?``);
* ``"item"``: a list item, also one found inside a paragraph: a line of a block
  whose lines carry no full stops, a piece of a list flattened onto one line
  (items separated by ``•``, ``·``, or by `` - ``, `` * ``, `` – `` in a run,
  or by ``|``), or a fragment of a run of capitalised fragments
  (``... for mobile devices Ensuring your code is reusable ...``);
* ``"heading"``: a section heading, also one left inside flattened text
  (``Requirements You'll be ...``, ``What you'll be up to: Using ...``);
* ``"nav"``: navigation and board boilerplate scraped with a posting (menus,
  ``Apply now | Share | Save``, ``Find more jobs on <board>``, cookie notices).

Nav units are counted nowhere. Every other unit is one sentence for the
averages (AD501, AD502, AD503) and the word total (AD504); a heading is never
part of a sentence. (AD505 measures whole blocks, as a reader sees them.)

All offsets are 0-based character offsets into a block's (or heading's) text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator

from adlint import textstats
from adlint.textstats import Sentence

if TYPE_CHECKING:
    from adlint.posting import Posting

#: Terminal punctuation (with closing quotes or brackets) at the end of a line or unit.
_TERMINAL = re.compile(r"[.!?…][\"'”’»)\]]*$")
#: Inline separators that make a list only when they come in a run (see :func:`_separator_cuts`).
_RUN_SEPARATORS = (" - ", " * ", " – ", " · ", " ・")
#: Separators that are bullet glyphs, not dashes: one is enough to make a list.
_GLYPHS = (" · ", " ・")
_PIPE = re.compile(r"\s*[|¦]\s*")
#: A colon followed by a capitalised word: a label or a list intro ("What you'll do: Build ...").
_COLON_CAP = re.compile(r"[:：]\s+(?=[\"'“(]?[A-ZÀ-ÖØ-Þ$€£・·])")
_TOKEN = re.compile(r"\S+")
#: A token of pictographs only (emoji used as bullets: "📈 We've grown ...").
_EMOJI = re.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D]+")
_STRIP = "\"'“”‘’«»()[]{}*,;:.!?…"

#: Lower-case words after which a capitalised word is a name, not a new item ("with Python", "the Team").
_GLUE = {
    "en": frozenset("""a an the of in on at to for with by from and or nor & as like via into onto about across over
        under per than including include includes included such our your their its his her my we you they is are be
        was were been will would can could should may might must has have had do does using use uses used know knows
        speak speaks fluent native at e.g. i.e. vs and/or both either between among within without named called
        join joining visit see contact email call""".split()),
    "fr": frozenset("""le la les l un une des de du d au aux à a en et ou dans sur sous par pour avec sans chez entre
        vers notre nos votre vos leur leurs son sa ses mon ma mes ce cette ces est sont être comme via dont que qui
        rejoindre contacter""".split()),
    "es": frozenset("""el la los las un una unos unas de del al a en y e o u con sin por para sobre entre hacia
        nuestro nuestra nuestros nuestras tu tus su sus es son ser como vía que quien""".split()),
}
#: Function words that never stand capitalised inside a sentence: a new unit starts at them.
_FUNCTION_STARTERS = {
    "en": frozenset("""you you'll you're you've your yours we we're we'll we've our ours what who how why when where
        if this these those there it it's they their them he she i'm must should will can be is are am have has do
        does don't the a an and but or for with in on at to from by all each every no not as its my""".split()),
    # Articles are left out: names start with them ("La Poste", "El Corte Inglés").
    "fr": frozenset("""vous votre vos nous notre nos il elle ils elles on cette ces si
        pour avec dans et ou mais qui que comment pourquoi être avoir""".split()),
    "es": frozenset("""tú tu tus usted nosotros nuestro nuestra nuestros nuestras si para con
        en y o pero que quien cómo como ser tener""".split()),
}
#: Words that open list items in job ads ("Experience with", "Build", "Able to"), lower case.
_CONTENT_STARTERS = {
    "en": frozenset("""experience knowledge strong excellent proven ability able familiarity understanding solid deep
        fluent comfortable passion passionate bachelor bachelor's degree minimum preferred nice required recent great
        good demonstrated prior previous extensive expertise expert hands-on clear ideally
        build design develop write lead own drive manage work collaborate partner support maintain create implement
        help ensure define deliver mentor participate contribute identify analyze analyse monitor review improve
        provide prepare coordinate conduct communicate establish execute plan test troubleshoot assist oversee
        track respond resolve handle apply join bring become""".split()),
    "fr": frozenset(),
    "es": frozenset(),
}
#: Words of navigation menus and job-board chrome ("Apply now", "Share", "Back to jobs"), lower case.
_NAV_WORDS = frozenset("""apply now share save saved print email e-mail back to jobs job home menu login log in out
    sign up register search next previous prev report this tweet facebook linkedin twitter x xing instagram youtube
    privacy policy imprint impressum terms of use conditions cookies cookie settings sitemap contact us careers
    postuler partager enregistrer imprimer retour aux offres accueil connexion bewerben jetzt teilen speichern merken
    drucken zurück zu den stellen startseite datenschutz compartir guardar aplicar postularse volver inicio""".split())
#: Board footers and cookie notices, matched on a whole unit.
_NAV_PATTERNS = re.compile(
    r"^(?:find|see|browse|view|discover|search)\b[^.!?]{0,80}\bjobs?\b[^.!?]{0,60}\bon\s+\S+[.!]?$"
    r"|^powered by\b"
    r"|\bcookies?\b[^.!?]{0,80}\b(?:accept|consent|agree|policy|settings|preferences|akzeptier|zustimm|utilis|acept)"
    r"|\b(?:accept|akzeptier|utilis|usamos|we use|nous utilisons|wir verwenden)\w*\b[^.!?]{0,40}\bcookies?\b",
    re.IGNORECASE)
#: A heading left at the start of flattened text is at most this many words ("What We Offer").
_MAX_HEADING_WORDS = 5
#: A colon label ("What you'll be up to:") at the start of a unit is at most this many words.
_MAX_LABEL_WORDS = 8
#: Pieces between exactly two separators are list items only when each is at most this many words.
_SHORT_PIECE = 12
#: A line this long that runs on in lower case on the next line is hard-wrapped prose, not an item.
_WRAP_MIN_CHARS = 40


# -- cutting one block -----------------------------------------------------------------------------

def _lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the lines of ``text``, hard-wrapped lines joined, blank lines dropped.

    A line joins the previous one when it starts in lower case and the previous
    one is long and does not end in punctuation: a sentence wrapped in the
    source, not a new item.
    """
    out: list[tuple[int, int]] = []
    pos = 0
    for raw in text.split("\n"):
        a, b = pos, pos + len(raw)
        pos = b + 1
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a == b:
            continue
        if out:
            pa, pb = out[-1]
            prev = text[pa:pb]
            if text[a].islower() and len(prev) >= _WRAP_MIN_CHARS and not prev.endswith((".", "!", "?", ":", ";", "…")):
                out[-1] = (pa, b)
                continue
        out.append((a, b))
    return out


def _nav(text: str) -> bool:
    """True when ``text`` is navigation or board boilerplate, not the employer's prose."""
    if _NAV_PATTERNS.search(text):
        return True
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)?", text.lower())
    return bool(words) and len(words) <= 12 and all(w in _NAV_WORDS for w in words)


@lru_cache(maxsize=8192)
def _heading(text: str) -> bool:
    """True when ``text`` is a known section heading ("Requirements", "What We Offer")."""
    from adlint.sections import classify_exact

    return classify_exact(text) is not None


def _separator_cuts(text: str, a: int, b: int) -> list[int] | None:
    """Offsets where a flattened list in ``text[a:b]`` splits at a repeated separator, or ``None``.

    `` · `` and `` ・`` split alone; `` - ``, `` * `` and `` – `` are dashes in prose too,
    so they split at three or more, or at two when every piece is short.
    """
    piece = text[a:b]
    for sep in _RUN_SEPARATORS:
        n = piece.count(sep)
        lead = piece.startswith(sep.lstrip())
        if n == 0 or (n == 1 and sep not in _GLYPHS and not lead):
            continue
        cuts = [a + m.start() for m in re.finditer(re.escape(sep), piece)]
        bounds = [a, *cuts, b]
        pieces = [textstats.word_count(text[x:y]) for x, y in zip(bounds, bounds[1:])]
        if sep in _GLYPHS or n >= 3 or (lead and n >= 1) or max(pieces) <= _SHORT_PIECE:
            return cuts
    return None


def _capital_cuts(text: str, a: int, b: int, lang: str) -> list[int]:
    """Offsets in ``text[a:b]`` where a capitalised fragment starts inside a run of text.

    ``devices Ensuring``, ``traffic Creating``, ``Clients What``, ``energy, We``:
    a word that opens items or sentences (a capitalised function word, an
    item opener such as ``Experience``, an English ``-ing`` form, a known
    section heading) right after a word ending in a lower-case letter or
    digit; an emoji followed by a capitalised word. Names after glue words
    (``with Python``, ``of Engineering``) and Title Case phrases (``Body And
    Mind``) are left alone; German, which capitalises every noun, is never
    cut this way.
    """
    if lang not in _FUNCTION_STARTERS:
        return []
    glue, func_words, content_words = _GLUE[lang], _FUNCTION_STARTERS[lang], _CONTENT_STARTERS[lang]
    toks = [(m.start(), m.group()) for m in _TOKEN.finditer(text, a, b)]
    cuts: list[int] = []
    for i in range(1, len(toks)):
        prev, (s, tok) = toks[i - 1][1], toks[i]
        nxt = toks[i + 1][1] if i + 1 < len(toks) else ""
        if _EMOJI.fullmatch(tok) and nxt[:1].isupper():
            cuts.append(s)
            continue
        word = tok.rstrip(_STRIP)
        if not word or not word[0].isupper() or any(c.isupper() for c in word[1:]):
            continue  # not capitalised, or a product name ("JavaScript", "GitLab")
        if len(word) < 2 and word != "A" or len(word) >= 2 and not any(c.islower() for c in word[1:]):
            continue
        low = word.lower().replace("’", "'")
        bare = prev.rstrip(",").lower()
        if bare in glue or not (prev[-1].islower() or prev[-1].isdigit() or prev[-1] in ")%,"):
            continue
        if low in func_words or word == "A":
            if prev[0].isupper() and nxt[:1].isupper():
                continue  # a Title Case phrase: "Body And Mind", "Terms Of Use"
            if word == "A" and not prev[0].islower():
                continue  # "Series A", "Plan A"
            cuts.append(s)
        elif prev.endswith(","):
            continue  # "Go, Python": a series of names
        elif low in content_words or (lang == "en" and low.endswith("ing") and len(low) >= 6) or _heading_at(text, s, b):
            cuts.append(s)
    return cuts


def _heading_at(text: str, s: int, b: int) -> bool:
    """True when a known section heading of 1–5 words starts at ``s`` and ends in a colon or before a capital."""
    toks = [m for m in _TOKEN.finditer(text, s, b)][: _MAX_HEADING_WORDS + 1]
    for n in range(1, min(len(toks), _MAX_HEADING_WORDS) + 1):
        last = toks[n - 1].group()
        nxt = toks[n].group().lstrip(_STRIP) if n < len(toks) else ""
        if (last.endswith((":", "：")) or nxt[:1].isupper()) and _heading(text[s:toks[n - 1].end()].rstrip(":：")):
            return True
        if last.endswith((":", "：", ".", ",", ";")):
            return False
    return False


def _leading_heading(text: str, a: int, b: int) -> int | None:
    """End offset of a known heading that opens ``text[a:b]`` and runs on into a capitalised word, or ``None``."""
    if not text[a:a + 1].isupper():
        return None  # headings start with a capital
    toks = [m for m in _TOKEN.finditer(text, a, b)][: _MAX_HEADING_WORDS + 1]
    for n in range(min(len(toks) - 1, _MAX_HEADING_WORDS), 0, -1):
        nxt = toks[n].group().lstrip(_STRIP)
        if (nxt[:1].isupper() or nxt[:1].isdigit() or nxt[:1] in "$€£") and _heading(text[a:toks[n - 1].end()].rstrip(":")):
            return toks[n - 1].end()
    return None


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """``(a, b)`` without surrounding white space, bullet marks and separators."""
    while a < b and (text[a].isspace() or text[a] in "-*–·・|¦•"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in "-*–·・|¦"):
        b -= 1
    return a, b


def _pieces(text: str, a: int, b: int, lang: str, colon: bool = True,
            part: bool = False) -> Iterator[tuple[int, int, str]]:
    """Cut one sentence ``text[a:b]`` into ``(start, end, kind)`` units (kinds as in the module doc).

    ``colon`` false: do not cut at ``label: Capital`` (the piece is what stood before one).
    ``part`` true: the piece came from a flattened list, so it is an item unless it ends with a full stop.
    """
    if _nav(text[a:b]):
        yield a, b, "nav"
        return
    if _PIPE.search(text, a, b):
        parts = [(x, y) for x, y in _split(text, a, b, [m.start() for m in _PIPE.finditer(text, a, b)])]
        for x, y in parts:
            if _nav(text[x:y]):
                yield x, y, "nav"
            else:
                yield from _pieces(text, x, y, lang, part=True)
        return
    cuts = _separator_cuts(text, a, b)
    if cuts:
        for x, y in _split(text, a, b, cuts):
            yield from _pieces(text, x, y, lang, part=True)
        return
    m = _COLON_CAP.search(text, a, b) if colon else None
    if m is not None:
        # "What you'll do: Build ..." is a label and a list. A long text before the colon is
        # cut there only when it is itself a run of fragments; otherwise the colon is prose.
        head_end = m.start() + 1
        words = textstats.word_count(text[a:m.start()])
        if words <= (_MAX_HEADING_WORDS if lang == "de" else _MAX_LABEL_WORDS):
            yield a, head_end, "heading"
            yield from _pieces(text, *_trim(text, m.end(), b), lang, part=part)
            return
        if _capital_cuts(text, a, m.start(), lang):
            yield from _pieces(text, a, head_end, lang, colon=False, part=part)
            yield from _pieces(text, *_trim(text, m.end(), b), lang, part=part)
            return
        yield from _pieces(text, a, b, lang, colon=False, part=part)
        return
    lead = _leading_heading(text, a, b)
    if lead is not None:
        yield a, lead, "heading"
        yield from _pieces(text, *_trim(text, lead, b), lang, colon, part)
        return
    cuts = _capital_cuts(text, a, b, lang)
    if not cuts:
        yield a, b, "item" if part and not _TERMINAL.search(text[a:b]) else "paragraph"
        return
    for x, y in _split(text, a, b, cuts):
        yield from _fragment(text, x, y, lang)


def _fragment(text: str, a: int, b: int, lang: str) -> Iterator[tuple[int, int, str]]:
    """A piece of a run of capitalised fragments: a heading, a label, an item or a sentence.

    A known heading opening it is a heading of its own; a short piece ending
    in a colon is a label (``How you'll contribute:``); a piece ending with a
    full stop is a sentence; anything else is a list item.
    """
    lead = _leading_heading(text, a, b)
    if lead is not None:
        yield a, lead, "heading"
        a, b = _trim(text, lead, b)
        if a >= b:
            return
    piece = text[a:b]
    if piece.endswith((":", "：")) and textstats.word_count(piece) <= _MAX_LABEL_WORDS:
        yield a, b, "heading"
    else:
        yield a, b, "paragraph" if _TERMINAL.search(piece) else "item"


def _split(text: str, a: int, b: int, cuts: list[int]) -> Iterator[tuple[int, int]]:
    """Trimmed, non-empty pieces of ``text[a:b]`` between ``cuts``."""
    bounds = [a, *sorted(c for c in cuts if a < c < b), b]
    for x, y in zip(bounds, bounds[1:]):
        x, y = _trim(text, x, y)
        if x < y:
            yield x, y


def cut_block(text: str, lang: str | None, kind: str = "paragraph") -> list[tuple[int, int, str]]:
    """Cut the text of one block into ``(start, end, kind)`` units, in order.

    ``lang`` picks the words that tell names from new items (``en`` when
    ``None`` or unsupported, except that ``de`` turns capitalisation cues off);
    ``kind`` is the block's kind. In a list item block, running text is
    ``"item-text"`` instead of ``"paragraph"``; in a block of unpunctuated lines
    each line is an ``"item"``. Pieces without a letter are dropped.
    """
    lang = lang if lang in _FUNCTION_STARTERS or lang == "de" else "en"
    lines = _lines(text)
    listy = kind == "paragraph" and len(lines) > 1 and not any(_TERMINAL.search(text[a:b]) for a, b in lines[:-1])
    out: list[tuple[int, int, str]] = []
    # Lines are cut one at a time, so line breaks left inside one are those of joined
    # wrapped lines: a same-length copy without them keeps every offset.
    line = text.replace("\n", " ")
    for la, lb in lines:
        sents = textstats.sentences(line[la:lb])
        # In a block of unpunctuated lines each line is an item, unless it holds running text itself.
        item_line = listy and len(sents) < 2 and not _TERMINAL.search(text[la:lb])
        for sa, sb in sents:
            for x, y, k in _pieces(line, la + sa, la + sb, lang):
                if not any(ch.isalpha() for ch in text[x:y]):
                    continue
                if k == "paragraph" and (item_line or kind == "item"):
                    k = "item" if item_line else "item-text"
                out.append((x, y, k))
    return out


# -- the posting ------------------------------------------------------------------------------------

def units(posting: "Posting", lang: str | None) -> list[Sentence]:
    """Every unit of the posting in document order, nav units included (kind ``"nav"``).

    Headings of sections are one unit each; blocks are cut with
    :func:`cut_block`. The text of a list item block has kind ``"item"``.
    Syllables are counted when ``lang`` is given. Cached per language in
    ``posting.cache``.
    """
    key = f"adlint.prose.units.{lang}"
    cached = posting.cache.get(key)
    if cached is not None:
        return cached
    out: list[Sentence] = []
    for section in posting.sections:
        if section.heading is not None and section.heading.text.strip():
            h = section.heading
            c = textstats.count(h.text, lang)
            if c.words:
                out.append(Sentence(h, 0, len(h.text), "heading", section.id, c))
        for block in section.blocks:
            for a, b, k in cut_block(block.text, lang, block.kind):
                c = textstats.count(block.text, lang, a, b)
                if not c.words:
                    continue
                out.append(Sentence(block.run, a, b, "item" if k == "item-text" else k, section.id, c))
    posting.cache[key] = out
    return out


def sentences(posting: "Posting", lang: str | None) -> list[Sentence]:
    """The units the readability rules count: every unit but navigation, in document order."""
    return [u for u in units(posting, lang) if u.kind != "nav"]
