"""Find a checked site's framework config and place files in its content trees.

:func:`find_sites` looks for the config files of the documentation frameworks in the
checked folder, a few folders above it (up to the repository root) and two levels
below it, and reads each with :mod:`.frameworks`. :func:`docusaurus_from_paths`
recognises Docusaurus' ``i18n/<locale>/docusaurus-plugin-content-*`` trees with no
config at all. :func:`place` maps a file to (page, locale) through the trees found.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ...locales import normalize_locale
from ...model import SiteAddress
from .datafiles import read_hugo, read_mkdocs
from .frameworks import (ConfigUnreadable, NoLocales, SiteConfig, Tree, docusaurus_trees, read_astro,
                         read_docusaurus, read_nextra, read_rspress)
from .vueconfigs import read_vitepress, read_vuepress
from .hosts import may_exist, site_urls

READERS = {"docusaurus": read_docusaurus, "vitepress": read_vitepress, "vuepress": read_vuepress,
           "starlight": read_astro,
           "mkdocs": read_mkdocs, "hugo": read_hugo, "nextra": read_nextra, "rspress": read_rspress}
"""Framework name (as the ``layout`` setting names it) -> its config reader."""

JS = ("js", "ts", "mjs", "mts", "cjs", "cts")
CONFIG_FILES: tuple[tuple[str, str], ...] = (
    *(("docusaurus", f"docusaurus.config.{e}") for e in JS),
    *(("vitepress", f".vitepress/config.{e}") for e in JS),
    *(("vitepress", f".vitepress/config/index.{e}") for e in JS),
    *(("vuepress", f".vuepress/config.{e}") for e in JS),
    *(("starlight", f"astro.config.{e}") for e in JS),
    *(("rspress", f"rspress.config.{e}") for e in JS),
    *(("rspress", f"rstack.config.{e}") for e in JS),  # Rstack's define.doc({...}) is an Rspress config
    ("mkdocs", "mkdocs.yml"), ("mkdocs", "mkdocs.yaml"),
    *(("hugo", f"hugo.{e}") for e in ("toml", "yaml", "yml", "json")),
    *(("hugo", f"config/_default/hugo.{e}") for e in ("toml", "yaml", "yml", "json")),
    *(("hugo", f"config.{e}") for e in ("toml", "yaml", "yml", "json")),
    *(("hugo", f"config/_default/config.{e}") for e in ("toml", "yaml", "yml", "json")),
    *(("nextra", f"next.config.{e}") for e in JS),
)
"""(framework, file name relative to the site folder), in the order they are tried."""
LAYOUTS = ("auto", *sorted(READERS), "folders")
"""Values of the ``layout`` setting: a framework, ``folders`` (path rules only) or ``auto``."""
_HUGO_DIRS = ("content", "archetypes", "layouts", "themes")
_SKIP = frozenset({"node_modules", "__pycache__", "venv", "build", "dist", "public", "site", "_site"})
_UP, _DOWN = 3, 2
_PLUGIN = "docusaurus-plugin-content-"
_FOLDERS = {"hugo": True, "starlight": True, "mkdocs": True,
            "docusaurus": False, "vitepress": False, "vuepress": False, "nextra": False, "rspress": False}
"""Framework -> whether it serves a page as a folder (``/docs/x/``) rather than a file."""


@dataclass
class Sites:
    """The site configs found for a run and the warnings about unreadable ones."""

    sites: list[SiteConfig] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    """(config file, why it could not be read)."""

    @property
    def folders(self) -> dict[str, str]:
        """Locale folder names every site declares: name -> locale."""
        out: dict[str, str] = {}
        for s in self.sites:
            for k, v in s.folders.items():
                out.setdefault(k, v)
        return out

    @property
    def default_locale(self) -> str | None:
        """The first declared default locale, if any."""
        return next((s.default_locale for s in self.sites if s.default_locale), None)


def _candidates(start: Path) -> list[Path]:
    """Folders to look for configs in: ``start``, its parents up to the repository, its subfolders."""
    out = [start]
    cur = start
    for _ in range(_UP):
        if (cur / ".git").exists() or cur.parent == cur:
            break
        cur = cur.parent
        out.append(cur)
    level = [start]
    for _ in range(_DOWN):
        nxt = []
        for folder in level:
            try:
                entries = sorted(os.scandir(folder), key=lambda e: e.name)
            except OSError:
                continue
            nxt += [Path(e.path) for e in entries if e.is_dir(follow_symlinks=False)
                    and not e.name.startswith(".") and e.name not in _SKIP]
        out += nxt
        level = nxt
    return out


def _entries(folder: Path) -> frozenset[str] | None:
    """Casefolded names in ``folder`` (None when it cannot be listed): a config whose first
    path part is not among them cannot exist, so it is not looked for (one listing instead
    of a ``stat`` per config name; casefolded, so a case-insensitive file system loses nothing)."""
    try:
        with os.scandir(folder) as it:
            return frozenset(e.name.casefold() for e in it)
    except OSError:
        return None


def _is_hugo_site(folder: Path, name: str, names: frozenset[str] | None = None) -> bool:
    """A generic ``config.*`` counts as Hugo's only beside a Hugo content or theme folder."""
    return not name.startswith("config") or any((folder / d).is_dir() for d in _HUGO_DIRS
                                                 if may_exist(names, d))


def find_sites(start: str | os.PathLike, layout: str = "auto") -> Sites:
    """Read every framework config found around ``start`` (``layout`` limits the frameworks)."""
    found = Sites()
    here = Path(start).resolve()
    if not here.is_dir():
        here = here.parent
    if layout == "folders":
        return found
    seen_roots: set[tuple[str, str]] = set()
    seen_files: set[Path] = set()
    mkdocs_single: list[SiteConfig] = []
    for folder in _candidates(here):
        names = _entries(folder)
        hugo = None
        for framework, name in CONFIG_FILES:
            if layout not in ("auto", framework) or not may_exist(names, name):
                continue
            if name.startswith("config"):
                hugo = _is_hugo_site(folder, name, names) if hugo is None else hugo
                if not hugo:
                    continue
            path = folder / name
            if not path.is_file() or (framework, str(folder)) in seen_roots or path.resolve() in seen_files:
                continue
            seen_roots.add((framework, str(folder)))
            seen_files.add(path.resolve())
            try:
                if framework == "hugo":
                    extra = sorted((folder / "config" / "_default").glob("languages.*"))
                    site = read_hugo(path, [p for p in extra if p.suffix in (".toml", ".yaml", ".yml", ".json")])
                else:
                    site = READERS[framework](path)
            except NoLocales:
                continue
            except ConfigUnreadable as exc:
                found.warnings.append((str(path), str(exc)))
                continue
            if framework == "mkdocs" and not site.folders:
                mkdocs_single.append(site)  # one mkdocs.yml per language: merged below
                continue
            found.sites.append(site)
    merged = merge_mkdocs(mkdocs_single)
    if merged:
        found.sites.append(merged)
    elif mkdocs_single:  # one language declared: its default locale, no trees of its own
        s = mkdocs_single[0]
        found.sites.append(SiteConfig(s.framework, s.path, s.root, s.locales, s.default_locale))
    return found


def merge_mkdocs(sites: list[SiteConfig]) -> SiteConfig | None:
    """One ``mkdocs.yml`` per language (``docs/en/mkdocs.yml``, ``docs/fr/mkdocs.yml``) as one site."""
    langs = {s.default_locale for s in sites}
    if len(sites) < 2 or len(langs) < 2:
        return None
    root = os.path.commonpath([s.root for s in sites])
    trees = []
    for s in sites:
        folder = os.path.relpath(os.path.join(s.root, s.trees[0].folder), root).replace(os.sep, "/")
        trees.append((folder, s.default_locale, s.path))
    # the base config is the one the others INHERIT from; else English, else the first
    default = next((loc for _, loc, p in trees if "INHERIT" not in Path(p).read_text(errors="replace")),
                   "en" if "en" in langs else trees[0][1])
    source = next(f for f, loc, _ in trees if loc == default)
    names = {Path(s.root).name: s.default_locale for s in sites}
    return SiteConfig("mkdocs", next(p for _, loc, p in trees if loc == default), root,
                      tuple(sorted(langs)), default, names,
                      tuple(Tree(f, loc, source, source=(loc == default)) for f, loc, _ in trees))


def docusaurus_from_paths(files: list[Path]) -> list[SiteConfig]:
    """Docusaurus sites recognised by their ``i18n/<locale>/docusaurus-plugin-content-*`` folders."""
    roots: dict[Path, dict[str, str]] = {}
    for f in files:
        parts = f.parts
        for k in range(3, len(parts) - 1):
            if parts[k].startswith(_PLUGIN) and parts[k - 2] == "i18n":
                loc = normalize_locale(parts[k - 1])
                if loc:
                    roots.setdefault(Path(*parts[:k - 2]), {})[parts[k - 1]] = loc
                break
    return [SiteConfig("docusaurus", None, str(root), tuple(sorted(set(names.values()))), None,
                       dict(sorted(names.items())), docusaurus_trees(root, names, None))
            for root, names in sorted(roots.items())]


def place(sites: list[SiteConfig], real: Path) -> tuple[str, str, bool, SiteConfig] | None:
    """(page, locale, is source, site) of a file inside a site's content trees, or None.

    The longest matching tree wins (``docs/fr/`` before ``docs/``). A source tree's
    locale may be empty: the default locale is not declared.
    """
    best: tuple[int, str, Tree, SiteConfig] | None = None
    text = real.as_posix()
    for site in sites:
        for tree in site.trees:
            base = Path(site.root, tree.folder).as_posix().rstrip("/") + "/"
            if text.startswith(base) and (best is None or len(base) > best[0]):
                best = (len(base), text[len(base):], tree, site)
    if best is None:
        return None
    _, rest, tree, site = best
    page = f"{tree.prefix}/{rest}" if tree.prefix else rest
    return page, tree.locale, tree.source, site


@dataclass
class SitePlan:
    """Everything discovery learns from site configs and the ``layout`` setting."""

    layout: str = "auto"
    sites: list[SiteConfig] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    folders: dict[str, str] = field(default_factory=dict)
    """Folder names that are locales even alone (declared by a config or ``locale_folders``)."""
    default_locale: str | None = None
    used: dict[str, int] = field(default_factory=dict)
    """How many files each layout placed (``docusaurus``, ``locale folders``, ...)."""
    urls: tuple[str, ...] = ()
    """The site's own addresses its configs declare (:func:`.hosts.site_urls`)."""

    def address(self) -> SiteAddress:
        """The site's addresses, and whether its frameworks serve pages as folders."""
        kinds = {_FOLDERS.get(s.framework) for s in self.sites} - {None}
        return SiteAddress(self.urls, kinds.pop() if len(kinds) == 1 else None)

    def read(self, start: str | os.PathLike, files: list[Path], locale_folders: dict[str, str],
             folders_base: str | os.PathLike | None = None, source_locale: str | None = None) -> None:
        """Read the site configs around ``start`` and add the ``locale_folders`` setting
        (folder name, or path relative to ``folders_base``, -> locale).

        ``files`` (resolved paths) let Docusaurus' i18n trees be recognised with no config.
        """
        found = find_sites(start, self.layout)
        here = Path(start).resolve()
        self.urls = site_urls([(f, _entries(f)) for f in _candidates(here if here.is_dir() else here.parent)])
        self.sites, self.warnings = list(found.sites), list(found.warnings)
        if self.layout in ("auto", "docusaurus") and not any(s.framework == "docusaurus" for s in self.sites):
            self.sites += docusaurus_from_paths(files)
        self.folders = found.folders
        self.default_locale = found.default_locale
        base = Path(folders_base or start).resolve()
        trees = []
        source = source_locale or self.default_locale
        for name, loc in locale_folders.items():
            if "/" in name.strip("/"):
                rel = os.path.relpath(base / name.strip("/"), base).replace(os.sep, "/")
                trees.append(Tree(rel, loc, os.path.dirname(rel), source=(loc == source)))
            else:
                self.folders[name.strip("/")] = loc
        if trees:
            self.sites.insert(0, SiteConfig("locale_folders", None, str(base),
                                            tuple(sorted({t.locale for t in trees})), source, {}, tuple(trees)))

    def place(self, real: Path, src: str) -> tuple[str, list[str], str, str] | None:
        """(locale, page parts, how, layout name) of a file in a declared tree, or None.

        ``how`` is ``source`` for the default locale's tree (its locale ``src`` when the
        config does not name it), else ``path``.
        """
        hit = place(self.sites, real)
        if hit is None:
            return None
        page, locale, source, site = hit
        return (locale or src) if source else locale, page.split("/"), "source" if source else "path", \
            site.framework

    def count(self, layout: str) -> None:
        """Count one file placed by ``layout``."""
        self.used[layout] = self.used.get(layout, 0) + 1

    def worth_saying(self) -> bool:
        """True when a config was read or failed, a framework layout or the source-at-the-root
        layout placed files, or ``layout`` was set."""
        generic = {"", "locale folders", "suffix", "sibling trees"}  # the layouts read before frameworks
        return bool(self.sites or self.warnings or self.layout != "auto" or set(self.used) - generic)

    def describe(self, display=lambda p: p) -> dict:
        """The ``site`` section of the output: layout setting, configs read, layouts used, warnings."""
        return {
            "layout": self.layout,
            "configs": [{"framework": s.framework, "file": display(Path(s.path)), "locales": list(s.locales),
                         "default_locale": s.default_locale} for s in self.sites if s.path],
            "layouts": dict(sorted((k, v) for k, v in self.used.items() if k)),
            "warnings": [{"file": display(Path(p)), "message": m} for p, m in sorted(self.warnings)],
        }
