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
