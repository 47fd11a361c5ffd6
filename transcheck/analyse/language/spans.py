"""Foreign spans: the parts of a text not in the expected language, down to a sentence
or the tail of a sentence that switches script."""

from __future__ import annotations

import re
from functools import lru_cache

from ...locales import base_language
from ...textutil import shorten
from .data import STOPWORDS, Detection, Span
from .detect import detect, langdetect_scores, length_factor, stopword_counts
from .scripts import chinese_score, family, language_scripts, letter_families, mask_technical, natural_words, script_of

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

MIN_CLAUSE_FUNCTION_WORDS = 2
"""A Latin run inside non-Latin prose is a clause (not terms kept in the source language,
``Runtime, build, connections and security settings``) only with this many function words."""


def _function_words(piece: str, lang: str) -> int:
    """Function words of ``lang`` in ``piece``; for a language without a list (a run of English
    terms read as Catalan), those of the Latin-script language that has most of them."""
    votes = stopword_counts(piece)[1]
    if lang in STOPWORDS:
        return votes[lang]
    return max((n for k, n in votes.items() if "Latin" in language_scripts(k)), default=0)


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
    chars = set(masked)
    fam_of = letter_families(chars)
    fams = {fam_of[ch] for ch in chars}
    fams.discard("Common")
    if len(fams) <= 1:  # one script (the usual case): the loop below would give one run
        return [[fams.pop(), start, end]] if fams else []
    runs: list[list] = []
    for i, ch in enumerate(masked, start):
        f = fam_of[ch]
        if f == "Common":
            if runs:
                runs[-1][2] = i + 1
            continue
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


_CODE_PUNCT = re.compile(r"=>|[<>{}()\[\]=;]")
_TYPE_WORDS = frozenset("string number boolean function object any void null undefined true false "
                        "array bigint symbol never unknown".split())


def _code_like(piece: str) -> bool:
    """True for a type signature or expression written as text (API tables:
    ``Record<SemanticDOM, CSSProperties> | (info: { props }) => …``,
    ``function(value: string | number)``): at least two code punctuation marks, and
    at least as many as natural words other than type names."""
    words = [w for w in natural_words(piece) if w.lower() not in _TYPE_WORDS]
    return len(_CODE_PUNCT.findall(piece)) >= max(2, len(words))


def _judge(piece: str, fam: str, expected: str, exp_fams: frozenset[str]) -> Detection | None:
    """Language of a run when it is foreign to ``expected``, else ``None``."""
    if fam == "Latin" and fam not in exp_fams and _code_like(piece):
        return None
    if fam not in exp_fams:
        det = detect(piece)
        if not det.lang or det.lang == expected:
            return None
        if fam == "Latin":  # a real phrase, not product names: langdetect must agree
            if _function_words(piece, det.lang) < MIN_CLAUSE_FUNCTION_WORDS:
                return None  # terms kept in the source language ("path operation function"), not a clause
            return det if det.confidence >= MIN_CONFIDENCE else None
        # Script evidence: strong whatever the length (the run is not minor).
        return Detection(det.lang, max(det.confidence, 0.9))
    if fam == "CJK":
        if expected == "ja":
            return _chinese_in_japanese(piece)
        han, kana, zh = chinese_score(piece)
        if expected == "zh" and kana >= 3 and kana >= 0.15 * (han + kana):
            return Detection("ja", 0.9)
        return None
    # Same alphabetic script (Latin, Cyrillic, ...): langdetect on a long enough
    # sentence, confirmed by function words where both languages have a list.
    words = natural_words(piece)
    letters = sum(len(w) for w in words)
    if len(words) < MIN_SENTENCE_WORDS or letters < MIN_SENTENCE_LETTERS:
        return None
    votes = stopword_counts(piece)[1] if expected in STOPWORDS else {}
    if expected in STOPWORDS:
        # Cheap exit: the expected language's function words dominate.
        ours = votes[expected]
        if ours >= 3 and all(votes[k] <= ours for k in STOPWORDS):
            return None
        if len(words) < 2 * MIN_SENTENCE_WORDS and all(votes[k] < max(2, 2 * ours + 1) for k in STOPWORDS):
            return None  # whatever langdetect names, the checks below would not confirm it
    probs = langdetect_scores(mask_technical(piece), None)
    if not probs:
        return None
    lang, prob = probs[0]
    if lang == expected or prob < 0.9 or not (language_scripts(lang) & language_scripts(expected)):
        return None
    if lang in STOPWORDS and expected in STOPWORDS:
        theirs, ours = votes[lang], votes[expected]
        if theirs < 2 or theirs < 2 * ours + 1:
            return None
        return Detection(lang, round(prob * min(1.0, 0.6 + 0.1 * (theirs - ours)), 3))
    if len(words) < 2 * MIN_SENTENCE_WORDS or dict(probs).get(expected, 0.0) > 0.05:
        return None
    return Detection(lang, round(prob * length_factor(letters), 3))


def _chinese_in_japanese(piece: str) -> Detection | None:
    """Chinese inside Japanese: a Han run with no kana and Chinese evidence.

    Japanese sentences almost always carry kana; a kana-free run with simplified
    characters or Chinese function words is Chinese. Han-only Japanese headings
    (前提条件) carry no such evidence and stay Japanese.
    """
    han, kana, zh = chinese_score(piece)
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
    exp_fams = frozenset(family(s) for s in exp_scripts)
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
                    han, _, zh = chinese_score(text[hs:he])
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
    return tuple(Span(s, e, lang, round(conf, 3), shorten(text[s:e], excerpt_len))
                 for s, e, lang, conf in spans)
