"""Components translators leave out on purpose: a hint, then ``source_only_components``.

withastro/docs asks translators to remove ``<DontEditWarning />`` from its generated error
pages; before the setting, every translated copy gave a ``lost <DontEditWarning>`` warning
(798 on that site).
"""

from __future__ import annotations

import json

from click.testing import CliRunner

from tests.helpers import write_tree
from transcheck.cli import main

EN = ("import DontEditWarning from '~/components/DontEditWarning.astro'\n\n<DontEditWarning />\n\n"
      "# Route not found {n}\n\nAstro could not find a route that matches the one you requested.\n")
TRANSLATED = {
    "fr": "# Route introuvable {n}\n\nAstro n'a trouvé aucune route correspondant à celle demandée.\n",
    "de": "# Route nicht gefunden {n}\n\nAstro hat keine Route gefunden, die der angeforderten entspricht.\n",
    "es": "# Ruta no encontrada {n}\n\nAstro no encontró ninguna ruta que coincida con la solicitada.\n",
}


def site(tmp_path, config: str | None = None):
    """Seven pages; en has the component, the three translations leave it out."""
    files = {}
    for n in range(7):
        files[f"en/error-{n}.mdx"] = EN.format(n=n)
        for loc, text in TRANSLATED.items():
            files[f"{loc}/error-{n}.mdx"] = text.format(n=n)
    if config is not None:
        files["transcheck.toml"] = config
    return write_tree(tmp_path / "site", files)


def check(root, *args: str):
    res = CliRunner().invoke(main, ["check", str(root), "--no-semantic", "-j", "1", "--format", "json",
                                    "--reference", "en", *args])
    return res, json.loads(res.stdout)


def test_a_component_every_translation_lacks_gets_a_hint(tmp_path):
    res, data = check(site(tmp_path), "--no-config")
    lost = [f for f in data["findings"] if f["rule"] == "structure"]
    assert len(lost) == 21 and all(f["message"].startswith("lost <DontEditWarning>") for f in lost)
    assert data["warnings"] == [
        "<DontEditWarning> is missing from 21 translated copies (7 pages, 3 locales); if translators leave it "
        "out on purpose, say so in transcheck.toml: source_only_components = [\"DontEditWarning\"]"]
    assert data["warnings"][0] in res.stderr


def test_source_only_components_are_not_lost(tmp_path):
    res, data = check(site(tmp_path, 'source_only_components = ["<DontEditWarning />"]\n'))
    assert res.exit_code == 0, res.output
    assert data["findings"] == [] and data["warnings"] == []


def test_a_component_some_copy_keeps_gets_no_hint(tmp_path):
    root = site(tmp_path)
    (root / "fr" / "error-0.mdx").write_text(EN.format(n=0) + "\n<DontEditWarning />\n", encoding="utf-8")
    _, data = check(root, "--no-config")
    assert data["warnings"] == []  # fr keeps one where en has two: not a convention


def test_a_bad_source_only_value_is_a_config_error(tmp_path):
    res = CliRunner().invoke(main, ["check", str(site(tmp_path, "source_only_components = [1]\n"))])
    assert res.exit_code == 2 and "'source_only_components' must be a list of strings" in res.output
