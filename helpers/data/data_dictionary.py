"""Write ``data/README.md``, the human-readable data dictionary, from ``datapackage.json``.

The descriptor is the one place the data is described; this module renders it for
people, and a test keeps the two in step.  Run ``python -m helpers.data.data_dictionary``
to print it (``make data-readme`` writes the file).
"""

from __future__ import annotations

import sys

from .datapackage import load, package

INTRODUCTION = """\
# The data: every table of the paper, as printed

This folder is a [Frictionless Data Package](https://datapackage.org/) (version 2):
`datapackage.json` describes each CSV file (title as in the paper, section, sources, notes on
ambiguities, and a schema giving every column's type, unit and meaning). This page is generated
from it (`make data-readme`); edit the descriptor, not this page.

Load any resource by name, typed and validated:

```python
from helpers import load
load("table-08")
```

## Conventions

- **Tidy, one number per row.** Tables are stored long: one row per printed cell, with the
  table's dimensions as columns (`park`, `factor`, `market`, ...), then `measure` (what the
  number is), `unit`, `value`, `printed`, `is_summary` and `note`.
- **As printed.** `value` is the number exactly as printed, without `%` or `$`; `printed` is
  the cell verbatim. Nothing is corrected, rounded or recomputed here: the audit does that.
- **Missing stays missing.** Where the paper prints `-`, `n.a.`, `n.a` or leaves a cell
  blank, `value` is empty (never zero) and `printed` keeps the paper's marker (empty for a
  blank).
- **Printed summaries are marked.** Totals, averages or pooled columns, shares and
  "No of firms" sample sizes have `is_summary = true`, so code can recompute and compare them.
- **Provenance on every row.** `source` names the table or figure; `note` explains a
  reading where the flattened text is ambiguous.
- **Parks are defined once.** `parks.csv` is the registry of the five technoparks; every `park`
  column refers to it (foreign key). An empty `park` means all surveyed parks pooled
  (the paper's Average / Total / "in technoparks" figures) or firms outside technoparks.
- **Populations.** `firms = in_tp` are tenants of the surveyed technoparks, `out_tp` the
  reference group of firms outside technoparks.
- **Categories.** In the descriptor, coded columns (`firms`, park codes, markets, date
  precision) list their codes with labels (`categories`); a scale whose codes have an order
  says so (`categoriesOrdered`), and this page shows that order.
- **Validation.** `helpers.load` validates with
  [frictionless](https://framework.frictionlessdata.io/): the header, types, required values,
  vocabularies, keys, park codes, and that shares lie in 0-100; a failure names the file, row
  (header = row 1) and field. It validates again only when a file changed (hashes kept in
  `.cache/validated.json`); `frictionless validate data/datapackage.json` checks the same
  descriptor from the command line.

## Units
"""


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _order(field: dict) -> str:
    """' Ordered: a < b < c.' for a field whose categories form a scale."""
    if not field.get("categoriesOrdered"):
        return ""
    codes = [c["value"] if isinstance(c, dict) else c for c in field["categories"]]
    return " Ordered: " + " < ".join(f"`{c}`" for c in codes) + "."


def _missing_values(schema: dict) -> list[str]:
    """A line on the schema's labelled missing values (none when they carry no labels)."""
    entries = [e for e in schema.get("missingValues", []) if isinstance(e, dict)]
    if not any(e.get("label") for e in entries):
        return []
    shown = [f"`{e['value']}` ({e['label']})" if e["value"] else e["label"] for e in entries]
    line = "*Missing values:* " + "; ".join(shown) + "."
    own = [f"`{f['name']}`" for f in schema["fields"] if "missingValues" in f]
    if own:
        line += f" {', '.join(own)} keeps the markers as text (only a blank is missing there)."
    return ["", _cell(line)]


def render() -> str:
    """The data dictionary as Markdown."""
    descriptor = package()
    lines = [INTRODUCTION]
    lines += [f"- `{unit}`: {meaning}" for unit, meaning in descriptor["units"].items()]
    lines += ["", "## Files", ""]
    lines += [f"- [`{r['path']}`](#{r['name']}): {r['title']}" for r in descriptor["resources"]]
    for spec in descriptor["resources"]:
        rows = len(load(spec["name"]))
        lines += [
            "",
            f'<a id="{spec["name"]}"></a>',
            f"## `{spec['path']}`: {spec['title']}",
            "",
            f"*Paper section:* {spec['section']}. *Rows:* {rows}.",
            "",
            spec["description"],
            "",
            "*Sources:* " + "; ".join(s["title"] for s in spec["sources"]),
            "",
        ]
        if spec.get("notes"):
            lines += ["*Notes and readings chosen:*", ""]
            lines += [f"- {note}" for note in spec["notes"]]
            lines.append("")
        lines += ["| Column | Type | Unit | Meaning |", "| --- | --- | --- | --- |"]
        for field in spec["schema"]["fields"]:
            constraints = field.get("constraints", {})
            meaning = field["description"]
            if constraints.get("required"):
                meaning += " Required."
            meaning += _order(field)
            lines.append(
                f"| `{field['name']}` | {field['type']} | {_cell(field.get('unit', ''))} "
                f"| {_cell(meaning)} |"
            )
        key = spec["schema"].get("primaryKey")
        if key:
            lines += ["", f"*Key:* {', '.join(f'`{k}`' for k in key)}."]
        lines += _missing_values(spec["schema"])
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(render())
