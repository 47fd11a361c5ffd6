"""Numbers, emphasis, language switchers, HTML comments and shortcodes on real pages.

Sources (quoted excerpts): open-telemetry/opentelemetry.io content (CC-BY-4.0), cncf/glossary
content (Apache-2.0), wailsapp/wails README (MIT), vuejs/pinia packages/docs (MIT).
"""

from __future__ import annotations

from tests.helpers import run_rule
from transcheck.markdown.parse import parse_markdown
from transcheck.rules import broken_anchor, emphasis, extra_block, markup, missing_block, mixed_language, number, untranslated


def test_number_before_a_cjk_counter_is_found():
    # opentelemetry.io docs/zero-code/java/agent/disable.md, en line 272, zh line 251
    en = "Using the default `semconv` suppression strategy would result in 2 nested `CLIENT` spans:\n"
    zh = "使用默认的 `semconv` 禁用策略将导致 2 个嵌套的 `CLIENT` Span：\n"
    assert run_rule(number, {"en": en, "zh": zh}, reference="en") == []
    ko = "기본 `semconv` 억제 전략을 사용하면 3개의 중첩된 `CLIENT` 스팬이 생성됩니다:\n"
    found = run_rule(number, {"en": en, "ko": ko}, reference="en")
    assert [(f.locale, f.expected) for f in found] == [("ko", "2")]


def test_number_glued_to_japanese_is_compared():
    # opentelemetry.io docs/collector/deploy/agent.md: the OTLP port
    en = "The Collector listens on port 4318 for OTLP over HTTP.\n"
    ja = "コレクターはポート4317でOTLP over HTTPをリッスンします。\n"
    found = run_rule(number, {"en": en, "ja": ja}, reference="en")
    assert [(f.locale, f.expected, f.actual) for f in found] == [("ja", "4318", "4317")]


# cncf/glossary content/en/cloud-native-tech.md lines 8-9 and it/... line 9: Italian italicises foreign terms
GLOSSARY_EN = ("Cloud native technologies, also referred to as the cloud native stack,\n"
               "are the technologies used to build [cloud native applications](/cloud-native-apps/).\n")
GLOSSARY_IT = ("Le tecnologie _cloud native_, a cui ci si riferisce anche con il termine _cloud native stack_, "
               "sono le tecnologie utilizzate per la creazione di [applicazioni _cloud native_](/it/cloud-native-apps/).\n")


def test_italic_foreign_terms_are_info_not_markup():
    assert run_rule(markup, {"en": GLOSSARY_EN, "it": GLOSSARY_IT}, reference="en") == []
    found = run_rule(emphasis, {"en": GLOSSARY_EN, "it": GLOSSARY_IT}, reference="en")
    assert [(f.locale, f.severity) for f in found] == [("it", "info")]
    found = run_rule(emphasis, {"en": GLOSSARY_EN, "it": GLOSSARY_IT}, reference="en",
                     severity={"emphasis": "warning"})
    assert found and found[0].rule == "emphasis"


def test_lost_inline_html_is_still_markup():
    en = "Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to stop the Collector.\n"
    ja = "コレクターを停止するには Ctrl+C を押します。\n"
    found = run_rule(markup, {"en": en, "ja": ja}, reference="en")
    assert [(f.locale, f.severity) for f in found] == [("ja", "warning")]


# wailsapp/wails README.md / README.ru.md (MIT): the language switcher under the title
SWITCHER = """[English](README.md) · [简体中文](README.zh-Hans.md) · [日本語](README.ja.md) ·
[한국어](README.ko.md) · [Español](README.es.md) · [Русский](README.ru.md) · [Francais](README.fr.md) · [Uzbek](README.uz.md) · [Deutsch](README.de.md) ·
[Türkçe](README.tr.md) · [Bahasa Indonesia](README.id.md)
"""


def test_language_switcher_is_neither_mixed_nor_untranslated():
    pages = {"en": "# Wails\n\n" + SWITCHER + "\nBuild desktop applications using Go and Web Technologies.\n",
             "ru": "# Wails\n\n" + SWITCHER + "\nСоздавайте настольные приложения с помощью Go и веб-технологий.\n"}
    assert run_rule(mixed_language, pages, reference="en") == []
    assert run_rule(untranslated, pages, reference="en") == []
    intro = ("\nThe traditional method of providing web interfaces to Go programs is via a built-in web server. "
             "Wails offers a different approach: it provides the ability to wrap both Go code and a web frontend "
             "into a single binary.\n")
    intro_ru = ("\nТрадиционный метод предоставления веб-интерфейсов программам Go - через встроенный веб-сервер. "
                "Wails предлагает другой подход: он позволяет объединить код Go и веб-интерфейс "
                "в один исполняемый файл.\n")
    more = "\nTools are provided to make this easy for you by handling project creation, compilation and bundling.\n"
    copied = {"en": pages["en"] + intro + more, "ru": pages["ru"] + intro_ru + more}
    assert [f.line for f in run_rule(untranslated, copied, reference="en")] == [11]


# vuejs/pinia packages/docs/zh/cookbook/testing.md lines 172-176: a comment where the translation is to come
def test_html_comment_is_not_a_block():
    en = "```js\nexpect(store.someAction).toHaveBeenCalledTimes(1)\n```\n\n### Mocking the returned value of an action\n"
    zh = ("```js\nexpect(store.someAction).toHaveBeenCalledTimes(1)\n```\n\n<!-- TODO: translation -->\n\n"
          "### Mocking the returned value of an action\n")
    assert [s.kind for s in parse_markdown(zh).segments] == ["code", "heading"]
    assert run_rule(extra_block, {"en": en, "zh": zh}, reference="en") == []
    assert run_rule(missing_block, {"en": zh, "zh": en}, reference="en") == []


# opentelemetry.io content/{en,ja}/docs/collector/deploy/agent.md lines 43 / 37
def test_shortcode_line_is_not_untranslated_prose():
    en = ("Next, configure the Collector running at `collector.example.com:4318` as follows:\n\n"
          "{{< tabpane text=true >}} {{% tab Traces %}}\n")
    ja = ("次に、`collector.example.com:4318`で実行されているコレクターを次のように設定します。\n\n"
          "{{< tabpane text=true >}} {{% tab Traces %}}\n")
    assert run_rule(untranslated, {"en": en, "ja": ja}, reference="en") == []
    assert run_rule(mixed_language, {"en": en, "ja": ja}, reference="en") == []


def test_translator_added_abbr_is_info():
    # fastapi/fastapi docs/en/docs/tutorial/sql-databases.md and docs/de/... line 94 (MIT)
    en = "A **`Session`** is what stores the objects in memory.\n"
    de = "Eine <abbr title=\"Sitzung\">**`Session`**</abbr> speichert die Objekte im Speicher.\n"
    found = run_rule(markup, {"en": en, "de": de}, reference="en")
    assert [(f.locale, f.severity) for f in found] == [("de", "info")]


def test_ordinal_and_number_words():
    # fastapi docs/en/docs/tutorial/first-steps.md "Step 1" / docs/zh-hant/... line 231 "第一步"
    en = "### Step 1: import `FastAPI`\n"
    zh = "### 第一步：匯入 `FastAPI`\n"
    assert run_rule(number, {"en": en, "zh-hant": zh}, reference="en") == []


def test_heading_id_is_not_prose_but_still_an_anchor():
    # vuejs/pinia packages/docs/cookbook/migration-vuex.md line 1 (en, zh); opentelemetry.io
    # content/{en,zh}/docs/zero-code/js/configuration.md lines 48 and 45
    en = "# Migrating from Vuex ≤4\n\n## Excluding instrumentation libraries\n\nSee [below](#excluding-instrumentation-libraries).\n"
    zh = ("# 从 Vuex ≤4 迁移 %{#migrating-from-vuex-≤4}%\n\n## 排除插桩库 {#excluding-instrumentation-libraries}\n\n"
          "见[下文](#excluding-instrumentation-libraries)。\n")
    pages = {"en": en, "zh": zh}
    assert run_rule(number, pages, reference="en") == []
    assert run_rule(untranslated, pages, reference="en") == []
    assert run_rule(mixed_language, pages, reference="en") == []
    heading = parse_markdown(zh, "p.md", "zh", "zh/p.md").segments[1]
    assert heading.text.endswith("{#excluding-instrumentation-libraries}") and heading.prose.strip() == "排除插桩库"
    assert run_rule(broken_anchor, pages, reference="en") == []
    broken = zh.replace("{#excluding-instrumentation-libraries}", "")
    assert [f.locale for f in run_rule(broken_anchor, {"en": en, "zh": broken}, reference="en")] == ["zh"]


def test_short_heading_copied_from_the_reference_is_untranslated_its_id_is_not():
    # vercel/swr-site content/docs/pagination{,.es,.fr}.mdx lines 314/316/305, advanced/cache{,.pt,.fr}.mdx
    # lines 33/36/33; wailsapp/wails website docs/guides/vscode.mdx line 2 (a name every locale keeps)
    en = "### Parallel Fetching Mode [#parallel-fetching-mode]\n\n## Create Cache Provider [#create-cache-provider]\n"
    es = "### Parallel Fetching Mode [#parallel-fetching-mode]\n\n## Criar Cache Provider [#create-cache-provider]\n"
    fr = ("### Mode de récupération en parallèle [#parallel-fetching-mode]\n\n"
          "## Creation du Fournisseur de Cache [#create-cache-provider]\n")
    found = run_rule(untranslated, {"en": en, "es": es, "fr": fr}, reference="en")
    assert [(f.locale, f.line) for f in found] == [("es", 1)]
    name = "# Visual Studio Code\n"
    assert run_rule(untranslated, {"en": name, "de": name, "fr": name}, reference="en") == []


# ant-design/ant-design docs/spec/research-navigation.{en-US,zh-CN}.md lines 42-54 (MIT)
NAV_EN = """### Information Architecture

• Keep the information architecture hierarchy shallow, flat, and wide as much as possible during design;

• Consider navigation from the user's usage path rather than just based on the hierarchical structure;

• Common organizational methods include:

1. By topic, such as the services or content categories provided by the product, which directly presents the site's content scope;

2. By audience, such as administrators, operators, users;

3. By task, such as understanding cooperation models, contacting cooperation specialists, signing process, cooperation coordination, business operation, customer service.
"""
NAV_ZH = """### 信息架构

• 设计时应尽量保持浅平宽的信息架构层级；

• 从用户的使用路径考虑导航，而非仅基于层级结构；

• 常见的组织方式有：

1. 按主题，例如产品提供的服务或内容分类，好处是直接呈现站点的内容范围；

2. 按受众群体，例如管理员、运营、操作员；

3. 按任务，例如了解合作模式、联系合作专员、签约流程、合作联调、业务运营、客户服务。
"""


def test_chinese_paragraphs_pair_with_their_english_ones_by_length_in_letters():
    from tests.helpers import aligned
    from transcheck.analyse.features import prose_length

    assert prose_length("常见的组织方式有：") == 25 and prose_length("Common methods") == 13
    page = aligned({"en": NAV_EN, "zh-CN": NAV_ZH}, "en")
    pairs = [(r.present()["en"].line, r.present()["zh-CN"].line) for r in page.rows if len(r.present()) == 2]
    assert pairs == [(1, 1), (3, 3), (5, 5), (7, 7), (9, 9), (11, 11), (13, 13)]



def test_numbered_paragraphs_without_list_syntax_are_a_list():
    # ant-design/ant-design docs/spec/research-navigation.{en-US,zh-CN}.md:82-92 (MIT)
    from tests.helpers import aligned, context
    from transcheck.rules import extra_block, missing_block, structure

    en = ("We divide navigation into the following 5 types:\n\n1. Global Navigation\n\n"
          "2. Back Navigation\n\n3. In-Page Navigation\n")
    zh = "我们将导航划分为以下 5 种类型：\n\n1.全局导航\n\n2.返回类导航\n\n3.页内导航\n"
    segs = parse_markdown(zh, "p", "zh-CN", "x.zh-CN.md").segments
    assert [(s.kind, s.text, s.container) for s in segs[1:]] == [
        ("list_item", "全局导航", ("ordered_list",)), ("list_item", "返回类导航", ("ordered_list",)),
        ("list_item", "页内导航", ("ordered_list",))]
    page = aligned({"en": en, "zh-CN": zh}, "en")
    for rule in (missing_block, extra_block, structure):
        assert list(rule.check(page, context(page))) == []
    one = parse_markdown("1.全局导航\n\n另一段。\n", "p", "zh-CN", "x.zh-CN.md").segments
    assert [s.kind for s in one] == ["paragraph", "paragraph"]  # one numbered line is not a list
