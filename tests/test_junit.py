"""JUnit XML: parsed back with xml.etree; structure and counts checked."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from transcheck.reporters import junit


def test_structure_counts_golden(report, golden):
    text = junit.render(report)
    golden("report.junit.xml", text)
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["build-the-image", "transcheck.input-errors"]
    page = suites[0]
    cases = page.findall("testcase")
    assert [c.get("name") for c in cases] == ["de", "fr", "ja", "pt", "ru"]
    assert {c.get("classname") for c in cases} == {"build-the-image"}
    # every locale has a warning or an error: all five fail
    assert page.get("tests") == "5" and page.get("failures") == "5" and page.get("errors") == "0"
    ru = cases[4]
    failure = ru.find("failure")
    assert failure.get("message") == "1 error, 3 warnings"
    assert "expected: docker image build -t python-hello-world ." in failure.text
    assert "corpus/ru/build-the-image.md:51" in failure.text
    pt = cases[3]
    assert "vetted" in pt.find("system-out").text
    assert "vetted" not in pt.find("failure").text
    errs = suites[1]
    assert errs.get("tests") == "1" and errs.get("errors") == "1"
    assert errs.find("testcase/error").get("type") == "input-error"
    assert root.get("tests") == "6" and root.get("failures") == "5" and root.get("errors") == "1"
    total = sum(int(s.get("tests")) for s in suites)
    assert total == int(root.get("tests"))


def test_info_only_passes(report):
    from dataclasses import replace

    infos = tuple(f for f in report.findings if f.severity == "info")
    root = ET.fromstring(junit.render(replace(report, findings=infos, errors=())))
    assert root.get("failures") == "0" and root.get("errors") == "0"
    assert len(root.findall(".//system-out")) == 1


def test_hostile_parses(hostile):
    root = ET.fromstring(junit.render(hostile).encode("utf-8"))
    texts = "".join(root.itertext())
    assert "<script>" in texts  # kept as text, escaped in the XML
    assert "\x00" not in texts


def test_control_characters_replaced():
    assert junit.xml_text("a\x00b\x1bc\ud800") == "a\ufffdb\ufffdc\ufffd"
