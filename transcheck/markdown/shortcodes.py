"""Hugo shortcodes: markup, not prose; and the ones that hold code are code.

``{{< tabpane text=true >}} {{% tab Traces %}}`` on a line of its own is a paragraph to
a Markdown parser, and its words (``tabpane``, ``text``, ``Traces``) would read as
untranslated English on every translated page. Shortcodes are blanked out of the
prose instead (:func:`blank_shortcodes`). Shortcodes whose inner content is code or
program output (``{{< highlight go >}}``, ``{{< code >}}``, ``{{< output >}}``, a
``{{< tab >}}`` of a ``{{< tabpane >}}`` without ``text=true``) become fenced code
blocks before parsing (:func:`fence_code_shortcodes`), so that the language rules
leave them alone and the code rules compare them.
"""

from __future__ import annotations

import re

SHORTCODE_RE = re.compile(r"\{\{[<%].*?[%>]\}\}", re.S)
"""A Hugo shortcode call, opening or closing (``{{< name args >}}``, ``{{% /name %}}``)."""

_LINE_RE = re.compile(r"^[ \t]*\{\{<\s*(?P<close>/)?\s*(?P<name>[\w/-]+)(?P<args>[^>]*?)\s*/?>\}\}[ \t]*$")
_CODE_NAMES = frozenset({"highlight", "code", "output", "codeblock"})
_TEXT_TRUE = re.compile(r"\btext\s*=\s*\"?true\b")
_LANG_ARG = re.compile(r"""\b(?:lang|language|codelang)\s*=\s*"?([\w+#-]+)""")


def blank_shortcodes(prose: str) -> str:
    """``prose`` with every shortcode call replaced by spaces (same length, same lines)."""
    return SHORTCODE_RE.sub(lambda m: "".join(c if c == "\n" else " " for c in m.group()), prose)


def fence_code_shortcodes(text: str) -> str:
    """Turn shortcodes that hold code into fenced code blocks, keeping every line number.

    Only a shortcode alone on its line is rewritten: its opening line becomes a fence
    (with the language given as first argument or ``lang=``), its closing line the
    closing fence. Content that holds a fence already is left alone.
    """
    if "{{<" not in text:
        return text
    lines = text.split("\n")
    pane_is_code, pane_lang = False, ""
    open_at: tuple[int, str, str] | None = None  # line, name, fence info
    for k, line in enumerate(lines):
        m = _LINE_RE.match(line)
        if not m:
            continue
        name, args = m["name"].lower(), m["args"]
        if name == "tabpane":
            pane_is_code = not m["close"] and not _TEXT_TRUE.search(args)
            lang = _LANG_ARG.search(args)
            pane_lang = lang.group(1) if lang and pane_is_code else ""
            continue
        if not m["close"]:
            is_code = name in _CODE_NAMES or (name == "tab" and pane_is_code and not _TEXT_TRUE.search(args))
            if is_code and open_at is None:
                lang = _LANG_ARG.search(args)
                first = args.split()[0] if args.split() and name == "highlight" else ""
                open_at = (k, name, (lang.group(1) if lang else first.strip('"') or pane_lang))
        elif open_at is not None and name == open_at[1]:
            start, _, info = open_at
            body = lines[start + 1:k]
            if not any(b.lstrip().startswith(("```", "~~~")) for b in body):
                indent = re.match(r"[ \t]*", lines[start]).group()
                lines[start] = f"{indent}````{info}"
                lines[k] = f"{indent}````"
            open_at = None
    return "\n".join(lines)
