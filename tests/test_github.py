"""GitHub workflow commands: format and escaping, including hostile strings."""

from __future__ import annotations

from transcheck.reporters import github


def test_golden(report, golden):
    text = github.render(report)
    golden("report.github.txt", text)
    lines = text.splitlines()
    assert len(lines) == len(report.findings) + len(report.errors) + 1
    ru = [ln for ln in lines if "ru/build-the-image.md,line=51" in ln]
    assert ru == ["::error file=corpus/ru/build-the-image.md,line=51,endLine=51,"
                  "title=code-block [ru] (code-drift)::Command differs from pt (the only valid "
                  "variant): the build context '.' is missing%0Aexpected: docker image build -t "
                  "python-hello-world .%0Aactual: docker image build -t python-hello-world."]
    assert sum(ln.startswith("::notice ") for ln in lines) == 1


def test_escaping():
    assert github.escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert github.escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"
    assert github.escape_data("%0A") == "%250A"  # already-escaped text is not decoded later
    assert github.command("warning", "m::x", file="f,g:h", line=3) == (
        "::warning file=f%2Cg%3Ah,line=3::m::x")


def test_hostile_cannot_inject(hostile):
    text = github.render(hostile)
    lines = text.rstrip("\n").split("\n")  # the runner splits on LF (not U+2028)
    assert len(lines) == len(hostile.findings) + len(hostile.errors) + 1
    for line in lines[:-1]:
        assert line.startswith(("::error ", "::warning ", "::notice "))
        head, sep, message = line[2:].partition("::")
        props = head.split(" ", 1)[1]
        # properties: only the four known keys, separated by unescaped commas
        assert [p.split("=", 1)[0] for p in props.split(",")] in (
            ["file", "line", "endLine", "title"], ["file", "line", "title"])
        assert "\r" not in line and "\n" not in line
    hostile_line = next(ln for ln in lines if "injected.md" in ln)
    assert "file=docs/a \"b\" <c>%2Cd%3Ae%25f%0A%3A%3Aerror%3A%3Ainjected.md" in hostile_line
    info = next(ln for ln in lines if ln.startswith("::notice "))
    assert info.endswith("actual: %250A::error::x%0D%0A::warning::y")
