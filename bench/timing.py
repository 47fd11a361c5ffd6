"""Timing helpers for the benchmarks: one measured step in a fresh process.

A step is ``parse`` (read and parse every Markdown file under a folder: the floor any
check pays), ``encode`` (embed the folder's unique embeddable prose, cold, in one
batch: the semantic stage's floor; files lie under ``ROOT/<locale>/``) or ``check`` (the ``transcheck`` CLI with the given
arguments, JSON report). Each reports wall and CPU seconds (its own process and its
workers) and peak RSS.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

_TIMED = r"""
import json, resource, sys, time
t0 = time.perf_counter(); c0 = time.process_time()
mode, root = sys.argv[1], sys.argv[2]
if mode == "parse":
    from pathlib import Path
    from transcheck.markdown.parse import parse_markdown, read_file
    for p in sorted(Path(root).rglob("*.md")):
        parse_markdown(read_file(str(p)))
    out = {}
elif mode == "encode":
    from pathlib import Path
    from transcheck.markdown.parse import parse_markdown, read_file
    from transcheck.analyse.semantic.engine import SemanticOptions, embed_texts, engine
    emb = engine(SemanticOptions(no_cache=True))
    texts = set()
    for p in sorted(Path(root).rglob("*.md")):  # ROOT/<locale>/...: what the model supports
        loc = p.relative_to(root).parts[0]
        texts.update(embed_texts({loc: parse_markdown(read_file(str(p)))}, emb))
    texts = sorted(texts)
    emb.inner.encode(texts)
    out = {"texts": len(texts)}
else:
    from transcheck.cli import main
    args = [root, "--format", "json", "--fail-on", "never", "--output", sys.argv[3]] + sys.argv[4:]
    try:
        main(args, standalone_mode=False)
    except SystemExit:
        pass
    rep = json.load(open(sys.argv[3]))
    out = {"findings": rep["summary"]["findings"], "errors": len(rep["errors"])}
ru = resource.getrusage(resource.RUSAGE_SELF)
ch = resource.getrusage(resource.RUSAGE_CHILDREN)
out.update(wall=time.perf_counter() - t0, cpu=time.process_time() - c0 + ch.ru_utime + ch.ru_stime,
           rss_mib=max(ru.ru_maxrss, ch.ru_maxrss) / 1024)
print(json.dumps(out))
"""


def timed(mode: str, root: Path, *args: str) -> dict:
    """Run one measured step in a fresh process (``parse``, ``encode`` or ``check``)."""
    env = {**os.environ, "PYTHONPATH": str(HERE.parent)}
    with tempfile.NamedTemporaryFile(suffix=".json") as fh:
        cmd = [sys.executable, "-c", _TIMED, mode, str(root), fh.name, *args]
        p = subprocess.run(cmd, capture_output=True, text=True, env=env)
        if p.returncode:
            raise SystemExit(f"{mode} failed: {p.stderr[-2000:]}")
        return json.loads(p.stdout.strip().splitlines()[-1])
