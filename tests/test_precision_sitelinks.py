"""link-target on real sites: a relative link and an absolute one to the same page are one
link, resolved against the page's path under its locale root; a relative link that names
another page is still drift.

Sources (quoted lines, each run by the real command line on files laid out as the site
has them): hexojs/site @ 59ec5bd2 ``source/`` (Hexo), open-telemetry/opentelemetry.io @
dd5997c8 ``content/`` (Hugo, CC-BY-4.0), vuejs/pinia @ 254eec76 ``packages/docs`` (MIT).
"""

from __future__ import annotations

import json

from tests.helpers import transcheck, write_tree
from transcheck.analyse.sitepaths import locale_root, own_path, readings


def _links(root) -> list[tuple[str, int, str]]:
    res = transcheck("check", str(root), "--no-semantic", "--format", "json", "--select", "link-target")
    data = json.loads(res.stdout)
    assert data["errors"] == [], data["errors"]
    return sorted((f["file"].split(str(root) + "/")[-1], f["line"], f["severity"]) for f in data["findings"])


# hexojs/site source/api/rendering.md:70 and source/ja/api/rendering.md:70 (cut after the links)
HEXO_EN = ("If you are not using a [tag plugin](/docs/tag-plugins) and want to use `{{ }}` in your post "
           "without using content [escaping](/docs/troubleshooting#Escape-Contents), you can disable it.\n")
HEXO_JA = ("[タグプラグイン](../docs/tag-plugins)を使用していない場合で、コンテンツの"
           "[エスケープ](../docs/troubleshooting#コンテンツのエスケープ)を使用せずに記事内で`{{ }}`を使用したい場合。\n")
# source/api/injector.md:41, ja and ko (ko's relative link is under api/: /ko/api/writing, a broken link)
INJ_EN = "- Custom layout name could be used as well, see [Writing - Layout](/docs/writing#Layout).\n"
INJ_JA = "- カスタムレイアウト名も使用できます。[執筆 - レイアウト](../docs/writing#レイアウト)を参照してください。\n"
INJ_KO = "- Custom layout name could be used as well, see [Writing - Layout](writing#Layout).\n"


def test_hexo_relative_links_name_the_same_pages(tmp_path):
    write_tree(tmp_path, {
        "source/api/rendering.md": HEXO_EN, "source/ja/api/rendering.md": HEXO_JA,
        "source/api/injector.md": INJ_EN, "source/ja/api/injector.md": INJ_JA,
        "source/ko/api/injector.md": INJ_KO, "source/ko/api/rendering.md": HEXO_EN,
    })
    assert _links(tmp_path) == [("source/ko/api/injector.md", 1, "error")]


# source/docs/syntax-highlight.md:9 and zh-cn/...:9: a link to the site's own host (Hexo's
# ``_config.yml`` url) and a relative one are the same page
HL_EN = ("Hexo supports two ways to write code block: [Tag Plugin - Code Block](tag-plugins#Code-Block) and "
         "[Tag Plugin - Backtick Code Block](https://hexo.io/docs/tag-plugins#Backtick-Code-Block):\n")
HL_ZH = "Hexo 支持两种代码块写法——[代码块标签插件](tag-plugins#代码块)和[反引号代码块标签插件](tag-plugins#反引号代码块)：\n"


def test_hexo_link_to_its_own_host(tmp_path):
    write_tree(tmp_path, {"source/docs/syntax-highlight.md": HL_EN, "source/zh-cn/docs/syntax-highlight.md": HL_ZH,
                          "source/ja/docs/syntax-highlight.md": HL_EN})
    assert _links(tmp_path) == [("source/zh-cn/docs/syntax-highlight.md", 1, "error")]
    (tmp_path / "_config.yml").write_text("title: Hexo\nurl: https://hexo.io\nroot: /\n", encoding="utf-8")
    assert _links(tmp_path) == []


def test_hugo_page_is_a_folder_and_vitepress_links_files(tmp_path):
    # opentelemetry.io content/en/docs/contributing/style-guide.md:207, zh/...:23 (Hugo serves
    # the page as /docs/contributing/style-guide/, so ../pr-checks is /docs/contributing/pr-checks)
    en = "To learn how to fix validation issues, see [Pull request checks](../pr-checks).\n"
    zh = "如果你遇到错误或 [PR 检查失败](/docs/contributing/pr-checks)，请阅读以下关于我们的风格指南的内容。\n"
    # vuejs/pinia packages/docs/core-concepts/outside-component-usage.md:66 and zh/...:66
    pen = "There is a whole section dedicated to it in the [SSR guide](/ssr/index.md), this is just a short explanation.\n"
    pzh = "在[SSR 指南](../ssr/index.md)中有一整节专门讨论这个问题，这里只是一个简短的解释。\n"
    write_tree(tmp_path, {
        "otel/content/en/docs/contributing/style-guide.md": en,
        "otel/content/zh/docs/contributing/style-guide.md": zh,
        "otel/content/fr/docs/contributing/style-guide.md": zh.replace("/pr-checks", "/pr-check"),
        "pinia/docs/core-concepts/outside-component-usage.md": pen,
        "pinia/docs/zh/core-concepts/outside-component-usage.md": pzh,
    })
    assert _links(tmp_path / "otel") == [("content/fr/docs/contributing/style-guide.md", 1, "warning")]
    assert _links(tmp_path / "pinia") == []


# cncf/glossary @ ca1dc403 (Apache-2.0) content/{en,bn}/data-center.md:9 and {en,tr}/nodes.md:11
GLOSSARY = {
    "hugo.toml": 'baseURL = "https://glossary.cncf.io/"\ndefaultContentLanguage = "en"\n'
                 '[languages.en]\ncontentDir = "content/en"\n[languages.bn]\ncontentDir = "content/bn"\n'
                 '[languages.tr]\ncontentDir = "content/tr"\n',
    "content/en/data-center.md": "These datacenters tend to be connected to high-speed internet lines, "
                                 "especially when focused on [cloud computing](/cloud-computing/).\n",
    "content/bn/data-center.md": "তথ্য কেন্দ্রগুলি উচ্চ-গতির ইন্টারনেট লাইনের সাথে সংযুক্ত থাকে, বিশেষ করে তথ্য কেন্দ্রের "
                                 "ক্ষেত্রে [ক্লাউড কম্পিউটিং](bn/cloud-computing/) উপর নির্ভর করে।\n",
    "content/en/nodes.md": "In [cloud computing](/cloud-computing/), a node can be a physical computer.\n",
    "content/tr/nodes.md": "[Bulut bilişimde](../cloud-computing/) bir düğüm, fiziksel bir bilgisayar olabilir.\n",
}


def test_hugo_serves_pages_as_folders(tmp_path):
    # /bn/data-center/ + bn/cloud-computing/ is /bn/data-center/bn/cloud-computing/: a broken
    # link; /tr/nodes/ + ../cloud-computing/ is /tr/cloud-computing/
    write_tree(tmp_path, GLOSSARY)
    assert _links(tmp_path) == [("content/bn/data-center.md", 1, "error")]


def test_locale_root_and_readings():
    page = "source/api/rendering.md"
    assert locale_root(page, ["/s/hexo/source/api/rendering.md", "/s/hexo/source/ja/api/rendering.md"]) == "source"
    assert locale_root("docs/a.mdx", ["w/i18n/fr/docusaurus-plugin-content-docs/current/a.mdx"]) is None
    assert readings("../docs/x#a", page, "source") == ("/docs/x#a", "/api/docs/x#a")
    assert readings("https://hexo.io/docs/x", page, "source") == ("https://hexo.io/docs/x",)
    assert readings("y", "content/docs/a/_index.md", "content") == ("/docs/a/y",)
    assert readings("../y", "content/docs/a.md", "content", folders=True) == ("/docs/y",)
    assert readings("../y", "content/docs/a.md", "content", folders=False) == ("/y",)
    assert readings("../y.md", "content/docs/a.md", "content", folders=True) == ("/y.md",)
    assert own_path("https://www.hexo.io/ja/docs/x#a", ["https://hexo.io"]) == "/ja/docs/x#a"
    assert own_path("https://example.com/docs/", ["https://example.com/blog/"]) is None
    assert own_path("https://hexo.io.evil.com/docs/", ["https://hexo.io"]) is None


def test_a_link_repeated_in_the_reference_is_info():
    # web-infra-dev/rsbuild (MIT) website/docs/en/config/output/target.mdx:43-47 and zh/...:43-47
    from tests.helpers import run_rule
    from transcheck.rules import link_target

    en = """## Parallel builds

You can use [environments](/config/environments) to build multiple targets in parallel.

To build `web` and `node` outputs simultaneously, use [environments](/config/environments):
"""
    zh = """## 并行构建

你可以使用 [environments](/config/environments) 来并行构建多种 targets。

比如同时构建 `web` 产物和 `node` 产物：
"""
    found = run_rule(link_target, {"en": en, "zh": zh}, reference="en")
    assert [(f.locale, f.line, f.severity) for f in found] == [("zh", 5, "info")]
    gone = zh.replace("[environments](/config/environments)", "environments")
    found = run_rule(link_target, {"en": en, "zh": gone}, reference="en")
    assert [(f.locale, f.line, f.severity) for f in found] == [("zh", 3, "error"), ("zh", 5, "error")]


def test_the_same_page_on_a_localized_edition_is_info():
    # vuejs/vitepress (MIT) docs/en/guide/ssr-compat.md:42 and docs/ru/guide/ssr-compat.md:42
    from tests.helpers import run_rule
    from transcheck.rules import link_target

    en = ("You can also conditionally import a dependency using the `import.meta.env.SSR` flag (part of "
          "[Vite env variables](https://vite.dev/guide/env-and-mode.html#env-variables)):\n")
    ru = ("Вы также можете условно импортировать зависимость с помощью флага `import.meta.env.SSR` (часть "
          "[переменных окружения Vite](https://vite-docs.ru/guide/env-and-mode.html#env-variables)):\n")
    found = run_rule(link_target, {"en": en, "ru": ru}, reference="en")
    assert [(f.locale, f.severity) for f in found] == [("ru", "info")]
    other = ru.replace("env-and-mode", "features")
    assert [f.severity for f in run_rule(link_target, {"en": en, "ru": other}, reference="en")] == ["error"]
    # another language's edition is not this page's
    assert [f.severity for f in run_rule(link_target, {"en": en, "fr": ru}, reference="en")] == ["error"]
    # docs/en/guide/what-is-vitepress.md:17 and ru/...:17 (cut): the Russian editions' home pages
    en = ("It powers this page you are reading right now, along with the documentation for "
          "[Vite](https://vite.dev/), [Rollup](https://rollupjs.org/), [Pinia](https://pinia.vuejs.org/).\n")
    ru = ("Именно она обеспечивает работу этой страницы, а также документации для [Vite](https://vite-docs.ru/), "
          "[Rollup](https://rollupjs.org/), [Pinia](https://pinia-ru.netlify.app).\n")
    assert [f.severity for f in run_rule(link_target, {"en": en, "ru": ru}, reference="en")] == ["info"]
    other = ru.replace("https://vite-docs.ru/", "https://habr.ru/")
    assert [f.severity for f in run_rule(link_target, {"en": en, "ru": other}, reference="en")] == ["error"]


def test_a_link_to_another_anchor_of_a_page_linked_nearby_is_still_drift():
    # withastro/starlight (MIT) docs/src/content/docs/components/icons.mdx:95-100 and es/...:95-100:
    # es links the icons page for the list, not for the type: a stale type, not a repeated link
    from tests.helpers import run_rule
    from transcheck.rules import link_target

    en = """### `name`

**type:** [`StarlightIcon`](/reference/icons/#starlighticon-type)

The name of the icon to display set to [one of Starlight’s built-in icons](/reference/icons/#all-icons).
"""
    es = """### `name`

**tipo:** `string`

El nombre del icono a mostrar establecido en [uno de los iconos integrados de Starlight](/es/reference/icons/#todos-los-iconos).
"""
    found = run_rule(link_target, {"en": en, "es": es}, reference="en")
    assert [(f.locale, f.line, f.severity) for f in found] == [("es", 3, "error")]


def test_a_link_repeated_in_one_paragraph_is_info():
    # hexojs/site source/docs/helpers.md:578 and th/...:575: the Thai paragraph keeps the English
    # sentence beside its translation, so it links Moment.js twice
    from tests.helpers import run_rule
    from transcheck.rules import link_target

    en = ("Inserts formatted date and time. `date` can be unix time, ISO string, date object, or "
          "[Moment.js](http://momentjs.com/) object. `format` is `date_format + time_format` setting by default.\n")
    th = ("Inserts formatted date and time. `date` can be unix time, ISO string, date object, or "
          "[Moment.js](http://momentjs.com/) object. `date` นั้นเป็น unix time, ISO string, date object, หรือ "
          "[Moment.js](http://momentjs.com/) object ได้\n")
    found = run_rule(link_target, {"en": en, "th": th}, reference="en")
    assert [(f.locale, f.severity) for f in found] == [("th", "info")]


def test_two_anchors_of_one_page_are_both_named():
    # vuejs/pinia packages/docs/core-concepts/state.md:39 and zh/...:39 (cut): zh lost both links
    from tests.helpers import run_rule
    from transcheck.rules import link_target

    en = ("Make sure [`strict`](https://www.typescriptlang.org/tsconfig#strict), or at the very least, "
          "[`noImplicitThis`](https://www.typescriptlang.org/tsconfig#noImplicitThis), is enabled.\n")
    zh = "确保启用了 strict，或者至少启用了 noImplicitThis，Pinia 将自动推断您的状态类型！\n"
    found = run_rule(link_target, {"en": en, "zh": zh}, reference="en")
    assert [f.expected for f in found] == ["https://www.typescriptlang.org/tsconfig#strict\n"
                                           "https://www.typescriptlang.org/tsconfig#noImplicitThis"]


def test_the_expected_link_is_written_as_the_reference_writes_it():
    # hexojs/site source/docs/helpers.md: en and zh-tw link the page, ja lost the link; the
    # expected value is en's URL, not the last other locale's /zh-tw/ one
    from tests.helpers import run_rule
    from transcheck.rules import link_target

    en = "See [tag plugins](/docs/tag-plugins) for more.\n"
    zh_tw = "請參閱[標籤外掛](/zh-tw/docs/tag-plugins)。\n"
    ja = "詳しくはタグプラグインを参照してください。\n"
    found = run_rule(link_target, {"en": en, "ja": ja, "zh-TW": zh_tw}, reference="en")
    assert [(f.locale, f.expected) for f in found] == [("ja", "/docs/tag-plugins")]


def test_a_link_in_one_more_table_cell_is_drift():
    # open-telemetry/opentelemetry.io content/en/docs/demo/_index.md:32 and bn/...:30: en lists the
    # payment service under automatic instrumentation too; the Bengali table is older
    from tests.helpers import run_rule
    from transcheck.rules import link_target

    head = "| Language | Automatic | Libraries | Manual |\n| --- | --- | --- | --- |\n"
    en = head + "| JavaScript | [Payment Service](services/payment/) | | [Payment Service](services/payment/) |\n"
    bn = head + "| JavaScript | | | [পেমেন্ট সার্ভিস](services/payment/) |\n"
    found = run_rule(link_target, {"en": en, "bn": bn}, reference="en")
    assert [(f.locale, f.severity) for f in found] == [("bn", "error")]
