"""Where a relative link points on its site: resolved against its page's site path.

Translators write the same link in several ways: ``../docs/tag-plugins`` in a page
under ``api/``, ``/docs/tag-plugins``, ``tag-plugins`` in a page under ``docs/``,
``https://hexo.io/docs/tag-plugins`` (the site's own host). Each copy of a page sits at
the same place under its locale's root (``source/ja/api/x.md`` and ``source/api/x.md``
are both ``/api/x`` under their roots), so a relative link resolves against the page's
path under the locale root (its site path) the same way in every locale.

The locale root is where a translation's path has its locale folder
(``source/ja/api/x.md`` for page ``source/api/x.md``: ``source/``). Where no copy shows
one (a suffix layout, Docusaurus' ``i18n/`` trees), every folder above the page is a
possible root. Servers resolve a relative link against the page's URL either as a file
(``/api/x``, ``/api/x.html``: hexo, VitePress, Docusaurus) or as a folder (``/docs/x/``:
Hugo, Starlight, MkDocs): the site's config says which, else both are tried; a link to a
Markdown file (``../ssr/index.md``) is read against the file. A link gets one of its possible readings per
row: the one another link of the row names plainly, else the first (:func:`resolve_row`).
"""

from __future__ import annotations

import posixpath
import re
from typing import Callable, Iterable, Mapping
from urllib.parse import urlsplit, urlunsplit

from ..model import SiteAddress

_EXT = re.compile(r"\.(?:mdx?|markdown|html?)$")
_INDEX = ("index", "_index", "README", "readme")


def locale_root(page: str, paths: Iterable[str]) -> str | None:
    """The folder of ``page`` (a page key such as ``source/api/x.md``) under which the
    translations have their locale folder (``source``; ``""`` at the top), from the files'
    ``paths``; ``None`` when no file has one."""
    key = page.replace("\\", "/").split("/")
    for path in paths:
        parts = path.replace("\\", "/").split("/")
        if parts[-len(key):] == key:  # the unmarked copy
            continue
        for i in range(len(key) - 1, -1, -1):
            tail = key[:i] + ["*"] + key[i:]
            if len(parts) >= len(tail) and all(t == "*" or p == t for p, t in zip(parts[-len(tail):], tail)):
                return "/".join(key[:i])
    return None


def _site_path(page: str, root: str) -> str:
    """``source/api/rendering.md`` under ``source`` -> ``/api/rendering``; an index page ->
    its folder with a trailing slash."""
    rel = page.replace("\\", "/")[len(root):].lstrip("/") if root else page.replace("\\", "/")
    rel = _EXT.sub("", rel)
    head, _, name = rel.rpartition("/")
    if name in _INDEX:
        return f"/{head}/" if head else "/"
    return f"/{rel}"


def _roots(page: str, root: str | None) -> list[str]:
    if root is not None:
        return [root]
    parts = page.replace("\\", "/").split("/")[:-1]
    return ["/".join(parts[:i]) for i in range(len(parts), -1, -1)]


def is_relative(url: str) -> bool:
    """True for a link into the site relative to its page (``../x``, ``x.md``, ``x#a``)."""
    url = url.strip()
    if not url or url.startswith(("#", "/", "{", "<", "?")):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return not parts.scheme and not parts.netloc and bool(parts.path)


def readings(url: str, page: str, root: str | None, folders: bool | None = None) -> tuple[str, ...]:
    """The site paths a relative link may name, most likely first (file reading, then
    folder reading; for each possible root when ``root`` is ``None``); ``(url,)`` for
    any other link. ``folders``: the site serves pages as folders (True), as files
    (False), unknown (None); a link to a Markdown file is read against the file."""
    if not is_relative(url):
        return (url,)
    parts = urlsplit(url.strip())
    if _EXT.search(parts.path) and not parts.path.endswith((".html", ".htm")):
        folders = False
    out: list[str] = []
    for r in _roots(page, root):
        own = _site_path(page, r)
        bases = [own if own.endswith("/") else own.rsplit("/", 1)[0] + "/"]
        if folders is not None and not own.endswith("/"):
            bases = [own + "/"] if folders else bases
        elif not own.endswith("/"):
            bases.append(own + "/")
        for base in bases:
            path = posixpath.normpath(posixpath.join(base, parts.path))
            path = "/" + path.lstrip("/") + ("/" if parts.path.endswith("/") and path != "/" else "")
            full = urlunsplit(("", "", path, parts.query, parts.fragment))
            if full not in out:
                out.append(full)
    return tuple(out)


def _host(netloc: str) -> str:
    host = netloc.lower().rsplit("@", 1)[-1]
    return host[4:] if host.startswith("www.") else host


def own_path(url: str, urls: Iterable[str]) -> str | None:
    """``https://hexo.io/docs/x#a`` -> ``/docs/x#a`` when ``https://hexo.io`` is one of the
    site's own ``urls`` (below its path, if it has one); else ``None``."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if not parts.netloc or parts.scheme.lower() not in ("http", "https", ""):
        return None
    for base in urls:
        b = urlsplit(base)
        prefix, path = b.path.rstrip("/"), parts.path or "/"
        if _host(b.netloc) == _host(parts.netloc) and (path == prefix or path.startswith(prefix + "/")):
            return urlunsplit(("", "", path[len(prefix):] or "/", parts.query, parts.fragment))
    return None


def resolve_row(targets: Mapping[str, list[str]], page: str, root: str | None,
                key: Callable[[str], str], address: SiteAddress | None = None) -> dict[str, str]:
    """Raw target -> the site path it names, for every relative link of one aligned row
    (``targets``: locale -> its link targets) and every link to the site's own ``urls``.
    A link with several readings takes the one whose ``key`` another link of the row
    has plainly (an absolute path, a URL), else its first; the choice depends on the row
    only, so every locale reads a link the same way. ``address``: the site's own
    addresses and how it serves pages (see :class:`~transcheck.model.SiteAddress`)."""
    address = address or SiteAddress()
    urls = address.urls
    out: dict[str, str] = {}
    if urls:
        out = {t: p for ts in targets.values() for t in ts if (p := own_path(t, urls)) is not None}
    plain = {key(out.get(t, t)) for ts in targets.values() for t in ts if not is_relative(t)}
    for t in sorted({t for ts in targets.values() for t in ts if is_relative(t)}):
        cands = readings(t, page, root, address.folders)
        out[t] = next((c for c in cands if key(c) in plain), cands[0])
    return out
