#!/bin/sh
# run.sh - runs every benchmark; figures go to standard output.
# The development data sets are read from ../shared/data; without them the
# benchmarks say so and skip.
set -eu
BUILD=${BUILD:-build}
"$BUILD/bench/bench_brief" --articles "${BRIEF_ARTICLES:-20000}" --chorus "$BUILD/chorus"
