"""Placeholders and comments in code (transcheck.analyse.placeholders), on excerpts of real pages.

Excerpts quoted from open-telemetry/opentelemetry.io (CC-BY-4.0), ``content/<locale>/docs/...``.
"""

from __future__ import annotations

from transcheck.analyse.placeholders import MARK, compile_patterns, is_literal, mask, split_comments
from transcheck.model import DEFAULT_PLACEHOLDERS

P = compile_patterns(DEFAULT_PLACEHOLDERS)

# opentelemetry.io docs/platforms/kubernetes/getting-started.md, en line 197 and ja line 142
HELM_EN = "helm install otel-collector open-telemetry/opentelemetry-collector --values <path where you saved the chart>"
HELM_JA = "helm install otel-collector open-telemetry/opentelemetry-collector --values <チャートを保存した場所へのパス>"


def test_translated_angle_placeholder_is_the_same_command():
    assert mask(HELM_EN, P) == mask(HELM_JA, P)
    assert MARK in mask(HELM_JA, P)


def test_changed_command_around_a_placeholder_still_differs():
    changed = HELM_JA.replace("otel-collector open", "otel-collector-cluster open")
    assert mask(HELM_EN, P) != mask(changed, P)


def test_tldr_style_placeholders_and_option_alternatives():
    # command-reference syntax: {{path}} is translated, {{[-a|--archive]}} is an option
    en = "rsync {{[-a|--archive]}} {{path/to/source}} {{user@host:path/to/target}}"
    ru = "rsync {{[-a|--archive]}} {{путь/к/источнику}} {{пользователь@хост:путь/к/цели}}"
    assert mask(en, P) == mask(ru, P)
    assert mask(en, P) != mask(ru.replace("--archive", "--delete"), P)
    assert mask("ls {{[-a | --all]}}", P) == "ls {{[-a|--all]}}"


def test_markup_and_templates_stay_literal():
    assert is_literal("<div class=\"x\">") and is_literal("</span>")
    assert is_literal("{{< tab name=\"a\" >}}") and is_literal("{{% param vers %}}")
    assert is_literal("{{ .Title }}")
    assert not is_literal("<your-name>") and not is_literal("{{path/to/file}}")
    assert mask("<name>x</name>", P, "xml") == "<name>x</name>"
    assert mask("List<String> names;", P) == "List<String> names;"


def test_user_placeholder_pattern():
    extra = compile_patterns(DEFAULT_PLACEHOLDERS + (r"%\w+%",))
    assert mask("echo %USERNAME%", extra) == mask("echo %BENUTZER%", extra)


# opentelemetry.io docs/collector/deploy/agent.md, en lines 45-47 and ja lines 40-42
AGENT_EN = """receivers:
  otlp: # the OTLP receiver the app is sending traces to
    protocols:
      http:
        endpoint: 0.0.0.0:4318
"""
AGENT_JA = """receivers:
  otlp: # アプリケーションがトレースを送信するOTLPレシーバー
    protocols:
      http:
        endpoint: 0.0.0.0:4318
"""


def test_translated_yaml_comment_is_not_code():
    code_en, comments_en = split_comments(AGENT_EN, "yaml")
    code_ja, comments_ja = split_comments(AGENT_JA, "yaml")
    assert code_en == code_ja
    assert comments_en != comments_ja and len(comments_ja) == 1


def test_changed_value_next_to_a_comment_still_differs():
    code_en, _ = split_comments(AGENT_EN, "yaml")
    code_ja, _ = split_comments(AGENT_JA.replace("4318", "4317"), "yaml")
    assert code_en != code_ja


def test_comment_syntax_follows_the_language():
    code, comments = split_comments("# build\ndocker build -t app .  # the dot\necho \"# kept\"\n"
                                    "curl http://x/#a\n#!/bin/sh\n", "bash")
    assert code == "docker build -t app .\necho \"# kept\"\ncurl http://x/#a\n#!/bin/sh"
    assert comments == ("# build", "# the dot")
    code, comments = split_comments("const a = 1; // один\n/* много\nстрок */\nlet b = \"//x\";", "js")
    assert code == "const a = 1;\nlet b = \"//x\";" and len(comments) == 2
    code, _ = split_comments("<!-- коммент -->\n<p>x</p>", "html")
    assert code == "<p>x</p>"
    # a root prompt in a console transcript is a command, not a comment
    code, comments = split_comments("# apt install x\n$ ls # list", "console")
    assert code == "# apt install x\n$ ls" and comments == ("# list",)


def test_vue_block_comments():
    # vuejs/pinia packages/docs/zh/core-concepts/actions.md lines 63-72 (MIT)
    zh = ("<script setup>\nconst store = useCounterStore()\n// 将 action 作为 store 的方法进行调用\n"
          "store.randomizeCounter()\n</script>\n<template>\n  <!-- 即使在模板中也可以 -->\n"
          "  <button @click=\"store.randomizeCounter()\">Randomize</button>\n</template>\n")
    en = zh.replace("// 将 action 作为 store 的方法进行调用", "// call the action as a method of the store") \
        .replace("<!-- 即使在模板中也可以 -->", "<!-- even on the template -->")
    assert split_comments(zh, "vue")[0] == split_comments(en, "vue")[0]
    assert "randomizeCounter" in split_comments(zh, "vue")[0]
