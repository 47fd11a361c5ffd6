"""Output a reviewer can get through: overview first, coverage not drift, stubs and runs folded.

Every test runs the real command line in-process (click's CliRunner) on files in tmp_path,
or on the real stale page kept in tests/data/real/otel-go-sampling (see its SOURCE.md).
"""

from __future__ import annotations

import json
import re

from click.testing import CliRunner

from tests.helpers import ROOT, write_tree
from transcheck.cli import main

STEPS_EN = [f"Step {k}: open the panel and check the value of the counter once more." for k in range(1, 11)]


def check(*args: str):
    """The real command line in-process: ``transcheck check ARGS --no-semantic -j 1 --no-config``;
    returns click's result (exit code, stdout, stderr)."""
    return CliRunner().invoke(main, ["check", *args, "--no-semantic", "-j", "1", "--no-config"],
                              catch_exceptions=False)


def page(title: str, body: str = "Run the command below.", cmd: str = "docker build -t app .") -> str:
    """A small page: a heading, a paragraph with a code span, a shell block."""
    return f"# {title}\n\n{body} See `app`.\n\n```bash\n{cmd}\n```\n"


def partial_site(tmp_path):
    """en is the reference; de has every page (one drifted command); fr has one page; an orphan."""
    files = {}
    for name in ("a", "b", "c", "d"):
        files[f"en/{name}.md"] = page(f"Page {name}")
        files[f"de/{name}.md"] = page(f"Seite {name}", "Führen Sie den Befehl aus.",
                                      "docker build -t app." if name == "a" else "docker build -t app .")
    files["fr/a.md"] = page("Page a", "Lancez la commande.")
    files["de/extra.md"] = page("Nur auf Deutsch", "Diese Seite gibt es nur hier.")
    files["fr/extra.md"] = page("Seulement en français", "Cette page n'existe qu'ici.")
    return write_tree(tmp_path / "site", files)


def test_text_opens_with_the_overview_per_locale(tmp_path):
    site = partial_site(tmp_path)
    res = check(str(site), "--reference", "en")
    assert res.exit_code == 1, res.output
    lines = res.stdout.splitlines()
    assert lines[0].startswith("5 page(s), 11 file(s), 3 locale(s), reference en")
    table = lines[1:5]
    assert table[0].split() == ["locale", "pages", "cover", "errors", "warnings", "info"]
    assert table[1].split() == ["en", "4/4", "ref", "0", "0", "0"]
    assert table[2].split()[:4] == ["de", "4/4", "100%", "1"]
    assert table[3].split()[:3] == ["fr", "1/4", "25%"] and "+ 1 orphan page(s)" in table[3]
    assert "orphan pages (in translations, not in en): extra.md" in res.stdout
    first_page = next(i for i, ln in enumerate(lines) if ln.startswith("== "))
    assert first_page > 4  # findings come after the overview, grouped by page


def test_a_locale_whose_only_file_is_unreadable_keeps_its_line(tmp_path):
    files = {"en/a.md": page("Page a"), "de/a.md": page("Seite a", "Führen Sie den Befehl aus.")}
    site = write_tree(tmp_path / "site", files)
    (site / "fr").mkdir()
    (site / "fr" / "a.md").write_bytes(b"# Titre\n\nCaf\xe9 \xff\n")
    res = check(str(site), "--reference", "en")
    fr = next(ln for ln in res.stdout.splitlines() if ln.split()[:1] == ["fr"])
    assert fr.split()[:3] == ["fr", "0/1", "0%"] and "+ 1 file(s) not checked (input errors)" in fr
    data = json.loads(check(str(site), "--reference", "en", "--format", "json").stdout)
    assert data["summary"]["coverage"]["fr"] == {"pages": 0, "of": 1, "share": 0.0, "orphans": 0, "unchecked": 1}
    assert data["summary"]["coverage"]["de"] == {"pages": 1, "of": 1, "share": 1.0, "orphans": 0}
    assert [(e["file"].endswith("fr/a.md"), e["locale"]) for e in data["errors"]] == [(True, "fr")]


def test_without_a_reference_the_overview_says_how_to_choose_one(tmp_path):
    # nodejs/nodejs.org apps/site/pages/<locale>/: every copy is in a locale folder, none is the source
    site = write_tree(tmp_path / "site", {"en/a.md": page("Page a"), "de/a.md": page("Seite a"),
                                          "fr/a.md": page("Page a", "Lancez la commande.")})
    head = check(str(site)).stdout.splitlines()[0]
    assert head.endswith("no reference (locales judged against each other; --reference LOCALE judges "
                         "them against one)")


def test_missing_pages_are_coverage_and_an_orphan_is_reported_once(tmp_path):
    site = partial_site(tmp_path)
    res = check(str(site), "--reference", "en", "--format", "json")
    data = json.loads(res.stdout)
    rules = [(f["rule"], f["page"], f["locale"]) for f in data["findings"]]
    assert not [r for r in rules if r[0] == "missing-page"], rules
    orphans = [f for f in data["findings"] if f["rule"] == "orphan-page"]
    assert len(orphans) == 1, orphans
    (o,) = orphans
    assert o["page"] == "extra.md" and o["locale"] == "de"
    assert "not in the reference (en)" in o["message"] and "de, fr" in o["message"]
    assert "missing in this locale" not in o["message"]
    assert [r["locale"] for r in o["related"]] == ["fr"]
    cov = data["summary"]["coverage"]
    assert cov["fr"] == {"pages": 1, "of": 4, "share": 0.25, "orphans": 1}
    assert cov["de"] == {"pages": 4, "of": 4, "share": 1.0, "orphans": 1}
    # the drift is still found
    assert ("code-block", "a.md", "de") in rules


def test_missing_page_per_page_when_selected(tmp_path):
    site = partial_site(tmp_path)
    data = json.loads(check(str(site), "--reference", "en", "--select", "missing-page",
                            "--format", "json").stdout)
    got = sorted((f["page"], f["locale"]) for f in data["findings"])
    assert got == [("b.md", "fr"), ("c.md", "fr"), ("d.md", "fr")]


def drifted_site(tmp_path, n: int = 7):
    """One page whose de copy has ``n`` drifted commands (n errors)."""
    en = "# Build\n\n" + "".join(f"Step {k}:\n\n```bash\ndocker build -t app{k} .\n```\n\n" for k in range(n))
    de = "# Bauen\n\n" + "".join(f"Schritt {k}:\n\n```bash\ndocker build -t app{k}.\n```\n\n" for k in range(n))
    return write_tree(tmp_path / "site", {"en/build.md": en, "de/build.md": de})


FINDING_LINE = re.compile(r"^\s+\d+(-\d+)?\s+(error|warning|info)\s+\S+:")


def test_max_findings_shows_n_and_counts_the_rest(tmp_path):
    site = drifted_site(tmp_path)
    res = check(str(site), "--reference", "en", "--max-findings", "2")
    assert res.exit_code == 1  # the exit code still counts every finding
    shown = [ln for ln in res.stdout.splitlines() if FINDING_LINE.match(ln)]
    assert len(shown) == 2
    assert "5 more finding(s) not shown (--max-findings 2)" in res.stdout
    assert res.stdout.rstrip().endswith("7 error(s), 0 warning(s), 0 info, 0 input error(s)")
    full = check(str(site), "--reference", "en", "--max-findings", "2", "--format", "json")
    assert len(json.loads(full.stdout)["findings"]) == 7  # machine formats are never cut


def test_summary_only(tmp_path):
    site = drifted_site(tmp_path)
    res = check(str(site), "--reference", "en", "--summary-only")
    assert res.exit_code == 1
    assert "== " not in res.stdout and not any(FINDING_LINE.match(ln) for ln in res.stdout.splitlines())
    assert res.stdout.splitlines()[0].startswith("1 page(s), 2 file(s), 2 locale(s), reference en")
    assert "7 finding(s) not shown (--summary-only)" in res.stdout


def test_stale_real_page_is_one_page_level_finding():
    site = ROOT / "tests/data/real/otel-go-sampling"
    data = json.loads(check(str(site), "--reference", "en", "--format", "json").stdout)
    zh = [f for f in data["findings"] if f["locale"] == "zh"]
    stubs = [f for f in zh if f["rule"] == "stub-page"]
    assert len(stubs) == 1, [f["message"] for f in zh]
    assert re.match(r"covers \d+ % of the reference \(en\): \d+ of \d+ blocks missing \(en lines \d+", stubs[0]["message"])
    assert not [f for f in zh if f["rule"] == "missing-block"]
    assert stubs[0]["line"] == 1


def test_front_matter_only_copy_is_a_stub(tmp_path):
    en = "---\ntitle: Install\n---\n\n# Install\n\n" + "\n\n".join(STEPS_EN) + "\n"
    de = "---\ntitle: Installieren\n---\n"
    site = write_tree(tmp_path / "site", {"en/install.md": en, "de/install.md": de})
    data = json.loads(check(str(site), "--reference", "en", "--format", "json").stdout)
    assert [(f["rule"], f["locale"]) for f in data["findings"]] == [("stub-page", "de")]
    assert "covers 0 % of the reference (en): 11 of 11 blocks missing" in data["findings"][0]["message"]


def test_consecutive_missing_blocks_fold_into_one_finding(tmp_path):
    de_steps = [s.replace("Step", "Schritt").replace("open the panel", "öffnen Sie das Feld") for s in STEPS_EN]
    en = "# Install\n\n" + "\n\n".join(STEPS_EN) + "\n"
    kept = [s for k, s in enumerate(de_steps, 1) if k not in (4, 5, 6, 9)]
    de = "# Installieren\n\n" + "\n\n".join(kept) + "\n"
    site = write_tree(tmp_path / "site", {"en/install.md": en, "de/install.md": de})
    data = json.loads(check(str(site), "--reference", "en", "--select", "missing-block",
                            "--format", "json").stdout)
    got = [(f["line"], f["message"]) for f in data["findings"]]
    assert len(got) == 2, got
    assert got[0][1].startswith("missing 3 blocks: paragraph \"Step 4:") and "en lines 9-13" in got[0][1]
    assert got[1][1].startswith("missing paragraph \"Step 9:") and "en line 19" in got[1][1]


def test_consecutive_extra_blocks_fold_into_one_finding(tmp_path):
    # tauri-apps/tauri-docs plugin pages: zh-CN keeps a static permission table (a paragraph
    # and rows) that the English page replaced with a generated component
    en = "# Store\n\n" + "\n\n".join(STEPS_EN[:3]) + "\n\n<PluginPermissions plugin={frontmatter.plugin} />\n"
    zh = ("# 存储\n\n" + "\n\n".join(s.replace("Step", "步骤") for s in STEPS_EN[:3])
          + "\n\n默认情况下，所有插件命令都被阻止。\n\n| 权限 | 描述 |\n| --- | --- |\n"
          + "".join(f"| `store:allow-{c}` | 启用 {c} 命令。 |\n" for c in ("get", "set", "clear", "delete")))
    site = write_tree(tmp_path / "site", {"en/store.mdx": en, "zh/store.mdx": zh})
    data = json.loads(check(str(site), "--reference", "en", "--select", "extra-block",
                            "--format", "json").stdout)
    got = [(f["line"], f["end_line"], f["message"]) for f in data["findings"]]
    assert len(got) == 1, got
    assert got[0][2].startswith("extra ") and " blocks: paragraph " in got[0][2]
    assert (got[0][0], got[0][1]) == (9, zh.count("\n"))  # from the paragraph to the last row


def test_code_difference_after_50_characters_is_shown(tmp_path):
    long_cmd = "docker run --name my-very-long-container-name-for-the-tests --publish 8080:80"
    en = f"# Run\n\nStart it with `{long_cmd} nginx:1.25`.\n\n```bash\n{long_cmd} --volume /srv/data/www:/usr/share/nginx/html:ro nginx:1.25\n```\n"
    de = en.replace("Start it with", "Starten Sie es mit").replace("nginx:1.25", "nginx:1.26")
    site = write_tree(tmp_path / "site", {"en/run.md": en, "de/run.md": de})
    data = json.loads(check(str(site), "--reference", "en", "--format", "json").stdout)
    msgs = {f["rule"]: f["message"] for f in data["findings"]}
    for rule in ("inline-code", "code-block"):
        assert "1.25" in msgs[rule] and "1.26" in msgs[rule], msgs[rule]
