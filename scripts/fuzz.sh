#!/usr/bin/env bash
# Builds the libFuzzer targets (the "fuzz" CMake preset: clang, ASan + UBSan) and runs each one.
#
# Usage: scripts/fuzz.sh [SECONDS]        SECONDS per fuzzer, default 60
#
# Each fuzzer <family>_..._fuzzer starts from a temporary copy of tests/fuzz/corpus/<family>/ and
# uses tests/fuzz/<family>.dict when present; new inputs and crash artifacts go to a temporary
# directory, never into the repository. Reproducers saved in tests/fuzz/regressions/<family>/ are
# replayed first. Exits non-zero if any fuzzer crashes, times out, runs out of memory or a saved
# regression still fails; the temporary directory is then kept and its path printed.
# Needs clang and libFuzzer (Debian: clang, libclang-rt-14-dev).
#
# Environment: BIBKIT_FUZZ_TARGETS selects targets (default: all); BIBKIT_FUZZ_KEEP=1 keeps the
# temporary directory even on success; BIBKIT_FUZZ_FLAGS adds libFuzzer flags, e.g. "-fork=2
# -ignore_crashes=1" to keep going after a crash and collect every artifact (the run still fails
# if any artifact was written).
set -euo pipefail

seconds="${1:-60}"
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: $0 [SECONDS]   (a positive whole number; default 60)" >&2
    exit 2
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

fuzzers=(bibtex_reader_fuzzer model_normalize_fuzzer query_fuzzer arxiv_atom_fuzzer
    text_latex_fuzzer names_split_fuzzer dates_parse_fuzzer csl_style_fuzzer config_front_matter_fuzzer)
# BIBKIT_FUZZ_TARGETS="names_split_fuzzer dates_parse_fuzzer" runs only those (a long run can
# be split between two shells, one per core).
if [[ -n "${BIBKIT_FUZZ_TARGETS:-}" ]]; then
    read -r -a wanted <<<"$BIBKIT_FUZZ_TARGETS"
    for target in "${wanted[@]}"; do
        if [[ " ${fuzzers[*]} " != *" $target "* ]]; then
            echo "fuzz: unknown target $target (one of: ${fuzzers[*]})" >&2
            exit 2
        fi
    done
    fuzzers=("${wanted[@]}")
fi

cmake --preset fuzz
cmake --build --preset fuzz --target "${fuzzers[@]}"

bindir="$root/build/fuzz/tests/fuzz"
workdir="$(mktemp -d "${TMPDIR:-/tmp}/bibkit-fuzz.XXXXXX")"
failed=0
cleanup() {
    if [[ $failed -eq 0 && "${BIBKIT_FUZZ_KEEP:-0}" != 1 ]]; then
        rm -rf "$workdir"
    else
        echo "fuzz: work directory kept: $workdir" >&2
    fi
}
trap cleanup EXIT

# Sanitizer reports must end the run (libFuzzer then saves the input as a crash artifact).
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:abort_on_error=1:print_stacktrace=1:symbolize=1}"

for fuzzer in "${fuzzers[@]}"; do
    family="${fuzzer%%_*}" # bibtex_reader_fuzzer -> bibtex
    exe="$bindir/$fuzzer"
    seeds="$root/tests/fuzz/corpus/$family"
    dict="$root/tests/fuzz/$family.dict"
    regressions="$root/tests/fuzz/regressions/$family"
    work="$workdir/$fuzzer"
    mkdir -p "$work/corpus" "$work/artifacts" "$work/replay"
    if [[ -d "$seeds" ]]; then cp -R "$seeds/." "$work/corpus/"; fi

    common=(-max_len=65536 -timeout=10 -rss_limit_mb=2048)
    [[ -f "$dict" ]] && common+=("-dict=$dict")

    # Saved reproducers: each must now run cleanly (one process per file, so every failure shows).
    if [[ -d "$regressions" ]]; then
        for input in "$regressions"/*; do
            [[ -f "$input" ]] || continue
            log="$work/regression-$(basename "$input").log"
            if "$exe" "${common[@]}" "-artifact_prefix=$work/replay/" "$input" >"$log" 2>&1; then
                echo "== $fuzzer: regression $(basename "$input"): ok"
            else
                failed=1
                echo "fuzz: $fuzzer: regression $(basename "$input") still fails (log: $log):" >&2
                grep -aE '^\*\*\* |ERROR: |SUMMARY: ' "$log" | cut -c1-300 >&2 || true
            fi
        done
    fi

    echo "== $fuzzer: fuzzing for ${seconds}s (log: $work/fuzz.log)"
    status=0
    # shellcheck disable=SC2086 # BIBKIT_FUZZ_FLAGS is a list of flags
    "$exe" "${common[@]}" "-artifact_prefix=$work/artifacts/" -max_total_time="$seconds" -print_final_stats=1 \
        ${BIBKIT_FUZZ_FLAGS:-} \
        "$work/corpus" >"$work/fuzz.log" 2>&1 || status=$?
    # With -ignore_crashes and the like libFuzzer exits 0; what it saved still counts.
    if [[ $status -eq 0 ]] && compgen -G "$work/artifacts/*" >/dev/null; then status=1; fi

    # The coverage / speed summary: libFuzzer's last status line and its final statistics.
    grep -aE '^#[0-9]+[:[:space:]]' "$work/fuzz.log" | tail -n 1 || true
    grep -aE '^stat::' "$work/fuzz.log" || true
    echo "artifacts (crash/timeout/oom/leak inputs): $(find "$work/artifacts" -type f | wc -l)"
    if [[ $status -ne 0 ]]; then
        failed=1
        echo "fuzz: $fuzzer FAILED (exit $status); last lines of $work/fuzz.log:" >&2
        tail -n 60 "$work/fuzz.log" >&2
        echo "fuzz: artifacts (replay one with: $exe FILE):" >&2
        ls -l "$work/artifacts" >&2
    fi
done

if [[ $failed -ne 0 ]]; then
    exit 1
fi
echo "fuzz: all fuzzers ran clean"
