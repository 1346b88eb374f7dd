#!/usr/bin/env bash
# benches/compare.sh — council-reports `bulk` against the tools a data team
# would otherwise run, on the same files at the same parallelism:
#
#   PDF : poppler's `pdftotext` (plain text, no structure)
#   DOCX: `pandoc -t plain`     (plain text, no structure)
#
# It builds a corpus of copies of the bundled fixtures (100, 500 and 1,000
# files per format by default), times each tool with /usr/bin/time -v, and
# prints seconds, files/s, pages/s, peak memory and the ratios. Then it does
# the same on a real-world set (the Kent PDFs under $COUNCIL_REPORTS_WILD) in
# pages/s. Results also go to target/compare/results.tsv.
#
#   benches/compare.sh                     # everything
#   SIZES="100" JOBS=2 benches/compare.sh  # a quick run
#
# Environment: JOBS (default: nproc), SIZES (default "100 500 1000"),
# COUNCIL_REPORTS_WILD (default ../shared/wild, then /work/shared/wild),
# WORK (default target/compare), SKIP_BUILD=1 to use the existing binary.
#
# Peak memory: for council-reports it is the one process's peak RSS. For the
# xargs-driven tools GNU time reports the largest single child, not the sum of
# the JOBS running at once, which flatters them; pdftotext and pandoc write to
# /dev/null while council-reports writes its JSONL file, which flatters them
# too.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
JOBS=${JOBS:-$(nproc)}
SIZES=${SIZES:-"100 500 1000"}
WORK=${WORK:-$ROOT/target/compare}
BIN=$ROOT/target/release/council-reports
RESULTS=$WORK/results.tsv

# --- tools -----------------------------------------------------------------
need() { # need COMMAND DEBIAN-PACKAGE
    if ! command -v "$1" >/dev/null 2>&1 && [ ! -x "$1" ]; then
        echo "compare.sh: installing $2 (for $1)" >&2
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -qq >/dev/null && $sudo apt-get install -y -qq "$2" >/dev/null
    fi
}
need pdftotext poppler-utils
need pdfinfo poppler-utils
need pandoc pandoc
need /usr/bin/time time
need bc bc

if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -x "$BIN" ]; then
    cargo build --release --quiet
fi

# --- corpus ----------------------------------------------------------------
mkdir -p "$WORK"
max=0
for n in $SIZES; do [ "$n" -gt "$max" ] && max=$n; done
[ "$max" -ge 500 ] || echo "compare.sh: note: the largest set has $max files (< 500)" >&2

build_corpus() { # build_corpus FORMAT EXT -> $WORK/corpus/FORMAT with $max copies
    local dir=$WORK/corpus/$1
    local have
    have=$({ find "$dir" -type f 2>/dev/null || true; } | wc -l)
    if [ "$have" -eq "$max" ]; then return; fi
    rm -rf "$dir" && mkdir -p "$dir"
    local sources=("$ROOT"/fixtures/"$1"/*."$2")
    local i=0
    while [ "$i" -lt "$max" ]; do
        local src=${sources[$((i % ${#sources[@]}))]}
        # Copies, not links: every file is read from its own inode. 100 per
        # directory, as archives are laid out by meeting or month.
        local sub=$dir/$(printf '%03d' $((i / 100)))
        mkdir -p "$sub"
        cp "$src" "$sub/$(printf '%05d' "$i")-$(basename "$src")"
        i=$((i + 1))
    done
}
build_corpus pdf pdf
build_corpus docx docx
build_corpus txt txt

list() { # list FORMAT N -> a file listing the first N files
    local out=$WORK/list-$1-$2
    find "$WORK/corpus/$1" -type f | sort | awk -v n="$2" 'NR <= n' >"$out"
    echo "$out"
}

# --- measuring -------------------------------------------------------------
printf 'set\tfiles\tpages\ttool\tseconds\tfiles_per_s\tpages_per_s\tpeak_mb\terrors\n' >"$RESULTS"
SECONDS_TAKEN=0
PEAK_MB=0
measure() { # [STDIN=FILE] measure CMD... ; sets SECONDS_TAKEN and PEAK_MB
    local tf=$WORK/time.txt
    local t0 t1
    t0=$(date +%s.%N)
    /usr/bin/time -v -o "$tf" "$@" <"${STDIN:-/dev/null}" || true
    t1=$(date +%s.%N)
    SECONDS_TAKEN=$(echo "$t1 - $t0" | bc -l)
    PEAK_MB=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$tf")
}
rate() { echo "scale=1; $1 / $2" | bc -l; }

row() { # row SET FILES PAGES TOOL ERRORS
    local fps pps
    fps=$(rate "$2" "$SECONDS_TAKEN")
    pps=$( [ "$3" -gt 0 ] && rate "$3" "$SECONDS_TAKEN" || echo "-")
    printf '%-12s %6s %6s  %-16s %8.2f s %9s files/s %9s pages/s %8s MB  %s errors\n' \
        "$1" "$2" "$3" "$4" "$SECONDS_TAKEN" "$fps" "$pps" "$PEAK_MB" "$5"
    printf '%s\t%s\t%s\t%s\t%.3f\t%s\t%s\t%s\t%s\n' \
        "$1" "$2" "$3" "$4" "$SECONDS_TAKEN" "$fps" "$pps" "$PEAK_MB" "$5" >>"$RESULTS"
    LAST_FPS=$fps
}

ours() { # ours LISTFILE -> times bulk over the listed files
    rm -f "$WORK/summary.json"
    STDIN=$1 measure "$BIN" bulk - --jobs "$JOBS" --quiet -o "$WORK/out.jsonl" \
        --summary-json "$WORK/summary.json"
}
our_errors() { { grep -o '"errors": [0-9]*' "$WORK/summary.json" | grep -o '[0-9]*$'; } || echo "?"; }
our_pages() { { grep -o '"pages": [0-9]*' "$WORK/summary.json" | grep -o '[0-9]*$'; } || echo "?"; }

pdf_pages() { # total pages of the listed PDFs, by pdfinfo
    { xargs -a "$1" -d '\n' -n 1 pdfinfo 2>/dev/null || true; } | awk '/^Pages:/ {s += $2} END {print s + 0}'
}

ratio() { # ratio OURS THEIRS LABEL FILES ; after ours(): a ratio means something only if we read the files
    local errors
    errors=$(our_errors)
    if [ "$errors" = "?" ] || [ "$errors" -ge "$4" ]; then
        echo "  ratio $3: n/a, council-reports read none of the files ($errors errors: is the reader in yet?)"
    else
        echo "  ratio $3: council-reports is $(echo "scale=2; $1 / $2" | bc -l)x ($errors errors)"
    fi
}

echo "council-reports $("$BIN" --version | awk '{print $2}') vs pdftotext $(pdftotext -v 2>&1 | head -1 | awk '{print $3}') and pandoc $(pandoc --version | head -1 | awk '{print $2}')"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); JOBS=$JOBS"
echo

for n in $SIZES; do
    # PDF: typed extraction vs plain text.
    l=$(list pdf "$n")
    pages=$(pdf_pages "$l")
    ours "$l"
    row "pdf-$n" "$n" "$pages" council-reports "$(our_errors)"
    o=$LAST_FPS
    measure xargs -a "$l" -d '\n' -P "$JOBS" -n 16 sh -c 'for f; do pdftotext -q "$f" - >/dev/null; done' sh
    row "pdf-$n" "$n" "$pages" pdftotext 0
    ratio "$o" "$LAST_FPS" "pdf-$n vs pdftotext (target >= 2x)" "$n"

    # DOCX: typed extraction vs plain text.
    l=$(list docx "$n")
    ours "$l"
    row "docx-$n" "$n" 0 council-reports "$(our_errors)"
    o=$LAST_FPS
    measure xargs -a "$l" -d '\n' -P "$JOBS" -n 16 sh -c 'for f; do pandoc -t plain "$f" -o /dev/null; done' sh
    row "docx-$n" "$n" 0 pandoc 0
    ratio "$o" "$LAST_FPS" "docx-$n vs pandoc (target >= 40x)" "$n"

    # Text exports: no comparison tool, for the record.
    l=$(list txt "$n")
    ours "$l"
    row "txt-$n" "$n" 0 council-reports "$(our_errors)"
    echo
done

# --- the real-world set ----------------------------------------------------
WILD=${COUNCIL_REPORTS_WILD:-$ROOT/../shared/wild}
[ -d "$WILD" ] || WILD=/work/shared/wild
if [ -d "$WILD" ]; then
    l=$WORK/list-wild
    find "$WILD" -type f -iname '*.pdf' | sort >"$l"
    n=$(wc -l <"$l")
    pages=$(pdf_pages "$l")
    ours "$l"
    row "wild" "$n" "$pages" council-reports "$(our_errors)"
    ours_pages=$(our_pages)
    o=$(rate "$pages" "$SECONDS_TAKEN")
    measure xargs -a "$l" -d '\n' -P "$JOBS" -n 4 sh -c 'for f; do pdftotext -q "$f" - >/dev/null; done' sh
    row "wild" "$n" "$pages" pdftotext 0
    t=$(rate "$pages" "$SECONDS_TAKEN")
    wild_errors=$(our_errors)
    if [ "$wild_errors" = "?" ] || [ "$wild_errors" -ge "$n" ]; then
        echo "  ratio wild pages/s vs pdftotext: n/a, council-reports read none of the files ($wild_errors errors)"
    else
        echo "  ratio wild pages/s vs pdftotext: council-reports is $(echo "scale=2; $o / $t" | bc -l)x ($wild_errors errors; $ours_pages pages reported by council-reports, $pages by pdfinfo)"
    fi
else
    echo "wild: skipped, no folder at \$COUNCIL_REPORTS_WILD (${COUNCIL_REPORTS_WILD:-unset}) or /work/shared/wild"
fi
echo
echo "results: $RESULTS"
