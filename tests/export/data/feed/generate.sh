#!/usr/bin/env bash
# Regenerates the expected feeds from the bibkit at $1 (build/default/cli/bibkit). Every change
# to them is reviewed by hand before it is committed: they are the specification.
set -euo pipefail
bibkit=$(realpath "$1")
cd "$(dirname "$0")/../../../.."
expected=tests/export/data/feed/expected
site=(--site-url https://emarchand.example.org --author "Élodie Marchand")
generate() {
    local out=$1
    shift
    "$bibkit" feed "$@" "${site[@]}" >"$expected/$out"
}
for f in atom rss json html markdown; do generate "news.$f" data/news.bib --kind news -f "$f"; done
for f in ics html markdown atom; do generate "talks.$f" data/talks.bib --kind talks -f "$f"; done
for f in atom html markdown; do
    generate "papers.$f" data/papers.bib --kind publications --limit 5 -f "$f"
done
for f in atom html markdown; do
    generate "collection_news.$f" tests/export/data/feed/_news --kind news -f "$f"
done
for f in ics markdown rss json html; do
    generate "collection_talks.$f" tests/export/data/feed/_talks --kind talks -f "$f"
done
