"""The rules: one small self-describing module each (see :mod:`transcheck.rules.base`).

``ALL`` lists them in documentation order; IDs are stable and never reused.
"""

from __future__ import annotations

from types import ModuleType

from ..model import Option, RuleInfo
from . import (broken_anchor, code_block, emphasis, extra_block, extra_sentence, inline_code, link_target, markup,
               missing_block, missing_page, missing_sentence, mixed_language, moved_block, number,
               orphan_page, outdated, semantic_drift, structure, stub_page, untranslated, wrong_language)

ALL: tuple[ModuleType, ...] = (
    code_block, inline_code, link_target, broken_anchor, number, structure, markup, emphasis, stub_page,
    missing_block, extra_block,
    moved_block, mixed_language, untranslated,
    wrong_language, semantic_drift, missing_sentence, extra_sentence,
)
"""Every rule module, in the order they are documented and run."""

PAGE_RULES: tuple[ModuleType, ...] = (missing_page, orphan_page, outdated)
"""Rules that look at a whole page group (which locales it exists in, its git history)."""


def on_by_default(rule: ModuleType) -> bool:
    """False for a rule that runs only when ``--select`` names its ID (``DEFAULT_ENABLED``)."""
    return getattr(rule, "DEFAULT_ENABLED", True)


def info(rule: ModuleType) -> RuleInfo:
    """The :class:`RuleInfo` of a rule module, built from its constants and docstring."""
    doc = (rule.__doc__ or "").strip()
    summary = doc.splitlines()[0].strip() if doc else rule.ID
    body = "\n".join(doc.splitlines()[1:]).strip()
    return RuleInfo(id=rule.ID, name=rule.ID, category=rule.CATEGORY, severity=rule.SEVERITY,
                    summary=summary, doc=body, examples=tuple(getattr(rule, "EXAMPLES", ())),
                    options=tuple(getattr(rule, "CONF", ())), why=getattr(rule, "WHY", ""))


def options() -> dict[str, Option]:
    """Every option a rule declares (``CONF``), by name: the known ``[thresholds]`` names."""
    return {o.name: o for r in ALL + PAGE_RULES for o in getattr(r, "CONF", ())}


def by_id() -> dict[str, ModuleType]:
    """Every rule module by its ID."""
    return {r.ID: r for r in ALL + PAGE_RULES}
