"""The real-site excerpts under tests/data/real/ name their source and licence and are read as sites."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REAL = Path(__file__).parent / "data" / "real"
SITES = sorted(p for p in REAL.iterdir() if p.is_dir())
ALLOWED = ("MIT", "Apache License 2.0", "CC-BY-4.0")


@pytest.mark.parametrize("site", SITES, ids=lambda p: p.name)
def test_excerpt_names_source_commit_and_licence(site: Path) -> None:
    """README.txt gives the repository URL, a 40-hex commit and an allowed licence; LICENSE is there."""
    readme = (site / "README.txt").read_text(encoding="utf-8")
    assert re.search(r"https://github\.com/[\w.-]+/[\w.-]+", readme)
    assert re.search(r"\b[0-9a-f]{40}\b", readme)
    assert any(lic in readme for lic in ALLOWED)
    assert (site / "LICENSE").stat().st_size > 500
    pages = [p for p in site.rglob("*") if p.suffix in (".md", ".mdx")]
    assert len(pages) >= 6
