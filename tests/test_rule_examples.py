"""Every rule's documented examples (shown by `transcheck explain`) pass or fail as documented."""

import pytest

from transcheck import rules
from tests.helpers import run_rule

CASES = [(r, ex) for r in rules.ALL for ex in r.EXAMPLES]


@pytest.mark.parametrize("rule,example", CASES, ids=[f"{r.ID}:{ex.title}" for r, ex in CASES])
def test_documented_example(rule, example):
    findings = run_rule(rule, dict(example.pages))
    assert bool(findings) == example.fails, [f.message for f in findings]


@pytest.mark.parametrize("rule", rules.ALL + rules.PAGE_RULES, ids=lambda r: r.ID)
def test_rule_is_self_describing(rule):
    info = rules.info(rule)
    assert info.category in __import__("transcheck.model", fromlist=["CATEGORIES"]).CATEGORIES
    assert info.severity in ("error", "warning", "info")
    assert info.summary and info.doc and info.why
    assert any(not ex.fails for ex in rule.EXAMPLES)
    if rule in rules.ALL:
        assert any(ex.fails for ex in rule.EXAMPLES)


def test_rule_ids_are_unique():
    ids = [r.ID for r in rules.ALL + rules.PAGE_RULES]
    assert len(ids) == len(set(ids))
