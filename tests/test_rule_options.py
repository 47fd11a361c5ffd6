"""Rule options (``CONF``): declared with defaults, read through ``option``, checked in configuration."""

from __future__ import annotations

import shutil

from click.testing import CliRunner

from tests.helpers import ROOT
from transcheck import rules
from transcheck.cli import main
from transcheck.model import Option, Settings
from transcheck.rules.base import RuleContext, option


def test_every_declared_option_has_a_default_and_a_meaning():
    opts = rules.options()
    assert "semantic_drift_ratio" in opts and "untranslated_ratio" in opts
    for rule in rules.ALL + rules.PAGE_RULES:
        for o in getattr(rule, "CONF", ()):
            assert isinstance(o, Option) and isinstance(o.default, float) and o.doc
            assert rules.info(rule).options == rule.CONF


def test_option_reads_the_configured_value_else_the_default():
    conf = (Option("x_ratio", 0.6, "a ratio"),)
    assert option(RuleContext(), conf, "x_ratio") == 0.6
    assert option(RuleContext(Settings(thresholds={"x_ratio": 0.25})), conf, "x_ratio") == 0.25


def test_unknown_threshold_name_is_a_configuration_error(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(ROOT / "corpus", site)
    (site / "transcheck.toml").write_text("[thresholds]\nsemantic_drift = 0.5\n", encoding="utf-8")
    result = CliRunner().invoke(main, [str(site), "--no-semantic"])
    assert result.exit_code == 2
    assert "transcheck.toml" in result.output and "thresholds.semantic_drift" in result.output
    assert "unknown threshold" in result.output


def test_known_threshold_name_is_accepted(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(ROOT / "corpus", site)
    (site / "transcheck.toml").write_text("[thresholds]\nuntranslated_ratio = 0.95\n", encoding="utf-8")
    result = CliRunner().invoke(main, [str(site), "--no-semantic", "--format", "json"])
    assert result.exit_code == 1, result.output  # the corpus has drift; the file was accepted
    assert '"schema": "transcheck/1"' in result.output
