"""reports/ holds the review page, JSON, SARIF and the other formats for corpus/; they stay current.

Regenerate with: transcheck corpus/ --report reports/
"""

from __future__ import annotations

import filecmp

from tests.helpers import ROOT
from tests.test_cli import transcheck


def test_reports_are_current_and_deterministic(tmp_path):
    out = tmp_path / "reports"
    proc = transcheck("corpus/", "--report", str(out), cwd=ROOT)
    assert proc.returncode == 1, proc.stderr  # the corpus has drift
    kept = sorted(str(p.relative_to(ROOT / "reports")) for p in (ROOT / "reports").rglob("*") if p.is_file())
    made = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert made == kept
    assert {"transcheck.html", "transcheck.json", "transcheck.sarif"} <= set(made)
    assert any(name.startswith("pages/") for name in made)  # the review site: one page per document
    stale = [name for name in made if not filecmp.cmp(out / name, ROOT / "reports" / name, shallow=False)]
    assert not stale, f"reports/ is out of date ({stale}); run: transcheck corpus/ --report reports/"
