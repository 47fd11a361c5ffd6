"""Configuration: ``[tool.transcheck]`` in ``pyproject.toml`` or a ``transcheck.toml``.

The file is found by walking up from the checked path (the first one given) to the
filesystem root; the nearest ``transcheck.toml`` or ``pyproject.toml`` with a
``[tool.transcheck]`` table wins. Command-line flags override it. Unknown keys and bad
values are errors that name the file and the key.

Example ``transcheck.toml``::

    reference = "en"
    select = ["code-drift", "link-drift"]
    ignore = ["markup"]
    fail_on = "warning"
    min_severity = "info"   # text, github, markdown: list info findings too (default: warning)
    include = ["docs/**"]
    exclude = ["**/changelog.md"]
    placeholders = ['%\\w+%']
    source_only_components = ["DontEditWarning"]   # components translators remove on purpose
    layout = "hugo"         # auto (default): read the site's framework config; folders: none

    [severity]
    number = "error"
    "extra-content" = "info"

    [locale_aliases]
    jp = "ja"
    cn = "zh-Hans"

    [locale_folders]        # folder names, or folder paths from this file, that are locales
    english = "en"
    "content/francais" = "fr"

    [thresholds]            # the options rules declare (see 'transcheck explain RULE')
    semantic_drift_ratio = 0.55
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from ..locales import normalize_locale
from ..model import SEVERITIES
from ..run.discover.sitelayout import LAYOUTS


class ConfigError(Exception):
    """A configuration problem; the message names the file and the key."""


@dataclass(frozen=True)
class Config:
    """Settings read from a configuration file (all optional)."""

    path: str | None = None
    reference: str | None = None
    source_locale: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: str | None = None
    min_severity: str | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    placeholders: tuple[str, ...] = ()
    locale_aliases: dict[str, str] = field(default_factory=dict)
    thresholds: dict[str, float] = field(default_factory=dict)
    model: str | None = None
    cache_dir: str | None = None
    layout: str = "auto"
    locale_folders: dict[str, str] = field(default_factory=dict)
    source_only_components: tuple[str, ...] = ()


_KEYS = {
    "reference": "locale", "source_locale": "locale", "select": "names", "ignore": "names",
    "severity": "severity_table", "fail_on": "fail_on", "min_severity": "min_severity",
    "include": "globs", "exclude": "globs",
    "placeholders": "regexes", "locale_aliases": "aliases", "thresholds": "numbers",
    "model": "string", "cache_dir": "string", "layout": "layout", "locale_folders": "aliases",
    "source_only_components": "components",
}


def find_configs(start: str | os.PathLike) -> list[Path]:
    """Every configuration file at or above ``start`` (a file or folder), nearest first.

    The first one is used; the others are shadowed by it. A ``pyproject.toml`` that is
    not valid TOML raises :class:`ConfigError` naming it (it might hold settings).
    """
    try:
        here = Path(start).resolve()
    except (OSError, RuntimeError):  # a symbolic link loop: look from where the link is
        here = Path(os.path.abspath(start))
    if not here.is_dir():
        here = here.parent
    found = []
    for folder in (here, *here.parents):
        candidate = folder / "transcheck.toml"
        if candidate.is_file():
            found.append(candidate)
            continue
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
            except OSError:
                continue  # unreadable: not ours to judge
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise ConfigError(f"{pyproject}: invalid TOML: {exc} (fix it, or pass --config or "
                                  "--no-config)") from None
            if isinstance(data.get("tool"), dict) and "transcheck" in data["tool"]:
                found.append(pyproject)
    return found


def find_config(start: str | os.PathLike) -> Path | None:
    """The nearest configuration file at or above ``start`` (a file or folder), or None."""
    found = find_configs(start)
    return found[0] if found else None


def load_config(path: str | os.PathLike, known_names: set[str],
                known_thresholds: set[str] | None = None) -> Config:
    """Read and validate a configuration file; ``known_names`` are rule IDs and categories,
    ``known_thresholds`` the option names rules declare (``None``: any name)."""
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{p}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{p}: not valid UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{p}: invalid TOML: {exc}") from None
    if p.name == "pyproject.toml":
        table = data.get("tool", {}).get("transcheck", {})
        prefix = "tool.transcheck."
    else:
        table, prefix = data, ""
    if not isinstance(table, dict):
        raise ConfigError(f"{p}: [{prefix.rstrip('.') or 'transcheck'}] must be a table")
    values: dict[str, Any] = {"path": str(p)}
    for key, value in table.items():
        kind = _KEYS.get(key)
        if kind is None:
            raise ConfigError(f"{p}: unknown key '{prefix}{key}' (known: {', '.join(sorted(_KEYS))})")
        values[key] = _validate(p, prefix + key, kind, value, known_names, known_thresholds)
    return Config(**values)


def _validate(p: Path, key: str, kind: str, value: Any, known: set[str],
              thresholds: set[str] | None = None) -> Any:
    def fail(what: str) -> ConfigError:
        return ConfigError(f"{p}: '{key}' {what}")

    def strings(v: Any) -> tuple[str, ...]:
        if isinstance(v, str):
            v = [v]
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            raise fail("must be a list of strings")
        return tuple(v)

    if kind == "locale":
        if not isinstance(value, str) or normalize_locale(value) is None:
            raise fail(f"must be a locale code like 'de' or 'pt-BR', not {value!r}")
        return normalize_locale(value)
    if kind == "names":
        names = strings(value)
        for n in names:
            if n not in known:
                raise fail(f"names unknown rule or category '{n}' (see 'transcheck rules')")
        return names
    if kind == "severity_table":
        if not isinstance(value, dict):
            raise fail("must be a table of rule or category = severity")
        for name, sev in value.items():
            if name not in known:
                raise ConfigError(f"{p}: '{key}.{name}': unknown rule or category")
            if sev not in SEVERITIES:
                raise ConfigError(f"{p}: '{key}.{name}' must be one of {', '.join(SEVERITIES)}, not {sev!r}")
        return dict(value)
    if kind == "fail_on":
        if value not in (*SEVERITIES, "never"):
            raise fail(f"must be one of error, warning, info, never, not {value!r}")
        return value
    if kind == "min_severity":
        if value not in SEVERITIES:
            raise fail(f"must be one of {', '.join(SEVERITIES)}, not {value!r}")
        return value
    if kind == "globs":
        return strings(value)
    if kind == "components":
        names = tuple(n.strip().strip("<>/ ") for n in strings(value))
        if not all(names):
            raise fail("must be a list of component names like \"DontEditWarning\"")
        return names
    if kind == "regexes":
        pats = strings(value)
        for pat in pats:
            try:
                re.compile(pat)
            except re.error as exc:
                raise fail(f"has an invalid regular expression {pat!r}: {exc}") from None
        return pats
    if kind == "aliases":
        if not isinstance(value, dict):
            raise fail("must be a table of alias = locale")
        out = {}
        for alias, loc in value.items():
            if not isinstance(loc, str) or normalize_locale(loc) is None:
                raise ConfigError(f"{p}: '{key}.{alias}' must map to a locale code, not {loc!r}")
            out[alias] = normalize_locale(loc)
        return out
    if kind == "layout":
        if value not in LAYOUTS:
            raise fail(f"must be one of {', '.join(LAYOUTS)}, not {value!r}")
        return value
    if kind == "numbers":
        if not isinstance(value, dict):
            raise fail("must be a table of name = number")
        for name, v in value.items():
            if thresholds is not None and name not in thresholds:
                raise ConfigError(f"{p}: '{key}.{name}': unknown threshold (known: "
                                  f"{', '.join(sorted(thresholds))})")
            if not isinstance(v, (int, float)) or isinstance(v, bool) or not 0.0 <= v <= 1.0:
                raise ConfigError(f"{p}: '{key}.{name}' must be a number from 0 to 1, not {v!r}")
        return {k: float(v) for k, v in value.items()}
    if not isinstance(value, str):
        raise fail("must be a string")
    return value
