"""What the reading formats list: warnings and errors by default, info counted in the summary.

The real command line in-process (click's CliRunner) on a two-locale page in tmp_path
whose German copy lost an italic (info) and the space before a build context (error).
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tests.helpers import write_tree
from transcheck.cli import main

NOTE = "1 info finding(s) counted, not listed: --min-severity info lists them"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """en: an italic term and a build command; de: the italic dropped, the command broken."""
    return write_tree(tmp_path_factory.mktemp("ms") / "site", {
        "en/a.md": "# Install\n\nUse the *path operation* to declare the route.\n\n"
                   "```bash\ndocker build -t app .\n```\n",
        "de/a.md": "# Installieren\n\nNutzen Sie die path operation, um die Route zu deklarieren.\n\n"
                   "```bash\ndocker build -t app.\n```\n",
    })


def check(site, *args: str, config: str | None = None):
    """``transcheck check SITE ARGS --no-semantic -j 1 --reference en`` in-process."""
    conf = ["--config", config] if config else ["--no-config"]
    return CliRunner().invoke(main, ["check", str(site), *args, "--no-semantic", "-j", "1",
                                     "--reference", "en", *conf], catch_exceptions=False)


def test_text_lists_warnings_and_errors_and_counts_info(site):
    res = check(site)
    assert res.exit_code == 1
    out = res.stdout
    assert "code-block" in out and "emphasis" not in out
    de = next(ln for ln in out.splitlines() if ln.split()[:1] == ["de"])
    assert de.split()[-3:] == ["1", "0", "1"]  # errors, warnings, info: info still counted
    assert NOTE in out.splitlines()[:6]  # right under the overview
    assert out.rstrip().endswith("1 error(s), 0 warning(s), 1 info, 0 input error(s)")


def test_min_severity_info_lists_everything_and_error_only_errors(site):
    full = check(site, "--min-severity", "info").stdout
    assert "info    emphasis: lost italic" in full and "not listed" not in full
    errors = check(site, "--min-severity", "error").stdout
    assert "code-block" in errors and "emphasis" not in errors


def test_fail_on_info_lists_info(site):
    res = check(site, "--fail-on", "info")
    assert "emphasis: lost italic" in res.stdout  # what fails the run is shown


def test_annotations_and_pr_comment_skip_info_machine_formats_keep_it(site):
    gh = check(site, "--format", "github").stdout.splitlines()
    assert [ln.split(" ")[0] for ln in gh[:-1]] == ["::error"]
    assert gh[-1].endswith(f"({NOTE})")
    md = check(site, "--format", "markdown").stdout
    assert "lost italic" not in md and NOTE in md and "**1 info**" in md
    js = json.loads(check(site, "--format", "json").stdout)
    assert sorted(f["severity"] for f in js["findings"]) == ["error", "info"]
    sarif = json.loads(check(site, "--format", "sarif").stdout)
    assert len(sarif["runs"][0]["results"]) == 2


def test_min_severity_from_configuration(site, tmp_path):
    conf = tmp_path / "transcheck.toml"
    conf.write_text('min_severity = "info"\n', encoding="utf-8")
    assert "emphasis: lost italic" in check(site, config=str(conf)).stdout
    conf.write_text('min_severity = "notice"\n', encoding="utf-8")
    res = check(site, config=str(conf))
    assert res.exit_code == 2 and "'min_severity'" in res.stderr
