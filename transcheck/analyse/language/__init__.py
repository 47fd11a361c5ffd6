"""Language identification for prose: scripts, languages, foreign spans.

One package, split by concern: :mod:`.data` (tables), :mod:`.scripts`, :mod:`.detect`,
:mod:`.documents`, :mod:`.spans`. Pure functions over strings; nothing here knows about Markdown or the parser.

* :func:`script_of` / :func:`script_counts`: Unicode script of letters.
* :func:`detect`: the language of a text, from script evidence first and a seeded,
  deterministic langdetect second (its Rust port langdetect-rs when installed: the
  same results, about 50 times faster; see :func:`.detect.core_name`).
* :func:`foreign_spans`: the parts of a text that are not in the expected language,
  down to a sentence or the tail of a sentence that switches script.
* :func:`document_language`: a whole document's language (majority by characters).
* :func:`same_text_ratio`: how alike two prose strings are (for "untranslated").

Every result is cached on its (hashable) arguments and never depends on the hash
seed or on call order: langdetect profiles are loaded in sorted order into a private
factory with a fixed seed, and every call builds a fresh detector.
"""

from ...locales import base_language
from .data import Detection, Span, is_language, language_name
from .detect import detect, detectable_languages, has_pronoun, same_text_ratio
from .documents import document_language
from .scripts import has_translatable_text, language_scripts, mask_technical, natural_words, script_counts, script_of
from .spans import foreign_spans

__all__ = [
    "Detection",
    "Span",
    "base_language",
    "script_of",
    "script_counts",
    "language_scripts",
    "mask_technical",
    "natural_words",
    "detect",
    "detectable_languages",
    "foreign_spans",
    "document_language",
    "same_text_ratio",
    "language_name",
    "is_language",
    "has_translatable_text",
    "has_pronoun",
]
