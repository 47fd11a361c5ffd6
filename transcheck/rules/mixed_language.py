"""Text in another language inside a translated segment.

Reports, in each prose segment of each locale, the sentences or parts of
sentences that are not written in the locale's language: a paragraph left in
another language, a sentence pasted from another locale, a sentence that
switches language midway. Product names, identifiers, file names, commands and
short Latin-script terms inside non-Latin prose (and longer runs of terms with fewer than two
function words of a language: ``path operation function parameter``, ``Runtime, build, connections
and security settings``) are not foreign; short segments
are judged only on script evidence. Language names in a language switcher
(``English · 简体中文 · Deutsch``) are not foreign text either. Whole segments that merely copy another
locale are left to the ``untranslated`` rule.

Threshold ``mixed_language_confidence`` (default 0.7): the minimum confidence of
a reported span.
"""

from __future__ import annotations

import sys
from typing import Iterator

from ..analyse.autonyms import without_autonyms
from ..analyse.language import foreign_spans, language_name
from ..model import AlignedPage, Example, Finding
from .base import Option, RuleContext, make_finding, option, shorten

ID = "mixed-language"
CATEGORY = "mixed-language"
SEVERITY = "warning"
WHY = ("A stretch of another language inside a translated paragraph is usually "
       "machine-translation debris or an unfinished edit; readers cannot read it.")
"""Why it matters (shown by ``transcheck explain``)."""
FACTS = ("misfiled", "copies")
CONF = (Option("mixed_language_confidence", 0.7, "detection confidence from which a span counts as "
               "written in another language"),)

EXAMPLES = (
    Example(
        "A Russian paragraph that switches to Chinese midway",
        {
            "ru": "Слои должны быть расположены ближе к концу файла, чтобы充分利用 Docker 层缓存。\n",
            "de": "Schichten sollten am Ende der Datei stehen, um den Docker-Schichtcache zu nutzen.\n",
        },
        True,
    ),
    Example(
        "Product names and commands inside translated prose",
        {
            "ru": "Alpine Linux - это дистрибутив Linux, основанный на musl и BusyBox.\n",
            "ja": "Alpine Linux は、musl と BusyBox に基づく Linux ディストリビューションです。\n",
        },
        False,
    ),
)


def check(page: AlignedPage, ctx: RuleContext) -> Iterator[Finding]:
    """Report foreign-language spans inside each locale's prose segments."""
    min_conf = option(ctx, CONF, "mixed_language_confidence")
    module = sys.modules[__name__]
    skip = ctx.facts.misfiled  # files wholly in another language are reported once, by wrong-language
    for row in page.rows:
        for locale, seg in row.present().items():
            lang = ctx.facts.languages.get(locale, "")
            if not lang or not seg.is_prose or not seg.prose.strip() or locale in skip:
                continue
            spans = foreign_spans(without_autonyms(seg), lang, min_confidence=min_conf)
            if not spans:
                continue
            whole = (row.index, locale) in ctx.facts.copies
            for span in spans:
                piece = seg.prose[span.start:span.end]
                if whole and len(piece) >= 0.9 * len(seg.prose.strip()):
                    continue  # the untranslated rule reports the whole segment
                piece = seg.text[span.start:span.end].strip()  # same offsets, code spans kept
                line, end_line = seg.line_of(span.start), seg.line_of(max(span.start, span.end - 1))
                name = language_name(span.lang)
                yield make_finding(
                    module, page, locale, seg,
                    f"{name} text in {language_name(lang)} {seg.kind.replace('_', ' ')}: "
                    f"«{shorten(piece, 60)}»",
                    expected=f"{language_name(lang)} ({lang})",
                    actual=f"{name} ({span.lang}): {shorten(piece)}",
                    row=row,
                    key=(span.lang, " ".join(piece.split())),
                    line=line,
                    end_line=end_line,
                )
