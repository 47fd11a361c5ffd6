"""Language identification for prose: scripts, languages, foreign spans.

Pure functions over strings; nothing here knows about Markdown or the parser.

* :func:`script_of` / :func:`script_counts`: Unicode script of letters.
* :func:`detect`: the language of a text, from script evidence first and a seeded,
  deterministic langdetect second.
* :func:`foreign_spans`: the parts of a text that are not in the expected language,
  down to a sentence or the tail of a sentence that switches script.
* :func:`document_language`: a whole document's language (majority by characters).
* :func:`same_text_ratio`: how alike two prose strings are (for "untranslated").

Every result is cached on its (hashable) arguments and never depends on the hash
seed or on call order: langdetect profiles are loaded in sorted order into a private
factory with a fixed seed, and every call builds a fresh detector.
"""

from __future__ import annotations

import difflib
import os
import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from .locales import base_language

__all__ = [
    "Detection",
    "Span",
    "base_language",
    "script_of",
    "script_counts",
    "language_scripts",
    "mask_technical",
    "natural_words",
    "detect",
    "foreign_spans",
    "document_language",
    "same_text_ratio",
    "language_name",
    "is_language",
    "has_translatable_text",
]


@dataclass(frozen=True)
class Detection:
    """A language guess: base code (``""`` when unknown) and confidence in [0, 1]."""

    lang: str
    confidence: float


@dataclass(frozen=True)
class Span:
    """A part of a text in another language: ``text[start:end]``, shortened excerpt."""

    start: int
    end: int
    lang: str
    confidence: float
    excerpt: str


# --------------------------------------------------------------------------- locales


_NAMES = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali", "ca": "Catalan",
    "cs": "Czech", "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek",
    "en": "English", "es": "Spanish", "et": "Estonian", "fa": "Persian", "fi": "Finnish",
    "fr": "French", "gu": "Gujarati", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian",
    "hu": "Hungarian", "id": "Indonesian", "it": "Italian", "ja": "Japanese",
    "kn": "Kannada", "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian",
    "mk": "Macedonian", "ml": "Malayalam", "mr": "Marathi", "ne": "Nepali", "nl": "Dutch",
    "no": "Norwegian", "pa": "Punjabi", "pl": "Polish", "pt": "Portuguese",
    "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian", "so": "Somali",
    "sq": "Albanian", "sv": "Swedish", "sw": "Swahili", "ta": "Tamil", "te": "Telugu",
    "th": "Thai", "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu",
    "vi": "Vietnamese", "zh": "Chinese",
}


def is_language(code: str) -> bool:
    """True when ``code`` (a locale or base code) names a language this module knows."""
    base = base_language(code)
    return base in _NAMES or base in _LANG_SCRIPTS


def language_name(code: str) -> str:
    """English name of a base language code (the code itself when unknown)."""
    return _NAMES.get(base_language(code), code)


# --------------------------------------------------------------------------- scripts

_SCRIPT_PREFIXES = (
    ("LATIN", "Latin"), ("FULLWIDTH LATIN", "Latin"), ("CYRILLIC", "Cyrillic"),
    ("GREEK", "Greek"), ("CJK UNIFIED IDEOGRAPH", "Han"),
    ("CJK COMPATIBILITY IDEOGRAPH", "Han"), ("HIRAGANA", "Hiragana"),
    ("KATAKANA-HIRAGANA", "Katakana"), ("KATAKANA", "Katakana"),
    ("HALFWIDTH KATAKANA", "Katakana"), ("HANGUL", "Hangul"),
    ("HALFWIDTH HANGUL", "Hangul"), ("ARABIC", "Arabic"), ("HEBREW", "Hebrew"),
    ("THAI", "Thai"), ("DEVANAGARI", "Devanagari"), ("BENGALI", "Bengali"),
    ("GURMUKHI", "Gurmukhi"), ("GUJARATI", "Gujarati"), ("TAMIL", "Tamil"),
    ("TELUGU", "Telugu"), ("KANNADA", "Kannada"), ("MALAYALAM", "Malayalam"),
    ("ARMENIAN", "Armenian"), ("GEORGIAN", "Georgian"), ("ETHIOPIC", "Ethiopic"),
    ("KHMER", "Khmer"), ("LAO", "Lao"), ("MYANMAR", "Myanmar"), ("SINHALA", "Sinhala"),
    ("TIBETAN", "Tibetan"), ("MONGOLIAN", "Mongolian"), ("BOPOMOFO", "Bopomofo"),
)

_LANG_SCRIPTS = {
    "ja": frozenset({"Han", "Hiragana", "Katakana"}),
    "zh": frozenset({"Han"}),
    "ko": frozenset({"Hangul", "Han"}),
    "ru": frozenset({"Cyrillic"}), "uk": frozenset({"Cyrillic"}),
    "bg": frozenset({"Cyrillic"}), "mk": frozenset({"Cyrillic"}),
    "sr": frozenset({"Cyrillic", "Latin"}), "be": frozenset({"Cyrillic"}),
    "kk": frozenset({"Cyrillic"}), "mn": frozenset({"Cyrillic"}),
    "el": frozenset({"Greek"}), "ar": frozenset({"Arabic"}), "fa": frozenset({"Arabic"}),
    "ur": frozenset({"Arabic"}), "he": frozenset({"Hebrew"}), "yi": frozenset({"Hebrew"}),
    "th": frozenset({"Thai"}), "hi": frozenset({"Devanagari"}),
    "mr": frozenset({"Devanagari"}), "ne": frozenset({"Devanagari"}),
    "bn": frozenset({"Bengali"}), "pa": frozenset({"Gurmukhi"}),
    "gu": frozenset({"Gujarati"}), "ta": frozenset({"Tamil"}), "te": frozenset({"Telugu"}),
    "kn": frozenset({"Kannada"}), "ml": frozenset({"Malayalam"}),
    "hy": frozenset({"Armenian"}), "ka": frozenset({"Georgian"}),
}

# Script -> language when the script alone decides.
_SCRIPT_LANG = {
    "Hangul": "ko", "Greek": "el", "Hebrew": "he", "Thai": "th", "Bengali": "bn",
    "Gurmukhi": "pa", "Gujarati": "gu", "Tamil": "ta", "Telugu": "te", "Kannada": "kn",
    "Malayalam": "ml", "Armenian": "hy", "Georgian": "ka",
}

# Scripts shared by several languages: langdetect chooses, restricted to these.
_SCRIPT_CANDIDATES = {
    "Cyrillic": ("bg", "mk", "ru", "uk"),
    "Arabic": ("ar", "fa", "ur"),
    "Devanagari": ("hi", "mr", "ne"),
}


@lru_cache(maxsize=8192)
def script_of(ch: str) -> str:
    """Unicode script of one character: ``Latin``, ``Han``, ... or ``Common``.

    Only letters (and marks/ideographic iteration marks) get a script; digits,
    punctuation, spaces and symbols are ``Common``.
    """
    cat = unicodedata.category(ch)
    if not cat.startswith("L"):
        return "Common"
    name = unicodedata.name(ch, "")
    for prefix, script in _SCRIPT_PREFIXES:
        if name.startswith(prefix):
            return script
    if ch in "々〆〇":
        return "Han"
    return "Other"


def script_counts(text: str) -> dict[str, int]:
    """Letters per script in ``text`` (``Common`` excluded), sorted by script name."""
    counts: dict[str, int] = {}
    for ch in text:
        s = script_of(ch)
        if s != "Common":
            counts[s] = counts.get(s, 0) + 1
    return dict(sorted(counts.items()))


def language_scripts(lang: str) -> frozenset[str]:
    """The scripts a language is normally written in (Latin when not listed)."""
    return _LANG_SCRIPTS.get(base_language(lang), frozenset({"Latin"}))


def _family(script: str) -> str:
    """Group scripts written together: Japanese kana and Han form ``CJK``."""
    if script in ("Han", "Hiragana", "Katakana", "Bopomofo"):
        return "CJK"
    return script


# --------------------------------------------------------------------- Chinese vs Japanese

@lru_cache(maxsize=8192)
def _simplified_only(ch: str) -> bool:
    """True for Han characters of Chinese (GB2312/Big5) absent from JIS X 0208."""
    try:
        ch.encode("shift_jis")
        return False
    except UnicodeEncodeError:
        pass
    for codec in ("gb2312", "big5"):
        try:
            ch.encode(codec)
            return True
        except UnicodeEncodeError:
            continue
    return False


# Frequent Chinese function words that Japanese rarely writes alone, and Chinese
# punctuation Japanese uses little (full-width comma, curly quotes).
_ZH_WEAK = frozenset("的了是在我他她它们您吗呢吧都就也把被和与从并且而但")
_ZH_PUNCT = frozenset("，“”；：")


def _chinese_score(text: str) -> tuple[int, int, int]:
    """(Han count, kana count, Chinese evidence score) of a text."""
    han = kana = strong = weak = 0
    for ch in text:
        s = script_of(ch)
        if s == "Han":
            han += 1
            if _simplified_only(ch):
                strong += 1
            elif ch in _ZH_WEAK:
                weak += 1
        elif s in ("Hiragana", "Katakana"):
            kana += 1
        elif ch in _ZH_PUNCT:
            weak += 1
    return han, kana, 2 * strong + weak


# ------------------------------------------------------------------------- masking

_TECH_RE = re.compile(
    r"https?://\S+|www\.\S+"                          # URLs
    r"|[\w.+-]+@[\w-]+\.[\w.-]+"                      # e-mail addresses
    r"|\S*\w[._/\\:@=$%#~]\w\S*"                       # app.py, a/b, python:3.8, x=y
    r"|[/~$-]+\w\S*"                                   # /app.py, -t, --flag, $HOME
    r"|\w*\d\w*"                                       # words with digits
    r"|\b[A-Za-z]*[a-z][A-Z]\w*"                       # CamelCase: BusyBox, iOS
    r"|\b[A-Z]{2,}s?\b"                                # CMD, RUN, URLs
    r"|\b\w+_\w+\b"                                    # snake_case
)


def mask_technical(text: str) -> str:
    """Blank out technical tokens (URLs, file names, identifiers, commands, CamelCase,
    ALL-CAPS, words with digits), keeping every offset in place."""
    return _TECH_RE.sub(lambda m: " " * len(m.group()), text)


_WORD_RE = re.compile(r"[^\W\d_]{2,}")


def natural_words(text: str) -> list[str]:
    """Words of two letters or more left once technical tokens are masked."""
    return _WORD_RE.findall(mask_technical(text))


def has_translatable_text(text: str, min_words: int = 4, min_letters: int = 20) -> bool:
    """True when ``text`` has enough natural words to need translating.

    Identifiers, commands, file names and product-name labels such as
    ``FROM python:3.8-alpine`` do not count. CJK letters count one word per two.
    """
    masked = mask_technical(text)
    words = _WORD_RE.findall(masked)
    cjk = sum(1 for ch in masked if _family(script_of(ch)) in ("CJK", "Hangul", "Thai"))
    n_words = len(words) + cjk // 2
    letters = sum(len(w) for w in words) + 2 * cjk
    return n_words >= min_words and letters >= min_letters


# ----------------------------------------------------------------------- langdetect

_FACTORY = None
_FACTORY_LOCK = threading.Lock()


def _factory():
    """A private langdetect factory: profiles loaded in sorted order, seed 0."""
    global _FACTORY
    if _FACTORY is None:
        with _FACTORY_LOCK:
            if _FACTORY is None:
                from langdetect.detector_factory import DetectorFactory, PROFILES_DIRECTORY

                factory = DetectorFactory()
                profiles = []
                for name in sorted(os.listdir(PROFILES_DIRECTORY)):
                    path = os.path.join(PROFILES_DIRECTORY, name)
                    if name.startswith(".") or not os.path.isfile(path):
                        continue
                    with open(path, encoding="utf-8") as fh:
                        profiles.append(fh.read())
                factory.load_json_profile(profiles)
                factory.set_seed(0)
                _FACTORY = factory
    return _FACTORY


@lru_cache(maxsize=16384)
def _langdetect(text: str, candidates: tuple[str, ...] | None) -> tuple[tuple[str, float], ...]:
    """Base-language probabilities from a fresh, seeded langdetect detector."""
    from langdetect.lang_detect_exception import LangDetectException

    factory = _factory()
    detector = factory.create()
    if candidates:
        prior = {c: 1.0 for c in factory.get_lang_list() if base_language(c) in candidates}
        if prior:
            detector.set_prior_map(prior)
    detector.append(text)
    try:
        probs = detector.get_probabilities()
    except LangDetectException:
        return ()
    merged: dict[str, float] = {}
    for item in probs:
        code = base_language(item.lang)
        merged[code] = merged.get(code, 0.0) + item.prob
    return tuple(sorted(merged.items(), key=lambda kv: (-kv[1], kv[0])))


def _length_factor(letters: int) -> float:
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
        fam[_family(s)] = fam.get(_family(s), 0) + n
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
        han, kana, zh = _chinese_score(masked)
        letters = han + kana
        if kana >= 2 and kana >= 0.05 * letters:
            return Detection("ja", round(share * _cjk_length(letters), 3))
        if cands and "ja" in cands and "zh" not in cands:
            return Detection("ja", round(0.5 * share * _cjk_length(letters), 3))
        conf = 0.6 if zh == 0 else (0.8 if zh < 3 else 0.95)
        return Detection("zh", round(conf * share * _cjk_length(letters), 3))

    if top in _SCRIPT_LANG:
        return Detection(_SCRIPT_LANG[top], round(share * min(1.0, 0.4 + fam[top] / 10), 3))

    letters = fam[top]
    if top in _SCRIPT_CANDIDATES:
        pool = tuple(c for c in (cands or ()) if c in _SCRIPT_CANDIDATES[top])
        probs = _langdetect(masked, pool or _SCRIPT_CANDIDATES[top])
    elif top == "Latin":
        pool = tuple(c for c in (cands or ()) if "Latin" in language_scripts(c))
        probs = _langdetect(masked, pool or None)
    else:
        probs = _langdetect(masked, cands)
    if not probs:
        return Detection("", 0.0)
    lang, prob = probs[0]
    if "Latin" == top and "Latin" not in language_scripts(lang):
        return Detection("", 0.0)
    conf = prob * share * _length_factor(letters)
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


# ------------------------------------------------------------------------ stopwords

# Frequent function words, chosen to be distinctive between neighbouring languages.
# A second, independent vote next to langdetect's for same-script sentences.
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the and of to is are was were be been this that these those with "
                    "for you your from which what when where will would can could should "
                    "it its not have has had an by on at we our they their there if "
                    "into than then also only but or".split()),
    "de": frozenset("der die das und ist sind nicht ein eine einen einem einer mit für "
                    "von zu den dem des sie ihr ihre ihren wir unsere auf auch wenn dass "
                    "oder aber wird werden kann können sich im zum zur bei nach aus "
                    "diese dieser dieses es ich".split()),
    "fr": frozenset("le la les des du un une et est sont pas vous votre vos nous notre "
                    "nos qui que dans pour sur avec par ce cette ces il elle ils au aux "
                    "être avez peut pouvez mais ou aussi très plus leur".split()),
    "es": frozenset("el la los las del un una y es son no usted su sus nosotros nuestro "
                    "nuestra que en para con por este esta estos estas se lo al como "
                    "pero también muy más puede hay ser está están".split()),
    "pt": frozenset("o a os as do da dos das um uma e é são não você seu sua seus suas "
                    "nós nosso nossa que em no na nos para com por este esta estes "
                    "estas isso neste nesta se ao como mas também muito mais pode há "
                    "ser está estão".split()),
    "it": frozenset("il lo la gli le del della dei delle un una e è sono non tu tuo tua "
                    "noi nostro nostra che in nel nella per con questo questa questi si "
                    "al come ma anche molto più può essere".split()),
    "nl": frozenset("de het een en is zijn niet je jouw u uw wij we ons onze dat die "
                    "van in op voor met door dit deze er als maar ook zeer meer kan "
                    "worden wordt".split()),
    "ru": frozenset("и в не на что это как с для по из от который которая которые "
                    "которое вы ваш ваша ваши мы наш наша можно также есть его если "
                    "чтобы или к при так уже".split()),
    "uk": frozenset("і та в у не на що це як з із для по від який яка які яке ви ваш "
                    "ваша ваші ми наш наша можна також є його якщо щоб або до при "
                    "вже".split()),
}


@lru_cache(maxsize=16384)
def _function_word_language(text: str) -> Detection | None:
    """A cheap verdict for a paragraph whose function words clearly name one language.

    Used for whole documents, where most paragraphs are plainly in one language: at
    least four function words of one language and more than twice as many as of any
    other decide without langdetect. ``None`` when that is not clear.
    """
    words = re.findall(r"[^\W\d_]+", text.casefold())
    if len(words) < 8:
        return None
    votes = sorted(((sum(1 for w in words if w in sw), lang) for lang, sw in _STOPWORDS.items()),
                   key=lambda v: (-v[0], v[1]))
    (best, lang), (second, _) = votes[0], votes[1]
    if best >= 4 and best > 2 * second:
        return Detection(lang, 0.9)
    return None


def _stopword_votes(text: str, lang: str) -> int:
    """How many words of ``text`` are function words of ``lang``."""
    words = _STOPWORDS.get(lang)
    if not words:
        return 0
    return sum(1 for w in re.findall(r"[^\W\d_]+", text.casefold()) if w in words)


# ------------------------------------------------------------------- foreign spans

_SENTENCE_END = re.compile(r"[.!?…]+[\"'»”)\]]*(?=\s|$)|[。！？]+[」』”）)]*")

MIN_LATIN_WORDS = 4
"""A Latin run inside non-Latin prose is judged only with this many natural words."""

MIN_SENTENCE_LETTERS = 30
"""Same-script sentences are judged by langdetect only with this many letters."""

MIN_SENTENCE_WORDS = 5
"""... and this many natural words."""

MIN_CONFIDENCE = 0.7
"""Spans below this confidence are not reported."""


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` (Latin ``.!?`` before a space, CJK ``。！？``)."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        out.append((start, m.end()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return [(s, e) for s, e in out if text[s:e].strip()]


def _runs(text: str, start: int, end: int, expected_scripts: frozenset[str]) -> list[list]:
    """Split ``text[start:end]`` into [family, start, end] runs at script changes.

    Punctuation, digits and spaces go with the run before them. Technical tokens
    are masked first, so identifiers never start a run of their own.
    """
    masked = mask_technical(text[start:end])
    runs: list[list] = []
    for i, ch in enumerate(masked, start):
        s = script_of(ch)
        if s == "Common":
            if runs:
                runs[-1][2] = i + 1
            continue
        f = _family(s)
        if runs and runs[-1][0] == f:
            runs[-1][2] = i + 1
        else:
            runs.append([f, i, i + 1])
    if runs:
        runs[0][1] = start
        runs[-1][2] = end
    return runs


def _minor(text: str, run: list, exp_fams: frozenset[str]) -> bool:
    """A run too small to be judged on its own (product names, a stray letter)."""
    fam, s, e = run
    if fam in exp_fams:
        return False
    piece = text[s:e]
    if fam == "Latin":
        words = natural_words(piece)
        lower = sum(1 for w in words if w[0].islower())
        return len(words) < MIN_LATIN_WORDS or lower < 2
    letters = sum(1 for ch in piece if script_of(ch) != "Common")
    if fam == "CJK":
        return letters < 2
    return letters < 4


def _absorb(text: str, runs: list[list], exp_fams: frozenset[str]) -> list[list]:
    """Merge minor runs into a neighbour (the one before, else after), then join
    consecutive runs of one family."""
    if not runs:
        return runs
    minor = [_minor(text, r, exp_fams) for r in runs]
    if all(minor):
        fam = sorted(exp_fams)[0]
        return [[fam, runs[0][1], runs[-1][2]]]
    out: list[list] = []
    pending_start = None
    for r, is_minor in zip(runs, minor):
        if is_minor:
            if out:
                out[-1][2] = r[2]
            elif pending_start is None:
                pending_start = r[1]
            continue
        r = list(r)
        if pending_start is not None:
            r[1], pending_start = pending_start, None
        if out and out[-1][0] == r[0]:
            out[-1][2] = r[2]
        else:
            out.append(r)
    return out


def _judge(piece: str, fam: str, expected: str, exp_fams: frozenset[str]) -> Detection | None:
    """Language of a run when it is foreign to ``expected``, else ``None``."""
    if fam not in exp_fams:
        det = detect(piece)
        if not det.lang or det.lang == expected:
            return None
        if fam == "Latin":  # a real phrase, not product names: langdetect must agree
            return det if det.confidence >= MIN_CONFIDENCE else None
        # Script evidence: strong whatever the length (the run is not minor).
        return Detection(det.lang, max(det.confidence, 0.9))
    if fam == "CJK":
        han, kana, zh = _chinese_score(piece)
        if expected == "ja":
            return _chinese_in_japanese(piece)
        if expected == "zh" and kana >= 3 and kana >= 0.15 * (han + kana):
            return Detection("ja", 0.9)
        return None
    # Same alphabetic script (Latin, Cyrillic, ...): langdetect on a long enough
    # sentence, confirmed by function words where both languages have a list.
    words = natural_words(piece)
    letters = sum(len(w) for w in words)
    if len(words) < MIN_SENTENCE_WORDS or letters < MIN_SENTENCE_LETTERS:
        return None
    if expected in _STOPWORDS:
        # Cheap exit: the expected language's function words dominate.
        ours = _stopword_votes(piece, expected)
        if ours >= 3 and all(_stopword_votes(piece, k) <= ours for k in _STOPWORDS):
            return None
    probs = _langdetect(mask_technical(piece), None)
    if not probs:
        return None
    lang, prob = probs[0]
    if lang == expected or prob < 0.9 or not (language_scripts(lang) & language_scripts(expected)):
        return None
    if lang in _STOPWORDS and expected in _STOPWORDS:
        theirs = _stopword_votes(piece, lang)
        ours = _stopword_votes(piece, expected)
        if theirs < 2 or theirs < 2 * ours + 1:
            return None
        return Detection(lang, round(prob * min(1.0, 0.6 + 0.1 * (theirs - ours)), 3))
    if len(words) < 2 * MIN_SENTENCE_WORDS or dict(probs).get(expected, 0.0) > 0.05:
        return None
    return Detection(lang, round(prob * _length_factor(letters), 3))


def _chinese_in_japanese(piece: str) -> Detection | None:
    """Chinese inside Japanese: a Han run with no kana and Chinese evidence.

    Japanese sentences almost always carry kana; a kana-free run with simplified
    characters or Chinese function words is Chinese. Han-only Japanese headings
    (前提条件) carry no such evidence and stay Japanese.
    """
    han, kana, zh = _chinese_score(piece)
    if kana == 0 and han >= 4 and zh >= 2:
        return Detection("zh", 0.95 if zh >= 4 else 0.8)
    return None


def _han_stretches(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Kana-free stretches of a CJK run (split at kana), offsets into ``text``."""
    out, s = [], None
    for i in range(start, end):
        sc = script_of(text[i])
        if sc in ("Hiragana", "Katakana"):
            if s is not None:
                out.append((s, i))
            s = None
        elif s is None:
            s = i
    if s is not None:
        out.append((s, end))
    return out


def foreign_spans(text: str, expected_lang: str, min_confidence: float = MIN_CONFIDENCE,
                  excerpt_len: int = 60) -> list[Span]:
    """Parts of prose ``text`` not written in ``expected_lang``, sorted by offset.

    Works sentence by sentence and, inside a sentence, at script changes, so a
    sentence that switches language midway yields only its foreign tail. Technical
    tokens (identifiers, file names, commands, URLs, CamelCase, ALL-CAPS, words with
    digits) and short Latin runs in non-Latin prose (product names) are never
    foreign. Same-script sentences are judged by langdetect only when long enough.
    Adjacent spans of one language are merged.
    """
    return list(_foreign_spans(text, base_language(expected_lang), min_confidence,
                               excerpt_len))


@lru_cache(maxsize=16384)
def _foreign_spans(text: str, expected: str, min_conf: float,
                   excerpt_len: int) -> tuple[Span, ...]:
    exp_scripts = language_scripts(expected)
    exp_fams = frozenset(_family(s) for s in exp_scripts)
    found: list[tuple[int, int, Detection]] = []
    for s, e in _sentences(text):
        runs = _absorb(text, _runs(text, s, e, exp_scripts), exp_fams)
        for fam, rs, re_ in runs:
            piece = text[rs:re_]
            det = _judge(piece, fam, expected, exp_fams)
            if det is None and fam == "CJK" and expected == "ja":
                # A Chinese clause inside a Japanese sentence: a long kana-free
                # stretch with strong Chinese evidence.
                for hs, he in _han_stretches(text, rs, re_):
                    while hs < he and script_of(text[hs]) == "Common":
                        hs += 1
                    han, _, zh = _chinese_score(text[hs:he])
                    if han >= 8 and zh >= 4:
                        found.append((hs, he, Detection("zh", 0.8)))
                continue
            if det is not None and det.confidence >= min_conf:
                found.append((rs, re_, det))
    # Trim spaces and merge neighbours of the same language.
    spans: list[list] = []
    for s, e, det in found:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s >= e:
            continue
        if spans and spans[-1][2] == det.lang and not text[spans[-1][1]:s].strip(" \t\n"):
            spans[-1][1] = e
            spans[-1][3] = max(spans[-1][3], det.confidence)
        else:
            spans.append([s, e, det.lang, det.confidence])
    return tuple(Span(s, e, lang, round(conf, 3), _shorten(text[s:e], excerpt_len))
                 for s, e, lang, conf in spans)


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ------------------------------------------------------------------------ documents

POOL_CHARS = 3000
"""How much pooled text of one script a document-level langdetect call reads."""


def document_language(texts: Sequence[str]) -> Detection:
    """Language of a whole document: the language of most characters among its texts.

    Confidence is the share of detected letters in that language, so a few foreign
    paragraphs do not change the answer.
    """
    letters: dict[str, float] = {}
    total = 0.0
    pooled: dict[str, list[str]] = {}
    pooled_letters: dict[str, int] = {}
    for t in texts:
        counts = script_counts(t)
        n = sum(counts.values())
        if not n:
            continue
        total += n
        det = _function_word_language(t)
        if det is None:
            fam = _family(max(counts, key=lambda k: (counts[k], k)))
            if fam in ("Latin", "Cyrillic"):
                # alphabetic text no function word decided: one langdetect call per
                # script for the whole document instead of one per paragraph
                pooled.setdefault(fam, []).append(t)
                pooled_letters[fam] = pooled_letters.get(fam, 0) + n
                continue
            det = detect(t)
        if det.lang and det.confidence > 0:
            letters[det.lang] = letters.get(det.lang, 0.0) + n
    for fam, parts in sorted(pooled.items()):
        det = detect(" ".join(parts)[:POOL_CHARS])
        if det.lang and det.confidence > 0:
            letters[det.lang] = letters.get(det.lang, 0.0) + pooled_letters[fam]
    if not letters:
        return Detection("", 0.0)
    lang = min(letters, key=lambda k: (-letters[k], k))
    return Detection(lang, round(letters[lang] / total, 3))


_PUNCT_RE = re.compile(r"[^\w\s]+")


def _normalise(text: str) -> str:
    return " ".join(_PUNCT_RE.sub(" ", text.casefold()).split())


def same_text_ratio(a: str, b: str, at_least: float = 0.0) -> float:
    """Similarity in [0, 1] of two prose strings after normalising case, spaces and
    punctuation (difflib ratio); 1.0 for two empty strings.

    With ``at_least``, a pair whose cheap upper bounds already fall below it returns
    that bound instead of the exact ratio (same verdict, far less work).
    """
    na, nb = _normalise(a), _normalise(b)
    if not na and not nb:
        return 1.0
    if at_least and 2 * min(len(na), len(nb)) / (len(na) + len(nb)) < at_least:
        return round(2 * min(len(na), len(nb)) / (len(na) + len(nb)), 4)  # lengths alone rule it out
    sm = difflib.SequenceMatcher(None, na, nb, autojunk=False)
    if at_least:
        bound = sm.real_quick_ratio()
        if bound < at_least:
            return round(bound, 4)
        bound = sm.quick_ratio()
        if bound < at_least:
            return round(bound, 4)
    return round(sm.ratio(), 4)
