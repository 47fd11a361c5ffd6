"""Code spans translated, changed, lost or added.

Code spans (`` `docker image build` ``, `` `FROM` ``) name literal things: commands,
options, files, error messages. They must be the same in every locale of a segment,
in any order. A span present in the others and absent here is *missing*; one here and
not in the others is *extra*; both at once is usually a span that was translated
(`` `fichier non trouvé` `` for `` `file not found` ``). A difference that is only
formatting (the same text as plain words in the other locales) is reported at info.
Translatable placeholders inside a span (`` `git add <your-file>` `` and
`` `git add <你的文件名>` ``; the same patterns as for code blocks) are not compared,
and a span that differs only inside a string literal (`` `addTodo('Nouvel élément')` ``)
or in the spacing around ``=``, ``,``, ``:`` and brackets (`` `a = b` `` and `` `a=b` ``) is info,
and so is the same name written another way (:func:`~transcheck.analyse.codeforms.name_form`:
`` `getStaticPaths()` `` / `` `getStaticPaths` ``, `` `src/pages/` `` / `` `/src/pages` ``),
and so is a span repeated more or less often when every locale has it (`` `large` `` named in a
table row's description as well as in its type column). Invisible direction marks (U+200E…)
that right-to-left pages add are not part of a span.

A span that reads as a plain word (letters only, one word, no capital after the first letter:
`` `wrapper` ``, `` `dict` ``, `` `Span` ``; not `` `useState` ``, `` `FROM` ``, `` `k8s` ``)
present on one side only is info: translators format an English term as code, or write an
identifier as a word of their language (`` `dict` `` as "словарь"). So is a phrase of two or
three such words that only one side formats as code (`` `feature flags` ``). Not a dropped
hyphenated name (`` `src-tauri` ``) or span of several words (`` `file not found` ``), nor an
added word that the others format as code elsewhere on the page but do not write here (a
stale paragraph naming `` `label` ``). Spans that differ only in the
quotes around them (`` `"en-US"` `` and `` `en-US` ``) or in a plural ending
(`` `action` `` and `` `actions` ``) are info too; a change of letter case (`` `Boolean` ``
for `` `boolean` ``) is not. A localized example is info as well: a span whose natural-language words
were translated around the code they share (`` `:::tip[Did you know?]` `` and
`` `:::tip[Le saviez-vous ?]` ``), whose example names were translated (`` `@something` `` and
`` `@algo` ``, `` `your_enum_member.value` `` and `` `votre_membre_d_enum.value` ``: names with
*your*, *my*, *something*, *example*…) or whose locale code became the page's own
(`` `/en/about` `` and `` `/fr/about` ``, `` `ar/index.md` `` and `` `ru/index.md` `` on the ru page);
a span of words only that was translated stays a finding, unless it quotes the page's own
example translated the same way (`` `内联代码` `` for `` `inline code` `` where the
translation's Markdown example, otherwise the same, says `` `内联代码` ``).

Spans a translation only adds are weaker evidence than a dropped or changed one: when the
reference's sentence there says it with a pronoun and each added span names what the other
locales name in the rows just before, back to the section's heading (the translation writes
`` `Response` `` where the reference says "It accepts…"), the finding is info. An added span
where the reference's sentence has no pronoun (a stale sentence naming a property the reference
no longer names) stays an error.

A span whose text the reference writes here as plain, bold or link text is formatting, spans
one by one (:func:`~transcheck.analyse.codeforms.formatting_only`): `` `Logs Bridge API` `` for
**Logs Bridge API**, `` `str` `` for "a string", `` `head` `` written "head"; the rest is compared
as above, so `` `Trecho` `` for `` `Span` `` stays an error even where the page says "span".
A block that holds exactly the spans and links of the block next to it as well (an intro line
joined with the first list item, names written as a list after their paragraph) is that block
joined or split, not a difference (:mod:`~transcheck.analyse.spills`).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from typing import Iterator

from ..analyse import codeforms, textdiff
from ..analyse.language import has_pronoun
from ..analyse.semantic.sentences import split_sentences
from ..locales import ISO_639_1
from ..model import AlignedPage, Example, Finding
from ..analyse.localized import PROSE_INFOS, example_names_only, localized_text_only, mask_strings
from ..analyse.placeholders import compile_patterns, layout_key, mask
from ..analyse.spills import joined
from .base import RuleContext, locale_codes, lowered, make_finding, prose_count_drift, severity_for, shorten

ID = "inline-code"
CATEGORY = "inline-code-drift"
SEVERITY = "error"
WHY = ("Code spans name commands, options and files; a changed or dropped span sends the "
       "reader of one locale to the wrong name.")
"""Why it matters (shown by ``transcheck explain``)."""

EXAMPLES = (
    Example("same spans, different order", {
        "de": "Die Befehle `RUN` und `CMD` sind wichtig.\n",
        "fr": "`CMD` et `RUN` sont importants.\n",
    }, fails=False),
    Example("a translated code span", {
        "de": "Sie erhalten keinen `file not found`-Fehler.\n",
        "pt": "Você não receberá um erro `file not found`.\n",
        "fr": "Vous n'aurez pas d'erreur `fichier non trouvé`.\n",
    }, fails=True),
)


_BIDI = dict.fromkeys(map(ord, "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
"""Invisible direction marks that right-to-left pages put around code (``run()`` + U+200E)."""


_WORD_RE = re.compile(r"[^\W\d_]{2,}(?:-[^\W\d_]+)*")


def prose_word(span: str) -> bool:
    """True for a span that reads as one word of prose: letters (inner hyphens allowed), two
    or more, no capital after the first letter (``tracer``, ``head-based``, ``Span``, ``словарь``;
    not ``useState``, ``PostgreSQL``, ``FROM``, ``k8s``, ``dict()``)."""
    return bool(_WORD_RE.fullmatch(span)) and not any(c.isupper() for c in span[1:])


def _prose_phrase(span: str) -> bool:
    """True for two or three plain words (``feature flags``)."""
    words = span.split(" ")
    return 2 <= len(words) <= 3 and all(prose_word(w) for w in words)


def _unquote(span: str) -> str:
    return span[1:-1] if len(span) > 2 and span[0] == span[-1] and span[0] in "'\"" else span


def _same_word(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ only in quotes around them or in a plural ending."""
    a, b = _unquote(a), _unquote(b)
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return prose_word(short) and (long in (short + "s", short + "es")
                                  or (short.endswith("y") and long == short[:-1] + "ies"))


_WORDS_ONLY_RE = re.compile(r"[^\W\d_]+(?:[\s'’-]+[^\W\d_]+)*")


def _localized(a: str, b: str, codes: tuple[set[str], set[str]]) -> bool:
    """True when span ``b`` is ``a`` with a locale code switched to the page's own (``fr`` for
    ``en``, ``/fr/about`` for ``/en/about``), with its example names translated
    (:func:`~transcheck.analyse.localized.example_names_only`) or with the words around
    the code they share translated
    (``:::tip[Le saviez-vous ?]``); not when a span of words only was translated."""
    if (a.lower() in codes[0] and b.lower() in codes[1]) or example_names_only(a, b):
        return True
    words_only = _WORDS_ONLY_RE.fullmatch(a) or _WORDS_ONLY_RE.fullmatch(b)  # `fichier non trouvé`
    return not words_only and localized_text_only(a, b, codes)




def _example_pairs(page: AlignedPage, loc: str, supporters: list[str]) -> list[tuple[str, str]]:
    """``(supporter's code, this locale's code)`` of every aligned pair of code blocks that
    differ only in localized text (a Markdown or text example, or string literals)."""
    pairs = []
    for row in page.rows:
        mine = row.cells.get(loc)
        if mine is None or mine.kind != "code":
            continue
        for o in supporters:
            theirs = row.cells.get(o)
            if theirs is not None and theirs.kind == "code" and theirs.text != mine.text and (
                    mine.info.lower() in PROSE_INFOS or mask_strings(theirs.text) == mask_strings(mine.text)):
                pairs.append((theirs.text, mine.text))
    return pairs


def _quotes_example(a: str, b: str, pairs: list[tuple[str, str]]) -> bool:
    """True when span ``b`` is ``a`` translated as the page's own example translates it: a
    code block of the others holds ``a`` where this locale's (otherwise the same) holds ``b``
    (`` `内联代码` `` for `` `inline code` `` quoting a translated Markdown example)."""
    return any(a in theirs and b in mine and a not in mine for theirs, mine in pairs)


def _paired(missing: Counter, extra: Counter, same) -> bool:
    """True when every missing span pairs with one extra span for which ``same(missing, extra)``."""
    left = list(extra.elements())
    for m in missing.elements():
        k = next((i for i, e in enumerate(left) if same(m, e)), None)
        if k is None:
            return False
        left.pop(k)
    return not left


def _page_spans(page: AlignedPage) -> dict[str, set[str]]:
    """Every locale's code spans on the whole page."""
    coded: dict[str, set[str]] = {}
    for r in page.rows:
        for lc, sg in r.present().items():
            coded.setdefault(lc, set()).update(i.text.translate(_BIDI).strip() for i in sg.inlines if i.kind == "code")
    return coded


def _plain_words_only(d, coded: dict[str, set[str]], prose: list[str]) -> bool:
    """True when the spans are on one side only and read as plain words: a missing one is one
    word without hyphens (``dict``; ``src-tauri`` is a name); an extra one is a word or a
    phrase that one of the others writes in its text here (``prose``), or that none of them
    formats as code anywhere on the page (``coded``: each locale's spans). A word a stale
    paragraph names (`` `label` ``, code elsewhere in the reference, absent from its text
    here) is a finding."""
    if d.missing and d.extra:
        return False
    if d.missing:
        return all(prose_word(k) and "-" not in k for k in d.missing)
    return all((prose_word(k) or _prose_phrase(k))
               and (any(re.search(rf"(?<!\w){re.escape(k)}(?!\w)", t, re.I) for t in prose)
                    or not any(k in coded[o] for o in d.supporters))
               for k in d.extra)


_CODE_SPAN = re.compile(r"(`+)[^`].*?\1")

ANTECEDENT_ROWS = 6
"""How many rows before a segment, back to its section's heading, may name what it calls "it"."""


def _named_before(page: AlignedPage, row, locales) -> set[str]:
    """Code spans that every one of ``locales`` writes in the rows before ``row``, back to and
    including its section's heading (at most :data:`ANTECEDENT_ROWS`): the names a pronoun
    there may stand for (`` `Response` `` where the reference says "It accepts…")."""
    at = next(i for i, r in enumerate(page.rows) if r is row)
    named = None
    for loc in locales:
        spans: set[str] = set()
        for r in reversed(page.rows[max(0, at - ANTECEDENT_ROWS):at]):
            sg = r.cells.get(loc)
            if sg is None:
                continue
            spans.update(i.text.translate(_BIDI).strip() for i in sg.inlines if i.kind == "code")
            if sg.kind == "heading":
                break
        named = spans if named is None else named & spans
    return named or set()


def _added_name(page: AlignedPage, row, d, segs, loc: str) -> bool:
    """True when spans were only added, each names what the others name just before, and the
    reference's sentence in its place says it with a pronoun (the translation writes
    `` `HeroCreate` `` where the reference says "It has the same fields…"). Sentences are paired
    in order, so both sides must have as many. A span added where the reference sentence has no
    pronoun (a stale sentence naming a property the reference no longer names), and a dropped or
    changed span, are never this."""
    if d.missing or not d.extra or not d.supporters:
        return False
    ref = page.reference if page.reference in d.supporters else d.supporters[0]
    theirs, mine = split_sentences(segs[ref].text), split_sentences(segs[loc].text)
    if len(theirs) != len(mine) or not set(d.extra) <= _named_before(page, row, d.supporters):
        return False
    return all(has_pronoun(_CODE_SPAN.sub(" ", t), ref)
               for t, m in zip(theirs, mine) if any(k in m for k in d.extra))


def _fmt(c: Counter) -> str:
    return ", ".join(f"`{shorten(k, 50)}`" + (f" ×{n}" if n > 1 else "") for k, n in sorted(c.items()))


def check(page: AlignedPage, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding per segment and locale whose code spans differ."""
    rule = sys.modules[__name__]
    patterns = compile_patterns(tuple(ctx.settings.placeholders))
    key = lambda text: mask(text.translate(_BIDI).strip(), patterns)  # noqa: E731
    spans = lambda loc, s: Counter(key(i.text) for i in s.inlines if i.kind == "code")  # noqa: E731
    coded: dict[str, set[str]] = {}  # every locale's code spans on the whole page, gathered at the first drift
    page_codes = locale_codes(page.documents) | ISO_639_1
    for row, segs, _, loc, masked_drift in prose_count_drift(page, spans):
        if joined(page, row, loc, masked_drift.supporters):
            continue  # the spans are in the block next to it, joined into or split out of this one
        if not coded:
            coded.update(_page_spans(page))
        seg = segs[loc]
        raw = {key(i.text): i.text.strip() for lc in [*masked_drift.supporters, loc]
               for i in segs[lc].inlines if i.kind == "code"}
        d = type(masked_drift)(Counter({raw[k]: n for k, n in masked_drift.missing.items()}),
                               Counter({raw[k]: n for k, n in masked_drift.extra.items()}),
                               masked_drift.basis, masked_drift.supporters)
        others = [segs[o] for o in d.supporters]
        # formatting only: the text is there as plain words on the other side
        extra_plain = all(all(k.lower() in o.prose.lower() for o in others) for k in d.extra) if others else False
        missing_plain = all(k.lower() in seg.prose.lower() for k in d.missing)  # `await` = "Await for…"
        ref_side = [segs[page.reference]] if page.reference in d.supporters else others
        r = type(d)(*codeforms.formatting_only(d.missing, d.extra, seg, ref_side, prose_word), d.basis, d.supporters)
        reformatted = not (r.missing or r.extra) and not (extra_plain and missing_plain)
        formatting_only = (extra_plain and missing_plain) or reformatted
        one_side = r if not (d.missing and d.extra) else d  # a changed span stays one even if half is formatting
        here = spans(loc, seg)  # the same spans, only repeated more or less often (`large` in a table's
        theirs = [spans(o, segs[o]) for o in d.supporters]  # description and in its type column)
        counts_only = any(all(all(t[key(k)] for t in theirs) for k in c.extra) and all(here[key(k)] for k in c.missing)
                          for c in (d, r) if c.missing or c.extra)  # all spans, or those left after formatting
        pairs_of = [c for c in (d, r) if c.missing and c.extra]  # all spans, or those left after formatting
        variants = any(_paired(c.missing, c.extra, _same_word) for c in pairs_of)
        codes = (page_codes, locale_codes([loc]))  # `ar/` -> `ru/` in ru
        words = not variants \
            and any(_paired(c.missing, c.extra, lambda a, b: _localized(a, b, codes)) for c in pairs_of)
        if pairs_of and not (variants or words):
            pairs = _example_pairs(page, loc, d.supporters)
            words = any(_paired(c.missing, c.extra, lambda a, b: _quotes_example(a, b, pairs)) for c in pairs_of)
        plain_words = _plain_words_only(one_side if r.missing or r.extra else d, coded, [o.prose for o in others])
        added_name = not plain_words and _added_name(page, row, one_side, segs, loc)
        spacing = sorted(layout_key(k, free_form=False) for k in d.missing.elements()) == \
            sorted(layout_key(k, free_form=False) for k in d.extra.elements())
        alike = bool(d.missing and d.extra) and sorted(map(codeforms.name_form, d.missing.elements())) == \
            sorted(map(codeforms.name_form, d.extra.elements()))  # `src/pages/` for `src/pages`
        changed = "the same name written another way" if alike and not spacing else "translated or changed?"
        parts = []
        if d.missing and d.extra:
            if variants or words:
                why = "the same word: quotes or plural ending" if variants else \
                    "natural-language text or locale codes only: a localized example?"
                parts.append(f"code span {_fmt(d.extra)} instead of {_fmt(d.missing)} ({why})")
            elif sum(d.extra.values()) == 1 and sum(d.missing.values()) == 1:  # show where the one span differs
                here, there = textdiff.differing_parts(next(iter(d.extra)), next(iter(d.missing)))
                parts.append(f"code span `{here}` instead of `{there}` ({changed})")
            else:
                parts.append(f"code span {_fmt(d.extra)} instead of {_fmt(d.missing)} ({changed})")
        elif d.missing:
            parts.append(f"missing code span {_fmt(d.missing)}"
                         + (" (present here as plain text)" if missing_plain else
                            " (plain words: written as words of this language here?)" if plain_words else ""))
        else:
            parts.append(f"extra code span {_fmt(d.extra)}"
                         + (" (plain text in the others)" if extra_plain else
                            " (plain words: terms only this locale formats as code?)" if plain_words else
                            " (a name the others write just before: named here where they say 'it'?)"
                            if added_name else ""))
        who = ", ".join(d.supporters)
        note = " (majority used)" if d.basis in ("majority", "tie") else ""
        if reformatted and not plain_words:
            parts[0] += " (formatting only: the other side writes these words as text)"
        msg = f"{parts[0]}{' (each one is on both sides, repeated)' if counts_only else ''}; compared with {who}{note}"
        sev = severity_for(SEVERITY, d.basis)
        localized = sorted(mask_strings(k) for k in d.missing.elements()) == \
            sorted(mask_strings(k) for k in d.extra.elements())
        if formatting_only or localized or spacing or counts_only or variants or words or plain_words \
                or added_name or alike:
            # formatting, a translated literal, spacing, the same word, a term formatted as code
            sev = lowered(SEVERITY, 2)
        line = seg.line
        for i in seg.inlines:
            if i.kind == "code" and (key(i.text) in masked_drift.extra):
                line = i.line
                break
        yield make_finding(rule, page, loc, seg, msg,
                           expected=_fmt(d.missing) or "(none)", actual=_fmt(d.extra) or "(none)",
                           severity=sev,
                           basis=d.basis, row=row, key=(_fmt(d.missing), _fmt(d.extra)),
                           line=line, end_line=line)
