"""The language of a text (script evidence first, seeded langdetect second), of a whole
document, and how alike two prose strings are."""

from __future__ import annotations

import importlib
import os
import re
import threading
from functools import lru_cache
from typing import Iterable

from ...locales import base_language
from ..textdiff import SequenceMatcher
from .data import PRONOUNS, SCRIPT_CANDIDATES, SCRIPT_LANG, STOPWORDS, Detection
from .scripts import chinese_score, family, language_scripts, mask_technical, natural_words, script_counts


# ----------------------------------------------------------------------- langdetect

CORE_ENV = "TRANSCHECK_LANGDETECT"
"""Environment variable naming the langdetect core (``langdetect_rs`` or ``langdetect``)."""

_FACTORIES: dict[str, object] = {}
_FACTORY_LOCK = threading.Lock()


def core_name() -> str:
    """The langdetect core used: ``langdetect_rs`` (a Rust port with the same results,
    about 50 times faster) when installed, else ``langdetect``; :data:`CORE_ENV` can force one."""
    forced = os.environ.get(CORE_ENV, "").strip()
    if forced in ("langdetect", "langdetect_rs"):
        return forced
    try:
        import langdetect_rs  # noqa: F401
    except ImportError:
        return "langdetect"
    return "langdetect_rs"


def _factory(core: str):
    """A private detector factory of ``core``: langdetect's profiles loaded in sorted order, seed 0."""
    factory = _FACTORIES.get(core)
    if factory is None:
        with _FACTORY_LOCK:
            factory = _FACTORIES.get(core)
            if factory is None:
                from langdetect.detector_factory import PROFILES_DIRECTORY

                module = importlib.import_module(f"{core}.detector_factory")
                names = sorted(n for n in os.listdir(PROFILES_DIRECTORY) if not n.startswith(".")
                               and os.path.isfile(os.path.join(PROFILES_DIRECTORY, n)))
                factory = _builtin_profiles(module, names) if core == "langdetect_rs" else None
                if factory is None:
                    factory = module.DetectorFactory()
                    profiles = []
                    for name in names:
                        with open(os.path.join(PROFILES_DIRECTORY, name), encoding="utf-8") as fh:
                            profiles.append(fh.read())
                    factory.load_json_profile(profiles)
                factory.set_seed(0)
                _FACTORIES[core] = factory
    return factory


def detectable_languages() -> frozenset[str]:
    """Base languages langdetect has a profile for (``zh-cn`` and ``zh-tw`` are ``zh``)."""
    from langdetect.detector_factory import PROFILES_DIRECTORY

    return frozenset(n.split("-")[0] for n in os.listdir(PROFILES_DIRECTORY) if not n.startswith("."))


def _builtin_profiles(module, names: list[str]):
    """A langdetect-rs factory with its built-in copy of langdetect's profiles loaded in the
    order ``names`` (six times faster than parsing the JSON files), or None when this
    version of the core cannot (then the JSON files are read)."""
    try:
        factory = module.DetectorFactory()
        if module._core.builtin_files() != names:
            return None
        factory._core.load_builtin(names)
        factory.langlist[:] = factory._core.langs()
    except Exception:  # another langdetect-rs version: its private loader may differ
        return None
    return factory


def langdetect_scores(text: str, candidates: tuple[str, ...] | None) -> tuple[tuple[str, float], ...]:
    """Base-language probabilities from a fresh, seeded langdetect detector (default core)."""
    return langdetect_scores_with(core_name(), text, candidates)


@lru_cache(maxsize=16384)
def langdetect_scores_with(core: str, text: str,
                           candidates: tuple[str, ...] | None) -> tuple[tuple[str, float], ...]:
    """:func:`langdetect_scores` with the core ``core`` (``langdetect_rs`` or ``langdetect``)."""
    errors = importlib.import_module(f"{core}.lang_detect_exception")
    factory = _factory(core)
    detector = factory.create()
    if candidates:
        prior = {c: 1.0 for c in factory.get_lang_list() if base_language(c) in candidates}
        if prior:
            detector.set_prior_map(prior)
    detector.append(text)
    try:
        probs = detector.get_probabilities()
    except errors.LangDetectException:
        return ()
    merged: dict[str, float] = {}
    for item in probs:
        code = base_language(item.lang)
        merged[code] = merged.get(code, 0.0) + item.prob
    return tuple(sorted(merged.items(), key=lambda kv: (-kv[1], kv[0])))


def length_factor(letters: int) -> float:
    """Confidence damping for short alphabetic text (langdetect on a few words)."""
    if letters < 12:
        return 0.2
    if letters < 25:
        return 0.5
    if letters < 40:
        return 0.8
    return 1.0


# --------------------------------------------------------------------------- detect

def detect(text: str, candidates: Iterable[str] | None = None) -> Detection:
    """Language of ``text``: script evidence first, seeded langdetect where needed.

    ``candidates`` (locale or base codes) restricts the answer for scripts shared by
    several languages. Kana means Japanese, Han without kana means Chinese, Hangul
    Korean; Latin and Cyrillic go to langdetect on the text with technical tokens
    masked. Short text gets a low confidence. Unknown: ``Detection("", 0.0)``.
    """
    cands = tuple(sorted({base_language(c) for c in candidates})) if candidates else None
    return _detect(text, cands)


@lru_cache(maxsize=16384)
def _detect(text: str, cands: tuple[str, ...] | None) -> Detection:
    masked = mask_technical(text)
    counts = script_counts(masked)
    if not counts:
        counts = script_counts(text)
        masked = text
    total = sum(counts.values())
    if not total:
        return Detection("", 0.0)
    fam: dict[str, int] = {}
    for s, n in counts.items():
        fam[family(s)] = fam.get(family(s), 0) + n
    top = min(fam, key=lambda f: (-fam[f], f))
    if top == "Latin":
        # Latin words inside non-Latin prose are mostly names and terms.
        other = min((f for f in fam if f != "Latin"), key=lambda f: (-fam[f], f), default=None)
        if other is not None and fam[other] >= 0.25 * total:
            top = other
    share = fam[top] / total
    if top != "Latin" and fam.get("Latin"):
        share = min(1.0, share + 0.5 * fam["Latin"] / total)

    if top == "CJK" or (top == "Hangul"):
        if counts.get("Hangul", 0) >= max(1, 0.3 * (fam.get("CJK", 0))):
            return Detection("ko", round(min(1.0, share) * _cjk_length(counts["Hangul"]), 3))
        han, kana, zh = chinese_score(masked)
        letters = han + kana
        if kana >= 2 and kana >= 0.05 * letters:
            return Detection("ja", round(share * _cjk_length(letters), 3))
        if cands and "ja" in cands and "zh" not in cands:
            return Detection("ja", round(0.5 * share * _cjk_length(letters), 3))
        conf = 0.6 if zh == 0 else (0.8 if zh < 3 else 0.95)
        return Detection("zh", round(conf * share * _cjk_length(letters), 3))

    if top in SCRIPT_LANG:
        return Detection(SCRIPT_LANG[top], round(share * min(1.0, 0.4 + fam[top] / 10), 3))

    letters = fam[top]
    if top in SCRIPT_CANDIDATES:
        pool = tuple(c for c in (cands or ()) if c in SCRIPT_CANDIDATES[top])
        probs = langdetect_scores(masked, pool or SCRIPT_CANDIDATES[top])
    elif top == "Latin":
        pool = tuple(c for c in (cands or ()) if "Latin" in language_scripts(c))
        probs = langdetect_scores(masked, pool or None)
    else:
        probs = langdetect_scores(masked, cands)
    if not probs:
        return Detection("", 0.0)
    lang, prob = probs[0]
    if "Latin" == top and "Latin" not in language_scripts(lang):
        return Detection("", 0.0)
    conf = prob * share * length_factor(letters)
    if top == "Latin":
        # A list of capitalised names says little about the language.
        lower = sum(1 for w in natural_words(masked) if w[0].islower())
        conf *= 0.3 if lower < 2 else (0.7 if lower < 4 else 1.0)
    return Detection(lang, round(conf, 3))


def _cjk_length(letters: int) -> float:
    """Confidence damping for short CJK text."""
    if letters < 2:
        return 0.3
    if letters < 6:
        return 0.7
    return 1.0


_WORD_RE = re.compile(r"[^\W\d_]+")


def _languages_of_stopwords() -> dict[str, tuple[str, ...]]:
    """Function word -> the languages of :data:`STOPWORDS` that list it."""
    out: dict[str, tuple[str, ...]] = {}
    for lang, words in sorted(STOPWORDS.items()):
        for w in words:
            out[w] = out.get(w, ()) + (lang,)
    return out


_STOP_LANGS = _languages_of_stopwords()


def stopword_counts(text: str) -> tuple[int, dict[str, int]]:
    """(words of ``text``, language -> how many of them are its function words), for
    every language of :data:`STOPWORDS`, in one pass over the casefolded words."""
    words = _WORD_RE.findall(text.casefold())
    counts = dict.fromkeys(STOPWORDS, 0)
    for w in words:
        for lang in _STOP_LANGS.get(w, ()):
            counts[lang] += 1
    return len(words), counts


def has_pronoun(text: str, lang: str) -> bool:
    """True when ``text`` holds a pronoun of ``lang`` (``it``, ``they``, ``это``, ``它``: see
    :data:`.data.PRONOUNS`); always False for a language without a list."""
    base = base_language(lang)
    words = PRONOUNS.get(base)
    if not words:
        return False
    if base == "zh":  # no spaces between words
        return any(w in text for w in words)
    return any(w in words for w in re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text.casefold()))


_PUNCT_RE = re.compile(r"[^\w\s]+")


def normalise_prose(text: str) -> str:
    """Casefolded text with punctuation removed and whitespace collapsed (what
    :func:`same_text_ratio` compares)."""
    return " ".join(_PUNCT_RE.sub(" ", text.casefold()).split())


def same_text_ratio(a: str, b: str, at_least: float = 0.0) -> float:
    """Similarity in [0, 1] of two prose strings after normalising case, spaces and
    punctuation (difflib ratio); 1.0 for two empty strings.

    With ``at_least``, a pair whose cheap upper bounds already fall below it returns
    that bound instead of the exact ratio (same verdict, far less work).
    """
    na, nb = normalise_prose(a), normalise_prose(b)
    if na == nb:  # difflib's ratio of equal strings (empty ones included)
        return 1.0
    if at_least and 2 * min(len(na), len(nb)) / (len(na) + len(nb)) < at_least:
        return round(2 * min(len(na), len(nb)) / (len(na) + len(nb)), 4)  # lengths alone rule it out
    sm = SequenceMatcher(None, na, nb, autojunk=False)
    if at_least:
        bound = sm.real_quick_ratio()
        if bound < at_least:
            return round(bound, 4)
        bound = sm.quick_ratio()
        if bound < at_least:
            return round(bound, 4)
    return round(sm.ratio(), 4)
