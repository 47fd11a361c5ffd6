"""inline-code on real pages: a code span whose text the reference writes here as plain, bold or
link text, or says in a longer word, is formatting (info); a span whose text was changed or lost
is not.

Sources (quoted excerpts): open-telemetry/opentelemetry.io content (CC-BY-4.0),
fastapi/fastapi docs (MIT), vuejs/vitepress docs (MIT), vercel/swr-site (MIT),
withastro/starlight docs (MIT).
"""

from __future__ import annotations

from tests.helpers import run_rule, severities
from transcheck.rules import inline_code


def test_a_bold_or_plain_term_formatted_as_code_is_info_span_by_span():
    # opentelemetry.io content/{en,es}/docs/concepts/signals/logs.md:234/209
    en = "> Part of the **Logs Bridge API** and should only be used if you are the author\n> of a logging library.\n"
    es = "> Es parte de la **`Logs Bridge API`** y solo debe usarse si eres el autor de\n> una librería de logging.\n"
    # pt:206 says "API de Logs Bridge": the reference decides
    pt = "> Parte da **API de Logs Bridge** e deve ser usada apenas se você estiver\n> desenvolvendo uma biblioteca.\n"
    found = [f for f in run_rule(inline_code, {"en": en, "es": es, "pt": pt}, reference="en") if f.locale == "es"]
    assert [(f.severity, "formatting only" in f.message) for f in found] == [("info", True)]
    # ibid. :237/212: terms the reference writes as text, and `Logger`s written `Loggers`
    en = ("A Logger Provider (sometimes called `LoggerProvider`) is a factory for\n`Logger`s. In most cases, "
          "the Logger Provider is initialized once and its\nlifecycle matches the application's lifecycle. "
          "Logger Provider initialization\nalso includes Resource and Exporter initialization.\n")
    es = ("Un `Logger Provider` (a veces llamado `LoggerProvider`) es una factoría para\n`Loggers`. En la "
          "mayoría de los casos, el `Logger Provider` se inicializa una\nvez y su ciclo de vida coincide con "
          "el ciclo de vida de la aplicación. La\ninicialización del `Logger Provider` también incluye la "
          "inicialización del\n`Resource` y del `Exporter`.\n")
    assert severities(inline_code, en, "es", es) == ["info"]
    # a changed span beside them stays an error
    assert severities(inline_code, en, "es", es.replace("`Loggers`", "`Registradores`")) == ["error"]


def test_link_text_formatted_as_code_is_info_a_translated_span_in_a_link_is_not():
    # opentelemetry.io content/{en,es}/docs/zero-code/dotnet/_index.md:262/246
    en = "applications using the NuGet packages. See [NuGet packages](./nuget-packages) for more information.\n"
    es = "mediante los paquetes NuGet. Consulte [`Paquetes NuGet`](./nuget-packages) para obtener más información.\n"
    assert severities(inline_code, en, "es", es) == ["info"]
    # opentelemetry.io content/{en,pt}/docs/languages/js/instrumentation.md:878: `Span` became `Trecho`
    en = "[Attributes](/docs/concepts/signals/traces/#attributes) let you attach key/value pairs to a " \
         "[`Span`](/docs/concepts/signals/traces/#spans) so it carries more information.\n"
    pt = "[Atributos](/docs/concepts/signals/traces/#attributes) permitem anexar pares de chave/valor a um " \
         "[`Trecho`](/docs/concepts/signals/traces/#spans) para que ele carregue mais informações.\n"
    assert severities(inline_code, en, "pt", pt) == ["error"]
    # swr-site content/docs/error-handling{,.fr}.mdx:62: the link names another option
    en = "You can also override this behavior via the [onErrorRetry](/docs/api#options) option:\n"
    fr = "Vous pouvez personnaliser le comportement via l'option [`errorRetryInterval`](/docs/api#options) :\n"
    assert severities(inline_code, en, "fr", fr) == ["error"]


def test_a_type_said_in_words_or_an_explanation_in_code_is_info():
    # fastapi docs/{en,zh}/docs/tutorial/path-params.md:39, `str` for "a string" (`str` is code
    # elsewhere on the page)
    en = ("Notice that the value your function received (and returned) is `3`, as a Python `int`, "
          "not a string `\"3\"`.\n\nBy inheriting from `str` the API docs will know the values are strings.\n")
    zh = "注意，函数接收并返回的值是 `3`（ `int`），不是 `\"3\"`（`str`）。\n\n通过从 `str` 继承，API 文档就能知道这些值是字符串。\n"
    assert severities(inline_code, en, "zh", zh) == ["info"]
    # fastapi docs/{en,ru}/docs/tutorial/sql-databases.md:68 (shortened): `NULL` where en says "non-null"
    en = "SQLModel *defines the column as a non-null `INTEGER`* in the database schema.\n"
    ru = "SQLModel *определяет столбец как `INTEGER` (не `NULL`)* в схеме базы данных.\n"
    assert severities(inline_code, en, "ru", ru) == ["info"]
    # a changed command, keyword or option stays an error
    assert severities(inline_code, "Run `npm install foo --save`.\n", "de", "Führen Sie `npm install foo` aus.\n") \
        == ["error"]
    assert severities(inline_code, "Use `await` before the call.\n", "de", "Nutzen Sie `wait` vor dem Aufruf.\n") \
        == ["error"]


def test_a_plain_word_that_lost_its_code_formatting_is_info_a_literal_is_not():
    # vitepress docs/{en,ja}/reference/site-config.md:643/602 (shortened): "head" written as a word
    en = "`transformHead` is a build hook to add extra tags to the `<head>` of each page.\n"
    ja = "`transformHead` は、各ページを生成する前に head を変換するためのビルドフックです。\n"
    assert severities(inline_code, en, "ja", ja) == ["info"]
    # fastapi docs/{en,fr}/docs/advanced/custom-response.md:119: a literal written « text/html »
    en = "* `media_type` - A `str` giving the media type. E.g. `\"text/html\"`.\n"
    fr = "- `media_type` - Une `str` donnant le media type. Par exemple « text/html ».\n"
    assert severities(inline_code, en, "fr", fr) == ["error"]


def test_the_same_word_with_quotes_stays_info_when_the_reference_also_writes_it_as_text():
    # starlight docs/src/content/docs/{,ko/}guides/i18n.mdx:76/75: "root" is also a word of the sentence
    en = ("To set a root locale, use the `root` key in your `locales` config. If the root locale is also the "
          "default locale for your content, remove `defaultLocale` or set it to `'root'`.\n")
    ko = ("루트 로케일을 설정하려면 `locales` 구성에서 `root` 키를 사용하세요. 루트 로케일이 콘텐츠의 기본 로케일이기도 "
          "한 경우 `defaultLocale`을 제거하거나 값을 `root`로 설정하세요.\n")
    assert severities(inline_code, en, "ko", ko) == ["info"]


def test_an_operator_only_the_translation_names_is_info():
    # fastapi docs/{en,zh}/docs/tutorial/dependencies/classes-as-dependencies.md:274: an older
    # wording names `=` and `Depends()` twice
    en = ("You declare the dependency as the type of the parameter, and you use `Depends()` without any "
          "parameter, instead of having to write the full class *again* inside of `Depends(CommonQueryParams)`.\n")
    zh = ("你声明依赖项作为参数的类型，并使用 `Depends()` 作为该函数的参数的 \"默认\" 值(在 `=` 之后)，而在 `Depends()` "
          "中没有任何参数，而不是在 `Depends(CommonQueryParams)` 中*再次*编写完整的类。\n")
    assert severities(inline_code, en, "zh", zh) == ["info"]
    # an added name beside it is still an error
    assert severities(inline_code, en, "zh", zh.replace("(在 `=` 之后)", "(在 `=` 和 `Query()` 之后)")) == ["error"]


def test_the_same_name_written_another_way_is_info_another_name_is_not():
    # withastro/docs src/content/docs/{en,fr}/basics/astro-components.mdx:392 (MIT)
    en = ("Astro supports importing and using `.html` files as components or placing these files within "
          "the `src/pages/` subdirectory as pages.\n")
    fr = ("Astro prend en charge l'importation et l'utilisation de fichiers `.html` en tant que composants ou "
          "le placement de ces fichiers dans le sous-répertoire `src/pages` en tant que pages.\n")
    found = run_rule(inline_code, {"en": en, "fr": fr}, reference="en")
    assert [(f.severity, "the same name written another way" in f.message) for f in found] == [("info", True)]
    # a call's parentheses, how an element is closed (ibid. reference/routing, basics/layouts)
    for a, b in (("`getStaticPaths()`", "`getStaticPaths`"), ("`<slot />`", "`<slot>`"),
                 ('`<slot name="x" />`', '`<slot name="x"/>`')):
        assert severities(inline_code, f"Export {a} from the page file.\n", "fr",
                          f"Exportez {b} depuis le fichier de la page.\n") == ["info"], (a, b)
    # another folder, another function, an argument: still errors
    for a, b in (("`src/pages/`", "`src/content/`"), ("`getStaticPaths()`", "`getStaticProps()`"),
                 ("`render()`", "`render(props)`")):
        assert severities(inline_code, f"Export {a} from the page file.\n", "fr",
                          f"Exportez {b} depuis le fichier de la page.\n") == ["error"], (a, b)


def test_an_html_code_element_is_a_code_span_kbd_is_not_prose():
    # withastro/docs reference/modules/astro-assets.mdx:258 (MIT): "Type" is French too, the rest is code
    en = '**Type:** <code><a href="#imageoutputformat">ImageOutputFormat</a> | undefined</code>\n'
    fr = '**Type :** <code><a href="#imageoutputformat">ImageOutputFormat</a> | undefined</code>\n'
    ko = '**타입:** <code><a href="#imageoutputformat">ImageOutputFormat</a> | undefined</code>\n'
    from transcheck.rules import untranslated
    assert run_rule(untranslated, {"en": en, "fr": fr, "ko": ko}, reference="en") == []
    assert run_rule(inline_code, {"en": en, "fr": fr, "ko": ko}, reference="en") == []
    # vercel/swr-site content/docs/error-handling.{en,ko}.mdx:51 (MIT): the identifiers translated
    en = "Note that <code>data</code> and <code>error</code> can exist at the same time.\n"
    ko = "<code>데이터</code>와 <code>에러</code>는 동시에 존재할 수 있습니다.\n"
    es = "Ten en cuenta que `data` y `error` pueden existir al mismo tiempo.\n"  # a Markdown span is the same span
    found = run_rule(inline_code, {"en": en, "ko": ko, "es": es}, reference="en")
    assert [(f.locale, f.severity, f.expected) for f in found] == [("ko", "error", "`data`, `error`")]
    # a key and an interface label are not compared; otel pt wraps <kbd>Ctrl +\nC</kbd> over two lines
    assert severities(inline_code, "Stop it with <kbd>Ctrl + C</kbd>.\n", "pt",
                      "Pare-o com <kbd>Ctrl +\nC</kbd>.\n") == []


def test_a_code_element_with_attributes_is_not_a_code_span():
    # ant-design components/skeleton/index.{en-US,zh-CN}.md:20 (MIT): a demo embedded under its title
    en = '<code src="./demo/basic.tsx">Basic</code>\n'
    zh = '<code src="./demo/basic.tsx">基本</code>\n'
    assert run_rule(inline_code, {"en-US": en, "zh-CN": zh}, reference="en-US") == []
