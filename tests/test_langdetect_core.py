"""The fast langdetect core (langdetect-rs) gives the same answers as langdetect.

Both cores are loaded the way transcheck loads them (profiles in sorted order, seed 0)
and asked about real documentation lines: the lab page in ``corpus/`` (five languages),
the real-site excerpts in ``tests/data/real`` and the generator's sentence pools
(24 locales). They must name the same languages with the same probabilities (to six
decimals), with and without a candidate restriction.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from transcheck.analyse.language.detect import CORE_ENV, core_name, langdetect_scores_with
from transcheck.analyse.language.scripts import mask_technical

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(importlib.util.find_spec("langdetect_rs") is None
                                or importlib.util.find_spec("langdetect") is None,
                                reason="needs both langdetect and langdetect-rs")


def real_lines(limit: int = 400) -> list[str]:
    """Prose lines of real documentation shipped with the repository (sorted, deduplicated)."""
    lines: set[str] = set()
    files = sorted((ROOT / "corpus").rglob("*.md")) + sorted((ROOT / "tests" / "data" / "real").rglob("*.md*"))
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip().lstrip("#>*-|0123456789. ").strip()
            if len(line) >= 25 and not line.startswith(("```", "<", "{", "import ", "http")):
                lines.add(line)
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from site_text import SENTENCES
    finally:
        sys.path.pop(0)
    for pool in SENTENCES.values():
        lines.update(pool)
    ordered = sorted(lines)
    step = max(1, len(ordered) // limit)
    return ordered[::step][:limit]


def _rounded(scores):
    return tuple((lang, round(p, 6)) for lang, p in scores)


def test_fast_core_is_the_default():
    assert core_name() == "langdetect_rs"


def test_sample_is_real_and_varied():
    lines = real_lines()
    assert len(lines) >= 200
    langs = {langdetect_scores_with("langdetect_rs", mask_technical(t), None)[0][0]
             for t in lines if langdetect_scores_with("langdetect_rs", mask_technical(t), None)}
    assert len(langs) >= 15


@pytest.mark.parametrize("candidates, limit", [(None, 400), (("bg", "mk", "ru", "uk"), 120), (("de", "en", "fr"), 120)])
def test_both_cores_agree_on_real_lines(candidates, limit):
    """All 400 lines unrestricted; a spread sample of 120 for each candidate restriction
    (pure-Python langdetect takes about 10 ms a line)."""
    for text in real_lines(limit):
        masked = mask_technical(text)
        fast = langdetect_scores_with("langdetect_rs", masked, candidates)
        slow = langdetect_scores_with("langdetect", masked, candidates)
        assert [lang for lang, _ in fast] == [lang for lang, _ in slow], text
        assert _rounded(fast) == _rounded(slow), text


def test_fallback_when_fast_core_missing(monkeypatch):
    monkeypatch.setenv(CORE_ENV, "langdetect")
    assert core_name() == "langdetect"
    monkeypatch.delenv(CORE_ENV)
    monkeypatch.setitem(sys.modules, "langdetect_rs", None)  # what Python does for a missing package
    assert core_name() == "langdetect"
    assert langdetect_scores_with(core_name(), "Das ist ein ganz normaler deutscher Satz über Bilder.",
                                  None)[0][0] == "de"


def test_built_in_profiles_equal_the_json_files():
    """The fast core's factory takes its built-in copy of the profiles (in sorted order):
    the same languages and bit-identical probabilities as one loaded from langdetect's files."""
    import importlib
    import os

    from langdetect.detector_factory import PROFILES_DIRECTORY

    from transcheck.analyse.language.detect import _factory

    module = importlib.import_module("langdetect_rs.detector_factory")
    names = sorted(n for n in os.listdir(PROFILES_DIRECTORY) if not n.startswith("."))
    from_json = module.DetectorFactory()
    from_json.load_json_profile([(Path(PROFILES_DIRECTORY) / n).read_text(encoding="utf-8") for n in names])
    from_json.set_seed(0)
    built_in = _factory("langdetect_rs")
    assert built_in.get_lang_list() == from_json.get_lang_list()
    for text in real_lines(200):
        for prior in (None, {"de": 1.0, "en": 1.0, "fr": 1.0}):
            got = []
            for factory in (built_in, from_json):
                det = factory.create()
                if prior:
                    det.set_prior_map(prior)
                det.append(mask_technical(text))
                try:
                    got.append([(p.lang, p.prob) for p in det.get_probabilities()])
                except Exception as exc:  # no features: both must say so
                    got.append(str(exc))
            assert got[0] == got[1], text
