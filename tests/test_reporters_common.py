"""Every reporter: registered, deterministic, no absolute paths, survives hostile input."""

from __future__ import annotations

from dataclasses import replace

import pytest

from transcheck.reporters import REPORTERS, get

NEW = ("sarif", "junit", "github", "markdown", "html")


def test_registered():
    for name in NEW:
        mod = get(name)
        assert mod.NAME == name and mod.EXTENSION and callable(mod.render)


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_deterministic_and_relative(name, report):
    mod = get(name)
    first = mod.render(report)
    shuffled = replace(report, findings=tuple(reversed(report.findings)),
                       rules=tuple(reversed(report.rules)), errors=tuple(reversed(report.errors)))
    assert mod.render(shuffled) == first
    assert mod.render(report, color=False) == first
    assert "/work/" not in first and "/tmp/" not in first


@pytest.mark.parametrize("name", NEW)
def test_hostile_renders(name, hostile):
    assert get(name).render(hostile)


@pytest.mark.parametrize("name", NEW)
def test_empty_report(name, report):
    empty = replace(report, findings=(), errors=(), views=())
    assert get(name).render(empty)
