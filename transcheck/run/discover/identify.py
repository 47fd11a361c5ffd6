"""Locale from content: files with no locale marker in their path.

Some corpora arrive as files named by hash or number, with no locale in the path.
This stage reads each such file, identifies its language from its prose
(:func:`transcheck.language.document_language`), and groups files that are
translations of each other into one page by structure: the same code blocks, link
targets and numbers, and a similar sequence of block kinds. Each group's locales are
the identified languages. A file whose language cannot be identified, or that
matches no other file, is reported, not dropped. Only pairs that could pass the
similarity bar are compared (:func:`_candidates`), so grouping is near-linear in the
number of files and gives what comparing every pair would.
"""

from __future__ import annotations

import difflib
import math
import os
import re
from collections import Counter
from dataclasses import dataclass

from ...analyse.language import document_language
from ...analyse.numbers import NUMBER_RE
from ...model import Document, InputError, PageFile, PageGroup
from ...markdown.parse import InputFileError, parse_markdown, read_file

MIN_LANGUAGE_CONFIDENCE = 0.5
"""Share of a document's letters that must be in one language to label it."""

MIN_TRANSLATION_SIMILARITY = 0.45
"""Structural similarity above which two unlabelled files are translations of each other."""



@dataclass(frozen=True)
class _Profile:
    file: PageFile
    language: str
    confidence: float
    kinds: tuple[str, ...]
    anchors: Counter


def _profile(pf: PageFile, doc: Document, language: str, confidence: float) -> _Profile:
    anchors: Counter = Counter()
    for seg in doc.segments:
        if seg.kind == "code":
            anchors["code:" + " ".join(seg.text.split())] += 1
        for i in seg.inlines:
            if i.kind == "code":
                anchors["span:" + i.text] += 1
            elif i.target:
                anchors["link:" + i.target] += 1
        if seg.is_prose:
            anchors.update("num:" + n for n in NUMBER_RE.findall(seg.prose))
    return _Profile(pf, language, confidence, tuple(s.kind for s in doc.segments), anchors)


def translation_similarity(a: _Profile, b: _Profile) -> float:
    """How likely two documents are translations of each other, in [0, 1]."""
    union = sum((a.anchors | b.anchors).values())
    anchors = sum((a.anchors & b.anchors).values()) / union if union else 0.0
    shape = difflib.SequenceMatcher(None, a.kinds, b.kinds, autojunk=False).ratio()
    return 0.65 * anchors + 0.35 * shape if union else 0.5 * shape


SHAPE_ONLY_MIN = 2 * MIN_TRANSLATION_SIMILARITY
"""Files with no anchors at all match on shape alone: ``0.5 * shape`` must pass the bar."""

ANCHOR_JACCARD_MIN = (MIN_TRANSLATION_SIMILARITY - 0.35) / 0.65
"""Below this share of common anchors no pair can pass the bar, whatever its shape."""


def _tokens(prof: _Profile) -> list[tuple[str, int]]:
    """The anchor multiset as a set: ``(anchor, k)`` for each of its ``k`` copies."""
    return [(a, k) for a, n in prof.anchors.items() for k in range(n)]


def _candidates(profiles: list[_Profile]):
    """For each profile, the earlier profiles that could pass the similarity bar with it.

    Prefix filtering (a set-similarity join): with tokens ordered rarest first, two
    token sets whose Jaccard index is at least ``t`` share a token among the first
    ``|A| - ceil(t * |A|) + 1`` of each. A pair with anchors passes the bar only above
    :data:`ANCHOR_JACCARD_MIN`, so only profiles sharing a prefix token are compared, and
    only when the prefix tokens they share plus the tokens outside both prefixes could
    still reach that share (so an anchor every file has, like the number 1, costs little);
    profiles without anchors are compared only with anchorless ones of a length that
    :meth:`difflib.SequenceMatcher.real_quick_ratio` does not rule out. The result is
    exactly what comparing every pair would give, in near-linear time on real sites.
    """
    toks = [_tokens(p) for p in profiles]
    df: Counter = Counter(t for ts in toks for t in ts)
    index: dict[tuple[str, int], list[int]] = {}
    bare: dict[int, list[int]] = {}
    rest: list[int] = []  # tokens left out of each profile's prefix
    t = ANCHOR_JACCARD_MIN - 1e-9
    for i, (prof, ts) in enumerate(zip(profiles, toks)):
        found: set[int] = set()
        if ts:
            ts.sort(key=lambda x: (df[x], x))
            prefix = ts[:len(ts) - math.ceil(t * len(ts)) + 1]
            rest.append(len(ts) - len(prefix))
            shared: Counter = Counter()
            for tok in prefix:
                posting = index.setdefault(tok, [])
                shared.update(posting)
                posting.append(i)
            for j, n in shared.items():  # positional bound: the most they could share
                most = min(n + rest[i] + rest[j], len(ts), len(toks[j]))
                if most >= t * (len(ts) + len(toks[j]) - most):
                    found.add(j)
        else:
            rest.append(0)
            n = len(prof.kinds)
            lo = math.floor(n * SHAPE_ONLY_MIN / (2 - SHAPE_ONLY_MIN))
            hi = math.ceil(n * (2 - SHAPE_ONLY_MIN) / SHAPE_ONLY_MIN)
            for m in range(lo, hi + 1):
                found.update(bare.get(m, ()))
            bare.setdefault(n, []).append(i)
        yield sorted(found)


def identify(files: list[PageFile]) -> tuple[list[PageGroup], list[InputError], list[tuple[str, str]]]:
    """Identify the language of unlabelled files and group translations into pages:
    (groups, input errors, lone files as (displayed path, language)).

    Deterministic: files are taken in path order; each joins the first group it
    resembles that has no file in its language yet. A lone file (no translation of it
    among the unlabelled files) is also an input error, whose message says so.
    """
    lone: list[tuple[str, str]] = []
    errors: list[InputError] = []
    profiles: list[_Profile] = []
    for pf in sorted(files, key=lambda p: p.display):
        try:
            text = read_file(pf.path)
        except InputFileError as exc:
            errors.append(InputError(pf.display, str(exc), exc.line))
            continue
        doc = parse_markdown(text, pf.page, "", pf.display)
        det = document_language([s.prose for s in doc.segments if s.is_prose])
        if not det.lang or det.confidence < MIN_LANGUAGE_CONFIDENCE:
            errors.append(InputError(pf.display, "no locale in its path and its language could not be "
                                                 "identified from its text; name it like page.<locale>.md "
                                                 "or put it under a <locale>/ folder"))
            continue
        profiles.append(_profile(pf, doc, det.lang, det.confidence))
    groups: list[PageGroup] = []
    for cluster in clusters_of(profiles):
        if len(cluster) == 1:
            p = cluster[0]
            lone.append((p.file.display, p.language))
            errors.append(InputError(p.file.display, f"no locale in its path (its text is in "
                                                     f"'{p.language}') and no translation of it was found "
                                                     "among the other unlabelled files; not compared"
                                                     + _alias_hint(p.file.display, p.language)))
            continue
        page = cluster[0].file.page
        pfs = tuple(sorted((PageFile(page, p.language, p.file.path, p.file.display, "content")
                            for p in cluster), key=lambda f: f.locale))
        groups.append(PageGroup(page, pfs, None))
    return groups, errors, lone


_NAME_CODE_RE = re.compile(r"[._-]([A-Za-z]{2,3})\.[A-Za-z0-9]+$")


def _alias_hint(path: str, language: str) -> str:
    """How to name a site's own locale code (``page.cn.mdx``): a ``[locale_aliases]`` entry."""
    m = _NAME_CODE_RE.search(os.path.basename(path))
    if not m:
        return ""
    code = m.group(1)
    return (f" (if '{code}' in its name is its locale, map it in transcheck.toml: "
            f"[locale_aliases] {code} = \"{language}\")")


def clusters_of(profiles: list[_Profile], candidates=_candidates) -> list[list[_Profile]]:
    """Group profiles (in order) into translation clusters.

    Each profile joins the earliest cluster it resembles most (above the bar) that has no
    profile in its language yet, else starts one. A cluster's resemblance is its best
    member's. ``candidates`` yields, per profile, the earlier profiles worth comparing;
    passing every earlier one gives the full scan that :func:`_candidates` is exact for.
    """
    clusters: list[list[_Profile]] = []
    languages: list[set[str]] = []
    home: list[int] = []
    for prof, near in zip(profiles, candidates(profiles)):
        scores: dict[int, float] = {}
        for j in near:
            c = home[j]
            if prof.language not in languages[c]:
                scores[c] = max(scores.get(c, 0.0), translation_similarity(prof, profiles[j]))
        best, best_score = None, MIN_TRANSLATION_SIMILARITY
        for c in sorted(scores):  # the earliest cluster wins a tie, as in a full scan
            if scores[c] > best_score:
                best, best_score = c, scores[c]
        if best is None:
            best = len(clusters)
            clusters.append([])
            languages.append(set())
        clusters[best].append(prof)
        languages[best].add(prof.language)
        home.append(best)
    return clusters
