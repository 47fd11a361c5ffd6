"""Localized code examples on real sites: human-language text, locale codes and layout are
info; a changed key, identifier, option, number or path stays a finding.

Sources (quoted excerpts, unchanged unless said): withastro/starlight docs @ 3999be7c (MIT),
vuejs/vitepress docs @ ed2bfb26 (MIT).
"""

from __future__ import annotations

from pathlib import Path

from tests.helpers import aligned, context, run_rule, severities
from transcheck.analyse.localized import localized_text_only, mask_locale_codes
from transcheck.rules import code_block, extra_block, inline_code, missing_block, moved_block, number, structure


def run_rules(pages: dict[str, str]) -> list:
    """The structural findings (missing, extra, moved blocks, structure) against en."""
    page = aligned(pages, "en")
    ctx = context(page)
    return [f for rule in (missing_block, extra_block, moved_block, structure) for f in rule.check(page, ctx)]


def test_an_example_heading_id_and_text_translated_after_a_quoted_number_is_info():
    # starlight guides/pages.mdx lines 204-210, fr/guides/pages.mdx line 215: the quote closing
    # level="2" opened no string literal
    en = ("```astro\n---\nimport AnchorHeading from '@astrojs/starlight/components/AnchorHeading.astro';\n---\n\n"
          '<AnchorHeading level="2" id="sub-heading">Sub heading</AnchorHeading>\n```\n')
    fr = en.replace('id="sub-heading">Sub heading', 'id="sous-rubrique">Sous rubrique')
    assert severities(code_block, en, "fr", fr) == ["info"]
    assert severities(code_block, en, "fr", fr.replace('level="2"', 'level="3"')) == ["error"]


# starlight guides/i18n.mdx (en, tabs) and ru/guides/i18n.mdx lines 153-171 (spaces, `ru` for `en`)
_EN_DIFF = """```diff lang="js"
// astro.config.mjs
export default defineConfig({
\tintegrations: [
\t\tstarlight({
-\t\t\ttitle: 'My Docs',
+\t\t\ttitle: {
+\t\t\t\ten: 'My Docs',
+\t\t\t\t'zh-CN': '我的文档',
+\t\t\t},
\t\t\tdefaultLocale: 'en',
\t\t\tlocales: {
\t\t\t\ten: { label: 'English' },
\t\t\t\t'zh-cn': { label: '简体中文', lang: 'zh-CN' },
\t\t\t},
\t\t}),
\t],
});
```
"""
_RU_DIFF = """```diff lang="js"
// astro.config.mjs
export default defineConfig({
  integrations: [
    starlight({
-     title: 'Моя документация',
+     title: {
+       ru: "Моя документация",
+       'zh-CN': '我的文档',
+     },
      defaultLocale: 'ru',
      locales: {
        ru: { label: 'Русский' },
        'zh-cn': { label: '简体中文', lang: 'zh-CN' },
      },
    }),
  ],
});
```
"""


def test_an_i18n_config_written_for_the_translation_s_locale_is_info():
    found = run_rule(code_block, {"en": _EN_DIFF, "ru": _RU_DIFF, "zh-cn": _EN_DIFF}, reference="en")
    assert [(f.locale, f.severity, "locale codes" in f.message) for f in found] == [("ru", "info", True)]
    renamed = _RU_DIFF.replace("defaultLocale", "defaultLang")
    assert severities(code_block, _EN_DIFF, "ru", renamed) == ["error"]


def test_diff_markers_left_out_of_a_translated_block_are_layout():
    # starlight guides/css-and-tailwind.mdx lines 31-47 and ru/... lines 31-46: ru leaves out the `+`
    en = ("```diff lang=\"js\"\nstarlight({\n\ttitle: 'Docs With Custom CSS',\n\tcustomCss: [\n"
          "+\t\t// Relative path to your custom CSS file\n+\t\t'./src/styles/custom.css',\n\t],\n})\n```\n")
    ru = ("```diff lang=\"js\"\nstarlight({\n\ttitle: 'Документация с изменёнными CSS-стилями',\n\tcustomCss: [\n"
          "\t\t// Относительный путь к вашему CSS файлу\n\t\t'./src/styles/custom.css',\n\t],\n})\n```\n")
    assert severities(code_block, en, "ru", ru) == ["info"]
    assert severities(code_block, en, "ru", ru.replace("customCss", "css")) == ["error"]


def test_a_locale_code_of_the_example_written_as_the_page_s_own():
    # vitepress docs/en/guide/i18n.md lines 107-111 and ru/... : /ru/ and Language=ru for fr
    en = "```\n/*  /es/:splat  302  Language=es\n/*  /fr/:splat  302  Language=fr\n/*  /en/:splat  302\n```\n"
    ru = en.replace("/fr/:splat  302  Language=fr", "/ru/:splat  302  Language=ru")
    assert severities(code_block, en, "ru", ru) == ["info"]
    assert severities(code_block, en, "ru", ru.replace("302  Language=ru", "301  Language=ru")) == ["error"]
    assert severities(code_block, en, "ru", en.replace("/fr/", "/de/")) == ["error"]  # not the page's own
    # starlight reference/configuration.mdx: a sidebar example keyed 'pt-BR', zh-cn keys it 'zh-CN'
    exp, act = mask_locale_codes("{ 'pt-BR': 'Comece Aqui' }", "{ 'zh-CN': '从这里开始' }", {"en", "zh-cn", "zh"},
                                 {"zh-cn", "zh"})
    assert exp.replace("Comece Aqui", "从这里开始") == act


def test_localized_values_in_yaml_and_highlighted_js_examples():
    # vitepress docs/en/reference/frontmatter-config.md lines 43-48 and pt/..., fa/...: an
    # unquoted YAML value reworded around the names it keeps, a product name in Persian (ZWNJ)
    en = "```yaml\n---\ntitle: VitePress\ntitleTemplate: Vite & Vue powered static site generator\n---\n```\n"
    pt = en.replace("Vite & Vue powered static site generator", "Gerador de site estático com Vite & Vue")
    assert severities(code_block, en, "pt", pt) == ["info"]
    assert severities(code_block, en, "pt", pt.replace("titleTemplate:", "template:")) == ["error"]
    fa = "```yaml\n---\ndescription: \u0648\u06cc\u062a\u200c\u067e\u0631\u0633\n---\n```\n"
    assert severities(code_block, "```yaml\n---\ndescription: VitePress\n---\n```\n", "fa", fa) == ["info"]
    # a reworded phrase only loses words: not localized
    assert not localized_text_only("run: npm run docs build", "run: npm run")
    # docs/en/guide/markdown.md line 501 (```js{4}) and ja/...: spacing and a translated string
    en = "```js{4}\nexport default {\n  data () {\n    return {\n      msg: 'Highlighted!'\n    }\n  }\n}\n```\n"
    ja = en.replace("data ()", "data()").replace("Highlighted!", "ハイライト！")
    assert severities(code_block, en, "ja", ja) == ["info"]
    assert severities(code_block, en, "ja", ja.replace("msg:", "message:")) == ["error"]


def test_a_code_span_quoting_the_page_s_translated_example_is_info():
    # starlight guides/authoring-content.mdx lines 40-44 and zh-cn/... lines 40-44
    en = "You can highlight `inline code` with backticks.\n\n```md\nYou can highlight `inline code` with backticks.\n```\n"
    zh = "你可以使用反引号高亮 `内联代码`。\n\n```md\n你可以使用反引号高亮 `内联代码`。\n```\n"
    assert severities(inline_code, en, "zh-cn", zh) == ["info"]
    alone = "你可以使用反引号高亮 `内联代码`。\n\n```md\nYou can highlight `inline code` with backticks.\n```\n"
    assert severities(inline_code, en, "zh-cn", alone) == ["error"]  # the example keeps the English words
    # a changed value that code elsewhere on the page also holds is no quote (starlight fr
    # reference/configuration.mdx line 495: `false` for `true`)
    code = "\n\n```js\nstarlight({ pagefind: true, credits: false })\n```\n"
    assert severities(inline_code, "Default: `true`." + code, "fr", "Par défaut : `false`." + code) == ["error"]


def test_translated_markdown_examples_pair_with_their_original():
    # starlight guides/authoring-content.mdx lines 30-44 and ru/... lines 30-44: each example
    # repeats the paragraph before it, translated; only backticks are left to compare
    en = ("Text can be **bold**, _italic_, or ~~strikethrough~~.\n\n```md\nText can be **bold**, _italic_, or "
          "~~strikethrough~~.\n```\n\nYou can highlight `inline code` with backticks.\n\n```md\n"
          "You can highlight `inline code` with backticks.\n```\n\n## Images\n")
    ru = ("Текст может быть **жирным**, _курсивом_ или ~~зачёркнутым~~.\n\n```md\nТекст может быть **жирным**, "
          "_курсивом_ или ~~зачёркнутым~~.\n```\n\nВы можете выделить `код` обратными кавычками.\n\n```md\n"
          "Вы можете выделить `код` обратными кавычками.\n```\n\n## Изображения\n")
    found = run_rule(code_block, {"en": en, "ru": ru}, reference="en")
    assert [(f.severity, f.line) for f in found] == [("info", 4), ("info", 10)]
    assert severities(missing_block, en, "ru", ru) == []


def test_the_digit_of_a_heading_tag_and_an_example_value_quoted_from_the_page():
    # starlight reference/overrides.md line 199 and ko/... line 197: `<h1>` names an element
    en = "Component containing the `<h1>` element for the current page.\n"
    assert severities(number, "Component for the current page.\n", "ko", "현재 페이지의 `<h1>` 요소를 포함하는 컴포넌트입니다.\n") == []
    changed = "현재 페이지의 `<h2>` 요소를 포함하는 컴포넌트입니다.\n"  # a changed tag is a changed code span
    assert (severities(number, en, "ko", changed), severities(inline_code, en, "ko", changed)) == ([], ["error"])
    # components/icons.mdx lines 69 and 116, ru/...: ru adds "for example `2rem`", the size
    # the page's example sets
    example = '\n\n```mdx\n<Icon name="star" color="goldenrod" size="2rem" />\n```\n'
    en = "The size of the icon using CSS units." + example
    ru = "Размер иконки, заданный с помощью единиц CSS. Например, `2rem`." + example
    assert severities(number, en, "ru", ru) == ["info"]
    assert severities(number, en, "ru", ru.replace("`2rem`", "`3rem`")) == ["warning"]
    # ja guides/i18n.mdx line 184: `18n` for `i18n` is no quote of `i18n` in the code
    en = "The `i18n` data collection.\n\n```js\nexport const collections = { i18n: defineCollection() };\n```\n"
    assert severities(number, en, "ja", en.replace("The `i18n`", "`18n`データ")) == ["warning"]


# vuejs/pinia packages/docs/ssr/nuxt.md lines 40-78 and zh/ssr/nuxt.md lines 42-65 (MIT): zh keeps
# an older version of the section, in its old order
_PINIA_EN = "And that's it, use your store as usual!\n\n## Awaiting for actions in pages\n\nAs with `onServerPrefetch()`, you can call a store action within `asyncData()`. Given how `useAsyncData()` works, **make sure to return a value**. This will allow Nuxt to skip running the action on the client side and reuse the value from the server.\n\n```vue{3-4}\n<script setup>\nconst store = useStore()\n// we could also extract the data, but it's already present in the store\nawait useAsyncData('user', () => store.fetchUser())\n</script>\n```\n\nIf your action doesn't resolve a value, you can add any non nullish value:\n\n```vue{3}\n<script setup>\nconst store = useStore()\nawait useAsyncData('user', () => store.fetchUser().then(() => true))\n</script>\n```\n\n::: tip\n\nIf you want to use a store outside of `setup()`, remember to pass the `pinia` object to `useStore()`. We added it to [the context](https://nuxtjs.org/docs/2.x/internals-glossary/context) so you have access to it in `asyncData()` and `fetch()`:\n\n```js\nimport { useStore } from '~/stores/myStore'\n\nexport default {\n  asyncData({ $pinia }) {\n    const store = useStore($pinia)\n  },\n}\n```\n\n:::\n\n"
_PINIA_ZH = "这样配置就完成了，正常使用 store 就好啦!\n\n## 在 `setup()` 外部使用 store %{#using-the-store-outside-of-setup}%\n\n如果你想在 `setup()` 外部使用一个 store，记得把 `pinia` 对象传给 `useStore()`。我们会把它添加到[上下文](https://nuxtjs.org/docs/2.x/internals-glossary/context)中，然后你就可以在 `asyncData()` 和 `fetch()` 中访问它了：\n\n```js\nimport { useStore } from '~/stores/myStore'\n\nexport default {\n  asyncData({ $pinia }) {\n    const store = useStore($pinia)\n  },\n}\n```\n\n与 `onServerPrefetch()` 一样，如果你想在 `asyncData()` 中调用一个存储动作，你不需要做任何特别的事情。\n\n```vue\n<script setup>\nconst store = useStore()\nconst { data } = await useAsyncData('user', () => store.fetchUser())\n</script>\n```\n"


def test_a_move_on_a_page_that_lacks_blocks_is_the_older_order():
    found = run_rule(moved_block, {"en": _PINIA_EN, "zh": _PINIA_ZH}, reference="en")
    assert found and all(f.severity == "info" and "older order" in f.message for f in found)


# vuejs/vitepress docs/en/guide/deploy.md lines 8-21 and ja/... lines 8-21: ja writes the
# package.json block after the list instead of inside its last item
_DEPLOY_EN = 'The following guides are based on some shared assumptions:\n\n- The VitePress site is inside the `docs` directory of your project.\n- You are using the default build output directory (`.vitepress/dist`).\n- VitePress is installed as a local dependency in your project, and you have set up the following scripts in your `package.json`:\n\n  ```json [package.json]\n  {\n    "scripts": {\n      "docs:build": "vitepress build docs",\n      "docs:preview": "vitepress preview docs"\n    }\n  }\n  ```\n'
_DEPLOY_JA = '以下のガイドは、次の前提に基づいています。\n\n- VitePress のサイトはプロジェクトの `docs` ディレクトリ内にある。\n- デフォルトのビルド出力ディレクトリ（`.vitepress/dist`）を使用している。\n- VitePress はプロジェクトのローカル依存としてインストールされており、`package.json` に次のスクリプトが設定されている。\n\n```json [package.json]\n{\n  "scripts": {\n    "docs:build": "vitepress build docs",\n    "docs:preview": "vitepress preview docs"\n  }\n}\n```\n'


def test_a_code_block_outdented_out_of_its_list_step_is_info():
    found = run_rule(structure, {"en": _DEPLOY_EN, "ja": _DEPLOY_JA}, reference="en")
    assert [(f.severity, f.line) for f in found] == [("info", 7)]
    changed = _DEPLOY_JA.replace("```json [package.json]", "::: tip\n\n```json [package.json]") + "\n:::\n"
    assert "warning" in [f.severity for f in run_rule(structure, {"en": _DEPLOY_EN, "ja": changed}, reference="en")]


# vuejs/vitepress docs/en/reference/frontmatter-config.md lines 141-156 and fa/... lines
# 141-156: three lines joined by backslash breaks written as three list items
_ASIDE_EN = "### aside\n\n- Type: `boolean | 'left'`\n- Default: `true`\n\nDefines the location of the aside component in the `doc` layout.\n\nSetting this value to `false` prevents rendering of aside container.\\\nSetting this value to `true` renders the aside to the right.\\\nSetting this value to `'left'` renders the aside to the left.\n\n```yaml\n---\naside: false\n---\n```\n"
_ASIDE_FA = "### aside\n\n- نوع: `boolean | 'left'`\n- پیش\u200cفرض: `true`\n\nتعیین مکان کامپوننت aside در چیدمان `doc`.\n\n- اگر این مقدار را به `false` تنظیم کنید، اجرای کانتینر aside جلوگیری می\u200cکند.\n- اگر این مقدار را به `true` تنظیم کنید، aside به راست اجرا می\u200cشود.\n- اگر این مقدار را به `'left'` تنظیم کنید، aside به چپ اجرا می\u200cشود.\n\n```yaml\n---\naside: false\n---\n```\n"
# docs/en/guide/deploy.md lines 299-306 and zh/... lines 293-300: a step written as a list item
_SURGE_EN = '### Surge\n\nAfter running `npm run docs:build`, run this command to deploy to [Surge](https://surge.sh):\n\n```sh\nnpx surge docs/.vitepress/dist\n```\n\n'
_SURGE_ZH = '\n### Surge\n\n1. 运行 `npm run docs:build` 后，运行此命令进行部署：\n\n   ```sh\n   npx surge docs/.vitepress/dist\n   ```\n'


def test_the_same_text_in_another_shape_is_neither_missing_nor_extra():
    for en, loc, text in ((_ASIDE_EN, "fa", _ASIDE_FA), (_SURGE_EN, "zh", _SURGE_ZH)):
        assert [f.rule for f in run_rules({"en": en, loc: text})] in ([], ["structure"]), loc
    other = _SURGE_ZH.replace("`npm run docs:build`", "`npm run docs:preview`")  # another command: extra
    assert "extra-block" in [f.rule for f in run_rules({"en": _SURGE_EN, "zh": other})]


def test_a_stale_page_s_examples_are_compared_with_their_own_counterparts():
    # starlight reference/plugins.md and es/reference/plugins.md (tests/data/real/starlight):
    # es keeps an older page whose `injectTranslations` section (with its `UIStrings`
    # examples) stands where en now has `useTranslations`; the section is paired with en's
    # (en:74-136), so its examples are compared with their own, not with en's config example
    folder = Path(__file__).parent / "data" / "real" / "starlight" / "docs" / "src" / "content" / "docs"
    pages = {loc: (folder / sub / "reference" / "plugins.md").read_text(encoding="utf-8")
             for loc, sub in (("en", ""), ("es", "es"))}
    found = run_rule(code_block, pages, reference="en")
    assert not [f for f in found if "UIStrings" in f.actual]
    stale = [f for f in found if f.line == 179]  # es's `setup(` where en's example has `i18n:setup(`
    assert [f.severity for f in stale] == ["error"] and "i18n:setup" in stale[0].message
    assert not run_rule(moved_block, pages, reference="en")  # the page's older order, not moves


def test_example_output_naming_what_the_page_s_example_renamed_and_dotted_example_names():
    # starlight reference/plugins.md lines 310-326 and fr/...: fr names the example plugin
    # 'plugin-utilisant-traductions' in its config example and in the output
    en = ("```ts {6}\n// plugin.ts\nexport default {\n  name: 'plugin-use-translations',\n  hooks: {\n"
          "    'config:setup'({ useTranslations, logger }) {\n      const t = useTranslations('zh-CN');\n"
          "      logger.info(t('builtWithStarlight.label'));\n    },\n  },\n};\n```\n\nThe example above will log:\n\n"
          "```shell\n[plugin-use-translations] 基于 Starlight 构建\n```\n")
    fr = en.replace("plugin-use-translations", "plugin-utilisant-traductions").replace(
        "The example above will log:", "L'exemple ci-dessus affichera :")
    assert severities(code_block, en, "fr", fr) == ["info", "info"]
    other = fr.replace("] 基于", "] sur").replace("[plugin-utilisant-traductions]", "[plugin-x]")
    assert "error" in severities(code_block, en, "fr", other)  # a name no example of the page uses
    # reference/configuration.mdx lines 747-748 and fr/... 748-749: example file names translated
    en = "By default, `Example.File.md` would be served at `/examplefile`.\n"
    fr = "Par défaut, `Exemple.Fichier.md` serait diponible à l'URL `/exemplefichier`.\n"
    assert severities(inline_code, en, "fr", fr) == ["info"]
    assert severities(inline_code, en, "fr", fr.replace("Exemple.Fichier.md", "Example.Fichier.md")) == ["error"]
    en = "If you wanted to serve it at `/Example.File`, define a custom `generateId()` function:\n"
    fr = "Si vous souhaitez le rendre disponible à l'URL `/Exemple.Fichier`, définissez `generateId()` :\n"
    assert severities(inline_code, en, "fr", fr) == ["info"]


def test_a_semicolon_before_a_closing_brace_is_layout():
    # starlight reference/configuration.mdx line 75 and zh-cn/...: the type with a last `;`
    en = "**type:** `false | { minHeadingLevel?: number; maxHeadingLevel?: number }`\n"
    zh = "**类型：** `false | { minHeadingLevel?: number; maxHeadingLevel?: number; }`\n"
    assert severities(inline_code, en, "zh-cn", zh) == ["info"]
    assert severities(inline_code, en, "zh-cn", zh.replace("number; }", "string; }")) == ["error"]
    # reference/plugins.md line 33 and ru/...: a type a formatter wrote over lines
    en = "```ts\nconst x: (config: { entrypoint: string; order?: 'pre' | 'post' }) => void;\n```\n"
    ru = "```ts\nconst x: (config: {\n  entrypoint: string;\n  order?: 'pre' | 'post';\n}) => void;\n```\n"
    assert severities(code_block, en, "ru", ru) == ["info"]


def test_names_an_example_declares_renamed_everywhere_are_info():
    # withastro/docs (MIT) src/content/docs/{en,fr}/guides/upgrade-to/v5.mdx:594-604: a prop its own
    # type declares, renamed with every use
    en = ('```astro title="src/components/MyComponent.astro"\n---\ntype Props = {\n  showAlert: boolean\n}\n\n'
          'const { showAlert } = Astro.props;\n---\n{\n  showAlert && <script is:inline>alert("Some very '
          'important code!!")</script>\n}\n```\n')
    fr = en.replace("showAlert", "afficherAlerte").replace("Some very important code!!", "Notification très importante !")
    assert severities(code_block, en, "fr", fr) == ["info"]
    # ibid. de/basics/astro-components.mdx:82: a default import and the relative file it names
    en = ("```astro\n---\nimport ReactPokemonComponent from '../components/ReactPokemonComponent.jsx';\n"
          "const myFavoritePokemon = [/* ... */];\n---\n<ReactPokemonComponent client:visible />\n"
          "<ul>{myFavoritePokemon.map((data) => <li>{data.name}</li>)}</ul>\n```\n")
    de = en.replace("ReactPokemonComponent", "ReactPokemonKomponente").replace("myFavoritePokemon", "meineLieblingspokemon")
    assert severities(code_block, en, "de", de) == ["info"]
    # a use left with the old name is a broken example
    half = de.replace("{meineLieblingspokemon.map", "{myFavoritePokemon.map")
    assert severities(code_block, en, "de", half) == ["error"]


def test_another_api_imported_or_a_renamed_property_stays_an_error():
    # withastro/starlight (MIT) components/using-components.mdx:87-93: es imports another component
    en = ("```astro\n---\nimport type { ComponentProps } from 'astro/types';\n"
          "import { Badge } from '@astrojs/starlight/components';\n\n"
          "type BadgeProps = ComponentProps<typeof Badge>;\n---\n```\n")
    es = en.replace("Badge", "Icon").replace("@astrojs/starlight/components", "@astrojs/starlight/icon")
    assert severities(code_block, en, "es", es) == ["error"]
    # a property of an API object is not the example's own name
    en = "```js\nconst member = Color.RED;\nconsole.log(member.value);\n```\n"
    assert severities(code_block, en, "fr", en.replace(".value", ".valeur")) == ["error"]


def test_a_paragraph_left_out_of_a_list_indented_by_two_spaces_is_info():
    # vuejs/vue-router docs/api/README.md:214-219 and docs/ja/api/README.md:191-196 (MIT): ja indents
    # the list by two spaces, so the paragraph under it falls out of the last item
    en = ("### name\n\n- type: `string`\n- default: `\"default\"`\n\n  When a `<router-view>` has a name, it will "
          "render the component with the corresponding name in the matched route record's `components` option.\n")
    ja = ("### name\n\n  - 型: `string`\n  - デフォルト: `\"default\"`\n\n  `<router-view>` が名前を持つ時、マッチした"
          "ルートレコードの `components` オプション内で対応する名前のコンポーネントを描画します。\n")
    found = run_rule(structure, {"en": en, "ja": ja}, reference="en")
    assert [(f.severity, "the same paragraph, indented into or out of a list item" in f.message) for f in found] \
        == [("info", True)]
    # a paragraph that became a list item is another shape
    item = ja.replace("\n\n  `<router-view>`", "\n  - `<router-view>`")
    assert "warning" in [f.severity for f in run_rule(structure, {"en": en, "ja": item}, reference="en")]
