#!/usr/bin/env bash
# Builds bibkit with warnings as errors and runs every test.
#   scripts/test.sh          the default preset (RelWithDebInfo)
#   scripts/test.sh asan     AddressSanitizer + UndefinedBehaviorSanitizer
# Suites that read ../shared (real-world corpora, BibTeX's answers) skip, saying so, without it.
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-default}
scripts/setup.sh test
jobs=$(nproc)
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$jobs"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
exclude=()
# The agreement with pandoc is the same in every build and pandoc's half minute dominates it:
# the sanitizer run keeps the schema check and leaves the comparison to the default build.
if [[ $preset == asan ]]; then exclude=(-E csl_json_corpus_pandoc); fi
ctest --preset "$preset" -j "$jobs" "${exclude[@]}"
