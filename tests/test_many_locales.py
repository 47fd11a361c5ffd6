"""Many locales (22, with zh-Hans/zh-Hant, ko, pt-BR vs pt-PT), two of them far behind."""

from __future__ import annotations

import json

from tests.helpers import write_tree
from tests.test_cli import transcheck

LOCALES = ["ar", "cs", "de", "es", "fi", "fr", "he", "hi", "id", "it", "ja", "ko", "nl", "pl",
           "pt-BR", "pt-PT", "ru", "sv", "tr", "uk", "zh-Hans", "zh-Hant"]
LAGGING = ("ko", "pt-PT")


def blocks(locale: str) -> list[str]:
    """A 12-block page "translated" into ``locale`` (code, links, numbers kept)."""
    tag = locale.lower().replace("-", "")
    out = [f"# Guide {tag}"]
    for k in range(1, 12):
        if k % 4 == 0:
            out.append(f"```bash\ndocker run -p {8000 + k}:80 app\n```")
        elif k % 3 == 0:
            out.append(f"- step{k} {tag} `opt-{k}`\n- more{k} {tag} [ref](https://example.com/{k})")
        else:
            out.append(f"Paragraph {k} words {tag} {tag} with `cmd-{k}` and {k * 7} units.")
    return out


def test_lagging_locales_get_missing_blocks_and_the_rest_none(tmp_path):
    files = {}
    for loc in LOCALES:
        b = blocks(loc)
        if loc in LAGGING:
            b = b[: len(b) * 2 // 3]  # the last third was never translated
        files[f"{loc}/guide.md"] = "\n\n".join(b) + "\n"
    write_tree(tmp_path, files)
    # the generated prose is English in every locale: language rules are not what this tests
    proc = transcheck(str(tmp_path), "--format", "json", "--jobs", "1",
                      "--ignore", "mixed-language", "--ignore", "untranslated")
    data = json.loads(proc.stdout)
    assert data["pages"][0]["files"].keys() == set(LOCALES)
    assert sorted(data["pages"][0]["files"]) == sorted(LOCALES)
    by_locale: dict[str, set[str]] = {}
    for f in data["findings"]:
        by_locale.setdefault(f["locale"], set()).add(f["rule"])
    assert set(by_locale) == set(LAGGING), by_locale
    for loc in LAGGING:
        missing = [f for f in data["findings"] if f["locale"] == loc and f["rule"] == "missing-block"]
        # the last third: the code block, both list items, two paragraphs; one finding for the
        # run, judged by the 20 locales that have them (majority), at the end of the short copy
        assert len(missing) == 1, missing
        assert missing[0]["message"].startswith("missing 5 blocks: ")
        assert {(f["severity"], f["basis"]) for f in missing} == {("warning", "majority")}
        assert {f["line"] for f in missing} == {19}
        assert by_locale[loc] == {"missing-block"}, by_locale[loc]


def test_many_locales_with_a_reference_and_a_missing_page(tmp_path):
    files = {f"{loc}/guide.md": "\n\n".join(blocks(loc)) + "\n" for loc in LOCALES}
    files.update({f"{loc}/extra.md": "# Extra\n" for loc in LOCALES if loc not in ("zh-Hant", "pt-BR")})
    files["en/guide.md"] = "\n\n".join(blocks("en")) + "\n"
    files["en/extra.md"] = "# Extra\n"
    write_tree(tmp_path, files)
    data = json.loads(transcheck(str(tmp_path), "--format", "json", "--reference", "en",
                                 "--ignore", "mixed-language", "--ignore", "untranslated").stdout)
    assert data["findings"] == []  # a page two locales lack is coverage
    assert data["summary"]["coverage"]["pt-BR"] == {"pages": 1, "of": 2, "share": 0.5, "orphans": 0}
    data = json.loads(transcheck(str(tmp_path), "--format", "json", "--reference", "en",
                                 "--select", "missing-page").stdout)
    assert [(f["rule"], f["locale"]) for f in data["findings"]] == [
        ("missing-page", "pt-BR"), ("missing-page", "zh-Hant")]
    assert data["pages"][1]["reference"] == "en" and len(data["pages"][1]["files"]) == 23
