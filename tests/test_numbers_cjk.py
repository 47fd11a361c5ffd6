"""Numbers in every script (transcheck.analyse.numbers), on excerpts of real pages.

Source: open-telemetry/opentelemetry.io (CC-BY-4.0).
"""

from __future__ import annotations

from collections import Counter

from transcheck.analyse.numbers import find_numbers, reconcile


def test_numbers_glued_to_cjk_text_are_found():
    assert find_numbers("ポート8080でリッスンします", cjk=True)[0] == Counter({"8080": 1})
    assert find_numbers("端口8080上", cjk=True)[0] == Counter({"8080": 1})
    assert find_numbers("共有3个文件", cjk=True) == (Counter(), Counter({"3": 1}))
    assert find_numbers("0개의 항목", cjk=True) == (Counter(), Counter({"0": 1}))
    assert find_numbers("2つの方法", cjk=True) == (Counter(), Counter({"2": 1}))


def test_identifiers_and_urls_keep_their_digits_out():
    assert find_numbers("x86_64 and https://example.com/v2/3")[0] == Counter({"86": 1})
    assert find_numbers("1 000 and 3,8 MB")[0] == Counter({"1000": 1, "3.8": 1})
    # withastro/starlight docs/src/content/docs/{,ko/}guides/i18n.mdx:70/69 (MIT): the 18 of i18n
    # is no number (ko writes 국제화); digits only before or after letters still count
    assert find_numbers("For more advanced i18n scenarios, Starlight also supports") == (Counter(), Counter())
    assert find_numbers("k8s, python3, v2 and 3个", cjk=True) == (Counter({"3": 1, "2": 1}), Counter({"3": 1}))


def test_counter_number_counts_where_another_locale_has_it():
    # opentelemetry.io docs/zero-code/java/agent/disable.md, en line 272 and zh line 251
    en = find_numbers("Using the default semconv suppression strategy would result in 2 nested")
    zh = find_numbers("使用默认的 semconv 禁用策略将导致 2 个嵌套的 CLIENT Span：", cjk=True)
    assert zh == (Counter(), Counter({"2": 1}))
    assert reconcile({"en": en, "zh": zh}) == {"en": Counter({"2": 1}), "zh": Counter({"2": 1})}


def test_counter_number_is_not_extra_where_the_others_write_a_word():
    en = find_numbers("One of the advantages is speed.")
    ja = find_numbers("利点の 1 つは速度です。", cjk=True)
    assert reconcile({"en": en, "ja": ja}) == {"en": Counter(), "ja": Counter()}


def test_a_changed_number_is_still_found():
    # opentelemetry.io docs/languages/js/instrumentation.md, en line 435 and zh line 410, changed
    en = find_numbers("means that if you create 5 spans, each will be processed")
    zh = find_numbers("这意味着如果你创建了 6 个 Span，", cjk=True)
    got = reconcile({"en": en, "zh": zh})
    assert got == {"en": Counter({"5": 1}), "zh": Counter()}


def test_number_words_before_counters():
    # vercel/swr-site content/docs/arguments.mdx / arguments.ja.mdx line 5 (Apache-2.0)
    en = find_numbers("So the following 3 expressions are equivalent:")
    ja = find_numbers("したがって、次の三つの式は同等です：", cjk=True)
    assert ja == (Counter(), Counter({"3": 1}))
    assert reconcile({"en": en, "ja": ja}) == {"en": Counter({"3": 1}), "ja": Counter({"3": 1})}
    assert find_numbers("有两个方法和十二个文件", cjk=True)[1] == Counter({"2": 1, "12": 1})
    assert find_numbers("두 가지 방법", cjk=True)[1] == Counter({"2": 1})


def test_month_numbers_where_english_writes_the_month_name():
    # withastro/starlight docs/src/content/docs/environmental-impact.mdx line 15, en / zh-cn / ko (MIT)
    en = find_numbers("In April 2023, the median web page required a user to download more than 2,000 KB")
    zh = find_numbers("根据来自 HTTP 存档的数据，2023 年 4 月，中位数网页需要用户下载超过 2,000 KB。", cjk=True)
    ko = find_numbers("HTTP Archive의 데이터에 따르면 2023년 4월 기준 웹 페이지의 중앙값은 2,000KB 이상입니다.", cjk=True)
    got = reconcile({"en": en, "zh": zh, "ko": ko})
    assert got["en"] == got["zh"] == got["ko"] == Counter({"2023": 1, "2000": 1})


def test_one_as_an_article_is_not_a_number():
    # cncf/glossary content/zh-cn/cloud-native-security.md line 10 (Apache-2.0): 一种 is "a kind of"
    zh = find_numbers("云原生安全是一种将安全性构建到云原生应用程序中的方法。", cjk=True)
    assert zh == (Counter(), Counter())


def test_glued_numbers_both_ways_round():
    # vercel/swr-site (Apache-2.0) content/docs/arguments{,.ja}.mdx line 40, with-nextjs{,.ja}.mdx line 76
    from tests.helpers import run_rule
    from transcheck.rules import number

    en = "Since SWR 1.1.0, object-like keys will be serialized under the hood automatically.\n"
    ja = "SWR 1.1.0からは、オブジェクトのようなキーは内部で自動的にシリアライズされます。\n"
    for ref in ("en", "ja"):
        assert run_rule(number, {"en": en, "ja": ja}, reference=ref) == []
        changed = ja.replace("1.1.0から", "1.2.0から")
        assert [f.locale for f in run_rule(number, {"en": en, "ja": changed}, reference=ref)] == \
            (["ja"] if ref == "en" else ["en"])
    en = "The two data fetching function calls will be executed in parallel.\n"
    ja = "2つのデータ取得関数呼び出しは、サーバーサイドで並列に実行されます。\n"
    for ref in ("en", "ja"):  # a number before a counter where the other locale writes a word
        assert run_rule(number, {"en": en, "ja": ja}, reference=ref) == []


def test_digits_of_other_scripts_are_the_same_numbers():
    # nodejs/nodejs.org apps/site/pages/{en,fa}/about/security-reporting.mdx:20/14 (MIT)
    en = find_numbers("your report will be acknowledged within 5 days, and you'll receive a more "
                      "detailed response to your report within 10 days")
    fa = find_numbers("گزارش شما طی ۵ روز تایید خواهد شد و شما ظرف ۱۰ روز پاسخی با جزئیات بیشتر")
    assert en == fa == (Counter({"5": 1, "10": 1}), Counter())
