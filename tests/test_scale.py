"""Real sites: parallel runs, shards and merge, pull-request mode, outdated translations.

Everything runs the real command on real files (and real git repositories) in tmp_path.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT, write_tree
from tests.test_cli import transcheck as _transcheck
from transcheck.model import PageGroup
from transcheck.run.selection import SelectionError, in_shard, parse_shard, shard_of


def transcheck(*args, **kwargs):
    """The CLI without the semantic stage: these tests are about jobs, shards, merge and git,
    and embedding whole generated sites would make them minutes slower (see test_semantic.py
    for the semantic run's determinism across --jobs)."""
    if args and args[0] == "merge":
        return _transcheck(*args, **kwargs)
    return _transcheck(*args, "--no-semantic", **kwargs)


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def make_site():
    spec = importlib.util.spec_from_file_location("make_site", ROOT / "bench" / "make_site.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.make_site


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("site") / "site"
    manifest = make_site()(root, pages=50, locales=4, rate=0.1, seed=3)
    assert manifest["injected"]
    return root


@pytest.fixture(scope="module")
def full_run(site, tmp_path_factory) -> tuple[bytes, str]:
    """The whole site checked once with one job: its JSON report and its text output."""
    out = tmp_path_factory.mktemp("full") / "full.json"
    proc = transcheck(str(site), "--format", "json", "--format", "text", "-o", f"json={out}", "--no-color")
    assert proc.returncode in (0, 1), proc.stderr
    return out.read_bytes(), proc.stdout


def git(cwd: Path, *args: str) -> str:
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.com", "PATH": __import__("os").environ["PATH"],
           "HOME": str(cwd), "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def test_jobs_give_the_same_report_as_one_job(site, full_run, tmp_path):
    out = tmp_path / "j2.json"
    proc = transcheck(str(site), "--format", "json", "--jobs", "2", "-o", str(out))
    assert proc.returncode in (0, 1), proc.stderr
    assert out.read_bytes() == full_run[0]
    data = json.loads(full_run[0])
    assert data["summary"]["pages"] == 50 and data["findings"]


def test_injected_drift_is_found(site, full_run):
    manifest = json.loads((site.parent / "site.manifest.json").read_text())
    data = json.loads(full_run[0])
    found = {(f["page"], f["locale"], f["rule"]) for f in data["findings"]}
    # a page a locale lacks is coverage (the summary), not a finding
    found |= {(p["page"], loc, "missing-page") for p in data["pages"] for loc in data["summary"]["coverage"]
              if loc not in p["files"]}
    rule_of = {"number": "number", "missing-block": "missing-block", "missing-page": "missing-page",
               "code-block": "code-block", "link-target": "link-target", "inline-code": "inline-code"}
    hits = [(i["page"], i["locale"], rule_of[i["kind"]]) in found for i in manifest["injected"]]
    assert sum(hits) / len(hits) >= 0.9, [i for i, h in zip(manifest["injected"], hits) if not h]


def test_shards_merged_equal_the_unsharded_run(site, full_run, tmp_path):
    parts = []
    for i in (1, 2, 3):
        out = tmp_path / f"shard{i}.json"
        proc = transcheck(str(site), "--format", "json", "--shard", f"{i}/3", "-o", str(out))
        assert proc.returncode in (0, 1), proc.stderr
        assert json.loads(out.read_text())["tool"]["shard"] == f"{i}/3"
        parts.append(str(out))
    sizes = [len(json.loads(Path(p).read_text())["pages"]) for p in parts]
    assert sum(sizes) == 50 and all(sizes)
    merged = tmp_path / "merged.json"
    proc = transcheck("merge", *reversed(parts), "-o", str(merged))
    assert proc.returncode == 1, proc.stderr  # the site has errors, like the full run
    assert merged.read_bytes() == full_run[0]
    text = transcheck("merge", *parts, "--format", "text").stdout
    assert text == full_run[1]


def test_merge_refuses_incomplete_or_mixed_shards(site, tmp_path):
    a = tmp_path / "a.json"
    transcheck(str(site), "--format", "json", "--shard", "1/2", "-o", str(a))
    proc = transcheck("merge", str(a))
    assert proc.returncode == 2 and "missing shard(s) 2/2" in proc.stderr and "Traceback" not in proc.stderr
    proc = transcheck("merge", str(a), str(a))
    assert proc.returncode == 2 and "given twice" in proc.stderr
    bad = tmp_path / "bad.json"
    bad.write_text("not json")
    proc = transcheck("merge", str(bad))
    assert proc.returncode == 2 and "not a JSON report" in proc.stderr


@pytest.mark.parametrize("value", ["0/3", "4/3", "x", "1/0", "2"])
def test_bad_shard_value_is_a_usage_error(site, value):
    proc = transcheck(str(site), "--shard", value)
    assert proc.returncode == 2 and "--shard" in proc.stderr and "Traceback" not in proc.stderr


def test_shard_split_is_stable():
    assert parse_shard("2/5") == (2, 5)
    with pytest.raises(SelectionError):
        parse_shard("6/5")
    # pinned values: the split must not change between versions, machines or hash seeds
    assert [shard_of(f"guide/page-{k}.md", 4) for k in range(12)] == [2, 2, 4, 3, 3, 1, 2, 4, 4, 4, 1, 4]
    assert shard_of("index.md", 7) == 6
    # the shards partition the pages, whatever order the groups come in
    groups = [PageGroup(f"guide/page-{k}.md", ()) for k in range(40)]
    parts = [{g.page for g in in_shard(groups, (i, 4))} for i in range(1, 5)]
    assert all(parts) and sum(map(len, parts)) == 40 and set().union(*parts) == {g.page for g in groups}
    assert {g.page for g in in_shard(groups[::-1], (3, 4))} == parts[2]


PAGE = {"de": "# Titel\n\nText mit `code` und [Link](https://example.com/a).\n",
        "fr": "# Titre\n\nTexte avec `code` et [lien](https://example.com/a).\n",
        "ja": "# タイトル\n\n`code` と [リンク](https://example.com/a)。\n"}


def small_site(root: Path, pages: int = 6) -> None:
    files = {}
    for k in range(pages):
        for loc, text in PAGE.items():
            files[f"{loc}/p{k}.md"] = text
    write_tree(root, files)


def test_files_from_checks_only_the_touched_pages_in_all_locales(tmp_path):
    small_site(tmp_path / "site")
    (tmp_path / "site/fr/p2.md").write_text(PAGE["fr"].replace("example.com/a", "example.com/b"))
    (tmp_path / "site/ja/p4.md").unlink()
    listing = tmp_path / "changed.txt"
    listing.write_text(f"{tmp_path}/site/fr/p2.md\n\n# a comment\n")
    data = json.loads(transcheck(str(tmp_path / "site"), "--format", "json", "--files-from", str(listing)).stdout)
    assert [p["page"] for p in data["pages"]] == ["p2.md"]
    assert sorted(data["pages"][0]["files"]) == ["de", "fr", "ja"]
    assert [(f["rule"], f["locale"]) for f in data["findings"]] == [("link-target", "fr")]
    # stdin; a deleted copy selects its page, and missing-page (selected) still knows every locale
    proc = subprocess.run([sys.executable, "-m", "transcheck", str(tmp_path / "site"), "--format", "json",
                           "--select", "missing-page", "--files-from", "-"], input=f"{tmp_path}/site/ja/p4.md\n", capture_output=True,
                          text=True, cwd=ROOT)
    data = json.loads(proc.stdout)
    assert [p["page"] for p in data["pages"]] == ["p4.md"]
    assert [(f["rule"], f["locale"]) for f in data["findings"]] == [("missing-page", "ja")]


@needs_git
def test_changed_since_uses_git(tmp_path):
    repo = tmp_path / "repo"
    small_site(repo / "docs")
    git(repo, "init", "-q", "-b", "main")
    commit_all(repo, "site")
    git(repo, "checkout", "-q", "-b", "feature")
    (repo / "docs/de/p1.md").write_text(PAGE["de"].replace("`code`", "Code"))
    commit_all(repo, "edit de p1")
    (repo / "docs/fr/p3.md").write_text(PAGE["fr"] + "\nNouveau paragraphe.\n")  # uncommitted
    (repo / "docs/de/p9.md").write_text(PAGE["de"])  # untracked, a new page
    data = json.loads(transcheck(str(repo / "docs"), "--format", "json", "--changed-since", "main").stdout)
    assert [p["page"] for p in data["pages"]] == ["p1.md", "p3.md", "p9.md"]
    got = sorted((f["page"], f["rule"], f["locale"]) for f in data["findings"])
    assert ("p1.md", "inline-code", "de") in got
    assert ("p3.md", "extra-block", "fr") in got
    cov = data["summary"]["coverage"]  # p9 exists in de only: coverage, not findings
    assert cov["fr"]["pages"] == cov["ja"]["pages"] == 2 and cov["de"]["pages"] == cov["de"]["of"] == 3
    assert not any(p == "p0.md" for p, _, _ in got)


@needs_git
def test_changed_since_errors_are_clear(tmp_path):
    small_site(tmp_path / "plain")
    proc = transcheck(str(tmp_path / "plain"), "--changed-since", "main")
    assert proc.returncode == 2 and "not inside a git repository" in proc.stderr
    assert "Traceback" not in proc.stderr
    repo = tmp_path / "repo"
    small_site(repo)
    git(repo, "init", "-q")
    commit_all(repo, "site")
    proc = transcheck(str(repo), "--changed-since", "no-such-branch")
    assert proc.returncode == 2 and "unknown git revision 'no-such-branch'" in proc.stderr
    assert "Traceback" not in proc.stderr


SRC = "# Install\n\nRun `make` to build.\n\nSee [the guide](https://example.com/guide).\n"
DE = "# Installieren\n\nFühren Sie `make` aus.\n\nSiehe [Anleitung](https://example.com/guide).\n"
FR = "# Installer\n\nLancez `make`.\n\nVoir [le guide](https://example.com/guide).\n"


def outdated(proc) -> list[tuple[str, str, str]]:
    data = json.loads(proc.stdout)
    return [(f["locale"], f["severity"], f["message"]) for f in data["findings"] if f["rule"] == "outdated"]


@needs_git
def test_outdated_translations_from_git_history(tmp_path):
    repo = tmp_path / "repo"
    write_tree(repo, {"docs/install.md": SRC, "docs/install.de.md": DE, "docs/install.fr.md": FR})
    git(repo, "init", "-q")
    commit_all(repo, "Initial pages")
    assert outdated(transcheck(str(repo / "docs"), "--format", "json")) == []
    # the source gains a step: both translations are outdated (warning), with the commit listed
    (repo / "docs/install.md").write_text(SRC + "\nThen run `make test`.\n")
    commit_all(repo, "Document the test step")
    got = outdated(transcheck(str(repo / "docs"), "--format", "json"))
    assert [(loc, sev) for loc, sev, _ in got] == [("de", "warning"), ("fr", "warning")]
    msg = got[0][2]
    assert "1 source commit(s)" in msg and '"Document the test step" (+2 -0)' in msg
    assert "source content changed" in msg and "1 block(s) of the current source missing here" in msg
    # de catches up: only fr stays outdated
    (repo / "docs/install.de.md").write_text(DE + "\nDann `make test` ausführen.\n")
    commit_all(repo, "de: test step")
    assert [loc for loc, _, _ in outdated(transcheck(str(repo / "docs"), "--format", "json"))] == ["fr"]


@needs_git
@pytest.mark.parametrize("edit,kind", [
    (lambda s: s.replace("Run `make` to build.", "Run  `make`\nto build."), "whitespace-only"),
    (lambda s: s.replace("https://example.com/guide", "https://docs.example.com/guide/"), "link targets only"),
])
def test_cosmetic_source_edits_are_info(tmp_path, edit, kind):
    repo = tmp_path / "repo"
    write_tree(repo, {"docs/install.md": SRC, "docs/install.de.md": DE})
    git(repo, "init", "-q")
    commit_all(repo, "Initial pages")
    (repo / "docs/install.md").write_text(edit(SRC))
    commit_all(repo, "Tidy")
    got = outdated(transcheck(str(repo / "docs"), "--format", "json", "--jobs", "1"))
    assert len(got) == 1 and got[0][:2] == ("de", "info") and kind in got[0][2], got


@needs_git
def test_outdated_with_reference_locale_and_uncommitted_translation(tmp_path):
    repo = tmp_path / "repo"
    write_tree(repo, {"en/a.md": SRC, "de/a.md": DE, "fr/a.md": FR})
    git(repo, "init", "-q")
    commit_all(repo, "Initial pages")
    (repo / "en/a.md").write_text(SRC.replace("to build", "to build everything"))
    commit_all(repo, "Clarify")
    assert outdated(transcheck(str(repo), "--format", "json")) == []  # N-way: no source, silent
    got = outdated(transcheck(str(repo), "--format", "json", "--reference", "en"))
    assert [(loc, sev) for loc, sev, _ in got] == [("de", "warning"), ("fr", "warning")]
    (repo / "fr/a.md").write_text(FR.replace("Lancez", "Lancez donc"))  # being updated, not committed
    got = outdated(transcheck(str(repo), "--format", "json", "--reference", "en"))
    assert [loc for loc, _, _ in got] == ["de"]
    assert outdated(transcheck(str(repo), "--format", "json", "--reference", "en", "--ignore", "outdated")) == []


def test_outdated_is_silent_without_git(tmp_path):
    write_tree(tmp_path, {"docs/install.md": SRC, "docs/install.de.md": DE})
    proc = transcheck(str(tmp_path / "docs"), "--format", "json", env={"PATH": "/nonexistent"})
    assert proc.returncode == 0, proc.stderr
    assert outdated(proc) == [] and proc.stderr == ""
    proc = transcheck(str(tmp_path / "docs"), "--format", "json")  # git present, not a repository
    assert proc.returncode == 0 and outdated(proc) == []
