#!/usr/bin/env bash
# bench/csl.sh [ITEMS]
#
# CSL rendering speed against citeproc-js (SPEC.md "Speed"; the CSL issue asks for 20×):
#   1. builds the release preset's csl_render (bench/csl_render.cpp) and bibkit;
#   2. makes a corpus with shared/bench/make-corpus, converts it with `bibkit convert --to
#      csl-json`, and keeps the first ITEMS items (default 10000);
#   3. installs npm `citeproc` into a temporary directory (BIBKIT_CITEPROC_DIR: an existing
#      one with node_modules/citeproc) and runs bench/citeproc_js_bench.mjs;
#   4. renders the bibliography of all items in apa.csl to html with both, timed in-process on
#      both sides (start-up, reading files and JSON parsing left out of both), best of
#      BIBKIT_BENCH_RUNS runs (default 3), and prints the times, the entry counts and the ratio.
#      The end-to-end times (each whole process: start-up, reading, JSON parsing, rendering)
#      are printed too.
#
# Environment: BIBKIT_SHARED (default: the shared/ folder beside the repository) for apa.csl,
# the locales and make-corpus; BIBKIT_BENCH_RUNS.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
shared=${BIBKIT_SHARED:-$repo/../shared}
count=${1:-10000}
runs=${BIBKIT_BENCH_RUNS:-3}

say() { printf '%s\n' "$*" >&2; }
die() { say "csl.sh: $*"; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

[[ "$count" =~ ^[1-9][0-9]*$ ]] || die "ITEMS must be a positive number, not '$count'"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "BIBKIT_BENCH_RUNS must be a positive number, not '$runs'"
have cmake || die "cmake is missing (apt-get install cmake ninja-build)"
have python3 || die "python3 is missing: it runs make-corpus (apt-get install python3)"
have node || die "node is missing (apt-get install nodejs npm)"
[[ -f "$shared/bench/make-corpus" ]] || die "no $shared/bench/make-corpus: set BIBKIT_SHARED"
shared=$(cd "$shared" && pwd)
style="$shared/csl/styles/apa.csl"
locales="$shared/csl/locales"
[[ -f "$style" ]] || die "no $style"

# ---------------------------------------------------------------------------------------------
say "== Building the release preset's bibkit and csl_render"
cd "$repo"
cmake --preset release -DBIBKIT_BENCH=ON >&2 || die "configuring failed"
cmake --build --preset release --target bibkit_cli csl_render >&2 || die "the build failed"
bibkit="$repo/build/release/cli/bibkit"
render="$repo/build/release/bench/csl_render"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bibkit-csl-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# ---------------------------------------------------------------------------------------------
say "== $count CSL-JSON items from make-corpus"
# About 1,650 entries a megabyte: make enough, then keep the first $count.
megabytes=$(( count / 1500 + 1 ))
python3 "$shared/bench/make-corpus" "$megabytes" "$tmp/corpus.bib" >&2
"$bibkit" convert "$tmp/corpus.bib" --to csl-json -o "$tmp/all.json" 2>/dev/null || (( $? == 1 )) ||
    die "bibkit convert failed"
python3 - "$tmp/all.json" "$tmp/items.json" "$count" <<'PY'
import json, sys
items = json.load(open(sys.argv[1], encoding="utf-8"))[: int(sys.argv[3])]
if len(items) < int(sys.argv[3]):
    sys.exit(f"only {len(items)} items")
json.dump(items, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY

# ---------------------------------------------------------------------------------------------
citeproc_dir=${BIBKIT_CITEPROC_DIR:-}
if [[ -z "$citeproc_dir" ]]; then
    citeproc_dir="$tmp/citeproc"
    say "== npm install citeproc (into $citeproc_dir)"
    mkdir -p "$citeproc_dir"
    (cd "$citeproc_dir" && npm init -y >/dev/null && npm install --silent citeproc >&2) ||
        die "npm install citeproc failed (network?); set BIBKIT_CITEPROC_DIR to an installed copy"
fi
[[ -d "$citeproc_dir/node_modules/citeproc" ]] || die "no citeproc in $citeproc_dir/node_modules"
say "   citeproc $(node -p "require('$citeproc_dir/node_modules/citeproc/package.json').version")"

# ---------------------------------------------------------------------------------------------
say "== Rendering apa.csl's bibliography of $count items to html (best of $runs, in-process)"
read -r _ bibkit_ms bibkit_entries < <("$render" "$style" "$locales" "$tmp/items.json" "$runs" \
    "$tmp/bibkit.html")
read -r _ citeproc_ms citeproc_entries < <(cd "$citeproc_dir" &&
    node --stack-size=65500 "$here/citeproc_js_bench.mjs" "$style" "$locales" \
        "$tmp/items.json" "$runs" "$tmp/citeproc.html")

say "== End to end, once each (process start-up, reading and parsing included)"
start=$(date +%s%N)
(cd "$citeproc_dir" && node --stack-size=65500 "$here/citeproc_js_bench.mjs" "$style" "$locales" \
    "$tmp/items.json" 1 >/dev/null)
node_total=$(( ($(date +%s%N) - start) / 1000000 ))
start=$(date +%s%N)
"$render" "$style" "$locales" "$tmp/items.json" 1 >/dev/null 2>&1
bibkit_total=$(( ($(date +%s%N) - start) / 1000000 ))

echo
echo "| renderer | apa.csl, $count items → html | entries | end to end |"
echo "|---|---:|---:|---:|"
echo "| bibkit (csl_render) | ${bibkit_ms} ms | $bibkit_entries | ${bibkit_total} ms |"
echo "| citeproc-js (node) | ${citeproc_ms} ms | $citeproc_entries | ${node_total} ms |"
awk -v b="$bibkit_ms" -v c="$citeproc_ms" -v bt="$bibkit_total" -v ct="$node_total" 'BEGIN {
    printf "\nbibkit is %.1f× faster than citeproc-js in-process (%.1f× end to end); the goal is 20×.\n",
        c / b, ct / bt }'
[[ "$bibkit_entries" == "$citeproc_entries" ]] ||
    say "csl.sh: the entry counts differ ($bibkit_entries against $citeproc_entries)"
