"""Git history that cannot be read turns ``outdated`` off loudly: one warning line and JSON ``warnings``."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.helpers import write_tree
from transcheck.cli import main

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(cwd: Path, *args: str) -> str:
    """Run git in ``cwd`` with a fixed identity; return its stdout."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", "-C", str(cwd), *args], check=True, capture_output=True, text=True,
                          env=env).stdout


def history_repo(root: Path) -> Path:
    """A repository where en/page.md changed after de/page.md was translated (three commits)."""
    write_tree(root, {"en/page.md": "# Install\n\nRun `make`.\n", "de/page.md": "# Installieren\n\nFühren Sie `make` aus.\n"})
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "first")
    (root / "en/page.md").write_text("# Install\n\nRun `make` first.\n", encoding="utf-8")
    git(root, "commit", "-q", "-am", "source changed")
    (root / "en/page.md").write_text("# Install\n\nRun `make` first, every time.\n", encoding="utf-8")
    git(root, "commit", "-q", "-am", "source changed again")
    return root


def run(path: Path, *extra: str):
    """The real CLI, JSON on stdout, warnings on stderr."""
    return CliRunner().invoke(main, ["check", str(path), "--reference", "en", "--no-semantic", "-j", "1",
                                     "--no-config", "--format", "json", *extra], catch_exceptions=False)


@needs_git
def test_full_history_finds_the_outdated_translation(tmp_path):
    repo = history_repo(tmp_path / "repo")
    res = run(repo)
    data = json.loads(res.stdout)
    assert [f["rule"] for f in data["findings"]] == ["outdated"]
    assert data["warnings"] == [] and "warning" not in res.stderr


@needs_git
def test_shallow_clone_says_outdated_is_off(tmp_path):
    repo = history_repo(tmp_path / "repo")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", repo.as_uri(), str(clone)], check=True)
    res = run(clone)
    data = json.loads(res.stdout)
    assert [f["rule"] for f in data["findings"]] == []
    (warning,) = data["warnings"]
    assert "shallow" in warning and "outdated" in warning and "fetch-depth: 0" in warning
    lines = [ln for ln in res.stderr.splitlines() if ln.startswith("transcheck: warning:")]
    assert lines == [f"transcheck: warning: {warning}"]


@needs_git
def test_missing_objects_say_outdated_is_off(tmp_path):
    repo = history_repo(tmp_path / "repo")
    first = git(repo, "rev-list", "--max-parents=0", "HEAD").strip()
    tree = git(repo, "rev-parse", f"{first}^{{tree}}").strip()
    obj = repo / ".git" / "objects" / tree[:2] / tree[2:]
    obj.chmod(0o644)
    obj.unlink()
    res = run(repo)
    data = json.loads(res.stdout)
    (warning,) = data["warnings"]
    assert "cannot be read" in warning and "outdated" in warning
    assert [ln for ln in res.stderr.splitlines() if ln.startswith("transcheck: warning:")] == \
        [f"transcheck: warning: {warning}"]
    assert res.exit_code == 0  # a warning, not an input error
