#!/usr/bin/env bash
# bench/peers.sh
#
# The comparisons bench/run.sh and bench/csl.sh leave out (SPEC.md "Speed", the benchmark issue):
#   1. BibTeX → CSL-JSON against citation-js (npm @citation-js/core + plugin-bibtex) on
#      make-corpus 2, reduced to the entries citation-js can read (it throws on the whole file;
#      bench/citation_js_bench.mjs explains);
#   2. a full publication page from a 4,000-entry bibliography (the first 4,000 entries of
#      make-corpus 4 with all its @strings): `bibkit render` of a page with
#      `{% bibliography --group_by year %}` in apa.csl, `bibkit query -f html`, and pandoc's
#      citeproc (`--citeproc --csl apa.csl`, every entry cited with nocite) on the same file;
#   3. jekyll-scholar's published timings (it is not packaged for Debian; its users' reports are
#      the only numbers there are), printed beside bibkit's page time.
# Each bibkit row is the best wall time of BIBKIT_BENCH_RUNS runs (default 5); peers run
# BIBKIT_BENCH_PEER_RUNS times (default 1: they take seconds).
#
# Environment: BIBKIT_SHARED (default: the shared/ folder beside the repository),
# BIBKIT_CITATION_JS_DIR (an existing directory with node_modules/@citation-js; otherwise npm
# installs it into a temporary directory). A missing peer only removes its rows.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
shared=${BIBKIT_SHARED:-$repo/../shared}
runs=${BIBKIT_BENCH_RUNS:-5}
peer_runs=${BIBKIT_BENCH_PEER_RUNS:-1}

say() { printf '%s\n' "$*" >&2; }
die() { say "peers.sh: $*"; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "BIBKIT_BENCH_RUNS must be a positive number, not '$runs'"
[[ "$peer_runs" =~ ^[1-9][0-9]*$ ]] ||
    die "BIBKIT_BENCH_PEER_RUNS must be a positive number, not '$peer_runs'"
have cmake || die "cmake is missing (apt-get install cmake ninja-build)"
have python3 || die "python3 is missing: it runs make-corpus (apt-get install python3)"
[[ -f "$shared/bench/make-corpus" ]] || die "no $shared/bench/make-corpus: set BIBKIT_SHARED"
shared=$(cd "$shared" && pwd)
style="$shared/csl/styles/apa.csl"
locales="$shared/csl/locales"
[[ -f "$style" ]] || die "no $style"

say "== Building the release preset's bibkit"
cd "$repo"
cmake --preset release >&2 || die "configuring failed"
cmake --build --preset release --target bibkit_cli >&2 || die "the build failed"
bibkit="$repo/build/release/cli/bibkit"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bibkit-peers.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# best_ms RUNS COMMAND...: the best wall time in milliseconds (stdout discarded). bibkit exits with
# 1 when the input has warnings (make-corpus keeps some); anything above is a failure.
best_ms() {
    local n=$1 best="" start ns rc i
    shift
    for ((i = 0; i < n; i++)); do
        rc=0
        start=$(date +%s%N)
        "$@" >/dev/null 2>"$tmp/stderr" || rc=$?
        ns=$(($(date +%s%N) - start))
        if ((rc > 1)); then
            say "peers.sh: $1 exited with $rc: $(tail -n 1 "$tmp/stderr")"
            return 1
        fi
        if [[ -z "$best" ]] || ((ns < best)); then best=$ns; fi
    done
    echo $((best / 1000000))
}
ratio() { awk -v s="$1" -v f="$2" 'BEGIN { printf "%.1f", s / f }'; }
megabytes() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f", b / 1048576 }'; }

rows=()

# ---------------------------------------------------------------------------------------------
say "== 1. BibTeX → CSL-JSON against citation-js"
python3 "$shared/bench/make-corpus" 2 "$tmp/corpus2.bib" >&2
cjs_dir=${BIBKIT_CITATION_JS_DIR:-}
if [[ -z "$cjs_dir" ]] && have npm; then
    cjs_dir="$tmp/citation-js"
    say "   npm install @citation-js/core @citation-js/plugin-bibtex (into $cjs_dir)"
    mkdir -p "$cjs_dir"
    (cd "$cjs_dir" && npm init -y >/dev/null &&
        npm install --silent @citation-js/core @citation-js/plugin-bibtex >&2) || cjs_dir=""
fi
if [[ -n "$cjs_dir" && -d "$cjs_dir/node_modules/@citation-js/plugin-bibtex" ]] && have node; then
    read -r _ kept dropped < <(cd "$cjs_dir" &&
        node "$here/citation_js_bench.mjs" filter "$tmp/corpus2.bib" "$tmp/readable.bib")
    say "   citation-js reads $kept of the corpus's chunks one by one; $dropped dropped"
    bibkit_ms=$(best_ms "$runs" "$bibkit" convert "$tmp/readable.bib" --to csl-json)
    read -r _ cjs_ms cjs_items < <(cd "$cjs_dir" &&
        node "$here/citation_js_bench.mjs" convert "$tmp/readable.bib" "$peer_runs")
    start=$(date +%s%N)
    (cd "$cjs_dir" && node "$here/citation_js_bench.mjs" convert "$tmp/readable.bib" 1 >/dev/null)
    cjs_total=$((($(date +%s%N) - start) / 1000000))
    bibkit_items=$("$bibkit" convert "$tmp/readable.bib" --to csl-json 2>/dev/null |
        python3 -c 'import json, sys; print(len(json.load(sys.stdin)))') || true
    mb=$(megabytes "$tmp/readable.bib")
    rows+=("| BibTeX → CSL-JSON, $mb MB ($bibkit_items / $cjs_items items) | bibkit convert: $bibkit_ms ms | citation-js: $cjs_ms ms in-process, $cjs_total ms end to end | $(ratio "$cjs_total" "$bibkit_ms")× ($(ratio "$cjs_ms" "$bibkit_ms")× against in-process) |")
else
    say "peers.sh: citation-js is not available (npm install failed or node missing): row skipped"
fi

# ---------------------------------------------------------------------------------------------
say "== 2. A publication page from a 4,000-entry bibliography"
python3 "$shared/bench/make-corpus" 4 "$tmp/corpus4.bib" >&2
python3 - "$tmp/corpus4.bib" "$tmp/p4000.bib" <<'PY'
import re, sys
chunks = re.split(r"\n(?=@)", open(sys.argv[1], encoding="utf-8").read())
kept, entries = [], 0
for chunk in chunks:
    if re.match(r"@\s*(string|preamble|comment)", chunk, re.I):
        kept.append(chunk)
    elif entries < 4000:
        kept.append(chunk)
        entries += 1
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(kept))
PY
printf -- '---\nlayout: page\ntitle: Publications\n---\n\n{%% bibliography --group_by year %%}\n' \
    >"$tmp/publications.md"
printf -- '---\nnocite: "@*"\n---\n' >"$tmp/nocite.md"
render=(--style "$style" --locale-dir "$locales")
page_ms=$(best_ms "$runs" "$bibkit" render "$tmp/publications.md" -f "$tmp/p4000.bib" "${render[@]}")
list_ms=$(best_ms "$runs" "$bibkit" query "$tmp/p4000.bib" -f html "${render[@]}")
entries=$("$bibkit" render "$tmp/publications.md" -f "$tmp/p4000.bib" "${render[@]}" 2>/dev/null |
    grep -c '<li>') || true
mb=$(megabytes "$tmp/p4000.bib")
rows+=("| publication page, 4,000 entries ($mb MB), apa.csl, grouped by year | bibkit render: $page_ms ms ($entries entries) | – | – |")
if have pandoc; then
    pandoc_ms=$(best_ms "$peer_runs" pandoc "$tmp/nocite.md" -t html --citeproc --csl "$style" \
        --bibliography "$tmp/p4000.bib")
    pandoc_entries=$(pandoc "$tmp/nocite.md" -t html --citeproc --csl "$style" \
        --bibliography "$tmp/p4000.bib" 2>/dev/null | grep -c 'class="csl-entry"') || true
    rows+=("| bibliography of 4,000 entries in apa.csl to HTML | bibkit query -f html: $list_ms ms | pandoc --citeproc: $pandoc_ms ms ($pandoc_entries entries) | $(ratio "$pandoc_ms" "$list_ms")× |")
else
    say "peers.sh: pandoc is missing, its row is skipped (apt-get install pandoc)"
fi

# ---------------------------------------------------------------------------------------------
echo
echo "## bibkit against citation-js and pandoc ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
echo
echo "bibkit: best wall time of $runs runs, whole process; peers: $peer_runs run(s)."
echo
echo "| task | bibkit | peer | ratio |"
echo "|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "## jekyll-scholar's published timings (whole Jekyll builds on its users' machines)"
echo
echo "| report | bibliography | time |"
echo "|---|---|---|"
echo "| https://github.com/inukshuk/jekyll-scholar/issues/256 | one page, ~1,000 entries (700 KB), apa | 22 s (2 s with a query keeping 50–100) |"
echo "| https://github.com/inukshuk/jekyll-scholar/issues/347 | a post citing 10 of 4,000+ entries | 215 s (1.3 s without jekyll-scholar) |"
echo "| https://github.com/inukshuk/jekyll-scholar/issues/4 | a small site, one .bib | 20 s (1–2 s without) |"
echo
awk -v ms="$page_ms" 'BEGIN { printf "bibkit renders the 4,000-entry page in %.2f s: %.0f× less than the 22 s reported for a quarter as many entries.\n", ms / 1000, 22000 / ms }'
