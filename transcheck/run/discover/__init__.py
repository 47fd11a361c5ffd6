"""Discovery: turn the paths a user gives into page groups (one page, many locales).

Layouts understood (locale codes as :mod:`transcheck.locales` accepts them):

* ``ROOT/<locale>/path/page.md`` (Hugo, MkDocs, Docusaurus ``i18n``): a folder named
  by a locale code, with at least one sibling folder also named by a locale code;
* ``page.<locale>.md``, ``page-<locale>.md``, ``page_<locale>.md`` next to each other
  (``README.md`` with ``README-<locale>.md`` is the same case); the ``-``/``_`` forms
  count only when a sibling shares the stem, so ``docker-compose.md`` stays a page;
* sibling trees ``DIR.<locale>/…`` next to an unmarked ``DIR/…``.

Before these, the content trees of a documentation framework's config are used
(:mod:`.sitelayout`, :mod:`.frameworks`): Docusaurus' ``i18n/<locale>/docusaurus-plugin-content-*``,
VitePress and Starlight locale folders beside the source at the root, Hugo's
``contentDir``; the config's default locale is the source. A folder whose locale
subfolders copy its files has its source at the root (:func:`.layouts.root_source`).

Unmarked copies that have marked siblings are the *source* locale. Files with no
locale marker and no marked sibling are grouped by their content (:mod:`.identify`).
Unmarked source copies get the language of their text (:mod:`.sources`) unless the
source locale is given. :func:`discover` returns the final page groups.

Modules: :mod:`.files` (walking), :mod:`.layouts` (one function per layout family),
:mod:`.sitelayout` (site configs and their trees), :mod:`.sources`, :mod:`.identify`.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from ...analyse.language import language_name
from ...locales import base_language
from ...model import InputError, PageFile, PageGroup, SiteAddress
from .files import display_path, filter_globs, link_refusal, printable, resolve, walk_markdown
from .identify import identify
from .layouts import locale_folder, root_layouts, root_source, sibling_tree, suffix, with_aliases
from .sitelayout import SitePlan
from .sources import SOURCE, label_sources, misread_locales, source_language

__all__ = ["Discovery", "SOURCE", "discover", "display_path", "printable"]


@dataclass(frozen=True)
class Discovery:
    """What discovery found: page groups (final: sources labelled, unmarked files grouped)
    and input errors."""

    groups: tuple[PageGroup, ...] = ()
    errors: tuple[InputError, ...] = ()
    locales: tuple[str, ...] = ()
    """Every locale seen, sorted (the locales a page is expected in)."""
    site: Mapping[str, object] = field(default_factory=dict)
    """The site configs read, the layouts used and config warnings (empty when there is
    nothing to say: no config, only the path rules; see :meth:`SitePlan.describe`)."""
    address: SiteAddress = field(default_factory=SiteAddress)
    """Where the site's pages are served, from its configs (``https://hexo.io``, as folders)."""
    warnings: tuple[str, ...] = ()
    """What discovery decided that a user should know (a locale relabelled from its text)."""


def discover(paths: list[str | Path], source_locale: str | None = None,
             aliases: dict[str, str] | None = None, include: tuple[str, ...] = (),
             exclude: tuple[str, ...] = (), base: str | Path | None = None, layout: str = "auto",
             locale_folders: dict[str, str] | None = None,
             follow_external_symlinks: bool = False) -> Discovery:
    """Find Markdown files under ``paths`` and group them into pages by locale.

    ``source_locale`` names the locale of unmarked source copies; when None it is
    identified from their text. ``aliases`` maps folder or suffix names to locales
    (``jp`` -> ``ja``). ``include``/``exclude`` are glob patterns matched against paths
    relative to ``base`` (default: the working directory). ``layout`` (``auto``, a
    framework, ``folders``) and ``locale_folders`` (folder name or path relative to
    ``base`` -> locale) are the settings of the same names. File symbolic links that
    lead outside ``paths`` are reported, not read, unless ``follow_external_symlinks``
    (see :func:`.files.link_refusal`).
    """
    errors: list[InputError] = []
    site = SitePlan(layout)
    groups, unlabelled, locales = _place(paths, source_locale, aliases or {}, include, exclude, base, errors,
                                         site, locale_folders or {}, follow_external_symlinks)
    if source_locale is None:
        lang = source_language(groups)
        if lang:
            groups = label_sources(groups, lang)
            locales = tuple(sorted({pf.locale for g in groups for pf in g.files}))
    warnings: list[str] = []
    if unlabelled:
        found, id_errors, lone = identify(unlabelled)
        groups = sorted(groups + found, key=lambda g: g.page)
        kept, warnings = _lone_in_reference(id_errors, lone, groups)
        errors.extend(kept)
        if found and not locales:
            locales = tuple(sorted({pf.locale for g in found for pf in g.files}))
    groups, relabelled = misread_locales(groups, set(aliases or {}) | set((aliases or {}).values()))
    if relabelled:
        locales = tuple(sorted({pf.locale for g in groups for pf in g.files}))
    said = site.describe(display_path) if site.worth_saying() else {}
    return Discovery(tuple(groups), tuple(errors), locales, said, site.address(), tuple(warnings + relabelled))


def _lone_in_reference(errors: list[InputError], lone: list[tuple[str, str]],
                       groups: list[PageGroup]) -> tuple[list[InputError], list[str]]:
    """``errors`` less those of lone unlabelled files written in the site's reference
    language (a ``config/README.md`` beside a site's locale folders: a page nobody
    translated, not bad input), and the one warning line that names those files instead."""
    refs = {g.source_locale for g in groups if g.source_locale and g.source_locale != "source"}
    ref = base_language(refs.pop()) if len(refs) == 1 else ""
    mine = {path for path, lang in lone if ref and base_language(lang) == ref}
    if not mine:
        return errors, []
    shown = sorted(mine)
    said = (f"{len(shown)} file(s) in {language_name(ref)} ({ref}), the site's reference language, have no "
            f"locale in their path and no translation: not compared (" + ", ".join(shown[:5])
            + (f", … (+{len(shown) - 5})" if len(shown) > 5 else "") + "); --exclude them to leave them out")
    return [e for e in errors if e.file not in mine], [said]


def _place(paths, source_locale, aliases, include, exclude, base, errors: list[InputError],
           site: SitePlan, locale_folders: dict[str, str], follow_external_symlinks: bool = False):
    """Walk ``paths`` and place each file: (groups, unlabelled files, locales).

    ``site`` is filled with what the site configs say and the layouts used.
    """
    roots = [Path(p) for p in paths]
    files = []
    resolved: dict[Path, Path] = {}
    for f in filter_globs(walk_markdown(roots, errors), include, exclude, base):
        real = resolve(f)
        if real is None:
            errors.append(InputError(display_path(f), "symbolic link loop"))
            continue
        refusal = None if follow_external_symlinks else link_refusal(f, real, roots)
        if refusal:
            errors.append(InputError(display_path(f), refusal))
            continue
        files.append(f)
        resolved[f] = real
    if not files:
        if not errors:
            errors.append(InputError(", ".join(str(p) for p in paths) or ".",
                                     "no Markdown files found (looked for *.md, *.markdown, *.mdx)"))
        return [], [], ()
    bases = [r if r.is_dir() else r.parent for r in roots if r.exists()]
    try:
        common = Path(os.path.commonpath([str(b.resolve()) for b in bases]))
    except ValueError:
        common = Path("/")
    site.read(common, list(resolved.values()), locale_folders, base, source_locale)
    norm = with_aliases({**site.folders, **aliases})
    src = source_locale or site.default_locale or SOURCE
    config_default = None if source_locale else site.default_locale

    # Which folder names are locale folders: a locale-named folder with a locale-named sibling.
    sibling_locales: dict[Path, set[str]] = defaultdict(set)
    all_dirs = set()
    for d in {resolved[f].parent for f in files}:
        cur = d
        while cur != common and common in cur.parents:
            all_dirs.add(cur)
            cur = cur.parent
    for d in all_dirs:
        if norm(d.name):
            sibling_locales[d.parent].add(d.name)
    names_in: dict[Path, set[str]] = defaultdict(set)
    for f in files:
        names_in[resolved[f].parent].add(f.name)
    declared = frozenset(site.folders)
    roots_with_source, lone = root_layouts(set(resolved.values()), common, sibling_locales, declared, norm)
    alone = declared | lone

    placed: dict[tuple[str, str], PageFile] = {}
    unlabelled: list[PageFile] = []
    for f in files:
        real = resolved[f]
        rel = real.relative_to(common) if common in real.parents else Path(real.name)
        parts = list(rel.parts)
        where, used = site.place(real, src), ""
        for name, family in (("locale folders", lambda: locale_folder(parts, common, sibling_locales, norm, alone)),
                             ("source at the root + locale folders",
                              lambda: root_source(real, parts, roots_with_source, src)),
                             ("sibling trees", lambda: sibling_tree(parts, common, src, norm)),
                             ("suffix", lambda: suffix(parts, names_in[real.parent], src, norm))):
            if where is not None:
                break
            where, used = family(), name
        if where is None:
            unlabelled.append(PageFile(printable("/".join(parts)), "", str(f), display_path(f), "content"))
            continue
        locale, parts, how = where[:3]
        used = where[3] if len(where) > 3 else used
        page = printable("/".join(parts))
        key = (page, locale)
        if key in placed:
            errors.append(InputError(
                display_path(f),
                f"another file is already the '{locale or 'source'}' copy of page '{page}': "
                f"{placed[key].display}; this one is not checked"))
            continue
        placed[key] = PageFile(page, locale, str(f), display_path(f), how)
        site.count(used)

    by_page: dict[str, list[PageFile]] = defaultdict(list)
    for (page, _), pf in placed.items():
        by_page[page].append(pf)
    groups = []
    for page in sorted(by_page):
        pfs = tuple(sorted(by_page[page], key=lambda p: p.locale))
        has_source = any(p.locale_source == "source" or (config_default and p.locale == config_default)
                         for p in pfs)
        groups.append(PageGroup(page, pfs, src if has_source else None))
    return groups, unlabelled, tuple(sorted({pf.locale for pf in placed.values()}))
