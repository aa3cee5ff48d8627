#!/usr/bin/env bash
# The main job on the example researcher's data in data/: check every file, then convert the
# publication list (JSON, CSL-JSON, biblatex) and tidy it, query it, write the news and talk
# lists, the news feed and the talks calendar, and the CV sections (and out/cv.pdf when pdflatex
# is there). Results go to out/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
# BIBKIT_DEMO_PRESET: CI runs the demo on the build its tests already made instead of a third one.
preset=${BIBKIT_DEMO_PRESET:-release}
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$(nproc)" --target bibkit_cli
bibkit=build/$preset/cli/bibkit
mkdir -p out

echo "== bibkit check data/*.bib"
"$bibkit" check data/papers.bib data/talks.bib data/news.bib data/teaching.bib

echo "== bibkit convert data/papers.bib --to json -o out/papers.json"
"$bibkit" convert data/papers.bib --to json -o out/papers.json
echo "   $(grep -c '"key"' out/papers.json) entries written to out/papers.json"

echo "== bibkit convert data/papers.bib --to csl-json -o out/papers.csl.json"
"$bibkit" convert data/papers.bib --to csl-json -o out/papers.csl.json
echo "   $(grep -c '"id"' out/papers.csl.json) items written to out/papers.csl.json"

echo "== bibkit convert data/papers.bib --to biblatex -o out/papers.biblatex.bib"
"$bibkit" convert data/papers.bib --to biblatex -o out/papers.biblatex.bib
echo "   out/papers.biblatex.bib: $(grep -c '^@' out/papers.biblatex.bib) entries"

echo "== bibkit format data/papers.bib --sort year --descending -o out/papers.formatted.bib"
"$bibkit" format data/papers.bib --sort year --descending -o out/papers.formatted.bib
echo "   out/papers.formatted.bib: $(grep -c '^@' out/papers.formatted.bib) blocks"

echo "== bibkit convert data/papers.bib --to bibtex --lossless (byte-identical round trip)"
"$bibkit" convert data/papers.bib --to bibtex --lossless -o out/papers.lossless.bib
cmp data/papers.bib out/papers.lossless.bib && echo "   identical"

echo "== bibkit query data/papers.bib -q '@*[project=stochastic-optimization]' -g year -G descending"
"$bibkit" query data/papers.bib -q '@*[project=stochastic-optimization]' -g year -G descending

echo "== bibkit query data/papers.bib -q '@*[selected=true]' --sort-by year --order descending -f text"
"$bibkit" query data/papers.bib -q '@*[selected=true]' --sort-by year --order descending -f text

echo "== bibkit query data/papers.bib -f count --tag-options '-q @inproceedings[year>=2022]'"
"$bibkit" query data/papers.bib -f count --tag-options '-q @inproceedings[year>=2022]'

echo "== bibkit query data/papers.bib -f html --standalone --template alfolio -g year -G descending -o out/publications.html"
"$bibkit" query data/papers.bib -f html --standalone --template alfolio -g year -G descending \
    --highlight "Marchand, Élodie" --max-authors 3 --title "Élodie Marchand: publications" \
    -o out/publications.html
echo "   out/publications.html: $(grep -c '<li>' out/publications.html) papers (open it in a browser)"

echo "== bibkit render data/project.md -f data/papers.bib --style bibkit -o out (seed 004's project page)"
"$bibkit" render data/project.md -f data/papers.bib --style bibkit --highlight "Marchand, Élodie" -o out
echo "   out/project.md: $(grep -o '<li>' out/project.md | wc -l) papers of the project"

echo "== bibkit query data/papers.bib -q '@*[selected=true]' -f html --prefix selected (the selected-papers block)"
"$bibkit" query data/papers.bib -q '@*[selected=true]' --sort-by year --order descending -f html \
    --prefix selected --highlight "Marchand, Élodie" -o out/selected.html
cat out/selected.html

echo "== bibkit feed data/news.bib --kind news --format html --limit 5 -o out/news.html"
"$bibkit" feed data/news.bib --kind news --format html --limit 5 -o out/news.html
cat out/news.html

echo "== bibkit feed data/talks.bib --kind talks --format markdown -o out/talks.md"
"$bibkit" feed data/talks.bib --kind talks --format markdown -o out/talks.md
echo "   out/talks.md: $(grep -c '^### ' out/talks.md) talks"

site=(--site-url https://emarchand.example.org --author "Élodie Marchand")
echo "== bibkit feed data/news.bib --kind news --format atom ${site[*]} -o out/news.xml"
"$bibkit" feed data/news.bib --kind news --format atom "${site[@]}" -o out/news.xml
echo "   out/news.xml: $(grep -c '<entry>' out/news.xml) entries"

echo "== bibkit feed data/talks.bib --kind talks --format ics ${site[*]} -o out/talks.ics"
"$bibkit" feed data/talks.bib --kind talks --format ics "${site[@]}" -o out/talks.ics
echo "   out/talks.ics: $(grep -c '^BEGIN:VEVENT' out/talks.ics) events"

echo "== bibkit cv data/papers.bib data/talks.bib data/teaching.bib --highlight \"Marchand, Élodie\" -o out/cv"
"$bibkit" cv data/papers.bib data/talks.bib data/teaching.bib --highlight "Marchand, Élodie" -o out/cv
echo "   out/cv: $(ls out/cv | wc -l) files, $(grep -c '^\\bibkit\(unnumbered\)\?item' out/cv/*.tex | awk -F: '{n+=$2} END {print n}') entries"
if command -v pdflatex >/dev/null; then
    cat >out/cv.tex <<'TEX'
\documentclass{article}
\usepackage[T1]{fontenc}
\usepackage[margin=2.5cm]{geometry}
\usepackage{hyperref}
\newcommand{\bibkitcvdir}{cv/}
\begin{document}
\begin{center}\Large Élodie Marchand\end{center}
\input{cv/cv-sections}
\end{document}
TEX
    (cd out && pdflatex -interaction=nonstopmode -halt-on-error -no-shell-escape cv.tex >/dev/null 2>&1) &&
        echo "   out/cv.pdf written by pdflatex" ||
        echo "   pdflatex failed: see out/cv.log"
else
    echo "   pdflatex not found (Debian: texlive-latex-recommended): out/cv.pdf not made"
fi
