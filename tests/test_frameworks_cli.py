"""End to end: each framework's minimal real site, checked by the real command line.

The same three-locale page must be found, grouped as one page and checked against the
English source; the output must say which layout and which config were used.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.framework_sites import LAYOUTS, PAGE, RSPRESS_CONFIG, build
from transcheck.cli import main


def run_json(*args: str) -> tuple[int, dict, str]:
    """Run ``transcheck check ... --format json`` in-process: (exit code, JSON, stderr)."""
    result = CliRunner().invoke(main, ["check", *args, "--no-semantic", "--format", "json", "-j", "1"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, json.loads(result.stdout), result.stderr


def assert_checked_against_source(data: dict, files: dict[str, Path]) -> None:
    """One page in en, fr, de with en the reference; the German command drift found against it."""
    assert len(data["pages"]) == 1, data["pages"]
    page = data["pages"][0]
    assert sorted(page["files"]) == ["de", "en", "fr"]
    assert page["reference"] == "en"
    assert all(page["files"][loc].endswith(files[loc].name) for loc in files)
    drift = [f for f in data["findings"] if f["rule"] == "code-block"]
    assert [(f["locale"], f["basis"], f["expected"], f["actual"]) for f in drift] == \
        [("de", "reference", "npm install my-tool", "npm install my-tol")]
    assert data["errors"] == []


@pytest.mark.parametrize("framework", sorted(LAYOUTS))
def test_framework_site_is_checked_against_its_source(tmp_path, framework):
    files = build(tmp_path, framework)
    code, data, _ = run_json(str(tmp_path))
    assert code == 1
    assert_checked_against_source(data, files)
    site = data["site"]
    config = next(iter(LAYOUTS[framework][0]))
    assert [(c["framework"], c["file"].endswith(config), c["default_locale"]) for c in site["configs"]] == \
        [(framework, True, "en")]
    assert site["warnings"] == []


@pytest.mark.parametrize("framework", ["vitepress", "starlight", "docusaurus"])
def test_layout_recognised_without_a_config(tmp_path, framework):
    files = build(tmp_path, framework, with_config=False)
    code, data, _ = run_json(str(tmp_path))
    assert code == 1
    assert_checked_against_source(data, files)  # the source's language is identified: en
    assert data.get("site", {}).get("configs", []) == []


def test_a_lone_locale_folder_counts_when_the_config_declares_it(tmp_path):
    build(tmp_path, "vitepress")
    for loc in ("de", "fr"):
        (tmp_path / "docs" / loc / "install.md").unlink()
    (tmp_path / "docs" / "fr" / "install.md").write_text(PAGE["fr"], encoding="utf-8")
    code, data, _ = run_json(str(tmp_path / "docs"))
    assert [(p["page"], sorted(p["files"]), p["reference"]) for p in data["pages"]] == \
        [("install.md", ["en", "fr"], "en")]


def test_a_lone_locale_folder_mirroring_the_root_counts_without_a_config(tmp_path):
    (tmp_path / "zh").mkdir()
    (tmp_path / "guide.md").write_text(PAGE["en"], encoding="utf-8")
    (tmp_path / "zh" / "guide.md").write_text(PAGE["fr"].replace("my-tool", "my-tol"), encoding="utf-8")
    (tmp_path / "notes.md").write_text(PAGE["en"], encoding="utf-8")  # no copy in zh/: a missing page
    code, data, _ = run_json(str(tmp_path))
    assert [(p["page"], sorted(p["files"]), p["reference"]) for p in data["pages"]] == \
        [("guide.md", ["en", "zh"], "en"), ("notes.md", ["en"], "en")]
    assert ("code-block", "zh", "reference") in {(f["rule"], f["locale"], f["basis"]) for f in data["findings"]}


def test_layout_and_folder_map_named_in_transcheck_toml(tmp_path):
    _, pages = LAYOUTS["hugo"]
    for loc, rel in pages.items():
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(PAGE[loc], encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text(
        'layout = "folders"\nsource_locale = "en"\n\n[locale_folders]\n'
        '"content/english" = "en"\nfrench = "fr"\ngerman = "de"\n', encoding="utf-8")
    code, data, _ = run_json(str(tmp_path))
    assert_checked_against_source(data, {loc: tmp_path / rel for loc, rel in pages.items()})
    assert data["site"]["layout"] == "folders"


def test_an_unreadable_config_is_one_warning_and_path_rules_apply(tmp_path):
    files = build(tmp_path, "docusaurus", with_config=False)
    (tmp_path / "docusaurus.config.js").write_text(
        "module.exports = { i18n: require('./i18n.json') };\n", encoding="utf-8")
    code, data, _ = run_json(str(tmp_path))
    assert [w["file"].endswith("docusaurus.config.js") for w in data["site"]["warnings"]] == [True]
    assert_checked_against_source(data, files)


def test_text_output_names_the_layout_and_config(tmp_path):
    build(tmp_path, "starlight")
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--no-semantic", "-j", "1"])
    assert "starlight" in result.stdout and "astro.config.mjs" in result.stdout


MDX = {
    "en": "---\ntitle: Install\n---\n\nimport { Tabs, TabItem } from '@astrojs/starlight/components';\n\n"
          "Pick your package manager.\n\n<Tabs>\n<TabItem label=\"npm\">\n\n```sh\nnpm i my-tool\n```\n\n"
          "</TabItem>\n<TabItem label=\"Yarn\">\n\n```sh\nyarn add my-tool\n```\n\n</TabItem>\n</Tabs>\n\n"
          ":::tip[Check first]\nRun the command in an empty folder.\n:::\n",
    "fr": "---\ntitle: Installer\n---\n\nimport { Tabs, TabItem } from '@astrojs/starlight/components';\n\n"
          "Choisissez votre gestionnaire de paquets.\n\n<Tabs>\n<TabItem label=\"npm\">\n\n```sh\nnpm i my-tool\n```\n\n"
          "</TabItem>\n<TabItem label=\"Yarn\">\n\n```sh\nyarn add my-tool\n```\n\n</TabItem>\n</Tabs>\n\n"
          ":::caution[Vérifiez d'abord]\nLancez la commande dans un dossier vide.\n:::\n",
    "de": "---\ntitle: Installieren\n---\n\nimport { Tabs, TabItem } from '@astrojs/starlight/components';\n\n"
          "Wählen Sie Ihren Paketmanager.\n\n<Tabs>\n<TabItem label=\"npm\">\n\n```sh\nnpm i my-tool\n```\n\n"
          "</TabItem>\n</Tabs>\n\n```sh\nyarn add my-tool\n```\n\n"
          ":::tip[Erst prüfen]\nFühren Sie den Befehl in einem leeren Ordner aus.\n:::\n",
}


def test_mdx_components_and_asides_are_structure(tmp_path):
    build(tmp_path, "starlight")
    docs = tmp_path / "src" / "content" / "docs"
    for loc, text in MDX.items():
        (docs / ("" if loc == "en" else loc) / "setup.mdx").write_text(text, encoding="utf-8")
    code, data, _ = run_json(str(tmp_path))
    setup = [f for f in data["findings"] if f["page"].endswith("setup.mdx")]
    structure = sorted((f["locale"], f["line"], f["category"]) for f in setup if f["category"] == "structure-drift")
    assert ("fr", 26, "structure-drift") in structure  # a caution aside where en has a tip, on its line
    assert any(loc == "de" for loc, _, _ in structure)  # the Yarn tab is gone
    texts = [f["message"] for f in setup]
    assert not any("import" in t for t in texts)  # import lines are not prose


def test_an_unknown_layout_setting_is_a_configuration_error(tmp_path):
    build(tmp_path, "hugo")
    (tmp_path / "transcheck.toml").write_text('layout = "jekyll"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--no-semantic"])
    assert result.exit_code == 2
    assert "transcheck.toml" in result.stderr and "'layout' must be one of auto, docusaurus" in result.stderr


def test_layout_folders_reads_no_site_config(tmp_path):
    build(tmp_path, "hugo")
    (tmp_path / "transcheck.toml").write_text('layout = "folders"\n', encoding="utf-8")
    code, data, stderr = run_json(str(tmp_path))
    assert data["site"]["configs"] == [] and data["site"]["layout"] == "folders"
    assert [p["reference"] for p in data["pages"]] == [None] * len(data["pages"])  # content/english is no locale


def test_a_site_locale_code_in_a_suffix_gets_a_hint_then_an_alias(tmp_path):
    # vercel/swr-site names Chinese pages page.cn.mdx (cn is a country, not a language code)
    site = tmp_path / "content"
    site.mkdir()
    (site / "page.mdx").write_text("# Getting started\n\nInstall the library with the command below "
                                   "and import it in your component file.\n\n```bash\nnpm install swr\n```\n")
    (site / "page.ja.mdx").write_text("# はじめに\n\n以下のコマンドでライブラリをインストールし、コンポーネント"
                                      "ファイルでインポートします。\n\n```bash\nnpm install swr\n```\n", encoding="utf-8")
    (site / "page.cn.mdx").write_text("# 开始\n\n使用下面的命令安装库，并在组件文件中导入它。\n\n```bash\n"
                                      "npm install swr\n```\n", encoding="utf-8")
    code, data, _ = run_json(str(site), "--no-config")
    assert code == 2
    assert [e["message"].split("; not compared ")[1] for e in data["errors"]] == [
        "(if 'cn' in its name is its locale, map it in transcheck.toml: [locale_aliases] cn = \"zh\")"]
    conf = tmp_path / "transcheck.toml"
    conf.write_text('[locale_aliases]\ncn = "zh-CN"\n')
    code, data, _ = run_json(str(site), "--config", str(conf))
    assert code == 0 and data["errors"] == [] and sorted(data["pages"][0]["files"]) == ["en", "ja", "zh-CN"]


def test_an_rstack_config_is_read_as_rspress(tmp_path):
    # web-infra-dev/rsbuild website/rstack.config.ts: define.doc({ lang, themeConfig: { locales } })
    files = build(tmp_path, "rspress", with_config=False)
    body = RSPRESS_CONFIG.split("export default defineConfig(", 1)[1]
    (tmp_path / "rstack.config.ts").write_text("import { define } from 'rstack';\n\ndefine.doc(" + body,
                                              encoding="utf-8")
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "rstack.config.ts").write_text("define.lib({ format: 'esm' });\n", encoding="utf-8")
    code, data, _ = run_json(str(tmp_path))
    assert code == 1
    assert_checked_against_source(data, files)
    assert [(c["framework"], Path(c["file"]).name) for c in data["site"]["configs"]] == \
        [("rspress", "rstack.config.ts")]
    assert data["site"]["warnings"] == []  # a config without locales is a one-language site


def test_a_lone_file_in_the_reference_language_is_a_warning_not_an_input_error(tmp_path):
    # withastro/docs: config/README.md (English, no translation) beside src/content/docs/<locale>/
    files = build(tmp_path, "starlight")
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "README.md").write_text(
        "# Configuration\n\nThis folder holds the configuration of the documentation site: the sidebar, "
        "the locales and the plugins that the build uses.\n", encoding="utf-8")
    code, data, stderr = run_json(str(tmp_path))
    assert code == 1 and data["errors"] == []  # exit 1: the German drift; no input error
    assert_checked_against_source(data, files)
    [warning] = data["warnings"]
    assert warning.startswith("1 file(s) in English (en), the site's reference language, have no locale")
    assert "config/README.md" in warning and "config/README.md" in stderr
