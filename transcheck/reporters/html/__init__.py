"""The HTML reporter: one self-contained review page (see :mod:`.document`).

Its style sheet and script ship as package data (``style.css``, ``script.js``).
"""

from .document import CSP, EXTENSION, NAME, SCRIPT, STYLE, render
from .escape import diff_pair, esc, file_href, safe_href

__all__ = ["CSP", "EXTENSION", "NAME", "SCRIPT", "STYLE", "diff_pair", "esc", "file_href", "render",
           "safe_href"]
