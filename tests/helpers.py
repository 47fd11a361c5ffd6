"""Helpers shared by the tests: build pages in memory or on disk, run the real pipeline."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from click.testing import CliRunner

from transcheck.analyse.align import align_documents
from transcheck.analyse.facts import page_facts
from transcheck.analyse.semantic.engine import SemanticOptions, analyse, engine
from transcheck.markdown.parse import parse_markdown
from transcheck.model import AlignedPage, Finding, Settings
from transcheck.rules.base import RuleContext

ROOT = Path(__file__).resolve().parent.parent

_NOT_CHECK = ("merge", "rules", "explain", "--help", "-h", "--version")


@dataclass
class CliResult:
    """What a command-line run gave: exit status, standard output and error."""

    returncode: int
    stdout: str
    stderr: str


@contextlib.contextmanager
def _chdir(path: Path | None):
    """Run the body in ``path`` (when given), then come back."""
    if path is None:
        yield
        return
    old = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def transcheck(*args: str, cwd: Path | None = None, env: dict | None = None) -> CliResult:
    """Run the real command line in this process with click's runner (no interpreter start,
    the embedding model loaded once). ``check`` runs get ``-j 1`` unless they choose ``--jobs``:
    worker pools are tested where they matter. A run that must change the interpreter (a
    ``PYTHONHASHSEED``) goes through :func:`transcheck_process`. An exception that escapes
    the command shows as a traceback on stderr, as it would for a user."""
    if env and "PYTHONHASHSEED" in env:
        return transcheck_process(*args, cwd=cwd, env=env)
    argv = list(args)
    jobs_given = any(a in ("-j", "--jobs") or a.startswith(("--jobs=", "-j")) for a in argv)
    if not jobs_given and not (argv and argv[0] in _NOT_CHECK):
        argv += ["-j", "1"]
    from transcheck.cli import main

    with _chdir(cwd):
        result = CliRunner().invoke(main, argv, env=env, catch_exceptions=True)
    stderr = result.stderr
    code = result.exit_code
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "Traceback (most recent call last):\n" + "".join(traceback.format_exception(result.exception))
        code = 1
    return CliResult(code, result.stdout, stderr)


def transcheck_process(*args: str, cwd: Path | None = None, env: dict | None = None,
                       input: str | None = None) -> subprocess.CompletedProcess:
    """Run the installed command line in a new interpreter, exactly as a user would."""
    full_env = {**os.environ, **(env or {})}
    full_env["PYTHONPATH"] = str(ROOT) + os.pathsep + full_env.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, "-m", "transcheck", *args], cwd=cwd, env=full_env, input=input,
                          capture_output=True, text=True, timeout=300)


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


def severities(rule: ModuleType, en: str, loc: str, text: str) -> list[str]:
    """The severities of ``rule``'s findings for ``text`` in ``loc`` against the reference ``en``."""
    return [f.severity for f in run_rule(rule, {"en": en, loc: text}, reference="en")]


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
