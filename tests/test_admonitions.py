"""One admonition, many syntaxes: GitHub alerts, Hugo alerts, ``:::``, MkDocs ``!!!`` and ``///``.

Sources (quoted excerpts): open-telemetry/opentelemetry.io content (CC-BY-4.0),
``content/{en,es}/docs/languages/_index.md`` lines 26-42 and
``content/{en,pt}/docs/languages/js/instrumentation.md`` lines 194-201.
"""

from __future__ import annotations

from tests.helpers import run_rule
from transcheck.markdown.parse import parse_markdown
from transcheck.rules import extra_block, missing_block, structure

OTEL_EN = """## Status and Releases

The current [status](/docs/specs/otel/versioning-and-stability/) of the major
functional components for OpenTelemetry is as follows:

> [!WARNING]
>
> Regardless of an API/SDK's status, if your instrumentation relies on [semantic
> conventions][semconv] that are marked as [Experimental][] in the [semantic
> conventions specification][semconv-spec], your data flow might be subject to
> **breaking changes**.
>
> [semconv]: /docs/concepts/semantic-conventions/
> [Experimental]: /docs/specs/otel/document-status/
> [semconv-spec]: /docs/specs/semconv/

## API references
"""
OTEL_ES = """## Estados y lanzamientos

El estado actual de los principales componentes funcionales de OpenTelemetry es
el siguiente:

{{% alert title="Importante" color="warning" %}}

Independientemente del estado de un API/SDK, si tu instrumentación depende de
[convenciones semánticas][] que estén marcadas como [Experimental][] en la
[especificación de convenciones semánticas][], tu flujo de datos podría estar
sujeto a **cambios importantes**.

[convenciones semánticas]: /docs/concepts/semantic-conventions/
[Experimental]: /docs/specs/otel/document-status/
[especificación de convenciones semánticas]: /docs/specs/semconv/

{{% /alert %}}

## Referencias de API
"""
OTEL_JA = OTEL_EN.replace("Regardless of an API/SDK's status", "APIやSDKのステータスに関わらず")

RULES = (structure, missing_block, extra_block)


def _found(pages: dict[str, str]) -> list[tuple[str, str, int]]:
    return [(r.ID, f.locale, f.line) for r in RULES for f in run_rule(r, pages, reference="en")]


def test_github_alert_and_hugo_alert_are_one_admonition():
    assert _found({"en": OTEL_EN, "es": OTEL_ES, "ja": OTEL_JA}) == []
    es = parse_markdown(OTEL_ES, "p.md", "es", "es/p.md").segments
    en = parse_markdown(OTEL_EN, "p.md", "en", "en/p.md").segments
    assert [s.info for s in en if s.kind == "component"] == ["admonition:warning"]
    assert [s.text for s in es if s.kind == "component"] == ["Importante"]
    assert all("[!" not in s.text and "alert" not in s.text for s in en + es)
    para = next(s for s in en if s.text.startswith("Regardless"))
    assert para.container == ("admonition:warning",) and para.line == 8


def test_a_lost_or_changed_admonition_is_still_drift():
    lost = OTEL_ES.replace('{{% alert title="Importante" color="warning" %}}\n', "").replace("{{% /alert %}}\n", "")
    assert ("structure", "es", 5) in _found({"en": OTEL_EN, "es": lost})
    note = OTEL_JA.replace("[!WARNING]", "[!NOTE]")
    found = run_rule(structure, {"en": OTEL_EN, "ja": note}, reference="en")
    # the changed kind is reported once, on the admonition, not as lost
    assert [(f.locale, f.message) for f in found] == [("ja", "note admonition where en have a warning admonition")]


def test_one_line_alert_and_hugo_alert_with_words_on_the_marker_line():
    en = ("### Initialize the SDK\n\n> [!NB] If you’re instrumenting a library, **skip this step**.\n\n"
          "If you instrument a Node.js application install the SDK.\n")
    pt = ("### Inicializar o SDK {#initialize-the-sdk}\n\n{{% alert title=\"Note\" %}} Caso esteja instrumentando "
          "uma biblioteca, **ignore\nesta etapa**. {{% /alert %}}\n\nPara instrumentar uma aplicação Node.js, instale o SDK.\n")
    assert _found({"en": en, "pt": pt}) == []
    body = next(s for s in parse_markdown(pt, "p.md", "pt", "pt/p.md").segments if s.text.startswith("Caso"))
    assert body.kind == "paragraph" and body.container == ("admonition:alert",) and "alert" not in body.text


def test_docusaurus_mkdocs_and_blocks_syntaxes_and_kind_families():
    body = "Run the command in an empty folder.\n"
    pages = {
        "en": ":::tip\n\n" + body + "\n:::\n",
        "de": "> [!TIP]\n> " + body,
        "fr": "!!! hint \"Astuce\"\n\n    " + body,
        "ja": "/// info | ヒント\n\n" + body + "\n///\n",
    }
    assert _found(pages) == []
    fr = parse_markdown(pages["fr"], "p.md", "fr", "fr/p.md").segments
    assert [(s.kind, s.container) for s in fr] == [("component", ()), ("paragraph", ("admonition:hint",))]
    pages["ko"] = "!!! danger\n    " + body
    assert [f.locale for f in run_rule(structure, pages, reference="en")] == ["ko"]
