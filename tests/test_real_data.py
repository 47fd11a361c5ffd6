"""The real-site excerpts under tests/data/real/ name their source, commit and licence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REAL = Path(__file__).parent / "data" / "real"
SITES = sorted(p for p in REAL.iterdir() if p.is_dir())
ALLOWED = ("MIT", "Apache License 2.0", "CC-BY-4.0")


@pytest.mark.parametrize("site", SITES, ids=lambda p: p.name)
def test_excerpt_names_source_commit_and_licence(site: Path) -> None:
    """README.txt or SOURCE.md gives the repository URL, a commit and an allowed licence."""
    notes = [p for p in (site / "README.txt", site / "SOURCE.md") if p.is_file()]
    assert notes, f"{site.name}: no README.txt or SOURCE.md"
    text = notes[0].read_text(encoding="utf-8")
    assert re.search(r"https://github\.com/[\w.-]+/[\w.-]+", text)
    assert re.search(r"\b[0-9a-f]{7,40}\b", text)
    assert any(lic in text for lic in ALLOWED)
    assert (site / "LICENSE").is_file() or "creativecommons.org/licenses" in text
    pages = [p for p in site.rglob("*") if p.suffix in (".md", ".mdx") and p.name != "SOURCE.md"]
    assert len(pages) >= 2
