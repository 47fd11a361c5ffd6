"""End to end: the real `transcheck` command on real files in tmp_path, in every layout."""

from __future__ import annotations

import json
import os

import pytest

from tests.helpers import transcheck, write_tree

PAGE = {
    "de": "# Titel\n\nBauen Sie das Image:\n\n```bash\ndocker build -t app .\n```\n\nSiehe [Doku](https://docs.example.com/).\n",
    "fr": "# Titre\n\nConstruisez l'image :\n\n```bash\ndocker build -t app .\n```\n\nVoir [doc](https://docs.example.com/).\n",
    "pt-BR": "# Título\n\nConstrua a imagem:\n\n```bash\ndocker build -t app.\n```\n\nVeja [doc](https://docs.example.com/).\n",
}


def findings(proc) -> list[tuple[str, str, int]]:
    data = json.loads(proc.stdout)
    return [(f["rule"], f["locale"], f["line"]) for f in data["findings"]]


LAYOUTS = {
    "locale folders": {f"{loc}/guide/build.md": text for loc, text in PAGE.items()},
    "dotted suffix": {f"guide/build.{loc}.md": text for loc, text in PAGE.items()},
    "dash suffix": {f"guide/build-{loc.replace('-', '_')}.md": text for loc, text in PAGE.items()},
    "sibling trees": {("docs/build.md" if loc == "de" else f"docs.{loc}/build.md"): text
                      for loc, text in PAGE.items()},
    "readme siblings": {("README.md" if loc == "de" else f"README-{loc}.md"): text for loc, text in PAGE.items()},
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_layouts_find_the_broken_command(tmp_path, layout):
    write_tree(tmp_path, LAYOUTS[layout])
    proc = transcheck(str(tmp_path), "--format", "json")
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    assert len(data["pages"]) == 1, data["pages"]
    got = findings(proc)
    assert ("code-block", "pt-BR", 6) in got, got
    assert all(f[0] == "code-block" for f in got), got
    f = data["findings"][0]
    assert f["expected"] == "docker build -t app ." and f["actual"] == "docker build -t app."
    assert f["file"].endswith(".md") and "pt" in f["file"].replace("_", "-")


def test_unmarked_source_is_the_reference(tmp_path):
    # page.md (source, English) with page.de.md and page.fr.md: the source decides, even outnumbered
    write_tree(tmp_path, {
        "page.md": "Run:\n\n```\nmake all\n```\n",
        "page.de.md": "Ausführen:\n\n```\nmake al\n```\n",
        "page.fr.md": "Exécuter :\n\n```\nmake al\n```\n",
    })
    proc = transcheck(str(tmp_path), "--format", "json")
    data = json.loads(proc.stdout)
    assert data["pages"][0]["reference"] == "en"
    assert findings(proc) == [("code-block", "de", 4), ("code-block", "fr", 4)]


def test_word_suffix_is_not_a_locale(tmp_path):
    write_tree(tmp_path, {"en/docker-compose.md": "# Compose\n", "de/docker-compose.md": "# Compose\n",
                          "en/how-to.md": "# How\n", "de/how-to.md": "# Wie\n"})
    proc = transcheck(str(tmp_path), "--format", "json")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    pages = [p["page"] for p in json.loads(proc.stdout)["pages"]]
    assert pages == ["docker-compose.md", "how-to.md"]


def test_page_missing_in_one_locale_is_coverage_or_reported_when_selected(tmp_path):
    write_tree(tmp_path, {"de/a.md": "# A\n", "fr/a.md": "# A\n", "ja/a.md": "# A\n",
                          "de/b.md": "# B\n", "fr/b.md": "# B\n"})
    default = json.loads(transcheck(str(tmp_path), "--format", "json").stdout)
    assert default["findings"] == []
    assert default["summary"]["coverage"]["ja"] == {"pages": 1, "of": 2, "share": 0.5, "orphans": 0}
    proc = transcheck(str(tmp_path), "--format", "json", "--select", "missing-page")
    data = json.loads(proc.stdout)
    assert [(f["rule"], f["locale"], f["page"], f["file"]) for f in data["findings"]] == [
        ("missing-page", "ja", "b.md", f"{tmp_path}/ja/b.md".replace(os.sep, "/"))
        if not str(tmp_path).startswith(os.getcwd()) else ("missing-page", "ja", "b.md", "ja/b.md")]
    assert proc.returncode == 1


@pytest.mark.parametrize("name,content,message", [
    ("empty", b"", "empty file"),
    ("latin1", "Café déjà vu\n".encode("latin-1"), "not valid UTF-8"),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary file"),
])
def test_bad_file_is_reported_and_the_rest_checked(tmp_path, name, content, message):
    files = {f"{loc}/ok.md": text for loc, text in PAGE.items()}
    files["de/bad.md"] = "# Gut\n"
    files["fr/bad.md"] = content
    write_tree(tmp_path, files)
    proc = transcheck(str(tmp_path), "--format", "json")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    data = json.loads(proc.stdout)
    assert [e["file"].endswith("fr/bad.md") for e in data["errors"]] == [True]
    assert message in data["errors"][0]["message"]
    assert message in proc.stderr and "fr/bad.md" in proc.stderr
    assert ("code-block", "pt-BR", 6) in findings(proc)  # the good page was still checked


def test_utf16_and_crlf_keep_line_numbers(tmp_path):
    files = dict(LAYOUTS["locale folders"])
    write_tree(tmp_path, files)
    pt = tmp_path / "pt-BR/guide/build.md"
    pt.write_bytes(PAGE["pt-BR"].replace("\n", "\r\n").encode("utf-16"))
    proc = transcheck(str(tmp_path), "--format", "json")
    assert ("code-block", "pt-BR", 6) in findings(proc), proc.stdout


def test_exit_codes_and_fail_on(tmp_path):
    write_tree(tmp_path, {"de/a.md": "Port 8080.\n", "fr/a.md": "Port 8080.\n", "ja/a.md": "ポート 8000。\n"})
    # a majority-judged number drift is info: below the default threshold
    assert transcheck(str(tmp_path)).returncode == 0
    assert transcheck(str(tmp_path), "--fail-on", "warning").returncode == 0
    assert transcheck(str(tmp_path), "--fail-on", "info").returncode == 1
    assert transcheck(str(tmp_path), "--fail-on", "never").returncode == 0
    assert transcheck(str(tmp_path), "--ignore", "number-drift", "--fail-on", "info").returncode == 0
    bad = transcheck(str(tmp_path), "--select", "no-such-rule")
    assert bad.returncode == 2 and "unknown rule or category 'no-such-rule'" in bad.stderr
    assert transcheck(str(tmp_path), "--reference", "not a locale").returncode == 2


def test_missing_path_is_an_input_error(tmp_path):
    proc = transcheck(str(tmp_path / "nope"))
    assert proc.returncode == 2 and "no such file or folder" in proc.stdout


def test_text_output_groups_by_page_and_locale(tmp_path):
    write_tree(tmp_path, LAYOUTS["locale folders"])
    proc = transcheck(str(tmp_path), "--no-color")
    out = proc.stdout
    assert "== guide/build.md" in out and "[pt-BR]" in out
    assert "expected: docker build -t app ." in out and "actual: docker build -t app." in out
    assert "\033[" not in out
    assert "1 page(s), 3 file(s): 1 error(s)" in out


def test_output_file_and_json_is_deterministic(tmp_path):
    write_tree(tmp_path / "site", LAYOUTS["locale folders"])
    outs = []
    for seed in ("0", "12345", None):  # two new interpreters (fixed seeds) and this process
        out = tmp_path / f"r{seed}.json"
        transcheck(str(tmp_path / "site"), "--format", "json", "-o", str(out),
                   env={"PYTHONHASHSEED": seed} if seed else None)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] == outs[2]
    data = json.loads(outs[0])
    assert data["schema"] == "transcheck/1"
    assert set(data) >= {"schema", "tool", "pages", "findings", "summary", "errors"}
    f = data["findings"][0]
    assert set(f) >= {"rule", "category", "severity", "page", "locale", "file", "line", "end_line",
                      "message", "expected", "actual", "fingerprint"}


def test_rules_and_explain_commands():
    out = transcheck("rules").stdout
    assert "code-block" in out and "code-drift" in out and "error" in out
    exp = transcheck("explain", "code-block")
    assert exp.returncode == 0 and "Fails:" in exp.stdout and "Passes:" in exp.stdout
    sections = [exp.stdout.index(h) for h in ("What it does", "Why it matters", "Examples", "Options")]
    assert sections == sorted(sections) and "(none)" in exp.stdout
    opts = transcheck("explain", "semantic-drift").stdout
    assert "semantic_drift_ratio = 0.6" in opts and "semantic_drift_agreement = 0.5" in opts
    bad = transcheck("explain", "nope")
    assert bad.returncode == 2 and "unknown rule 'nope'" in bad.stderr


def test_text_output_does_not_pass_terminal_escapes_through(tmp_path):
    write_tree(tmp_path, {"de/a.md": "```\nls \x1b[31mred\n```\n", "fr/a.md": "```\nls \x1b[31mred\n```\n",
                          "ja/a.md": "```\nls \x1b]0;pwned\x07\n```\n"})
    proc = transcheck(str(tmp_path), "--no-color")
    assert "\x1b" not in proc.stdout and "\x07" not in proc.stdout
    assert "\\x1b]0;pwned\\x07" in proc.stdout
