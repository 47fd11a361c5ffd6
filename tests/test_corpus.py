"""The five lab pages in corpus/: bytes as shipped, and every structural defect they hold.

Each expected finding below was verified by reading the five pages side by side;
the test asserts that these, and nothing else, are reported by the structural rules.
"""

from __future__ import annotations

import functools
import hashlib
import json

from tests.helpers import ROOT
from tests.test_cli import transcheck

CORPUS = ROOT / "corpus"


@functools.lru_cache(maxsize=1)
def corpus_run() -> tuple[str, int]:
    """``transcheck corpus/ --format json`` (stdout, exit status), run once for these tests."""
    proc = transcheck(str(CORPUS), "--format", "json")
    return proc.stdout, proc.returncode

STRUCTURAL = {"code-drift", "inline-code-drift", "link-drift", "number-drift", "structure-drift",
              "markup-drift", "missing-content", "extra-content"}

SEMANTIC_RULES = {"semantic-drift", "missing-sentence", "extra-sentence"}

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
    data = json.loads(corpus_run()[0])
    assert data["errors"] == []
    assert sorted(data["pages"][0]["files"]) == ["de", "fr", "ja", "pt", "ru"]
    got = [f for f in data["findings"] if f["category"] in STRUCTURAL and f["rule"] not in SEMANTIC_RULES]
    assert sorted((f["rule"], f["locale"], f["line"], f["severity"]) for f in got) == \
        sorted(e[:4] for e in EXPECTED), [(f["rule"], f["locale"], f["line"], f["message"]) for f in got]
    for f in got:
        text = next(e[4] for e in EXPECTED if e[:4] == (f["rule"], f["locale"], f["line"], f["severity"]))
        assert text in f["message"], f["message"]
    build = [f for f in got if f["rule"] == "code-block"]
    assert {f["expected"] for f in build} == {"docker image build -t python-hello-world ."}
    assert {f["actual"] for f in build} == {"docker image build -t python-hello-world."}
    assert corpus_run()[1] == 1


LANGUAGE = {"mixed-language", "untranslated"}

# the ru page has three paragraphs in Chinese and one that switches to Chinese mid-sentence
EXPECTED_LANGUAGE = [
    ("mixed-language", "ru", 25, "Chinese text in Russian paragraph: «出于安全考虑"),
    ("mixed-language", "ru", 27, "Chinese text in Russian paragraph: «对于更复杂的应用程序"),
    ("mixed-language", "ru", 40, "Chinese text in Russian paragraph: «充分利用 Docker 层缓存"),
    ("mixed-language", "ru", 42, "Chinese text in Russian paragraph: «将此放在"),
]


def test_corpus_language_findings_exactly():
    data = json.loads(corpus_run()[0])
    got = sorted((f["rule"], f["locale"], f["line"], f["message"]) for f in data["findings"]
                 if f["category"] in LANGUAGE)
    assert [g[:3] for g in got] == [e[:3] for e in EXPECTED_LANGUAGE], got
    for g, e in zip(got, EXPECTED_LANGUAGE):
        assert e[3] in g[3]
    # the switch on line 40 starts mid-sentence: the Russian part of the sentence is not quoted
    mid = next(f for f in data["findings"] if f["rule"] == "mixed-language" and f["line"] == 40)
    assert "чтобы" not in mid["actual"] and mid["actual"].startswith("Chinese (zh): 充分利用")


def _strip_locale(f: dict) -> tuple:
    return (f["rule"], f["locale"], f["line"], f["severity"], f["message"].replace("corpus/", ""))


def test_unlabelled_seed_files_are_identified_and_grouped(tmp_path):
    """The five pages as they arrived (hash names, .txt, no locale) give the same drift."""
    names = {"ru": "000_e78dd1bc280a52b2.txt", "de": "001_d01b650ec1977ac9.txt",
             "pt": "002_5e25e17612bc958f.txt", "fr": "003_7a61c878fdb21891.txt",
             "ja": "004_36b7b6d321bf3578.txt"}
    for loc, name in names.items():
        (tmp_path / name).write_bytes((CORPUS / loc / "build-the-image.md").read_bytes())
    seeds = json.loads(transcheck(str(tmp_path), "--format", "json").stdout)
    corpus = json.loads(corpus_run()[0])
    assert seeds["errors"] == []
    assert len(seeds["pages"]) == 1
    assert {loc: path.rsplit("/", 1)[-1] for loc, path in seeds["pages"][0]["files"].items()} == names
    key = lambda f: (f["rule"], f["locale"], f["line"], f["severity"])  # noqa: E731
    assert sorted(map(key, seeds["findings"])) == sorted(map(key, corpus["findings"]))


def test_file_in_the_wrong_language_is_reported_once(tmp_path):
    (tmp_path / "de").mkdir()
    (tmp_path / "fr").mkdir()
    german = (CORPUS / "de/build-the-image.md").read_bytes()
    (tmp_path / "de/page.md").write_bytes(german)
    (tmp_path / "fr/page.md").write_bytes(german)
    data = json.loads(transcheck(str(tmp_path), "--format", "json").stdout)
    assert [(f["rule"], f["locale"], f["line"]) for f in data["findings"]] == [("wrong-language", "fr", 1)]
    assert "written in German" in data["findings"][0]["message"]


# The semantic rules on the five pages (default model). Every other paragraph is a faithful
# translation and must stay silent; the ru paragraphs in Chinese keep the meaning (their
# parity stays high), so they are the mixed-language rule's alone.
EXPECTED_SEMANTIC = [
    # ja goes from 心配しないでください！ straight to コンテナを使用する利点の 1 つは…
    ("missing-sentence", "ja", 3, "«Denn Sie brauchen es nicht.» (de; also in fr, pt, ru)"),
]


def test_corpus_semantic_findings_exactly():
    data = json.loads(corpus_run()[0])
    got = sorted((f["rule"], f["locale"], f["line"], f["message"]) for f in data["findings"]
                 if f["rule"] in SEMANTIC_RULES)
    assert [g[:3] for g in got] == [e[:3] for e in EXPECTED_SEMANTIC], got
    for g, e in zip(got, EXPECTED_SEMANTIC):
        assert e[3] in g[3], g[3]
    parity = data["pages"][0]["parity"]
    assert sorted(parity) == ["de", "fr", "ja", "pt", "ru"] and min(parity.values()) > 0.75
    rows = data["segments"]["build-the-image.md"]
    scores = [v for r in rows for v in r["scores"].values()]
    assert len(rows) >= 20 and min(scores) > 0.55
    # the Chinese paragraphs of the ru page (the one on line 40 starts on 39) still mean the same
    chinese = [r for r in rows if r["lines"].get("ru") in (25, 27, 39, 42)]
    assert len(chinese) == 4 and all(r["scores"]["ru"] > 0.7 for r in chinese)
