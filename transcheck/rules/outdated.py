"""A translation whose source page changed after the translation was last updated.

With a source (``--reference LOCALE``, or the unmarked source copy of the layout) and
git history, each translation is compared with its source: the source commits made
since the translation's last commit are listed (subject, lines added and deleted), the
source as it was then is compared with the source now, and the structure of the
translation is compared with the current source (blocks the source gained or lost).
Content changes are warnings; cosmetic source edits (whitespace only, link targets
only) are info. A translation with uncommitted edits counts as updated.

The history comes from one ``git log --numstat`` for the whole tree and old file
contents from one ``git cat-file --batch`` per worker. Git is optional: outside a
repository, or without git, this rule finds nothing and the rest of the run is
unaffected. Without a source (N-way consensus), it finds nothing either.
"""

from __future__ import annotations

import os
import re
import time
from typing import Iterator

from ..model import AlignedPage, Example, Finding, Location
from .base import RuleContext, fingerprint, shorten

ID = "outdated"
CATEGORY = "outdated"
SEVERITY = "warning"
WHY = ("A translation older than the latest change of its source may describe what the "
       "product no longer does.")
"""Why it matters (shown by ``transcheck explain``)."""
SCOPE = "group"
NEEDS_GIT = True
"""The run loads the git history (``ctx.facts.history``) when this rule is selected."""

EXAMPLES = (
    Example("translation updated after its source (no git history in an example: silent)", {
        "en": "# Install\n\nRun `make`.\n", "de": "# Installieren\n\nFühren Sie `make` aus.\n",
    }, fails=False),
)

_LINK_RE = re.compile(r"\]\([^)]*\)|<[a-z][a-z0-9+.-]*:[^>\s]*>|^\s*\[[^\]]+\]:\s*\S+.*$|https?://\S+",
                      re.I | re.M)


def _squash(text: str) -> str:
    return " ".join(text.split())


def classify(old: str | None, new: str) -> str:
    """How the source changed: ``whitespace``, ``links`` (targets only) or ``content``."""
    if old is None:
        return "content"
    if _squash(old) == _squash(new):
        return "whitespace"
    if _squash(_LINK_RE.sub("", old)) == _squash(_LINK_RE.sub("", new)):
        return "links"
    return "content"


def _structure_note(page: AlignedPage, source: str, locale: str) -> str:
    """How the translation's blocks now differ from the current source's, in words."""
    lacking = extra = 0
    for row in page.rows:
        s, t = row.cells.get(source), row.cells.get(locale)
        if s is not None and t is None:
            lacking += 1
        elif s is None and t is not None:
            extra += 1
    if not lacking and not extra:
        return "its blocks still line up with the current source"
    parts = []
    if lacking:
        parts.append(f"{lacking} block(s) of the current source missing here")
    if extra:
        parts.append(f"{extra} block(s) here the source no longer has")
    return "; ".join(parts)


def check(page: AlignedPage, ctx: RuleContext) -> Iterator[Finding]:
    """Yield a finding for each translation older than the latest change of its source."""
    history, group = ctx.facts.history, ctx.facts.group
    if group is None:
        return
    source = page.reference
    if history is None or source is None or source not in page.documents:
        return
    by_locale = {f.locale: os.path.realpath(f.path) for f in group.files}
    src_path = by_locale.get(source)
    src_changes = history.files.get(src_path or "")
    if not src_changes:
        return
    for loc in sorted(page.documents):
        if loc == source:
            continue
        path = by_locale.get(loc)
        t_changes = history.files.get(path or "")
        if not t_changes or path in history.dirty:
            continue
        last = t_changes[0][0]  # newest commit touching the translation
        since = [c for c in src_changes if c[0] < last]
        if not since:
            continue
        base = history.commits[last]
        try:
            with open(src_path, encoding="utf-8", errors="replace") as fh:
                now = fh.read().replace("\r\n", "\n")
        except OSError:
            continue
        kind = classify(history.show(base.sha, src_path), now)
        commits = [history.commits[i] for i, _, _ in since]
        added = sum(a for _, a, _ in since)
        deleted = sum(d for _, _, d in since)
        listed = "; ".join(f"{c.sha[:7]} \"{shorten(c.subject, 60)}\" (+{a} -{d})"
                           for c, (_, a, d) in zip(commits[:5], since[:5]))
        more = f"; and {len(commits) - 5} more" if len(commits) > 5 else ""
        what = {"whitespace": "whitespace-only source changes",
                "links": "source changes to link targets only",
                "content": "source content changed"}[kind]
        when = time.strftime("%Y-%m-%d", time.gmtime(base.time))
        msg = (f"{len(commits)} source commit(s) since this translation was last updated "
               f"({base.sha[:7]}, {when}), +{added} -{deleted} lines: {listed}{more}; {what}; "
               f"{_structure_note(page, source, loc)}")
        doc, src_doc = page.documents[loc], page.documents[source]
        yield Finding(rule=ID, category=CATEGORY, severity="info" if kind != "content" else SEVERITY,
                      page=group.page, locale=loc, file=doc.path, line=1, end_line=1, message=msg,
                      expected=f"{src_doc.path} as of {commits[0].sha[:7]}",
                      actual=f"translated from {src_doc.path} as of {base.sha[:7]}",
                      fingerprint=fingerprint(ID, group.page, loc, commits[0].sha),
                      related=(Location(source, src_doc.path, 1, 1),), basis="reference")
