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

# Grouping quality, and time and memory up to a million articles
# (CLUSTER_SIZES=10000,100000 leaves the million out; it takes minutes).
"$BUILD/bench/bench_cluster" --data "$DATA" --out "$OUT" --chorus "$BUILD/chorus" \
    --sizes "${CLUSTER_SIZES:-10000,100000,1000000}"
echo "bench cluster: scikit-learn on the same data"
if [ -x "$PY" ]; then
    "$PY" bench/peers/sklearn_cluster.py "$DATA" "$OUT"
else
    echo "  skipped: needs $PY"
fi

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

echo "bench html: main text and metadata of the WCXB development pages, chorus and its peers"
if [ -x "$PY" ] && [ -d "$DATA/wcxb-dev-articles/html" ]; then
    ours=$("$BUILD/bench/bench_html" "$DATA" "$OUT/wcxb-chorus.jsonl")
    "$PY" bench/peers/wcxb_score.py --date-bound "$DATA" chorus "$OUT/wcxb-chorus.jsonl"
    theirs=$("$PY" bench/peers/readability_py_bench.py "$DATA" "$OUT/wcxb-readability-py.jsonl")
    [ -s "$OUT/wcxb-readability-py.jsonl" ] &&
        "$PY" bench/peers/wcxb_score.py "$DATA" python3-readability "$OUT/wcxb-readability-py.jsonl"
    ratio "$ours" "$theirs" "python3-readability"
    if command -v node >/dev/null 2>&1; then
        [ -d bench/peers/node_modules/jsdom ] || npm ci --silent --prefix bench/peers >/dev/null 2>&1
        theirs=$(node bench/peers/readability_js_bench.js "$DATA" "$OUT/wcxb-readability-js.jsonl" 2>/dev/null)
        [ -s "$OUT/wcxb-readability-js.jsonl" ] &&
            "$PY" bench/peers/wcxb_score.py "$DATA" @mozilla/readability "$OUT/wcxb-readability-js.jsonl"
    else
        theirs="  @mozilla/readability: node is not installed"
    fi
    ratio "$ours" "$theirs" "@mozilla/readability with jsdom (npm)"
    # trafilatura is in neither Debian nor npm: its figures on these pages
    # (F1 0.92, title 0.56, author 0.73, date 0.85, about 25 pages/s) are a
    # reference, not measured here.
    chorus=$(printf '%s\n' "$ours" | awk '$1 == "RATE" {print $3}')
    [ -n "$chorus" ] && awk -v c="$chorus" \
        'BEGIN { printf "  reference: trafilatura 2.0 extracts about 25 pages/s on these pages (not installable here): chorus is %.1f times that\n", c / 25 }'
else
    echo "  skipped: needs $PY and the development data in $DATA/wcxb-dev-articles"
fi
