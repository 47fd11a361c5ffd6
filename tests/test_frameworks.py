"""Framework configs read without running them, and files placed in their content trees."""

from __future__ import annotations

import pytest

from tests.framework_sites import LAYOUTS, build
from transcheck.run.discover.datafiles import read_hugo, read_mkdocs
from transcheck.run.discover.frameworks import ConfigUnreadable, read_astro
from transcheck.run.discover.jsliteral import UNKNOWN, Call, scan
from transcheck.run.discover.sitelayout import docusaurus_from_paths, find_sites, place


@pytest.mark.parametrize("framework", sorted(LAYOUTS))
def test_each_framework_config_gives_locales_and_places_the_page(tmp_path, framework):
    paths = build(tmp_path, framework)
    found = find_sites(tmp_path)
    assert found.warnings == []
    assert [s.framework for s in found.sites] == [framework]
    site = found.sites[0]
    assert site.locales == ("de", "en", "fr") and site.default_locale == "en"
    if framework == "nextra":  # page.<locale>.mdx: the path rules place it; the config names the default
        assert site.trees == ()
        return
    placed = {loc: place(found.sites, p.resolve()) for loc, p in paths.items()}
    assert {loc: hit[1] for loc, hit in placed.items()} == {"en": "en", "fr": "fr", "de": "de"}
    assert len({hit[0] for hit in placed.values()}) == 1  # one page
    assert [loc for loc, hit in placed.items() if hit[2]] == ["en"]  # the source


def test_js_scanner_reads_literals_through_code():
    src = """
    const { themes } = require("prism-react-renderer");
    const LOCALES = ['en', "zh-Hans", `ja`]; // a comment with { braces
    module.exports = async function createConfig() {
      const progress = await getProgress();
      return {
        url: process.env.URL ?? 'https://x.io',
        re: /\\.mdx?$/,
        i18n: { defaultLocale: "en", locales: LOCALES, labels: { ja: `日本語 (${progress.ja}%)` } },
        async headTags() { return [{ tagName: 'x' }] },
      };
    };
    """
    mod = scan(src)
    i18n = next(mod.dicts_with("i18n"))["i18n"]
    assert i18n["locales"] == ["en", "zh-Hans", "ja"] and i18n["defaultLocale"] == "en"
    assert i18n["labels"]["ja"] is UNKNOWN


def test_js_scanner_reads_the_literal_branch_of_a_condition():
    # pnpm/pnpm.io docusaurus.config.ts: a CI build of one locale, else the site's list
    src = """
    const LOCALE_CI = process.env.LOCALE_CI;
    export default {
      i18n: {
        defaultLocale: 'en',
        locales: LOCALE_CI ? [LOCALE_CI] : ['en', 'es', 'zh', 'zh-TW'],
        url: process.env.X === '1' ? base : 'https://x.io',
        both: dev ? ['en'] : ['en', 'fr'],
        other: a ?? ['en'],
      },
    };
    """
    i18n = next(scan(src).dicts_with("i18n"))["i18n"]
    assert i18n["locales"] == ["en", "es", "zh", "zh-TW"] and i18n["url"] == "https://x.io"
    assert i18n["both"] is UNKNOWN and i18n["other"] is UNKNOWN  # no one literal branch to take


def test_js_scanner_typescript_and_calls():
    src = ("import { defineConfig } from 'vitepress'\n"
           "export default defineConfig({ locales: { root: { lang: 'en-US' } } satisfies X, n: -2 } as const)\n")
    mod = scan(src)
    assert isinstance(mod.exported, Call) and mod.exported.name == "defineConfig"
    assert mod.exported.args[0] == {"locales": {"root": {"lang": "en-US"}}, "n": -2}


def test_vitepress_locales_published_elsewhere_are_not_folders(tmp_path):
    cfg = tmp_path / "docs" / ".vitepress" / "config" / "index.ts"
    cfg.parent.mkdir(parents=True)
    cfg.write_text("export default defineConfig({ ...shared, locales: {\n"
                   "  root: { label: 'English', lang: 'en-US', ...enConfig },\n"
                   "  zh: { label: '简体中文', lang: 'zh-CN', link: '/zh/', ...zhConfig },\n"
                   "  es: { label: 'Español', lang: 'es-ES', link: 'https://es.example.app/' },\n}})\n")
    site = find_sites(tmp_path / "docs").sites[0]
    assert (site.framework, site.default_locale, site.folders) == ("vitepress", "en-US", {"zh": "zh"})
    assert site.root == str(tmp_path / "docs")


def test_starlight_locales_imported_from_a_module(tmp_path):
    # withastro/docs: astro.config.ts imports its locales from config/locales.ts
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "locales.ts").write_text(
        "import type { StarlightUserConfig } from '@astrojs/starlight/types';\n"
        "export const localesConfig = {\n  en: { label: 'English', lang: 'en', dir: 'ltr' },\n"
        "  'pt-br': { label: 'Português do Brasil', lang: 'pt-BR', dir: 'ltr' },\n"
        "} satisfies StarlightUserConfig['locales'];\n"
        "export const twoLocalesConfig = Object.fromEntries(['en'].map((l) => [l, localesConfig[l]]));\n")
    (tmp_path / "astro.config.ts").write_text(
        "import { localesConfig as locales, twoLocalesConfig } from './config/locales';\n"
        "export default defineConfig({ integrations: [starlight({ title: 'Docs', defaultLocale: 'en',\n"
        "  locales })] });\n")
    site = read_astro(tmp_path / "astro.config.ts")
    assert site.default_locale == "en" and site.folders == {"en": "en", "pt-br": "pt-BR"}


def test_starlight_with_a_default_locale_folder(tmp_path):
    (tmp_path / "astro.config.mjs").write_text(
        "export default defineConfig({ integrations: [starlight({ title: 'D', defaultLocale: 'en',\n"
        "  locales: { en: { label: 'English' }, 'pt-br': { label: 'Português', lang: 'pt-BR' } } })] })\n")
    site = read_astro(tmp_path / "astro.config.mjs")
    assert site.default_locale == "en" and site.folders == {"en": "en", "pt-br": "pt-BR"}
    assert [(t.folder, t.source) for t in site.trees] == [("src/content/docs/en", True),
                                                         ("src/content/docs/pt-br", False)]


def test_starlight_locales_imported_from_a_json_file(tmp_path):
    # tauri-apps/tauri-docs: import locales from './locales.json'; starlight({ locales, ... })
    (tmp_path / "locales.json").write_text(
        '{"root": {"label": "English", "lang": "en"}, "zh-cn": {"label": "简体中文", "lang": "zh-cn"}}',
        encoding="utf-8")
    (tmp_path / "astro.config.mjs").write_text(
        "import starlight from '@astrojs/starlight';\nimport locales from './locales.json';\n"
        "export default defineConfig({ integrations: [starlight({ title: 'T', locales })] });\n")
    site = read_astro(tmp_path / "astro.config.mjs")
    assert (site.framework, site.default_locale, site.folders) == ("starlight", "en", {"zh-cn": "zh-CN"})
    (tmp_path / "locales.json").write_text("{ not json", encoding="utf-8")
    with pytest.raises(ConfigUnreadable):  # unreadable data: the usual one warning
        read_astro(tmp_path / "astro.config.mjs")


def test_mkdocs_suffix_structure_and_old_plugin_format(tmp_path):
    cfg = tmp_path / "mkdocs.yml"
    cfg.write_text("site_name: X\nplugins:\n  - search\n  - i18n:\n      default_language: en\n"
                   "      languages:\n        fr: Français\n        de:\n          name: Deutsch\n")
    site = read_mkdocs(cfg)
    assert (site.default_locale, site.locales, site.trees) == ("en", ("de", "en", "fr"), ())


def test_mkdocs_one_config_per_language_folder(tmp_path):
    for loc in ("en", "fr"):
        (tmp_path / "docs" / loc / "docs").mkdir(parents=True)
        (tmp_path / "docs" / loc / "mkdocs.yml").write_text(
            ("INHERIT: ../en/mkdocs.yml\n" if loc != "en" else "site_name: X\n") + f"theme:\n  language: {loc}\n")
    site = find_sites(tmp_path).sites[0]
    assert (site.framework, site.default_locale, site.locales) == ("mkdocs", "en", ("en", "fr"))
    page = tmp_path / "docs" / "fr" / "docs" / "index.md"
    assert place([site], page.resolve())[:3] == ("en/docs/index.md", "fr", False)


def test_hugo_split_config_and_language_codes(tmp_path):
    (tmp_path / "content").mkdir()
    d = tmp_path / "config" / "_default"
    d.mkdir(parents=True)
    (d / "hugo.yaml").write_text("baseURL: https://x.io\nDefaultContentLanguage: en\n")
    (d / "languages.yaml").write_text("en:\n  weight: 1\nzh-cn:\n  languageCode: zh-CN\n  contentDir: content/zh\n")
    found = find_sites(tmp_path)
    assert [(s.framework, s.default_locale, s.folders) for s in found.sites] == \
        [("hugo", "en", {"en": "en", "zh-cn": "zh-CN"})]
    assert read_hugo(d / "hugo.yaml", [d / "languages.yaml"]).trees[0].folder == "content/zh"


def test_hugo_top_level_content_dir_is_the_default_languages_tree(tmp_path):
    # cncf/glossary's config.toml: contentDir = "content/en" at the top, each translation its own contentDir
    (tmp_path / "config.toml").write_text(
        'contentDir = "content/en"\ndefaultContentLanguage = "en"\n[languages]\n[languages.en]\nweight = 1\n'
        '[languages.zh-cn]\ncontentDir = "content/zh-cn"\nweight = 2\n', encoding="utf-8")
    pages = {loc: tmp_path / "content" / loc / "nodes.md" for loc in ("en", "zh-cn")}
    for path in pages.values():
        path.parent.mkdir(parents=True)
        path.write_text("# Nodes\n", encoding="utf-8")
    found = find_sites(tmp_path)
    placed = {loc: place(found.sites, p.resolve()) for loc, p in pages.items()}
    assert placed["en"][:3] == ("content/nodes.md", "en", True)  # the source, not an orphan's peer
    assert placed["zh-cn"][:3] == ("content/nodes.md", "zh-CN", False)


def test_an_unreadable_config_is_one_warning(tmp_path):
    (tmp_path / "docusaurus.config.js").write_text("module.exports = { i18n: makeI18n() };\n")
    (tmp_path / "mkdocs.yml").write_text("plugins: [i18n: {languages: [\n")
    found = find_sites(tmp_path)
    assert found.sites == []
    assert sorted((p.rsplit("/", 1)[-1], why.split(":")[0]) for p, why in found.warnings) == \
        [("docusaurus.config.js", "no literal 'i18n' object"), ("mkdocs.yml", "invalid YAML")]


def test_a_config_without_locales_is_silent(tmp_path):
    (tmp_path / "docusaurus.config.js").write_text("module.exports = { title: 'One language' };\n")
    (tmp_path / "mkdocs.yml").write_text("site_name: X\nplugins:\n  - search\n")
    assert (find_sites(tmp_path).sites, find_sites(tmp_path).warnings) == ([], [])


def test_docusaurus_recognised_from_paths_alone(tmp_path):
    paths = build(tmp_path, "docusaurus", with_config=False)
    sites = docusaurus_from_paths([p.resolve() for p in paths.values()])
    assert [(s.framework, s.path, s.folders) for s in sites] == [("docusaurus", None, {"de": "de", "fr": "fr"})]
    assert place(sites, paths["fr"].resolve())[:3] == ("docs/install.md", "fr", False)
    assert place(sites, paths["en"].resolve())[:3] == ("docs/install.md", "", True)


def test_reader_rejects_a_locale_that_is_not_a_code(tmp_path):
    cfg = tmp_path / "astro.config.mjs"
    cfg.write_text("export default { i18n: { defaultLocale: 'en', locales: ['en', 'klingon-ish'] } }\n")
    with pytest.raises(ConfigUnreadable):
        read_astro(cfg)


def test_docusaurus_blog_pages_versions_and_docs_instances(tmp_path):
    (tmp_path / "docusaurus.config.ts").write_text(
        "export default { i18n: { defaultLocale: 'en', locales: ['en', 'ja'] },\n"
        "  plugins: [['@docusaurus/plugin-content-docs', { id: 'community', path: 'community' }]] };\n")
    (tmp_path / "versioned_docs" / "version-2.0").mkdir(parents=True)
    sites = find_sites(tmp_path).sites
    i18n = tmp_path / "i18n" / "ja"
    cases = {
        i18n / "docusaurus-plugin-content-blog" / "2024-01-01-hello.md": "blog/2024-01-01-hello.md",
        i18n / "docusaurus-plugin-content-pages" / "about.md": "src/pages/about.md",
        i18n / "docusaurus-plugin-content-docs" / "version-2.0" / "intro.md": "versioned_docs/version-2.0/intro.md",
        i18n / "docusaurus-plugin-content-docs-community" / "current" / "team.md": "community/team.md",
        tmp_path / "community" / "team.md": "community/team.md",
    }
    for path, page in cases.items():
        hit = place(sites, path)
        assert hit[:2] == (page, "en" if "i18n" not in path.parts else "ja"), path


def test_vitepress_rewrites_serve_the_default_locale_from_a_subfolder(tmp_path):
    # vuejs/vitepress docs (MIT): `rewrites: { 'en/:rest*': ':rest*' }` keeps the English pages
    # in docs/en/ and serves them at the root; translations are docs/<locale>/
    import json
    from tests.helpers import transcheck
    cfg = tmp_path / "docs" / ".vitepress" / "config.ts"
    cfg.parent.mkdir(parents=True)
    cfg.write_text("export default defineConfig({\n  title: 'VitePress',\n\n  rewrites: {\n"
                   "    'en/:rest*': ':rest*'\n  },\n  locales: {\n"
                   "    root: { label: 'English', lang: 'en-US', dir: 'ltr' },\n"
                   "    zh: { label: '简体中文', lang: 'zh-Hans', dir: 'ltr' },\n"
                   "    ru: { label: 'Русский', lang: 'ru-RU', dir: 'ltr' },\n  }\n})\n")
    pages = {"en": "# Routing\n\nSee [the config](./site-config#rewrites) and run `vitepress dev`.\n",
             "zh": "# 路由\n\n参阅[配置](./site-config#rewrites)并运行 `vitepress dev`。\n",
             "ru": "# Маршрутизация\n\nСм. [конфигурацию](./site-config#rewrites) и `vitepress build`.\n"}
    for loc, text in pages.items():
        (tmp_path / "docs" / loc / "guide").mkdir(parents=True)
        (tmp_path / "docs" / loc / "guide" / "routing.md").write_text(text)
    site = find_sites(tmp_path / "docs").sites[0]
    assert site.default_locale == "en-US"
    assert [(t.folder, t.locale) for t in site.trees if t.source] == [("en", "en-US")]
    proc = transcheck("check", str(tmp_path / "docs"), "--no-semantic", "--format", "json")
    data = json.loads(proc.stdout)
    assert data["summary"]["pages"] == 1, data["summary"]
    [finding] = [f for f in data["findings"] if f["rule"] == "inline-code"]
    assert finding["locale"] == "ru" and "vitepress dev" in finding["expected"]


def test_astro_locale_folders_match_their_keys_but_for_case(tmp_path):
    # biomejs/website: locales 'zh-cn' (lang zh-CN) and 'pt-br' live in src/content/docs/zh-CN, pt-BR
    (tmp_path / "astro.config.ts").write_text(
        "export default defineConfig({ integrations: [starlight({ title: 'B', defaultLocale: 'root',\n"
        "  locales: { root: { label: 'English', lang: 'en' }, 'zh-cn': { label: '简体中文', lang: 'zh-CN' },\n"
        "  'pt-br': { label: 'Português', lang: 'pt-BR' } } })] })\n", encoding="utf-8")
    for folder in ("", "zh-CN/", "pt-BR/"):
        page = tmp_path / f"src/content/docs/{folder}guides/intro.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text("# Intro\n", encoding="utf-8")
    found = find_sites(tmp_path)
    assert found.sites[0].folders == {"pt-BR": "pt-BR", "zh-CN": "zh-CN"}
    placed = [place(found.sites, (tmp_path / f"src/content/docs/{f}guides/intro.md").resolve())
              for f in ("", "zh-CN/", "pt-BR/")]
    assert [(loc, src) for _, loc, src, _ in placed] == [("en", True), ("zh-CN", False), ("pt-BR", False)]
    assert len({page for page, *_ in placed}) == 1  # one page in three locales
