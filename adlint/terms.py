"""The one-pass term matcher of the inclusive-language rules.

A :class:`Matcher` is built once per process, language and set of packs
(:func:`matcher_for`): every literal term of every pack goes into hash
tables keyed by word (exact words, stems, German compound heads), so that
matching a text is one tokenisation pass and one dictionary look-up per
distinct word (results are cached per word): the cost does not grow with the
number of terms. The few ``pattern`` entries (age ranges, "il sera
chargé") are compiled once each and tried only on texts that contain one of
their trigger words, found by one set intersection.

Words are Unicode-aware: a word is a run of letters and digits (any script,
accents included); a French point médian (``développeur·se``,
``chargé‧e``) joins its parts into one word, so an inclusive form never
looks like the masculine noun it contains. Apostrophes and hyphens separate
words, but a hyphenated pair is also tried joined (``co-operative`` counts
as ``cooperative``), and the longer match wins.

Offsets are 0-based character offsets into the text given to
:meth:`Matcher.find`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from adlint.termdata import Marker, TermEntry, TermPack, packs_for

#: A word: letters and digits of any script, joined by a point médian or hyphenation point.
WORD = re.compile(r"[^\W_]+(?:[·‧∙⋅•][^\W_]+)*")
#: What may separate the words of a phrase in the text.
_GAP = re.compile(r"[\s\-–/,'’]{1,4}")
#: Sentence ends inside a run: terminal punctuation before a space, a line break, or a bullet.
_SENT_END = re.compile(r"[.!?;](?=\s|$)|\n|[•·▪]\s")
#: A whitespace-delimited chunk that is a URL, an e-mail address or a domain name.
_URLISH = re.compile(r"://|@|^www\.|[^\W_]\.(?:com|org|net|io|fr|de|es|eu|gouv|gov|co|ai|dev|app)(?:[/?#.]|$)", re.I)
#: Short quotations (up to 40 characters): quoted product names and the like.
_QUOTED = re.compile(r"\"[^\"\n]{1,40}\"|“[^”\n]{1,40}”|„[^“”\n]{1,40}[“”]|«[^»\n]{1,40}»|‘[^’\n]{1,40}’")
_QUOTE_CHARS = re.compile(r"[\"“„«‘]")
#: A hyphen between two words.
_HYPHEN = re.compile(r"(?<=[^\W_])-(?=[^\W_])")
_BOUNDARY_L = r"(?<![^\W_])"
_BOUNDARY_R = r"(?![^\W_])"


def words_of(text: str) -> list[str]:
    """The lower-cased words of ``text`` (matches of :data:`WORD`), in order."""
    low = text.lower()
    if len(low) == len(text):
        return WORD.findall(low)
    return [w.lower() for w in WORD.findall(text)]


def _drop_skipped(text: str, matches: list[Match]) -> list[Match]:
    """Drop matches inside URLs, e-mail addresses, domain names and short quotations."""
    out = []
    quotes = None
    for m in matches:
        a = text.rfind(" ", 0, m.start) + 1
        a = max(a, text.rfind("\n", 0, m.start) + 1)
        b = len(text)
        for sep in (" ", "\n"):
            k = text.find(sep, m.end)
            if 0 <= k < b:
                b = k
        chunk = text[a:b].strip("()[]<>,;:!?\"'«»“”")
        if _URLISH.search(chunk):
            continue
        if quotes is None:
            quotes = [q.span() for q in _QUOTED.finditer(text)] if _QUOTE_CHARS.search(text) else []
        if any(qa < m.start and m.end < qb for qa, qb in quotes):
            continue
        out.append(m)
    return out


def phrase_regex(phrase: str) -> str:
    """A regex source for a literal phrase: words between Unicode word boundaries.

    Spaces and hyphens in the phrase match any run of spaces or hyphens; a
    trailing ``*`` on a word matches any further letters.
    """
    parts = []
    for w in re.split(r"[\s\-/]+", phrase.strip()):
        if not w:
            continue
        star = w.endswith("*")
        w = w.rstrip("*")
        parts.append(re.sub("['’]", "['’]", re.escape(w)) + (r"[^\W_]*" if star else ""))
    return _BOUNDARY_L + r"[\s\-/,]+".join(parts) + _BOUNDARY_R


class _LazyPattern:
    """A regular expression compiled on first use.

    A language's packs hold hundreds of context patterns (exceptions, "unless
    near" words) and only a few are ever tried on one posting; compiling them
    all up front cost more than linting the posting. Behaves as the compiled
    ``re.Pattern`` for every attribute.
    """

    __slots__ = ("_source", "_flags", "_compiled")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str):
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self._source, self._flags)
        return getattr(compiled, name)


def _alternation(phrases: Iterable[str]) -> "_LazyPattern | None":
    srcs = [phrase_regex(p) for p in phrases if p.strip()]
    return _LazyPattern("|".join(srcs), re.IGNORECASE) if srcs else None


@dataclass(slots=True)
class _Compiled:
    """Per-entry compiled context: exception, near and inclusive-form regexes."""

    pack: TermPack
    entry: TermEntry
    exceptions: re.Pattern[str] | None
    unless_near: re.Pattern[str] | None
    only_near: re.Pattern[str] | None
    preceded_by: frozenset[str]
    pack_exceptions: frozenset[str]
    pack_exception_stems: tuple[str, ...]
    case_terms: frozenset[str]
    feminine: re.Pattern[str] | None


@dataclass(slots=True)
class _Phrase:
    """A term as looked up: the entry index, its further words, whether each is a stem, and its specificity."""

    idx: int
    rest: tuple[str, ...]
    rest_stem: tuple[bool, ...]
    spec: int


@dataclass(slots=True)
class Match:
    """One reported occurrence: the entry and its pack, and ``[start, end)`` in the matched text."""

    entry: TermEntry
    pack: TermPack
    start: int
    end: int
    spec: int = 0

    @property
    def rule(self) -> str | None:
        """The code of the rule the match belongs to (``None`` for context packs)."""
        return self.pack.rule


#: Abbreviations whose full stop does not end a sentence (lower case, without the stop).
_ABBREVIATIONS = frozenset(
    "bzw inkl evtl ggf usw etc ca nr dr mr mrs ms st vs approx incl resp ggfs zzgl abs ff bspw sog max min "
    "mio mrd tel cf env cad ex no jr sr co inc ltd corp dept".split())


def sentence_starts(text: str) -> list[int]:
    """Offsets where the sentences of ``text`` start (the first is 0).

    A sentence ends at ``.``, ``!``, ``?`` or ``;`` before white space, at a
    line break or at a bullet; a full stop after a one- or two-letter word or
    a known abbreviation ("z. B.", "e.g.", "bzw.", "etc.") does not end one.
    """
    starts = [0]
    for m in _SENT_END.finditer(text):
        if text[m.start()] == ".":
            k = m.start()
            j = k
            while j > 0 and not text[j - 1].isspace():
                j -= 1
            word = text[j:k].rstrip(".").lower()
            if len(word.replace(".", "")) <= 2 or word in _ABBREVIATIONS or "." in word:
                continue
        starts.append(m.end())
    return starts


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of ``text`` holding ``[start, end)``, as ``(sentence start, sentence end)``."""
    starts = sentence_starts(text)
    i = bisect_right(starts, start) - 1
    j = bisect_right(starts, max(start, end - 1))
    return starts[i], starts[j] if j < len(starts) else len(text)


@dataclass(slots=True)
class _Sentences:
    """Lazily computed sentence starts of one text."""

    text: str
    starts: list[int] | None = None

    def bounds(self, pos: int) -> tuple[int, int, int]:
        """``(previous sentence start, sentence start, sentence end)`` around offset ``pos``."""
        if self.starts is None:
            self.starts = sentence_starts(self.text)
        i = bisect_right(self.starts, pos) - 1
        start = self.starts[i]
        prev = self.starts[i - 1] if i > 0 else start
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        return prev, start, end


class Matcher:
    """All terms of a set of packs, compiled for one-pass matching.

    Build with :func:`matcher_for` (cached); :meth:`find` returns the matches
    in a text. Safe to share between threads once built (only its per-word cache grows).
    """

    def __init__(self, packs: Iterable[TermPack]) -> None:
        self.packs = tuple(packs)
        self.compiled: list[_Compiled] = []
        self._by_entry: dict[int, int] = {}
        #: Look-up results by word; words repeat, so most look-ups are one dict access.
        self._cache: dict[str, tuple[tuple[_Phrase, bool], ...]] = {}
        self.exact: dict[str, list[_Phrase]] = {}
        self.stems: dict[str, list[_Phrase]] = {}
        self.heads: dict[str, list[_Phrase]] = {}
        #: Pattern entries: compiled regex by entry index; those tried on every text; trigger word -> indexes.
        self.patterns: dict[int, re.Pattern[str]] = {}
        self._always: list[int] = []
        self._triggers: dict[str, list[int]] = {}
        markers: list[Marker] = []
        after: list[str] = []
        before: list[str] = []
        for pack in self.packs:
            markers.extend(pack.markers)
            after.extend(pack.inclusive_after)
            before.extend(pack.inclusive_before)
            pack_exc = frozenset(w.lower() for w in pack.exceptions if not w.endswith("*"))
            pack_stems = tuple(w.lower().rstrip("*") for w in pack.exceptions if w.endswith("*"))
            for entry in pack.entries:
                idx = len(self.compiled)
                self.compiled.append(_Compiled(
                    pack, entry, _alternation(entry.exceptions), _alternation(entry.unless_near),
                    _alternation(entry.only_near), frozenset(w.lower() for w in entry.preceded_by), pack_exc, pack_stems,
                    frozenset(t.split()[0] for t in entry.term) if entry.case_sensitive else frozenset(),
                    _LazyPattern("(?:" + "|".join(re.escape(f) for f in entry.feminine) + r")(?:nen|n|s|es)?"
                                 + _BOUNDARY_R, re.I) if entry.feminine else None,
                ))
                self._by_entry[id(entry)] = len(self.compiled) - 1
                if entry.pattern:
                    flags = 0 if entry.case_sensitive else re.IGNORECASE
                    self.patterns[idx] = _LazyPattern(f"{_BOUNDARY_L}(?:{entry.pattern}){_BOUNDARY_R}", flags)  # type: ignore[assignment]
                    if entry.triggers:
                        for t in entry.triggers:
                            self._triggers.setdefault(t, []).append(idx)
                    else:
                        self._always.append(idx)
                    continue
                for term in entry.term:
                    self._add_term(idx, term, pack.inflections, entry.compound)
        self._trigger_words = frozenset(self._triggers)
        self.stem_lengths = sorted({len(k) for k in self.stems}, reverse=True)
        self.head_lengths = sorted({len(k) for k in self.heads}, reverse=True)
        self.markers = markers
        self.marker_regex = (re.compile("|".join(f"(?P<m{i}>{m.pattern})" for i, m in enumerate(markers)), re.I)
                             if markers else None)
        self.after_regex = re.compile("|".join(f"(?:{a})" for a in after), re.I) if after else None
        self.before_regex = re.compile("(?:" + "|".join(f"(?:{b})" for b in before) + r")\s*$", re.I) if before else None

    # -- building ----------------------------------------------------------
    def _add_term(self, idx: int, term: str, inflections: list[str], compound: bool) -> None:
        words = [w for w in re.split(r"[\s\-'’/]+", term.strip()) if w]
        low = [w.lower() for w in words]
        first = low[0]
        rest = tuple(w.rstrip("*") for w in low[1:])
        rest_stem = tuple(w.endswith("*") for w in low[1:])
        if first.endswith("*"):
            stem = first.rstrip("*")
            self.stems.setdefault(stem, []).append(_Phrase(idx, rest, rest_stem, len(stem)))
            return
        forms = [first] + ([first + inf for inf in inflections] if not rest else [])
        for form in forms:
            self.exact.setdefault(form, []).append(_Phrase(idx, rest, rest_stem, len(first)))
            if compound and not rest:
                self.heads.setdefault(form, []).append(_Phrase(idx, rest, rest_stem, len(first)))

    # -- matching ------------------------------------------------------------
    def _lookup(self, low: str) -> tuple[tuple[_Phrase, bool], ...]:
        """Phrases whose first word matches ``low``: ``(phrase, as_compound_head)``."""
        out: list[tuple[_Phrase, bool]] = [(p, False) for p in self.exact.get(low, ())]
        n = len(low)
        for L in self.stem_lengths:
            if L <= n:
                ps = self.stems.get(low[:L])
                if ps:
                    out.extend((p, False) for p in ps)
        for L in self.head_lengths:
            if L < n - 1:
                ps = self.heads.get(low[n - L:])
                if ps:
                    out.extend((p, True) for p in ps)
        return tuple(out)

    def find(self, text: str, words: list[str] | None = None,
             rules: frozenset[str | None] | None = None) -> list[Match]:
        """Every match in ``text``, de-duplicated per rule (the longest of overlapping matches wins).

        ``words`` may be passed when already computed (:func:`words_of`);
        ``rules`` limits the result to entries of these rule codes (``None``
        for context packs). Matches inside URLs, e-mail addresses, domain
        names and short quotations are dropped.
        """
        low_text = text.lower()
        src = low_text if len(low_text) == len(text) else text
        if words is None:
            words = words_of(text)
        cache = self._cache
        n = len(words)
        hits: list[int] = []
        for i, w in enumerate(words):
            c = cache.get(w)
            if c is None:
                c = self._lookup(w)
                if len(cache) > 200_000:
                    cache.clear()
                cache[w] = c
            if c:
                # a phrase is a hit only if its next word follows (checked on words, before offsets exist)
                for p, _head in c:
                    if not p.rest or (i + 1 < n and (words[i + 1].startswith(p.rest[0]) if p.rest_stem[0]
                                                     else words[i + 1] == p.rest[0])):
                        hits.append(i)
                        break
        hyphens = [m.start() for m in _HYPHEN.finditer(text)] if "-" in text else []
        raw: list[Match] = []
        spans: list[tuple[int, int]] = []
        if hits or hyphens:
            spans = list(map(re.Match.span, WORD.finditer(src)))
        sentences = _Sentences(text)
        if hyphens:
            starts = [sp[0] for sp in spans]
            for h in hyphens:
                i = bisect_right(starts, h + 1) - 2  # the word ending at the hyphen
                if i < 0 or i + 1 >= n or spans[i][1] != h or spans[i + 1][0] != h + 1:
                    continue
                joined = words[i] + words[i + 1]
                for p, _head in self._lookup(joined):
                    if not p.rest:
                        self._accept(raw, text, spans, words, i, i + 1, p, joined, sentences, rules)
        for i in hits:
            for p, _head in cache[words[i]]:
                if p.rest:
                    j = self._match_rest(text, spans, words, i, p)
                    if j >= 0:
                        self._accept(raw, text, spans, words, i, j, p, words[i], sentences, rules)
                else:
                    self._accept(raw, text, spans, words, i, i, p, words[i], sentences, rules)
        tried = list(self._always)
        if self._trigger_words:
            found = self._trigger_words.intersection(words)
            if found:
                tried.extend(sorted({i for t in found for i in self._triggers[t]}))
        for idx in tried:
            c = self.compiled[idx]
            if rules is not None and c.pack.rule not in rules:
                continue
            for m in self.patterns[idx].finditer(text):
                if not spans and c.preceded_by:
                    spans = list(map(re.Match.span, WORD.finditer(src)))
                if self._context_ok(c, text, spans, words, m.start(), m.end(), sentences, None):
                    raw.append(Match(c.entry, c.pack, m.start(), m.end(), m.end() - m.start()))
        if not raw:
            return raw
        return _drop_skipped(text, _dedupe(raw))

    @staticmethod
    def _match_rest(text: str, spans: list[tuple[int, int]], words: list[str], i: int, p: _Phrase) -> int:
        """Index of the last word of phrase ``p`` starting at word ``i``, or -1."""
        j = i
        n = len(words)
        for word, stem in zip(p.rest, p.rest_stem):
            j += 1
            if j >= n:
                return -1
            low = words[j]
            if not (low.startswith(word) if stem else low == word):
                return -1
            gap = text[spans[j - 1][1]:spans[j][0]]
            if not _GAP.fullmatch(gap) or "\n\n" in gap:
                return -1
        return j

    def _accept(self, raw: list[Match], text: str, spans: list[tuple[int, int]], words: list[str], i: int, j: int,
                p: _Phrase, low: str, sentences: _Sentences, rules: frozenset[str | None] | None) -> None:
        """Add the match of phrase ``p`` over words ``i..j`` when its entry's conditions hold."""
        c = self.compiled[p.idx]
        if rules is not None and c.pack.rule not in rules:
            return
        last = words[j]
        if low in c.pack_exceptions or last in c.pack_exceptions:
            return
        if c.pack_exception_stems and (low.startswith(c.pack_exception_stems)
                                       or last.startswith(c.pack_exception_stems)):
            return
        start, end = spans[i][0], spans[j][1]
        if c.case_terms and text[start:spans[i][1]] not in c.case_terms:
            return
        if self._context_ok(c, text, spans, words, start, end, sentences, i):
            raw.append(Match(c.entry, c.pack, start, end, p.spec))

    def _context_ok(self, c: _Compiled, text: str, spans: list[tuple[int, int]], words: list[str], start: int,
                    end: int, sentences: _Sentences, i: int | None) -> bool:
        """Entry-level conditions: exceptions, preceding word, words near the match."""
        if c.exceptions is not None:
            lo = max(0, start - 60)
            for m in c.exceptions.finditer(text, lo, min(len(text), end + 60)):
                if m.start() <= start and m.end() >= end:
                    return False
        if c.preceded_by:
            if i is None:
                i = _token_index(spans, start)
            if i is None or i == 0 or words[i - 1] not in c.preceded_by or "\n" in text[spans[i - 1][1]:start]:
                return False
        if c.unless_near is not None or c.only_near is not None:
            prev, s0, s1 = sentences.bounds(start)
            if c.unless_near is not None and c.unless_near.search(text, s0, s1):
                return False
            if c.only_near is not None and not c.only_near.search(text, prev, s1):
                return False
        return True

    # -- gender forms ----------------------------------------------------------
    def is_inclusive_form(self, text: str, start: int, end: int, entry: TermEntry) -> bool:
        """True when the role noun at ``[start, end)`` is written in an inclusive form.

        Inclusive forms: a gender sign or ending right after it (``*in``,
        ``:innen``, ``·se``, ``.e``, ``/a``, ``(e)``), a pair article right
        before it (``une ou un``, ``el/la``), or one of the entry's feminine
        forms within 60 characters (``Entwicklerin oder Entwickler``).
        """
        if self.after_regex is not None and self.after_regex.match(text, end):
            return True
        if self.before_regex is not None and self.before_regex.search(text[max(0, start - 30):start]):
            return True
        idx = self._by_entry.get(id(entry))
        fem = self.compiled[idx].feminine if idx is not None else None
        if fem is not None and fem.search(text, max(0, start - 60), min(len(text), end + 60)):
            return True
        return False

    def find_marker(self, text: str) -> tuple[Marker, int, int] | None:
        """The first gender marker in ``text`` as ``(marker, start, end)``, or ``None``."""
        if self.marker_regex is None:
            return None
        m = self.marker_regex.search(text)
        if m is None:
            return None
        return self.markers[int((m.lastgroup or "m0")[1:])], m.start(), m.end()


def _token_index(spans: list[tuple[int, int]], start: int) -> int | None:
    """Index of the word starting at ``start``, or ``None``."""
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[mid][0] < start:
            lo = mid + 1
        else:
            hi = mid
    return lo if lo < len(spans) and spans[lo][0] == start else None


def _dedupe(matches: list[Match]) -> list[Match]:
    """Per rule (or context pack), keep the longest of overlapping matches, then the most specific."""
    out: list[Match] = []
    groups: dict[object, list[Match]] = {}
    for m in matches:
        groups.setdefault(m.pack.rule or m.pack.pack, []).append(m)
    for ms in groups.values():
        ms.sort(key=lambda m: (m.start, -(m.end - m.start), -m.spec))
        kept: list[Match] = []
        for m in ms:
            if kept and m.start < kept[-1].end:
                last = kept[-1]
                if (m.end - m.start, m.spec) > (last.end - last.start, last.spec):
                    kept[-1] = m
                continue
            kept.append(m)
        out.extend(kept)
    out.sort(key=lambda m: (m.start, m.end))
    return out


#: Context packs read as word lists (:func:`role_heads_for`), never matched against the text.
WORD_LIST_PACKS = frozenset(["role_heads"])


@lru_cache(maxsize=32)
def matcher_for(language: str, extra_packs: tuple[str, ...] = ()) -> Matcher:
    """The matcher of every pack covering ``language`` (built-in plus ``extra_packs`` paths), built once.

    The word-list packs (:data:`WORD_LIST_PACKS`) are left out.
    """
    return Matcher(p for p in packs_for(language, extra_packs) if p.pack not in WORD_LIST_PACKS)


@lru_cache(maxsize=32)
def role_heads_for(language: str, extra_packs: tuple[str, ...] = ()) -> frozenset[str]:
    """Lower-case head nouns of job titles in ``language``: the terms of the ``role_heads`` context packs."""
    return frozenset(t.lower() for p in packs_for(language, extra_packs) if p.pack == "role_heads"
                     for e in p.entries for t in e.term)
