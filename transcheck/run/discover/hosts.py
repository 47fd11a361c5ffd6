"""The site's own address, read from its config: a link to it is a link into the site.

``https://hexo.io/docs/x`` on hexo.io's own pages is ``/docs/x``. The address is the
literal value of Hexo's ``url`` (``_config.yml``), Hugo's ``baseURL``, MkDocs'
``site_url``, Docusaurus' ``url``, Astro's ``site`` or VitePress' ``sitemap.hostname``,
in the configs found around the checked folder (the folders :mod:`.sitelayout` looks
in). Nothing is executed; a value that is not a literal is ignored.
"""

from __future__ import annotations

import re
from pathlib import Path

from .jsliteral import scan

_JS = ("js", "ts", "mjs", "mts", "cjs", "cts")
_TEXT_KEYS = {
    "_config.yml": r"url",  # Hexo
    "mkdocs.yml": r"site_url",
    **{f"{stem}.{ext}": r"baseURL" for stem in ("hugo", "config", "config/_default/hugo",
                                                "config/_default/config") for ext in ("toml", "yaml", "yml")},
}
_JS_KEYS = {**{f"docusaurus.config.{e}": "url" for e in _JS}, **{f"astro.config.{e}": "site" for e in _JS},
            **{f".vitepress/config.{e}": "hostname" for e in _JS},
            **{f".vitepress/config/index.{e}": "hostname" for e in _JS}}
_URL = re.compile(r"https?://[^\s'\"#?]+")
_MAX = 1_000_000


def may_exist(names: frozenset[str] | None, rel: str) -> bool:
    """False when ``rel`` (relative to a folder listed as ``names``) surely does not exist."""
    return names is None or rel.split("/", 1)[0].casefold() in names


def _text_value(text: str, key: str) -> str | None:
    m = re.search(rf"(?m)^{key}\s*[:=]\s*['\"]?({_URL.pattern})", text)
    return m.group(1) if m else None


def _js_value(text: str, key: str) -> str | None:
    mod = scan(text)
    for d in mod.dicts_with(key):
        value = d[key]
        if isinstance(value, str) and _URL.match(value):
            return value
    return None


def site_urls(folders: list[tuple[Path, frozenset[str] | None]]) -> tuple[str, ...]:
    """The site addresses (``https://hexo.io``, ``https://glossary.cncf.io/``) that the
    configs in ``folders`` declare, in the order found, each once. Each folder comes with
    the casefolded names it holds (None: not listed), so that absent names cost nothing."""
    out: list[str] = []
    for folder, names in folders:
        for name, key in (*_TEXT_KEYS.items(), *_JS_KEYS.items()):
            if not may_exist(names, name):
                continue
            path = folder / name
            try:
                if not path.is_file() or path.stat().st_size > _MAX:
                    continue
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            value = _js_value(text, key) if name in _JS_KEYS else _text_value(text, key)
            if value and value not in out:
                out.append(value)
    return tuple(out)
