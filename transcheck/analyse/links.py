"""Links as translators write them: localized URLs and anchors that follow translated headings.

Two links are the same target when they differ only by localisation:

* a locale segment in the path (``/docs/x/``, ``/ko/docs/x/``, ``/en-us/`` vs ``/de-de/``);
* a locale label on the host (``en.wikipedia.org`` vs ``ru.wikipedia.org``, ``cn.vuejs.org``
  vs ``vuejs.org``);
* a locale suffix on a file name (``CONTRIBUTING.md`` vs ``CONTRIBUTING_ko.md``,
  ``README.zh-CN.md``) or on the last path segment (dumi: ``/components/button-cn/`` vs
  ``/components/button/``);
* a locale in the query (``?hl=de``), letter case of scheme and host, a trailing slash,
  a page extension (``ssr``, ``ssr.html``, ``ssr.md``, ``ssr/index.html``);
* the fragment (``#installation`` vs ``#установка``, ``docs/x#mapstate-辅助函数``):
  anchors follow translated headings, here and on the pages linked to. Each file's
  own anchors are checked against its own headings instead (:func:`document_anchors`,
  :func:`resolves`).

A locale code counts only when its language is one of the page's languages (when
those are given), so that ``path/to/file`` keeps its ``to``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable

import langcodes
from urllib.parse import unquote, urlsplit, urlunsplit

from ..locales import base_language, normalize_locale
from ..markdown.parse import HEADING_ATTRS_RE
from ..model import Document

_PAGE_EXT = re.compile(r"(?:^index)?\.(?:html?|mdx?)$|^index$")
_QUERY_LOCALE = re.compile(r"(^|&)(hl|lang|locale|language)=[^&]*")
_LOCALE_CODE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,4}){0,2}")
_SEP = re.compile(r"[_-]")


def _without_locale_suffix(segment: str, langs: frozenset[str] | None) -> str:
    """``button-cn`` -> ``button``, ``design-md-cn`` -> ``design-md``, ``page-zh-cn`` ->
    ``page``: the longest trailing ``-code`` that is a locale of the page's languages."""
    for cut in [m.start() for m in _SEP.finditer(segment)][-3:]:
        loc = segment[cut + 1:]
        if cut and _LOCALE_CODE.fullmatch(loc) and _is_locale(loc, langs, regions=True):
            return segment[:cut]
    return segment


_FILE_LOCALE = re.compile(r"^(?P<stem>.+?)[._-](?P<loc>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,4}){0,2})"
                          r"(?P<ext>\.[A-Za-z0-9]{1,5})$")


def _is_locale(code: str, languages: frozenset[str] | None, regions: bool = False) -> bool:
    """True if ``code`` is a locale of one of ``languages``; with ``regions``, a country code
    too (``cn``, ``kr``, ``jp``: sites use them for the language spoken there)."""
    loc = normalize_locale(code)
    if loc and len(code) <= 10 and (languages is None or base_language(loc) in languages):
        return True
    if regions and languages is not None and len(code) == 2 and code.isalpha():
        # English is the likely language of many territories (io, ai, ...): never from a region
        return _region_language(code) in languages - {"en"}
    return False


@lru_cache(maxsize=512)
def _region_language(region: str) -> str:
    return langcodes.Language.get(f"und-{region.upper()}").maximize().language or ""


def _languages(languages: Iterable[str] | None) -> frozenset[str] | None:
    return None if languages is None else _base_languages(tuple(languages))


@lru_cache(maxsize=256)
def _base_languages(languages: tuple[str, ...]) -> frozenset[str]:
    return frozenset(base_language(x) for x in languages)


def link_key(url: str, languages: Iterable[str] | None = None, coarse: bool = False) -> str:
    """A comparison key for a link target, the same for every localized form of it.

    ``languages``: the languages of the page's locales (``None``: any locale code).
    ``coarse``: also drop the path of a link to a locale-labelled host, whose article
    names are translated too (``en.wikipedia.org/wiki/Hash_function`` and
    ``ru.wikipedia.org/wiki/Хеш-функция`` get the same coarse key). ``http://`` and
    ``https://`` are one scheme (a translation written later links the upgraded site), and a
    ``www.`` host is the host without it (``http://sanity.io``, ``https://www.sanity.io``).
    """
    return _link_key(url.strip(), _languages(languages), coarse)


@lru_cache(maxsize=65536)
def _link_key(url: str, langs: frozenset[str] | None, coarse: bool) -> str:
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    host = parts.netloc.lower()
    labels = host.split(".")
    # a locale label before the registered name: ru.wikipedia.org, v2.cn.vuejs.org
    kept = [lb for k, lb in enumerate(labels) if k >= len(labels) - 2 or not _is_locale(lb, langs, regions=True)]
    localized_host = len(kept) < len(labels)
    host = ".".join(kept)
    host = host[4:] if host.startswith("www.") and host.count(".") >= 2 else host  # www.sanity.io = sanity.io
    segs = []
    for s in parts.path.split("/"):
        if not (s and s != "_" and _is_locale(s, langs)):
            segs.append(s)
    if segs:
        m = _FILE_LOCALE.match(segs[-1])
        if m and _is_locale(m["loc"], langs, regions=True):
            segs[-1] = m["stem"] + m["ext"]
        # clean URLs: guide/ssr, guide/ssr.html, guide/ssr.md and guide/ssr/index.html are one page
        segs[-1] = _PAGE_EXT.sub("", segs[-1])
        last = max((k for k, s in enumerate(segs) if s), default=None)
        if last is not None and last > 0:  # a locale suffix on the page's name: button-cn
            segs[last] = _without_locale_suffix(segs[last], langs)
    path = "/".join(segs).rstrip("/")
    if parts.path.startswith("/") and path and not path.startswith("/"):
        path = "/" + path
    query = _QUERY_LOCALE.sub(r"\1\2={locale}", parts.query)
    if coarse and localized_host:
        path, query = "/…", ""
    # fragments are not compared: they follow translated headings (checked per file instead);
    # a malformed one (``page##anchor``) is kept, it breaks the link
    fragment = parts.fragment if parts.fragment.startswith("#") else ""
    scheme = "https" if parts.scheme.lower() == "http" else parts.scheme.lower()  # http:// upgraded: one link
    return urlunsplit((scheme, host, path, query, fragment)) + ("#" if url.startswith("#") else "")


def fragment_of(url: str) -> str | None:
    """The anchor of a link into its own file (``#usage`` -> ``usage``), else ``None``."""
    url = url.strip()
    return unquote(url[1:]) if url.startswith("#") else None


_ID_RE = re.compile(r"(?:^|\s)#([^\s{}]+)")
_HTML_ID_RE = re.compile(r"""\b(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")


@lru_cache(maxsize=65536)
def _github(text: str) -> str:
    """GitHub, Hugo (goldmark), Docusaurus and Starlight slugs (github-slugger)."""
    out = []
    for ch in text.lower():
        if ch == " ":
            out.append("-")
        elif ch in "-_" or ch.isalnum() or unicodedata.category(ch).startswith("M"):
            out.append(ch)
    return "".join(out)


_VP_SPECIAL = re.compile(r"[\s~`!@#$%^&*()\-_+=\[\]{}|\\;:\"'“”‘’<>,.?/]+")


def _vitepress(text: str) -> str:
    """VitePress slugs."""
    s = re.sub(r"[\u0300-\u036f]", "", unicodedata.normalize("NFKD", text))
    s = re.sub(r"[\u0000-\u001f]", "", s)
    s = re.sub(r"-{2,}", "-", _VP_SPECIAL.sub("-", s)).strip("-")
    return re.sub(r"^(\d)", r"_\1", s).lower()


def _mkdocs(text: str, ascii_only: bool) -> str:
    """MkDocs / Python-Markdown ``toc`` slugs (ASCII and Unicode variants)."""
    s = unicodedata.normalize("NFKD", text)
    if ascii_only:
        s = s.encode("ascii", "ignore").decode("ascii")
    s = re.sub(r"[^\w\s-]", "", s).strip().lower()
    return re.sub(r"[-\s]+", "-", s)


@lru_cache(maxsize=16384)
def heading_slugs(text: str) -> tuple[str | None, frozenset[str]]:
    """The explicit id (``{#id}``, ``{ #id .class }``, ``%{#id}%``, Nextra's ``[#id]``) of a heading's text, and the slugs
    generators give it (its text without the attribute block)."""
    m = HEADING_ATTRS_RE.search(text)
    ids = _ID_RE.search(m.group(1) or m.group(2)) if m else None
    explicit = ids.group(1) if ids else None
    plain = " ".join((text[: m.start()] if m else text).split())
    slugs = {_github(plain), _vitepress(plain), _mkdocs(plain, True), _mkdocs(plain, False)}
    return explicit, frozenset(s for s in slugs if s)


def heading_key(text: str) -> tuple[str, bool]:
    """A heading's name across locales: its explicit id (True) if it has one, else the
    GitHub slug of its text (False), which locales share where they keep the heading as is."""
    explicit, _ = heading_slugs(text)
    if explicit:
        return explicit.lower(), True
    m = HEADING_ATTRS_RE.search(text)
    return _github(" ".join((text[: m.start()] if m else text).split())), False


@lru_cache(maxsize=65536)
def _canon(anchor: str) -> str:
    return unicodedata.normalize("NFC", unquote(anchor)).strip().lower()


def document_anchors(doc: Document) -> frozenset[str]:
    """Every anchor a file defines: heading slugs (with ``-1``, ``-2`` for repeats),
    explicit ``{#id}`` ids, and ``id``/``name`` attributes of its HTML.

    Anchors are returned lower-cased and NFC-normalised (compare with :func:`resolves`).
    """
    seen: dict[str, int] = {}
    out: set[str] = set()
    for seg in doc.segments:
        if seg.kind == "heading":
            text = seg.text
            for i in seg.inlines:
                if i.kind == "html":  # a tag is not text; a tag inside a code span is
                    text = text.replace(i.text, "", 1)
            explicit, slugs = heading_slugs(text)
            if explicit:
                out.add(_canon(explicit))
            for s in slugs:
                n = seen.get(s, 0)
                seen[s] = n + 1
                out.add(_canon(s if n == 0 else f"{s}-{n}"))
        htmls = [seg.text] if seg.kind == "html" else [i.text for i in seg.inlines if i.kind == "html"]
        for h in htmls:
            for m in _HTML_ID_RE.finditer(h):
                out.add(_canon(next(g for g in m.groups() if g is not None)))
    return frozenset(out)


def resolves(anchor: str, anchors: frozenset[str]) -> bool:
    """True if ``anchor`` (without ``#``) names one of ``anchors`` or the top of the page."""
    a = _canon(anchor)
    return a in ("", "top") or a in anchors or _canon(_github(a)) in anchors


def localized_edition(url: str, original: str, languages: Iterable[str]) -> bool:
    """True when ``url`` is ``original`` on a host named for one of ``languages``: the same
    path on another host that carries a locale the other lacks, as a label or a piece of
    one (``vite-docs.ru/guide/env.html`` for ``vite.dev/guide/env.html`` on a Russian page).
    A site's home page (no path) counts when both hosts share a name (``pinia-ru.netlify.app``
    for ``pinia.vuejs.org``)."""
    try:
        a, b = urlsplit(link_key(url, languages)), urlsplit(link_key(original, languages))
    except ValueError:
        return False
    if not a.netloc or not b.netloc or a.netloc == b.netloc or a.path.strip("/") != b.path.strip("/"):
        return False
    pieces = lambda host: set(re.split(r"[.-]", host.lower()))  # noqa: E731
    ours, theirs = pieces(a.netloc), pieces(b.netloc)
    if not a.path.strip("/") and not any(len(p) >= 4 and p not in ("docs", "www") for p in ours & theirs):
        return False
    langs = _languages(languages)
    return any(_is_locale(p, langs, regions=True) for p in ours - theirs)
