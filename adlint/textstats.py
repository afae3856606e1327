"""Text statistics for the readability rules: sentences, words and syllables.

Everything here is pure Python with no data files to load, so it costs a
pre-commit run nothing measurable (hyphenation dictionaries cost hundreds of
milliseconds to load, and textstat >= 0.7.9 downloads CMUdict on first use).

* Words are runs of letters, with inner apostrophes and hyphens (``high-load``,
  ``d'expérience``); numbers, URLs and e-mail addresses are not words.
* Sentences end at ``.``, ``!``, ``?`` or ``…`` followed by a space and a
  character that can start a sentence, at a line break, at an inline bullet
  glyph (``•``, ``✅``...), and at the end of a block. Known abbreviations
  (``e.g.``, ``z. B.``, ``p. ex.``, ``etc.``) do not end a sentence. This is
  the low-level splitter; :mod:`adlint.prose` builds on it to decide what the
  readability rules count (list items, headings and navigation inside text).
* Syllables are counted by per-language rules on vowel groups
  (:func:`syllables`). Checked against CMUdict on the words of the English
  corpus postings, 99% of word tokens get the dictionary's count and the
  total is within 0.5%; French, German and Spanish are checked against word
  lists in the tests.

Offsets are 0-based character offsets into the text given.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from adlint.posting import TextRun

# One word also across a dot or a point médian between letters ("beta.gouv.fr", "citoyen·ne·s"), as a reader counts.
_WORD = re.compile(r"[^\W\d_]+(?:['’\-‐.·][^\W\d_]+)*")
_URL = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
#: Sentence end candidates: terminal punctuation (with closing quotes/brackets) then space.
_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
#: Sentences glued without a space ("hinausgehen.Unser"): a lower-case word, a stop, a capitalised word.
_GLUED = re.compile(r"(?<=[^\W\d_]{3})(?<![A-Z]{3})[.!?](?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ])")
#: Abbreviations that close a list: followed by a capitalised word, the sentence ends there ("… etc. Attendance").
_LIST_CLOSERS = frozenset(("etc.", "usw.", "etc"))
#: Hard breaks: line breaks and bullet glyphs written inline in flattened text.
_BREAK = re.compile(r"\n+|\s[•●▪◦►➢➤✅✔✓☑→■□]\ufe0f?(?=\s)|(?<=\s)[•●▪◦►➢➤✅✔✓☑■□]\ufe0f?")
_TOKEN_BEFORE = re.compile(r"(\S+)$")

#: Abbreviations that end with a full stop but do not end a sentence (lower case, with the stop).
ABBREVIATIONS = frozenset("""
e.g. i.e. etc. vs. approx. incl. excl. esp. dept. inc. ltd. co. corp. jr. sr. mr. mrs. ms. dr. prof. st.
no. nr. tel. fig. cf. ca. resp. min. max. mind. bzw. z.b. u.a. d.h. o.ä. ggf. evtl. inkl. zzgl. usw. sog. vgl.
bspw. z. b. d. h. u. a. o. ä. p. ex. ex. env. p.ex. mme. mlle. m. av. cca. aprox. p.ej. ej. sra. sr. dra. uds. ud.
""".split())


@dataclass(slots=True)
class Counts:
    """Counts over some text.

    ``words``: word tokens; ``syllables``: their syllables; ``poly``: words of
    3+ syllables; ``mono``: words of one syllable; ``long``: words of more than
    6 letters; ``sentences``: sentences holding at least one word.
    """

    sentences: int = 0
    words: int = 0
    syllables: int = 0
    poly: int = 0
    mono: int = 0
    long: int = 0

    def add(self, other: "Counts") -> None:
        """Add ``other`` into this object."""
        self.sentences += other.sentences
        self.words += other.words
        self.syllables += other.syllables
        self.poly += other.poly
        self.mono += other.mono
        self.long += other.long

    @property
    def asl(self) -> float:
        """Average sentence length in words (0.0 when there is no sentence)."""
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def asw(self) -> float:
        """Average syllables per word (0.0 when there is no word)."""
        return self.syllables / self.words if self.words else 0.0


@dataclass(slots=True)
class Sentence:
    """One sentence of a posting: where it is, and its counts.

    ``run`` is the heading or block text it comes from; ``start``/``end`` are
    offsets into ``run.text``; ``kind`` is ``"heading"``, ``"item"``,
    ``"paragraph"`` or ``"nav"`` (see :mod:`adlint.prose`); ``section_id`` the
    canonical id of its section (or ``None``).
    """

    run: "TextRun"
    start: int
    end: int
    kind: str
    section_id: str | None
    counts: Counts = field(default_factory=Counts)

    @property
    def text(self) -> str:
        """The sentence's text."""
        return self.run.text[self.start:self.end]

    def span(self) -> tuple[int, int]:
        """Source span of the sentence."""
        return self.run.span(self.start, self.end)


# -- words ------------------------------------------------------------------

def words(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the word tokens of ``text`` (URLs and e-mail addresses skipped)."""
    if "@" in text or "http" in text or "www." in text:
        masked = _URL.sub(lambda m: " " * len(m.group()), text)
    else:
        masked = text
    return [m.span() for m in _WORD.finditer(masked)]


def word_count(text: str) -> int:
    """Number of word tokens in ``text`` (see :func:`words`)."""
    return len(words(text))


# -- sentences --------------------------------------------------------------

def _is_abbreviation(text: str, end: int) -> bool:
    """True when the full stop at ``text[end-1]`` closes an abbreviation or an initial."""
    m = _TOKEN_BEFORE.search(text, max(0, end - 40), end)  # a window: searching from 0 is quadratic
    if not m:
        return False
    token = m.group(1).lower().lstrip("(\"'“«")
    if token in ABBREVIATIONS:
        return True
    # Two-token abbreviations written with a space: "z. B.", "p. ex.", "d. h."
    stop = m.start(1) - 1
    prev = _TOKEN_BEFORE.search(text, max(0, stop - 40), stop) if stop > 0 else None
    if prev and f"{prev.group(1).lower()} {token}" in ABBREVIATIONS:
        return True
    letters = token.rstrip(".")
    return len(letters) == 1 and letters.isalpha()  # an initial: "J. Smith"


def sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the sentences of one block of text, whitespace trimmed.

    Breaks at terminal punctuation followed by whitespace and a character that
    can start a sentence (not a lower-case letter), after "etc." before a
    capitalised word, between sentences glued without a space
    ("hinausgehen.Unser"), at line breaks and at inline bullet glyphs. Pieces
    without a letter are dropped.
    """
    cuts: list[int] = []
    for m in _END.finditer(text):
        end = m.end()
        nxt = end
        while nxt < len(text) and text[nxt].isspace():
            nxt += 1
        if nxt >= len(text) or text[nxt].islower():
            continue
        if text[m.start()] == "." and m.end() - m.start() == 1 and _is_abbreviation(text, m.start() + 1):
            before = _TOKEN_BEFORE.search(text, max(0, m.start() - 40), m.start() + 1)
            if not (before and before.group(1).lower() in _LIST_CLOSERS and text[nxt:nxt + 1].isupper()):
                continue
        cuts.append(end)
    for m in _GLUED.finditer(text):
        word = _TOKEN_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if word and not any(ch in word.group(1) for ch in "./@:"):  # not a domain, a path or an address
            cuts.append(m.end())
    for m in _BREAK.finditer(text):
        cuts.append(m.start())
        cuts.append(m.end())
    cuts.sort()
    out: list[tuple[int, int]] = []
    prev = 0
    for c in [*cuts, len(text)]:
        if c <= prev:
            continue
        a, b = prev, c
        while a < b and (text[a].isspace() or text[a] in "•●▪◦►➢➤✅✔✓☑→■□\ufe0f"):
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a and any(ch.isalpha() for ch in text[a:b]):
            out.append((a, b))
        prev = c
    return out


# -- syllables --------------------------------------------------------------

#: Suffixes and compound tails counted apart, with their syllables ("manage|ment", "stake|holders").
_EN_SUFFIXES = (("ments", 1), ("ment", 1), ("ness", 1), ("less", 1), ("fully", 2), ("ful", 1), ("ships", 1),
                ("ship", 1), ("holders", 2), ("holder", 2), ("works", 1), ("work", 1), ("lines", 1), ("line", 1),
                ("cycles", 2), ("cycle", 2), ("force", 1), ("stones", 1), ("stone", 1), ("ly", 1))
#: Frequent words the rules below get wrong (syllables as usually spoken).
_EN_EXCEPTIONS = {
    "business": 2, "businesses": 3, "every": 2, "everyone": 3, "everything": 3, "different": 3, "interest": 2,
    "interested": 3, "interesting": 3, "several": 3, "family": 3, "average": 3, "general": 3, "generally": 4,
    "someone": 2, "somewhere": 2, "something": 2, "sometimes": 2, "friend": 1, "friends": 1, "friendly": 2,
    "science": 2, "sciences": 3, "scientist": 3, "scientists": 3, "scientific": 4, "area": 3, "areas": 3,
    "idea": 3, "ideas": 3, "real": 1, "really": 2, "reality": 4, "create": 2, "creates": 2, "created": 3,
    "creating": 3, "creative": 3, "creativity": 5, "creation": 3, "creator": 3, "creators": 3, "react": 2,
    "reactive": 3, "linear": 3, "maybe": 2, "people": 2, "colleague": 2, "colleagues": 2, "league": 1,
    "vague": 1, "recipe": 3, "naive": 2, "poem": 2, "being": 2, "going": 2, "doing": 2, "seeing": 2,
    "etc": 4, "via": 2, "area's": 3, "whereas": 2, "therefore": 2, "wherever": 3, "however": 3,
    "whatever": 3, "whenever": 3, "forever": 3, "evening": 2, "camera": 3, "chocolate": 2, "favorite": 3,
    "favourite": 3, "compete": 2, "complete": 2, "completed": 3, "completely": 3, "delete": 2, "athlete": 2,
    "extreme": 2, "extremely": 3, "supreme": 2, "theme": 1, "themes": 1, "scheme": 1, "schemes": 1,
    "serious": 3, "previous": 3, "previously": 4, "various": 3, "obvious": 3, "curious": 3, "experience": 4,
    "experiences": 5, "experienced": 4, "client": 2, "clients": 2, "orient": 3, "oriented": 4,
    "orientation": 5, "audience": 3, "audiences": 4, "quiet": 2, "variety": 4, "society": 4,
}


def _en_core(w: str) -> int:
    """Syllables of an English word without a known suffix."""
    if len(w) <= 2:
        return 1
    # y is a consonant at the start of a word and between two vowels ("player", "employee").
    chars = list(w)
    for i, ch in enumerate(chars):
        if ch == "y" and (i == 0 or (chars[i - 1] in "aeiou" and i + 1 < len(chars) and chars[i + 1] in "aeiou")):
            chars[i] = "j"
    w = "".join(chars).replace("qu", "qw")
    if w.endswith("gue") and len(w) > 4:
        w = w[:-2]  # "dialogue", "catalogue": silent ue
    # Silent endings: final e (not syllabic -le), -es and -ed after most consonants.
    if w.endswith("e") and len(w) > 2 and w[-2] not in "aeiouyl" or re.search(r"[^aeiouy]le$", w) is None \
            and w.endswith("le") and w[-3:-2] in "aeiouy" and len(w) > 3:
        w = w[:-1]
    elif w.endswith("es") and len(w) > 3 and w[-3] not in "aeiouyszxcgl" and not w.endswith(("ches", "shes")):
        w = w[:-2]
    elif w.endswith("es") and w[-3:-2] == "l" and len(w) > 4 and w[-4] in "aeiouy":
        w = w[:-2]  # "roles", "files"
    elif w.endswith("ed") and len(w) > 3 and w[-3] not in "tdaeiouy":
        w = w[:-2]
    elif w.endswith("ied") or w.endswith("ies"):
        w = w[:-1]
    groups = re.findall(r"[aeiouy]+", w)
    n = len(groups)
    # Vowel pairs that are two syllables.
    n += len(re.findall(r"(?<![cgtsx])iou|(?<![cgtsqx])ia|iu|(?<![pm])eo(?!u)|(?<![qg])ua|(?<![cts])ie(?=[nt])|io(?![nru])"
                        r"|(?<=r)io(?=r)|[ct]iat(?!i)|uou|^proa|^coo[pr]|^rei[mn]|[aeiouy]{2}(?=ng)|(?<![aeiouy])uen|uel"
                        r"|iers?$|iet|ea$", w))
    return max(1, n)


def _syl_en(w: str) -> int:
    if w in _EN_EXCEPTIONS:
        return _EN_EXCEPTIONS[w]
    if not re.search(r"[aeiouy]", w):
        return len(w) + 2 * w.count("w")  # an acronym spelled out: "SQL", "HR", "CRM"
    if w.endswith("n't") or w.endswith("n’t"):
        stem = w[:-3]
        return _syl_en(stem) + (0 if stem[-1:] in "aeiouy" else 1) if stem else 1
    w = w.replace("'", "").replace("’", "")
    if w.startswith("fore") and len(w) > 6 and w[4] not in "aeiouy":
        return 1 + _syl_en(w[4:])
    for suf, n in _EN_SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            stem = w[: -len(suf)]
            if suf == "ly" and stem.endswith(("al", "ul", "ic")):
                break
            return _syl_en(stem) + n
    return _en_core(w)


_FR_VOWELS = re.compile(r"[aeiouyàâäéèêëîïôöùûüœæ]+")


def _syl_fr(w: str) -> int:
    w = w.replace("qu", "k").replace("gue", "ge").replace("gui", "gi")
    if w.endswith(("ée", "ées")):
        w = w[: w.rindex("ée") + 1]  # "chargée", "données": one syllable
    groups = _FR_VOWELS.findall(w)
    n = 0
    for g in groups:
        # Hiatus: é/è followed by a vowel, or a vowel before an accented é ("réalité" is one group per vowel anyway).
        n += 1 + sum(1 for i in range(1, len(g)) if g[i - 1] in "éè" or g[i] in "éèï")
    # Mute final e / es / ent after a consonant ("équipe", "équipes"); not in monosyllables.
    if n > 1 and re.search(r"[^aeiouyéèêàâîôû]e[s]?$", w):
        n -= 1
    elif n > 1 and re.search(r"[^aeiouyéèêàâîôû]ent$", w) and w not in _FR_ENT_PRONOUNCED and len(w) > 5 \
            and not w.endswith(("ment", "ient")):
        n -= 1  # verbal "ils travaillent"
    # "-tion", "-sion": the i is a glide, already counted with its group ("io").
    return max(1, n)


_FR_ENT_PRONOUNCED = frozenset({"souvent", "présent", "client", "talent", "moment", "agent", "argent", "parent",
                                "accent", "content", "urgent", "excellent", "intelligent", "cent", "dent",
                                "différent", "récent", "évident", "fréquent", "permanent", "compétent"})

_DE_VOWELS = re.compile(r"[aeiouyäöü]+")
_DE_ONE = ("aa", "ee", "oo", "ie", "ei", "ai", "ey", "ay", "au", "eu", "äu", "ou", "ui", "oe", "ue")


def _syl_de(w: str) -> int:
    w = w.replace("qu", "qv")
    n = 0
    for g in _DE_VOWELS.findall(w):
        i = 0
        while i < len(g):
            if g[i:i + 2] in _DE_ONE:
                # "ie" at a word end after a consonant cluster is two syllables in loans ("Familie", "Linie").
                i += 2
            else:
                i += 1
            n += 1
    if len(w) >= 6 and w.endswith("ien") and w[-4] not in "aeiouyäöü":
        n += 1  # loans: "Medien", "Technologien", "Strategien"
    return max(1, n)


_ES_VOWELS = re.compile(r"[aeiouáéíóúü]+")
_ES_STRONG = set("aeoáéóíú")  # accented í and ú break a diphthong, so they count as strong


def _syl_es(w: str) -> int:
    w = w.replace("qu", "q").replace("gue", "ge").replace("gui", "gi")
    if w.endswith("y"):
        w = w[:-1] + "i"
    n = 0
    for g in _ES_VOWELS.findall(w):
        n += 1
        for a, b in zip(g, g[1:]):
            if a in _ES_STRONG and b in _ES_STRONG:
                n += 1
    return max(1, n)


_COUNTERS = {"en": _syl_en, "fr": _syl_fr, "de": _syl_de, "es": _syl_es}


_ELISION = re.compile(r"^(?:[dljmnstc]|qu|jusqu|lorsqu|puisqu)'(?=\w)")


@lru_cache(maxsize=65536)
def syllables(word: str, lang: str, acronym: bool = False) -> int:
    """Syllables in ``word`` by the rules of ``lang`` (``en``, ``fr``, ``de``, ``es``; others use ``en``).

    A heuristic on vowel groups with per-language rules (silent final ``e`` in
    English and French, diphthongs in German and Spanish). Each part of a
    hyphenated word is counted; French elided articles (``d'``, ``l'``) add
    nothing. With ``acronym`` true (a short all-capitals token such as ``API``
    in mixed-case text) every letter is one syllable (``W`` three). Returns at
    least 1 for a word with a letter, 0 for a string without one.
    """
    if acronym:
        letters = [ch for ch in word if ch.isalpha()]
        return len(letters) + 2 * sum(1 for ch in letters if ch in "wW")
    counter = _COUNTERS.get(lang, _syl_en)
    total = 0
    for part in re.split(r"[-‐]", unicodedata.normalize("NFC", word.lower()).replace("’", "'")):
        if lang in ("fr", "es", "de"):
            part = _ELISION.sub("", part) if lang == "fr" else part
            part = part.replace("'", "")
        letters = "".join(ch for ch in part if ch.isalpha() or ch == "'").strip("'")
        if any(ch.isalpha() for ch in letters):
            total += counter(letters)
    return total


def count(text: str, lang: str | None, start: int = 0, end: int | None = None) -> Counts:
    """Counts of ``text[start:end]`` as one sentence; syllables only when ``lang`` is given.

    A short all-capitals word (``API``) in mixed-case text is spelled out; in an
    all-capitals heading it is read as a word.
    """
    c = Counts(sentences=1)
    piece = text[start:end]
    spans = words(piece)
    if not spans:
        c.sentences = 0
        return c
    c.words = len(spans)
    caps: bool | None = None
    syl = syllables
    for a, b in spans:
        w = piece[a:b]
        n = b - a
        if n > 6 and n - w.count("-") - w.count("'") - w.count("’") - w.count("‐") > 6:
            c.long += 1
        if lang:
            acronym = False
            if 2 <= n <= 5 and w.isupper():
                if caps is None:
                    caps = sum(piece[x:y].isupper() for x, y in spans) * 2 > len(spans)
                acronym = not caps
            s = syl(w, lang, acronym)
            c.syllables += s
            if s >= 3:
                c.poly += 1
            elif s == 1:
                c.mono += 1
    return c


def total(items: Iterable[Sentence]) -> Counts:
    """The sum of the counts of ``items``."""
    c = Counts()
    for s in items:
        c.add(s.counts)
    return c
