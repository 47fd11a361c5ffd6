"""``transcheck merge``: shards merged are byte-identical to the unsharded run, counts included,
and the JSON report reads back into the same report (round trip)."""

from __future__ import annotations

import json

from tests.helpers import transcheck, write_tree
from transcheck.reporters import json_report

DE = "# Titel {k}\n\nBauen Sie `app{k}`:\n\n```bash\ndocker build -t app{k} .\n```\n\nSiehe [Doku](https://d.example.com/{k}).\n"
FR = "# Titre {k}\n\nConstruisez `app{k}` :\n\n```bash\ndocker build -t app{k} .\n```\n\nVoir [doc](https://d.example.com/{k}).\n"
PT = "# Título {k}\n\nConstrua `app{k}`:\n\n```bash\ndocker build -t app{k}.\n```\n\nVeja [doc](https://d.example.com/{k}).\n"


def site(root, pages: int = 8):
    """``pages`` pages in de, fr, pt; pt's build command lost its space on every page; the
    drift of page 0 is suppressed inline."""
    files = {}
    for k in range(pages):
        pt = PT.format(k=k)
        if k == 0:
            pt = pt.replace("```bash", "<!-- transcheck-disable-next-line code-block -->\n```bash")
        files.update({f"de/p{k}.md": DE.format(k=k), f"fr/p{k}.md": FR.format(k=k), f"pt/p{k}.md": pt})
    return write_tree(root, files)


def test_merged_shards_equal_the_unsharded_run_counts_included(tmp_path):
    docs = site(tmp_path / "site")
    baseline = tmp_path / "baseline.json"
    # accept today's drift of pages 1 and 2 (a baseline from a run on those pages only)
    transcheck(str(docs / "de/p1.md"), str(docs / "fr/p1.md"), str(docs / "pt/p1.md"), "--no-semantic",
               "--write-baseline", str(baseline))
    common = ("--no-semantic", "--format", "json", "--baseline", str(baseline))
    full = transcheck(str(docs), *common)
    data = json.loads(full.stdout)
    assert data["summary"]["suppressed"] == 1 and data["summary"]["baselined"] >= 1
    parts = []
    for i in (1, 2, 3):
        out = tmp_path / f"shard{i}.json"
        proc = transcheck(str(docs), *common, "--shard", f"{i}/3", "-o", str(out))
        assert proc.returncode in (0, 1), proc.stderr
        parts.append(str(out))
    counts = [json.loads(open(p).read())["summary"] for p in parts]
    assert sum(c["suppressed"] for c in counts) == 1 and sum(c["pages"] for c in counts) == 8
    assert len([c for c in counts if c["pages"]]) >= 2  # the pages really are split
    merged = transcheck("merge", *reversed(parts))
    assert merged.returncode == 1, merged.stderr
    assert merged.stdout == full.stdout  # byte for byte, suppressed and baselined included


def test_json_report_round_trip(tmp_path):
    docs = site(tmp_path / "site", pages=3)
    (docs / "fr/broken.md").write_bytes(b"\x00\x01binary")
    out = transcheck(str(docs), "--no-semantic", "--format", "json").stdout
    data = json.loads(out)
    assert data["findings"] and data["errors"] and data["summary"]["suppressed"] == 1
    again = json_report.render(json_report.from_dict(data))
    assert again == out
