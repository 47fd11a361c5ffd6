"""MDX structure (ESM, JSX components, string props) and admonition blocks."""

from __future__ import annotations

from transcheck.markdown.mdx import scan

STARLIGHT = """---
title: Getting started
---

import { Tabs, TabItem } from '@astrojs/starlight/components';
import {
  Aside,
} from '@astrojs/starlight/components';

Run the following command in your terminal:

<Tabs syncKey="pkg">
<TabItem label="npm">

```sh
npm create astro@latest
```

</TabItem>
<TabItem
  label="Yarn"
  icon={icons.yarn}
>

```sh
yarn create astro
```

</TabItem>
</Tabs>

:::tip[See it in action]
Try it in your browser.
:::

<Aside type="caution" title="Old versions">Check your version first.</Aside>

{/* a comment */}
"""


def test_esm_and_component_lines_leave_the_prose_keeping_line_numbers():
    out = scan(STARLIGHT)
    lines = out.text.split("\n")
    assert len(lines) == len(STARLIGHT.split("\n"))
    assert out.esm_lines == [5, 6, 7, 8]
    assert lines[9] == "Run the following command in your terminal:"
    assert "import" not in out.text and "<Tab" not in out.text and "{/*" not in out.text
    assert "npm create astro@latest" in out.text  # code stays


def test_components_with_kind_and_string_props():
    comps = scan(STARLIGHT).components
    assert [(c.kind, c.line) for c in comps] == [("Tabs", 12), ("TabItem", 13), ("TabItem", 20),
                                                 ("Aside:caution", 36)]
    assert [c.prose for c in comps] == ["", "", "Yarn", "Old versions"]


def test_containers_name_admonitions_and_components():
    out = scan(STARLIGHT)
    assert out.containers[16] == ("<Tabs>", "<TabItem>")  # the npm code block
    assert out.containers[26] == ("<Tabs>", "<TabItem>")  # the yarn one, after a tag on 4 lines
    assert out.containers[33] == ("admonition:tip",)
    assert out.titles == {32: "See it in action"}
    assert 38 not in out.containers  # <Aside>...</Aside> closed on its own line
    assert out.text.split("\n")[35] == "Check your version first."


def test_admonitions_in_plain_markdown_and_code_left_alone():
    text = ("::: warning Careful\nThis deletes data.\n:::\n\n```md\n:::note\n<Tabs>\n```\n\n"
            "::::info\nOuter\n:::danger\nInner\n:::\n::::\n")
    out = scan(text, mdx=False)
    assert out.titles == {1: "Careful"}
    assert out.containers[2] == ("admonition:warning",)
    assert ":::note\n<Tabs>" in out.text and out.components == []
    assert out.containers[13] == ("admonition:info", "admonition:danger")
    assert out.containers[11] == ("admonition:info",)


def test_a_lowercase_html_tag_is_not_a_component():
    out = scan("<details>\n<summary>More</summary>\n\nText.\n</details>\n")
    assert out.components == [] and "<details>" in out.text


def test_command_props_are_code_not_prose():
    # tauri-apps/tauri-docs src/content/docs/plugin/store.mdx:33-38 (MIT)
    text = ('<CommandTabs npm="npm run tauri add store"\n    yarn="yarn run tauri add store"\n'
            '    pnpm="pnpm tauri add store"\n    cargo="cargo tauri add store" />\n\n'
            '<LinkCard title="Install the store plugin" description="$ npm i tauri-plugin-store" />\n')
    comps = scan(text).components
    assert [c.prose for c in comps] == ["", "Install the store plugin"]


# vercel/swr-site content/docs/getting-started.mdx lines 21-26 and getting-started.ko.mdx lines 21-26 (Apache-2.0)
SWR_EN = """<Callout emoji="💡">
  If you want to use GraphQL API or libs like Axios, you can create your own fetcher function.
  Check <Link href="/docs/data-fetching">here</Link> for more examples.
</Callout>

Then you can import `useSWR` and start using it inside any function components:
"""
SWR_KO = """<Callout emoji="💡">
  GraphQL API 또는 Axios와 같은 라이브러리를 사용하려면 여러분만의 fetcher 함수를 생성하면 됩니다.
  <Link href="/docs/data-fetching">여기</Link>에서 더 많은 예시를 확인하세요.
</Callout>

그 다음, `useSWR`을 임포트하고 함수 컴포넌트 내에서 사용하여 시작하면 됩니다.
"""


def test_inline_jsx_opening_a_line_is_prose():
    from tests.helpers import aligned, context
    from transcheck.markdown.parse import parse_markdown
    from transcheck.rules import extra_block, missing_block, structure

    segs = parse_markdown(SWR_KO, "p", "ko", "getting-started.ko.mdx").segments
    assert [(s.line, s.kind, s.container) for s in segs] == [
        (1, "component", ()), (2, "paragraph", ("<Callout>",)), (6, "paragraph", ())]
    assert "여기" in segs[1].prose and scan(SWR_KO).components[0].name == "Callout"
    page = aligned({"en": SWR_EN, "ko": SWR_KO}, "en", page="getting-started.mdx")
    for rule in (structure, missing_block, extra_block):
        assert list(rule.check(page, context(page))) == []
    block = "<Callout>\n<Link href=\"/x\">here</Link>\n</Callout>\n"  # a tag alone on its line: still a component
    assert [c.name for c in scan(block).components] == ["Callout", "Link"]


def test_class_names_and_settings_are_not_prose():
    # nodejs/nodejs.org apps/site/pages/ja/index.mdx:19 (MIT)
    text = ('<Button kind="special" className="!hidden dark:!block" href="/download">Node.js®を入手</Button>\n\n'
            '<Card title="Get started" section="index" />\n')
    assert [c.prose for c in scan(text).components] == ["", "Get started"]


def test_dotted_inline_components_are_not_words():
    # nodejs/nodejs.org apps/site/pages/{en,ro}/download/current.mdx:8 (MIT)
    from tests.helpers import aligned, context
    from transcheck.rules import markup, untranslated
    en = ("# Download\n\nGet Node.js® <Release.VersionDropdown /> for <Release.OperatingSystemDropdown /> "
          "using <Release.InstallationMethodDropdown /> with <Release.PackageManagerDropdown />\n")
    ro = ("# Descărcare\n\nObține Node.js® <Release.VersionDropdown /> pentru <Release.OperatingSystemDropdown /> "
          "folosind <Release.InstallationMethodDropdown /> cu <Release.PackageManagerDropdown />\n")
    for rule in (untranslated, markup):
        page = aligned({"en": en, "ro": ro}, "en", page="current.mdx")
        assert list(rule.check(page, context(page))) == []
    longer = en.replace("PackageManagerDropdown />", "PackageManagerDropdown /> on your machine, then follow the steps below")
    copied = aligned({"en": longer, "ro": longer.replace("# Download", "# Descărcare")}, "en", page="current.mdx")
    assert [f.locale for f in untranslated.check(copied, context(copied))] == ["ro"]


# nodejs/nodejs.org apps/site/pages/{en,pt-br}/about/branding.mdx:35-57 (MIT), shortened
BRAND_EN = """### Node.js® Horizontal Logo

<table>
  <tbody>
    <tr>
      <td>
        <img
          alt="Node.js Dark Horizontal Logo"
          src="/static/logos/nodejsDark.svg"
        />
      </td>
      <td>
        <img alt="Node.js Light Horizontal Logo" src="/static/logos/nodejsLight.svg" />
      </td>
    </tr>
  </tbody>
</table>

---

<hr />
"""
BRAND_PT = """### Logotipo Horizontal do Node.js®

<table>
  <tbody>
    <tr>
      <td>
        <img alt="Logotipo Horizontal Escuro do Node.js" src="/static/logos/nodejsDark.svg" />
      </td>

      <td>
        <img alt="Logotipo Horizontal Claro do Node.js" src="/static/logos/nodejsLight.svg" />
      </td>
    </tr>

  </tbody>
</table>
"""


def test_an_html_element_split_by_blank_lines_is_one_block():
    from tests.helpers import aligned, context
    from transcheck.markdown.parse import parse_markdown
    from transcheck.rules import extra_block, missing_block

    segs = parse_markdown(BRAND_PT, "p", "pt-BR", "pt-br/branding.mdx").segments
    assert [(s.kind, s.line, s.end_line) for s in segs] == [("heading", 1, 1), ("html", 3, 16)]
    en = [(s.kind, s.line) for s in parse_markdown(BRAND_EN, "p", "en", "branding.mdx").segments]
    assert en == [("heading", 1), ("html", 3), ("html", 21)]  # a thematic break between: two blocks
    page = aligned({"en": BRAND_EN.split("\n---")[0], "pt-BR": BRAND_PT}, "en", page="branding.mdx")
    for rule in (missing_block, extra_block):
        assert list(rule.check(page, context(page))) == []
    plain = parse_markdown(BRAND_PT, "p", "pt-BR", "pt-br/branding.md").segments
    assert [s.kind for s in plain] == ["heading", "html", "code", "html"]  # CommonMark: a blank line ends it


# nodejs/nodejs.org apps/site/pages/{en,ja}/download/current.mdx:6-12, en/index.mdx:38-47,
# en/download/archive/index.mdx:6-9 (MIT), shortened
NODE_JA = """<section>

<Release.OperatingSystemDropdown />
用のNode.js® <Release.VersionDropdown />を
<Release.InstallationMethodDropdown />
を使ってダウンロードする

<Release.ReleaseCodeBox />
</section>
"""
NODE_KO = """<section>
이 버전의 <Release.ChangelogLink>변경 내역</Release.ChangelogLink>을 읽어보세요.
</section>

<section>
  <div>
    ```js displayName="Create an HTTP Server"
    // server.mjs
    import { createServer } from 'node:http';

    const server = createServer((req, res) => {
    ```

  </div>
  Learn more what Node.js is able to offer with our [Learning materials](/learn).
</section>

<WithDownloadArchive>
  {({ binaries, installers, version, release, sources }) => (
    <>
      <h1>Node.js® Download Archive</h1>
    </>
)}
</WithDownloadArchive>
"""


def test_jsx_text_lines_fences_and_render_props():
    from transcheck.markdown.parse import parse_markdown

    segs = parse_markdown(NODE_JA, "p", "ja", "ja/current.mdx").segments
    assert [(s.kind, s.line) for s in segs] == [("html", 1), ("paragraph", 3), ("component", 8), ("html", 9)]
    assert "ダウンロードする" in segs[1].prose and "Release" not in segs[1].prose
    segs = parse_markdown(NODE_KO, "p", "ko", "ko/current.mdx").segments
    kinds = [(s.kind, s.line) for s in segs if s.kind != "component"]
    assert kinds == [("html", 1), ("paragraph", 2), ("html", 3), ("code", 7), ("html", 14),
                     ("paragraph", 15), ("html", 16)]  # the render prop's lines are code, not text
    assert "<h1>" in [s for s in segs if s.kind == "html"][-1].text
    assert segs[[s.kind for s in segs].index("code")].text.startswith("// server.mjs\nimport {")
    listed = "1. Run:\n\n        ```sh\n        npm i\n        ```\n"  # under a list item: left as it is
    assert parse_markdown(listed, "p", "en", "x.mdx").segments[1].kind == "code"


# nodejs/nodejs.org apps/site/pages/{en,pt,fr}/about/security-reporting.mdx and eol.mdx (MIT), shortened
NODE_TAGS_EN = """<a
  href="https://bestpractices.coreinfrastructure.org/projects/29"
  style={{ display: 'inline-flex' }}
>
  <img alt="OpenSSF Badge" src="https://bestpractices.coreinfrastructure.org/projects/29/badge" />
</a>

<div className="flex">
  <Button as="a" kind="warning" href="#commercial-support">
    <span>
      Obtenez une assistance en matière de sécurité pour les versions en fin de vie (EOL)
    </span>
  </Button>
</div>
"""


def test_jsx_tags_over_lines_and_inline_elements_stay_html():
    from transcheck.markdown.parse import parse_markdown

    segs = [s for s in parse_markdown(NODE_TAGS_EN, "p", "fr", "fr/eol.mdx").segments if s.kind != "component"]
    assert [(s.kind, s.line, s.end_line) for s in segs] == [("html", 1, 14)]
    assert "Obtenez" in segs[0].text  # words inside <span> on their own lines: element text
    ar = '<a href="https://x.org/29" style={{ display: \'inline-flex\' }}>\n\n  <img alt="شارة OpenSSF" />\n</a>\n'
    assert [s.kind for s in parse_markdown(ar, "p", "ar", "ar/x.mdx").segments] == ["html"]
