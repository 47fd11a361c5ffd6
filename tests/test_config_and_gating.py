"""Configuration files, inline suppressions, baselines and output destinations, end to end."""

from __future__ import annotations

import json

import pytest

from tests.helpers import write_tree
from tests.test_cli import LAYOUTS, findings, transcheck

SITE = LAYOUTS["locale folders"]  # pt-BR has the broken build command on line 6


def test_config_in_pyproject_is_found_walking_up(tmp_path):
    write_tree(tmp_path, {**{f"docs/{k}": v for k, v in SITE.items()},
                          "pyproject.toml": '[project]\nname = "x"\n\n[tool.transcheck]\nignore = ["code-drift"]\n'})
    proc = transcheck(str(tmp_path / "docs"), "--format", "json")
    assert findings(proc) == [] and proc.returncode == 0
    # a flag overrides the file's severity and the --no-config switch ignores it
    assert findings(transcheck(str(tmp_path / "docs"), "--format", "json", "--no-config")) == \
        [("code-block", "pt-BR", 6)]


def test_transcheck_toml_severity_reference_and_aliases(tmp_path):
    files = {"site/en/a.md": "```\nmake all\n```\n", "site/jp/a.md": "```\nmake al\n```\n",
             "site/de/a.md": "```\nmake al\n```\n",
             "transcheck.toml": 'reference = "en"\n[severity]\n"code-block" = "warning"\n'
                                '[locale_aliases]\njp = "ja"\n'}
    write_tree(tmp_path, files)
    proc = transcheck(str(tmp_path / "site"), "--format", "json")
    data = json.loads(proc.stdout)
    assert [(f["locale"], f["severity"], f["basis"]) for f in data["findings"]] == \
        [("de", "warning", "reference"), ("ja", "warning", "reference")]
    assert proc.returncode == 0  # warnings are below the default --fail-on error


@pytest.mark.parametrize("content,message", [
    ('colour = "red"\n', "unknown key 'colour'"),
    ('fail_on = "sometimes"\n', "'fail_on' must be one of"),
    ('select = ["no-such-rule"]\n', "unknown rule or category 'no-such-rule'"),
    ('[severity]\nnumber = "fatal"\n', "'severity.number' must be one of"),
    ('reference = "english"\n', "'reference' must be a locale code"),
    ('placeholders = ["(unclosed"]\n', "invalid regular expression"),
    ("this is not toml\n", "invalid TOML"),
])
def test_bad_config_names_the_key(tmp_path, content, message):
    write_tree(tmp_path, {**SITE, "transcheck.toml": content})
    proc = transcheck(str(tmp_path))
    assert proc.returncode == 2
    assert message in proc.stderr and "transcheck.toml" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_include_and_exclude_globs(tmp_path):
    files = {**{f"docs/{k}": v for k, v in SITE.items()},
             **{f"docs/{k.replace('build', 'old')}": v for k, v in SITE.items()},
             "transcheck.toml": 'exclude = ["docs/*/guide/old.md"]\n'}
    write_tree(tmp_path, files)
    data = json.loads(transcheck(str(tmp_path / "docs"), "--format", "json").stdout)
    assert [p["page"] for p in data["pages"]] == ["guide/build.md"]


def test_inline_suppressions(tmp_path):
    pt = SITE["pt-BR/guide/build.md"]
    cases = {
        "next-line": pt.replace("```bash", "<!-- transcheck-disable-next-line code-block -->\n```bash"),
        "range": pt.replace("```bash", "<!-- transcheck-disable code-drift -->\n\n```bash").replace(
            "Veja", "<!-- transcheck-enable code-drift -->\n\nVeja"),
        "file": "<!-- transcheck-disable-file -->\n\n" + pt,
    }
    for name, text in cases.items():
        root = tmp_path / name
        write_tree(root, {**SITE, "pt-BR/guide/build.md": text})
        proc = transcheck(str(root), "--format", "json")
        data = json.loads(proc.stdout)
        assert data["findings"] == [], (name, data["findings"])
        assert data["summary"]["suppressed"] == 1, name
        assert proc.returncode == 0
    # a directive for another rule does not silence this one
    root = tmp_path / "other"
    write_tree(root, {**SITE, "pt-BR/guide/build.md": "<!-- transcheck-disable-file link-target -->\n\n" + pt})
    assert [f[0] for f in findings(transcheck(str(root), "--format", "json"))] == ["code-block"]


def test_baseline_gates_only_new_drift(tmp_path):
    write_tree(tmp_path / "site", SITE)
    base = tmp_path / "baseline.json"
    first = transcheck(str(tmp_path / "site"), "--write-baseline", str(base))
    assert first.returncode == 1 and base.exists()
    again = transcheck(str(tmp_path / "site"), "--baseline", str(base), "--format", "json")
    assert again.returncode == 0 and json.loads(again.stdout)["summary"]["baselined"] == 1
    # unrelated lines added above the old finding: still baselined; a new drift: reported
    fr = tmp_path / "site/fr/guide/build.md"
    pt = tmp_path / "site/pt-BR/guide/build.md"
    pt.write_text("Intro.\n\n" + pt.read_text(), encoding="utf-8")
    fr.write_text(fr.read_text().replace("https://docs.example.com/", "https://example.org/"), encoding="utf-8")
    for loc in ("de", "fr"):
        p = tmp_path / f"site/{loc}/guide/build.md"
        p.write_text("Intro.\n\n" + p.read_text(), encoding="utf-8")
    new = transcheck(str(tmp_path / "site"), "--baseline", str(base), "--format", "json")
    assert [f[0:2] for f in findings(new)] == [("link-target", "fr")]
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    proc = transcheck(str(tmp_path / "site"), "--baseline", str(bad))
    assert proc.returncode == 2 and "not a transcheck baseline" in proc.stderr


def test_several_formats_and_report_dir(tmp_path):
    write_tree(tmp_path / "site", SITE)
    out = tmp_path / "out.json"
    proc = transcheck(str(tmp_path / "site"), "--format", "text,json", "-o", f"json={out}", "--no-color")
    assert "== guide/build.md" in proc.stdout and json.loads(out.read_text())["summary"]["findings"] == 1
    rep = tmp_path / "reports"
    proc = transcheck(str(tmp_path / "site"), "--report", str(rep))
    assert (rep / "transcheck.json").is_file() and (rep / "transcheck.txt").is_file()
    assert "== guide/build.md" in proc.stdout
    two = transcheck(str(tmp_path / "site"), "--format", "json", "--format", "text")
    assert two.returncode == 2 and "only one format can go to stdout" in two.stderr
