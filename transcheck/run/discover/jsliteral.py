"""Read literal values out of JavaScript/TypeScript config files without running them.

Documentation sites configure their locales in ``docusaurus.config.ts``,
``.vitepress/config.mts``, ``astro.config.mjs`` or ``next.config.js``: code, not data.
This scanner tokenizes the file and parses every object literal, array, string,
number and call it meets, tolerantly: whatever is not a literal (a function, an
expression, ``process.env.X``) becomes :data:`UNKNOWN` and the scan goes on.
``const NAME = <literal>`` bindings are kept so that ``i18n: { locales }`` and
``locales: LOCALES`` resolve. Nothing is executed or imported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator

from .jstokens import UNKNOWN, tokenize

MAX_CHARS = 2_000_000
"""Longer config files are not scanned."""
MAX_DEPTH = 60


@dataclass(frozen=True)
class Ref:
    """A bare identifier used as a value (``locales`` in ``{ locales }``)."""

    name: str


@dataclass
class Call:
    """A call ``name(args...)`` (``defineConfig({...})``, ``starlight({...})``)."""

    name: str
    args: list = field(default_factory=list)


_CLOSERS = {"(": ")", "[": "]", "{": "}"}
_LITERAL_NAMES = {"true": True, "false": False, "null": None, "undefined": None}


class _Parser:
    """Recursive-descent parser of literal values over a token list; tolerant of code."""

    def __init__(self, tokens: list[tuple[str, Any]]):
        self.t = tokens
        self.calls: list[Call] = []
        self.objects: list[dict] = []

    def _is(self, i: int, value: str) -> bool:
        return i < len(self.t) and self.t[i][0] == "punct" and self.t[i][1] == value

    def skip_expression(self, i: int) -> int:
        """The index after the expression starting at ``i`` (stops at , ; or a closer)."""
        depth = 0
        while i < len(self.t):
            kind, v = self.t[i]
            if kind == "punct":
                if v in _CLOSERS:
                    depth += 1
                elif v in (")", "]", "}"):
                    if depth == 0:
                        return i
                    depth -= 1
                elif v in (",", ";") and depth == 0:
                    return i
            i += 1
        return i

    def _skip_balanced(self, i: int) -> int:
        """From an opening bracket at ``i`` to just after its closer."""
        depth = 0
        while i < len(self.t):
            kind, v = self.t[i]
            if kind == "punct" and v in _CLOSERS:
                depth += 1
            elif kind == "punct" and v in (")", "]", "}"):
                depth -= 1
                if depth == 0:
                    return i + 1
            i += 1
        return i

    def value(self, i: int, depth: int = 0) -> tuple[Any, int]:
        """Parse a value at ``i``; returns (value, index after it). Never raises."""
        if i >= len(self.t) or depth > MAX_DEPTH:
            return UNKNOWN, self.skip_expression(i)
        v, j = self._primary(i, depth)
        # TypeScript's "as const" / "satisfies T" / "as T" keep the value
        while j < len(self.t) and self.t[j] in (("name", "as"), ("name", "satisfies")):
            j = self.skip_expression(j + 1)
        # an operator follows: not a literal (a name or value after it is a new statement),
        # unless it is a condition whose branches are values: ``cond ? a : b``
        if j < len(self.t) and self.t[j][0] == "punct" and self.t[j][1] not in (",", ";", ")", "]", "}", ":"):
            q = self._question_mark(j)
            if q is not None:
                a, k = self.value(q + 1, depth + 1)
                if self._is(k, ":"):
                    b, end = self.value(k + 1, depth + 1)
                    return _literal_branch(a, b), end
            return UNKNOWN, self.skip_expression(j)
        return v, j

    def _question_mark(self, i: int) -> int | None:
        """The ``?`` of a conditional expression from ``i`` on, at this depth (not ``??``)."""
        end = self.skip_expression(i)
        depth = 0
        for k in range(i, end):
            kind, v = self.t[k]
            if kind != "punct":
                continue
            if v in _CLOSERS:
                depth += 1
            elif v in (")", "]", "}"):
                depth -= 1
            elif v == "?" and depth == 0 and not self._is(k - 1, "?") and not self._is(k + 1, "?"):
                return k
        return None

    def _primary(self, i: int, depth: int) -> tuple[Any, int]:
        kind, v = self.t[i]
        if kind in ("str", "num"):
            return v, i + 1
        if kind == "punct":
            if v == "{":
                return self._object(i, depth)
            if v == "[":
                return self._array(i, depth)
            if v == "-" and i + 1 < len(self.t) and self.t[i + 1][0] == "num":
                return -self.t[i + 1][1], i + 2
            if v == "(":  # a parenthesised value or an arrow function
                end = self._skip_balanced(i)
                if self._is(end, "=>"):
                    return UNKNOWN, self.skip_expression(end)
                inner, j = self.value(i + 1, depth + 1)
                return (inner if j + 1 == end else UNKNOWN), end
            return UNKNOWN, self.skip_expression(i + 1)
        if v in _LITERAL_NAMES:
            return _LITERAL_NAMES[v], i + 1
        if v in ("function", "async", "class", "new", "await", "typeof", "void"):
            return UNKNOWN, self.skip_expression(i + 1)
        name, j = v, i + 1
        while self._is(j, ".") or self._is(j, "?."):
            if j + 1 < len(self.t) and self.t[j + 1][0] == "name":
                name += "." + self.t[j + 1][1]
                j += 2
            else:
                break
        if self._is(j, "=>"):
            return UNKNOWN, self.skip_expression(j)
        if self._is(j, "<"):  # a generic call: f<T>(...)
            k = j
            while k < len(self.t) and not self._is(k, ">"):
                k += 1
            if self._is(k + 1, "("):
                j = k + 1
        if self._is(j, "("):
            return self._call(name, j, depth)
        return Ref(name), j

    def _call(self, name: str, i: int, depth: int) -> tuple[Any, int]:
        call = Call(name)
        end = self._skip_balanced(i)
        j = i + 1
        while j < end - 1:
            arg, j = self.value(j, depth + 1)
            call.args.append(arg)
            if self._is(j, ","):
                j += 1
            elif j < end - 1:
                j = self.skip_expression(j + 1)
        self.calls.append(call)
        return call, end

    def _array(self, i: int, depth: int) -> tuple[Any, int]:
        out: list = []
        end = self._skip_balanced(i)
        j = i + 1
        while j < end - 1:
            if self._is(j, ","):
                j += 1
                continue
            if self._is(j, "..."):
                item, j = self.value(j + 1, depth + 1)
                out.extend(item if isinstance(item, list) else [UNKNOWN])
            else:
                item, j = self.value(j, depth + 1)
                out.append(item)
            if not self._is(j, ",") and j < end - 1:
                j = self.skip_expression(j + 1)
        return out, end

    def _object(self, i: int, depth: int) -> tuple[Any, int]:
        """An object literal; a block of statements (not an object) gives UNKNOWN."""
        out: dict = {}
        end = self._skip_balanced(i)
        j = i + 1
        while j < end - 1:
            kind, v = self.t[j]
            if self._is(j, ","):
                j += 1
                continue
            if self._is(j, "..."):
                spread, j = self.value(j + 1, depth + 1)
                if isinstance(spread, dict):
                    out.update(spread)
                elif isinstance(spread, Ref):
                    out.setdefault("...", []).append(spread)
                continue
            if kind == "punct" and v == "[":  # a computed key
                j = self.skip_expression(self._skip_balanced(j))
                continue
            if kind == "name" and v in ("get", "set", "async", "static") and j + 1 < end - 1 \
                    and self.t[j + 1][0] == "name":
                j += 1
                kind, v = self.t[j]
            if kind not in ("name", "str", "num") or v is UNKNOWN:
                return UNKNOWN, end
            key = str(v)
            if self._is(j + 1, ":"):
                out[key], j = self.value(j + 2, depth + 1)
            elif self._is(j + 1, "(") or self._is(j + 1, "<"):  # a method
                k = j + 1
                while k < end and not self._is(k, "{"):
                    k += 1
                out[key] = UNKNOWN
                j = self._skip_balanced(k)
            elif self._is(j + 1, ",") or j + 1 == end - 1:
                out[key] = Ref(key)  # shorthand {locales}
                j += 1
            elif self._is(j + 1, "?") and self._is(j + 2, ":"):  # TS optional
                out[key], j = self.value(j + 3, depth + 1)
            else:
                return UNKNOWN, end  # statements, not an object
            if j < end - 1 and not self._is(j, ","):
                j = self.skip_expression(j)
                if j < end - 1 and not self._is(j, ","):
                    return UNKNOWN, end
        self.objects.append(out)
        return out, end


@dataclass
class Module:
    """What a scanned file holds: its top-level bindings, every call and object literal."""

    bindings: dict[str, Any]
    calls: list[Call]
    objects: list[dict]
    exported: Any = UNKNOWN

    def resolve(self, value: Any, _seen: frozenset = frozenset()) -> Any:
        """``value`` with :class:`Ref` bindings replaced by their literal (recursively)."""
        if isinstance(value, Ref):
            if value.name in _seen or value.name not in self.bindings:
                return UNKNOWN
            return self.resolve(self.bindings[value.name], _seen | {value.name})
        if isinstance(value, list):
            return [self.resolve(v, _seen) for v in value]
        if isinstance(value, dict):
            return {k: self.resolve(v, _seen) for k, v in value.items() if k != "..."}
        return value

    def dicts_with(self, key: str) -> Iterator[dict]:
        """Every object literal that has ``key``, resolved, in file order."""
        for obj in self.objects:
            if key in obj:
                yield self.resolve(obj)


def _literal(value: Any) -> bool:
    """True when ``value`` holds no unknown part and no unresolved name."""
    if value is UNKNOWN or isinstance(value, (Ref, Call)):
        return False
    if isinstance(value, list):
        return all(_literal(v) for v in value)
    if isinstance(value, dict):
        return all(_literal(v) for v in value.values())
    return True


def _literal_branch(a: Any, b: Any) -> Any:
    """The value of ``cond ? a : b`` as a config means it: the branch that is a literal when
    only one is (``LOCALE_CI ? [LOCALE_CI] : ['en', 'fr']``, pnpm.io: a CI build of one
    locale, else the site's list), else :data:`UNKNOWN`."""
    if _literal(a) != _literal(b):
        return a if _literal(a) else b
    return UNKNOWN


def scan(src: str) -> Module:
    """Scan JS/TS source into a :class:`Module` (never raises on odd code)."""
    if len(src) > MAX_CHARS:
        return Module({}, [], [])
    tokens = tokenize(src)
    p = _Parser(tokens)
    bindings: dict[str, Any] = {}
    exported: Any = UNKNOWN
    i = 0
    while i < len(tokens):
        kind, v = tokens[i]
        if kind == "name" and v in ("const", "let", "var") and i + 2 < len(tokens) \
                and tokens[i + 1][0] == "name":
            name, j = tokens[i + 1][1], i + 2
            if p._is(j, ":"):  # a TypeScript annotation
                while j < len(tokens) and not p._is(j, "="):
                    j += 1
            if p._is(j, "="):
                value, end = p.value(j + 1)
                bindings[name] = value
                i = end if value is not UNKNOWN else j + 1  # look inside code for literals
                continue
        start = i + 1 if (kind == "name" and v == "default" and i and tokens[i - 1] == ("name", "export")) \
            else i + 2 if (kind == "name" and v == "exports" and i >= 2 and tokens[i - 2] == ("name", "module")
                           and p._is(i + 1, "=")) else None
        if start is not None:
            value, end = p.value(start)
            if value is not UNKNOWN:
                exported, i = value, end
                continue
            i = start
            continue
        if kind == "punct" and v in ("{", "["):
            value, end = p.value(i)
            if value is not UNKNOWN:
                i = end
                continue
        elif kind == "name" and p._is(i + 1, "("):
            p._call(v, i + 1, 0)  # recorded; its arguments are scanned again (arrow bodies)
            i += 2
            continue
        i += 1
    return Module(bindings, p.calls, p.objects, exported)
