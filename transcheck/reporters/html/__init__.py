"""The HTML reporter: one self-contained review page (:mod:`.document`), or for sites of any
size a review site, an index plus one page per document (:mod:`.site`, ``--report DIR``).

Its style sheet and script ship as package data (``style.css``, ``script.js``).
"""

from .document import CSP, EXTENSION, NAME, SCRIPT, STYLE, render
from .escape import diff_pair, esc, file_href, safe_href
from .site import site_files, write_site

__all__ = ["CSP", "EXTENSION", "NAME", "SCRIPT", "STYLE", "diff_pair", "esc", "file_href", "render",
           "safe_href", "site_files", "write_site"]
