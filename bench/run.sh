#!/usr/bin/env bash
# bench/run.sh [bibkit_bench flags...]
#
# The speed report for SPEC.md's "Speed" section:
#   1. builds the release preset with the benchmarks (cmake --preset release -DBIBKIT_BENCH=ON);
#   2. makes 16 MB and 64 MB corpora with shared/bench/make-corpus in a temporary directory;
#   3. times `bibkit check` (and `bibkit format`) against BibTeX 0.99d and bibtool: best wall time
#      of BIBKIT_BENCH_RUNS runs (default 5), peak RSS from GNU time, as a Markdown table;
#   4. times `bibkit convert --to csl-json` against `pandoc -f bibtex -t csljson` on a corpus
#      pandoc can handle (make-corpus 2: one pass over the sources, about 3.6 MB), and bibkit
#      alone on the 64 MB corpus;
#   5. runs bibkit_bench (Google Benchmark) on the 16 MB corpus; extra arguments go to it.
#
# Environment: BIBKIT_SHARED (default: the shared/ folder beside the repository),
# BIBKIT_BENCH_RUNS (default 5), BIBKIT_BENCH_PANDOC_RUNS (default 1: pandoc takes seconds a
# run), BIBKIT_BENCH_PANDOC64=1 to also time pandoc on the 64 MB corpus (90 s, 10 GB),
# BIBKIT_BENCH_BIBTOOL64=1 to also time bibtool on the 64 MB corpus (it is superlinear:
# minutes). A missing peer tool only removes its rows.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
shared=${BIBKIT_SHARED:-$(dirname "$0")/../../shared}
runs=${BIBKIT_BENCH_RUNS:-5}
pandoc_runs=${BIBKIT_BENCH_PANDOC_RUNS:-1}

say() { printf '%s\n' "$*" >&2; }
die() { say "run.sh: $*"; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "BIBKIT_BENCH_RUNS must be a positive number, not '$runs'"
[[ "$pandoc_runs" =~ ^[1-9][0-9]*$ ]] ||
    die "BIBKIT_BENCH_PANDOC_RUNS must be a positive number, not '$pandoc_runs'"
have cmake || die "cmake is missing (apt-get install cmake ninja-build)"
have python3 || die "python3 is missing: it runs shared/bench/make-corpus (apt-get install python3)"
[[ -f "$shared/bench/make-corpus" ]] ||
    die "no $shared/bench/make-corpus: set BIBKIT_SHARED to the project's shared/ folder"
shared=$(cd "$shared" && pwd)

# ---------------------------------------------------------------------------------------------
# 1. Build.
say "== Building the release preset with the benchmarks"
cd "$repo"
if ! cmake --preset release -DBIBKIT_BENCH=ON >&2; then
    die "configuring failed; the benchmarks need Google Benchmark and Boost headers" \
        "(apt-get install libbenchmark-dev libboost-dev)"
fi
cmake --build --preset release >&2 || die "the build failed"
bibkit="$repo/build/release/cli/bibkit"
bench="$repo/build/release/bench/bibkit_bench"
[[ -x "$bibkit" ]] || die "no $bibkit after the build"
[[ -x "$bench" ]] || die "no $bench after the build"

# ---------------------------------------------------------------------------------------------
# 2. Corpora.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bibkit-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
say "== Making the corpora in $tmp"
python3 "$shared/bench/make-corpus" 16 "$tmp/corpus16.bib" >&2
python3 "$shared/bench/make-corpus" 64 "$tmp/corpus64.bib" >&2
python3 "$shared/bench/make-corpus" 2 "$tmp/corpus2.bib" >&2
python3 "$shared/bench/make-corpus" 4 "$tmp/corpus4.bib" >&2

# ---------------------------------------------------------------------------------------------
# 3. Timing.
gnu_time=""
if [[ -x /usr/bin/time ]] && /usr/bin/time -f %M -o /dev/null true 2>/dev/null; then
    gnu_time=/usr/bin/time
else
    say "run.sh: GNU time (/usr/bin/time) is missing, peak RSS is not measured (apt-get install time)"
fi

rows=()            # Markdown table rows
declare -A seconds # "tool|input" -> best seconds, for the ratios

# measure TOOL INPUT_FILE MAX_OK_EXIT CHECK_FN -- COMMAND...
# Runs COMMAND $runs times (stdout to /dev/null), keeps the best wall time and the largest peak
# RSS, and adds a table row. An exit code above MAX_OK_EXIT, or CHECK_FN failing after a run,
# makes the row a failure (with the reason) instead.
measure() {
    local tool=$1 input=$2 max_ok=$3 check=$4
    shift 5
    local bytes mb best="" rss_kb=0 i start end ns rc kb reason=""
    bytes=$(stat -c %s "$input")
    mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')
    say "   $tool on $(basename "$input") ($mb MB), $runs runs"
    for ((i = 0; i < runs; i++)); do
        rc=0
        start=$(date +%s%N)
        if [[ -n "$gnu_time" ]]; then
            "$gnu_time" -f %M -o "$tmp/rss" "$@" >/dev/null 2>"$tmp/stderr" || rc=$?
        else
            "$@" >/dev/null 2>"$tmp/stderr" || rc=$?
        fi
        end=$(date +%s%N)
        reason=""
        if [[ "$check" != - ]] && ! reason=$("$check"); then break; fi
        if ((rc > max_ok)); then
            reason="exit code $rc: $({ grep -v '^Command exited' "$tmp/stderr" || true; } | tail -n 1 | cut -c1-100)"
            break
        fi
        ns=$((end - start))
        if [[ -z "$best" ]] || ((ns < best)); then best=$ns; fi
        if [[ -n "$gnu_time" ]]; then
            kb=$(tail -n 1 "$tmp/rss")
            if [[ "$kb" =~ ^[0-9]+$ ]] && ((kb > rss_kb)); then rss_kb=$kb; fi
        fi
    done
    if [[ -n "$reason" ]]; then
        say "   $tool failed: $reason"
        rows+=("| $tool | $(basename "$input") | $mb | failed: ${reason//|/\\|} | – | – | – |")
        return 0
    fi
    seconds["$tool|$(basename "$input")"]=$best
    local row
    row=$(awk -v ns="$best" -v b="$bytes" -v kb="$rss_kb" -v t="$tool" -v f="$(basename "$input")" 'BEGIN {
        s = ns / 1e9; mb = b / 1048576
        rss = kb > 0 ? sprintf("%.1f", kb / 1024) : "n/a"
        ratio = kb > 0 ? sprintf("%.2f", kb * 1024 / b) : "n/a"
        printf "| %s | %s | %.1f | %.3f | %.1f | %s | %s |", t, f, mb, s, mb / s, rss, ratio }')
    rows+=("$row")
}

say "== Timing (best of $runs wall-clock runs)"
# bibkit check exits with 1 when the input has problems (make-corpus keeps some warnings).
# Reading against the readers: --syntax-only is what BibTeX's READ does (and reports); the full
# check also normalizes every entry for its lints.
measure "bibkit check --syntax-only" "$tmp/corpus16.bib" 1 - -- "$bibkit" check --syntax-only "$tmp/corpus16.bib"
measure "bibkit check --syntax-only" "$tmp/corpus64.bib" 1 - -- "$bibkit" check --syntax-only "$tmp/corpus64.bib"
measure "bibkit check" "$tmp/corpus16.bib" 1 - -- "$bibkit" check "$tmp/corpus16.bib"
measure "bibkit format" "$tmp/corpus16.bib" 1 - -- "$bibkit" format "$tmp/corpus16.bib"

# BibTeX 0.99d with a style that only reads: ENTRY and READ, every entry cited.
bibtex_check() {
    # Exit code 2 means "errors" (bad cross-references in the corpus); a capacity overflow is fatal.
    if grep -q -e "exceeded" -e "fatal error" "$bibtex_dir/bench.blg" 2>/dev/null; then
        grep -m 1 -e "exceeded" -e "fatal error" "$bibtex_dir/bench.blg"
        return 1
    fi
}
if have bibtex; then
    bibtex_dir="$tmp/bibtex"
    mkdir -p "$bibtex_dir"
    printf 'ENTRY {title} {} {}\nREAD\n' >"$bibtex_dir/readonly.bst"
    for size in 16 64; do
        ln -sf "$tmp/corpus$size.bib" "$bibtex_dir/corpus$size.bib"
        printf '\\citation{*}\n\\bibdata{corpus%s}\n\\bibstyle{readonly}\n' "$size" >"$bibtex_dir/bench.aux"
        pushd "$bibtex_dir" >/dev/null
        # SPEC: BibTeX 0.99d gives up on the 64 MB corpus; the row records how.
        measure "BibTeX 0.99d" "$tmp/corpus$size.bib" 2 bibtex_check -- bibtex -terse bench
        if [[ $size == 64 ]]; then
            # With a larger string pool (texmf.cnf's max_strings, read from the environment by
            # kpathsea) it reads the whole file, so the 64 MB corpus can be compared too.
            measure "BibTeX 0.99d, max_strings=4000000" "$tmp/corpus$size.bib" 2 bibtex_check -- \
                env max_strings=4000000 bibtex -terse bench
        fi
        popd >/dev/null
    done
else
    say "run.sh: bibtex is missing, its rows are skipped (apt-get install texlive-binaries)"
fi

if have bibtool; then
    # -r /dev/null: no resource file, so no key generation or rewriting rules; output discarded.
    measure "bibtool" "$tmp/corpus16.bib" 0 - -- bibtool -q -r /dev/null -o /dev/null "$tmp/corpus16.bib"
    if [[ "${BIBKIT_BENCH_BIBTOOL64:-}" == 1 ]]; then
        measure "bibtool" "$tmp/corpus64.bib" 0 - -- bibtool -q -r /dev/null -o /dev/null "$tmp/corpus64.bib"
    else
        say "   bibtool on corpus64.bib skipped (superlinear; BIBKIT_BENCH_BIBTOOL64=1 runs it)"
    fi
else
    say "run.sh: bibtool is missing, its row is skipped (apt-get install bibtool)"
fi

# CSL-JSON: bibkit against pandoc on files pandoc converts in seconds (3.6 and 7.2 MB: on the
# smaller one bibkit's fixed costs weigh more, and it is read on one thread), bibkit alone on 64 MB.
say "== CSL-JSON"
for size in 2 4; do
    measure "bibkit convert --to csl-json" "$tmp/corpus$size.bib" 1 - -- \
        "$bibkit" convert "$tmp/corpus$size.bib" --to csl-json
done
measure "bibkit convert --to csl-json" "$tmp/corpus64.bib" 1 - -- \
    "$bibkit" convert "$tmp/corpus64.bib" --to csl-json
if have pandoc; then
    saved_runs=$runs
    runs=$pandoc_runs
    sizes=(2 4)
    # The 64 MB corpus takes pandoc a minute and a half and about 10 GB: only when asked.
    if [[ "${BIBKIT_BENCH_PANDOC64:-}" == 1 ]]; then sizes+=(64); fi
    for size in "${sizes[@]}"; do
        measure "pandoc -f bibtex -t csljson" "$tmp/corpus$size.bib" 0 - -- \
            pandoc -f bibtex -t csljson "$tmp/corpus$size.bib"
    done
    runs=$saved_runs
else
    say "run.sh: pandoc is missing, its row is skipped (apt-get install pandoc)"
fi

# Query: reading into records alone (the default query, counted) against the same with a query,
# a two-key sort and grouping (the issue's bound: less than 20% more).
say "== query"
measure "bibkit query (read only)" "$tmp/corpus64.bib" 1 - -- \
    "$bibkit" query "$tmp/corpus64.bib" -f count
measure "bibkit query + sort + group" "$tmp/corpus64.bib" 1 - -- \
    "$bibkit" query "$tmp/corpus64.bib" -f keys -q '@*[year>=2000]' --sort-by year,month \
    --order descending -g year -G descending
measure "bibkit query, sort by author" "$tmp/corpus64.bib" 1 - -- \
    "$bibkit" query "$tmp/corpus64.bib" -f keys -q '@article' --sort-by author,year

echo
echo "## Reading speed ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
echo
echo "MB = 2^20 bytes; seconds = best wall time of $runs runs ($pandoc_runs for pandoc); RSS / input = peak RSS over input size."
echo
echo "| tool | input | MB | seconds | MB/s | peak RSS MB | RSS / input |"
echo "|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
ratio() { # ratio NAME SLOW_KEY FAST_KEY
    local slow=${seconds[$2]:-} fast=${seconds[$3]:-}
    if [[ -n "$slow" && -n "$fast" ]]; then
        awk -v s="$slow" -v f="$fast" -v n="$1" 'BEGIN { printf "- %s: %.1f× faster\n", n, s / f }'
    else
        echo "- $1: not measured"
    fi
}
ratio "bibkit check --syntax-only vs BibTeX 0.99d on corpus16.bib" "BibTeX 0.99d|corpus16.bib" \
    "bibkit check --syntax-only|corpus16.bib"
ratio "bibkit check --syntax-only vs BibTeX 0.99d (max_strings=4000000) on corpus64.bib" \
    "BibTeX 0.99d, max_strings=4000000|corpus64.bib" "bibkit check --syntax-only|corpus64.bib"
ratio "bibkit check (with lints) vs BibTeX 0.99d on corpus16.bib" "BibTeX 0.99d|corpus16.bib" \
    "bibkit check|corpus16.bib"
ratio "bibkit check --syntax-only vs bibtool on corpus16.bib" "bibtool|corpus16.bib" \
    "bibkit check --syntax-only|corpus16.bib"
ratio "bibkit format vs bibtool on corpus16.bib (both read and rewrite)" "bibtool|corpus16.bib" "bibkit format|corpus16.bib"
for size in 2 4 64; do
    ratio "bibkit convert --to csl-json vs pandoc on corpus$size.bib (SPEC: at least 100×)" \
        "pandoc -f bibtex -t csljson|corpus$size.bib" "bibkit convert --to csl-json|corpus$size.bib"
done
ratio "bibkit check --syntax-only (reading) vs pandoc's reading and conversion on corpus64.bib" \
    "pandoc -f bibtex -t csljson|corpus64.bib" "bibkit check --syntax-only|corpus64.bib"
overhead() { # overhead NAME BASE_KEY KEY
    local base=${seconds[$2]:-} with=${seconds[$3]:-}
    if [[ -n "$base" && -n "$with" ]]; then
        awk -v b="$base" -v w="$with" -v n="$1" 'BEGIN { printf "- %s: %+.0f%% (%+.0f ms)\n", n, 100 * (w - b) / b, (w - b) / 1e6 }'
    else
        echo "- $1: not measured"
    fi
}
overhead "query + sort + group on top of reading corpus64.bib into records (bound: +20%)" \
    "bibkit query (read only)|corpus64.bib" "bibkit query + sort + group|corpus64.bib"
overhead "the same with a sort by author (ICU collation of every name)" \
    "bibkit query (read only)|corpus64.bib" "bibkit query, sort by author|corpus64.bib"

# ---------------------------------------------------------------------------------------------
# 5. Micro-benchmarks.
echo
echo "## bibkit_bench on corpus16.bib"
echo
BIBKIT_BENCH_FILE="$tmp/corpus16.bib" "$bench" --benchmark_out="$tmp/bench.json" \
    --benchmark_out_format=json "$@"
python3 - "$tmp/bench.json" "$(stat -c %s "$tmp/corpus16.bib")" <<'EOF'
import json, sys
size = int(sys.argv[2])
# Names carry "/process_time" (CPU time is the whole process's, all threads).
runs = {b["name"].replace("/process_time", ""): b for b in json.load(open(sys.argv[1]))["benchmarks"]
        if b.get("run_type", "iteration") == "iteration"}
def rates(name):
    b = runs.get(name)
    if not b or "bytes_per_second" not in b:
        return None
    scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[b.get("time_unit", "ns")]
    return b["bytes_per_second"] / 2**20, size / (b["real_time"] * scale) / 2**20
x3 = rates("BM_X3Parse")
print()
for name, label in (("BM_ParseSingleThread", "scanner on one thread"), ("BM_Parse", "bibtex::parse as shipped")):
    scanner = rates(name)
    if scanner and x3:
        print(f"Reader, {label} vs Boost.Spirit X3: {scanner[0]:.0f} vs {x3[0]:.0f} MB per CPU-second "
              f"(x{scanner[0] / x3[0]:.2f}); {scanner[1]:.0f} vs {x3[1]:.0f} MB/s wall-clock (x{scanner[1] / x3[1]:.2f})")
EOF
