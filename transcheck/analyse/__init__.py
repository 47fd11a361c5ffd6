"""Analysis of parsed pages: alignment, text differences, shell commands, languages, semantics."""
