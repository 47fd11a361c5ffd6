"""Regular expressions for numbers in text (one place for every stage)."""

from __future__ import annotations

import re

NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
"""A plain number (``3``, ``3.8``, ``1,000``): an alignment and identification anchor."""

NUMBER_TOKEN_RE = re.compile(r"(?<![\w.])\d+(?:[.,\u00a0\u202f ]\d+)*|(?<=[A-Za-z])\d+(?:[.,]\d+)*")
"""A number as the ``number`` rule compares it: digit groups may be split by spaces or
no-break spaces (``1 000``), and digits glued to letters count (``python3``)."""
