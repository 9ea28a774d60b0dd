#!/bin/sh
# run.sh - runs every benchmark; figures go to standard output.
#
# The development data sets are read from ../shared/data (DATA=...); without
# them each benchmark says so and skips. Where a peer tool exists in Debian or
# npm, it runs on the same input in the same run and the ratio is printed;
# scripts/install-deps.sh --bench installs them.
set -u
BUILD=${BUILD:-build}
DATA=${DATA:-../shared/data}
OUT=bench/out
PY=/usr/bin/python3 # Debian's Python, where Debian's peer packages live
mkdir -p "$OUT"

# Prints "chorus is N times as fast as PEER" from the RATE lines of two runs.
ratio() {
    chorus=$(printf '%s\n' "$1" | awk '$1 == "RATE" && $2 == "chorus" {print $3}')
    peer=$(printf '%s\n' "$2" | awk '$1 == "RATE" && $2 != "chorus" {print $3}')
    printf '%s\n%s\n' "$1" "$2" | grep -v '^RATE'
    if [ -n "$chorus" ] && [ -n "$peer" ]; then
        awk -v c="$chorus" -v p="$peer" -v name="$3" \
            'BEGIN { printf "  ratio: chorus is %.1f times as fast as %s\n", c / p, name }'
    fi
}

"$BUILD/bench/bench_brief" --articles "${BRIEF_ARTICLES:-20000}" --data "$DATA" --chorus "$BUILD/chorus"

"$BUILD/bench/bench_summaries" --data "$DATA"

"$BUILD/bench/bench_facts" --data "$DATA"

echo "bench langid and sentences: chorus and its peers on the same texts"
if [ -x "$PY" ] && "$PY" bench/peers/prepare.py "$DATA" "$OUT"; then
    ours=$("$BUILD/bench/bench_stages" langid "$OUT/langid.tsv")
    theirs=$("$PY" bench/peers/langdetect_bench.py "$OUT/langid.tsv")
    ratio "$ours" "$theirs" "python3-langdetect"
    ours=$("$BUILD/bench/bench_stages" sentences "$OUT/documents.jsonl")
    if command -v node >/dev/null 2>&1; then
        [ -d bench/peers/node_modules/sbd ] || npm ci --silent --prefix bench/peers >/dev/null 2>&1
        theirs=$(node bench/peers/sbd_bench.js "$OUT/documents.jsonl")
    else
        theirs="  sbd: node is not installed"
    fi
    ratio "$ours" "$theirs" "sbd (npm)"
else
    echo "  skipped: needs $PY and the development data in $DATA"
fi
