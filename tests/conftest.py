"""Shared fixtures: hand-built reports and the golden-file option.

Regenerate golden files with ``pytest --update-golden`` (or ``TRANSCHECK_UPDATE_GOLDEN=1``).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from sample_reports import corpus_report, hostile_report

# Embeddings made by tests (and by the CLI runs they start) go to a throw-away cache,
# never to the user's ~/.cache/transcheck; one cache for the session keeps re-runs warm.
os.environ.setdefault("TRANSCHECK_CACHE_DIR", tempfile.mkdtemp(prefix="transcheck-test-cache-"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add ``--update-golden``: rewrite golden files instead of comparing with them."""
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/golden/* from the current reporters")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when golden files should be rewritten."""
    return bool(request.config.getoption("--update-golden")
                or os.environ.get("TRANSCHECK_UPDATE_GOLDEN") == "1")


@pytest.fixture
def golden(update_golden: bool):
    """Compare text with ``tests/golden/<name>`` (or rewrite it when updating)."""

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update_golden:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
            return
        assert path.exists(), f"{path} missing: run pytest --update-golden"
        assert text == path.read_text(encoding="utf-8"), (
            f"{name} differs from its golden file; if the change is intended, "
            "run pytest --update-golden and review the diff")

    return check


@pytest.fixture(scope="session")
def report():
    """A realistic report on the five-locale corpus page, with views and scores."""
    return corpus_report(ROOT / "corpus")


@pytest.fixture(scope="session")
def hostile():
    """A report whose document text, paths and names are hostile."""
    return hostile_report()
