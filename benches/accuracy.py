#!/usr/bin/env python3
"""Accuracy on real papers: every hand-written answer key, scored.

Each key in tests/keys/<council>/<stem>.json (written from the page, as
../shared/KEYS.md says) belongs to the paper <wild>/<council>/<stem>.pdf. The
paper is parsed three ways where it can be, and each Report is scored against
the same key with ../shared/eval/score.py:

  pdf     the PDF itself
  layout  the text `pdftotext -layout` makes of it, read by the txt reader
  export  a text export of it made by another tool, where the corpus holds
          one (<wild>/<council>-txt/<stem>.txt, e.g. southwark-txt/)

It prints a table per paper and structure, then the mean per council and road.

  benches/accuracy.py                 # the table
  benches/accuracy.py --check         # and fail if a mean fell more than
                                      # 0.01 below benches/accuracy.json
  benches/accuracy.py --update        # write the means to benches/accuracy.json

So accuracy on real papers can only go up: a change that raises a mean
commits the new figure with it (--update), and CI (.ci/run) runs --check.

Environment: COUNCIL_REPORTS_WILD (default ../shared/wild), COUNCIL_REPORTS_BIN
(default target/release/council-reports, built if missing), SCORE (default
../shared/eval/score.py). Needs python3 and poppler's pdftotext.
"""
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEYS = ROOT / "tests" / "keys"
BASELINE = ROOT / "benches" / "accuracy.json"
ROADS = ("pdf", "layout", "export")
CATEGORIES = ("metadata", "paragraphs", "contacts")
# A mean may fall this much below the committed figure before CI fails
# (rounding of the printed figures, not a licence to regress).
TOLERANCE = 0.01


def wild_dir():
    env = os.environ.get("COUNCIL_REPORTS_WILD")
    if env:
        return Path(env)
    return (ROOT / ".." / "shared" / "wild").resolve()


def binary():
    env = os.environ.get("COUNCIL_REPORTS_BIN")
    if env:
        return Path(env)
    exe = ROOT / "target" / "release" / "council-reports"
    subprocess.run(
        ["cargo", "build", "--release", "--quiet", "--bin", "council-reports"],
        cwd=ROOT,
        check=True,
    )
    return exe


def score_script():
    env = os.environ.get("SCORE")
    return Path(env) if env else (ROOT / ".." / "shared" / "eval" / "score.py").resolve()


def inputs(wild, tmp):
    """(council, stem, road, key path, input path) for every keyed paper."""
    out = []
    for key in sorted(KEYS.glob("*/*.json")):
        council, stem = key.parent.name, key.stem
        pdf = wild / council / f"{stem}.pdf"
        if not pdf.is_file():
            sys.exit(f"accuracy: {key} has no paper at {pdf}")
        out.append((council, stem, "pdf", key, pdf))
        layout = Path(tmp) / f"{council}--{stem}.txt"
        with open(layout, "wb") as f:
            subprocess.run(["pdftotext", "-q", "-layout", str(pdf), "-"], stdout=f, check=True)
        out.append((council, stem, "layout", key, layout))
        export = wild / f"{council}-txt" / f"{stem}.txt"
        if export.is_file():
            out.append((council, stem, "export", key, export))
    return out


def parse_all(exe, paths):
    """One Report per input, in order (`parse` prints JSON Lines for several)."""
    res = subprocess.run([str(exe), "parse", *map(str, paths)], capture_output=True, text=True)
    lines = [l for l in res.stdout.splitlines() if l.strip()]
    if len(lines) != len(paths):
        sys.exit(f"accuracy: {len(paths)} inputs but {len(lines)} records\n{res.stderr}")
    return [json.loads(l) for l in lines]


def score(script, key, report, tmp):
    out = Path(tmp) / "report.json"
    out.write_text(json.dumps(report))
    res = subprocess.run(
        [sys.executable, str(script), str(key), str(out)], capture_output=True, text=True, check=True
    )
    got = {}
    for line in res.stdout.splitlines():
        name, _, value = line.partition(" ")
        if line.startswith("score="):
            got["score"] = float(line.split("=", 1)[1])
        elif name in CATEGORIES and value.strip() not in ("", "-"):
            got[name] = float(value)
    return got


def mean(xs):
    xs = [x for x in xs if x is not None]
    return sum(xs) / len(xs) if xs else None


def fmt(x):
    return "    -" if x is None else f"{x:5.3f}"


def main():
    check = "--check" in sys.argv
    update = "--update" in sys.argv
    wild = wild_dir()
    if not wild.is_dir():
        sys.exit(f"accuracy: no wild corpus at {wild} (set COUNCIL_REPORTS_WILD)")
    exe = binary()
    script = score_script()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        todo = inputs(wild, tmp)
        reports = parse_all(exe, [t[4] for t in todo])
        for (council, stem, road, key, _), report in zip(todo, reports):
            if report.get("error"):
                got = {"score": 0.0}
            else:
                got = score(script, key, report, tmp)
            rows.append((council, stem, road, got))

    print(f"{'council':11s} {'road':6s} {'meta':>5s} {'para':>5s} {'cont':>5s} {'score':>5s}  paper")
    for council, stem, road, got in rows:
        print(
            f"{council:11s} {road:6s} {fmt(got.get('metadata'))} {fmt(got.get('paragraphs'))} "
            f"{fmt(got.get('contacts'))} {fmt(got.get('score'))}  {stem[:60]}"
        )
    print()
    means = {}
    print(f"{'mean':18s} {'meta':>5s} {'para':>5s} {'cont':>5s} {'score':>5s} {'min':>5s}  papers")
    groups = sorted({(c, r) for c, _, r, _ in rows}, key=lambda g: (g[0], ROADS.index(g[1])))
    for council, road in groups:
        sel = [g for c, _, r, g in rows if c == council and r == road]
        m = {k: mean([g.get(k) for g in sel]) for k in (*CATEGORIES, "score")}
        low = min(g["score"] for g in sel)
        means[f"{council}/{road}"] = round(m["score"], 3)
        print(
            f"{council + '/' + road:18s} {fmt(m['metadata'])} {fmt(m['paragraphs'])} "
            f"{fmt(m['contacts'])} {fmt(m['score'])} {fmt(low)}  {len(sel)}"
        )
    if update:
        BASELINE.write_text(json.dumps(means, indent=1, sort_keys=True) + "\n")
        print(f"\nwrote {BASELINE.relative_to(ROOT)}")
    if check:
        base = json.loads(BASELINE.read_text()) if BASELINE.is_file() else {}
        fell = [
            f"{k}: {means.get(k)} < committed {v}"
            for k, v in base.items()
            if means.get(k) is None or means[k] < v - TOLERANCE
        ]
        if fell:
            print("\naccuracy fell:\n  " + "\n  ".join(fell))
            sys.exit(1)
        rose = [k for k, v in means.items() if v > base.get(k, 0.0) + TOLERANCE]
        if rose:
            print(f"\nrose above the committed figures ({', '.join(rose)}): "
                  "commit them with benches/accuracy.py --update")


if __name__ == "__main__":
    main()
