"""The on-disk cache of validated rule data: same result as reading the YAML, and never in the way."""

from __future__ import annotations

from pathlib import Path

import pytest

from adlint import ruledata


def _fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.delenv("ADLINT_NO_CACHE", raising=False)
    monkeypatch.setenv("ADLINT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_cached_load_equals_direct_load(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    cache = _fresh(monkeypatch, tmp_path)
    path = ruledata.rules_dir() / "sections.yaml"
    direct = ruledata._load_model(path, ruledata.SectionTaxonomy)
    first = ruledata.load_model(path, ruledata.SectionTaxonomy)  # writes the cache
    assert len(list(cache.rglob("*.pickle"))) == 1
    second = ruledata.load_model(path, ruledata.SectionTaxonomy)  # reads it
    assert first == direct == second
    assert second.ids == direct.ids


def test_corrupt_cache_file_falls_back_to_yaml(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    cache = _fresh(monkeypatch, tmp_path)
    path = ruledata.rules_dir() / "locale.yaml"
    ruledata.load_model(path, ruledata.LocaleData)
    (pickled,) = cache.rglob("*.pickle")
    pickled.write_bytes(b"not a pickle")
    assert ruledata.load_model(path, ruledata.LocaleData).language_fixes["jp"] == "ja"


def test_changed_data_file_is_not_served_from_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _fresh(monkeypatch, tmp_path)
    data = tmp_path / "locale.yaml"
    data.write_text((ruledata.rules_dir() / "locale.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert ruledata.load_model(data, ruledata.LocaleData).language_fixes["jp"] == "ja"
    data.write_text(data.read_text(encoding="utf-8").replace("jp: ja", "jp: jpn"), encoding="utf-8")
    assert ruledata.load_model(data, ruledata.LocaleData).language_fixes["jp"] == "jpn"


def test_no_cache_writes_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    cache = _fresh(monkeypatch, tmp_path)
    monkeypatch.setenv("ADLINT_NO_CACHE", "1")
    ruledata.load_model(ruledata.rules_dir() / "locale.yaml", ruledata.LocaleData)
    assert not cache.exists()


def test_unwritable_cache_only_costs_speed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.delenv("ADLINT_NO_CACHE", raising=False)
    monkeypatch.setenv("ADLINT_CACHE_DIR", str(blocker / "sub"))  # a folder under a file: cannot be made
    assert ruledata.load_model(ruledata.rules_dir() / "locale.yaml", ruledata.LocaleData).country_fixes["UK"] == "GB"
