"""Blocks present in every locale are not missing, extra or moved (alignment on real pages).

Sources: fastapi/fastapi docs (MIT) at c3f316b7 (files in tests/data/real/fastapi); quoted
excerpts of vercel/swr-site content (Apache-2.0) at d2557b11 and of
open-telemetry/opentelemetry.io content (CC-BY-4.0) at dd5997c8; withastro/starlight docs (MIT)
at 3999be7c (files in tests/data/real/starlight).
"""

from __future__ import annotations

from pathlib import Path

from tests.helpers import aligned, context
from transcheck.rules import extra_block, missing_block, moved_block, structure

REAL = Path(__file__).parent / "data" / "real"


def _fastapi(locale: str) -> str:
    return (REAL / "fastapi" / "docs" / locale / "docs" / "tutorial" / "first-steps.md").read_text(encoding="utf-8")


def _structural(page) -> list:
    ctx = context(page)
    return [f for rule in (missing_block, extra_block, moved_block, structure) for f in rule.check(page, ctx)]


def test_same_shaped_stretch_pairs_in_order():
    """fastapi first-steps.md:281-283: a short ``One of:`` beside a longer sentence. Both
    sides hold two paragraphs between the heading and the list, so they pair in order,
    not as one missing and one extra block."""
    page = aligned({"en": _fastapi("en"), "ja": _fastapi("ja")}, "en")
    rows = [r for r in page.rows if r.cells["en"] is not None and r.cells["en"].line in (281, 283)]
    assert [r.cells["ja"].line for r in rows] == [281, 283]
    assert _structural(page) == []


def test_a_paragraph_really_missing_is_still_found():
    """The same page with ``One of:``'s translation dropped: the counts differ, so it is missing."""
    ja = _fastapi("ja").replace("以下のようなものの1つ:\n\n", "")
    page = aligned({"en": _fastapi("en"), "ja": ja}, "en")
    found = list(missing_block.check(page, context(page)))
    assert [f.expected for f in found] == ["One of:"]


# vercel/swr-site content/docs/data-fetching{,.ja,.pt}.mdx:33-36 (Apache-2.0)
CALLOUT = """<Callout emoji="💡">
{indent}{text}<br/>
{indent}<a target="_blank" rel="noopener" href="https://nextjs.org/blog/next-9-1-7#new-built-in-polyfills-fetch-url-and-objectassign">New Built-In Polyfills: fetch(), URL, and Object.assign</a>
</Callout>
"""


def test_a_line_opening_with_inline_html_is_prose_in_every_locale():
    """``<strong>Next.js</strong> を使用…`` and ``<a href="…">New Built-In…</a>`` open their
    lines with a tag and go on with words: one paragraph in each locale, as CommonMark
    reads them (they were HTML blocks in one locale and prose in another)."""
    texts = {"en": ("  ", "If you are using <strong>Next.js</strong>, you don't need to import this polyfill:"),
             "ja": ("  ", "<strong>Next.js</strong> を使用している場合は、次のポリフィルをインポートする必要はありません："),
             "pt": ("    ", "Se você está usando <strong>Next.js</strong>, você não precisa importar este polyfill:")}
    pages = {loc: CALLOUT.format(indent=ind, text=t) for loc, (ind, t) in texts.items()}
    page = aligned(pages, "en", page="data-fetching.mdx")
    for loc, text in pages.items():
        segs = [s for s in page.documents[loc].segments if s.kind != "component"]
        assert [(s.kind, s.line, s.end_line) for s in segs] == [("paragraph", 2, 3)], loc
    assert _structural(page) == []


# open-telemetry/opentelemetry.io content/{en,zh}/docs/concepts/resources/index.md:46-55 (CC-BY-4.0)
RESOURCES_EN = """## Custom resources

You can also provide your own resource attributes. You can either provide them
in code or via populating the environment variable `OTEL_RESOURCE_ATTRIBUTES`.
If applicable, use the
[semantic conventions for your resource attributes](/docs/specs/semconv/resource).
For example, you can provide the name of your
[deployment environment](/docs/specs/semconv/resource/deployment-environment/)
using `deployment.environment.name`:

```shell
env OTEL_RESOURCE_ATTRIBUTES=deployment.environment.name=production yourApp
```
"""
RESOURCES_ZH = """## 自定义资源属性 {#custom-resources}

你也可以自定义资源属性。可以通过代码提供，或者通过设置环境变量 `OTEL_RESOURCE_ATTRIBUTES` 来传入。

如果适用，建议参考[资源属性的语义约定](/docs/specs/semconv/resource)。

例如，你可以通过设置 `deployment.environment.name` 来指明部署环境的名称：

```shell
env OTEL_RESOURCE_ATTRIBUTES=deployment.environment.name=production yourApp
```
"""


def test_a_paragraph_split_in_three_is_not_extra_nor_missing():
    """zh cuts en's paragraph in three: one part pairs with it, the two others are its rest
    (together they fit its length, their code spans and links are in it)."""
    page = aligned({"en": RESOURCES_EN, "zh": RESOURCES_ZH}, "en")
    assert list(extra_block.check(page, context(page))) == []
    merged = aligned({"zh": RESOURCES_ZH, "en": RESOURCES_EN}, "zh")  # the other way: en merges three
    assert list(missing_block.check(merged, context(merged))) == []


def test_an_added_paragraph_next_to_a_short_one_is_still_extra():
    """A paragraph with a link en does not have is no part of en's paragraph: the parts
    next to it are reported with it (one finding)."""
    zh = RESOURCES_ZH.replace("如果适用，建议参考[资源属性的语义约定](/docs/specs/semconv/resource)。",
                              "另见[资源检测器](/docs/languages/js/resources/)。")
    page = aligned({"en": RESOURCES_EN, "zh": zh}, "en")
    found = list(extra_block.check(page, context(page)))
    assert len(found) == 1 and "资源检测器" in found[0].actual


def _starlight(locale: str) -> str:
    folder = REAL / "starlight" / "docs" / "src" / "content" / "docs" / locale
    return (folder / "components" / "using-components.mdx").read_text(encoding="utf-8")


def test_a_paragraph_split_by_an_mdx_comment_with_a_localized_link_is_not_extra():
    """starlight es using-components.mdx:35-37: an MDX comment cuts the paragraph in two; one
    part links the Spanish Astro docs (another path): the parts hold as many links as the
    whole, so it is a split, not an extra paragraph."""
    page = aligned({"en": _starlight(""), "es": _starlight("es")}, "en", page="using-components.mdx")
    lines = [s.line for s in page.documents["es"].segments if s.kind == "paragraph"]
    assert 35 in lines and 37 in lines
    assert _structural(page) == []


# vercel/swr-site content/examples/subscription{,.ru}.mdx:6-18 (Apache-2.0)
IFRAME = """<iframe
  src="https://codesandbox.io/embed/swr-subscription-example-o0m1pg?fontsize=14&hidenavigation=1&theme=dark"
  style={{
    width: '100%',
    height: '100%',
    border: 0,
    overflow: 'hidden',
    background: 'rgb(21, 21, 21)'
  }}
  title="SWR - Subscription"
  allow="accelerometer; ambient-light-sensor; camera; encrypted-media; geolocation; gyroscope; hid; microphone; midi; payment; usb; vr; xr-spatial-tracking"
  sandbox="allow-autoplay allow-forms allow-modals allow-popups allow-presentation allow-same-origin allow-scripts"
/>
"""


def test_html_tag_props_over_lines_with_a_jsx_object_stay_one_html_block():
    """An <iframe> whose props span lines, ``style={{`` … ``}}`` among them: the ``}}`` line is
    the tag's, not a JSX expression, so the props after it are not a paragraph (read as
    untranslated or mixed-language in every locale)."""
    from transcheck.rules import untranslated

    page = aligned({"en": IFRAME, "ru": IFRAME}, "en", page="subscription.mdx")
    assert [(s.kind, s.line, s.end_line) for s in page.documents["ru"].segments] == [("html", 1, 13)]
    assert list(untranslated.check(page, context(page))) == []


def test_component_props_over_many_lines_are_no_prose():
    """starlight resources/themes.mdx: ``<ThemeGrid themes={[`` … ``]} />`` spans about 150
    lines of JS data; it is one component, not paragraphs read as English in ja."""
    from transcheck.rules import wrong_language

    folder = REAL / "starlight" / "docs" / "src" / "content" / "docs"
    pages = {loc: (folder / sub / "resources" / "themes.mdx").read_text(encoding="utf-8")
             for loc, sub in (("en", ""), ("ja", "ja"))}
    page = aligned(pages, "en", page="themes.mdx")
    for doc in page.documents.values():
        assert not any(s.kind == "paragraph" and "title:" in s.text for s in doc.segments)
    assert list(wrong_language.check(page, context(page))) == []


# open-telemetry/opentelemetry.io content/{en,es}/docs/concepts/signals/logs.md:265-278 (CC-BY-4.0)
FIELDS_EN = """| Field Name           | Description                                          |
| -------------------- | ---------------------------------------------------- |
| Timestamp            | Time when the event occurred.                        |
| ObservedTimestamp    | Time when the event was observed.                    |
| TraceId              | Request trace ID.                                    |
| Body                 | The body of the log record.                          |
| Resource             | Describes the source of the log.                     |
| InstrumentationScope | Describes the scope that emitted the log.            |
| Attributes           | Additional information about the event.              |
| EventName            | Name that identifies the class or type of the event. |
"""
FIELDS_ES = """| Field Name           | Description                                                    |
| -------------------- | -------------------------------------------------------------- |
| Timestamp            | Momento en el que ocurrió el evento.                           |
| ObservedTimestamp    | Momento en que se observó el evento.                           |
| TraceId              | ID de la traza de la petición.                                 |
| Body                 | El cuerpo del registro de log.                                 |
| Resource             | Describe la fuente del log.                                    |
| InstrumentationScope | Describe el ámbito que emitió el log.                          |
| Attributes           | Información adicional sobre el evento.                         |
"""


def test_table_rows_pair_by_the_key_cell_both_locales_use():
    """es lacks the last row (EventName): the row missing is the one whose key es does not
    have, not ``Attributes`` (all rows looked alike: two cells, no code, no link)."""
    page = aligned({"en": FIELDS_EN, "es": FIELDS_ES}, "en")
    found = list(missing_block.check(page, context(page)))
    assert [f.expected.split(" |")[0] for f in found] == ["EventName"]


def test_a_translated_component_kind_is_one_finding_and_an_extra_component_is_named(tmp_path):
    # expressjs/expressjs.com src/content/docs/fr/4x/starter/hello-world.mdx:8: Crowdin translated
    # the Alert's type (<Alert type="Infos">); that was three findings: `extra component ""`, a lost
    # <Alert info> and a paragraph in <Alert Infos>
    import json

    from click.testing import CliRunner

    from transcheck.cli import main

    body = 'import Alert from "x";\n\n<Alert type="{t}">\n\n{p}\n\n</Alert>\n'
    (tmp_path / "page.en.mdx").write_text(body.format(t="info", p="Embedded below is the simplest app."))
    (tmp_path / "page.de.mdx").write_text(body.format(t="info", p="Unten ist die einfachste App."))
    (tmp_path / "page.fr.mdx").write_text(body.format(t="Infos", p="Ci-dessous, l'application la plus simple."))
    args = ["check", str(tmp_path), "--no-semantic", "--reference", "en", "--format", "json"]
    found = json.loads(CliRunner().invoke(main, args).output)["findings"]
    assert [(f["locale"], f["rule"], f["message"]) for f in found] == [
        ("fr", "structure", "<Alert Infos> where en, de have a <Alert info>")]
    # a component only one locale has, without text: named by its name and kind
    (tmp_path / "page.fr.mdx").write_text(body.format(t="info", p="Ci-dessous, l'application la plus simple.")
                                          + '\n<Badge variant="tip" />\n')
    found = json.loads(CliRunner().invoke(main, args).output)["findings"]
    assert [(f["rule"], f["message"].split(":")[0], f["actual"]) for f in found] == [
        ("extra-block", "extra component <Badge tip>", "component <Badge tip>")]
