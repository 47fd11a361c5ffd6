"""The same corpus gives byte-identical JSON whatever the hash seed, the order files
and folders were created in (which changes the order the file system lists them), and
the names of sibling folders around it."""

from __future__ import annotations

import random

from tests.helpers import ROOT, write_tree
from tests.test_cli import LAYOUTS, transcheck


def corpus() -> dict[str, str | bytes]:
    """A corpus with findings of every kind, in several layouts, plus input errors."""
    files: dict[str, str | bytes] = {}
    for loc_dir in sorted((ROOT / "corpus").iterdir()):
        for f in loc_dir.iterdir():
            files[f"lab/{loc_dir.name}/{f.name}"] = f.read_text(encoding="utf-8")
    for name, layout in LAYOUTS.items():
        for rel, text in layout.items():
            files[f"{name.replace(' ', '_')}/{rel}"] = text
    files["lab/de/extra.md"] = "# Extra\n\nPort 8080, [a](https://a.example/).\n"
    files["lab/fr/extra.md"] = "# Extra\n\nPort 8000, [a](https://b.example/).\n"
    files["lab/ja/extra.md"] = b"\xff\xfe broken"
    files["lab/ru/empty.md"] = ""
    return files


def test_json_is_byte_identical_across_seeds_and_file_system_orders(tmp_path):
    files = corpus()
    outputs = []
    # runs 0 and 3 start a new interpreter with a fixed and a random hash seed; runs 1 and 2
    # (other file system orders) run in this process, under the test run's own seed
    for k, seed in enumerate(["0", None, None, "random"]):
        root = tmp_path / f"run{k}"
        names = sorted(files)
        random.Random(k).shuffle(names)
        if k % 2:
            names.reverse()
        (root / "site").mkdir(parents=True)
        if k == 3:  # unrelated sibling folders, created first, change nothing
            write_tree(root / "site", {"zz/unrelated.txt": "x", "00/notes.txt": "y"})
        for name in names:  # creation order differs run to run
            write_tree(root / "site", {name: files[name]})
        env = {"PYTHONHASHSEED": seed} if seed is not None else None
        proc = transcheck("site", "--format", "json", cwd=root, env=env)
        assert proc.returncode == 2, proc.stderr  # the broken files are input errors
        outputs.append(proc.stdout.encode())
    assert outputs[0] == outputs[1] == outputs[2] == outputs[3]
    assert b'"rule": "code-block"' in outputs[0] and b'"errors": [' in outputs[0]
