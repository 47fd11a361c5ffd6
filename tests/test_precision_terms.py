"""Terms a translation keeps in the source language, and names it writes where the source says
"it", are not drift; text left untranslated and a changed code span still are.

Sources: fastapi/fastapi docs (MIT) at c3f316b7: the files in tests/data/real/fastapi, and
quoted lines of docs/{en,zh,ko,uk,ru,tr}/docs/... (named at each test).
"""

from __future__ import annotations

from pathlib import Path

from tests.helpers import aligned, context, severities
from transcheck.analyse.language import foreign_spans
from transcheck.analyse.language.pages import translated_in_part
from transcheck.rules import inline_code, markup, mixed_language, number, untranslated

REAL = Path(__file__).parent / "data" / "real" / "fastapi" / "docs"


def _page(name: str, *locales: str):
    texts = {loc: (REAL / loc / "docs" / "tutorial" / name).read_text(encoding="utf-8")
             for loc in ("en", *locales)}
    return aligned(texts, "en")


def _lines(rule, page, locale: str) -> list[int]:
    return sorted(f.line for f in rule.check(page, context(page)) if f.locale == locale)


def test_a_heading_translated_around_kept_terms_is_not_untranslated():
    """es path-operation-configuration.md:91 ``Deprecar una *path operation*``, es
    first-steps.md:314 ``Define un *path operation decorator*`` and hi :51 ``Summary और
    description``: the words that differ from the reference are Spanish or Hindi, the rest is
    the terms the style keeps. hi's headings left wholly in English are still found."""
    page = _page("path-operation-configuration.md", "es", "hi")
    assert _lines(untranslated, page, "es") == []
    assert _lines(untranslated, page, "hi") == [1, 11]  # Path Operation Configuration, Response Status Code
    page = _page("first-steps.md", "es")
    assert 314 not in _lines(untranslated, page, "es")


def test_translated_in_part_needs_words_of_the_language():
    assert translated_in_part("Define un path operation decorator", "Define a path operation decorator", "es", "en")
    # uk docs/tutorial/sql-databases.md:311 beside ru :311: Ukrainian, not a copy of the Russian
    assert translated_in_part("Ми можемо **прочитати** одного героя:", "Мы можем **прочитать** одного героя:",
                              "uk", "ru")
    # tr docs/editor-support.md:18: Turkish around English UI names
    assert translated_in_part("**Route Search** - Ctrl + Shift + E ile path, method veya ada göre arama.",
                              "**Route Search** - Search by path, method, or name with Ctrl + Shift + E.",
                              "tr", "en")
    assert foreign_spans("**Route Search** - <kbd>Ctrl</kbd> + <kbd>Shift</kbd> + <kbd>E</kbd> (macOS: <kbd>Cmd</kbd> "
                         "+ <kbd>Shift</kbd> + <kbd>E</kbd>) ile path, method veya ada göre arama.", "tr") == []
    # swr content/docs/revalidation.es.mdx:9 keeps a phrase, with an English function word
    assert not translated_in_part("Revalidar on focus", "Revalidate on Focus", "es", "en")
    # an English copy with a word or a name changed is still a copy
    en = "This tutorial shows you how to use **FastAPI** with most of its features, step by step."
    assert not translated_in_part(en.replace("most", "all"), en, "de", "en")
    assert not translated_in_part("Install Podman", "Install Docker", "de", "en")


def test_english_terms_with_one_function_word_in_hindi_prose_are_not_mixed_language():
    """hi first-steps.md:412 ``FastAPI Cloud *FastAPI and friends* open source projects का …``:
    one English function word among names and terms is no clause; hi's other term runs too."""
    assert 412 not in _lines(mixed_language, _page("first-steps.md", "hi"), "hi")
    # hi docs/advanced/openapi-callbacks.md:57: terms langdetect reads as Catalan
    assert foreign_spans("लेकिन संभवतः callback का सबसे महत्वपूर्ण हिस्सा यह सुनिश्चित करना है कि आपका API "
                         "user (external developer) *external API* को सही तरह से implement करे।", "hi") == []
    # a clause left in English is still found
    assert foreign_spans("अगर आपको बहुत सारा काम करना है, then you might benefit from using other bigger "
                         "tools like Celery, तो यह उपयोगी हो सकता है।", "hi")


def test_a_code_span_named_where_the_reference_says_it_is_info():
    """zh docs/advanced/custom-response.md:114 names `Response` where en says "It accepts…"
    (en's heading just before is `` ### `Response` ``); ko docs/tutorial/sql-databases.md:244
    repeats `HeroCreate` as the subject. A span only added, which the reference names just
    before and calls "it" here, is info; a changed or dropped one, or a name the reference does
    not lead up to, stays an error."""
    en = ("### `Response`\n\nThe main `Response` class.\n\nYou can return it directly.\n\n"
          "It accepts the following parameters:\n")
    zh = "### `Response`\n\n其他全部的响应都继承自主类 `Response`。\n\n你可以直接返回它。\n\n`Response` 类接受如下参数：\n"
    assert severities(inline_code, en, "zh", zh) == ["info"]
    assert severities(inline_code, en, "zh", zh.replace("`Response` 类接受", "`JSONResponse` 类接受")) == ["error"]
    en = ("Now we create a `HeroCreate` model.\n\nIt has the same fields as `HeroBase`, and it also has "
          "`secret_name`.\n")
    ko = ("이제 `HeroCreate` 모델을 만듭니다.\n\n`HeroCreate`는 `HeroBase`와 동일한 필드를 가지며, "
          "`secret_name`도 포함합니다.\n")
    assert severities(inline_code, en, "ko", ko) == ["info"]
    assert severities(inline_code, en, "ko", ko.replace("`secret_name`도", "secret_name도")) == ["error"]
    # withastro/starlight docs/src/content/docs/{,es/}reference/configuration.mdx:150/151 (MIT): the es
    # sentence is stale (subgroups now expand by default); en's pronoun is in the next sentence: still an error
    en = ("Groups of links are expanded by default. You can change this behavior by setting a group’s "
          "`collapsed` property to `true`.\n\nAutogenerated subgroups are also expanded by default. Set the "
          "`autogenerate.collapsed` property to collapse them.\n")
    es = ("Los grupos de enlaces se expanden de forma predeterminada. Puedes cambiar este comportamiento "
          "estableciendo la propiedad `collapsed` de un grupo como `true`.\n\nLos subgrupos generados "
          "automáticamente respetan por defecto la propiedad `collapsed` de su grupo padre. Puedes establecer "
          "la propiedad `autogenerate.collapsed` para anular esto.\n")
    assert severities(inline_code, en, "es", es) == ["error"]


def test_a_value_said_fewer_times_is_info_a_dropped_value_is_not():
    """ja docs/how-to/migrate-from-pydantic-v1-to-pydantic-v2.md:69 names v2 once where en says
    "from inside of Pydantic v2, to facilitate the migration to v2"."""
    en = ("Since FastAPI 0.119.0, there's also partial support for Pydantic v1 from inside of Pydantic v2, "
          "to facilitate the migration to v2.\n")
    ja = "FastAPI 0.119.0 以降では、移行を容易にするため、Pydantic v2 内の Pydantic v1 に対する部分的サポートもあります。\n"
    assert severities(number, en, "ja", ja) == ["info"]
    assert severities(number, en, "ja", ja.replace("Pydantic v2 内", "Pydantic 内")) == ["warning"]


def test_bold_a_translation_adds_in_html_is_info():
    """uk docs/tutorial/metadata.md:16, inside the `contact` fields table: ``<strong>МАЄ</strong>``
    where en writes "MUST" plain; a lost ``<kbd>`` stays a warning."""
    en = "<td>The URL pointing to the contact information. MUST be in the format of a URL.</td>\n"
    uk = "<td>URL, що вказує на контактну інформацію. <strong>МАЄ</strong> бути у форматі URL.</td>\n"
    assert severities(markup, "Text: " + en, "uk", "Текст: " + uk) == ["info"]
    assert severities(markup, "Press <kbd>Ctrl</kbd> to build.\n", "uk", "Натисніть Ctrl.\n") == ["warning"]


def test_a_url_glued_to_japanese_text_holds_no_numbers():
    """ja docs/tutorial/first-steps.md:67 ``ブラウザで[http://127.0.0.1:8000](http://127.0.0.1:8000)を開きます``:
    the link text is a URL with no space before or after it."""
    en = "Open your browser at [http://127.0.0.1:8000](http://127.0.0.1:8000).\n"
    ja = "ブラウザで[http://127.0.0.1:8000](http://127.0.0.1:8000)を開きます。\n"
    assert severities(number, en, "ja", ja) == []
    assert severities(number, "Port 8000 is free.\n", "ja", "ポート8080は空いています。\n") == ["warning"]


def test_a_count_after_a_name_and_cjk_text_is_no_version():
    """ja docs/tutorial/first-steps.md:209 ``[FastAPI Cloud](…)に1コマンドでデプロイ`` for "with a
    single command": the 1 follows に, not the name; ``Vue 2`` is still a version."""
    en = "You can optionally deploy your FastAPI app to [FastAPI Cloud](https://fastapicloud.com) with a single command.\n"
    ja = "任意でFastAPIアプリを[FastAPI Cloud](https://fastapicloud.com)に1コマンドでデプロイできます。\n"
    assert severities(number, en, "ja", ja) == ["info"]
    assert severities(number, "It runs on Vue.\n", "ja", "このアプリは Vue 2 で動きます。\n") == ["warning"]


def test_a_level_written_as_a_chinese_numeral_is_the_number():
    """withastro/starlight docs/src/content/docs/zh-cn/guides/authoring-content.mdx:106 (MIT):
    ``二级标题 (`<h2>`) 和 三级标题 (`<h3>`)`` for "Level 2 (`<h2>`) and Level 3 (`<h3>`) headings"."""
    en = "Level 2 (`<h2>`) and Level 3 (`<h3>`) headings will automatically appear in the page table of contents.\n"
    zh = "二级标题 (`<h2>`) 和 三级标题 (`<h3>`) 将自动出现在页面目录中。\n"
    assert severities(number, en, "zh-CN", zh) == []
    assert severities(number, en, "zh-CN", zh.replace("三级", "四级")) == ["warning"]


def test_a_near_copy_is_called_nearly_the_same_an_exact_copy_the_same():
    # vercel/swr-site content/docs/revalidation{,.es}.mdx: "Revalidar on focus" (a word translated,
    # English kept) was called "the same as in en"
    from tests.helpers import run_rule
    from transcheck.rules import untranslated

    body = "When you re-focus a page or switch between tabs, SWR automatically revalidates data.\n"
    en = ("# SWR\n\nSWR is a data fetching library that keeps pages fast and up to date.\n\n"
          "## Revalidate on Focus\n\nThe data is loaded again in the background, without rebuilding the page.\n\n"
          + body)
    es = ("# SWR\n\nSWR es una biblioteca para obtener datos que mantiene las páginas rápidas y al día.\n\n"
          "## Revalidar on focus\n\nLos datos se cargan de nuevo en segundo plano, sin reconstruir la página.\n\n"
          "Cuando vuelves a enfocar una página, SWR revalida los datos.\n")
    de = ("# SWR\n\nSWR ist eine Bibliothek zum Abrufen von Daten, die Seiten schnell und aktuell hält.\n\n"
          "## Beim Fokussieren neu validieren\n\nDie Daten werden dabei im Hintergrund erneut geladen, "
          "ohne dass die Seite neu aufgebaut werden muss.\n\n" + body)
    found = run_rule(untranslated, {"en": en, "es": es, "de": de}, reference="en")
    assert [(f.locale, f.message) for f in found] == [
        ("de", "paragraph is the same as in en: not translated to German"),
        ("es", "heading is nearly the same as in en: not translated to Spanish")]


def test_a_heading_of_product_names_is_not_untranslated():
    # vuejs/vitepress docs/{en,ru,ja}/guide/deploy.md:107-111 (MIT): every locale keeps the
    # heading of platform names; "Getting Started Guide" left in English beside a translation still is
    from tests.helpers import run_rule
    from transcheck.rules import untranslated

    names = "### Netlify / Vercel / Cloudflare Pages / AWS Amplify / Render {#generic}\n\n"
    en = ("## Platform Guides {#platform-guides}\n\n" + names
          + "Create a new project and change these settings using your dashboard:\n\n"
          + "## Getting Started Guide {#getting-started}\n\nInstall the package first.\n")
    ru = ("## Руководства по платформам {#platform-guides}\n\n" + names
          + "Создайте новый проект и измените эти настройки с помощью панели управления:\n\n"
          + "## Getting Started Guide {#getting-started}\n\nСначала установите пакет.\n")
    ja = ("## プラットフォーム別ガイド {#platform-guides}\n\n" + names
          + "ダッシュボードで新しいプロジェクトを作成し、次の設定を変更します。\n\n"
          + "## はじめに {#getting-started}\n\nまずパッケージをインストールします。\n")
    found = run_rule(untranslated, {"en": en, "ru": ru, "ja": ja}, reference="en")
    assert [(f.locale, f.line) for f in found] == [("ru", 7)]


def test_the_output_of_an_example_kept_as_is_is_not_untranslated():
    # vuejs/vitepress docs/{en,zh}/guide/markdown.md:166-200 and 136-178 (MIT): zh keeps the
    # ::: danger example and its rendered output in English; output left in English under an
    # example zh translated is reported
    from tests.helpers import run_rule
    from transcheck.rules import untranslated

    example = "```md\n::: danger\nThis is a dangerous warning.\n:::\n```\n\n"
    output = "::: danger\nThis is a dangerous warning.\n:::\n"
    en = "### Default Title\n\n**Input**\n\n" + example + "**Output**\n\n" + output
    zh = "### 默认标题 {#default-title}\n\n**输入**\n\n" + example + "**输出**\n\n" + output
    assert run_rule(untranslated, {"en": en, "zh": zh}, reference="en") == []
    translated = zh.replace("```md\n::: danger\nThis is a dangerous warning.", "```md\n::: danger\n这是一个危险警告。")
    found = run_rule(untranslated, {"en": en, "zh": translated}, reference="en")
    assert [(f.locale, f.line) for f in found] == [("zh", 14)]
