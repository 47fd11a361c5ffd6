"""Localized code examples: what a translator may change in code without drift.

Tutorials localize the human-language parts of their examples: string literals
(``title: 'Mon site'``), element text, program output, Markdown or plain-text examples,
the locale codes of an i18n config (``en:`` written ``ru:``, ``/fr/`` written ``/ru/``) and
example names (``my-reset``). The helpers here mask or recognise those parts, so that
the code rules report such a block as info while a changed key, identifier, option,
number, path or command stays a finding.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Iterator

import langcodes

from . import textdiff
from .placeholders import MARK

_STRING_RE = re.compile(r"""(["'`])(?:\\.|(?!\1)[^\\\n])*\1""")


_ELEMENT_TEXT_RE = re.compile(r">([^<>\n]*[^\W\d_][^<>\n]*|[^<>{};()=]*[^\W\d_][^<>{};()=]*)<")
PROSE_INFOS = frozenset("md markdown mdx mdoc markdoc text txt plaintext plain".split())
"""Fence info strings of Markdown examples and plain text: translated with the page."""


def _mask_text_lines(lines: list[str]) -> list[str]:
    """Mask element text on lines of its own (``<button>`` / ``Create User`` / ``</button>``):
    a line of words between a line ending a tag and one starting a tag; ``{expressions}``
    in it are kept."""
    out = list(lines)
    full = [k for k, line in enumerate(lines) if line.strip()]
    for a, k, b in zip(full, full[1:], full[2:]):
        text = lines[k].strip()
        if lines[a].rstrip().endswith(">") and lines[b].lstrip().startswith(("<", "{")) \
                and not _CODE_CHARS_RE.search(_EXPR_RE.sub("", text)) and _LETTER_RE.search(_EXPR_RE.sub("", text)):
            out[k] = "".join(part if part.startswith("{") else (MARK if _LETTER_RE.search(part) else part)
                             for part in _EXPR_SPLIT_RE.split(lines[k]))
    return out


_CODE_CHARS_RE = re.compile(r"[;(){}=<>\[\]`]")
_EXPR_RE = re.compile(r"\{[^{}\n]*\}")
_EXPR_SPLIT_RE = re.compile(r"(\{[^{}\n]*\})")
_LETTER_RE = re.compile(r"[^\W\d_]")


def mask_strings(code: str) -> str:
    """``code`` with the text of one-line string literals and of elements masked, where it
    holds a letter (``'Sterne'``, ``<div>chargement...</div>``, element text on a line of
    its own), and without blank lines.

    Tutorials localize example values and UI text; code that differs only there is a
    weaker finding than a changed command.
    """
    # literals are read left to right: in ``level="2" id="x"`` the quote closing ``"2"``
    # opens no literal
    code = _STRING_RE.sub(lambda m: m.group(1) + MARK + m.group(1) if _LETTER_RE.search(m.group(), 1) else m.group(),
                          code)
    code = _ELEMENT_TEXT_RE.sub(">" + MARK + "<", code)
    return "\n".join(line for line in _mask_text_lines(code.split("\n")) if line.strip())


_NOT_TEXT_RE = re.compile(r"[;{}=<>|$\\]|^\s*[-+*#/]|\w\(|\w\.\w+\(")


@lru_cache(maxsize=4096)
def is_plain_text(code: str) -> bool:
    """True for an unlabelled code block that holds sentences, not code: every line has a
    letter and no code syntax (``;{}=<>|$``, calls, options, comments), and most lines have
    three words or letters outside ASCII (``This project sucks…`` / ``你：我的代码出错了。``):
    an example dialogue or message, translated with the page."""
    lines = [line for line in code.split("\n") if line.strip()]
    if not lines or any(_NOT_TEXT_RE.search(line) or not _LETTER_RE.search(line) for line in lines):
        return False
    wordy = sum(1 for line in lines if len(_WORDY_RE.findall(line)) >= 3 or not line.isascii())
    return wordy * 2 > len(lines)


_MD_MARK_RE = re.compile(r"^\s*(?:[-*+]|#{1,6}|\d+[.)])\s+")


def plain_text_changes(expected: str, actual: str) -> bool:
    """True when the lines two unlabelled code blocks do not share are sentences on both
    sides (:func:`is_plain_text`, list and heading marks aside): an issue template or
    message translated around the code lines it quotes, which stay compared."""
    a, b = expected.split("\n"), actual.split("\n")
    here, there = [], []
    for op, i1, i2, j1, j2 in textdiff.opcodes(a, b):
        if op != "equal":
            here += [_MD_MARK_RE.sub("", x) for x in a[i1:i2]]
            there += [_MD_MARK_RE.sub("", x) for x in b[j1:j2]]
    return all(is_plain_text("\n".join(side)) for side in (here, there))


_TOKEN_RE = re.compile(r"[^\W_][\w'’.\u200c\u200d-]*|\S")  # ZWNJ/ZWJ join Persian, Indic words
_WORDY_RE = re.compile(r"[^\W\d_][\w'’.\u200c\u200d-]*|[.…!?¿¡？！。]")


def _words_only(here: list[str], there: list[str]) -> bool:
    """True when both sides of a differing stretch are words, with a letter outside ASCII
    or two words or more on each side."""
    words = here + there
    phrase = min(sum(1 for w in side if w[0].isalpha()) for side in (here, there)) >= 2
    return all(_WORDY_RE.fullmatch(w) for w in words) and (phrase or not all(w.isascii() for w in words))


def _units(expected: str, actual: str) -> Iterator[tuple[str, str]]:
    """The differing parts of two texts, line by line where a run of lines changed one for one."""
    a, b = expected.split("\n"), actual.split("\n")
    for op, i1, i2, j1, j2 in textdiff.opcodes(a, b):
        if op == "replace" and i2 - i1 == j2 - j1:
            yield from zip(a[i1:i2], b[j1:j2])
        elif op != "equal":
            yield "\n".join(a[i1:i2]), "\n".join(b[j1:j2])


def localized_text_only(expected: str, actual: str, codes: tuple[set[str], set[str]] = (set(), set())) -> bool:
    """True when two code texts differ only in natural-language words (``[plugin] Starting
    long process…`` and ``[plugin] 時間が掛かる処理を開始します…``: program output, text
    outside quotes) or in locale codes swapped with the page's locales (``en: 'New'`` and
    ``ja: '新規'``): a localized example. Every differing stretch must be words on both
    sides, with a letter outside ASCII or two words or more on each side (``my-reset`` and
    ``ma-reinitialisation`` are identifiers: see :func:`example_names_only`); words a line
    only loses and words it only gains count as one stretch (a phrase reworded around a
    name it keeps: ``Vite & Vue powered static site generator`` / ``Gerador de site estático
    com Vite & Vue``). ``codes`` are the locale codes expected on each side (lower-case).
    """
    found = False
    for x, y in _units(expected, actual):
        a, b = _TOKEN_RE.findall(x), _TOKEN_RE.findall(y)
        lost: list[str] = []
        gained: list[str] = []
        alone = True  # every pure loss or gain is words by itself
        for op, i1, i2, j1, j2 in textdiff.opcodes(a, b):
            if op == "equal":
                continue
            here, there = a[i1:i2], b[j1:j2]
            found = True
            if len(here) == len(there) == 1 and here[0].lower() in codes[0] and there[0].lower() in codes[1]:
                continue
            words = _words_only(here, there)
            if here and there and not words:
                return False
            if not (here and there):
                lost += here
                gained += there
                alone = alone and words
        if not alone and not (lost and gained and _words_only(lost, gained)):
            return False
    return found


_RUN_RE = re.compile(r"([^\W\d_]+(?:[_-][^\W\d_]+)*)")
_EXAMPLE_WORDS = frozenset("your my some something example foo bar baz".split())
"""Words English documentation names its example identifiers with (``your_enum_member``)."""


def example_names_only(a: str, b: str) -> bool:
    """True when ``b`` is ``a`` with example names translated: the same code around them, and
    each name that differs is a run of words one of which names an example in ``a`` and is
    gone from ``b`` (``@something`` / ``@algo``, ``your_enum_member.value`` /
    ``votre_membre_d_enum.value``; not ``my-tool`` / ``my-tol``, a typo). Runs of a file name
    joined by dots, or capitalised words joined by dots, are one name (``Example.File.md`` /
    ``Exemple.Fichier.md``, ``/Example.File``; not ``member.value`` / ``membre.valeur``), and
    a run may start with *example* (``/examplefile`` / ``/exemplefichier``)."""
    pa, pb = _RUN_RE.split(a), _RUN_RE.split(b)
    if len(pa) != len(pb) or pa[0::2] != pb[0::2]:
        return False

    def example(x: str, y: str) -> bool:
        words = lambda name: set(re.split(r"[_-]", name.lower()))  # noqa: E731
        return bool((_EXAMPLE_WORDS & words(x)) - words(y)) \
            or x.lower().startswith("example") and "example" not in y.lower()

    runs = list(zip(pa[1::2], pb[1::2]))
    names: list[list[tuple[str, str]]] = []  # changed runs; a file name's together
    k = 0
    while k < len(runs):
        if runs[k][0] == runs[k][1]:
            k += 1
            continue
        end = k + 1
        while end < len(runs) and pa[2 * end] == "." and runs[end][0] != runs[end][1]:
            end += 1  # runs joined by dots, all changed
        filename = end < len(runs) and pa[2 * end] == "." and runs[end][0] == runs[end][1] \
            or end - k > 1 and all(x.istitle() for x, _ in runs[k:end])  # Example.File: one name
        # a file name keeps its extension (Example.File.md); `member.value` is no file name
        names += [runs[k:end]] if filename else [[r] for r in runs[k:end]]
        k = end
    return bool(names) and all(any(example(x, y) for x, y in name) for name in names)


LOCALE = "\u27e8locale\u27e9"
"""What a masked locale code becomes."""
_CODE_TOKEN_RE = re.compile(r"[\w-]+|\S")


_TAG_RE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Z]{2}|[0-9]{3}))?")


@lru_cache(maxsize=1024)
def _is_language(code: str) -> bool:
    """True for a language tag as code writes it, of a known language (``fr``, ``pt-BR``,
    ``zh-Hans``)."""
    return bool(_TAG_RE.fullmatch(code)) and langcodes.tag_is_valid(code)


def mask_locale_codes(expected: str, actual: str, codes: set[str], own: set[str]) -> tuple[str, str]:
    """Both code texts with their locale codes masked (:data:`LOCALE`, quotes dropped): the
    page's ``codes`` on both sides, and a language code of the reference's example that the
    translation writes as its ``own`` (``/fr/:splat`` / ``/ru/:splat``, ``Language=fr`` /
    ``Language=ru``). An i18n example written for the translation's locale (``en: 'My
    Docs'`` / ``ru: 'Моя документация'``, ``en:`` / ``'zh-CN':``) is a localized example."""
    extra = set()
    a, b = _CODE_TOKEN_RE.findall(expected), _CODE_TOKEN_RE.findall(actual)
    for op, i1, i2, j1, j2 in textdiff.opcodes(a, b):
        if op == "replace" and i2 - i1 == j2 - j1 == 1 and b[j1].lower() in own and _is_language(a[i1]):
            extra.add(a[i1])

    def masked(text: str, found: set[str]) -> str:
        if not found:
            return text
        alternatives = "|".join(re.escape(c) for c in sorted(found, key=len, reverse=True))
        return re.sub(rf"(?<![\w-])(['\"]?)(?:{alternatives})\1(?![\w-])", LOCALE, text, flags=re.I)

    return masked(expected, codes | extra), masked(actual, codes)


def literal_words(texts: list[str]) -> Counter:
    """The names (``[\\w-]+`` with a letter) written inside the string literals of ``texts``, counted."""
    return Counter(w for t in texts for m in _STRING_RE.finditer(t) for w in re.findall(r"[\w-]+", m.group()[1:-1])
                   if _LETTER_RE.search(w))


def renamed_as_page(expected: str, actual: str, theirs: Counter, mine: Counter) -> bool:
    """True when ``actual`` differs from ``expected`` only in names, each renamed as this
    locale's own examples rename it: a name the others write in string literals
    (``theirs``, :func:`literal_words`) and this locale never does, for one this locale
    writes there and the others never do (``[plugin-use-translations]`` in example output
    where the translation's example config says ``name: 'plugin-utilisant-traductions'``).
The counts must leave out the two blocks compared."""
    a, b = _CODE_TOKEN_RE.findall(expected), _CODE_TOKEN_RE.findall(actual)
    found = False
    for op, i1, i2, j1, j2 in textdiff.opcodes(a, b):
        if op == "equal":
            continue
        if op != "replace" or i2 - i1 != 1 or j2 - j1 != 1:
            return False
        x, y = a[i1], b[j1]
        if not (theirs[x] and mine[y] and not mine[x] and not theirs[y]):
            return False
        found = True
    return found


_IDENT_RE = re.compile(r"[A-Za-z_$][\w$]*")
_DECLARED_RE = re.compile(r"\b(?:const|let|var|function|class|type|interface|import)\s+"
                          r"(?:\{([^{}]*)\}|([A-Za-z_$][\w$]*))")
_TYPE_BODY_RE = re.compile(r"\b(?:type\s+[\w$]+\s*=|interface\s+[\w$]+)\s*\{([^{}]*)\}")


def declared_names(code: str) -> set[str]:
    """Names ``code`` declares itself: after ``const``/``let``/``var``/``function``/``class``/
    ``type``/``interface`` (destructured lists too), a default import's name and an import's
    ``as`` alias (not a named import: ``import { Badge }`` names the package's API), and the
    members of a type it declares (``type Props = { showAlert: boolean }``)."""
    out: set[str] = set()
    for m in _DECLARED_RE.finditer(code):
        group, name = m.group(1), m.group(2)
        if m.group().startswith("import"):
            out.update(re.findall(r"\bas\s+([A-Za-z_$][\w$]*)", group) if group else [name])
        else:
            out.update(_IDENT_RE.findall(group) if group else [name])
    for body in _TYPE_BODY_RE.findall(code):
        out.update(re.findall(r"([A-Za-z_$][\w$]*)\s*\??\s*:", body))
    return out - {"as", "from", "type", "default"}


def renamed_locals(expected: str, actual: str) -> dict[str, str]:
    """The renaming (old name -> new name) that turns ``expected`` into ``actual`` when it
    renames only names the example declares itself, each one the same way everywhere
    (``ReactPokemonComponent`` / ``ReactPokemonKomponente`` after ``import``, ``showAlert`` /
    ``afficherAlerte`` as a prop its own ``type Props`` declares): the same program. Empty
    otherwise: a renamed name the block uses but does not declare (an API's ``.value``
    written ``.valeur``) is a change."""
    a, b = _CODE_TOKEN_RE.findall(expected), _CODE_TOKEN_RE.findall(actual)
    mine, theirs = declared_names(expected), declared_names(actual)
    forward: dict[str, str] = {}
    backward: dict[str, str] = {}
    for op, i1, i2, j1, j2 in textdiff.opcodes(a, b):
        if op == "equal":
            continue
        if op != "replace" or i2 - i1 != j2 - j1:
            return {}
        for x, y in zip(a[i1:i2], b[j1:j2]):
            if x not in mine or y not in theirs or forward.setdefault(x, y) != y or backward.setdefault(y, x) != x:
                return {}
    # every use renamed with its declaration: no old name left, no new name there before
    return forward if not set(forward) & set(b) and not set(backward) & set(a) else {}


_FROM_RE = re.compile(r"""\bfrom\s+(["'])(.*?)\1""")


def renamed_locals_in(expected: str, actual: str, bare: str, bare_here: str) -> bool:
    """:func:`renamed_locals` on the blocks with their string literals masked (``bare``,
    ``bare_here``), where the modules imported are the same, or a relative one renamed as its
    name is (``'../components/ReactPokemonComponent.jsx'`` with ``ReactPokemonComponent``)."""
    names = renamed_locals(bare, bare_here)
    if not names:
        return False
    mods_a = [m[1] for m in _FROM_RE.findall(expected)]
    mods_b = [m[1] for m in _FROM_RE.findall(actual)]
    if len(mods_a) != len(mods_b):
        return False
    for x, y in zip(mods_a, mods_b):
        if x != y and not (x.startswith(".") and re.sub(r"[\w$]+", lambda w: names.get(w[0], w[0]), x) == y):
            return False
    return True
