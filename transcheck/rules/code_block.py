"""Code blocks that differ between locales.

Commands and code are not translated: every locale of a page must carry the same
code, byte for byte, except for trailing whitespace, translatable placeholders
(``<your-username>``, ``{{path/to/file}}``; patterns are configurable, option
alternatives such as ``{{[-a|--all]}}`` stay code), comments (``# build it``, ``// ...``:
translators translate them; a block that differs only in its comments is not reported)
and shell prompts (``$``, ``(main) $``). Whitespace inside a command matters:
``build -t name.`` is not ``build -t name .``. Reported as info, since translators
localize them: a block that differs only inside string literals (``label: 'Sterne'``,
``<div>chargement…</div>``, element text on a line of its own) or in blank lines; a
JavaScript, Go, JSON... block that differs only in layout (indentation, spacing,
trailing commas, ``"`` or ``'``: unlike in shell, Python or YAML they have no meaning),
or in layout and localized text; a block whose example names alone were translated
(``@layer my-reset`` and ``@layer ma-reinitialisation``: names with *my*, *your*,
*example*…) or renamed as the page's own examples rename them (example output naming the
plugin the translation's example config calls ``'plugin-utilisant-traductions'``); a Markdown or plain-text example (fence ``md``, ``mdx``, ``text``); an
i18n example written for the translation's locale (``en: 'My Docs'`` / ``ru: 'Моя
документация'``, ``/fr/:splat`` / ``/ru/:splat``); the diff markers of a ``diff lang="js"``
block left out; a block that is the one the others have at another place, where this
locale has none (a stale page's example paired with another one).

Who drifted: the reference locale when there is one. Otherwise evidence beats the
majority: for shell blocks, a variant that breaks the grammar of a known CLI (a
``docker build`` with no build context, an image name ending in ``.``) loses even
when most locales share it, and a variant whose identifiers appear elsewhere on the
page wins over one whose identifiers appear nowhere. Only when nothing separates the
variants does the majority decide, at a lower severity.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from typing import Iterator

from ..analyse import shell, textdiff
from ..analyse.localized import (PROSE_INFOS, example_names_only, literal_words, localized_text_only, mask_locale_codes,
                                 mask_strings, plain_text_changes, renamed_as_page, renamed_locals_in)
from ..analyse.placeholders import FREE_FORM_INFOS, code_lines, compile_patterns, layout_key, mask
from ..model import AlignedPage, AlignedRow, Example, Finding, Segment
from .base import RuleContext, basis_note, judge, locale_codes, make_finding, severity_for, shorten

ID = "code-block"
CATEGORY = "code-drift"
SEVERITY = "error"
WHY = ("Readers copy commands from the page they read: a command that lost a space, a flag "
       "or an argument in one locale fails only for the readers of that locale.")
"""Why it matters (shown by ``transcheck explain``)."""

EXAMPLES = (
    Example("same command everywhere", {
        "de": "Bauen Sie das Image.\n\n```bash\ndocker build -t app .\n```\n",
        "fr": "Construisez l'image.\n\n```bash\ndocker build -t app .\n```\n",
    }, fails=False),
    Example("translated placeholder is fine", {
        "de": "```bash\ndocker push <ihr-name>/app\n```\n",
        "fr": "```bash\ndocker push <votre-nom>/app\n```\n",
    }, fails=False),
    Example("translated comment, same commands", {
        "de": "```bash\n# das Image bauen\ndocker build -t app .  # der Punkt zählt\n```\n",
        "fr": "```bash\n# construire l'image\ndocker build -t app .  # le point compte\n```\n",
    }, fails=False),
    Example("a lost space before the build context", {
        "de": "```bash\ndocker build -t app.\n```\n",
        "fr": "```bash\ndocker build -t app .\n```\n",
        "ja": "```bash\ndocker build -t app.\n```\n",
    }, fails=True),
)


def _normalise(code: str) -> str:
    lines = [ln.rstrip() for ln in code.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def _code_words(seg: Segment) -> Counter:
    words: Counter = Counter()
    if seg.kind == "code":
        words.update(seg.text.split())
    for i in seg.inlines:
        if i.kind == "code":
            words.update(i.text.split())
    return words


def _mentions(page: AlignedPage, row: AlignedRow, page_words: Counter | None = None) -> Counter:
    """Words of code and code spans elsewhere on the page (outside ``row``), in every locale.

    ``page_words`` (the words of the whole page, from :func:`_page_words`) makes this
    linear in the row instead of the page.
    """
    if page_words is None:
        page_words = _page_words(page)
    words = Counter(page_words)
    for seg in row.present().values():
        words.subtract(_code_words(seg))
    return +words


def _page_words(page: AlignedPage) -> Counter:
    """Words of code and code spans in every segment of every locale of the page."""
    words: Counter = Counter()
    for doc in page.documents.values():
        for seg in doc.segments:
            words.update(_code_words(seg))
    return words


def _describe(expected: str, actual: str) -> str:
    """Say in words how ``actual`` differs from ``expected`` (whitespace, tokens)."""
    if "".join(expected.split()) == "".join(actual.split()):
        notes = []
        for op, i1, i2, j1, j2 in textdiff.opcodes(expected, actual):
            if op == "equal":
                continue
            before = expected[:i1].split()[-1:] or [""]
            after = expected[i2:].split()[:1] or [""]
            where = f"between `{before[0]}` and `{after[0]}`" if before[0] and after[0] else (
                f"after `{before[0]}`" if before[0] else f"before `{after[0]}`")
            if op == "delete":
                notes.append(f"lost the space {where}")
            elif op == "insert":
                notes.append(f"gained a space {where}")
            else:
                notes.append(f"changed whitespace {where}")
        return "; ".join(notes) or "whitespace differs"
    if expected.replace('"', "'") == actual.replace('"', "'"):
        return "quotes differ (`\"` and `'`)"
    if len(expected) + len(actual) > 2 * shell.MAX_CHECKED:  # too long to tokenize quickly
        first = next((i1 for op, i1, *_ in textdiff.opcodes(expected, actual) if op != "equal"), 0)
        return f"differs from line {expected.count(chr(10), 0, first) + 1} of the block on"
    a, b = shell.tokenize(expected), shell.tokenize(actual)
    notes = []
    for op, i1, i2, j1, j2 in textdiff.opcodes(a, b):
        exp = " ".join(t for t in a[i1:i2] if t != "\n")
        act = " ".join(t for t in b[j1:j2] if t != "\n")
        if op == "replace":
            here, there = textdiff.differing_parts(act, exp, limit=40)
            notes.append(f"`{here}` instead of `{there}`")
        elif op == "delete" and exp:
            notes.append(f"missing `{shorten(exp, 40)}`")
        elif op == "insert" and act:
            notes.append(f"extra `{shorten(act, 40)}`")
    return "; ".join(notes[:3]) + (f" (+{len(notes) - 3} more)" if len(notes) > 3 else "") \
        if notes else "lines differ"


_DIFF_MARK_RE = re.compile(r"^[+-](?=[ \t]|$)", re.M)


def _unmarked(code: str) -> str:
    """``code`` without diff markers opening its lines (``+  title: 'x'``): an Expressive
    Code ``diff lang="js"`` block marks changed lines so, a translation may leave them out."""
    return _DIFF_MARK_RE.sub("", code)


def _first_diff_line(seg: Segment, kept: list[tuple[int, str]], expected: str, actual: str) -> int:
    """The file line of the first code line that differs (``kept``: this block's code lines)."""
    first = seg.body_line or seg.line
    for op, i1, i2, j1, j2 in textdiff.opcodes(expected.split("\n"), actual.split("\n")):
        if op != "equal":
            # the first changed line (or the one before a pure deletion)
            j = max(0, j1 - (1 if op == "delete" and j1 > 0 else 0))
            return min(first + (kept[min(j, len(kept) - 1)][0] if kept else 0), seg.end_line)
    return first


def _unpaired_code(page: AlignedPage, loc: str, holder: str) -> set[str]:
    """The code blocks of ``holder`` (whitespace-free) in the rows where ``loc`` has no block."""
    return {"".join(seg.text.split()) for row in page.rows if row.cells.get(loc) is None
            for lc, seg in row.present().items() if lc == holder and seg.kind == "code"}


def check(page: AlignedPage, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding per locale whose code block differs from the expected one."""
    patterns = compile_patterns(tuple(ctx.settings.placeholders))
    page_words: Counter | None = None
    unpaired: dict[tuple[str, str], set[str]] = {}
    named: dict[str, Counter] = {}

    def literals(loc: str) -> Counter:
        """The names in the string literals of ``loc``'s code blocks on this page."""
        if loc not in named:
            named[loc] = literal_words([g.text for g in page.documents[loc].segments if g.kind == "code"])
        return named[loc]
    for row in page.rows:
        blocks = {loc: seg for loc, seg in row.present().items() if seg.kind == "code"}
        if len(blocks) < 2:
            continue
        any_seg = next(iter(blocks.values()))
        is_shell = shell.is_shell_block(any_seg.info, any_seg.text)
        kept = {loc: code_lines(_normalise(seg.text), seg.info)[0] for loc, seg in blocks.items()}
        masked = {loc: mask("\n".join(t for _, t in kept[loc]), patterns, seg.info)
                  for loc, seg in blocks.items()}
        if is_shell:  # prompts are not commands: ``(main) $`` = ``(main)$``
            masked = {loc: shell.strip_prompts(code) for loc, code in masked.items()}
        if len(set(masked.values())) == 1:
            continue  # the same code; comments, placeholders and prompts may differ
        grammar = {v: shell.problems(v, patterns) for v in set(masked.values())} if is_shell else {}

        valid = None
        if grammar and any(grammar.values()) and not all(grammar.values()):
            valid = (lambda v: not grammar[v])
        verdict = judge(masked, page.reference, valid)
        if verdict.basis in ("majority", "tie"):
            # identifiers mentioned elsewhere on the page are evidence too
            if page_words is None:
                page_words = _page_words(page)
            mentions = _mentions(page, row, page_words)
            support = {}
            for v in set(masked.values()):
                others = set(masked.values()) - {v}
                own = set(v.split()) - set().union(*(set(o.split()) for o in others))
                support[v] = sum(1 for w in own if mentions[w])
            best = max(support.values())
            if best > 0 and list(support.values()).count(best) == 1:
                winner = max(support, key=support.get)
                verdict = judge(masked, None, lambda v, w=winner: v == w)
        if verdict.expected is None:
            continue
        expected = str(verdict.expected)
        for loc in verdict.deviants:
            seg = blocks[loc]
            actual = masked[loc]
            why = _describe(expected, actual)
            # this block is one the others have where this locale has none: a stale page's
            # example paired with another one (its absence there is a missing block)
            holder = page.reference if page.reference in verdict.supporters else verdict.supporters[0]
            if (loc, holder) not in unpaired:
                unpaired[loc, holder] = _unpaired_code(page, loc, holder)
            elsewhere = "".join(seg.text.split()) in unpaired[loc, holder]
            bad = grammar.get(actual) or []
            prose_example = seg.info.lower() in PROSE_INFOS or not seg.info and plain_text_changes(expected, actual)
            free_form = seg.info.lower() in FREE_FORM_INFOS
            spacing = free_form and layout_key(_unmarked(expected)) == layout_key(_unmarked(actual))
            codes = (locale_codes(page.documents), locale_codes([loc]))
            # string literals and locale codes masked (``en: 'My Docs'`` / ``ru: 'Моя документация'``)
            bare, bare_here = (mask_strings(c) for c in mask_locale_codes(expected, actual, *codes))
            localized = bare == bare_here
            both = free_form and layout_key(_unmarked(bare)) == layout_key(_unmarked(bare_here))
            words = not (localized or both) and (
                localized_text_only(bare, bare_here, codes)
                or example_names_only(bare, bare_here)  # my-reset -> ma-reinitialisation
                or renamed_locals_in(expected, actual, bare, bare_here)  # const myFavoritePokemon -> meineLieblingspokemon
                or renamed_as_page(bare, bare_here, literals(holder) - literal_words([blocks[holder].text]),
                                   literals(loc) - literal_words([seg.text])))
            strings_only = prose_example or spacing or localized or both or words
            what = " (a Markdown or text example, translated with the page?)" if prose_example else \
                " only in spacing" if spacing and "".join(expected.split()) == "".join(actual.split()) else \
                " only in layout (spacing, quotes, trailing commas)" if spacing else \
                " only inside string literals, element text, locale codes or blank lines" if localized else \
                " only in layout and inside string literals, element text or locale codes" if both else \
                " only in natural-language text, locale codes or example names (a localized example)" if words else ""
            if elsewhere:
                what = " (it is the block the others have elsewhere, where this locale lacks one)"
            msg = f"code block differs{what}: {why}"
            if bad:
                msg += f" ({'; '.join(bad)})"
            msg += f"; expected as in {basis_note(verdict)}"
            line = _first_diff_line(seg, kept[loc], expected, actual)
            yield make_finding(
                sys.modules[__name__], page, loc, seg, msg,
                expected=_normalise(next(s.text for lc, s in blocks.items() if masked[lc] == expected)),
                actual=_normalise(seg.text),
                severity="info" if strings_only or elsewhere else severity_for(SEVERITY, verdict.basis),
                basis=verdict.basis, row=row, key=(expected, actual), line=line, end_line=line)
