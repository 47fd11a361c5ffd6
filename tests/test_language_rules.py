"""The mixed-language and untranslated rules on hand-built aligned pages."""

from __future__ import annotations

from transcheck.model import AlignedPage, AlignedRow, Document, Segment
from transcheck.rules import mixed_language, untranslated
from tests.helpers import context
from transcheck.model import CATEGORIES, SEVERITIES


def seg(kind: str, index: int, line: int, text: str, prose: str | None = None) -> Segment:
    """A segment whose text may span lines; prose defaults to the text."""
    starts, pos = [0], 0
    for part in text.split("\n")[:-1]:
        pos += len(part) + 1
        starts.append(pos)
    return Segment(kind=kind, index=index, line=line, end_line=line + len(starts) - 1,
                   text=text, prose=text if prose is None else prose,
                   line_starts=tuple(starts))


def page(rows: list[dict[str, Segment | None]], reference: str | None = None) -> AlignedPage:
    locales = sorted({loc for r in rows for loc in r})
    docs = {}
    for loc in locales:
        segs = tuple(r[loc] for r in rows if r.get(loc) is not None)
        docs[loc] = Document(page="build.md", locale=loc, path=f"{loc}/build.md", segments=segs)
    return AlignedPage(
        page="build.md",
        documents=docs,
        rows=tuple(AlignedRow(i, {loc: r.get(loc) for loc in locales}) for i, r in enumerate(rows)),
        reference=reference,
    )


RU_SWITCH = ("**COPY app.py /app.py**\nЭто копирует app.py в локальной директории в новый слой "
             "образа. Слои должны быть расположены ближе к концу файла, чтобы充分利用 Docker 层缓存。"
             "这使我们能够避免重建原本可以缓存的层。")
DE_OK = ("COPY app.py /app.py\nDies kopiert die app.py im lokalen Verzeichnis in eine neue Schicht "
         "des Images. Schichten sollten am Ende der Datei platziert werden.")
JA_OK = "Docker イメージを構築します。Alpine Linux は musl と BusyBox に基づいています。"


def test_rule_conventions():
    for rule in (mixed_language, untranslated):
        assert rule.CATEGORY in CATEGORIES and rule.SEVERITY in SEVERITIES
        assert rule.__doc__ and rule.__doc__.strip().splitlines()[0]
        assert any(e.fails for e in rule.EXAMPLES) and any(not e.fails for e in rule.EXAMPLES)


def test_mixed_language_reports_span_with_line():
    ru = seg("paragraph", 3, 39, RU_SWITCH.replace("**", ""))
    p = page([{"ru": ru, "de": seg("paragraph", 3, 39, DE_OK)},
              {"ja": seg("paragraph", 4, 44, JA_OK), "ru": None, "de": None}])
    findings = list(mixed_language.check(p, context(p)))
    assert len(findings) == 1
    f = findings[0]
    assert (f.rule, f.category, f.locale, f.line, f.end_line) == (
        "mixed-language", "mixed-language", "ru", 40, 40)
    assert "Chinese" in f.message and "充分利用" in f.message
    assert f.expected.startswith("Russian") and f.actual.startswith("Chinese (zh)")
    assert f.fingerprint and f.related  # the de segment of the same row
    # Deterministic: same input, same findings.
    assert findings == list(mixed_language.check(p, context(p)))


def test_mixed_language_prose_differs_from_text():
    # Code spans are in text but not in prose: the line still comes from text.
    text = "Первая строка о `FROM`.\nВторая строка: 将此放在行之后似乎违反直觉。"
    prose = "Первая строка о .\nВторая строка: 将此放在行之后似乎违反直觉。"
    p = page([{"ru": seg("paragraph", 0, 10, text, prose)}])
    (f,) = mixed_language.check(p, context(p))
    assert f.line == 11


def test_mixed_language_skips_unknown_locales_and_code():
    code = Segment(kind="code", index=0, line=1, end_line=1, text="这使我们能够避免重建", prose="")
    p = page([{"xx-private": seg("paragraph", 0, 1, "这使我们能够避免重建原本可以缓存的层。"),
               "ru": code}])
    assert list(mixed_language.check(p, context(p))) == []


def test_mixed_language_skips_type_signatures_in_api_tables():
    # ant-design/ant-design components/segmented/index.zh-CN.md:58 and form/index.zh-CN.md:253 (MIT)
    rows = ["styles | 用于自定义 Segmented 组件内部各语义化结构的行内 style，支持对象或函数 | "
            "Record<SemanticDOM , CSSProperties> | (info: { props }) => Record<SemanticDOM , CSSProperties> | - |  | 6.0.0",
            "children | 渲染函数 | (fields: Field[], operation: { add, remove, move }, meta: { errors }) => React.ReactNode | - |",
            "onChange | 选项变化时的回调函数 | function(value: string | number) |  |  | ×"]
    p = page([{"zh": seg("table_row", k, 10 + k, text)} for k, text in enumerate(rows)])
    assert list(mixed_language.check(p, context(p))) == []
    prose = ("onChange | The callback function that is triggered when the state of the segmented "
             "control changes, with the new value | function(value: string | number) |  |  | ×")
    p = page([{"zh": seg("table_row", 0, 10, prose)}])
    assert [f.rule for f in mixed_language.check(p, context(p))] == ["mixed-language"]


EN = "Check that your image shows up in the list of your images before you go on."
DE = "Vergewissern Sie sich, dass Ihr Image in Ihrer Imageliste angezeigt wird, bevor Sie weitermachen."
FR = "Vérifiez que votre image apparaît dans votre liste d'images avant de continuer."


def test_untranslated_copy_of_reference():
    p = page([{"en": seg("paragraph", 0, 5, EN), "de": seg("paragraph", 0, 7, EN),
               "fr": seg("paragraph", 0, 7, FR)}], reference="en")
    findings = list(untranslated.check(p, context(p)))
    assert [(f.locale, f.line, f.basis) for f in findings] == [("de", 7, "reference")]
    # mixed-language leaves whole copies to the untranslated rule.
    assert list(mixed_language.check(p, context(p))) == []


def test_untranslated_without_reference_uses_language_evidence():
    # de copied the French text: de is reported, fr (whose text is French) is not.
    p = page([{"de": seg("paragraph", 0, 7, FR), "fr": seg("paragraph", 0, 7, FR),
               "pt": seg("paragraph", 0, 7, "Verifique se sua imagem aparece em sua lista de imagens antes de continuar.")}])
    findings = list(untranslated.check(p, context(p)))
    assert [(f.locale, f.basis) for f in findings] == [("de", "evidence")]


def test_untranslated_in_reference_language_without_copy():
    p = page([{"en": seg("paragraph", 0, 5, EN),
               "de": seg("paragraph", 0, 5, "Make sure that the image appears in the list of your images before continuing.")}],
             reference="en")
    (f,) = untranslated.check(p, context(p))
    assert (f.locale, f.basis) == ("de", "reference")


def test_untranslated_ignores_labels_and_translations():
    rows = [
        {"en": seg("paragraph", 0, 1, "FROM python:3.8-alpine"),
         "de": seg("paragraph", 0, 1, "FROM python:3.8-alpine")},
        {"en": seg("paragraph", 1, 3, "RUN pip install flask"),
         "de": seg("paragraph", 1, 3, "RUN pip install flask")},
        {"en": seg("heading", 2, 5, "Docker Hub"), "de": seg("heading", 2, 5, "Docker Hub")},
        {"en": seg("paragraph", 3, 7, EN), "de": seg("paragraph", 3, 7, DE)},
    ]
    for ref in ("en", None):
        p = page(rows, reference=ref)
        assert list(untranslated.check(p, context(p))) == []
