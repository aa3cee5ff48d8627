#!/usr/bin/env bash
# Writes expected/ from the current bibkit, for review: the broad files of data/'s whole CV in
# every flavour (headers, escaping, links, every entry type), each read and checked by hand
# before it was committed. It never writes hand/: those files (numbering, order and the owner in
# bold for a small .bib) were written by hand from the rules, and are edited only by hand.
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
