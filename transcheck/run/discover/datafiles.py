"""MkDocs and Hugo configs: YAML, TOML and JSON files read as data, never run.

TOML is read with ``tomllib``, JSON with ``json`` and YAML with a safe loader that
reads unknown tags (MkDocs' ``!!python/name:...``) as nothing instead of failing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from .frameworks import (ConfigUnreadable, NoLocales, SiteConfig, Tree, make_site, norm_tag, read_text,
                         with_trees)


def load_data(path: Path) -> Any:
    """A TOML, YAML or JSON file as Python data (YAML tags such as ``!!python/name`` ignored)."""
    text = read_text(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".toml":
            return tomllib.loads(text)
        if suffix == ".json":
            return json.loads(text)
        import yaml

        class Loader(yaml.SafeLoader):
            """A safe loader that reads unknown tags as nothing instead of failing."""

        Loader.add_multi_constructor("", lambda loader, suffix, node: None)
        return yaml.load(text, Loader=Loader)  # noqa: S506 - SafeLoader subclass
    except tomllib.TOMLDecodeError as exc:
        raise ConfigUnreadable(f"invalid TOML: {exc}") from None
    except json.JSONDecodeError as exc:
        raise ConfigUnreadable(f"invalid JSON: {exc}") from None
    except ImportError:
        raise ConfigUnreadable("YAML support (PyYAML) is not installed") from None
    except Exception as exc:  # yaml.YAMLError and friends
        raise ConfigUnreadable(f"invalid YAML: {str(exc).splitlines()[0] if str(exc) else exc}") from None


def read_mkdocs(path: Path) -> SiteConfig:
    """``mkdocs.yml`` with the i18n plugin: ``languages`` (list or table) and the default."""
    data = load_data(path)
    if not isinstance(data, dict):
        raise ConfigUnreadable("not a YAML mapping")
    plugins = data.get("plugins") or []
    items = plugins.items() if isinstance(plugins, dict) else \
        [next(iter(p.items())) if isinstance(p, dict) and p else (p, None) for p in plugins]
    cfg = next((c for name, c in items if name == "i18n"), None)
    docs = str(data.get("docs_dir") or "docs").strip("./") or "docs"
    if not isinstance(cfg, dict):
        theme = data.get("theme") if isinstance(data.get("theme"), dict) else {}
        lang = norm_tag(theme.get("language"))
        if lang is None:
            raise NoLocales()
        return SiteConfig("mkdocs", str(path), str(path.parent), (lang,), lang, {},
                          (Tree(docs, lang, "", source=True),))
    langs = cfg.get("languages")
    named: dict[str, Any] = {}
    default = cfg.get("default_language")
    if isinstance(langs, list):  # mkdocs-static-i18n 1.x
        for entry in langs:
            if isinstance(entry, dict) and isinstance(entry.get("locale"), str):
                named[entry["locale"]] = entry["locale"]
                if entry.get("default"):
                    default = entry["locale"]
    elif isinstance(langs, dict):  # 0.x
        named = {str(k): str(k) for k in langs}
    if not named:
        raise ConfigUnreadable("the i18n plugin's 'languages' is not a list of locales")
    if default is None:
        default = next(iter(named))
    site = make_site("mkdocs", path, path.parent, named, default)
    if cfg.get("docs_structure") == "folder":
        trees = tuple(Tree(f"{docs}/{k}", v, docs, source=(v == site.default_locale))
                      for k, v in site.folders.items())
        return with_trees(site, trees)
    return site


def _lower_keys(d: Any) -> Any:
    return {str(k).lower(): v for k, v in d.items()} if isinstance(d, dict) else {}


def read_hugo(path: Path, extra: list[Path] = ()) -> SiteConfig:
    """Hugo's config: ``languages`` (with ``contentDir``) and ``defaultContentLanguage``.

    ``extra`` are ``config/_default/languages.*`` files holding the languages table.
    """
    data = _lower_keys(load_data(path))
    langs = _lower_keys(data.get("languages"))
    for more in extra:
        langs.update(_lower_keys(load_data(more)))
    if not langs:
        raise NoLocales()
    root = path.parent if path.parent.name != "_default" else path.parent.parent.parent
    default = str(data.get("defaultcontentlanguage") or "en").lower()
    named = {}
    for key, spec in langs.items():
        spec = _lower_keys(spec)
        named[key] = spec.get("locale") or spec.get("languagecode") or key
    site = make_site("hugo", path, root, named, default)
    base = str(data.get("contentdir") or "content").strip("./")
    own = {key: spec["contentdir"].strip("./") for key, spec in
           ((k, _lower_keys(v)) for k, v in langs.items()) if isinstance(spec.get("contentdir"), str)}
    prefix = base
    if own and default in langs and default not in own and data.get("contentdir") \
            and base not in own.values():
        # the top-level contentDir (``content/en``) is the default language's own tree
        own[default] = base
        prefix = Path(base).parent.as_posix().strip("./")
    trees = [Tree(folder, site.folders[key], prefix, source=(site.folders[key] == site.default_locale))
             for key, folder in own.items()]
    return with_trees(site, tuple(trees))
