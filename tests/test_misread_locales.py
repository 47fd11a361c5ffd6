"""A locale code that names a language its pages are not in (``kr``: Kanuri, for Korean).

vuejs/vue-router's docs keep their Korean pages in ``docs/kr/``. ``kr`` is the ISO 639-1
code of Kanuri, which the language checks cannot identify, so without a word they skipped
that locale. Now its pages' text decides, and a warning says so.
"""

from __future__ import annotations

import json

from click.testing import CliRunner

from tests.helpers import write_tree
from transcheck.cli import main

EN = ("# Navigation\n\nThe router lets you move between pages without reloading the whole application, "
      "and it keeps the history of the browser in sync with what the user sees on the screen.\n\n"
      "You can also navigate from your components by calling the push method with a path or a named "
      "route, which returns a promise that resolves when the navigation is finished.\n")
KO = ("# 내비게이션\n\n라우터를 사용하면 전체 애플리케이션을 다시 불러오지 않고 페이지 사이를 이동할 수 있으며, "
      "사용자가 화면에서 보는 것과 브라우저의 기록을 항상 일치시켜 줍니다.\n\n컴포넌트에서 경로나 이름이 있는 "
      "라우트를 넣어 push 메서드를 호출하면 이동할 수도 있으며, 이 메서드는 이동이 끝나면 완료되는 "
      "프로미스를 반환합니다.\n")
JA = ("# ナビゲーション\n\nルーターを使うと、アプリケーション全体を再読み込みせずにページ間を移動でき、"
      "ユーザーが画面で見ているものとブラウザーの履歴を常に一致させます。\n\nコンポーネントからパスや名前付き"
      "ルートを渡して push メソッドを呼び出すと移動することもでき、このメソッドは移動が終わると解決される"
      "プロミスを返します。\n")


def site(tmp_path, extra: dict[str, str] | None = None):
    """en, ja and kr (Korean) copies of three pages; kr's third page left in English."""
    files = {}
    for name in ("a", "b", "c"):
        files[f"en/{name}.md"] = EN
        files[f"ja/{name}.md"] = JA
        files[f"kr/{name}.md"] = EN if name == "c" else KO
    return write_tree(tmp_path / "site", {**files, **(extra or {})})


def check(root, *args: str):
    return CliRunner().invoke(main, ["check", str(root), "--no-semantic", "-j", "1", "--format", "json",
                                     "--reference", "en", *args])


def test_kr_pages_written_in_korean_are_checked_as_korean(tmp_path):
    res = check(site(tmp_path), "--no-config")
    data = json.loads(res.stdout)
    assert sorted(data["summary"]["coverage"]) == ["en", "ja", "ko"]
    [warning] = data["warnings"]
    assert warning.startswith("locale 'kr': its pages are written in Korean (ko), and 'kr' is the code of Kanuri")
    assert "[locale_aliases] kr = \"ko\"" in warning and warning in res.stderr
    # the language checks now see the page kr left in English
    assert [(f["rule"], f["locale"], f["file"].endswith("kr/c.md")) for f in data["findings"]] == \
        [("wrong-language", "ko", True)]


def test_a_pinned_code_is_left_alone(tmp_path):
    root = site(tmp_path, {"transcheck.toml": "[locale_aliases]\nkr = \"kr\"\n"})
    data = json.loads(check(root).stdout)
    assert sorted(data["summary"]["coverage"]) == ["en", "ja", "kr"] and data["warnings"] == []


def test_a_known_language_code_is_never_relabelled(tmp_path):
    # ja pages in a 'ko' folder: ko is a language the checks know, so the pages are wrong, not the code
    ja = JA + "\n" + JA.split("\n\n", 1)[1]  # long enough for the file check (12 words: ja has no spaces)
    files = {"en/a.md": EN, "en/b.md": EN, "ko/a.md": ja, "ko/b.md": ja}
    data = json.loads(check(write_tree(tmp_path / "s", files), "--no-config").stdout)
    assert data["warnings"] == [] and sorted(data["summary"]["coverage"]) == ["en", "ko"]
    assert "wrong-language" in {f["rule"] for f in data["findings"]}
