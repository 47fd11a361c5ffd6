"""inline-code and number on real pages: a word formatted as code on one side only, the same
word with other quotes or a plural ending, a translated ``<placeholder>`` and a small count
written as a word are info; a changed span, type or value is not.

Sources (quoted excerpts): open-telemetry/opentelemetry.io content (CC-BY-4.0),
fastapi/fastapi docs (MIT), vuejs/pinia packages/docs (MIT), withastro/starlight docs (MIT),
tauri-apps/tauri-docs (MIT), nodejs/nodejs.org apps/site/pages (MIT).
"""

from __future__ import annotations

from tests.helpers import run_rule, severities
from transcheck.rules import inline_code, number


def test_a_term_only_the_translation_formats_as_code_is_info():
    # opentelemetry.io content/{en,es,zh}/docs/concepts/instrumentation/libraries.md:214/230/165
    pages = {"en": "- Is your library a wrapper on top of public, documented RPC API? Would users\n",
             "es": "- ¿Es tu librería un `wrapper` sobre una API RPC pública y documentada?\n",
             "zh": "- 你的库是否是某个公开、文档化的 RPC API 的封装？\n"}
    found = run_rule(inline_code, pages, reference="en")
    assert [(f.locale, f.severity, "plain words" in f.message) for f in found] == [("es", "info", True)]
    # a span with code syntax stays an error (opentelemetry.io zh/docs/contributing/style-guide.md:68)
    pages["es"] = pages["es"].replace("`wrapper`", "`.cspell.yml`")
    assert [f.severity for f in run_rule(inline_code, pages, reference="en")] == ["error"]


def test_an_identifier_written_as_a_word_is_info_a_dropped_phrase_is_not():
    # fastapi docs/{en,ru}/docs/advanced/custom-response.md:118/118
    en = "* `headers` - A `dict` of strings.\n"
    ru = "- `headers` — словарь строк.\n"
    found = run_rule(inline_code, {"en": en, "ru": ru}, reference="en")
    assert [(f.severity, f.message.startswith("missing code span `dict` (plain words")) for f in found] \
        == [("info", True)]
    assert severities(inline_code, en, "ru", "- `headers` — `dict` строк.\n") == []
    # a dropped span of several words is still an error (the lab pages' `file not found`)
    assert severities(inline_code, "You will not get a `file not found` error.\n", "ru",
                      "Вы не получите ошибку «файл не найден».\n") == ["error"]


def test_the_same_word_in_the_plural_or_without_quotes_is_info_a_case_change_is_not():
    # pinia packages/docs/core-concepts/actions.md:32 and zh/...:31 (shortened)
    en = "Like getters, actions get `this`. **Unlike getters, `actions` can be asynchronous**.\n"
    zh = "类似 getter，action 也可通过 `this` 访问。**不同的是，`action` 可以是异步的**。\n"
    found = run_rule(inline_code, {"en": en, "zh": zh}, reference="en")
    assert [(f.severity, "the same word" in f.message) for f in found] == [("info", True)]
    # starlight docs/src/content/docs/{,zh-cn/}reference/configuration.mdx:310 (shortened)
    en = "Language tags with regional subtags (e.g. `\"pt-BR\"` or `\"en-US\"`) use built-in UI.\n"
    zh = "带有区域子标签的语言标签（例如`pt-BR`或`en-US`）将使用内置的 UI 翻译。\n"
    assert severities(inline_code, en, "zh-CN", zh) == ["info"]
    # starlight docs/src/content/docs/{,de/}reference/configuration.mdx: the type `boolean`
    assert severities(inline_code, "**type:** `boolean`\n", "de", "**Typ:** `Boolean`\n") == ["error"]
    # tauri-docs src/content/docs/{,zh-cn/}develop/Plugins/index.mdx:31/37: a key path changed
    en = "The plugin name is specified under [`tauri.conf.json > plugins`](/reference/config/).\n"
    zh = "插件名称由插件配置中的 [`tauri.conf.json > plugin`](/reference/config/) 确定。\n"
    assert severities(inline_code, en, "zh-CN", zh) == ["error"]


def test_a_translated_angle_bracket_placeholder_is_not_drift():
    # opentelemetry.io content/{en,pt}/docs/languages/js/serverless.md:227/233; `address` is
    # also the name of an HTML element, but words follow it, not attributes
    en = "Please make sure that you set the\n`<address for your backend>`.\n"
    pt = "Certifique-se de definir o\n`<endereço do seu backend>`.\n"
    assert severities(inline_code, en, "pt", pt) == []
    assert severities(inline_code, "Add `<address class=\"x\">`.\n", "pt", "Adicione `<address>`.\n") == ["error"]


def test_a_small_count_written_as_a_word_is_info():
    # fastapi docs/{en,de}/docs/advanced/openapi-callbacks.md:106
    en = "There are 2 main differences from a normal *path operation*:\n"
    de = "Es gibt zwei Hauptunterschiede zu einer normalen *Pfadoperation*:\n"
    found = run_rule(number, {"en": en, "de": de}, reference="en")
    assert [(f.severity, "small count" in f.message) for f in found] == [("info", True)]
    assert severities(number, en, "de", "Es gibt 3 Hauptunterschiede:\n") == ["warning"]  # changed
    # pinia packages/docs/zh/getting-started.md:54: a sentence about Vue 2 the reference dropped
    en = "It is much better overall with Vue 3.\n"
    zh = "Vue 3 整体上要好得多。在 Vue 2 中，Pinia 使用的是 Vuex 的现有接口。\n"
    assert severities(number, en, "zh", zh) == ["warning"]
    assert severities(number, "Set `retries: 2` in the file.\n", "de", "Setzen Sie `retries:`.\n") == ["warning"]


def test_a_localized_example_in_a_code_span_is_info_a_translated_span_of_words_is_not():
    # starlight docs/src/content/docs/{,fr/}guides/authoring-content.mdx:142 (shortened)
    en = "You can specify a custom title in square brackets, e.g. `:::tip[Did you know?]`.\n"
    fr = "Vous pouvez spécifier un titre entre crochets, par exemple `:::tip[Le saviez-vous ?]`.\n"
    found = run_rule(inline_code, {"en": en, "fr": fr}, reference="en")
    assert [(f.severity, "localized example" in f.message) for f in found] == [("info", True)]
    assert severities(inline_code, en, "fr", fr.replace(":::tip", ":::note")) == ["error"]
    # starlight docs/src/content/docs/{,ru/}guides/i18n.mdx:74: the page's own locale in a path
    en = "If English is your root locale, a page path would look like `/about` instead of `/en/about`.\n"
    ru = "Если русский является вашей корневой локалью, путь будет выглядеть как `/about` вместо `/ru/about`.\n"
    assert severities(inline_code, en, "ru", ru) == ["info"]
    assert severities(inline_code, en, "ru", ru.replace("/ru/", "/de/")) == ["error"]
    # starlight docs/src/content/docs/{,ru/}guides/i18n.mdx:66: the example's locale (not one of the
    # site's) became the page's own
    en = "   For example, create `ar/index.md` and `en/index.md` to represent the homepage.\n"
    ru = "   Например, создайте `ru/index.md` и `en/index.md` для отображения главной страницы.\n"
    assert severities(inline_code, en, "ru", ru) == ["info"]
    # the lab pages: a span of words translated is a finding (`fichier non trouvé`)
    assert severities(inline_code, "No `file not found` error.\n", "fr",
                      "Pas d'erreur `fichier non trouvé`.\n") == ["error"]


def test_a_translated_example_name_is_info_a_renamed_identifier_is_not():
    # fastapi docs/{en,fr}/docs/tutorial/path-params.md:175 and {en,pt}/.../first-steps.md:325
    en = "You can get the actual value using `model_name.value`, or in general, `your_enum_member.value`:\n"
    fr = "Vous pouvez obtenir la valeur avec `model_name.value`, ou en général, `votre_membre_d_enum.value` :\n"
    assert severities(inline_code, en, "fr", fr) == ["info"]
    assert severities(inline_code, "That `@something` syntax is called a decorator.\n", "pt",
                      "Essa sintaxe `@alguma_coisa` em Python é chamada de decorador.\n") == ["info"]
    # the code around the name changed, or a name without an example word: still errors
    assert severities(inline_code, en, "fr", fr.replace("d_enum.value", "d_enum.valeur")) == ["error"]
    assert severities(inline_code, en, "fr", fr.replace("`model_name.value`", "`nom_du_modele.value`")) \
        == ["error"]


def test_a_dropped_name_and_a_word_the_reference_formats_as_code_stay_errors():
    # tauri-docs src/content/docs/{,zh-cn/}plugin/window-state.mdx:45/43: the zh steps are older
    en = "1. Run the following command in the `src-tauri` folder to add the plugin to `Cargo.toml`:\n"
    zh = "1. 通过将以下内容添加到 `Cargo.toml` 的文件中来安装插件。\n"
    assert severities(inline_code, en, "zh-CN", zh) == ["error"]
    # starlight docs/src/content/docs/{,es/}reference/configuration.mdx:102/102: a stale paragraph
    # names `slug` and `label`, which the reference formats as code in its list
    en = ("A sidebar is an array of links, groups of links, and autogenerated entries.\n\n"
          "- `slug` — a reference to an internal page. A link must also have a `label`.\n")
    es = ("Con la excepción de los elementos que usan `slug`, cada elemento debe tener una `label`.\n\n"
          "- `slug` — una referencia a una página interna. Un enlace también debe tener una `label`.\n")
    assert severities(inline_code, en, "es", es) == ["error"]


def test_an_added_word_the_reference_writes_here_is_info_even_if_it_is_code_elsewhere():
    # fastapi docs/{en,uk}/docs/advanced/templates.md:27-28 and 36 (shortened): `request` is code
    # elsewhere on the page, and here the reference writes "the request object"
    en = ("* Declare a `Request` parameter in the *path operation* that will return a template.\n"
          "* Use the `templates` you created to render and return a `TemplateResponse`, pass the name "
          "of the template, the request object, and a \"context\" dictionary.\n\n"
          "In previous versions, the `request` object was passed as part of the context.\n")
    uk = ("* Оголосіть параметр `Request` в *операції шляху*, яка повертатиме шаблон.\n"
          "* Використайте створені `templates`, щоб зрендерити та повернути `TemplateResponse`; передайте "
          "назву шаблону, об'єкт `request` і словник «контекст».\n\n"
          "У попередніх версіях об'єкт `request` передавався як частина контексту.\n")
    assert severities(inline_code, en, "uk", uk) == ["info"]


def test_a_single_value_on_one_side_only_is_info_two_values_or_a_version_are_not():
    # vercel/swr-site content/docs/arguments{,.ja}.mdx:34 (MIT): the ja callout says `< 2` where
    # en says `< 2.0.0` and also "2 arguments": 2.0.0 is missing, written shorter
    en = ("In the previous versions (< 2.0.0), The `fetcher` function will receive the spreaded "
          "arguments from original `key` when the `key` argument is array type. E.g., key "
          "`[url, token]` will become 2 arguments `(url, token)` for `fetcher` function.\n")
    it = "In older versions (< 2), The `fetcher` function accepts the `key` parameter as arguments separately\n"
    found = run_rule(number, {"en": en, "ja": it}, reference="en")
    assert [(f.severity, "one value on one side only" in f.message) for f in found] == [("info", True)]
    # two values dropped with their sentence stay a warning (a stale passage), and so does a version
    en = "Starting with Node.js 27, there is one major release a year; 26 is the last odd one.\n"
    assert severities(number, en, "de", "Es gibt jedes Jahr eine Hauptversion.\n") == ["warning"]
    assert severities(number, "It needs Python 3.12 or later.\n", "de", "Es braucht Python.\n") == ["warning"]


def test_the_same_version_written_shorter_is_info():
    # the same callout without its second sentence: `< 2` for `< 2.0.0`
    en = ("In the previous versions (< 2.0.0), The `fetcher` function will receive the spreaded "
          "arguments from original `key` when the `key` argument is array type.\n")
    ja = "In older versions (< 2), The `fetcher` function accepts the `key` parameter as arguments separately\n"
    found = run_rule(number, {"en": en, "ja": ja}, reference="en")
    assert [(f.severity, "the same version" in f.message) for f in found] == [("info", True)]
    assert severities(number, en, "ja", ja.replace("< 2", "< 3")) == ["warning"]
