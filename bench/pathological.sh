#!/usr/bin/env bash
# bench/pathological.sh [BIBKIT]
#
# Time and peak memory of bibkit on pathological input (SPEC.md, "Bounded resources"): each input
# is generated here, in a temporary directory, and read by `bibkit check`, `bibkit convert --to
# csl-json` and `bibkit query -f text` (CSL rendering with the project's style); then two styles
# that would recurse without bound are loaded by `bibkit query --style`. Prints one
# Markdown row per input and command: exit code, wall seconds and peak RSS (GNU time), and the
# first line of the diagnostics. The bound each should meet: under a second, memory a small
# multiple of the input.
#
# BIBKIT: the executable (default: build/release/cli/bibkit, else build/default/cli/bibkit).
# Needs python3 (to write the inputs) and GNU time (/usr/bin/time).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
bibkit=${1:-}
if [[ -z "$bibkit" ]]; then
    for candidate in "$repo/build/release/cli/bibkit" "$repo/build/default/cli/bibkit"; do
        if [[ -x "$candidate" ]]; then bibkit=$candidate; break; fi
    done
fi
[[ -n "$bibkit" && -x "$bibkit" ]] || { echo "pathological.sh: no bibkit executable (build one, or pass its path)" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "pathological.sh: needs GNU time (apt-get install time)" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bibkit-pathological.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

python3 - "$tmp" <<'PY'
import sys, os
d = sys.argv[1]
def write(name, text):
    with open(os.path.join(d, name), "w") as f:
        f.write(text)
write("open-braces.bib", "@article{k, title = " + "{" * (1 << 20) + "\n")
write("nested-groups.bib",
      "@article{k, author = {A. Author}, year = 2024, title = " + "{" * 100000 + "x" + "}" * 100000 + "}\n")
write("million-authors.bib",
      "@article{k, title = {T}, year = 2024, journal = {J}, author = {" + " and ".join(["A. Author"] * 1000000) + "}}\n")
write("concat-chain.bib",
      "@string{s = \"x\"}\n@article{k, author = {A. Author}, year = 2024, title = " + " # ".join(["s"] * 10000) + "}\n")
write("macro-cycle.bib",
      "@string{a = b}\n@string{b = a}\n@string{c = c # c}\n"
      "@article{k, author = {A. Author}, year = 2024, title = a # b # c}\n")
write("stray-at.bib", "@" * 65536 + "\n")
csl_head = ('<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"><info><id>x</id>'
            '<title>x</title><updated>2024-01-01T00:00:00+00:00</updated></info>')
write("deep-groups.csl", csl_head + "<citation><layout>" + "<group>" * 100000 + '<text variable="title"/>' +
      "</group>" * 100000 + "</layout></citation></style>\n")
write("macro-cycle.csl", csl_head + '<macro name="a"><text macro="b"/></macro><macro name="b"><text macro="a"/></macro>'
      '<citation><layout><text macro="a"/></layout></citation>'
      '<bibliography><layout><text macro="a"/></layout></bibliography></style>\n')
write("one.bib", "@article{k, author = {A. Author}, title = {T}, year = 2024}\n")
PY

inputs=(open-braces nested-groups million-authors concat-chain macro-cycle stray-at)
echo "| input | size | command | exit | seconds | peak RSS (MB) | first diagnostic |"
echo "|---|---:|---|---:|---:|---:|---|"
for name in "${inputs[@]}"; do
    file="$tmp/$name.bib"
    size=$(du -h "$file" | cut -f1)
    for command in "check" "convert --to csl-json" "query -f text"; do
        # shellcheck disable=SC2086 # the command is words
        /usr/bin/time -v -o "$tmp/time.txt" timeout 120 "$bibkit" $command "$file" >"$tmp/out.txt" 2>"$tmp/err.txt" && status=0 || status=$?
        seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; ++i) s = s * 60 + p[i]; print s}' "$tmp/time.txt")
        rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2 / 1024}' "$tmp/time.txt")
        first=$(cat "$tmp/err.txt" "$tmp/out.txt" | grep -a -m1 -v '^\s*$' | cut -c1-100 | sed "s|$tmp/||g; s/|/\\|/g" || true)
        echo "| $name | $size | $command | $status | $seconds | $rss | ${first:-} |"
    done
done
# Styles that would recurse without bound: elements nested 100,000 deep, two macros calling each
# other.
for style in deep-groups macro-cycle; do
    file="$tmp/$style.csl"
    size=$(du -h "$file" | cut -f1)
    /usr/bin/time -v -o "$tmp/time.txt" timeout 120 "$bibkit" query -f text --style "$file" "$tmp/one.bib" >"$tmp/out.txt" 2>"$tmp/err.txt" && status=0 || status=$?
    seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; ++i) s = s * 60 + p[i]; print s}' "$tmp/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2 / 1024}' "$tmp/time.txt")
    first=$(cat "$tmp/err.txt" "$tmp/out.txt" | grep -a -m1 -v '^\s*$' | cut -c1-100 | sed "s|$tmp/||g; s/|/\\|/g" || true)
    echo "| $style.csl | $size | query -f text --style | $status | $seconds | $rss | ${first:-} |"
done
