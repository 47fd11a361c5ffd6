"""Helpers shared by the tests: build pages in memory or on disk, run the real pipeline."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from transcheck.analyse.align import align_documents
from transcheck.analyse.facts import page_facts
from transcheck.analyse.semantic.engine import SemanticOptions, analyse, engine
from transcheck.markdown.parse import parse_markdown
from transcheck.model import AlignedPage, Finding, Settings
from transcheck.rules.base import RuleContext

ROOT = Path(__file__).resolve().parent.parent


def aligned(pages: dict[str, str], reference: str | None = None, page: str = "page.md") -> AlignedPage:
    """Parse Markdown per locale with the real parser and align it with the real aligner."""
    docs = {loc: parse_markdown(text, page, loc, f"{loc}/{page}") for loc, text in pages.items()}
    return align_documents(docs, reference)


def semantic_page(pages: dict[str, str], reference: str | None = None,
                  page: str = "page.md", model: str | None = None):
    """Parse, embed (real model, cached), align with embeddings and score: (page, semantics)."""
    docs = {loc: parse_markdown(text, page, loc, f"{loc}/{page}") for loc, text in pages.items()}
    return analyse(docs, reference, engine(SemanticOptions(model=model)))


def context(page: AlignedPage, settings: Settings | None = None, semantics=None) -> RuleContext:
    """The rule context of an aligned page: its facts computed by the real analysis step."""
    settings = settings or Settings()
    return RuleContext(settings, page_facts(page, settings, semantics=semantics))


def run_rule(rule: ModuleType, pages: dict[str, str], reference: str | None = None,
             **settings) -> list[Finding]:
    """Run one rule on in-memory pages; return its findings sorted.

    Rules that read embeddings (``NEEDS_SEMANTIC``) get the real semantic stage.
    """
    sem = None
    if getattr(rule, "NEEDS_SEMANTIC", False):
        ap, sem = semantic_page(pages, reference)
    else:
        ap = aligned(pages, reference)
    ctx = context(ap, Settings(reference=reference, **settings), sem)
    return sorted(rule.check(ap, ctx), key=Finding.sort_key)


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``{relative path: content}`` under ``root``; return ``root``."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root
