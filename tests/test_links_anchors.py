"""Localized link targets and in-file anchors (transcheck.analyse.links), on excerpts of real pages.

Sources: open-telemetry/opentelemetry.io (CC-BY-4.0), cncf/glossary (Apache-2.0),
wailsapp/wails website (MIT), withastro/starlight docs (MIT).
"""

from __future__ import annotations

from transcheck.analyse.links import document_anchors, fragment_of, heading_slugs, link_key, resolves
from transcheck.markdown.parse import parse_markdown

LANGS = ("en", "ko", "ru", "de")


def test_locale_path_segment_host_label_and_file_suffix():
    # opentelemetry.io: en links /docs/concepts/..., ko links /ko/docs/concepts/...
    assert link_key("/docs/concepts/signals/traces/", LANGS) == link_key("/ko/docs/concepts/signals/traces/", LANGS)
    assert link_key("https://learn.microsoft.com/en-us/dotnet/", LANGS) == \
        link_key("https://learn.microsoft.com/de-de/dotnet", LANGS)
    assert link_key("https://en.wikipedia.org/wiki/Observability", LANGS) == \
        link_key("https://ru.wikipedia.org/wiki/Observability", LANGS)
    assert link_key("CONTRIBUTING.md", LANGS) == link_key("CONTRIBUTING_ko.md", LANGS)
    # the page's languages bound what counts as a locale: path/to/file keeps its "to"
    assert link_key("path/to/file", LANGS) == "path/to/file"
    assert link_key("/docs/concepts/x/", LANGS) != link_key("/docs/concepts/y/", LANGS)
    assert link_key("https://hub.docker.com/_/python") != link_key("https://hub.docker.com/")


def test_coarse_key_for_translated_article_names():
    en = "https://en.wikipedia.org/wiki/Hash_function"
    ru = "https://ru.wikipedia.org/wiki/Хеш-функция"
    assert link_key(en, LANGS) != link_key(ru, LANGS)
    assert link_key(en, LANGS, coarse=True) == link_key(ru, LANGS, coarse=True)


def test_fragments_of_the_site_itself_are_not_compared():
    assert link_key("#basics") == link_key("#основы") == "#"
    assert link_key("../x.md#install") == link_key("../x.md#установка")
    assert link_key("https://vuex.vuejs.org/zh/guide/state.html#mapstate-%E8%BE%85", ("en", "zh")) == \
        link_key("https://vuex.vuejs.org/guide/state.html#the-mapstate-helper", ("en", "zh"))
    assert fragment_of("#%D0%BE") == "о" and fragment_of("x.md#a") is None


def test_slugs_of_generators():
    assert heading_slugs("Основы работы") == (None, {"основы-работы"})
    # Hugo / Docusaurus / MkDocs attribute blocks
    assert heading_slugs("Dependencies {#otlp-dependencies}")[0] == "otlp-dependencies"
    assert heading_slugs("Easy CLA {.notranslate lang=en}") == (None, {"easy-cla"})
    # VitePress drops punctuation runs to one hyphen, GitHub keeps one per space
    assert {"what-is-git", "what-is-git-"} & heading_slugs("What is git?")[1]


# cncf/glossary content/zh-tw/contributor-ladder/_index.md (lines 62, 74, 84)
GLOSSARY_ZH_TW = """## 3. 維護者 {#maintainers}

維護者是可以批准並合併 PR 的審核者。任何人都可以成為 Glossary 的維護者（參見[成為維護者](#becoming-a-maintainer)）。

### 成為維護者 {#becoming-an-maintainers}
"""


def test_anchor_that_resolves_nowhere_in_its_file():
    doc = parse_markdown(GLOSSARY_ZH_TW)
    anchors = document_anchors(doc)
    assert resolves("maintainers", anchors) and resolves("becoming-an-maintainers", anchors)
    assert not resolves("becoming-a-maintainer", anchors)


# withastro/starlight docs/src/content/docs/ru/guides/pages.mdx: a heading holding a code span
STARLIGHT_RU = """#### Компонент `<AnchorHeading>`

См. [`<AnchorHeading>`](#%D0%BA%D0%BE%D0%BC%D0%BF%D0%BE%D0%BD%D0%B5%D0%BD%D1%82-anchorheading).
"""


def test_percent_encoded_non_latin_anchor_resolves():
    doc = parse_markdown(STARLIGHT_RU)
    target = next(i.target for s in doc.segments for i in s.inlines if i.kind == "link")
    assert resolves(fragment_of(target), document_anchors(doc))


def test_explicit_html_anchors_and_repeated_headings():
    doc = parse_markdown('<a id="legacy-install"></a>\n\n## Setup\n\n## Setup\n\nSee <a name="x"></a> it.\n')
    anchors = document_anchors(doc)
    assert {"legacy-install", "setup", "setup-1", "x"} <= anchors
    assert resolves("Setup", anchors) and resolves("top", anchors)


def test_country_code_host_and_file_suffix():
    # vuejs/pinia packages/docs/zh/cookbook/composables.md links cn.vuejs.org where en links vuejs.org
    zh = ("en", "zh")
    assert link_key("https://cn.vuejs.org/guide/reusability/composables.html#composables", zh) == \
        link_key("https://vuejs.org/guide/reusability/composables.html#composables", zh)
    # vuejs/pinia zh/cookbook/testing.md:288: the locale as the last path segment
    assert link_key("https://v1.test-utils.vuejs.org/zh/", zh) == link_key("https://v1.test-utils.vuejs.org/", zh)
    assert link_key("README_kr.md", ("en", "ko")) == link_key("README.md", ("en", "ko"))
    assert link_key("https://io.example.com/x", zh) != link_key("https://example.com/x", zh)


def test_vue_docs_translation_anchor_syntax():
    # vuejs/pinia packages/docs/zh/core-concepts/index.md line 31
    assert heading_slugs("Option Store %{#option-stores}%")[0] == "option-stores"


def test_clean_urls_and_inner_host_label():
    # vuejs/pinia packages/docs/core-concepts/plugins.md:146 (en) and zh/...:146
    zh = ("en", "zh")
    assert link_key("https://v2.cn.vuejs.org/v2/guide/reactivity.html#%E6%A3%80", zh) == \
        link_key("https://v2.vuejs.org/v2/guide/reactivity.html#Change-Detection-Caveats", zh)
    # pinia cookbook/hot-module-replacement.md:5 and zh/...:5
    assert link_key("https://cn.vitejs.dev/guide/api-hmr#hmr-api", zh) == \
        link_key("https://vitejs.dev/guide/api-hmr.html#hmr-api", zh)
    assert link_key("https://vuex.vuejs.org/zh/api/index.html#subscribe", zh) == \
        link_key("https://vuex.vuejs.org/api/#subscribe", zh)
    assert link_key("guide/a.md") == link_key("guide/a") != link_key("guide/b.md")


def test_nextra_heading_ids():
    # vercel/swr-site content/docs/advanced/cache.pt.mdx line 21 (Apache-2.0)
    assert heading_slugs("Cache Provider [#cache-provider]")[0] == "cache-provider"


def test_malformed_fragment_is_kept():
    # vercel/swr-site content/blog/swr-v2.pt.mdx line 332: a double '#' breaks the link
    assert link_key("/blog/swr-v2##modificando-m%C3%BAltiplos-items") != link_key("/blog/swr-v2#mutate-multiple-items")


def test_site_root_with_and_without_slash():
    # cncf/glossary content/tr/containerization.md line 9 vs the other locales
    assert link_key("https://opencontainers.org/") == link_key("https://opencontainers.org")
    assert link_key("/ru/", ("en", "ru")) == link_key("/", ("en", "ru"))
