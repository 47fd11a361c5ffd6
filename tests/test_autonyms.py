"""Language switchers (transcheck.analyse.autonyms), on a real README.

Source: wailsapp/wails README.ru.md lines 43-45 (MIT).
"""

from __future__ import annotations

from transcheck.analyse.autonyms import language_of_name, switcher_items, without_autonyms
from transcheck.markdown.parse import parse_markdown

WAILS_RU = """[English](README.md) · [简体中文](README.zh-Hans.md) · [日本語](README.ja.md) ·
[한국어](README.ko.md) · [Español](README.es.md) · [Русский](README.ru.md) · [Francais](README.fr.md) · [Uzbek](README.uz.md) · [Deutsch](README.de.md) ·
[Türkçe](README.tr.md) · [Bahasa Indonesia](README.id.md)
"""


def test_names_in_their_own_language():
    assert [language_of_name(n) for n in ("Čeština", "Deutsch", "Ελληνικά", "English", "한국어")] == \
        ["cs", "de", "el", "en", "ko"]
    assert language_of_name("Português (Brasil)") == "pt"
    assert language_of_name("🇩🇪 Deutsch") == "de"
    assert language_of_name("zh-CN") == "zh-CN"
    assert language_of_name("Docker") is None and language_of_name("Install") is None


def test_switcher_line_is_blanked():
    seg = parse_markdown(WAILS_RU).segments[0]
    assert len(switcher_items(seg)) == 11
    prose = without_autonyms(seg)
    assert len(prose) == len(seg.prose)
    assert not any(ch.isalpha() for ch in prose)


def test_separator_list_without_links():
    seg = parse_markdown("Čeština ∙ Deutsch ∙ Ελληνικά ∙ English\n").segments[0]
    assert len(switcher_items(seg)) == 4


def test_prose_with_links_is_not_a_switcher():
    seg = parse_markdown("Read the [guide](g.md) and the [reference](r.md) before you start.\n").segments[0]
    assert switcher_items(seg) == []
    seg = parse_markdown("Wails supports [Go](https://go.dev) and [English](README.md) docs.\n").segments[0]
    assert switcher_items(seg) == [] or without_autonyms(seg).count("docs") == 1
