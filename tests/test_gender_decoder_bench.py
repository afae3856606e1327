"""benchmarks/gender_decoder.py: its gender-decoder implementation on sentences whose result the method fixes.

gender-decoder (lovedaybrooke/gender-decoder at 73724e6, app/models.py): non-ASCII and some punctuation
become spaces, hyphenated words are split (except coded hyphenated stems, and the token after the first one
its loop processes), a token counts once per stem it starts with, and the verdict is the raw difference
feminine - masculine: 0 neutral/empty, 1..3 coded, more than 3 strongly. No corpus needed.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "gender_decoder.py"


@pytest.fixture(scope="module")
def gd():
    spec = importlib.util.spec_from_file_location("gender_decoder_bench", BENCH)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up there
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def lists(gd):
    return gd.load_wordlists()


def test_lists_are_gender_decoders(lists):
    assert lists.commit == "73724e6b428713f0df7d7e2e226aec4769eeb0db"
    assert (len(lists.masculine), len(lists.feminine), len(lists.hyphenated)) == (52, 50, 7)
    assert lists.exceptions == {"sharepoint"}
    assert "courag" in lists.masculine and "masculine" not in lists.masculine and "feminine" not in lists.feminine


@pytest.mark.parametrize("text, masculine, feminine, coding", [
    # dominant = domina + dominant, interpersonal = interpersonal + interpersona, leader = lead
    ("We want a dominant, interpersonal leader.", 3, 2, "masculine-coded"),
    # sharepoint is the one exception (exact word); shares starts with share
    ("Our SharePoint team shares knowledge.", 0, 1, "feminine-coded"),
    ("Write clean code.", 0, 0, "empty"),
    ("Lead with support.", 1, 1, "neutral"),
    # -4 is 'strongly', -3 is not; decisive matches decisive only (not decid, not decision)
    ("Ambitious, assertive, competitive and decisive.", 4, 0, "strongly masculine-coded"),
    ("Ambitious, assertive and competitive.", 3, 0, "masculine-coded"),
    ("Supportive, collaborative, understanding and warm.", 0, 4, "strongly feminine-coded"),
    ("Supportive, collaborative and warm, yet driven.", 1, 3, "feminine-coded"),
    # hyphenated coded stems stay whole; data-driven (first token) is split into data + driven
    ("Data-driven, co-operative, self-confident.", 2, 1, "masculine-coded"),
    # the token right after the first processed one stays unsplit: data-driven is not counted here...
    ("We data-driven people", 0, 0, "empty"),
    # ...but is one token later
    ("We are data-driven", 1, 0, "masculine-coded"),
    # non-ASCII (ï, em dash, curly quotes) separates words; '#' and '|' do not
    ("naïve leadership—‘trust’", 1, 1, "neutral"),
    ("#lead lead| #support", 1, 0, "masculine-coded"),
])
def test_counts_and_verdict(gd, lists, text, masculine, feminine, coding):
    got = gd.gd_assess(text, lists)
    assert (got["masculine"], got["feminine"], got["coding"]) == (masculine, feminine, coding)


def test_token_offsets_point_into_the_text(gd, lists):
    text = "Team-lead, now: Co-operative!"
    toks = gd.gd_tokens(text, lists)
    assert [t.word for t in toks] == ["team", "lead", "now", "co-operative"]
    assert all(text[t.start:t.end].lower() == t.word for t in toks)


def test_common_verdicts_and_kappa(gd):
    assert [gd.side_of(x) for x in ("strongly masculine-coded", "empty", "neutral", "somewhat feminine-coded")] == \
        ["masculine", "neutral", "neutral", "feminine"]
    assert gd.grade_of("strongly feminine-coded") == "strong" and gd.grade_of("masculine-coded") == "somewhat"
    assert gd.kappa([("m", "m"), ("f", "f"), ("n", "n")]) == pytest.approx(1.0)
    assert gd.kappa([("m", "m"), ("f", "f"), ("m", "f"), ("f", "m")]) == pytest.approx(0.0)


def test_adlint_scoring_and_floor(gd):
    opts = {"threshold": 0.8, "somewhat": 0.2, "min-words": 500, "min-evidence": 3}
    # 1 word of difference in a short text is 0.2 per 100 words (scored as 500 words): somewhat
    assert gd.adlint_verdict(3, 2, 120, opts) == "somewhat masculine-coded"
    # the same difference in 1,000 words is 0.1: neutral, where gender-decoder says masculine-coded
    assert gd.adlint_verdict(3, 2, 1000, opts) == "neutral"
    assert gd.adlint_verdict(0, 4, 300, opts) == "strongly feminine-coded"
    assert gd.reported("somewhat feminine-coded", 0, 2, opts) == "neutral"  # 2 words: under the floor
    assert gd.reported("strongly feminine-coded", 0, 4, opts, "masculine") == "neutral"
    assert gd.reported("strongly feminine-coded", 0, 4, opts, "coded") == "strongly feminine-coded"
