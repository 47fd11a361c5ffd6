"""Broken, hostile and huge input: the real `transcheck` command on real files in tmp_path.

Every case must end without a traceback, name the file (and the line where it makes
sense), still check every other file, and exit 2 when an input error occurred.
"""

from __future__ import annotations

import json
import os
import subprocess
import types
from pathlib import Path

import pytest

from tests.helpers import ROOT, write_tree
from tests.test_cli import PAGE, findings, transcheck
from transcheck.analyse.align import GAP, MAX_CELLS, needleman_wunsch
from transcheck.run.guard import TimeBudgetExceeded, time_budget
from transcheck.model import Finding
from transcheck.markdown.parse import parse_markdown
from transcheck.run.run import RunOptions, run
from transcheck import rules as rules_pkg

GOOD = {f"{loc}/ok.md": text for loc, text in PAGE.items()}
"""A good page in three locales: pt-BR's build command lost its space, on line 6."""

BROKEN = ("code-block", "pt-BR", 6)


def check(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess, dict]:
    """Run transcheck with JSON output on ``tmp_path``; return the process and its report."""
    proc = transcheck(str(tmp_path), "--format", "json", *args)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode in (0, 1, 2), proc.stderr
    return proc, json.loads(proc.stdout)


def errors_of(data: dict) -> list[tuple[str, int | None, str]]:
    """(file, line, message) of each input error."""
    return [(e["file"], e["line"], e["message"]) for e in data["errors"]]


def assert_input_error(proc, data, suffix: str, message: str, line: int | None = None) -> None:
    """The run exits 2 and names the file ending in ``suffix`` with ``message`` (and ``line``)."""
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    hits = [e for e in data["errors"] if e["file"].endswith(suffix) and message in e["message"]]
    assert hits, errors_of(data)
    if line is not None:
        assert hits[0]["line"] == line, hits
    assert suffix in proc.stderr and message in proc.stderr


# ---------------------------------------------------------------- encodings and line endings

@pytest.mark.parametrize("name,encode", [
    ("utf-8 BOM", lambda t: b"\xef\xbb\xbf" + t.encode()),
    ("CRLF", lambda t: t.replace("\n", "\r\n").encode()),
    ("CR", lambda t: t.replace("\n", "\r").encode()),
    ("utf-16 LE BOM", lambda t: b"\xff\xfe" + t.encode("utf-16-le")),
    ("utf-16 BE BOM + CRLF", lambda t: b"\xfe\xff" + t.replace("\n", "\r\n").encode("utf-16-be")),
])
def test_encodings_and_line_endings_keep_line_numbers(tmp_path, name, encode):
    files = dict(GOOD)
    files["pt-BR/ok.md"] = encode(PAGE["pt-BR"])
    write_tree(tmp_path, files)
    proc, data = check(tmp_path)
    assert proc.returncode == 1 and not data["errors"], (name, data["errors"])
    assert BROKEN in findings(proc), name


def test_invalid_utf8_names_file_and_line(tmp_path):
    files = dict(GOOD)
    files["de/bad.md"] = "# Titel\n\nText\n"
    files["fr/bad.md"] = b"# Titre\n\nCaf\xe9 \xff\n"
    write_tree(tmp_path, files)
    proc, data = check(tmp_path)
    assert_input_error(proc, data, "fr/bad.md", "not valid UTF-8", line=3)
    assert "fr/bad.md:3" in proc.stderr
    assert BROKEN in findings(proc)


@pytest.mark.parametrize("content,message", [
    (b"", "empty file"),
    (b"  \n\n\t\n", "empty file"),
    (b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)) * 4, "binary file"),
    (b"\xff\xfe" + "# T\n".encode("utf-16-le") + b"\x00\xd8", "invalid UTF-16"),
])
def test_empty_and_binary_files(tmp_path, content, message):
    files = dict(GOOD)
    files["de/bad.md"] = "# Titel\n"
    files["fr/bad.md"] = content
    write_tree(tmp_path, files)
    proc, data = check(tmp_path)
    assert_input_error(proc, data, "fr/bad.md", message)
    assert BROKEN in findings(proc)


# ---------------------------------------------------------------- size and depth

def test_big_file_is_checked_whole(tmp_path):
    """A 2 MB page (the 20 MB run and its timing are in ``bench/big_file.py``): every block is
    aligned, the drift at its end is found on the right line."""
    page = (ROOT / "corpus/de/build-the-image.md").read_text(encoding="utf-8")
    big = page * (2 * 1024 * 1024 // len(page.encode()) + 1)
    files = dict(GOOD)
    files["de/big.md"] = big
    files["fr/big.md"] = big + "\n```bash\ndocker build -t app.\n```\n"  # de lacks it
    write_tree(tmp_path, files)
    assert (tmp_path / "fr/big.md").stat().st_size > 2_000_000
    proc, data = check(tmp_path, "--select", "code-drift", "--select", "missing-content", "--no-semantic")
    assert not data["errors"] and proc.returncode == 1
    got = findings(proc)
    assert BROKEN in got
    assert [g for g in got if g[1] == "de"] == [("missing-block", "de", big.count("\n"))], got


def test_alignment_work_grows_linearly_with_page_length():
    """The aligner fills a band of the matrix once it would exceed ``max_cells``: the number of
    cells it scores grows linearly with the page, not with its square (shown with a small
    ``max_cells`` so that the test is quick; the default is MAX_CELLS)."""
    cap = 20_000
    calls = {}
    for n in (1_000, 4_000, 16_000):
        count = 0

        def score(i: int, j: int) -> float:
            nonlocal count
            count += 1
            return 1.0 if i == j else 0.0

        pairs = needleman_wunsch(n, n, score, GAP, cap)
        assert pairs == [(k, k) for k in range(n)]  # the band still finds the diagonal
        calls[n] = count
    for n, count in calls.items():  # at most a constant plus a few cells per row (n ** 2 unbanded)
        assert count <= cap + 8 * n, (n, count)
    assert calls[16_000] <= 4.5 * calls[4_000] <= 4.5 ** 2 * calls[1_000]
    assert MAX_CELLS < 16_000 ** 2


def test_file_over_the_size_limit_is_not_read(tmp_path):
    files = dict(GOOD)
    files["de/huge.md"] = "# Titel\n"
    write_tree(tmp_path, files)
    with open(tmp_path / "fr/huge.md", "wb") as fh:  # sparse: 60 MB on disk costs nothing
        fh.truncate(60 * 1024 * 1024)
    proc, data = check(tmp_path)
    assert_input_error(proc, data, "fr/huge.md", "larger than 50 MB")
    assert BROKEN in findings(proc)


@pytest.mark.parametrize("deep", [
    "> " * 10_000 + "deep\n",
    "".join(">" * k + " level\n" for k in range(1, 10_001)),
    "- " * 10_000 + "deep\n",
    "".join("  " * k + "- level\n" for k in range(0, 3000)),
    "1. " * 10_000 + "deep\n",
])
def test_ten_thousand_nested_quotes_or_lists(tmp_path, deep):
    files = dict(GOOD)
    files["de/deep.md"] = "# Titel\n\nText.\n"
    files["fr/deep.md"] = "# Titre\n\nTexte.\n\n" + deep
    write_tree(tmp_path, files)
    proc, data = check(tmp_path)
    assert_input_error(proc, data, "fr/deep.md", "nested more than 99 levels")
    err = [e for e in data["errors"] if e["file"].endswith("fr/deep.md")][0]
    assert 5 <= err["line"] <= 5 + 200, err
    assert BROKEN in findings(proc)
    assert "deep.md" in [p["page"] for p in data["pages"]]  # the rest of the file was checked


def test_100k_character_line(tmp_path):
    long_line = " ".join(f"word{k} `c{k % 7}` [l](https://e.com/{k % 5}) {k}" for k in range(4000))
    assert len(long_line) >= 100_000
    files = dict(GOOD)
    files["de/long.md"] = "# T\n\n" + long_line + "\n\n```\nmake\n```\n"
    files["pt-BR/long.md"] = files["de/long.md"]
    files["fr/long.md"] = "# T\n\n" + long_line.replace("word1 ", "mot1 ") + "\n\n```\nmake all\n```\n"
    write_tree(tmp_path, files)
    proc, data = check(tmp_path, "--no-semantic")  # embedding 100,000 characters is linear but slow
    assert not data["errors"]
    assert ("code-block", "fr", 6) in findings(proc)
    assert BROKEN in findings(proc)


def test_pathological_brackets_stay_within_the_time_budget():
    # markdown-it-py is quadratic on nested `[`; the budget turns a hang into an error
    with pytest.raises(TimeBudgetExceeded, match="parsing took longer"):
        with time_budget(0.05, "parsing"):
            parse_markdown("[" * 200_000)


def test_the_time_budget_counts_cpu_time_not_waiting():
    # a busy machine makes a page wait for the CPU; waiting must not use up its budget
    import time
    with time_budget(0.1, "waiting"):
        time.sleep(0.3)
    with pytest.raises(TimeBudgetExceeded, match="working took longer than 0 s of CPU time"):
        with time_budget(0.1, "working"):
            while True:
                pass


# ---------------------------------------------------------------- Markdown that is odd but valid

def test_unterminated_code_fence_runs_to_the_end(tmp_path):
    files = dict(GOOD)
    files["de/fence.md"] = "# T\n\n```bash\ndocker build -t app .\n```\n\nEnde.\n"
    files["fr/fence.md"] = "# T\n\n```bash\ndocker build -t app .\n\nFin.\n"
    write_tree(tmp_path, files)
    proc, data = check(tmp_path)
    assert not data["errors"]
    fr = [f for f in data["findings"] if f["file"].endswith("fr/fence.md")]
    assert fr and all(1 <= f["line"] <= f["end_line"] <= 6 for f in fr), fr
    assert BROKEN in findings(proc)


def test_html_heavy_and_mdx_files(tmp_path):
    html = "<div class=\"x\">\n<table><tr><td>a</td></tr></table>\n</div>\n\n" * 200
    mdx = ("import Tabs from '@theme/Tabs';\nexport const meta = {a: {b: 1}};\n\n"
           "<Tabs groupId=\"os\" values={[{label: 'A', value: 'a'}]}>\n\n"
           "# Title {#id}\n\nText {props.value} <b>bold</b>\n\n</Tabs>\n")
    files = dict(GOOD)
    for loc in ("de", "fr"):
        files[f"{loc}/html.md"] = html + "<!-- comment " + loc + " -->\n<script>alert(1)</script>\n"
        files[f"{loc}/page.mdx"] = mdx
    write_tree(tmp_path, files)
    proc, data = check(tmp_path)
    assert not data["errors"], data["errors"]
    assert {"html.md", "page.mdx"} <= {p["page"] for p in data["pages"]}
    assert BROKEN in findings(proc)


@pytest.mark.parametrize("front,extra_lines", [
    ("---\ntitle: Titre\ntags: [a, b]\n---\n", 4),
    ("---\ntitle: [unclosed\n  bad: : yaml\n---\n", 4),      # malformed YAML, closed: skipped
    ("+++\ntitle = 'Titre'\n[params]\nx = 1\n+++\n", 5),
    ("---\ntitle: Titre\n...\n", 3),
])
def test_front_matter_is_skipped_and_lines_stay_right(tmp_path, front, extra_lines):
    files = {f"{loc}/ok.md": text for loc, text in PAGE.items()}
    files["pt-BR/ok.md"] = front + PAGE["pt-BR"]
    files["de/ok.md"] = "---\ntitle: Titel 8080\n---\n" + PAGE["de"]
    write_tree(tmp_path, files)
    proc, data = check(tmp_path)
    assert not data["errors"], data["errors"]
    got = findings(proc)
    assert ("code-block", "pt-BR", 6 + extra_lines) in got, got
    assert all(f[0] == "code-block" for f in got), got  # front matter is kept out of the checks


def test_unclosed_front_matter_is_reported_and_checked_as_markdown(tmp_path):
    files = dict(GOOD)
    files["de/fm.md"] = "# Titel\n"
    files["fr/fm.md"] = "---\ntitle: Titre\n\n# Titre\n"
    write_tree(tmp_path, files)
    proc, data = check(tmp_path)
    assert_input_error(proc, data, "fr/fm.md", "front matter opened on line 1 is never closed", line=1)
    assert "fm.md" in [p["page"] for p in data["pages"]]
    assert BROKEN in findings(proc)


# ---------------------------------------------------------------- the file system

def test_symlink_loops_dangling_links_fifos_and_folders_named_md(tmp_path):
    files = dict(GOOD)
    files["de/dir.md/inner.md"] = "# Innen\n"
    files["fr/dir.md/inner.md"] = "# Dedans\n"
    write_tree(tmp_path, files)
    os.symlink("loop.md", tmp_path / "de/loop.md")                    # a link to itself
    os.symlink("b.md", tmp_path / "fr/a.md")                          # a -> b -> a
    os.symlink("a.md", tmp_path / "fr/b.md")
    os.symlink("nowhere.md", tmp_path / "de/dangling.md")
    os.symlink("..", tmp_path / "de/up")                              # a folder loop
    os.mkfifo(tmp_path / "fr/fifo.md")                                # reading would block forever
    proc, data = check(tmp_path)
    assert_input_error(proc, data, "de/loop.md", "symbolic link loop")
    assert_input_error(proc, data, "fr/a.md", "symbolic link loop")
    assert_input_error(proc, data, "de/dangling.md", "broken symbolic link")
    assert_input_error(proc, data, "fr/fifo.md", "not a regular file (a FIFO)")
    assert "dir.md/inner.md" in [p["page"] for p in data["pages"]]
    assert BROKEN in findings(proc)


def test_paths_given_directly_that_cannot_be_read(tmp_path):
    os.symlink("loop", tmp_path / "loop")
    os.symlink("missing", tmp_path / "dangling")
    proc = transcheck(str(tmp_path / "loop"), str(tmp_path / "dangling"), str(tmp_path / "none"))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "loop: symbolic link loop" in proc.stdout
    assert "dangling: broken symbolic link" in proc.stdout
    assert "none: no such file or folder" in proc.stdout


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders whatever their mode (chmod 000 "
                    "does not stop it); unreadable input as root is covered by the FIFO, "
                    "loop and dangling-link test")
def test_unreadable_folder_and_file(tmp_path):
    files = dict(GOOD)
    files["fr/secret/x.md"] = "# X\n"
    files["de/locked.md"] = "# L\n"
    files["fr/locked.md"] = "# L\n"
    write_tree(tmp_path, files)
    (tmp_path / "fr/secret").chmod(0)
    (tmp_path / "fr/locked.md").chmod(0)
    try:
        proc, data = check(tmp_path)
        assert_input_error(proc, data, "fr/secret", "cannot read folder")
        assert_input_error(proc, data, "fr/locked.md", "permission denied")
        assert BROKEN in findings(proc)
    finally:
        (tmp_path / "fr/secret").chmod(0o755)
        (tmp_path / "fr/locked.md").chmod(0o644)


def test_paths_with_spaces_non_ascii_and_undecodable_names(tmp_path):
    files = {f"{loc}/my guide/café ü.md": text for loc, text in PAGE.items()}
    write_tree(tmp_path / "site with space", files)
    for loc in ("de", "fr"):
        (tmp_path / "site with space" / loc / os.fsdecode(b"bad\xffname.md")).write_text("# T\n")
    proc = transcheck(str(tmp_path / "site with space"), "--format", "json")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    data = json.loads(proc.stdout)
    assert [p["page"] for p in data["pages"]] == ["bad\\xffname.md", "my guide/café ü.md"]
    assert ("code-block", "pt-BR", 6) in findings(proc)
    text = transcheck(str(tmp_path / "site with space"), "--no-color")
    assert "== my guide/café ü.md" in text.stdout and "Traceback" not in text.stderr
    out = tmp_path / "report ü.json"  # writing a file used to fail: surrogates are not UTF-8
    to_file = transcheck(str(tmp_path / "site with space"), "--format", "json", "-o", str(out))
    assert to_file.returncode == 1 and "Traceback" not in to_file.stderr, to_file.stderr
    assert json.loads(out.read_text(encoding="utf-8")) == data


# ---------------------------------------------------------------- a bug inside one page's checks

def test_a_crash_in_one_page_is_reported_and_the_others_are_checked(tmp_path):
    files = dict(GOOD)
    files["de/crash.md"] = "# Boom\n"
    files["fr/crash.md"] = "# Boom\n"
    write_tree(tmp_path, files)
    buggy = types.ModuleType("buggy_rule", "A rule with a bug on one page.")
    buggy.ID, buggy.CATEGORY, buggy.SEVERITY = "buggy", "code-drift", "error"

    def buggy_check(page, ctx):
        if page.page == "crash.md":
            raise ZeroDivisionError("division by zero")
        return iter(())

    buggy.check = buggy_check
    report = run(RunOptions(paths=[str(tmp_path)], rules=(buggy,) + rules_pkg.ALL))
    assert [(e.file.endswith("de/crash.md"), e.line) for e in report.errors] == [(True, None)]
    msg = report.errors[0].message
    assert "page 'crash.md' not checked: internal error: ZeroDivisionError" in msg
    assert "de/crash.md" in msg and "fr/crash.md" in msg
    assert any((f.rule, f.locale, f.line) == BROKEN for f in report.findings)
    assert all(isinstance(f, Finding) for f in report.findings)
    assert [p.page for p in report.pages] == ["ok.md"]
