"""Stale translations: blocks of an older page are not paired with unrelated reference blocks.

Sources: vuejs/pinia docs (MIT) at 254eec76 and withastro/starlight docs (MIT) at 3999be7c
(files in tests/data/real); a quoted excerpt of vuejs/vitepress docs (MIT) at ed2bfb26.
"""

from __future__ import annotations

from pathlib import Path

from tests.helpers import aligned, context
from transcheck.rules import code_block, inline_code, link_target

REAL = Path(__file__).parent / "data" / "real"


def _pair(page, loc: str, line: int):
    """The reference line paired with ``loc``'s block at ``line`` (None: unpaired)."""
    row = next(r for r in page.rows if r.cells.get(loc) is not None and r.cells[loc].line == line)
    return row.cells["en"].line if row.cells.get("en") is not None else None


def _listed(rule, page, loc: str) -> list[int]:
    return sorted(f.line for f in rule.check(page, context(page)) if f.locale == loc and f.severity != "info")


def test_a_heading_whose_id_names_another_heading_is_not_paired_with_it():
    """pinia ssr/nuxt.md: zh keeps the older page. Its heading ``在 setup() 外部使用 store
    %{#using-the-store-outside-of-setup}%`` (zh:44) names, by the ids zh gives all its
    headings, a heading en no longer has: it is not en's "Awaiting for actions in pages"
    (en:42), and ``这样配置就完成了`` (zh:42) stays with "And that's it" (en:40), the block
    after the same example, not with a look-alike line further down (en:54)."""
    folder = REAL / "pinia" / "packages" / "docs"
    pages = {"en": (folder / "ssr" / "nuxt.md").read_text(encoding="utf-8"),
             "zh": (folder / "zh" / "ssr" / "nuxt.md").read_text(encoding="utf-8")}
    page = aligned(pages, "en", page="ssr/nuxt.md")
    assert _pair(page, "zh", 44) is None
    assert _pair(page, "zh", 42) == 40
    assert _pair(page, "zh", 67) == 79  # 自动引入 %{#auto-imports}%: the id names en's heading
    assert 44 not in _listed(inline_code, page, "zh")


def test_a_renamed_api_s_old_section_is_not_compared_with_the_new_one():
    """starlight reference/plugins.md: es documents ``injectTranslations`` (es:166-227) where en
    now documents ``useTranslations`` (en:301-371) and has ``injectTranslations`` at en:74-136.
    The section es keeps at its old place is paired with en's, across the aligner's order (its
    example es:174 with en:82, not with en's ``useTranslations`` example en:309), and en's new
    blocks are unpaired: no inline-code or code-block error compares the two APIs."""
    folder = REAL / "starlight" / "docs" / "src" / "content" / "docs"
    pages = {loc: (folder / sub / "reference" / "plugins.md").read_text(encoding="utf-8")
             for loc, sub in (("en", ""), ("es", "es"))}
    page = aligned(pages, "en", page="reference/plugins.md")
    assert [_pair(page, "es", line) for line in (166, 168, 174, 198, 218, 227)] == [74, 76, 82, 107, 127, 136]
    assert not {166, 168, 170} & set(_listed(inline_code, page, "es"))
    assert 174 not in _listed(code_block, page, "es")


# vuejs/vitepress docs/{en,ja}/guide/deploy.md:291-313 and 281-300 (MIT)
DEPLOY_EN = """### Hostinger

You can deploy your VitePress project with [Hostinger](https://www.hostinger.com/web-apps-hosting) by following these [instructions](https://www.hostinger.com/support/how-to-deploy-a-nodejs-website-in-hostinger/). While configuring build settings, choose VitePress as the framework and adjust the root directory to `./docs`.

### Stormkit

You can deploy your VitePress project to [Stormkit](https://www.stormkit.io) by following these [instructions](https://stormkit.io/blog/how-to-deploy-vitepress).

### Surge

After running `npm run docs:build`, run this command to deploy to [Surge](https://surge.sh):

```sh
npx surge docs/.vitepress/dist
```

### harvis

After running `npm run docs:build`, run this command to deploy to [harvis](https://harvis.dev):

```sh
npx harvis docs/.vitepress/dist
```
"""
DEPLOY_JA = """### Hostinger

[Hostinger](https://www.hostinger.com/web-apps-hosting) を使用して VitePress プロジェクトをデプロイするには、こちらの [手順](https://www.hostinger.com/support/how-to-deploy-a-nodejs-website-in-hostinger/) に従ってください。ビルド設定の構成では、フレームワークに VitePress を選択し、ルートディレクトリを `./docs` に調整してください。

### Kinsta

[VitePress](https://kinsta.com/static-site-hosting/) を [こちらの手順](https://kinsta.com/docs/vitepress-static-site-example/) に従ってデプロイできます。

### Stormkit

[VitePress プロジェクトを Stormkit にデプロイ](https://stormkit.io/blog/how-to-deploy-vitepress) する手順を参照してください。

### Surge

1. `npm run docs:build` の後、次のコマンドでデプロイします。

   ```sh
    npx surge docs/.vitepress/dist
   ```
"""


def test_headings_kept_as_names_pair_by_name():
    """ja has a Kinsta section en lacks and lacks en's harvis section: ``### Stormkit`` pairs
    with ``### Stormkit`` (not with Kinsta), so Kinsta's links are not "points elsewhere"
    and Stormkit's link is not extra (ja's Stormkit paragraph lacks the home-page link: real)."""
    page = aligned({"en": DEPLOY_EN, "ja": DEPLOY_JA}, "en", page="guide/deploy.md")
    assert _pair(page, "ja", 5) is None  # ### Kinsta
    assert _pair(page, "ja", 9) == 5 and _pair(page, "ja", 13) == 9  # Stormkit, Surge
    assert _pair(page, "ja", 11) == 7
    found = [f for f in link_target.check(page, context(page)) if f.severity != "info"]
    assert [(f.line, f.actual) for f in found] == [(11, "(none)")]
    assert "stormkit.io" in found[0].expected and "kinsta" not in found[0].expected


def test_a_code_span_changed_in_place_is_still_an_error():
    """The same sections with the folder changed in ja's Hostinger paragraph: a pair on the
    diagonal, so the changed span is still reported."""
    ja = DEPLOY_JA.replace("`./docs`", "`./src`")
    page = aligned({"en": DEPLOY_EN, "ja": ja}, "en", page="guide/deploy.md")
    assert 3 in _listed(inline_code, page, "ja")


def _cards(*cards: tuple[str, str, str]) -> str:
    return "## Articles\n\n<CardGrid>\n" + "".join(
        f'\t<LinkCard\n\t\thref="{h}"\n\t\ttitle="{t}"\n\t\tdescription="{d}"\n\t/>\n' for h, t, d in cards) + "</CardGrid>\n"


def test_link_cards_pair_by_their_links():
    """withastro/starlight resources/community-content.mdx and es/... (MIT), cards quoted: es
    keeps three of en's cards; each pairs with en's card to the same page, not with the D2
    card further down (``missing number 2, 2`` on another card)."""
    from transcheck.rules import number
    devm, hybrid, olets = ("https://devm.io/open-source/starlight-astro", "https://frontendatscale.com/blog/"
                           "hybrid-frontend-architecture/", "https://www.olets.dev/posts/comparing-docs-site-"
                           "builders-vuepress-vs-starlight/")
    en = _cards(("https://www.feelback.dev/blog/new-astro-starlight-integration/", "FeelBack",
                 "Add a user feedback system to your docs pages."),
                (devm, "Static Site Generation with Starlight", "An interview with Chris Swithinbank, Starlight Lead"),
                (hybrid, "Hybrid Frontend Architecture with Astro and Starlight",
                 "Maxi Ferreira and Ben Holmes build a docs site with Starlight, TinaCMS, and an interactive API Playground."),
                (olets, "Comparing docs site builders: VuePress vs Starlight", "How do these two frameworks measure up?"),
                ("https://astro.build/case-studies/wp-engine/", "Case Study: Slashing Development Costs",
                 "How WP Engine Lowered Development Costs by Over 50% with Astro’s Starlight."),
                ("https://hideoo.dev/notes/starlight-add-diagrams-using-d2", "Add diagrams to your Starlight documentation using D2",
                 "Learn how to use D2 to add diagrams to your Starlight documentation."))
    es = _cards((devm, "Generación de sitios estáticos con Starlight", "Una entrevista con Chris Swithinbank, líder de Starlight"),
                (hybrid, "Arquitectura híbrida de frontend con Astro y Starlight.",
                 "Maxi Ferreira y Ben Holmes construyen un sitio de documentación con Starlight, TinaCMS, y un Playground de API."),
                (olets, "Comparando constructores de sitios de documentación: VuePress vs. Starlight",
                 "¿Cómo se comparan estos dos frameworks?"))
    page = aligned({"en": en, "es": es}, "en", page="resources/community-content.mdx")
    assert [_pair(page, "es", line) for line in (4, 9, 14)] == [9, 14, 19]
    assert not list(number.check(page, context(page)))


def test_an_intro_joined_with_the_first_list_item_is_one_block():
    """pinia ssr/nuxt.md: zh writes en's intro "By default `@pinia/nuxt` exposes a few auto
    imports:" (en:81) and the first item "`usePinia()`, which is similar to `getActivePinia()`…"
    (en:83) as one paragraph (zh:69). Its spans are not extra and the item is not missing;
    the other three items are. A span the item does not hold is still reported."""
    from transcheck.rules import missing_block
    folder = REAL / "pinia" / "packages" / "docs"
    pages = {"en": (folder / "ssr" / "nuxt.md").read_text(encoding="utf-8"),
             "zh": (folder / "zh" / "ssr" / "nuxt.md").read_text(encoding="utf-8")}
    page = aligned(pages, "en", page="ssr/nuxt.md")
    assert 69 not in _listed(inline_code, page, "zh")
    gone = [f for f in missing_block.check(page, context(page)) if f.locale == "zh" and f.line == 70]
    assert len(gone) == 1 and "missing 4 blocks" in gone[0].message and "usePinia" not in gone[0].message
    pages["zh"] = pages["zh"].replace("它类似于 `getActivePinia()`", "它类似于 `useActivePinia()`")
    page = aligned(pages, "en", page="ssr/nuxt.md")
    assert 69 in _listed(inline_code, page, "zh")


def test_names_written_as_a_list_after_their_paragraph_are_that_paragraph():
    """otel concepts/resources/index.md (tests/data/real/otel-resources): zh writes the three
    attributes en names inline (en:28) as a list after the sentence (zh:30-32). Neither the
    sentence's spans are missing nor the items extra; a list with another name is."""
    from transcheck.rules import extra_block
    folder = REAL / "otel-resources"
    pages = {loc: (folder / loc / "docs" / "concepts" / "resources" / "index.md").read_text(encoding="utf-8")
             for loc in ("en", "zh")}
    page = aligned(pages, "en", page="concepts/resources/index.md")
    assert _pair(page, "zh", 28) == 28
    assert 28 not in _listed(inline_code, page, "zh") and not _listed(extra_block, page, "zh")
    pages["zh"] = pages["zh"].replace("- `telemetry.sdk.version`", "- `telemetry.sdk.build`")
    page = aligned(pages, "en", page="concepts/resources/index.md")
    assert 28 in _listed(inline_code, page, "zh") and _listed(extra_block, page, "zh")
