"""link-target and broken-anchor on real pages: localized URLs are the same link; anchors
are resolved in their own file.

Sources (quoted excerpts): cncf/glossary content (Apache-2.0), vuejs/pinia packages/docs (MIT),
wailsapp/wails website (MIT), open-telemetry/opentelemetry.io content (CC-BY-4.0),
withastro/starlight docs (MIT).
"""

from __future__ import annotations

from tests.helpers import aligned, context, run_rule
from transcheck.rules import broken_anchor, link_target


def test_locale_prefixed_site_link_is_the_same_link():
    # cncf/glossary content/en/cloud-native-security.md:13 and ru/...:13
    en = "Cloud native security is highly related to the practice called [DevSecOps](/devsecops/).\n"
    ru = "Нативная облачная безопасность тесно связана с практикой, известной как [DevSecOps](/ru/devsecops/).\n"
    assert run_rule(link_target, {"en": en, "ru": ru}, reference="en") == []
    ru_other = ru.replace("/ru/devsecops/", "/ru/devops/")
    found = run_rule(link_target, {"en": en, "ru": ru_other}, reference="en")
    assert [(f.locale, f.severity) for f in found] == [("ru", "error")]


def test_localized_host_and_anchor():
    # vuejs/pinia packages/docs/cookbook/composables.md:3 and zh/...:3 (cn.vuejs.org, translated anchor)
    en = "Composables are functions that leverage Vue Composition API ([Vue docs](https://vuejs.org/guide/reusability/composables.html#composables)).\n"
    zh = "组合式函数是利用 Vue 组合式 API 的函数（[Vue 文档](https://cn.vuejs.org/guide/reusability/composables.html#什么是组合式函数)）。\n"
    assert run_rule(link_target, {"en": en, "zh": zh}, reference="en") == []


def test_locale_suffix_on_the_page_name_is_the_same_link():
    # ant-design/ant-design components/app/index.en-US.md:135 and index.zh-CN.md:136 (dumi: suffix -cn)
    en = "| notification | Global config for Notification | [NotificationConfig](/components/notification/#notificationconfig) |\n"
    zh = "| notification | App 内 Notification 的全局配置 | [NotificationConfig](/components/notification-cn/#notificationconfig) |\n"
    table = "| a | b | c |\n| - | - | - |\n"
    assert run_rule(link_target, {"en-US": table + en, "zh-CN": table + zh}, reference="en-US") == []
    # docs/react/for-agents.{en-US,zh-CN}.md:59: a page name that itself ends in a short word
    md = "Full reference: [design.md](/docs/react/design-md)\n"
    assert run_rule(link_target, {"en-US": md, "zh-CN": md.replace("design-md)", "design-md-cn)")},
                    reference="en-US") == []
    other = zh.replace("notification-cn", "message-cn")
    found = run_rule(link_target, {"en-US": table + en, "zh-CN": table + other}, reference="en-US")
    assert [(f.locale, f.severity) for f in found] == [("zh-CN", "error")]


def test_translator_added_site_link_is_info():
    # cncf/glossary content/en/horizontal-scaling.md lines 10-17 and hi/... lines 12-16:
    # the Hindi page links a glossary term the source leaves plain
    en = """Scaling it horizontally means doing so by adding 3 nodes x 4GB RAM rather than switching to
a 16GB RAM system.

This approach enhances the performance of an application by adding new instances, or nodes,
to better distribute the workload.
"""
    hi = """मान लीजिए, हमारे पास 4GB RAM की एक प्रणाली है और हम इसकी क्षमता को 16GB RAM तक बढ़ाना चाहते हैं,
इसे क्षैतिज रूप से स्केल करने का मतलब 16GB RAM सिस्टम पर जाने के बजाय 4 x 4GB RAM जोड़ना है।

यह तरीका कार्यभार को बेहतर ढंग से वितरित करने के लिए नए इंस्टैंस, या [नोड्स](/nodes/) जोड़कर किसी एप्लिकेशन की कार्यक्षमता को बढ़ाता है।
"""
    found = run_rule(link_target, {"en": en, "hi": hi}, reference="en")
    assert [(f.locale, f.line, f.severity) for f in found] == [("hi", 4, "info")]


# wailsapp/wails website: docs/reference/menus.mdx (lines 68-70, 116-117) and
# i18n/zh-Hans/.../version-v2.15.0/reference/menus.mdx (lines 49-51, 96-97)
WAILS_EN = """## Menu

A Menu is a collection of MenuItems:

| Field   | Type                  | Notes                               |
| ------- | --------------------- | ----------------------------------- |
| SubMenu | [\\*Menu](#menu)       | Sets the submenu                    |
| Click   | [Callback](#callback) | Callback function when menu clicked |

### Callback

Callbacks are functions.
"""
WAILS_ZH = """## 菜单结构体

Menu 是 MenuItem 的集合：

| Field   | Type                  | Notes            |
| ------- | --------------------- | ---------------- |
| SubMenu | [\\*Menu](#menu)       | 设置子菜单        |
| Click   | [Callback](#callback) | 单击菜单时的回调函数 |

### 回调

回调是函数。
"""


def test_anchor_of_an_untranslated_link_to_a_translated_heading():
    found = run_rule(broken_anchor, {"en": WAILS_EN, "zh-Hans": WAILS_ZH}, reference="en")
    assert [(f.locale, f.line, f.actual, f.expected) for f in found] == [
        ("zh-Hans", 7, "#menu", "#菜单结构体"), ("zh-Hans", 8, "#callback", "#回调")]
    assert "it is a heading in en" in found[0].message


def test_anchor_broken_in_its_only_file():
    # cncf/glossary content/zh-tw/contributor-ladder/_index.md lines 72-84 (the id differs from the link)
    zh = """## 3. 維護者 {#maintainers}

維護者是可以批准並合併 PR 的審核者。任何人都可以成為 Glossary 的維護者（參見[成為維護者](#becoming-a-maintainer)）。

### 成為維護者 {#becoming-an-maintainers}
"""
    found = run_rule(broken_anchor, {"zh-tw": zh})
    assert [(f.locale, f.line, f.actual) for f in found] == [("zh-tw", 3, "#becoming-a-maintainer")]


def test_anchor_from_an_include_is_not_reported():
    # open-telemetry/opentelemetry.io content/en/docs/languages/python/exporters.md lines 8-13:
    # the "Collector setup" heading comes from the intro shortcode
    en = """{{% docs/languages/exporters/intro %}}

## Dependencies {#otlp-dependencies}

If you want to send telemetry data to an OTLP endpoint (like the
[OpenTelemetry Collector](#collector-setup), [Jaeger](#jaeger) or
[Prometheus](#prometheus)), you can choose between two different protocols.
"""
    assert run_rule(broken_anchor, {"en": en}) == []


def test_anchor_in_an_included_piece_is_not_reported():
    # opentelemetry.io content/en/docs/languages/_includes/exporters/intro.md line 62:
    # the anchor is a heading of the pages that include this piece
    en = "To send data, [setup the OTLP exporter dependencies](#otlp-dependencies) first.\n"
    page = aligned({"en": en}, page="docs/languages/_includes/exporters/intro.md")
    assert list(broken_anchor.check(page, context(page))) == []
    other = aligned({"en": en})
    assert len(list(broken_anchor.check(other, context(other)))) == 1


def test_link_to_an_anchor_of_the_page_itself_by_path():
    # vercel/swr-site content/docs/advanced/performance.mdx / performance.es.mdx line 8 (Apache-2.0)
    en = "SWR's built-in **caching** and **[deduplication](#deduplication)** skips unnecessary requests.\n"
    es = "El **almacenamiento** y la **[deduplicación](/advanced/performance#deduplication)** integrados de SWR.\n"
    page = aligned({"en": en, "es": es}, reference="en", page="content/docs/advanced/performance.mdx")
    assert list(link_target.check(page, context(page))) == []
    other = aligned({"en": en, "es": es}, reference="en", page="content/docs/advanced/cache.mdx")
    assert [f.locale for f in link_target.check(other, context(other))] == ["es"]


def test_http_and_https_are_one_link():
    # ant-design/ant-design docs/spec/introduce.{en-US,zh-CN}.md:49 (MIT)
    from tests.helpers import run_rule
    from transcheck.rules import link_target

    en = "- [Tencent](http://www.tencent.com)\n"
    zh = "- [腾讯](https://www.tencent.com)\n"
    assert run_rule(link_target, {"en": en, "zh-CN": zh}, reference="en") == []
    moved = run_rule(link_target, {"en": en, "zh-CN": zh.replace("tencent", "baidu")}, reference="en")
    assert [f.severity for f in moved] == ["error"]


def test_the_link_named_missing_is_the_one_this_locale_lacks():
    # withastro/starlight docs/src/content/docs/guides/sidebar.mdx:249 and es/...:247: four of
    # en's five links to the frontmatter reference are in es; the one es lacks is #attrs
    en = ("Sidebar frontmatter options allow you to set a [custom label](/reference/frontmatter/#label), "
          "use [custom attributes](/reference/frontmatter/#attrs), add a [badge](/reference/frontmatter/#badge) "
          "to a link, [hide](/reference/frontmatter/#hidden) a link from the sidebar, or define a "
          "[custom sort weighting](/reference/frontmatter/#order).\n")
    es = ("Las opciones del frontmatter de la barra lateral te permiten establecer un [etiqueta personalizada]"
          "(/es/reference/frontmatter/#label) o agregar una [insignia](/es/reference/frontmatter/#badge) a un "
          "enlace, [ocultar](/es/reference/frontmatter/#hidden) un enlace de la barra lateral o definir un "
          "[peso de ordenación personalizado](/es/reference/frontmatter/#order).\n")
    found = run_rule(link_target, {"en": en, "es": es}, reference="en")
    assert [(f.severity, f.expected) for f in found] == [("error", "/reference/frontmatter/#attrs")]


def test_a_www_host_and_http_are_the_same_site():
    # withastro/docs (MIT) src/content/docs/{en,fr}/guides/cms/sanity.mdx:13
    en = "[Sanity](https://www.sanity.io) is a headless content management system (CMS).\n"
    fr = "[Sanity](http://sanity.io) est un système de gestion de contenu (CMS) headless.\n"
    assert run_rule(link_target, {"en": en, "fr": fr}, reference="en") == []
    # another host is another link
    de = "[Sanity](https://www.sanity.dev) ist ein Headless-CMS.\n"
    assert [f.locale for f in run_rule(link_target, {"en": en, "de": de}, reference="en")] == ["de"]
