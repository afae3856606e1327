"""Compare adlint's AD301 verdicts with gender-decoder's method on the English corpus.

What
    gender-decoder (lovedaybrooke/gender-decoder, MIT) is the web tool most people
    know for Gaucher, Friesen & Kay (2011). This script re-implements its method
    (our own code; the method and the word lists are facts carried over), runs it
    and adlint's AD301 on the same English postings (``../shared/corpus``:
    en-google, en-hn, en-remote, seed), and reports how often the two agree and
    why they differ, posting by posting.

Source of the method
    lovedaybrooke/gender-decoder at commit
    73724e6b428713f0df7d7e2e226aec4769eeb0db (2023-03-08, master):
    ``app/models.py`` (``JobAd.clean_up_word_list``, ``de_hyphen_non_coded_words``,
    ``find_and_count_coded_words``, ``assess_coding``) and ``app/wordlists.py``
    (the lists, kept as data in ``benchmarks/gender_decoder_wordlists.yaml``).
    The method, as read there:

    - tokens: every non-ASCII character becomes a space, every white-space
      character a space, and the characters ``. , < > * ? ! " [ ] @ ' : ; ( ) / &``
      (and tab) a space; the text is split on single spaces, empty pieces
      dropped, lower-cased. Other characters (``- _ # $ % + = | ~`` digits...)
      stay inside tokens.
    - hyphens: a token holding a hyphen is split on it, unless it starts with a
      hyphen or with one of the hyphenated coded stems (``co-operat``,
      ``self-confiden``...). Their loop removes items from the list it iterates
      over, so the token right after the first one that is processed (nearly
      always the second token of the text) is never split; this is reproduced.
    - matching: a token counts once for every stem of a list it starts with
      (``dominant`` matches ``domina`` and ``dominant``: 2), unless it is one of
      the exceptions (``sharepoint``, exact).
    - verdict: ``score = feminine - masculine``; 0 with no feminine words
      "empty", 0 otherwise "neutral"; > 3 "strongly feminine-coded"; 1..3
      "feminine-coded"; < -3 "strongly masculine-coded"; -3..-1
      "masculine-coded". Raw counts: no length normalisation, no evidence floor.

How the comparison works
    adlint is run once over the English folders (``adlint check --select AD301
    --output-format json`` with a temporary config setting ``verdict = "always"``
    and ``per-word = true``), so every posting gets its label, counts and word
    count, and every counted word its own finding. adlint's verdict compared is
    the one ``verdict = "coded"`` reports: that label when it leans one way on
    at least ``min-evidence`` words, else neutral. The options' defaults are read
    from ``adlint rule AD301``; when the default is ``verdict = "masculine"``
    (feminine leans not shown) the agreement of that default is printed too.

    gender-decoder reads the text adlint reads: ``adlint inspect FILE`` (the
    posting's title, headings and blocks, HTML and JSON-LD already turned into
    text), joined with new lines, the title once, as a person would paste the
    ad into gender-decoder's form. The raw file (HTML tags, JSON keys, front
    matter) is also scored, to show how much the text source alone changes
    gender-decoder's verdicts.

    Verdicts are mapped to masculine / neutral / feminine (gender-decoder's
    "empty" and "neutral" are neutral) with a strong/somewhat grade. For each
    posting where the two differ the script walks from gender-decoder to adlint
    one step at a time: (1) adlint's words with gender-decoder's scoring, (2)
    adlint's scoring per 100 words (short texts as ``min-words``), (3) adlint's
    ``min-evidence`` floor. The first step that changes the verdict is the
    primary cause. When it is step 1 the word-level difference is split into
    causes found by comparing the two hit lists (per category and word): words
    in the title or headings (adlint counts the body), sections adlint skips
    (company, benefits, pay, how to apply), stems adlint lacks or has as whole
    words, words and phrases adlint's pack excludes (false friends, task and
    role words), gender-decoder counting one word once per stem, hyphenated
    compounds, equal-opportunity statements, URLs and quoted names, code,
    mentions of the job title, proper names, tokenisation. The checks read
    adlint's pack (``rules/inclusive/gender_coded.en.yaml``) and approximate its
    context rules; a word-level difference no check explains is 'unexplained'.
    The cause of step 1 is the word cause that moves the score most in the
    direction of adlint's verdict (one that flips it on its own first).

Run (from the project root, adlint installed in ``.venv``)::

    .venv/bin/python benchmarks/gender_decoder.py             # plain-text tables
    .venv/bin/python benchmarks/gender_decoder.py --markdown  # tables for a note
    .venv/bin/python benchmarks/gender_decoder.py --json > out.json   # machine-readable
    .venv/bin/python benchmarks/gender_decoder.py --load out.json --markdown   # re-print a saved run

``adlint inspect`` runs once per posting (about 0.25 s each, ``--jobs`` in
parallel): expect a minute or two. Exit status 0; 2 when the corpus is missing.
Needs the standard library and PyYAML only.
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
FOLDERS = ("en-google", "en-hn", "en-remote", "seed")
WORDLISTS = Path(__file__).with_name("gender_decoder_wordlists.yaml")
ADLINT_PACK = ROOT / "rules" / "inclusive" / "gender_coded.en.yaml"
EEO_PACK = ROOT / "rules" / "inclusive" / "eeo.en.yaml"
GD_SOURCES = ("gaucher2011", "gender-decoder")

# ---------------------------------------------------------------------------------------------------------------------
# gender-decoder's method
# ---------------------------------------------------------------------------------------------------------------------

#: Characters gender-decoder turns into spaces besides non-ASCII and white space (app/models.py at 73724e6).
_GD_SEPARATORS = frozenset(".\t,<>*?!\"[]@':;()/&")


@dataclass(frozen=True)
class WordLists:
    """gender-decoder's stems: masculine, feminine, hyphenated stems kept whole, exact exceptions."""

    masculine: tuple[str, ...]
    feminine: tuple[str, ...]
    hyphenated: tuple[str, ...]
    exceptions: frozenset[str]
    commit: str = ""


def load_wordlists(path: Path = WORDLISTS) -> WordLists:
    """Read gender-decoder's lists from the data file beside this script."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return WordLists(tuple(data["masculine"]), tuple(data["feminine"]), tuple(data["hyphenated"]),
                     frozenset(data["non_coded_exceptions"]), data.get("commit", ""))


@dataclass(frozen=True)
class Token:
    """One gender-decoder token: the lower-cased word and its ``[start, end)`` offsets in the text given."""

    word: str
    start: int
    end: int


def gd_clean(text: str) -> str:
    """The text with every character gender-decoder treats as a separator replaced by a space (same length)."""
    return "".join(" " if (ord(c) >= 128 or c.isspace() or c in _GD_SEPARATORS) else c for c in text)


def gd_tokens(text: str, lists: WordLists) -> list[Token]:
    """gender-decoder's word list for ``text``, with offsets: cleaned, split on spaces, lower-cased, de-hyphenated.

    A token with a hyphen is split on it unless it starts with a hyphen or with a
    hyphenated coded stem. As in gender-decoder, the token after the first one
    its loop processes is left unsplit (the loop removes from the list it walks).
    """
    clean = gd_clean(text)
    raw: list[Token] = []
    pos = 0
    for piece in clean.split(" "):
        if piece:
            raw.append(Token(piece.lower(), pos, pos + len(piece)))
        pos += len(piece) + 1

    def exempt(word: str) -> bool:
        return word.startswith("-") or word.startswith(lists.hyphenated)

    first = next((i for i, t in enumerate(raw) if not exempt(t.word)), None)
    skipped = first + 1 if first is not None else -1
    out: list[Token] = []
    for i, t in enumerate(raw):
        if "-" not in t.word or i == skipped or exempt(t.word):
            out.append(t)
            continue
        p = t.start
        for part in t.word.split("-"):
            if part:
                out.append(Token(part, p, p + len(part)))
            p += len(part) + 1
    return out


@dataclass
class GDHit:
    """A token counted by gender-decoder: the token, the stem it starts with, the category."""

    token: Token
    stem: str
    category: str


def gd_hits(tokens: list[Token], lists: WordLists) -> list[GDHit]:
    """Every (token, stem) pair gender-decoder counts: a token counts once per stem it starts with."""
    hits = []
    for t in tokens:
        if t.word in lists.exceptions:
            continue
        for category, stems in (("masculine", lists.masculine), ("feminine", lists.feminine)):
            for stem in stems:
                if t.word.startswith(stem):
                    hits.append(GDHit(t, stem, category))
    return hits


def gd_coding(masculine: int, feminine: int) -> str:
    """gender-decoder's verdict from its two raw counts (``assess_coding``)."""
    score = feminine - masculine
    if score == 0:
        return "neutral" if feminine else "empty"
    if score > 3:
        return "strongly feminine-coded"
    if score > 0:
        return "feminine-coded"
    if score < -3:
        return "strongly masculine-coded"
    return "masculine-coded"


def gd_assess(text: str, lists: WordLists) -> dict:
    """Counts, coded words and verdict of ``text`` by gender-decoder's method."""
    hits = gd_hits(gd_tokens(text, lists), lists)
    m = [h.token.word for h in hits if h.category == "masculine"]
    f = [h.token.word for h in hits if h.category == "feminine"]
    return {"masculine": len(m), "feminine": len(f), "masculine_words": m, "feminine_words": f,
            "coding": gd_coding(len(m), len(f))}


# ---------------------------------------------------------------------------------------------------------------------
# common verdicts and agreement
# ---------------------------------------------------------------------------------------------------------------------

SIDES = ("masculine", "neutral", "feminine")
GD_LABELS = ("strongly masculine-coded", "masculine-coded", "neutral", "empty", "feminine-coded",
             "strongly feminine-coded")
AD_LABELS = ("strongly masculine-coded", "somewhat masculine-coded", "neutral", "somewhat feminine-coded",
             "strongly feminine-coded")


def side_of(label: str) -> str:
    """The 3-way verdict of a gender-decoder or adlint label: masculine, neutral (also 'empty') or feminine."""
    return "masculine" if "masculine" in label else "feminine" if "feminine" in label else "neutral"


def grade_of(label: str) -> str:
    """'strong', 'somewhat' or '' (neutral) of a label of either tool."""
    if side_of(label) == "neutral":
        return ""
    return "strong" if label.startswith("strongly") else "somewhat"


def gd_side_from_diff(diff: int) -> str:
    """gender-decoder's 3-way verdict from masculine minus feminine words."""
    return "masculine" if diff > 0 else "feminine" if diff < 0 else "neutral"


def kappa(pairs: list[tuple[str, str]]) -> float | None:
    """Cohen's kappa of two raters' labels; ``None`` when undefined (no pairs, or chance agreement is 1)."""
    n = len(pairs)
    if not n:
        return None
    po = sum(a == b for a, b in pairs) / n
    ca = collections.Counter(a for a, _ in pairs)
    cb = collections.Counter(b for _, b in pairs)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return None if pe >= 1 else (po - pe) / (1 - pe)


# ---------------------------------------------------------------------------------------------------------------------
# adlint: verdicts, options, reading, word list
# ---------------------------------------------------------------------------------------------------------------------

_VERDICT = re.compile(r"^posting is (?P<label>[a-z -]+?): (?P<m>\d+) masculine-coded and (?P<f>\d+) feminine-coded "
                      r"words in (?P<w>\d+) words \((?P<score>[+-]?[\d.]+) per 100 words\)")
_WORD = re.compile(r"^'(?P<word>.+)' is (?P<cat>masculine|feminine)-coded wording")


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    """Run a command from the project root and capture its output as text."""
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, **kw)


def adlint_options(adlint: str) -> dict:
    """AD301's option defaults (threshold, somewhat, min-words, min-evidence, verdict) from ``adlint rule AD301``."""
    text = run([adlint, "rule", "AD301"]).stdout
    out: dict = {}
    for key in ("threshold", "somewhat", "min-words", "min-evidence"):
        m = re.search(rf"`{key}` \(default `([\d.]+)`\)", text)
        if not m:
            raise SystemExit(f"cannot read the default of {key} from 'adlint rule AD301'")
        out[key] = float(m.group(1))
    m = re.search(r"`verdict` \(default `(\w+)`\)", text)
    out["verdict"] = m.group(1) if m else "coded"
    return out


def adlint_verdicts(adlint: str, paths: list[Path]) -> dict[str, dict]:
    """adlint's AD301 result per posting path: label, counts, words, validated list, counted words.

    One run over all ``paths`` with ``verdict = "always"`` and ``per-word = true``.
    """
    with tempfile.TemporaryDirectory() as tmp:
        cfg = Path(tmp) / "ad301.toml"
        cfg.write_text('[rules.AD301]\nverdict = "always"\nper-word = true\n', encoding="utf-8")
        proc = run([adlint, "check", "--config", str(cfg), "--select", "AD301", "--output-format", "json",
                    "--exit-zero", *map(str, paths)])
    if proc.returncode != 0:
        raise SystemExit(f"adlint check failed ({proc.returncode}): {proc.stderr[-2000:]}")
    out: dict[str, dict] = {}
    for f in json.loads(proc.stdout):
        if f.get("code") != "AD301":
            continue
        rec = out.setdefault(f["path"], {"label": None, "words_hit": []})
        msg = f["message"]
        v = _VERDICT.match(msg)
        if v:
            rec.update(label=v["label"], masculine=int(v["m"]), feminine=int(v["f"]), words=int(v["w"]),
                       score=float(v["score"]), validated="unvalidated" not in msg)
            continue
        w = _WORD.match(msg)
        if w:
            loc = f.get("location") or {}
            rec["words_hit"].append({"word": w["word"], "category": w["cat"],
                                     "line": loc.get("line"), "column": loc.get("column")})
    return out


def adlint_verdict(masc: int, fem: int, words: int, opts: dict[str, float]) -> str:
    """adlint's AD301 label from counts and word count (the scoring of ``verdict()``, no evidence floor)."""
    score = (masc - fem) * 100.0 / max(words, opts["min-words"])
    if score >= opts["threshold"]:
        return "strongly masculine-coded"
    if score >= opts["somewhat"] and score > 0:
        return "somewhat masculine-coded"
    if score <= -opts["threshold"]:
        return "strongly feminine-coded"
    if score <= -opts["somewhat"] and score < 0:
        return "somewhat feminine-coded"
    return "neutral"


def reported(label: str, masc: int, fem: int, opts: dict, mode: str = "coded") -> str:
    """The label adlint reports with ``verdict = mode``: a lean needs ``min-evidence`` words on its side.

    ``coded`` reports a lean either way, ``masculine`` only a masculine one;
    anything not reported is neutral here.
    """
    side = side_of(label)
    if side == "neutral" or (mode == "masculine" and side != "masculine"):
        return "neutral"
    return label if (masc if side == "masculine" else fem) >= opts["min-evidence"] else "neutral"


@dataclass
class Region:
    """A piece of the posting as adlint reads it: kind (title, heading, block), section id, text, offset in the joined text."""

    kind: str
    section: str | None
    block_kind: str | None
    text: str
    offset: int = 0


def inspect(adlint: str, path: Path) -> dict | None:
    """``adlint inspect`` of one posting, parsed; tried twice, ``None`` when it fails (reported as skipped)."""
    for _ in range(2):
        proc = run([adlint, "inspect", str(path)])
        if proc.returncode == 0:
            try:
                return json.loads(proc.stdout)
            except ValueError:
                pass
    print(f"adlint inspect {path} failed: {proc.stderr.strip()[-300:]}", file=sys.stderr)
    return None


def regions_of(model: dict) -> list[Region]:
    """The title (once per distinct text), headings and blocks of an inspected posting, in reading order."""
    regions: list[Region] = []
    seen: set[str] = set()
    for t in model.get("titles") or ([model["title"]] if model.get("title") else []):
        key = " ".join(t["text"].lower().split())
        if key and key not in seen:
            seen.add(key)
            regions.append(Region("title", None, None, t["text"]))
    for s in model.get("sections", []):
        if s.get("heading") and s["heading"]["text"].strip() and \
                " ".join(s["heading"]["text"].lower().split()) not in seen:
            regions.append(Region("heading", s.get("id"), None, s["heading"]["text"]))
        for b in s.get("blocks", []):
            regions.append(Region("block", s.get("id"), b.get("kind"), b["text"]))
    pos = 0
    for r in regions:
        r.offset = pos
        pos += len(r.text) + 1
    return regions


def joined(regions: list[Region]) -> str:
    """The text gender-decoder is given: the regions joined with new lines."""
    return "\n".join(r.text for r in regions)


def titles_of(model: dict) -> list[str]:
    """The posting's job titles as adlint looks for them in the text: lower case, no brackets or ' - '/'|' tail, 2+ words."""
    out = []
    for t in model.get("titles") or []:
        title = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", t["text"].lower())
        title = " ".join(title.split(" - ")[0].split("|")[0].split())
        if len(title.split()) >= 2:
            out.append(title)
    return out


def _phrase_regex(phrase: str) -> str:
    """A regex for a term-list phrase: its words between word boundaries, any run of spaces, hyphens or slashes between."""
    parts = []
    for w in re.split(r"[\s\-/]+", phrase.strip()):
        if w:
            parts.append(re.escape(w.rstrip("*")).replace("'", "['’]") + (r"[^\W_]*" if w.endswith("*") else ""))
    return r"(?<![^\W_])" + r"[\s\-/,]+".join(parts) + r"(?![^\W_])"


def norm(word: str) -> str:
    """A word compared across the tools: lower case, letters and digits only (co-operative → cooperative)."""
    return re.sub(r"[^\w]|_", "", word.lower())


@dataclass
class AdlintEntry:
    """One AD301 entry of adlint's English list: terms as (stem, is_prefix), category, exception phrases."""

    terms: list[tuple[str, bool]]
    category: str
    source: list[str]
    exceptions: re.Pattern | None
    not_in_sections: frozenset[str] = frozenset()


@dataclass
class AdlintList:
    """adlint's English gender-coded list (entries citing gaucher2011 or gender-decoder), its excluded words and sections."""

    entries: list[AdlintEntry]
    exception_words: frozenset[str]
    exception_stems: tuple[str, ...]
    not_in_sections: frozenset[str] = frozenset()
    skip_in: tuple[str, ...] = ()

    def entry_for(self, word: str) -> tuple[AdlintEntry, str] | None:
        """The entry adlint's matcher would use for ``word`` (longest matching stem), with that stem; or None."""
        w = norm(word)
        best = None
        for e in self.entries:
            for stem, prefix in e.terms:
                if (w.startswith(stem) if prefix else w == stem) and (best is None or len(stem) > len(best[1])):
                    best = (e, stem)
        return best

    def false_friend(self, word: str) -> bool:
        """True when ``word`` is one of the pack's exception words (SharePoint, committee, analysis...)."""
        w = word.lower()
        return (w in self.exception_words or w.replace("-", "") in self.exception_words
                or (bool(self.exception_stems) and w.startswith(self.exception_stems)))


def load_adlint_list(path: Path = ADLINT_PACK) -> AdlintList:
    """adlint's English AD301 entries that cite Gaucher et al. or gender-decoder, read from its rule pack."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    entries = []
    for e in data.get("entries", []):
        src = e.get("source")
        src = [src] if isinstance(src, str) else list(src or [])
        if not set(src) & set(GD_SOURCES) or not e.get("term"):
            continue
        terms = [(norm(t.rstrip("*")), t.endswith("*")) for t in e["term"]]
        exc = e.get("exceptions") or []
        pat = re.compile("|".join(_phrase_regex(x) for x in exc), re.I) if exc else None
        entries.append(AdlintEntry(terms, e["category"], src, pat, frozenset(e.get("not_in_sections") or ())))
    words = [x.lower() for x in data.get("exceptions", [])]
    return AdlintList(entries, frozenset(w for w in words if not w.endswith("*")),
                      tuple(w[:-1] for w in words if w.endswith("*")),
                      frozenset(data.get("not_in_sections") or ()), tuple(data.get("skip_in") or ()))


def load_eeo_markers(path: Path = EEO_PACK) -> re.Pattern | None:
    """One regex for the markers of an equal-opportunity statement (adlint's ``eeo`` context pack)."""
    if not path.exists():
        return None
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    terms = [t for e in data.get("entries", []) for t in (e.get("term") or [])]
    return re.compile("|".join(_phrase_regex(t) for t in terms), re.I) if terms else None


# ---------------------------------------------------------------------------------------------------------------------
# word lists compared
# ---------------------------------------------------------------------------------------------------------------------

def compare_lists(gd: WordLists, ad: AdlintList) -> dict[str, list[str]]:
    """How gender-decoder's stems differ from adlint's entries (gaucher2011 + gender-decoder), per kind of difference."""
    out: dict[str, list[str]] = collections.defaultdict(list)
    for category, stems in (("masculine", gd.masculine), ("feminine", gd.feminine)):
        mine = [(s, p) for e in ad.entries if e.category == category for s, p in e.terms]
        for stem in stems:
            s = norm(stem)
            if (s, True) in mine:
                continue
            broader = [b for b, p in mine if p and s.startswith(b) and b != s]
            if broader:
                out["gender-decoder stem inside a broader adlint stem"].append(f"{stem} ({broader[0]}*)")
            elif (s, False) in mine:
                out["gender-decoder stem, adlint whole word only"].append(stem)
            else:
                out["gender-decoder stem missing from adlint"].append(f"{stem} ({category})")
        for s, p in mine:
            if not any(s.startswith(norm(g)) for g in stems):
                out["adlint entry gender-decoder does not count"].append(f"{s}{'*' if p else ''} ({category})")
        for a in stems:
            for b in stems:
                if a != b and b.startswith(a) and norm(a) != norm(b):
                    out["gender-decoder counts twice (one stem inside another)"].append(f"{b} = {a} + {b}")
    if ad.exception_words or ad.exception_stems:
        extra = sorted((ad.exception_words | set(s + "*" for s in ad.exception_stems)) - gd.exceptions)
        out["words adlint excludes, gender-decoder counts (false friends, task and role words)"] = extra
    out["adlint entries with false-friend phrases (competitive salary, data-driven...)"] = [
        e.terms[0][0] + ("*" if e.terms[0][1] else "") for e in ad.entries if e.exceptions is not None]
    if ad.not_in_sections:
        out["sections adlint does not count"] = sorted(ad.not_in_sections)
    if ad.skip_in:
        out["adlint skips words inside"] = list(ad.skip_in)
    return dict(out)


# ---------------------------------------------------------------------------------------------------------------------
# causes
# ---------------------------------------------------------------------------------------------------------------------

C_LANG = "adlint read the posting as another language"
C_REGION = "title or heading: adlint counts body text only"
C_PREFIX = "word list: gender-decoder stem, adlint whole word (objectives, actively...)"
C_MISSING = "word list: stem adlint lacks (courage...)"
C_CATEGORY = "word list: other category in adlint"
C_ADONLY = "word list: adlint entry gender-decoder lacks (masculine, feminine...)"
C_DOUBLE = "gender-decoder counts a word once per stem (dominant, interpersonal)"
C_FRIEND = "word adlint's pack excludes: false friend, task or role word (committee, analysis, leading...)"
C_SECTION = "section adlint does not count (company, benefits, pay, how to apply, EEO...)"
C_PHRASE = "false-friend phrase adlint excludes (competitive salary, data-driven...)"
C_EEO = "inside an equal-opportunity statement"
C_URL = "inside a URL, e-mail address or short quotation"
C_CODE = "inside code"
C_TITLE = "inside a mention of the job title"
C_NAME = "inside a proper name or capitalised title (adlint's name context)"
C_TOKEN = "tokenisation: gender-decoder keeps the word inside a longer token"
C_HYPHEN = "hyphenated compound: adlint counts it joined (decision-making), gender-decoder splits it"
C_UNEXPLAINED = "unexplained"
C_NORM = "length normalisation: under 'somewhat' per 100 words (short texts as min-words)"
C_FLOOR = "min-evidence floor: too few words on the verdict's side"

_URLISH = re.compile(r"://|@|^www\.|[^\W_]\.(?:com|org|net|io|fr|de|es|eu|gouv|gov|co|ai|dev|app)(?:[/?#.]|$)", re.I)
_QUOTED = re.compile(r"\"[^\"\n]{1,40}\"|“[^”\n]{1,40}”|‘[^’\n]{1,40}’")
_SENT_END = re.compile(r"[.!?;](?=\s|$)|\n|[•·▪]\s")
_JOINERS = frozenset(["&", "of", "for", "de", "du", "des", "la", "le", "del"])
_CAP_WORD = re.compile(r"[^\W_][^\W_]*(?:['’.\-][^\W_]+)*|&")
#: Order in which an occurrence's possible reasons are tried and trusted (surest first).
_RANK = (C_REGION, C_SECTION, C_HYPHEN, C_PREFIX, C_MISSING, C_CATEGORY, C_FRIEND, C_PHRASE, C_EEO, C_URL, C_CODE, C_TITLE, C_NAME)


def _sentence(text: str, start: int) -> tuple[int, int]:
    """``(start, end)`` of the sentence of ``text`` around offset ``start``."""
    a = 0
    for m in _SENT_END.finditer(text):
        if m.end() <= start:
            a = m.end()
        else:
            return a, m.end()
    return a, len(text)


def _capitalised(word: str) -> bool:
    return bool(word) and (word[0].isupper() or (word[0].isalpha() and any(c.isupper() for c in word[1:])))


@dataclass
class Context:
    """What the cause checks need about one posting: regions, titles, employer, adlint's list, EEO markers."""

    regions: list[Region]
    titles: list[str]
    employer: str
    ad: AdlintList
    eeo: re.Pattern | None
    lower_words: frozenset[str] = field(default_factory=frozenset)
    ad_words: frozenset[str] = frozenset()  # adlint's counted words, normalised

    def region_at(self, pos: int) -> Region:
        """The region holding offset ``pos`` of the joined text."""
        cur = self.regions[0]
        for r in self.regions:
            if r.offset <= pos:
                cur = r
            else:
                break
        return cur


def gd_only_reason(hit: GDHit, ctx: Context) -> str | None:
    """Why adlint would not count this gender-decoder hit, or None when it should (first sure reason found)."""
    r = ctx.region_at(hit.token.start)
    if r.kind != "block":
        return C_REGION
    if r.section is not None and r.section in ctx.ad.not_in_sections:
        return C_SECTION
    a0, b0 = hit.token.start - r.offset, hit.token.end - r.offset
    while a0 > 0 and (r.text[a0 - 1].isalnum() or r.text[a0 - 1] == "-"):
        a0 -= 1
    while b0 < len(r.text) and (r.text[b0].isalnum() or r.text[b0] == "-"):
        b0 += 1
    compound = r.text[a0:b0].strip("-")
    if "-" in compound and norm(compound) in ctx.ad_words:
        return C_HYPHEN
    word = re.match(r"[a-z0-9]+(?:-[a-z0-9]+)*", hit.token.word)
    w = word.group(0) if word else hit.token.word
    found = ctx.ad.entry_for(w)
    if found is None:
        stem = norm(hit.stem)
        whole = any(s == stem and not p for e in ctx.ad.entries if e.category == hit.category for s, p in e.terms)
        return C_PREFIX if whole else C_MISSING
    entry, _ = found
    if r.section is not None and r.section in entry.not_in_sections:
        return C_SECTION
    if entry.category != hit.category:
        return C_CATEGORY
    if ctx.ad.false_friend(w):
        return C_FRIEND
    text = r.text
    a, b = hit.token.start - r.offset, hit.token.start - r.offset + len(w)
    if entry.exceptions is not None:
        for m in entry.exceptions.finditer(text, max(0, a - 60), min(len(text), b + 60)):
            if m.start() <= a and m.end() >= b:
                return C_PHRASE
    if r.section == "equal_opportunity":
        return C_EEO
    if ctx.eeo is not None:
        s0, s1 = _sentence(text, a)
        if ctx.eeo.search(text, s0, s1):
            return C_EEO
    c0 = max(text.rfind(" ", 0, a), text.rfind("\n", 0, a)) + 1
    ends = [k for k in (text.find(" ", b), text.find("\n", b)) if k >= 0]
    chunk = text[c0:min(ends) if ends else len(text)].strip("()[]<>,;:!?\"'«»“”")
    if _URLISH.search(chunk) or any(q.start() < a and b < q.end() for q in _QUOTED.finditer(text)):
        return C_URL
    if r.block_kind == "code" or any(m.start() < a < m.end() for m in re.finditer(r"`[^`\n]+`", text)):
        return C_CODE
    low = text.lower()
    for title in ctx.titles:
        i = low.find(title, max(0, a - len(title)), b + len(title))
        while i != -1 and i <= a:
            if i + len(title) >= b:
                return C_TITLE
            i = low.find(title, i + 1, b + len(title))
    if ctx.employer and ctx.employer in low:
        i = low.find(ctx.employer)
        while i != -1:
            if i <= a and b <= i + len(ctx.employer):
                return C_NAME
            i = low.find(ctx.employer, i + 1)
    # a run of two or more capitalised words, single joiners allowed ("Customer Support Engineer", "Hierarchy of Needs")
    words = [(m.start(), m.end(), m.group(0)) for m in _CAP_WORD.finditer(text)]
    k = 0
    while k < len(words):
        if not _capitalised(words[k][2]):
            k += 1
            continue
        j = k
        while j + 1 < len(words) and text[words[j][1]:words[j + 1][0]] == " ":
            if _capitalised(words[j + 1][2]):
                j += 1
            elif (words[j + 1][2].lower() in _JOINERS and j + 2 < len(words) and _capitalised(words[j + 2][2])
                  and text[words[j + 1][1]:words[j + 2][0]] == " "):
                j += 2
            else:
                break
        run_ = [w for w in words[k:j + 1] if w[2].lower() not in _JOINERS]
        before = text[:words[k][0]].rstrip(" \t\n\"'“”‘’([*•·–—-")
        if run_ and (not before or before.endswith((".", "!", "?", ":", ";"))) and run_[0][2].lower() in ctx.lower_words:
            run_ = run_[1:]  # "Our Lead iOS..." at a sentence start: an ordinary word capitalised
        if len(run_) >= 2 and run_[0][0] <= a and b <= run_[-1][1]:
            return C_NAME
        k = j + 1
    return None


def ad_only_reason(word: str, category: str, gd_list: WordLists, tokens: list[Token]) -> str:
    """Why gender-decoder does not count a word adlint counts."""
    w = norm(word)
    stems = gd_list.masculine if category == "masculine" else gd_list.feminine
    if "-" in word:
        return C_HYPHEN
    if not any(w.startswith(norm(s)) for s in stems):
        return C_ADONLY
    if any(w in norm(t.word) and not any(t.word.startswith(s) for s in stems) for t in tokens):
        return C_TOKEN
    if any(ord(c) >= 128 for c in word):
        return C_TOKEN
    return C_UNEXPLAINED


@dataclass
class Posting:
    """Everything computed for one posting."""

    path: str
    folder: str
    gd: dict
    gd_raw: str
    ad: dict
    ad_reported: str
    shipped: str = "neutral"
    steps: dict = field(default_factory=dict)
    word_causes: dict = field(default_factory=dict)   # cause -> {"dm": , "df": , "words": [...]}
    primary: str | None = None
    secondary: list[str] = field(default_factory=list)


def analyse(path: Path, model: dict, raw: str, ad: dict, gd_list: WordLists, ad_list: AdlintList,
            eeo: re.Pattern | None, opts: dict[str, float]) -> Posting:
    """Score one posting with gender-decoder's method and explain every difference from adlint's verdict."""
    regions = regions_of(model) or [Region("block", None, None, "")]
    text = joined(regions)
    tokens = gd_tokens(text, gd_list)
    hits = gd_hits(tokens, gd_list)
    gd_m = sum(h.category == "masculine" for h in hits)
    gd_f = len(hits) - gd_m
    gd = {"masculine": gd_m, "feminine": gd_f, "coding": gd_coding(gd_m, gd_f),
          "words": sorted(collections.Counter(f"{h.token.word}" for h in hits).items())}
    raw_gd = gd_assess(raw, gd_list)["coding"]
    rel = f"{path.parent.name}/{path.name}"
    if ad.get("label") is None:  # no AD301 verdict at all: a language without an AD301 list
        ad = {"label": "neutral", "masculine": 0, "feminine": 0, "words": 0, "score": 0.0, "validated": False,
              "words_hit": [], "no_verdict": True}
    rep = reported(ad["label"], ad["masculine"], ad["feminine"], opts)
    p = Posting(rel, path.parent.name, gd, raw_gd, ad, rep)
    p.shipped = reported(ad["label"], ad["masculine"], ad["feminine"], opts, opts.get("verdict", "coded"))

    # word-level differences, per (category, word)
    employer = ((model.get("metadata") or {}).get("employer") or {}).get("value") or ""
    if isinstance(employer, dict):  # a JSON-LD organisation
        employer = employer.get("name") or ""
    employer = employer if isinstance(employer, str) else ""
    lower = frozenset(w for r in regions if r.kind == "block" for w in re.findall(r"[^\W\d_]+", r.text) if w.islower())
    ctx = Context(regions, titles_of(model), employer.lower().strip(), ad_list, eeo, lower,
                  frozenset(norm(w["word"]) for w in ad["words_hit"]))
    causes: dict[str, dict] = {}

    def add(cause: str, category: str, word: str, sign: int) -> None:
        c = causes.setdefault(cause, {"dm": 0, "df": 0, "words": []})
        c["dm" if category == "masculine" else "df"] += sign
        c["words"].append(word)

    foreign = not ad.get("validated", True)
    by_token: dict[tuple[int, int], list[GDHit]] = collections.defaultdict(list)
    for h in hits:
        by_token[(h.token.start, h.token.end)].append(h)
    gd_occ: dict[tuple[str, str], list[GDHit]] = collections.defaultdict(list)
    for group in by_token.values():
        for extra in group[1:]:
            add(C_LANG if foreign else C_DOUBLE, extra.category, extra.token.word, -1)
        h = group[0]
        m = re.match(r"[a-z0-9]+(?:-[a-z0-9]+)*", h.token.word)
        gd_occ[(h.category, norm(m.group(0) if m else h.token.word))].append(h)
    ad_occ = collections.Counter((w["category"], norm(w["word"])) for w in ad["words_hit"])
    for key in set(gd_occ) | set(ad_occ):
        occ, j = gd_occ.get(key, []), ad_occ.get(key, 0)
        if len(occ) > j:
            reasons = [C_LANG if foreign else gd_only_reason(h, ctx) for h in occ]
            order = sorted(range(len(occ)), key=lambda i: _RANK.index(reasons[i]) if reasons[i] in _RANK
                           else (-1 if reasons[i] == C_LANG else len(_RANK)))
            for i in order[:len(occ) - j]:
                add(reasons[i] or C_UNEXPLAINED, key[0], occ[i].token.word, -1)
        elif j > len(occ):
            word = next(w["word"] for w in ad["words_hit"] if (w["category"], norm(w["word"])) == key)
            reason = C_LANG if foreign else ad_only_reason(word, key[0], gd_list, tokens)
            for _ in range(j - len(occ)):
                add(reason, key[0], word, +1)
    p.word_causes = causes

    # the walk from gender-decoder to adlint
    am, af = ad["masculine"], ad["feminine"]
    v0 = side_of(gd["coding"])
    v1 = gd_side_from_diff(am - af)
    v2 = side_of(ad["label"])
    v3 = side_of(rep)
    p.steps = {"gd": v0, "adlint_words_gd_scoring": v1, "adlint_no_floor": v2, "adlint": v3,
               "counts_reconciled": (gd_m + sum(c["dm"] for c in causes.values()) == am
                                     and gd_f + sum(c["df"] for c in causes.values()) == af)}
    if v0 == v3:
        return p
    chain = []
    if v1 != v0:
        d0, d1 = gd_m - gd_f, am - af
        want = 1 if d1 > d0 else -1
        ranked = sorted(causes.items(), key=lambda kv: -want * (kv[1]["dm"] - kv[1]["df"]))
        alone = [c for c, v in ranked if gd_side_from_diff(d0 + v["dm"] - v["df"]) == v1]
        helping = [c for c, v in ranked if want * (v["dm"] - v["df"]) > 0]
        chain.append(alone[0] if alone else helping[0] if helping else C_UNEXPLAINED)
        chain += [c for c in helping if c != chain[0]]
    if v2 != v1:
        chain.append(C_NORM)
    if v3 != v2:
        chain.append(C_FLOOR)
    if ad.get("no_verdict") and not chain:
        chain.append(C_LANG)
    p.primary = chain[0] if chain else C_UNEXPLAINED
    p.secondary = chain[1:]
    return p


# ---------------------------------------------------------------------------------------------------------------------
# the whole corpus
# ---------------------------------------------------------------------------------------------------------------------

def corpus_files(corpus: Path, folders: tuple[str, ...]) -> list[Path]:
    """The posting files of the English folders, sorted."""
    files = []
    for f in folders:
        d = corpus / f
        if d.is_dir():
            files += sorted(p for p in d.iterdir() if p.is_file() and not p.name.startswith("."))
    return files


def git_state() -> dict:
    """The commit of the checkout adlint ran from, and whether adlint/ or rules/ had uncommitted changes."""
    head = run(["git", "rev-parse", "HEAD"]).stdout.strip()
    dirty = [ln[3:] for ln in run(["git", "status", "--porcelain", "--", "adlint", "rules"]).stdout.splitlines()]
    return {"commit": head, "uncommitted": dirty}


def benchmark(corpus: Path, adlint: str, jobs: int, folders: tuple[str, ...] = FOLDERS) -> dict:
    """Run both tools over the corpus and return every number the reports print."""
    git = git_state()  # before adlint runs: other work may land in the checkout meanwhile
    gd_list, ad_list, eeo = load_wordlists(), load_adlint_list(), load_eeo_markers()
    opts = adlint_options(adlint)
    files = corpus_files(corpus, folders)
    ad = adlint_verdicts(adlint, [corpus / f for f in folders if (corpus / f).is_dir()])
    ad_by_real = {os.path.realpath(k): v for k, v in ad.items()}
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        models = list(pool.map(lambda p: inspect(adlint, p), files))
    postings, skipped = [], []
    for path, model in zip(files, models):
        if model is None:
            skipped.append(f"{path.parent.name}/{path.name}")
            continue
        raw = path.read_text(encoding="utf-8", errors="replace")
        rec = ad_by_real.get(os.path.realpath(path), {"label": None, "words_hit": []})
        postings.append(analyse(path, model, raw, rec, gd_list, ad_list, eeo, opts))
    s = summarise(postings, gd_list, ad_list, opts)
    s["skipped"] = skipped
    end = git_state()
    s["git"] = git if end == git else {**git, "changed_during_run_to": end}
    return s


def _examples(ps: list[Posting], cause: str, k: int = 3) -> list[str]:
    out = []
    for p in ps[:k]:
        c = p.word_causes.get(cause)
        words = collections.Counter(c["words"]) if c else None
        what = ", ".join(f"{w}×{n}" if n > 1 else w for w, n in words.most_common(6)) if words else \
            (f"gender-decoder {p.gd['masculine']}m/{p.gd['feminine']}f; adlint {p.ad['masculine']}m/"
             f"{p.ad['feminine']}f in {p.ad['words']} words, {p.ad['score']:+.2f}/100")
        out.append(f"{p.path} ({what})")
    return out


def summarise(postings: list[Posting], gd_list: WordLists, ad_list: AdlintList, opts: dict[str, float]) -> dict:
    """Confusion tables, agreement, kappa, per folder, causes with examples, word-level differences."""
    pairs = [(side_of(p.gd["coding"]), side_of(p.ad_reported)) for p in postings]
    confusion = {a: {b: 0 for b in SIDES} for a in SIDES}
    for a, b in pairs:
        confusion[a][b] += 1
    grades = {a: {b: 0 for b in AD_LABELS} for a in GD_LABELS}
    for p in postings:
        grades[p.gd["coding"]][p.ad_reported] += 1

    def agree(ps: list[Posting], key=lambda p: side_of(p.ad_reported)) -> dict:
        pr = [(side_of(p.gd["coding"]), key(p)) for p in ps]
        n = len(pr)
        k = kappa(pr)
        return {"n": n, "agree": sum(a == b for a, b in pr), "pct": 100.0 * sum(a == b for a, b in pr) / n if n else 0,
                "kappa": None if k is None else round(k, 3)}

    folders = {f: agree([p for p in postings if p.folder == f]) for f in dict.fromkeys(p.folder for p in postings)}
    steps = {
        "adlint's words, gender-decoder's scoring (raw difference)": agree(postings, lambda p: p.steps["adlint_words_gd_scoring"]),
        "adlint's words and scoring, no min-evidence floor": agree(postings, lambda p: p.steps["adlint_no_floor"]),
        "adlint, either lean reported (verdict = \"coded\")": agree(postings),
        f"adlint as shipped (verdict = \"{opts.get('verdict')}\")": agree(postings, lambda p: side_of(p.shipped)),
    }
    same_side = [p for p in postings if side_of(p.gd["coding"]) == side_of(p.ad_reported) != "neutral"]
    grade_agree = sum(grade_of(p.gd["coding"]) == grade_of(p.ad_reported) for p in same_side)
    diff = [p for p in postings if side_of(p.gd["coding"]) != side_of(p.ad_reported)]
    by_cause: dict[str, list[Posting]] = collections.defaultdict(list)
    involved: collections.Counter = collections.Counter()
    for p in diff:
        by_cause[p.primary or C_UNEXPLAINED].append(p)
        for c in {p.primary, *p.secondary}:
            involved[c] += 1
    causes = [{"cause": c, "postings": len(ps), "involved": involved[c], "examples": _examples(ps, c)}
              for c, ps in sorted(by_cause.items(), key=lambda kv: -len(kv[1]))]
    words: dict[str, dict] = {}
    for p in postings:
        for c, v in p.word_causes.items():
            w = words.setdefault(c, {"gd_only": 0, "adlint_only": 0, "postings": 0, "words": collections.Counter()})
            n = len(v["words"])
            sign_gd = v["dm"] + v["df"] < 0
            w["gd_only" if sign_gd else "adlint_only"] += n
            w["postings"] += 1
            w["words"].update(v["words"])
    word_rows = [{"cause": c, "gd_only": v["gd_only"], "adlint_only": v["adlint_only"], "postings": v["postings"],
                  "top": [f"{k}×{n}" for k, n in v["words"].most_common(8)]}
                 for c, v in sorted(words.items(), key=lambda kv: -(kv[1]["gd_only"] + kv[1]["adlint_only"]))]
    source_agree = sum(p.gd_raw == p.gd["coding"] for p in postings)
    source_side = sum(side_of(p.gd_raw) == side_of(p.gd["coding"]) for p in postings)
    unexplained = [p for p in postings if C_UNEXPLAINED in p.word_causes]
    return {
        "gender_decoder": {"repository": "lovedaybrooke/gender-decoder", "commit": gd_list.commit},
        "adlint_options": opts,
        "postings": len(postings),
        "confusion": confusion,
        "grades": grades,
        "overall": agree(postings),
        "folders": folders,
        "steps": steps,
        "grade_agreement": {"same_side": len(same_side), "same_grade": grade_agree},
        "differences": len(diff),
        "causes": causes,
        "word_causes": word_rows,
        "unexplained_differences": [p.path for p in by_cause.get(C_UNEXPLAINED, [])],
        "unexplained_words": [{"path": p.path, "words": p.word_causes[C_UNEXPLAINED]["words"]} for p in unexplained],
        "counts_not_reconciled": [p.path for p in postings if not p.steps["counts_reconciled"]],
        "text_source": {"same_label": source_agree, "same_side": source_side, "n": len(postings)},
        "list_differences": compare_lists(gd_list, ad_list),
        "per_posting": [{"path": p.path, "gd": p.gd["coding"], "gd_counts": [p.gd["masculine"], p.gd["feminine"]],
                         "gd_raw_text": p.gd_raw, "adlint": p.ad_reported, "adlint_label": p.ad["label"],
                         "adlint_shipped": p.shipped,
                         "adlint_counts": [p.ad["masculine"], p.ad["feminine"]], "adlint_words": p.ad["words"],
                         "steps": p.steps, "primary_cause": p.primary, "other_causes": p.secondary,
                         "word_causes": p.word_causes} for p in postings],
    }


# ---------------------------------------------------------------------------------------------------------------------
# reports
# ---------------------------------------------------------------------------------------------------------------------

def _table(head: list[str], rows: list[list], markdown: bool) -> str:
    """A table as Markdown or aligned plain text."""
    rows = [[str(c) for c in r] for r in rows]
    if markdown:
        esc = [[c.replace("|", "\\|") for c in r] for r in rows]
        return "\n".join(["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
                         + ["| " + " | ".join(r) + " |" for r in esc])
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(head)]
    line = lambda r: "  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip()  # noqa: E731
    return "\n".join([line(head), line(["-" * w for w in widths])] + [line(r) for r in rows])


def render(s: dict, markdown: bool) -> str:
    """The report: tables for a closing note (Markdown) or a terminal (plain text)."""
    h = (lambda t: f"### {t}") if markdown else (lambda t: f"{t}\n{'=' * len(t)}")
    k = lambda v: "n/a" if v is None else f"{v:.3f}"  # noqa: E731
    g = s["git"]
    moved = g.get("changed_during_run_to")
    out = [h("adlint AD301 vs gender-decoder"),
           f"adlint at {g['commit'][:12]}" + (f" with uncommitted changes in {', '.join(g['uncommitted'])}"
                                              if g["uncommitted"] else "")
           + (f" (the checkout moved to {moved['commit'][:12]} during the run)" if moved else "")
           + f"; gender-decoder's method and lists at {s['gender_decoder']['commit'][:12]} "
             f"({s['gender_decoder']['repository']}). {s['postings']} English postings. Both read the text "
             "`adlint inspect` gives (title, headings, blocks); adlint counts the blocks. adlint options: "
           + ", ".join(f"{a} {b:g}" if isinstance(b, float) else f"{a} {b}" for a, b in s["adlint_options"].items())
           + ". adlint's verdict below is the one `verdict = \"coded\"` reports (a lean either way on at least "
             "min-evidence words, else neutral)"
           + (f"; by default (`verdict = \"{s['adlint_options'].get('verdict')}\"`) adlint shows only masculine "
              "leans, see the last step row" if s["adlint_options"].get("verdict") == "masculine" else "")
           + "." + (f" Skipped (adlint inspect failed): {', '.join(s['skipped'])}." if s.get("skipped") else ""), ""]
    o = s["overall"]
    out += [h("Agreement (masculine / neutral / feminine)"),
            f"{o['agree']}/{o['n']} postings agree ({o['pct']:.1f} %), Cohen's kappa {k(o['kappa'])}.", "",
            _table(["gender-decoder \\ adlint", *SIDES, "total"],
                   [[a, *(s["confusion"][a][b] for b in SIDES), sum(s["confusion"][a].values())] for a in SIDES],
                   markdown), "",
            _table(["folder", "postings", "agree", "%", "kappa"],
                   [[f, v["n"], v["agree"], f"{v['pct']:.1f}", k(v["kappa"])] for f, v in s["folders"].items()],
                   markdown), "",
            "From gender-decoder to adlint, one step at a time (agreement with gender-decoder):", "",
            _table(["adlint variant", "agree", "%", "kappa"],
                   [[name, v["agree"], f"{v['pct']:.1f}", k(v["kappa"])] for name, v in s["steps"].items()],
                   markdown), ""]
    ga = s["grade_agreement"]
    out += [h("Grades"),
            f"Where both lean the same way ({ga['same_side']} postings) they give the same grade (strong/somewhat) "
            f"in {ga['same_grade']}. gender-decoder's labels (rows) against adlint's reported labels (columns):", "",
            _table(["gender-decoder \\ adlint", *(a.replace("-coded", "") for a in AD_LABELS)],
                   [[a, *(s["grades"][a][b] for b in AD_LABELS)] for a in GD_LABELS], markdown), ""]
    out += [h("Causes of the differences"),
            f"{s['differences']} postings differ. Primary cause = the first step from gender-decoder to adlint that "
            "changes the verdict; for a word-list step, the word cause that moves the score most towards adlint's "
            "verdict. 'involved' also counts postings where the cause helped but was not primary.", "",
            _table(["cause", "postings", "involved", "examples (path: words)"],
                   [[c["cause"], c["postings"], c["involved"], "; ".join(c["examples"])] for c in s["causes"]],
                   markdown), ""]
    out += [h("Word-level differences (all postings)"),
            "Hits counted by one tool and not the other, by cause.", "",
            _table(["cause", "gender-decoder only", "adlint only", "postings", "most frequent words"],
                   [[c["cause"], c["gd_only"], c["adlint_only"], c["postings"], ", ".join(c["top"])]
                    for c in s["word_causes"]], markdown), ""]
    out += [h("Word lists"), "gender-decoder's lists against adlint's entries tagged gaucher2011 or gender-decoder:", "",
            _table(["difference", "n", "stems"],
                   [[d, len(v), ", ".join(v)] for d, v in s["list_differences"].items()], markdown), ""]
    ts = s["text_source"]
    out += [h("Text source"),
            f"gender-decoder on adlint's reading vs on the raw file (HTML tags, JSON-LD keys, front matter): same "
            f"label on {ts['same_label']}/{ts['n']} postings, same 3-way verdict on {ts['same_side']}/{ts['n']}. "
            "This report uses adlint's reading.", ""]
    un = s["unexplained_differences"]
    out += [h("Unexplained"),
            (f"Differences with no cause found: {len(un)}" + (": " + ", ".join(un) if un else ".")),
            f"Postings with word hits no check explains: {len(s['unexplained_words'])}"
            + ("".join(f"\n- {u['path']}: {', '.join(u['words'])}" for u in s["unexplained_words"])
               if s["unexplained_words"] else "."),
            f"Postings whose word differences do not add up to adlint's counts: {len(s['counts_not_reconciled'])}"
            + (": " + ", ".join(s["counts_not_reconciled"]) if s["counts_not_reconciled"] else ".")]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Command line: run the benchmark and print the report."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    fmt = ap.add_mutually_exclusive_group()
    fmt.add_argument("--markdown", action="store_true", help="print Markdown tables")
    fmt.add_argument("--json", action="store_true", help="print JSON (with per-posting details)")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="corpus root (default: ../shared/corpus)")
    ap.add_argument("--adlint", default=str(ROOT / ".venv" / "bin" / "adlint"), help="adlint executable")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="parallel 'adlint inspect' processes")
    ap.add_argument("--load", type=Path, help="print the report of a saved --json output instead of running")
    args = ap.parse_args(argv)
    if args.load:
        s = json.loads(args.load.read_text(encoding="utf-8"))
    elif not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    else:
        s = benchmark(args.corpus, args.adlint, max(1, args.jobs))
    if args.json:
        json.dump(s, sys.stdout, indent=1, ensure_ascii=False, default=list)
        print()
    else:
        sys.stdout.write(render(s, args.markdown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
