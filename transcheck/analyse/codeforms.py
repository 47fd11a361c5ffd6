"""Code spans whose text the other side has, only not formatted as code.

A translation may format as code what the reference writes as plain, bold or link text
(`` `Logs Bridge API` `` for **Logs Bridge API**, `` `Paquetes NuGet` `` as the text of the
link the reference calls "NuGet packages", `` `NULL` `` in the place of "non-null"), name a type
the reference says in words (`` `str` `` for "a string"), or drop the code formatting of an
ordinary word (`` `head` `` written "head"). The word is there; only its formatting differs.
These helpers tell such spans apart from one whose text was changed or lost.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

from ..model import Segment
from .links import link_key

_LOWER_WORD = re.compile(r"[a-z]{3,}")
_TAG = re.compile(r"<([a-z]+)>")
_SYMBOL = re.compile(r"[^\w\s]{1,2}")
"""An operator alone (``=``, ``:``, ``=>``): it names no command, option or file."""


def _tag_name(span: str) -> str:
    """``head`` for the element ``<head>``; any other span as it is."""
    m = _TAG.fullmatch(span)
    return m[1] if m else span


_CALL = re.compile(r"\(\s*\)$")
_ELEMENT = re.compile(r"<\s*([A-Za-z][\w.:-]*)(\s[^<>]*?)?\s*/?\s*>")
_SCHEME = re.compile(r"^https?://")


def name_form(span: str) -> str:
    """``span`` as the name it writes, without the spelling a writer may choose: a call's
    empty parentheses (``getStaticPaths()``), the slashes around a path (``/src/pages/``), a
    URL's scheme, and how an element is closed and spaced (``<slot>``, ``<slot />``)."""
    s = _CALL.sub("", span.strip())
    m = _ELEMENT.fullmatch(s)
    if m:
        return f"<{m[1]}{' ' + ' '.join(m[2].split()) if m[2] and m[2].strip() else ''}>"
    s = _SCHEME.sub("", s)
    return (s.strip("/") or s) if "/" in s and " " not in s else s


def written_in(span: str, text: str) -> bool:
    """True when ``text`` holds ``span`` as a whole word or phrase, in any letter case
    (``NULL`` in "a non-null ``INTEGER``"; ``id`` is not in "identifier")."""
    return bool(span) and re.search(rf"(?<!\w){re.escape(span)}(?!\w)", text, re.I) is not None


def abbreviates(span: str, text: str) -> bool:
    """True when ``span`` is three or more lower-case letters that begin a longer word of
    ``text``: a type named as code that the other side says in words (``str`` for "a string",
    ``int`` for "an integer")."""
    return bool(_LOWER_WORD.fullmatch(span)) and re.search(rf"(?<!\w){span}\w", text, re.I) is not None


def in_shared_link(span: str, seg: Segment, others: Iterable[Segment]) -> bool:
    """True when ``span`` is inside the text of a link of ``seg`` whose target the other
    segments link too with words for its text (the translation formats a link's text as code:
    `` `Paquetes NuGet` `` for "NuGet packages"). Not where their link text is one name: fr's
    `` [`errorRetryInterval`](/docs/api#options) `` for en's ``[onErrorRetry](/docs/api#options)``
    names another option."""
    targets = {link_key(i.target) for o in others for i in o.inlines
               if i.kind == "link" and len(i.text.split()) > 1}
    return any(i.kind == "link" and span in i.text and link_key(i.target) in targets for i in seg.inlines)


def formatting_only(missing: Counter, extra: Counter, seg: Segment, theirs: list[Segment],
                    plain_word) -> tuple[Counter, Counter]:
    """Split off the spans that differ in formatting only and return what is left
    (``missing``, ``extra``). ``theirs``: the segments the extra spans are read against (the
    reference's alone when it is among them). An extra span is formatting when each of them
    writes its text as words (:func:`written_in`) or, when no span was dropped, says it in a
    longer word (:func:`abbreviates`), has the link whose text holds it
    (:func:`in_shared_link`) or is an operator alone (`` `=` ``: "the default value (after the
    `` `=` ``)" in an older wording); a missing span, when none was added, if ``plain_word(span)``
    holds and this segment writes it as a word (an element's name too: "head" for
    `` `<head>` ``). A dropped literal (`` `text/html` `` written « text/html ») is left: the
    reader no longer sees it is a value."""
    def explained_extra(k: str) -> bool:
        if all(written_in(k, o.prose) for o in theirs):
            return True
        # weaker evidence, for spans only added: beside a dropped span they may be its translation
        # (`Trecho` for `Span` in the text of the same link)
        return not missing and (all(abbreviates(k, o.prose) for o in theirs) or in_shared_link(k, seg, theirs)
                                or _SYMBOL.fullmatch(k) is not None)

    left_extra = Counter({k: n for k, n in extra.items() if not explained_extra(k)})
    left_missing = Counter({k: n for k, n in missing.items()
                            if extra or not (plain_word(_tag_name(k)) and written_in(_tag_name(k), seg.prose))})
    return left_missing, left_extra
