"""The five lab pages in corpus/: bytes as shipped, and every structural defect they hold.

Each expected finding below was verified by reading the five pages side by side;
the test asserts that these, and nothing else, are reported by the structural rules.
"""

from __future__ import annotations

import hashlib
import json

from tests.helpers import ROOT
from tests.test_cli import transcheck

CORPUS = ROOT / "corpus"

STRUCTURAL = {"code-drift", "inline-code-drift", "link-drift", "number-drift", "structure-drift",
              "markup-drift", "missing-content", "extra-content"}

# (rule, locale, line, severity, text in the message)
EXPECTED = [
    # the build command lost the space before its build context in four locales; pt has it right
    ("code-block", "de", 51, "error", "lost the space between `python-hello-world` and `.`"),
    ("code-block", "fr", 51, "error", "lost the space between `python-hello-world` and `.`"),
    ("code-block", "ja", 51, "error", "lost the space between `python-hello-world` and `.`"),
    ("code-block", "ru", 51, "error", "lost the space between `python-hello-world` and `.`"),
    # de and fr format image names and a file name as code where ru, pt, ja write plain text
    ("inline-code", "de", 35, "info", "extra code span `python:3.8-alpine`, `python:alpine`"),
    ("inline-code", "de", 40, "info", "extra code span `app.py`"),
    ("inline-code", "fr", 35, "info", "extra code span `python:3.8-alpine`, `python:alpine`"),
    ("inline-code", "fr", 40, "info", "extra code span `app.py`"),
    # fr translated the error message code span; ru (a paragraph in Chinese) dropped it
    ("inline-code", "fr", 42, "warning", "`fichier non trouvé` instead of `file not found`"),
    ("inline-code", "ru", 42, "warning", "missing code span `file not found`"),
    # ja dropped the "vetted" link; pt's "python base image" link points to the Hub home page
    ("link-target", "ja", 25, "warning", "missing link to https://docs.docker.com/docker-hub/official_repos/"),
    ("link-target", "pt", 25, "warning", "[imagem base python](https://hub.docker.com/) points elsewhere"),
]


def test_corpus_bytes_match_checksums():
    sums = (ROOT / "tests/data/corpus.sha256").read_text().split("\n")
    listed = {}
    for line in filter(None, sums):
        digest, name = line.split()
        listed[name] = digest
    assert sorted(listed) == sorted(str(p.relative_to(CORPUS)) for p in CORPUS.glob("*/*.md"))
    for name, digest in listed.items():
        assert hashlib.sha256((CORPUS / name).read_bytes()).hexdigest() == digest, name


def test_corpus_structural_findings_exactly():
    proc = transcheck(str(CORPUS), "--format", "json")
    data = json.loads(proc.stdout)
    assert data["errors"] == []
    assert sorted(data["pages"][0]["files"]) == ["de", "fr", "ja", "pt", "ru"]
    got = [f for f in data["findings"] if f["category"] in STRUCTURAL]
    assert sorted((f["rule"], f["locale"], f["line"], f["severity"]) for f in got) == \
        sorted(e[:4] for e in EXPECTED), [(f["rule"], f["locale"], f["line"], f["message"]) for f in got]
    for f in got:
        text = next(e[4] for e in EXPECTED if e[:4] == (f["rule"], f["locale"], f["line"], f["severity"]))
        assert text in f["message"], f["message"]
    build = [f for f in got if f["rule"] == "code-block"]
    assert {f["expected"] for f in build} == {"docker image build -t python-hello-world ."}
    assert {f["actual"] for f in build} == {"docker image build -t python-hello-world."}
    assert proc.returncode == 1
