#!/usr/bin/env bash
# Writes expected/ from the current bibkit, for review: every file there was read and checked by
# hand (numbering, order, the owner in bold, escaping) before it was committed.
#   tests/cv/data/generate.sh build/default/cli/bibkit
set -euo pipefail
bibkit=$(realpath "$1")
cd "$(dirname "$0")"
data=../../../data
for flavor in plain moderncv markdown html biblatex; do
    rm -rf "expected/$flavor"
    "$bibkit" cv "$data/papers.bib" "$data/talks.bib" "$data/teaching.bib" --flavor "$flavor" \
        --highlight "Marchand, Élodie" -o "expected/$flavor"
done
rm -rf expected/reversed
"$bibkit" cv "$data/papers.bib" "$data/talks.bib" "$data/teaching.bib" --sections reversed.yml \
    --ascii -o expected/reversed
