"""pymdownx tabs (``//// tab | Title`` … ``////``) as FastAPI's MkDocs docs write them.

Excerpt: fastapi/fastapi docs/{en,fr}/docs/tutorial/dependencies/classes-as-dependencies.md
lines 100-126 (MIT). The tab fences are structure: a tab title translated on purpose
(``non-Annotated`` / ``sans Annotated``) or kept (``Python 3.10+``) is neither untranslated
nor mixed language; a tab a translation lost is structure drift. Real CLI, in-process.
"""

from __future__ import annotations

import json

from click.testing import CliRunner

from tests.helpers import write_tree
from transcheck.cli import main

EN = """## Type annotation vs `Depends` { #type-annotation-vs-depends }

Notice how we write `CommonQueryParams` twice in the above code:

//// tab | Python 3.10+

```Python
commons: Annotated[CommonQueryParams, Depends(CommonQueryParams)]
```

////

//// tab | Python 3.10+ non-Annotated

/// tip

Prefer to use the `Annotated` version if possible.

///

```Python
commons: CommonQueryParams = Depends(CommonQueryParams)
```

////
"""

FR = """## Annotation de type vs `Depends` { #type-annotation-vs-depends }

Remarquez que nous écrivons `CommonQueryParams` deux fois dans le code ci‑dessus :

//// tab | Python 3.10+

```Python
commons: Annotated[CommonQueryParams, Depends(CommonQueryParams)]
```

////

//// tab | Python 3.10+ sans Annotated

/// tip | Astuce

Privilégiez la version avec `Annotated` si possible.

///

```Python
commons: CommonQueryParams = Depends(CommonQueryParams)
```

////
"""


def findings(tmp_path, fr: str) -> list[dict]:
    """JSON findings of ``transcheck check`` on en + fr (reference en)."""
    site = write_tree(tmp_path / "site", {"en/docs/page.md": EN, "fr/docs/page.md": fr})
    res = CliRunner().invoke(main, ["check", str(site), "--no-semantic", "-j", "1", "--no-config",
                                    "--reference", "en", "--format", "json"], catch_exceptions=False)
    return json.loads(res.stdout)["findings"]


def test_tab_titles_are_structure_not_prose(tmp_path):
    assert findings(tmp_path, FR) == []


def test_a_lost_tab_is_structure_drift(tmp_path):
    lost = FR.replace("//// tab | Python 3.10+\n\n```Python\ncommons: Annotated", "```Python\ncommons: Annotated", 1)
    lost = lost.replace("```\n\n////\n\n//// tab | Python 3.10+ sans", "```\n\n//// tab | Python 3.10+ sans", 1)
    found = [(f["rule"], f["locale"]) for f in findings(tmp_path, lost)]
    assert ("structure", "fr") in found
    assert not any(rule in ("untranslated", "mixed-language") for rule, _ in found)
