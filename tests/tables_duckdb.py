"""DuckDB over `bulk --tables`: row counts against the JSONL of the same run,
and the README's queries run exactly as printed.

Run by tests/tables.rs (`cargo test --test tables`) with COUNCIL_REPORTS_BIN
set to the binary under test; needs the `duckdb` Python package (.ci/run
installs it with pip). Covers the bundled fixtures and, where present, the
wild corpus (COUNCIL_REPORTS_WILD, else ../shared/wild). The pandas and
Polars one-liners of the README run too when those packages are installed,
and say so when they are not.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
BIN = os.environ.get("COUNCIL_REPORTS_BIN", str(ROOT / "target/debug/council-reports"))


def expected_counts(lines):
    """Rows each table must have, counted from the JSON lines."""
    counts = {name: 0 for name in (
        "reports", "recommendations", "appendices", "fields", "paragraphs", "items",
        "sections", "tables", "table_cells", "projects", "partnerships",
        "partnership_sections", "members", "contacts", "footnotes", "links", "warnings")}
    for line in lines:
        counts["reports"] += 1
        meta = line.get("metadata") or {}
        for key in ("recommendations", "appendices", "fields"):
            counts[key] += len(meta.get(key) or [])
        for key in ("paragraphs", "sections", "tables", "projects", "partnerships",
                    "contacts", "footnotes", "links", "warnings"):
            counts[key] += len(line.get(key) or [])
        counts["items"] += sum(len(p["items"]) for p in line.get("paragraphs") or [])
        counts["table_cells"] += sum(len(r) for t in line.get("tables") or [] for r in t["rows"])
        for p in line.get("partnerships") or []:
            counts["fields"] += len(p["fields"])
            counts["partnership_sections"] += len(p["sections"])
            counts["members"] += len(p["members"])
    return counts


def run_bulk(inputs, workdir):
    """`bulk INPUTS -o all.jsonl --tables out/` in workdir; the JSON lines."""
    subprocess.run([BIN, "bulk", *map(str, inputs), "-o", "all.jsonl", "--tables", "out/", "--quiet"],
                   cwd=workdir, check=False)
    with open(Path(workdir) / "all.jsonl", encoding="utf-8") as f:
        return [json.loads(l) for l in f]


def check_counts(name, lines, workdir):
    con = duckdb.connect()
    for table, want in expected_counts(lines).items():
        got = con.sql(f"SELECT count(*) FROM '{workdir}/out/{table}/*.parquet'").fetchall()[0][0]
        assert got == want, f"{name}: {table} has {got} rows, the JSONL {want}"
    # report_id joins every table to exactly one report.
    orphans = con.sql(f"""SELECT count(*) FROM '{workdir}/out/paragraphs/*.parquet'
        ANTI JOIN '{workdir}/out/reports/*.parquet' USING (report_id)""").fetchall()[0][0]
    assert orphans == 0, f"{name}: {orphans} paragraphs without a report"
    print(f"{name}: {len(lines)} reports, every table's row count matches the JSONL")


def readme_snippet(marker):
    """The code block after `<!-- MARKER -->` in README.md."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(rf"<!-- {marker} -->\s*```\w*\n(.*?)```", text, re.S)
    assert found, f"README.md has no code block after <!-- {marker} -->"
    return found.group(1).strip()


def check_readme(name, lines, workdir):
    sql = readme_snippet("tables-sql")
    assert "\n" not in sql, "the README's query is one line"
    os.chdir(workdir)
    rows = duckdb.sql(sql).fetchall()
    want = {}
    for line in lines:
        meta = line.get("metadata") or {}
        if meta.get("recommendations"):
            want[meta.get("committee")] = want.get(meta.get("committee"), 0) + len(meta["recommendations"])
    assert dict(rows) == want, f"{name}: README query gave {rows}, the JSONL says {want}"
    print(f"{name}: the README's DuckDB query gives {len(rows)} committees")
    for lib, marker in (("pandas", "tables-pandas"), ("polars", "tables-polars")):
        snippet = readme_snippet(marker)
        try:
            __import__(lib)
            if lib == "pandas":
                __import__("pyarrow")
        except ImportError:
            print(f"{name}: skipped the README's {lib} line ({lib} not installed)")
            continue
        scope = {}
        exec(snippet, scope)  # the README's one-liner, as printed
        result = scope["by_committee"]
        pairs = result.items() if lib == "pandas" else result.iter_rows()
        got = {k: int(v) for k, v in pairs if k is not None}
        assert got == {k: v for k, v in want.items() if k is not None}, f"{name}: {lib}: {got}"
        print(f"{name}: the README's {lib} line agrees")


def main():
    corpora = [("fixtures", ROOT / "fixtures")]
    wild = os.environ.get("COUNCIL_REPORTS_WILD") or (ROOT.parent / "shared/wild")
    if Path(wild).is_dir():
        corpora.append(("wild", Path(wild).resolve()))
    else:
        print("skipped the wild corpus: set COUNCIL_REPORTS_WILD or put it at ../shared/wild")
    for name, path in corpora:
        with tempfile.TemporaryDirectory() as workdir:
            lines = run_bulk([path], workdir)
            check_counts(name, lines, workdir)
            check_readme(name, lines, workdir)
            os.chdir(ROOT)


if __name__ == "__main__":
    sys.exit(main())
