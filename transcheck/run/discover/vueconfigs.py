"""VitePress and VuePress configs: ``locales`` keyed by folder (VitePress) or by path prefix
(VuePress), the default locale at the root of the content folder."""

from __future__ import annotations

from pathlib import Path

from .frameworks import (ConfigUnreadable, NoLocales, SiteConfig, _content_dir, _js_module, _named_locales,
                         _root_layout, make_site)


def read_vitepress(path: Path) -> SiteConfig:
    """``.vitepress/config.*``: the ``locales`` object (``root`` is the default locale)."""
    mod, _ = _js_module(path, "locales")
    found = [d for d in mod.dicts_with("locales") if isinstance(d["locales"], dict) and d["locales"]]
    if not found:
        raise ConfigUnreadable("no literal 'locales' object")
    locales = found[0]["locales"]
    root_cfg = locales.get("root")
    root_tag = root_cfg.get("lang") if isinstance(root_cfg, dict) else None
    named = {k: v for k, v in _named_locales(locales).items() if k != "root"}
    base = next(p for p in path.parents if p.name == ".vitepress").parent
    src = next((d["srcDir"] for d in mod.dicts_with("srcDir") if isinstance(d["srcDir"], str)), ".")
    content = _content_dir(src)
    site = make_site("vitepress", path, base, named, None)
    return _root_layout(site, content, root_tag if isinstance(root_tag, str) else None, _rewritten_root(mod))


def read_vuepress(path: Path) -> SiteConfig:
    """``.vuepress/config.*`` (VuePress 1 and 2): ``locales`` keyed by path prefix, ``'/'`` the
    default locale (``{ '/': { lang: 'en-US' }, '/zh/': { lang: 'zh-CN' } }``); the pages are
    in the folder that holds ``.vuepress``. A theme's ``locales`` of the same shape (labels,
    no ``lang``) is used only when the site's own is not a literal."""
    mod, _ = _js_module(path, "locales")
    found = [d["locales"] for d in mod.dicts_with("locales") if isinstance(d["locales"], dict)
             and any(isinstance(k, str) and k.startswith("/") for k in d["locales"])]
    if not found:
        raise ConfigUnreadable("no literal 'locales' object keyed by path ('/', '/zh/')")
    locales = next((d for d in found if any(isinstance(v, dict) and "lang" in v for v in d.values())), found[0])
    root_cfg = locales.get("/")
    root_tag = root_cfg.get("lang") if isinstance(root_cfg, dict) else None
    named = {k.strip("/"): v for k, v in _named_locales(locales).items() if k.strip("/")}
    if not named:
        raise NoLocales()
    base = next(p for p in path.parents if p.name == ".vuepress").parent
    site = make_site("vuepress", path, base, named, None)
    return _root_layout(site, "", root_tag if isinstance(root_tag, str) else None)


def _rewritten_root(mod) -> str:
    """The folder VitePress ``rewrites`` serve at the root (``'en/:rest*': ':rest*'`` -> ``en``),
    where the default locale's pages then live; empty when there is none."""
    for d in mod.dicts_with("rewrites"):
        rules = d["rewrites"] if isinstance(d["rewrites"], dict) else {}
        for src, dst in sorted(rules.items()):
            if isinstance(dst, str) and dst.startswith(":") and src.endswith("/" + dst) \
                    and ":" not in src[:-len(dst)]:
                return src[:-len(dst) - 1].strip("/")
    return ""
