"""Shell awareness for code blocks: tokenising commands and knowing common CLI grammars.

Used to decide *which* variant of a command is right when locales disagree: a
variant that is invalid on its own terms (``docker build`` without its build context,
an image name ending in ``.``) loses even when most locales share it.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass

SHELL_INFOS = frozenset({"bash", "sh", "shell", "console", "zsh", "shell-session", "shellsession",
                         "terminal", "powershell", "ps", "ps1", "cmd", "bat", "fish", ""})
"""Fence info strings whose content is treated as shell commands."""

_OPERATORS = frozenset({"&&", "||", ";", "|", "&", ";;"})
_PROMPT_RE = re.compile(r"^\s*(?:\$|#|>|PS [^>]*>)\s+")

# distribution/reference grammar (the image reference format docker accepts)
_COMPONENT = r"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
_DOMAIN = r"(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::\d+)?/)"
_IMAGE_RE = re.compile(
    rf"^{_DOMAIN}?{_COMPONENT}(?:/{_COMPONENT})*(?::[\w][\w.-]{{0,127}})?(?:@[a-z0-9]+:[a-f0-9]{{32,}})?$"
)


MAX_CHECKED = 100_000
"""Characters of a code block whose commands :func:`problems` checks."""


_PROMPT_PREFIX_RE = re.compile(
    r"^[ \t]*(?:\([^()\n]{0,60}\)[ \t]*)?(?:[\w.-]+@[\w.-]+(?::[^\s$]*)?[ \t]*)?(?:~[^\s$]*[ \t]*)?"
    r"(?:\$|%|>|PS(?: [^>\n]{0,80})?>)(?=[ \t]|$)[ \t]*", re.M)


def strip_prompts(code: str) -> str:
    """``code`` with the shell prompt that starts a line removed (``$ ``, ``(main) $``,
    ``(main)$``, ``user@host:~$``, ``% ``, ``> ``, ``PS C:\\>``): the prompt is not the
    command, and translations write it with or without spaces."""
    return _PROMPT_PREFIX_RE.sub("", code)


def is_image_reference(ref: str) -> bool:
    """True if ``ref`` is a syntactically valid container image reference."""
    return len(ref) <= 255 and bool(_IMAGE_RE.match(ref))


def is_shell_block(info: str, code: str) -> bool:
    """True if a code block holds shell commands (by fence info, or by its first word)."""
    info = info.lower()
    if info and info not in SHELL_INFOS:
        return False
    if info:
        return True
    first = _PROMPT_RE.sub("", code.lstrip()).split(maxsplit=1)
    return bool(first) and first[0] in _KNOWN_PROGRAMS


def tokenize(code: str) -> list[str]:
    """Split shell code into tokens (quotes respected, operators and newlines as tokens).

    Falls back to whitespace splitting for input shlex cannot parse. A newline that
    ends a command is kept as the token ``"\\n"``.
    """
    out: list[str] = []
    pending = ""
    for raw in code.split("\n"):
        line = _PROMPT_RE.sub("", raw) if not pending else raw
        pending = f"{pending}\n{line}" if pending else line
        if pending.endswith("\\"):
            pending = pending[:-1]
            continue
        try:
            lex = shlex.shlex(pending, posix=True, punctuation_chars=";&|")
            lex.whitespace_split = True
            lex.commenters = "#"
            toks = list(lex)
        except ValueError:
            if pending.count("\n") < 200 and len(pending) < 20_000:
                continue  # an open quote: the command goes on on the next line
            toks = pending.split()
        out.extend(toks)
        out.append("\n")
        pending = ""
    if pending:
        out.extend(pending.split())
    while out and out[-1] == "\n":
        out.pop()
    return out


def commands(code: str) -> list[list[str]]:
    """The simple commands of a shell block, each as its list of words."""
    cmds: list[list[str]] = [[]]
    for tok in tokenize(code):
        if tok == "\n" or tok in _OPERATORS:
            if cmds[-1]:
                cmds.append([])
        else:
            cmds[-1].append(tok)
    return [c for c in cmds if c]


@dataclass(frozen=True)
class _Grammar:
    """Options of a subcommand: which take a value; how many positionals it needs."""

    value_opts: frozenset[str]
    min_args: int
    max_args: int | None
    image_args: tuple[int, ...] = ()
    """Indexes of positionals that must be image references."""
    image_opts: frozenset[str] = frozenset()
    """Options whose value must be an image reference."""
    arg_names: str = "argument"


_BUILD = _Grammar(
    frozenset("-t --tag -f --file --build-arg --target --platform --network --label --cache-from "
              "--cache-to --secret --ssh --output -o --progress --iidfile --add-host --shm-size -m "
              "--memory --cpu-shares --cpuset-cpus --isolation --ulimit --build-context "
              "--metadata-file --allow --attest --sbom --provenance --builder".split()),
    1, 1, image_opts=frozenset({"-t", "--tag"}), arg_names="build context (PATH, URL or -)")
_RUN = _Grammar(
    frozenset("-p --publish -v --volume -e --env --name -w --workdir --network --net --entrypoint "
              "-u --user --env-file --mount --restart -h --hostname --label -l --platform -m "
              "--memory --cpus --add-host --device --log-driver --log-opt --pull --expose --link "
              "--dns --cap-add --cap-drop --security-opt --tmpfs --ulimit --gpus --shm-size "
              "--stop-signal --cidfile --ipc --pid --userns --runtime --health-cmd".split()),
    1, None, image_args=(0,), arg_names="image")
_IMAGE_ONE = _Grammar(frozenset({"--format", "-f", "--filter", "--platform"}), 1, None,
                      image_args=(0,), arg_names="image")
_TAG = _Grammar(frozenset(), 2, 2, image_args=(0, 1), arg_names="source and target image")

_DOCKER: dict[tuple[str, ...], _Grammar] = {
    ("build",): _BUILD, ("image", "build"): _BUILD, ("buildx", "build"): _BUILD,
    ("builder", "build"): _BUILD,
    ("run",): _RUN, ("container", "run"): _RUN, ("create",): _RUN, ("container", "create"): _RUN,
    ("history",): _IMAGE_ONE, ("image", "history"): _IMAGE_ONE,
    ("pull",): _IMAGE_ONE, ("image", "pull"): _IMAGE_ONE,
    ("push",): _IMAGE_ONE, ("image", "push"): _IMAGE_ONE,
    ("tag",): _TAG, ("image", "tag"): _TAG,
}
_KNOWN_PROGRAMS = frozenset({"docker", "podman", "git", "pip", "npm", "echo", "cd", "ls", "cat", "curl",
                             "kubectl", "python", "python3", "make", "sudo", "apt-get", "brew", "mkdir"})


def _option_value(name: str, grammar: _Grammar, opt: str, inline: str | None, rest: list[str],
                  i: int, problems: list[str]) -> int:
    """Check the value of option ``opt`` at ``rest[i]`` (``inline`` when written in the same
    word, else the next word); return the index of the last word it used."""
    val = inline
    if val is None:
        if i + 1 >= len(rest):
            problems.append(f"{name}: option {opt} needs a value")
            return i
        val, i = rest[i + 1], i + 1
    if opt in grammar.image_opts and not is_image_reference(val):
        problems.append(f"{name}: {opt} value `{val}` is not a valid image reference")
    return i


def _check_docker(words: list[str]) -> list[str]:
    rest = words[1:]
    grammar = None
    for length in (2, 1):
        key = tuple(rest[:length])
        if key in _DOCKER:
            grammar, rest = _DOCKER[key], rest[length:]
            name = "docker " + " ".join(key)
            break
    if grammar is None:
        return []
    problems: list[str] = []
    positionals: list[str] = []
    i = 0
    while i < len(rest):
        w = rest[i]
        if w == "--":
            positionals.extend(rest[i + 1:])
            break
        if w.startswith("--"):
            opt, eq, val = w.partition("=")
            if opt in grammar.value_opts:
                i = _option_value(name, grammar, opt, val if eq else None, rest, i, problems)
        elif w.startswith("-") and len(w) > 1:
            # short options, possibly combined (-it, -dp 80:80, -tname)
            for k, ch in enumerate(w[1:], start=1):
                opt = "-" + ch
                if opt in grammar.value_opts:
                    i = _option_value(name, grammar, opt, w[k + 1:] or None, rest, i, problems)
                    break
        else:
            positionals.append(w)
            if grammar.max_args is None and len(positionals) > max(grammar.image_args, default=0):
                positionals.extend(rest[i + 1:])  # the rest is the container's command line
                break
        i += 1
    if len(positionals) < grammar.min_args:
        got = "none" if not positionals else ", ".join(f"`{p}`" for p in positionals)
        problems.append(f"{name} needs {grammar.min_args} {grammar.arg_names}; got {got}")
    elif grammar.max_args is not None and len(positionals) > grammar.max_args:
        problems.append(f"{name} takes {grammar.max_args} {grammar.arg_names}; got {len(positionals)}")
    for idx in grammar.image_args:
        if idx < len(positionals) and not is_image_reference(positionals[idx]):
            problems.append(f"{name}: `{positionals[idx]}` is not a valid image reference")
    return problems


def problems(code: str, placeholder_res: list[re.Pattern] | None = None) -> list[str]:
    """Grammar problems of the shell commands in ``code`` (empty when it looks valid).

    Placeholders (``<your-image>``) are replaced by a neutral word first, so that a
    documented placeholder is never taken for an invalid argument. Only the first
    :data:`MAX_CHECKED` characters are checked (tokenizing is slow on huge blocks).
    """
    if len(code) > MAX_CHECKED:
        code = code[:code.rfind("\n", 0, MAX_CHECKED) + 1 or MAX_CHECKED]
    for rx in placeholder_res or ():
        code = rx.sub("placeholder", code)
    found: list[str] = []
    for words in commands(code):
        while words and words[0] == "sudo":
            words = words[1:]
        if words and words[0] in ("docker", "podman"):
            found.extend(_check_docker(words))
    return found
