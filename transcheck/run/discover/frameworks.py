"""Documentation framework configs: the locales a site declares, read without running it.

Each reader takes a config file and returns a :class:`SiteConfig`: the framework, the
locale list, the default (source) locale, folder names that are locales, and the
content *trees* of the site (``i18n/fr/docusaurus-plugin-content-docs/current`` holds
the ``fr`` copy of ``docs/``). JS/TS configs are scanned for literal values
(:mod:`.jsliteral`); MkDocs' and Hugo's data files are read in :mod:`.datafiles`. A file that cannot be read raises
:class:`ConfigUnreadable`; the caller reports it once and falls back to path rules.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...locales import normalize_locale
from .jsliteral import scan

MAX_BYTES = 2 * 1024 * 1024


class ConfigUnreadable(Exception):
    """A site config whose locales cannot be read; the message says why."""


class NoLocales(Exception):
    """A site config that declares no locales (a one-language site): nothing to warn about."""


@dataclass(frozen=True)
class Tree:
    """A content folder (``/``-separated, relative to the site root) holding one locale.

    A file at ``folder/rest`` is page ``prefix/rest`` in ``locale``; ``source`` marks the
    default locale's tree (the reference).
    """

    folder: str
    locale: str
    prefix: str
    source: bool = False


@dataclass(frozen=True)
class SiteConfig:
    """What a site's own configuration says about its languages and layout."""

    framework: str
    """docusaurus, vitepress, vuepress, starlight, astro, mkdocs, hugo, nextra, next, rspress or custom."""
    path: str | None
    """The config file that was read (None: the layout was recognised from paths)."""
    root: str
    """Absolute folder the tree folders are relative to."""
    locales: tuple[str, ...] = ()
    default_locale: str | None = None
    folders: dict[str, str] = field(default_factory=dict)
    """Folder (or file-suffix) names that are locales in this site: name -> locale."""
    trees: tuple[Tree, ...] = ()


def norm_tag(code: Any) -> str | None:
    """The BCP 47 form of a config value that is a locale code, else None."""
    return normalize_locale(code) if isinstance(code, str) else None


def read_text(path: Path) -> str:
    """A config file's text; :class:`ConfigUnreadable` when it is too large, unreadable or not UTF-8."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ConfigUnreadable(f"larger than {MAX_BYTES // (1024 * 1024)} MB")
        return path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ConfigUnreadable(f"cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigUnreadable("not valid UTF-8") from None


def make_site(framework: str, path: Path, root: Path, named: dict[str, Any], default: Any,
          trees: tuple[Tree, ...] = ()) -> SiteConfig:
    """A SiteConfig from ``name -> locale tag`` pairs as the config writes them."""
    folders: dict[str, str] = {}
    for name, tag in named.items():
        loc = norm_tag(name) or norm_tag(tag)
        if loc is None:
            raise ConfigUnreadable(f"locale '{name}' is not a locale code")
        folders[name] = loc
    dflt = folders.get(default) or norm_tag(default)
    locs = set(folders.values()) | ({dflt} if dflt else set())
    return SiteConfig(framework, str(path), str(root), tuple(sorted(locs)), dflt,
                      dict(sorted(folders.items())), trees)


def _strings(value: Any, what: str) -> list[str]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise ConfigUnreadable(f"'{what}' is not a literal list of locale codes")
    return value


_JSON_IMPORT_RE = re.compile(r"""^\s*import\s+([A-Za-z_$][\w$]*)\s+from\s+['"](\.{1,2}/[^'"]+\.json)['"]""", re.M)


_NAMED_IMPORT_RE = re.compile(r"""^\s*import\s*\{([^}]*)\}\s*from\s+['"](\.{1,2}/[^'"]+)['"]""", re.M)
_MODULE_SUFFIXES = ("", ".ts", ".mts", ".js", ".mjs", ".cts", ".cjs", "/index.ts", "/index.js")


def _js_module(path: Path, *words: str):
    """Scan a JS/TS config; :class:`NoLocales` when none of ``words`` appears in it.

    A default import of a JSON file beside it (``import locales from './locales.json'``)
    binds the file's data to that name, so ``starlight({ locales })`` reads the locales; so
    does a named import of a literal from a module beside it (``import { localesConfig }
    from './config/locales'``, withastro/docs), one level deep.
    """
    text = read_text(path)
    if not any(w in text for w in words):
        raise NoLocales()
    mod = scan(text)
    for name, rel in _JSON_IMPORT_RE.findall(text):
        if name in mod.bindings:
            continue
        try:
            mod.bindings[name] = json.loads(read_text(path.parent / rel))
        except (ConfigUnreadable, ValueError):
            continue  # not readable as data: the name stays unknown
    for names, rel in _NAMED_IMPORT_RE.findall(text):
        wanted = {}
        for part in names.split(","):
            src, _, alias = part.strip().removeprefix("type ").partition(" as ")
            if src.strip() and (alias.strip() or src.strip()) not in mod.bindings:
                wanted[alias.strip() or src.strip()] = src.strip()
        target = next((f for f in (Path(f"{path.parent / rel}{sfx}") for sfx in _MODULE_SUFFIXES) if f.is_file()),
                      None) if wanted else None
        if target is None:
            continue
        try:
            sub = scan(read_text(target))
        except ConfigUnreadable:
            continue  # unreadable: the names stay unknown
        for alias, src in wanted.items():
            if src in sub.bindings:
                mod.bindings[alias] = sub.resolve(sub.bindings[src])
    return mod, text


def _js_i18n(path: Path):
    """A JS config's module, its text, its literal ``i18n`` object and ``i18n.locales``."""
    mod, text = _js_module(path, "i18n")
    i18n = next((d["i18n"] for d in mod.dicts_with("i18n") if isinstance(d["i18n"], dict)), None)
    if i18n is None:
        raise ConfigUnreadable("no literal 'i18n' object")
    return mod, text, i18n, _strings(i18n.get("locales"), "i18n.locales")


def read_docusaurus(path: Path) -> SiteConfig:
    """``docusaurus.config.{js,ts,mjs}``: ``i18n.locales``, ``defaultLocale``, docs paths."""
    mod, _, i18n, locales = _js_i18n(path)
    default = i18n.get("defaultLocale")
    if not isinstance(default, str):
        raise ConfigUnreadable("'i18n.defaultLocale' is not a literal string")
    root = path.parent
    i18n_dir = i18n.get("path") if isinstance(i18n.get("path"), str) else "i18n"
    docs = next((d["docs"]["path"] for d in mod.dicts_with("docs")
                 if isinstance(d["docs"], dict) and isinstance(d["docs"].get("path"), str)), "docs")
    blog = next((d["blog"]["path"] for d in mod.dicts_with("blog")
                 if isinstance(d["blog"], dict) and isinstance(d["blog"].get("path"), str)), "blog")
    instances = {d["id"]: d["path"] for d in mod.dicts_with("id")
                 if isinstance(d.get("id"), str) and isinstance(d.get("path"), str) and d["id"] != "default"}
    site = make_site("docusaurus", path, root, {loc: loc for loc in locales}, default)
    return with_trees(site, docusaurus_trees(root, site.folders, site.default_locale, i18n_dir,
                                              docs.strip("./") or "docs", blog.strip("./") or "blog",
                                              instances))


def docusaurus_trees(root: Path, folders: dict[str, str], default: str | None, i18n_dir: str = "i18n",
                     docs: str = "docs", blog: str = "blog", instances: dict | None = None) -> tuple[Tree, ...]:
    """Docusaurus' content trees: the sources and, per locale, their ``i18n`` copies."""
    plugin = "docusaurus-plugin-content-"
    pairs = [(f"{plugin}docs/current", docs), (f"{plugin}blog", blog), (f"{plugin}pages", "src/pages")]
    for vdir in _subdirs(root / "versioned_docs"):
        pairs.append((f"{plugin}docs/{vdir}", f"versioned_docs/{vdir}"))
    for ident, where in sorted((instances or {}).items()):
        pairs.append((f"{plugin}docs-{ident}/current", where.strip("./")))
    trees = [Tree(src, default or "", src, source=True) for _, src in pairs]
    on_disk = {n: normalize_locale(n) for n in _subdirs(root / i18n_dir)}
    folders = {**{n: loc for n, loc in on_disk.items() if loc}, **folders}  # translated, undeclared
    for name, loc in sorted(folders.items()):
        if loc != default:
            trees += [Tree(f"{i18n_dir}/{name}/{sub}", loc, src) for sub, src in pairs]
    return tuple(trees)


def _subdirs(folder: Path) -> list[str]:
    try:
        return sorted(e.name for e in os.scandir(folder) if e.is_dir() and not e.name.startswith("."))
    except OSError:
        return []


def with_trees(site: SiteConfig, trees: tuple[Tree, ...]) -> SiteConfig:
    """``site`` with these content trees."""
    return SiteConfig(site.framework, site.path, site.root, site.locales, site.default_locale,
                      site.folders, trees)


def _root_layout(site: SiteConfig, content: str, root_tag: Any, root_dir: str = "") -> SiteConfig:
    """Trees of the "default locale at the root, translations in subfolders" layout
    (``root_dir``: the subfolder the default locale's pages are served from the root)."""
    default = site.default_locale or norm_tag(root_tag)
    trees = [Tree(f"{content}/{root_dir}".strip("/"), default or "", content, source=True)]
    trees += [Tree(f"{content}/{name}".lstrip("/"), loc, content) for name, loc in site.folders.items()
              if name != "root"]
    locs = tuple(sorted(set(site.locales) | ({default} if default else set())))
    folders = {k: v for k, v in site.folders.items() if k != "root"}
    return SiteConfig(site.framework, site.path, site.root, locs, default, folders, tuple(trees))


def _named_locales(locales: dict) -> dict[str, Any]:
    """VitePress/Starlight ``locales``: key -> its ``lang`` (or the key itself)."""
    out = {}
    for key, value in locales.items():
        link = value.get("link") if isinstance(value, dict) else None
        if isinstance(link, str) and "://" in link:
            continue  # a translation published as another site, not in this tree
        lang = value.get("lang") if isinstance(value, dict) else None
        out[key] = lang if isinstance(lang, str) else key
    return out


def _content_dir(folder: str) -> str:
    """A config's content folder as a ``/``-separated path under the site root (``""`` for it)."""
    content = os.path.normpath(folder).replace(os.sep, "/").strip("/")
    return "" if content == "." else content


def _astro_folders(content: Path, named: dict[str, Any]) -> dict[str, Any]:
    """Astro lower-cases content paths, so locale ``zh-cn`` may live in ``zh-CN/``: each key
    that is no folder becomes the folder that matches it but for case, where one does."""
    on_disk = {name.lower(): name for name in _subdirs(content)}
    return {(key if key == "root" or (content / key).is_dir() else on_disk.get(key.lower(), key)): tag
            for key, tag in named.items()}


def read_astro(path: Path) -> SiteConfig:
    """``astro.config.*``: Starlight's ``locales``/``defaultLocale``, else Astro's ``i18n``."""
    mod, _ = _js_module(path, "locales", "i18n")
    star = next((c.args[0] for c in mod.calls if c.name == "starlight" and c.args
                 and isinstance(mod.resolve(c.args[0]), dict)), None)
    content = "src/content/docs"
    if star is not None and isinstance(mod.resolve(star).get("locales"), dict):
        star = mod.resolve(star)
        locales = star["locales"]
        default = star.get("defaultLocale", "root" if "root" in locales else next(iter(locales), None))
        named = _astro_folders(path.parent / content, _named_locales(locales))
        default = next((k for k in named if k.lower() == str(default).lower()), default)
        site = make_site("starlight", path, path.parent, named, None if default == "root" else default)
        if default == "root" or default is None:
            return _root_layout(site, content, named.get("root"))
        trees = tuple(Tree(f"{content}/{k}", v, content, source=(k == default))
                      for k, v in site.folders.items())
        return with_trees(site, trees)
    i18n = next((d["i18n"] for d in mod.dicts_with("i18n") if isinstance(d["i18n"], dict)), None)
    if i18n is None:
        raise ConfigUnreadable("no literal Starlight 'locales' or Astro 'i18n' object")
    named: dict[str, Any] = {}
    for item in i18n.get("locales") or []:
        if isinstance(item, str):
            named[item] = item
        elif isinstance(item, dict) and isinstance(item.get("path"), str):
            codes = item.get("codes")
            named[item["path"]] = codes[0] if isinstance(codes, list) and codes else item["path"]
    if not named:
        raise ConfigUnreadable("'i18n.locales' is not a literal list")
    kind = "starlight" if star is not None else "astro"
    named = _astro_folders(path.parent / content, named)
    site = make_site(kind, path, path.parent, named, i18n.get("defaultLocale"))
    routing = i18n.get("routing") if isinstance(i18n.get("routing"), dict) else {}
    if kind == "starlight" and not routing.get("prefixDefaultLocale"):
        others = {k: v for k, v in site.folders.items() if v != site.default_locale}
        return _root_layout(_with_folders(site, others), content, site.default_locale)
    return site


def _with_folders(site: SiteConfig, folders: dict[str, str]) -> SiteConfig:
    return SiteConfig(site.framework, site.path, site.root, site.locales, site.default_locale,
                      folders, site.trees)


def read_nextra(path: Path) -> SiteConfig:
    """``next.config.*``: ``i18n.locales`` and ``defaultLocale`` (Nextra or plain Next.js)."""
    _, text, i18n, locales = _js_i18n(path)
    kind = "nextra" if "nextra" in text else "next"
    return make_site(kind, path, path.parent, {loc: loc for loc in locales}, i18n.get("defaultLocale"))


def read_rspress(path: Path) -> SiteConfig:
    """``rspress.config.*`` (or ``rstack.config.*``, whose ``define.doc({...})`` holds the same
    options): ``locales`` (a list of ``{ lang }``, at the top level or in
    ``themeConfig``) and the site's ``lang`` (the default); every language's pages are in
    ``<root>/<lang>/`` (``root`` defaults to ``docs``)."""
    mod, _ = _js_module(path, "locales")
    found = [d["locales"] for d in mod.dicts_with("locales") if isinstance(d["locales"], list) and d["locales"]]
    langs = [item.get("lang") for item in found[0] if isinstance(item, dict)] if found else []
    if not langs or not all(isinstance(lang, str) for lang in langs):
        raise ConfigUnreadable("no literal 'locales' list of { lang } objects")
    default = next((d["lang"] for d in mod.dicts_with("lang")
                    if isinstance(d["lang"], str) and "label" not in d), None)
    root = next((d["root"] for d in mod.dicts_with("root") if isinstance(d["root"], str)), "docs")
    content = _content_dir(root)
    site = make_site("rspress", path, path.parent, {lang: lang for lang in langs}, default)
    return with_trees(site, tuple(Tree(f"{content}/{name}".lstrip("/"), loc, content, source=(loc == site.default_locale))
                                  for name, loc in site.folders.items()))
