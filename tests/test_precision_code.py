"""code-block and inline-code on real pages: placeholders and comments are not drift, code is.

Sources (quoted excerpts): vuejs/pinia packages/docs (MIT), withastro/starlight docs (MIT),
open-telemetry/opentelemetry.io content (CC-BY-4.0).
"""

from __future__ import annotations

from tests.helpers import run_rule, severities
from transcheck.rules import code_block, inline_code

# vuejs/pinia packages/docs/cookbook/migration-vuex.md lines 257-267 and zh/... lines 257-267
PINIA_EN = """```ts
// Pinia
import { useAuthUserStore } from '@/stores/auth-user'

router.beforeEach((to, from, next) => {
  // Must be used within the function!
  const authUserStore = useAuthUserStore()
  if (authUserStore.loggedIn) next()
  else next('/login')
})
```
"""
PINIA_ZH = PINIA_EN.replace("// Must be used within the function!", "// 必须在函数内部使用")


def test_translated_comment_is_not_drift():
    assert run_rule(code_block, {"en": PINIA_EN, "zh": PINIA_ZH}, reference="en") == []


def test_changed_code_next_to_a_translated_comment_is_drift():
    zh = PINIA_ZH.replace("else next('/login')", "else next('/signin')")
    found = run_rule(code_block, {"en": PINIA_EN, "zh": zh}, reference="en")
    assert [(f.locale, f.line, f.severity) for f in found] == [("zh", 9, "info")]
    zh = PINIA_ZH.replace("if (authUserStore.loggedIn)", "if (authUserStore.isLoggedIn)")
    found = run_rule(code_block, {"en": PINIA_EN, "zh": zh}, reference="en")
    assert [(f.locale, f.line, f.severity) for f in found] == [("zh", 8, "error")]


def test_a_comment_in_one_locale_only_is_not_drift():
    en = PINIA_EN.replace("  // Must be used within the function!\n", "")
    assert run_rule(code_block, {"en": en, "zh": PINIA_ZH}, reference="en") == []


# withastro/starlight docs/src/content/docs/guides/sidebar.mdx lines 294-300 and de/... (same lines)
STAR_EN = """```js
starlight({
	sidebar: [
		{
			label: 'Stars',
			items: [
				// A link with a "Supergiant" badge.
"""
STAR_DE = STAR_EN.replace("'Stars'", "'Sterne'").replace('// A link with a "Supergiant" badge.',
                                                          '//Ein Link mit einem "Überriese"-Abzeichen.')


def test_localized_string_literal_is_info():
    found = run_rule(code_block, {"en": STAR_EN + "```\n", "de": STAR_DE + "```\n"}, reference="en")
    assert [(f.locale, f.line, f.severity) for f in found] == [("de", 5, "info")]
    assert "only inside string literals" in found[0].message


# opentelemetry.io docs/platforms/kubernetes/getting-started.md, en line 197, ja line 142
HELM_EN = "```sh\nhelm install otel-collector open-telemetry/opentelemetry-collector --values <path where you saved the chart>\n```\n"
HELM_JA = "```sh\nhelm install otel-collector open-telemetry/opentelemetry-collector --values <チャートを保存した場所へのパス>\n```\n"


def test_translated_placeholder_in_a_code_block():
    assert run_rule(code_block, {"en": HELM_EN, "ja": HELM_JA}, reference="en") == []
    ja = HELM_JA.replace("--values", "--set")
    assert [f.locale for f in run_rule(code_block, {"en": HELM_EN, "ja": ja}, reference="en")] == ["ja"]


# opentelemetry.io docs/contributing/pull-requests.md (zh line 263): placeholders in inline code
def test_translated_placeholder_in_inline_code():
    en = "Stage the file with `git add <your_file_name>`.\n"
    zh = "使用 `git add <你的文件名>` 暂存文件。\n"
    assert run_rule(inline_code, {"en": en, "zh": zh}, reference="en") == []
    zh_changed = "使用 `git commit <你的文件名>` 暂存文件。\n"
    found = run_rule(inline_code, {"en": en, "zh": zh_changed}, reference="en")
    assert [f.locale for f in found] == ["zh"] and "git add <your_file_name>" in found[0].message


# vercel/swr-site content/docs/subscription.mdx and subscription.pt.mdx lines 89-91 (Apache-2.0)
SWR_EN = """```jsx
  if (error) return <div>failed to load</div>
  if (!data) return <div>loading...</div>
  return <div>hello {data}!</div>
```
"""
SWR_PT = """```jsx
  if (error) return <div>erro ao carregar</div>
  if (!data) return <div>carregando...</div>
  return <div>olá {data}!</div>
```
"""


def test_translated_ui_text_in_jsx_is_info():
    found = run_rule(code_block, {"en": SWR_EN, "pt": SWR_PT}, reference="en")
    assert [(f.locale, f.line, f.severity) for f in found] == [("pt", 2, "info")]
    changed = SWR_PT.replace("if (!data)", "if (data)")
    found = run_rule(code_block, {"en": SWR_EN, "pt": changed}, reference="en")
    assert [(f.locale, f.severity) for f in found] == [("pt", "error")]


# withastro/starlight docs/src/content/docs/guides/authoring-content.mdx lines 54-56 and de/... (MIT)
def test_translated_markdown_example_is_info():
    en = ('```md\n![An illustration of planets and stars featuring the word “astro”]'
          '(https://raw.githubusercontent.com/withastro/docs/main/public/default-og-image.png)\n```\n')
    de = ('```md\n![Eine Illustration von Planeten und Sternen mit dem Wort "astro"]'
          '(https://raw.githubusercontent.com/withastro/docs/main/public/default-og-image.png)\n```\n')
    found = run_rule(code_block, {"en": en, "de": de}, reference="en")
    assert [(f.locale, f.severity) for f in found] == [("de", "info")]
    assert "Markdown or text example" in found[0].message


def test_extra_blank_line_and_translated_text_block_are_info():
    # vercel/swr-site content/docs/subscription.es.mdx line 88: one blank line more, UI text translated
    es = SWR_PT.replace("```jsx\n", "```jsx\n  \n").replace("erro ao carregar", "error al cargar")
    found = run_rule(code_block, {"en": SWR_EN, "es": es}, reference="en")
    assert [(f.locale, f.severity) for f in found] == [("es", "info")]
    # vercel/swr-site content/docs/middleware.mdx / middleware.pt.mdx lines 82-90 (plaintext output)
    en = "```plaintext\nenter a\n  enter b\n    enter c\n      useSWR()\n```\n"
    pt = "```plaintext\nentra a\n  entra b\n    entra c\n      useSWR()\n```\n"
    assert severities(code_block, en, "pt", pt) == ["info"]


def test_string_literal_in_a_code_span_is_info():
    # vercel/swr-site content/blog/swr-v2.mdx / swr-v2.fr.mdx line 149 (Apache-2.0)
    en = "The cache is updated to `[...data, 'New Item']` right away.\n"
    fr = "Le cache est mis à jour en `[...data, 'Nouvel Element']` immédiatement.\n"
    assert severities(inline_code, en, "fr", fr) == ["info"]
    fr = "Le cache est mis à jour en `[data, 'Nouvel Element']` immédiatement.\n"
    assert severities(inline_code, en, "fr", fr) == ["error"]


def test_reindented_javascript_is_info():
    # vercel/swr-site content/docs/getting-started.mdx / getting-started.es.mdx line 52: re-indented
    en = "```jsx\nfunction Profile() {\n  const { data } = useSWR('/api/user', fetcher)\n  return <div>{data.name}</div>\n}\n```\n"
    es = "```jsx\n\n    function Profile() {\n        const { data } = useSWR('/api/user', fetcher)\n" \
         "        return <div>{data.name}</div>\n    }\n```\n"
    found = run_rule(code_block, {"en": en, "es": es}, reference="en")
    assert [(f.locale, f.severity) for f in found] == [("es", "info")]
    sh = "```sh\ndocker build -t app .\n```\n"
    assert [f.severity for f in run_rule(code_block, {"en": sh, "es": sh.replace("app .", "app  .")},
                                         reference="en")] == ["error"]


def test_spacing_between_tokens_in_javascript_is_info():
    # vercel/swr-site content/docs/advanced/performance.es.mdx line 26: `useUser ()` for `useUser()`
    en = "```js\nfunction Avatar() {\n  const { data } = useUser()\n}\n```\n"
    es = "```js\nfunction Avatar () {\n  const { data } = useUser ()\n}\n```\n"
    assert severities(code_block, en, "es", es) == ["info"]


# vuejs/pinia packages/docs/cookbook/migration-vuex.md lines 201-219 and zh/... (same lines)
VUEX_EN = """```ts
export default defineComponent({
  setup () {
    const store = useStore()

    const firstName = computed(() => store.state.auth.user.firstName)
    const fullName = computed(() => store.getters['auth/user/fullName'])

    return {
      firstName,
      fullName
    }
  }
})
```
"""
VUEX_ZH = VUEX_EN.replace("setup () {", "setup() {").replace("      fullName\n", "      fullName,\n") \
    .replace("    }\n  }\n})", "    }\n  },\n})")


def test_trailing_commas_and_spacing_before_a_parenthesis_are_layout():
    found = run_rule(code_block, {"en": VUEX_EN, "zh": VUEX_ZH}, reference="en")
    assert [(f.severity, "only in layout (spacing, quotes, trailing commas)" in f.message) for f in found] == [("info", True)]
    changed = VUEX_ZH.replace("firstName,", "lastName,")
    assert severities(code_block, VUEX_EN, "zh", changed) == ["error"]


def test_spacing_around_equals_in_a_code_span_is_info():
    # vercel/swr-site content/docs/pagination.mdx line 196 and pagination.pt.mdx line 194
    en = "- `persistSize = false`: don't reset the page size to 1 (or `initialSize` if set)\n"
    pt = "- `persistSize=false`: não reseta o tamanho da página para 1 (ou `initialSize` se setado)\n"
    assert severities(inline_code, en, "pt", pt) == ["info"]
    pt = pt.replace("persistSize=false", "persistSize=true")
    assert severities(inline_code, en, "pt", pt) == ["error"]


def test_a_shell_prompt_is_not_the_command():
    # opentelemetry.io content/en/docs/languages/js/instrumentation.md lines 170-173 (console block)
    en = "```console\n$ npx tsx app.ts\nListening for requests on http://localhost:8080\n```\n"
    assert run_rule(code_block, {"en": en, "pt": en.replace("$ npx", "$npx ")}, reference="en") != []
    for prompt in ("(main)$ ", "(main) $ ", "> ", "PS C:\\Users\\dev> ", ""):
        other = en.replace("$ npx", prompt + "npx")
        assert run_rule(code_block, {"en": en, "pt": other}, reference="en") == [], prompt
    other = en.replace("$ npx tsx app.ts", "(main) $ npx tsx server.ts")
    assert severities(code_block, en, "pt", other) == ["error"]


# vercel/swr-site content/docs/mutation.mdx lines 192-208 and mutation.pt.mdx (Apache-2.0)
SWR_MUTATION_EN = """```jsx
  return (
    <button
      disabled={isMutating}
      onClick={async () => {
        try {
          const result = await trigger({ username: 'johndoe' }, /* options */)
        } catch (e) {
          // error handling
        }
      }}
    >
      Create User
    </button>
  )
```
"""
SWR_MUTATION_PT = SWR_MUTATION_EN.replace("/* options */", "/* opções */").replace(
    "// error handling", "// lidando com erros").replace("      }}\n    >", "      } }\n    >").replace(
    "Create User", "Criar Usuário")


def test_element_text_on_its_own_line_with_layout_is_a_localized_example():
    found = run_rule(code_block, {"en": SWR_MUTATION_EN, "pt": SWR_MUTATION_PT}, reference="en")
    assert [f.severity for f in found] == ["info"]
    changed = SWR_MUTATION_PT.replace("disabled={isMutating}", "disabled={isLoading}")
    assert severities(code_block, SWR_MUTATION_EN, "pt", changed) == ["error"]


def test_quote_style_and_a_comment_after_an_ideographic_space():
    # vercel/swr-site content/docs/getting-started{,.es}.mdx line 30; with-nextjs{,.ja}.mdx line 190
    en = "```jsx\nimport useSWR from 'swr'\n\nfunction Article() {\n  const { data } = useSWR(['api', 'article', 1], fetcher)\n}\n```\n"
    es = en.replace("'swr'", '"swr"')
    found = run_rule(code_block, {"en": en, "es": es}, reference="en")
    assert [(f.severity, "quotes differ" in f.message) for f in found] == [("info", True)]
    ja = en.replace("{\n  const", "{\n\u3000// 配列スタイルのキーを使用しています\n  const")
    assert run_rule(code_block, {"en": en, "ja": ja}, reference="en") == []


def test_program_output_and_locale_codes_localized_identifiers_not():
    # withastro/starlight docs/src/content/docs/reference/plugins.md lines 297-299 (en), ja 282-284, es 161-163
    en = "```shell\n[long-process-plugin] Starting long process…\n```\n"
    ja = en.replace("Starting long process…", "時間が掛かる処理を開始します…")
    es = en.replace("Starting long process…", "Empezando un proceso largo…")
    found = run_rule(code_block, {"en": en, "ja": ja, "es": es}, reference="en")
    assert [(f.locale, f.severity) for f in found] == [("es", "info"), ("ja", "info")]
    renamed = en.replace("long-process-plugin", "plugin-long-processus")
    assert severities(code_block, en, "fr", renamed) == ["error"]
    # guides/sidebar.mdx lines 590-606 and ja/... lines 580-596: the badge text keyed by the page's locale
    en = ("```js\nstarlight({\n\tsidebar: [\n\t\t{\n\t\t\tlabel: 'Constellations',\n\t\t\tbadge: {\n\t\t\t\ttext: {\n"
          "\t\t\t\t\ten: 'New',\n\t\t\t\t\t'pt-BR': 'Novo',\n\t\t\t\t},\n\t\t\t},\n\t\t},\n\t],\n})\n```\n")
    ja = en.replace("'Constellations'", "'星座'").replace("en: 'New'", "ja: '新規'")
    found = run_rule(code_block, {"en": en, "ja": ja}, reference="en")
    assert [(f.severity, "locale codes" in f.message) for f in found] == [("info", True)]
    ko = en.replace("en: 'New'", "fr: 'New'")  # another locale's code: changed
    assert severities(code_block, en, "ko", ko) == ["error"]
    # (translated example layer names, guides/css-and-tailwind.mdx line 63: see the test below)


def test_a_code_span_written_as_a_capitalised_word_elsewhere_is_formatting():
    # fastapi/fastapi docs/{en,tr}/docs/advanced/websockets.md line 57 (MIT)
    en = "## Await for messages and send messages { #await-for-messages-and-send-messages }\n"
    tr = "## Mesajları `await` Edin ve Mesaj Gönderin { #await-for-messages-and-send-messages }\n"
    assert severities(inline_code, en, "tr", tr) == ["info"]


# ant-design/ant-design docs/blog/issue-helper.{en-US,zh-CN}.md (MIT), shortened
ANTD_EN = """#### 😈 'Good Way'

```
This project sucks, it is full of pitfalls to use, and the documentation is too simple.
```

#### 👼 'Bad Way'

```
How to package and release?
```

```
Import xxx.css into my project, and an error is reported during compilation:

import 'xxx.css';
```
"""
ANTD_ZH = """#### 😈 “正确示范”

```
这个项目烂透了，用起来全是坑，文档也太简略了，这样做开源真是呵呵了
```

#### 👼 “错误示范”

```
请问怎么打包发布？
```

```
在我的项目里引入了 xxx.css，编译时出错了，报错信息如下：

import 'xxx.css';
```
"""


def test_translated_sentences_in_unlabelled_fences_pair_and_are_info():
    from tests.helpers import aligned, context
    from transcheck.rules import extra_block, missing_block

    page = aligned({"en": ANTD_EN, "zh-CN": ANTD_ZH}, "en")
    for rule in (missing_block, extra_block):
        assert list(rule.check(page, context(page))) == []
    found = run_rule(code_block, {"en": ANTD_EN, "zh-CN": ANTD_ZH}, reference="en")
    assert {f.severity for f in found} == {"info"} and len(found) == 3
    changed = ANTD_ZH.replace("import 'xxx.css';", "import 'yyy.css';")
    assert severities(code_block, ANTD_EN, "zh-CN", changed) == ["info", "info", "error"]  # quoted line compared


def test_a_code_span_repeated_in_a_table_row_is_info():
    # ant-design/ant-design components/tabs/index.{en-US,zh-CN}.md:64/66 (MIT)
    en = ("| Property | Description | Type | Default |\n| --- | --- | --- | --- |\n"
          "| size | Preset tab bar size | `large` \\| `medium` \\| `small` | `medium` |\n")
    zh = ("| 参数 | 说明 | 类型 | 默认值 |\n| --- | --- | --- | --- |\n"
          "| size | 大小，提供 `large` `medium` 和 `small` 三种大小 | `large` \\| `medium` \\| `small` | `medium` |\n")
    found = run_rule(inline_code, {"en": en, "zh-CN": zh}, reference="en")
    assert [(f.severity, "repeated" in f.message) for f in found] == [("info", True)]
    new = zh.replace("`small`", "`tiny`")  # a changed value; one only added is a word (info)
    assert severities(inline_code, en, "zh-CN", new) == ["error"]


def test_a_direction_mark_in_a_code_span_is_not_a_change():
    # nodejs/nodejs.org apps/site/pages/{en,fa}/about/index.mdx:51 (MIT): U+200E after the span's text
    en = "Node.js is similar in design to Ruby's `EventMachine::run()` loop.\n"
    fa = "طراحی Node.js شبیه حلقهٔ `EventMachine::run()\u200e` در Ruby است.\n"
    assert run_rule(inline_code, {"en": en, "fa": fa}, reference="en") == []


def test_the_message_names_the_reference_not_the_first_locale_that_agrees():
    # withastro/starlight docs (MIT), guides/getting-started.mdx: the id copy still shows the
    # older upgrade command; de (first in order) agrees with the reference en
    new = "```sh\nnpx @astrojs/upgrade\n```\n"
    found = run_rule(code_block, {"de": new, "en": new, "id": "```sh\nnpm install @astrojs/starlight@latest\n```\n"},
                     reference="en")
    assert [(f.locale, f.message.endswith("expected as in reference en")) for f in found] == [("id", True)]


def test_example_names_translated_in_a_code_block_are_info_other_identifiers_are_not():
    # withastro/starlight docs (MIT), guides/css-and-tailwind.mdx: fr translates the example
    # cascade layer names
    en = "```css\n@layer my-reset, starlight, my-overrides;\n```\n"
    fr = "```css\n@layer ma-reinitialisation, starlight, mes-redefinitions;\n```\n"
    found = run_rule(code_block, {"en": en, "fr": fr}, reference="en")
    assert [(f.severity, "example names" in f.message) for f in found] == [("info", True)]
    changed = "```css\n@layer my-reset, docs, my-overrides;\n```\n"
    assert severities(code_block, en, "fr", changed) == ["error"]


def test_a_typo_in_an_example_name_is_still_drift():
    en = "```sh\nnpm install my-tool\n```\n"
    found = run_rule(code_block, {"en": en, "de": "```sh\nnpm install my-tol\n```\n"}, reference="en")
    assert [f.severity for f in found] == ["error"]
