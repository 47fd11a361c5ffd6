"""transcheck on contributors' pull requests: what an attacker or a flaky CI runner can do.

Every test goes through the real command line: click's CliRunner in-process where it
can, a real process where one is needed (a killed worker, signals, /dev/full, a closed
stdout, a file size limit).
"""

from __future__ import annotations

import json
import os
import re
import resource
import shlex
import shutil
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.helpers import ROOT, write_tree
from transcheck.cli import main

PAGE = {
    "en": "# Build\n\nBuild the image with the command below.\n\n```bash\ndocker build -t app .\n```\n",
    "de": "# Bauen\n\nBauen Sie das Image mit dem Befehl unten.\n\n```bash\ndocker build -t app .\n```\n",
    "fr": "# Construire\n\nConstruisez l'image avec la commande ci-dessous.\n\n```bash\ndocker build -t app .\n```\n",
}
INJECTED = ("::error file=.github/workflows/release.yml,line=1::Injected\n"
            "  ::add-mask::secret\n"
            "\t::stop-commands::pwned\n"
            "text ##[set-env name=X;]evil\n")
FORMATS = ("text", "json", "sarif", "junit", "github", "markdown", "html")


def site(root: Path, pages: dict[str, str] | None = None, name: str = "guide.md") -> Path:
    """Write one page in en/de/fr locale folders under ``root``."""
    write_tree(root, {f"{loc}/{name}": text for loc, text in (pages or PAGE).items()})
    return root


def cli(*args: str, input: str | None = None):
    """Run the real CLI in-process; return click's result (``stdout``, ``stderr``, ``exit_code``)."""
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def run(*args: str, cwd: Path | None = None, timeout: float = 120, **kw) -> subprocess.CompletedProcess:
    """Run ``python -m transcheck`` as a real process in its own session."""
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    if "stdout" not in kw:
        kw["capture_output"] = True
    return subprocess.run([sys.executable, "-m", "transcheck", *args], cwd=cwd, env=env,
                          text=True, timeout=timeout, start_new_session=True, **kw)


def start(*args: str, cwd: Path | None = None, **kw) -> subprocess.Popen:
    """Start ``python -m transcheck`` as a real process in its own session (for signals)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    kw.setdefault("stdout", subprocess.PIPE)
    return subprocess.Popen([sys.executable, "-m", "transcheck", *args], cwd=cwd, env=env,
                            stderr=subprocess.PIPE, text=True, start_new_session=True, **kw)


def finish(proc: subprocess.Popen, timeout: float) -> tuple[int | None, str, str]:
    """Wait for ``proc``; on time-out kill its whole session and return ``None`` as the code."""
    try:
        out, err = proc.communicate(timeout=timeout)
        return proc.returncode, out or "", err
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        return None, out or "", err


def children(pid: int) -> list[int]:
    """Worker processes started by ``pid`` (spawned Python processes, not the resource tracker)."""
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == pid and "spawn_main" in cmd and "resource_tracker" not in cmd:
            out.append(int(entry.name))
    return sorted(out)


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of a process so far (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def busy_workers(proc: subprocess.Popen) -> list[int]:
    """Wait (up to 120 s) until the run has two workers past start-up (checking pages); their pids."""
    deadline = time.monotonic() + 120
    workers: list[int] = []
    while time.monotonic() < deadline and proc.poll() is None:
        workers = children(proc.pid)
        if len(workers) == 2 and all(cpu_seconds(w) > 1.5 for w in workers):
            break
        time.sleep(0.05)
    return workers


def live(pids: list[int]) -> list[int]:
    """The processes of ``pids`` that still exist and are not zombies."""
    return [w for w in pids if Path(f"/proc/{w}").exists() and "Z" not in
            Path(f"/proc/{w}/stat").read_text().rsplit(")", 1)[1].split()[0]]


def heavy_site(root: Path, pages: int = 64, paragraphs: int = 100, drift: bool = False) -> Path:
    """Enough pages for two workers to be busy for several seconds each (``drift``: a
    finding in every paragraph of ``de``)."""
    files = {}
    for loc in ("en", "de"):
        mark = "x" if drift and loc == "de" else ""
        for p in range(pages):
            paras = "\n\n".join(f"Paragraph {i} of page {p}: run `tool {i}{mark}` and read "
                                f"[this](https://x.example/{i})." for i in range(paragraphs))
            files[f"{loc}/p{p:02d}.md"] = f"# Page {p}\n\n{paras}\n"
    return write_tree(root, files)


# ---------------------------------------------------------------- 2. a dead worker

@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the workers")
def test_killed_worker_is_named_and_the_run_ends_with_exit_3(tmp_path):
    pages = 64  # long enough (a few seconds on 2 cores) for a worker to be caught checking pages
    heavy_site(tmp_path / "site", pages=pages)
    proc = start("site", "--no-semantic", "--jobs", "2", "--format", "json", cwd=tmp_path)
    killed = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None and not killed:
        for pid in children(proc.pid):
            if pid not in killed and cpu_seconds(pid) > 1.5:  # imported and checking pages
                os.kill(pid, signal.SIGKILL)  # as the out-of-memory killer does
                killed.append(pid)
        time.sleep(0.05)
    assert killed, "no busy worker was seen"
    code, out, err = finish(proc, timeout=180)
    assert code is not None, "the run hung after a worker was killed"
    assert code == 3, err
    assert "Traceback" not in err
    assert re.search(r"page 'p\d\d\.md'.*worker", err), err
    data = json.loads(out)
    assert len(data["pages"]) >= pages - len(killed)  # the other pages were still checked


# ---------------------------------------------------------------- 3. workflow commands

def command_lines(text: str, fmt: str) -> list[str]:
    """Lines a GitHub Actions runner would run as workflow commands (github: not its own)."""
    bad = []
    for line in re.split(r"\r\n|[\r\n]", text):
        if fmt == "github" and re.match(r"::(error|warning|notice) [^\n]*::", line):
            continue
        if line.strip().startswith("::") or "##[" in line:
            bad.append(line)
    return bad


@pytest.fixture
def hostile_site(tmp_path, monkeypatch):
    pages = dict(PAGE)
    pages["de"] = PAGE["de"].replace("docker build -t app .\n", "docker build -t app .\n" + INJECTED)
    site(tmp_path / "site", pages)
    # a file name that carries a legacy command: only a Linux file system allows it
    (tmp_path / "site/de/##[add-mask]name.md").write_text("# Seite\n\nText.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_output_line_is_a_workflow_command(hostile_site, fmt):
    res = cli("site", "--no-semantic", "--format", fmt)
    assert res.exit_code in (0, 1, 2), res.stderr  # a majority-judged drift is a warning: exit 0 is fine
    assert "Injected" in res.stdout or fmt == "html"  # the drift is reported ...
    assert command_lines(res.stdout, fmt) == []        # ... but inert
    assert command_lines(res.stderr, "text") == []
    if fmt in ("json", "sarif"):
        assert "::error file=.github" in json.dumps(json.loads(res.stdout), ensure_ascii=False)
    if fmt == "junit":
        assert "\n::error file=.github" in ET.tostring(ET.fromstring(res.stdout), encoding="unicode")


def test_report_files_and_stderr_are_inert_too(hostile_site):
    res = cli("site", "--no-semantic", "--format", "json", "--report", "out")
    assert res.exit_code in (0, 1, 2)
    for path in sorted(p for p in Path("out").rglob("*") if p.is_file()):  # the HTML site: pages/ too
        fmt = {"txt": "text", "md": "markdown", "xml": "junit"}.get(path.suffix[1:], path.suffix[1:])
        fmt = "github" if path.name.endswith(".github.txt") else fmt
        assert command_lines(path.read_text(encoding="utf-8"), fmt) == [], path.name
    assert command_lines(res.stderr, "text") == []


# ---------------------------------------------------------------- 4. whole reports or none

@pytest.mark.parametrize("option", ["-o", "--report", "--write-baseline"])
def test_a_failed_write_keeps_the_previous_report(tmp_path, option):
    site(tmp_path / "site", {**PAGE, "fr": PAGE["fr"].replace("app .", "app.")})
    dest = tmp_path / ("reports" if option == "--report" else "out.json")
    args = ["site", "--no-semantic", "--format", "json", option, str(dest)]
    first = run(*args, cwd=tmp_path)
    assert first.returncode == 1, first.stderr
    def files():
        return {str(p.relative_to(dest)) if dest.is_dir() else p.name: p.read_bytes()
                for p in (sorted(dest.rglob("*")) if dest.is_dir() else [dest]) if p.is_file()}

    kept = files()

    def small_files():  # a full disk, in miniature: writes past 200 bytes fail with EFBIG
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (100, 100))

    proc = run(*args, cwd=tmp_path, preexec_fn=small_files)
    assert proc.returncode == 2 and "cannot write" in proc.stderr and "Traceback" not in proc.stderr
    assert files() == kept  # untouched, and no temporary file left beside it
    assert sorted(p.name for p in dest.parent.iterdir() if p.name.endswith(".tmp")) == []


def test_killed_while_writing_keeps_the_previous_report(tmp_path):
    site(tmp_path / "site", {**PAGE, "fr": PAGE["fr"].replace("app .", "app.")})
    dest = tmp_path / "out.json"
    assert run("site", "--no-semantic", "--format", "json", "-o", str(dest), cwd=tmp_path).returncode == 1
    before = dest.read_bytes()

    def killed_at_200_bytes():  # SIGXFSZ kills the process in the middle of its write
        resource.setrlimit(resource.RLIMIT_FSIZE, (200, 200))

    run("site", "--no-semantic", "--format", "json", "-o", str(dest), cwd=tmp_path,
        preexec_fn=killed_at_200_bytes)
    assert dest.read_bytes() == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_ctrl_c_while_the_report_is_written_exits_130(tmp_path):
    site(tmp_path / "site")
    os.mkfifo(tmp_path / "out.json")  # opening it for writing waits for a reader
    proc = start("site", "--no-semantic", "--format", "json", "-o", "out.json", cwd=tmp_path)
    wchan = Path(f"/proc/{proc.pid}/wchan")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            # blocked opening the FIFO (``wait_for_partner``/``fifo_open``) or writing to it (``pipe_*``)
            if any(word in wchan.read_text() for word in ("fifo", "pipe", "partner")):
                break
        except OSError:
            pass
        time.sleep(0.05)
    time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    code, _, err = finish(proc, timeout=30)
    assert code == 130, err
    assert "interrupted" in err and "Aborted" not in err and "Traceback" not in err


# ---------------------------------------------------------------- 5. links out of the tree

def test_file_symlink_out_of_the_checked_tree_is_refused(tmp_path, monkeypatch):
    site(tmp_path / "site", {"en": PAGE["en"], "fr": PAGE["fr"]})
    (tmp_path / "secret.md").write_text("# Build\n\nThe token is hunter2.\n\n```bash\ndocker build -t hunter2 .\n```\n",
                                        encoding="utf-8")
    (tmp_path / "site/de").mkdir()
    os.symlink(tmp_path / "secret.md", tmp_path / "site/de/guide.md")
    (tmp_path / "site/.git").mkdir()
    (tmp_path / "site/.git/config").write_text("[remote]\n\turl = https://token@example.com\n")
    os.symlink("../.git/config", tmp_path / "site/de/config.md")  # inside, but in a skipped folder
    monkeypatch.chdir(tmp_path)
    res = cli("site", "--no-semantic", "--format", "json")
    assert res.exit_code == 2
    data = json.loads(res.stdout)
    assert "hunter2" not in res.stdout and "token@" not in res.stdout
    errors = {e["file"]: e["message"] for e in data["errors"]}
    assert "outside" in errors["site/de/guide.md"] and "--follow-external-symlinks" in errors["site/de/guide.md"]
    assert "site/de/config.md" in errors
    assert "site/de/guide.md" not in json.dumps(data["pages"])
    opted = cli("site", "--no-semantic", "--format", "json", "--follow-external-symlinks")
    read = json.loads(opted.stdout)  # read (then grouped by where the link leads)
    assert "symbolic link" not in {e["file"]: e["message"] for e in read["errors"]}.get("site/de/guide.md", "")
    assert "site/de/guide.md" in opted.stdout
    inside = tmp_path / "site/de/other.md"
    os.symlink("../fr/guide.md", inside)  # a link that stays in the tree is fine
    res = cli("site", "--no-semantic", "--format", "json")
    assert "site/de/other.md" not in {e["file"] for e in json.loads(res.stdout)["errors"]}


# ---------------------------------------------------------------- 6. grouping unlabelled files

def test_many_unlabelled_files_are_paired_by_content(tmp_path, monkeypatch):
    files = {}
    for i in range(120):
        files[f"notes/{i:03d}a.md"] = (f"# Release {i}\n\nThis release adds the `flag-{i}` option and fixes "
                                       f"bug number {1000 + i} in the [parser](https://x.example/{i}).\n")
        files[f"notes/{i:03d}b.md"] = (f"# Version {i}\n\nDiese Version fügt die Option `flag-{i}` hinzu und "
                                       f"behebt den Fehler Nummer {1000 + i} im [Parser](https://x.example/{i}).\n")
    write_tree(tmp_path, files)
    monkeypatch.chdir(tmp_path)
    data = json.loads(cli("notes", "--no-semantic", "--format", "json").stdout)
    pairs = sorted(tuple(sorted(p["files"].values())) for p in data["pages"])
    assert pairs == [(f"notes/{i:03d}a.md", f"notes/{i:03d}b.md") for i in range(120)]


def test_grouping_compares_few_pairs_and_gives_what_every_pair_gives():
    import importlib
    import random
    from collections import Counter

    from transcheck.model import PageFile

    identify = importlib.import_module("transcheck.run.discover.identify")  # the package re-exports the function

    def every_earlier(profiles):
        return (range(i) for i in range(len(profiles)))

    rnd = random.Random(14)
    for _ in range(300):
        vocab = rnd.randint(1, 12)
        profiles = [identify._Profile(PageFile(f"p{k}", "", f"p{k}", f"p{k}", "content"),
                                      rnd.choice(["en", "de", "fr"]), 1.0,
                                      tuple(rnd.choice(["paragraph", "heading", "code", "list"])
                                            for _ in range(rnd.randint(0, 8))),
                                      Counter({f"a{rnd.randrange(vocab)}": rnd.randint(1, 3)
                                               for _ in range(rnd.randint(0, 5))}))
                    for k in range(rnd.randint(2, 40))]
        fast = [[p.file.page for p in c] for c in identify.clusters_of(profiles)]
        full = [[p.file.page for p in c] for c in identify.clusters_of(profiles, every_earlier)]
        assert fast == full
    # pages with their own anchors and one every page has: each is compared with its translation only
    profiles = [identify._Profile(PageFile(f"p{k}", "", "", "", "content"), lang, 1.0, ("paragraph",),
                                  Counter({f"code:{k // 2}": 1, f"link:{k // 2}": 1, f"num:{1000 + k // 2}": 1,
                                           "num:1": 1}))
                for k, lang in zip(range(400), ["en", "de"] * 200)]
    assert sum(len(list(c)) for c in identify._candidates(profiles)) <= 400


# ---------------------------------------------------------------- 7. which configuration

def test_the_configuration_files_used_are_named(tmp_path, monkeypatch):
    site(tmp_path / "docs", {**PAGE, "fr": PAGE["fr"].replace("app .", "app.")})
    (tmp_path / "transcheck.toml").write_text('fail_on = "error"\n')
    (tmp_path / "docs/transcheck.toml").write_text('fail_on = "never"\n')
    monkeypatch.chdir(tmp_path)
    res = cli("docs", "--no-semantic", "--format", "json")
    assert "docs/transcheck.toml" in res.stderr
    assert "transcheck.toml" in res.stderr.replace("docs/transcheck.toml", "") and "--config" in res.stderr
    assert json.loads(res.stdout)["tool"]["config"] == "docs/transcheck.toml"
    pinned = cli("docs", "--no-semantic", "--format", "json", "--config", "transcheck.toml")
    assert pinned.exit_code == 1 and json.loads(pinned.stdout)["tool"]["config"] == "transcheck.toml"


# ---------------------------------------------------------------- 8. documented exit codes

@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_stdout_to_a_full_device_is_exit_2(tmp_path):
    site(tmp_path / "site")
    with open("/dev/full", "w") as full:
        proc = run("site", "--no-semantic", cwd=tmp_path, stdout=full, stderr=subprocess.PIPE)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "stdout" in proc.stderr


def test_closed_stdout_is_exit_2(tmp_path):
    site(tmp_path / "site")
    proc = subprocess.run(
        f"exec {shlex.quote(sys.executable)} -m transcheck site --no-semantic >&-", shell=True, cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)}, stderr=subprocess.PIPE, text=True, timeout=120)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "stdout is closed" in proc.stderr


def test_reader_that_goes_away_leaves_no_traceback(tmp_path):
    heavy_site(tmp_path / "site", pages=3, paragraphs=300, drift=True)  # far more than a pipe holds
    proc = subprocess.run(
        f"{shlex.quote(sys.executable)} -m transcheck site --no-semantic | head -c 10 >/dev/null",
        shell=True, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)}, stderr=subprocess.PIPE,
        text=True, timeout=300)
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr


@pytest.mark.parametrize("kind", ["baseline", "shard"])
def test_json_nested_200000_deep_is_exit_2(tmp_path, monkeypatch, kind):
    site(tmp_path / "site")
    (tmp_path / "deep.json").write_text("[" * 200_000 + "]" * 200_000)
    monkeypatch.chdir(tmp_path)
    if kind == "baseline":
        res = cli("site", "--no-semantic", "--baseline", "deep.json")
    else:
        res = cli("merge", "deep.json")
    assert res.exit_code == 2 and "deep.json" in res.stderr


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the workers")
def test_sigterm_ends_the_run_and_its_workers_cleanly(tmp_path):
    heavy_site(tmp_path / "site")
    proc = start("site", "--no-semantic", "--jobs", "2", cwd=tmp_path)
    workers = busy_workers(proc)
    proc.send_signal(signal.SIGTERM)
    code, _, err = finish(proc, timeout=30)
    assert code == 143, err
    assert "Traceback" not in err and "BrokenPipe" not in err
    time.sleep(0.5)
    assert live(workers) == []


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the workers")
def test_ctrl_c_during_a_parallel_run_exits_130_at_once_and_leaves_nothing(tmp_path):
    heavy_site(tmp_path / "site")
    proc = start("site", "--no-semantic", "--jobs", "2", "-o", "out.txt", cwd=tmp_path)
    workers = busy_workers(proc)
    sent = time.monotonic()
    os.killpg(proc.pid, signal.SIGINT)  # a terminal sends it to the whole process group
    code, _, err = finish(proc, timeout=30)
    assert code == 130 and time.monotonic() - sent < 5, err
    assert "Traceback" not in err and "interrupted" in err
    time.sleep(0.5)
    assert live(workers) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no report, no temporary file


# ---------------------------------------------------------------- 9. configuration values

@pytest.mark.parametrize("value", ["nan", "-0.5", "1e308", "inf"])
def test_threshold_values_out_of_range_are_exit_2(tmp_path, monkeypatch, value):
    site(tmp_path / "site")
    (tmp_path / "transcheck.toml").write_text(f"[thresholds]\nuntranslated_ratio = {value}\n")
    monkeypatch.chdir(tmp_path)
    res = cli("site", "--no-semantic")
    assert res.exit_code == 2
    assert "transcheck.toml" in res.stderr and "thresholds.untranslated_ratio" in res.stderr


def test_invalid_pyproject_is_exit_2_naming_the_file(tmp_path, monkeypatch):
    site(tmp_path / "site")
    (tmp_path / "pyproject.toml").write_text("[tool.transcheck\nfail_on = 'never'\n")
    monkeypatch.chdir(tmp_path)
    res = cli("site", "--no-semantic")
    assert res.exit_code == 2 and "pyproject.toml" in res.stderr and "TOML" in res.stderr


# ---------------------------------------------------------------- 10. outputs onto pages

@pytest.mark.parametrize("option,dest", [("-o", "site/de/guide.md"), ("--write-baseline", "site/fr/guide.md"),
                                         ("--report", "site/de"), ("-o", "site/de/summary.md")])
def test_outputs_that_would_overwrite_or_add_pages_are_refused(tmp_path, monkeypatch, option, dest):
    site(tmp_path / "site")
    monkeypatch.chdir(tmp_path)
    before = {p: p.read_bytes() for p in Path("site").rglob("*") if p.is_file()}
    args = ["site", "--no-semantic", option, dest]
    if option == "-o":
        args[2:2] = ["--format", "markdown"]
    res = cli(*args)
    assert res.exit_code == 2 and dest in res.stderr
    assert {p: p.read_bytes() for p in Path("site").rglob("*") if p.is_file()} == before


# ---------------------------------------------------------------- 11. git and baselines

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(cwd), "-c", "user.name=t", "-c", "user.email=t@example.com",
                           "-c", "commit.gpgsign=false", *args], check=True, capture_output=True,
                          text=True).stdout


@needs_git
def test_git_history_with_quotes_and_tabs_in_names(tmp_path, monkeypatch):
    name = 'say "hi"\tnow.md'  # git quotes both characters unless -z is used
    src = "# Install\n\nRun `make` to build.\n"
    write_tree(tmp_path / "repo", {f"docs/{name}": src,
                                   f"docs/{name[:-3]}.de.md": "# Installieren\n\nFühren Sie `make` aus.\n"})
    repo = tmp_path / "repo"
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "pages")
    (repo / "docs" / name).write_text(src + "\nThen run `make install` as root to install the tool.\n")
    git(repo, "commit", "-q", "-am", "Document make install")
    monkeypatch.chdir(repo)
    data = json.loads(cli("docs", "--no-semantic", "--format", "json").stdout)
    assert [f["locale"] for f in data["findings"] if f["rule"] == "outdated"] == ["de"]


@needs_git
def test_shallow_clone_without_merge_base_suggests_fetch_depth_0(tmp_path):
    origin = tmp_path / "origin"
    site(origin / "docs")
    git(origin, "init", "-q", "-b", "main")
    git(origin, "add", "-A")
    git(origin, "commit", "-q", "-m", "site")
    for n in range(3):
        (origin / "docs/en/guide.md").write_text(PAGE["en"] + f"\nMain change {n}.\n")
        git(origin, "commit", "-q", "-am", f"main {n}")
    git(origin, "checkout", "-q", "-b", "feature", "HEAD~3")
    (origin / "docs/de/guide.md").write_text(PAGE["de"] + "\nNeu.\n")
    git(origin, "commit", "-q", "-am", "feature")
    subprocess.run(["git", "clone", "-q", "--depth", "1", "--no-single-branch", "-b", "feature",
                    f"file://{origin}", str(tmp_path / "clone")], check=True, capture_output=True)
    proc = run("docs", "--no-semantic", "--changed-since", "origin/main", cwd=tmp_path / "clone")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "fetch-depth: 0" in proc.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_baseline_that_is_a_fifo_or_huge_is_refused_without_reading(tmp_path):
    site(tmp_path / "site")
    os.mkfifo(tmp_path / "fifo.json")
    with open(tmp_path / "huge.json", "wb") as fh:  # sparse: no disk used
        fh.truncate(60 * 1024 * 1024)
    proc = run("site", "--no-semantic", "--baseline", "fifo.json", cwd=tmp_path, timeout=60)
    assert proc.returncode == 2 and "fifo.json" in proc.stderr and "not a regular file" in proc.stderr
    proc = run("site", "--no-semantic", "--baseline", "huge.json", cwd=tmp_path, timeout=60)
    assert proc.returncode == 2 and "huge.json" in proc.stderr and "larger than" in proc.stderr
