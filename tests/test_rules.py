"""Pass/fail tables per rule: (pages per locale, expected findings as (locale, line, text in message)).

Each case runs the real parser and aligner and one rule; the findings must be exactly
the expected ones (no more, no fewer).
"""

import pytest

from transcheck.rules import (code_block, emphasis, extra_block, inline_code, link_target, markup,
                              missing_block, number, structure)
from tests.helpers import run_rule

FENCE = "```"

TABLES = {
    code_block: [
        ("identical", {"de": f"{FENCE}bash\nls -la\n{FENCE}\n", "fr": f"{FENCE}bash\nls -la\n{FENCE}\n"}, []),
        ("trailing whitespace ignored", {"de": f"{FENCE}\nls  \n\n{FENCE}\n", "fr": f"{FENCE}\nls\n{FENCE}\n"}, []),
        ("evidence beats majority", {
            "de": f"{FENCE}bash\ndocker build -t app.\n{FENCE}\n",
            "fr": f"{FENCE}bash\ndocker build -t app.\n{FENCE}\n",
            "pt": f"{FENCE}bash\ndocker build -t app .\n{FENCE}\n"},
            [("de", 2, "lost the space between `app` and `.`"), ("fr", 2, "only valid variant")]),
        ("reference decides", {
            "en": f"{FENCE}\nmake all\n{FENCE}\n", "de": f"{FENCE}\nmake al\n{FENCE}\n",
            "fr": f"{FENCE}\nmake al\n{FENCE}\n"},
            [("de", 2, "`al` instead of `all`"), ("fr", 2, "reference en")]),
        ("majority when nothing separates", {
            "de": f"{FENCE}\nnpm install\n{FENCE}\n", "fr": f"{FENCE}\nnpm install\n{FENCE}\n",
            "ja": f"{FENCE}\nnpm ci\n{FENCE}\n"},
            [("ja", 2, "majority used")]),
        ("line of the change in a long block", {
            "de": f"{FENCE}bash\ncd app\nls\ndocker run -p 80:80 web\n{FENCE}\n",
            "fr": f"{FENCE}bash\ncd app\nls\ndocker run -p 8080:80 web\n{FENCE}\n",
            "pt": f"{FENCE}bash\ncd app\nls\ndocker run -p 80:80 web\n{FENCE}\n"},
            [("fr", 4, "`8080:80` instead of `80:80`")]),
        ("translated placeholder", {
            "de": f"{FENCE}\ndocker push <ihr-name>/app\n{FENCE}\n",
            "fr": f"{FENCE}\ndocker push <votre-nom>/app\n{FENCE}\n"}, []),
        ("lost placeholder", {
            "de": f"{FENCE}\ncp {{{{path/to/file}}}} /tmp\n{FENCE}\n",
            "fr": f"{FENCE}\ncp {{{{chemin}}}} /tmp\n{FENCE}\n",
            "ja": f"{FENCE}\ncp file.txt /tmp\n{FENCE}\n"},
            [("ja", 2, "instead of")]),
        ("identifier mentioned elsewhere wins", {
            "de": f"Name: `web-app`\n\n{FENCE}\nkubectl logs web-app\n{FENCE}\n",
            "fr": f"Nom : `web-app`\n\n{FENCE}\nkubectl logs webapp\n{FENCE}\n",
            "pt": f"Nome: `web-app`\n\n{FENCE}\nkubectl logs webapp\n{FENCE}\n"},
            [("fr", 4, "evidence" if False else "web-app"), ("pt", 4, "web-app")]),
    ],
    inline_code: [
        ("order free", {"de": "Mit `a` und `b`.\n", "fr": "Avec `b` et `a`.\n"}, []),
        ("translated span", {"de": "Ein `file not found` Fehler.\n", "pt": "Um erro `file not found`.\n",
                             "fr": "Une erreur `fichier non trouvé`.\n"},
         [("fr", 1, "`fichier non trouvé` instead of `file not found`")]),
        ("lost span", {"de": "Nutzen Sie `-t` hier.\n", "pt": "Use `-t` aqui.\n", "fr": "Utilisez -t ici.\n"},
         [("fr", 1, "missing code span `-t` (present here as plain text)")]),
        ("lost span on the second line", {"de": "Erste Zeile\nmit `x`.\n", "pt": "Primeira linha\ncom `x`.\n",
                                          "fr": "Première ligne\navec `y`.\n"},
         [("fr", 2, "`y` instead of `x`")]),
    ],
    link_target: [
        ("same targets any order", {"de": "[a](http://a) [b](http://b)\n", "fr": "[b](http://b) [a](http://a)\n"}, []),
        ("reference-style links resolve", {"de": "[a][x]\n\n[x]: http://a\n", "fr": "[a](http://a)\n"}, []),
        ("autolink and inline link agree", {"de": "Siehe <https://a.example/>.\n",
                                            "fr": "Voir [a](https://a.example/).\n"}, []),
        ("missing link", {"de": "[a](http://a) [b](http://b)\n", "fr": "[a](http://a) [b](http://b)\n",
                          "ja": "[a](http://a) b\n"}, [("ja", 1, "missing link to http://b")]),
        ("changed image", {"de": "![Logo](logo.png)\n", "fr": "![Logo](logo.png)\n", "pt": "![Logo](logo.svg)\n"},
         [("pt", 1, "points elsewhere: expected logo.png")]),
        ("reference decides", {"en": "[a](http://a)\n", "de": "[a](http://b)\n", "fr": "[a](http://b)\n"},
         [("de", 1, "expected http://a"), ("fr", 1, "expected http://a")]),
    ],
    number: [
        ("units and spacing", {"de": "ca. 8 MB und 130 MB\n", "fr": "environ 8 Mo et 130 Mo\n",
                               "ja": "約 8MB と 130MB\n"}, []),
        ("decimal comma and thousands", {"en": "1,000 users, 3.5 GB\n", "de": "1.000 Nutzer, 3,5 GB\n",
                                         "fr": "1 000 utilisateurs, 3,5 Go\n"}, []),
        ("japanese counters", {"de": "Einer der Vorteile. Eine Zeile.\n", "ja": "利点の 1 つ。1 行ずつ。\n"}, []),
        ("numbers in URLs ignored", {"de": "Siehe https://x.example/3.8/ hier.\n", "fr": "Voir https://x.example/3.9/ ici.\n"}, []),
        ("changed number", {"de": "Port 8080 öffnen.\n", "fr": "Ouvrez le port 8080.\n", "pt": "Abra a porta 8000.\n"},
         [("pt", 1, "number 8000 instead of 8080")]),
        ("code span counts too", {"de": "Version `3.8` nutzen.\n", "fr": "Utilisez la version 3.8.\n",
                                  "pt": "Use a versão 3.9.\n"}, [("pt", 1, "3.9 instead of 3.8")]),
    ],
    structure: [
        ("same shape", {"de": "# T\n\n- a\n- b\n", "fr": "# T\n\n- a\n- b\n"}, []),
        ("heading level", {"de": "# T\n\n## S\n\nx\n", "fr": "# T\n\n### S\n\nx\n", "pt": "# T\n\n## S\n\nx\n"},
         [("fr", 3, "level-3 heading where de, pt (majority used) have a level-2 heading")]),
        ("quote lost", {"de": "> Achtung: heiß.\n", "fr": "> Attention : chaud.\n", "pt": "Atenção: quente.\n"},
         [("pt", 1, "paragraph where de, fr (majority used) have a paragraph in blockquote")]),
        ("table cells", {"de": "| a | b |\n|---|---|\n| 1 | 2 |\n", "fr": "| a | b |\n|---|---|\n| 1 | 2 |\n",
                         "pt": "| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 |\n"},
         [("pt", 1, "3 cells"), ("pt", 3, "3 cells")]),
    ],
    emphasis: [
        ("same marks", {"de": "**A** und *b*\n", "fr": "*b* et **A**\n"}, []),
        ("lost bold", {"de": "**Hinweis**: x\n", "fr": "Remarque : x\n", "pt": "**Observe**: x\n"},
         [("fr", 1, "lost bold")]),
    ],
    markup: [
        ("gained inline html", {"de": "Drücken Sie <kbd>Strg</kbd>.\n", "fr": "Appuyez sur Ctrl.\n",
                                "pt": "Pressione Ctrl.\n"}, [("de", 1, "gained <kbd>")]),
    ],
    missing_block: [
        ("complete", {"de": "A.\n\nB.\n", "fr": "A.\n\nB.\n"}, []),
        ("missing code block, rest aligned", {
            "de": f"# T\n\nText [a](http://a).\n\n{FENCE}\nls\n{FENCE}\n\nEnde `x`.\n",
            "fr": f"# T\n\nTexte [a](http://a).\n\n{FENCE}\nls\n{FENCE}\n\nFin `x`.\n",
            "pt": "# T\n\nTexto [a](http://a).\n\nFim `x`.\n"},
            [("pt", 4, "missing code \"ls\"")]),
    ],
    extra_block: [
        ("nothing extra", {"de": "A.\n", "fr": "A.\n"}, []),
        ("extra paragraph", {"de": "# T\n\nA `x`.\n\nNotiz des Übersetzers, lang und ausführlich.\n\nB `y`.\n",
                             "fr": "# T\n\nA `x`.\n\nB `y`.\n", "pt": "# T\n\nA `x`.\n\nB `y`.\n"},
         [("de", 5, "extra paragraph")]),
    ],
}

CASES = [(rule, title, pages, expected) for rule, rows in TABLES.items() for title, pages, expected in rows]


@pytest.mark.parametrize("rule,title,pages,expected", CASES,
                         ids=[f"{r.ID}:{t}" for r, t, _, _ in CASES])
def test_rule_table(rule, title, pages, expected):
    reference = "en" if "en" in pages and "reference" in title else None
    findings = run_rule(rule, pages, reference=reference)
    got = [(f.locale, f.line) for f in findings]
    assert got == [(loc, line) for loc, line, _ in expected], [f"{f.locale}:{f.line} {f.message}" for f in findings]
    for f, (_, _, text) in zip(findings, expected):
        assert text in f.message, f.message
        assert f.rule == rule.ID and f.category == rule.CATEGORY
        assert f.fingerprint and len(f.fingerprint) == 16
