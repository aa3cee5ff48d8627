#!/usr/bin/env bash
# bench/suite.sh [OUT.md]
#
# The whole speed comparison in one run, for the README's tables: bench/run.sh (reading against
# BibTeX 0.99d and bibtool, CSL-JSON against pandoc, query + sort + group, the micro-benchmarks),
# bench/csl.sh (CSL rendering against citeproc-js) and bench/peers.sh (CSL-JSON against
# citation-js, a 4,000-entry publication page, pandoc's citeproc, jekyll-scholar's published
# timings). Every input comes from ../shared/bench/make-corpus, which is deterministic, so the
# scripts read the same files. The reports are printed and, with OUT.md, written there too.
# Run it on an otherwise idle machine: the ratios are wall-clock times.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-}

run_all() {
    echo "# bibkit speed suite, $(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m)"
    echo
    echo "Load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
    BIBKIT_BENCH_PANDOC64=${BIBKIT_BENCH_PANDOC64:-1} "$here/run.sh"
    echo
    echo "## CSL rendering against citeproc-js"
    "$here/csl.sh"
    "$here/peers.sh"
}

if [[ -n "$out" ]]; then
    run_all | tee "$out"
else
    run_all
fi
