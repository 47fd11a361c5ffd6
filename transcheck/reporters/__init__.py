"""Reporters: each module renders a :class:`~transcheck.model.Report` in one format.

A reporter module defines ``NAME`` (the ``--format`` value), ``EXTENSION`` (the file
name ending used by ``--report DIR``) and ``render(report, color=False) -> str``.
Reporters see findings, rule descriptions, page summaries and errors, never checks.
"""

from __future__ import annotations

from types import ModuleType

from . import github, html, json_report, junit, markdown, sarif, text

REPORTERS: dict[str, ModuleType] = {m.NAME: m for m in (text, json_report, sarif, junit, github, markdown, html)}
"""Every output format, by its ``--format`` name."""


def get(name: str) -> ModuleType:
    """Return the reporter module for a format name (KeyError if unknown)."""
    return REPORTERS[name]
