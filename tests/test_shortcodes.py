"""Hugo shortcodes are markup, and the ones holding code are code (transcheck.markdown.shortcodes).

Excerpt quoted from open-telemetry/opentelemetry.io (CC-BY-4.0),
content/{en,ja}/docs/collector/deploy/agent.md lines 43-45 / 37-39.
"""

from __future__ import annotations

from transcheck.markdown.shortcodes import blank_shortcodes, fence_code_shortcodes
from transcheck.markdown.parse import parse_markdown

AGENT_JA = """{{< tabpane text=true >}} {{% tab Traces %}}

```yaml
receivers:
  otlp: # アプリケーションがトレースを送信するOTLPレシーバー
```

{{% /tab %}} {{< /tabpane >}}
"""


def test_shortcode_only_paragraph_has_no_prose():
    seg = parse_markdown(AGENT_JA).segments[0]
    assert blank_shortcodes(seg.prose).strip() == ""
    assert len(blank_shortcodes(seg.prose)) == len(seg.prose)


def test_text_tabpane_is_left_as_markdown():
    assert fence_code_shortcodes(AGENT_JA) == AGENT_JA


# the Docsy tabpane form without text=true (its tabs hold code), and Hugo's highlight shortcode
CODE_TABS = """Run the Collector:

{{< tabpane lang=shell >}}
{{< tab Docker >}}
docker run -p 4318:4318 otel/opentelemetry-collector
{{< /tab >}}
{{< /tabpane >}}

{{< highlight go "linenos=table" >}}
func main() {}
{{< /highlight >}}
"""


def test_code_holding_shortcodes_become_code_blocks():
    fenced = fence_code_shortcodes(CODE_TABS)
    assert fenced.count("\n") == CODE_TABS.count("\n")
    codes = [s for s in parse_markdown(fenced).segments if s.kind == "code"]
    assert [(c.info, c.line, c.text) for c in codes] == [
        ("shell", 4, "docker run -p 4318:4318 otel/opentelemetry-collector\n"),
        ("go", 9, "func main() {}\n"),
    ]
