#!/usr/bin/env bash
# benches/instructions.sh — instruction counts of `council-reports bulk` under
# callgrind: repeatable on a busy or shared machine, where wall-clock times
# are not. Prints one line per workload: its name and the instructions
# executed (whole process, one job).
#
#   benches/instructions.sh [BIN]      # default: target/release/council-reports
#
# Workloads: the five PDF fixtures; the five DOCX fixtures; 25 DOCX (five
# copies of each, so the one-off start-up cost — compiling the extractors'
# regexes, about 54 M instructions — weighs less); two Kent PDFs (80 pages)
# when $COUNCIL_REPORTS_WILD (default ../shared/wild) has them.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${1:-$ROOT/target/release/council-reports}
WILD=${COUNCIL_REPORTS_WILD:-$ROOT/../shared/wild}
WORK=$ROOT/target/instructions
command -v valgrind >/dev/null || { echo "instructions.sh: needs valgrind" >&2; exit 2; }
[ $# -ge 1 ] || (cd "$ROOT" && cargo build --release --bin council-reports -q)
rm -rf "$WORK" && mkdir -p "$WORK/docx25" "$WORK/kent2"
for k in 1 2 3 4 5; do
    for f in "$ROOT"/fixtures/docx/*.docx; do cp "$f" "$WORK/docx25/$k-$(basename "$f")"; done
done
for f in 2025-03-04-cabinet-qpr-q3-cabinet-appendix-1.pdf \
    2025-01-30-cabinet-24-00109-transfer-the-18-25-section-of-the-strengthening-independence-service-report.pdf; do
    [ -f "$WILD/kent/$f" ] && ln -sf "$WILD/kent/$f" "$WORK/kent2/$f"
done
for w in pdf docx docx25 kent2; do
    case $w in pdf | docx) dir=$ROOT/fixtures/$w ;; *) dir=$WORK/$w ;; esac
    [ -n "$(ls -A "$dir")" ] || { echo "$w: skipped (no files)"; continue; }
    valgrind --tool=callgrind --callgrind-out-file="$WORK/callgrind.$w.out" \
        "$BIN" bulk "$dir" -o /dev/null --jobs 1 --quiet 2>"$WORK/$w.log" >/dev/null
    printf '%-8s %15s instructions\n' "$w" "$(grep -o 'Collected : [0-9]*' "$WORK/$w.log" | awk '{print $3}')"
done
echo "profiles: callgrind_annotate $WORK/callgrind.WORKLOAD.out"
