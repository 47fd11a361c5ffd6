"""Time a check of one very large page (default 20 MB) in three locales, structural rules only.

    python bench/big_file.py [--mb 20]

Prints the file size, the wall time and the findings; the test suite checks a 2 MB page for
correctness and the aligner's linear work (tests/test_robustness.py), this script the time.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from transcheck import rules  # noqa: E402
from transcheck.run.run import RunOptions, run  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    """Build the big page in a temporary folder, check it, print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=20.0)
    args = ap.parse_args()
    page = (ROOT / "corpus/de/build-the-image.md").read_text(encoding="utf-8")
    big = page * (int(args.mb * 1024 * 1024) // len(page.encode()) + 1)
    chosen = tuple(r for r in rules.ALL if r.CATEGORY in ("code-drift", "missing-content"))
    with tempfile.TemporaryDirectory() as tmp:
        for loc, text in (("de", big), ("fr", big + "\n```bash\ndocker build -t app.\n```\n")):
            (Path(tmp) / loc).mkdir()
            (Path(tmp) / loc / "big.md").write_text(text, encoding="utf-8")
        start = time.monotonic()
        report = run(RunOptions([tmp], rules=chosen, page_rules=()))
        took = time.monotonic() - start
    print(f"{len(big.encode()) / 1e6:.1f} MB per file, 2 locales: {took:.1f} s, "
          f"{len(report.findings)} findings, {len(report.errors)} errors")


if __name__ == "__main__":
    main()
