#!/usr/bin/env bash
# Compiles CVs written by bibkit cv with pdflatex (-no-shell-escape): data/'s CV in the plain
# flavour with the article class and in the moderncv flavour, and the hostile .bib in the plain
# flavour. Fails on a LaTeX error or an "Overfull \hbox"; checks with pdftotext that the hostile
# text is shown literally and that nothing of /etc/passwd got in, and that \write18 never ran.
#   compile_cv.sh BIBKIT DATA_DIR TEST_DATA_DIR        exit 77 (skip) without pdflatex
set -euo pipefail
bibkit=$1 data=$2 tests=$3
for tool in pdflatex pdftotext kpsewhich; do
    if ! command -v "$tool" >/dev/null; then
        echo "SKIP: $tool not found (Debian: texlive-latex-recommended, poppler-utils)"; exit 77
    fi
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "FAIL: $*"; exit 1; }

# $1 document, $2 its preamble lines, $3 the folder of the sections.
compile() {
    local name=$1 preamble=$2 dir=$3
    printf '%s\n\\newcommand{\\bibkitcvdir}{%s/}\n\\begin{document}\n\\input{%s/cv-sections.tex}\n\\end{document}\n' \
        "$preamble" "$dir" "$dir" >"$name.tex"
    pdflatex -interaction=nonstopmode -halt-on-error -no-shell-escape "$name.tex" >/dev/null 2>&1 ||
        { grep -A5 '^!' "$name.log" || true; fail "$name: pdflatex failed"; }
    if grep -q '^!' "$name.log"; then grep -A5 '^!' "$name.log"; fail "$name: LaTeX errors"; fi
    if grep -q 'Overfull \\hbox' "$name.log"; then
        grep -A3 'Overfull \\hbox' "$name.log"; fail "$name: overfull boxes"
    fi
    [ -s "$name.pdf" ] || fail "$name: no PDF"
    echo "ok: $name.pdf ($(grep -c . <(pdftotext "$name.pdf" -)) lines of text)"
}

article='\documentclass{article}
\usepackage[T1]{fontenc}
\usepackage{hyperref}'
papers=("$data/papers.bib" "$data/talks.bib" "$data/teaching.bib")
"$bibkit" cv "${papers[@]}" --highlight "Marchand, Élodie" -o plain
compile plain "$article" plain
pdftotext plain.pdf plain.txt
grep -qF '[J7] Marchand, É., and Bélanger, M. (2019)' plain.txt || fail "plain: [J7] is not the 2019 article"

"$bibkit" cv "${papers[@]}" --highlight "Marchand, Élodie" --ascii -o ascii
compile ascii "$article" ascii

if kpsewhich moderncv.cls >/dev/null; then
    "$bibkit" cv "${papers[@]}" --highlight "Marchand, Élodie" --flavor moderncv -o moderncv
    compile moderncv '\documentclass[11pt]{moderncv}
% nosymbols: letters for icons, so that fontawesome5 (texlive-fonts-extra) is not needed
\moderncvstyle[nosymbols]{classic}
\moderncvcolor{blue}
\usepackage[scale=0.8]{geometry}
\name{Élodie}{Marchand}' moderncv
else
    echo "moderncv.cls not found (Debian: texlive-latex-extra): the moderncv flavour is not compiled"
fi

# The hostile .bib: one entry is cut short by a syntax error, hence exit code 1.
rm -f /tmp/bibkit-pwned
"$bibkit" cv "$tests/hostile.bib" --highlight "Marchand, Élodie" -o hostile 2>/dev/null || [ $? -eq 1 ] ||
    fail "hostile: bibkit cv failed"
compile hostile "$article" hostile
pdftotext hostile.pdf hostile.txt
for literal in 'Journal of 100% Safe & Sound Results' '#1' 'Escaped braces { then }, 100% percent' \
    'raw _ ^' 'Specials: %, #, &, _, ^, ~, $' 'Workshop &' '50% #2 under_score'; do
    grep -qF -- "$literal" hostile.txt || fail "hostile: '$literal' is not in the PDF"
done
if grep -q 'root:' hostile.txt; then fail "hostile: /etc/passwd was read"; fi
[ ! -e /tmp/bibkit-pwned ] || fail "hostile: \\write18 ran"
if grep -hv '^%' hostile/journal.tex hostile/talks.tex |
    grep -E '\\(write|immediate|input|csname|catcode|def)([^a-zA-Z]|$)'; then
    fail "hostile: a command from the .bib is live in the .tex"
fi
echo "ok: hostile text shown literally, no command ran"
