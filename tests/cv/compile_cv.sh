#!/usr/bin/env bash
# Compiles CVs written by bibkit cv with pdflatex (-no-shell-escape): data/'s CV in the plain
# flavour with the article class and in the moderncv flavour, and the hostile .bib in the plain
# flavour. Fails on a LaTeX error or an "Overfull \hbox"; checks with pdftotext that the hostile
# text is shown literally and that nothing of /etc/passwd got in, and that \write18 never ran.
# With "biblatex" as fourth argument, compiles the biblatex flavour instead (pdflatex, biber,
# pdflatex): no errors, the owner's name set bold through the author+an annotations and nobody
# else's, one subbibliography per section numbered from 1 with its prefix.
#   compile_cv.sh BIBKIT DATA_DIR TEST_DATA_DIR [biblatex]
#   exit 77 (skip) without pdflatex, or without biber for biblatex
set -euo pipefail
bibkit=$1 data=$2 tests=$3 mode=${4:-latex}
for tool in pdflatex pdftotext kpsewhich; do
    if ! command -v "$tool" >/dev/null; then
        echo "SKIP: $tool not found (Debian: texlive-latex-recommended, poppler-utils)"; exit 77
    fi
done
if [ "$mode" = biblatex ]; then
    if ! command -v biber >/dev/null || ! kpsewhich biblatex.sty >/dev/null; then
        echo "SKIP: biber or biblatex.sty not found (Debian: biber, texlive-bibtex-extra)"; exit 77
    fi
fi
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

papers=("$data/papers.bib" "$data/talks.bib" "$data/teaching.bib")

if [ "$mode" = biblatex ]; then
    "$bibkit" cv "${papers[@]}" --highlight "Marchand, Élodie" --flavor biblatex -o biblatex
    # \textbf logs what it sets, so that the log tells which names the fragment's own
    # \bibkitowner (\textbf) made bold. giveninits: initials, as in the other flavours.
    cat >cv-biblatex.tex <<'TEX'
\documentclass{article}
\usepackage[T1]{fontenc}
\usepackage[backend=biber,style=numeric,giveninits=true]{biblatex}
\addbibresource{biblatex/cv.bib}
\usepackage{hyperref}
\let\bibkittestbf\textbf
\renewcommand{\textbf}[1]{\typeout{bibkit-bold: #1}\bibkittestbf{#1}}
\begin{document}
\input{biblatex/cv-sections.tex}
\end{document}
TEX
    latex_run() {
        pdflatex -interaction=nonstopmode -halt-on-error -no-shell-escape cv-biblatex.tex \
            >/dev/null 2>&1 || { grep -A5 '^!' cv-biblatex.log || true; fail "$1: pdflatex failed"; }
    }
    # compile_biblatex WHAT: pdflatex, biber, pdflatex on what biblatex/ holds, from scratch.
    compile_biblatex() {
        rm -f cv-biblatex.aux cv-biblatex.bbl cv-biblatex.bcf
        latex_run "$1"
        biber --output-safechars cv-biblatex >biber.out 2>&1 || { cat biber.out; fail "$1: biber failed"; }
        if grep -q 'ERROR' cv-biblatex.blg; then grep 'ERROR' cv-biblatex.blg; fail "$1: biber errors"; fi
        latex_run "$1"
        if grep -q '^!' cv-biblatex.log; then grep -A5 '^!' cv-biblatex.log; fail "$1: LaTeX errors"; fi
    }
    compile_biblatex biblatex
    [ -s cv-biblatex.pdf ] || fail "biblatex: no PDF"
    # Every entry with an author+an annotation shows the owner's family name in bold once.
    highlighted=$(grep -c '^  author+an = ' biblatex/cv.bib)
    bold=$(grep -c '^bibkit-bold: Marchand$' cv-biblatex.log || true)
    [ "$highlighted" -gt 0 ] && [ "$bold" -eq "$highlighted" ] ||
        fail "biblatex: $highlighted entries annotated, Marchand bold $bold times"
    if grep '^bibkit-bold: ' cv-biblatex.log | grep -v -e ': Marchand$' -e "^bibkit-bold: \\\\'{E}"; then
        fail "biblatex: something other than the owner's name is bold"
    fi
    pdftotext cv-biblatex.pdf cv-biblatex.txt
    for heading in 'Journal articles' 'Conference papers' 'Preprints and reports' \
        'Invited and contributed talks' 'Teaching'; do
        grep -qxF "$heading" cv-biblatex.txt || fail "biblatex: no subbibliography '$heading'"
    done
    # Numbers start again at 1 in each section, behind its prefix.
    for label in '[J1]' '[J7]' '[C1]' '[P1]' '[T1]' '[T11]'; do
        grep -qF "$label" cv-biblatex.txt || fail "biblatex: no label $label"
    done
    if grep -qF '[J8]' cv-biblatex.txt; then fail "biblatex: [J8], but data/ has 7 journal articles"; fi
    echo "ok: cv-biblatex.pdf, $bold highlighted entries, one subbibliography per section"

    # reversed.yml counts the 7 articles down: [A7] (2025) first, [A1] (2019) last.
    "$bibkit" cv "${papers[@]}" --sections "$tests/reversed.yml" --flavor biblatex -o biblatex
    compile_biblatex "reversed"
    pdftotext cv-biblatex.pdf reversed.txt
    first=$(grep -n -F '[A7]' reversed.txt | head -1 | cut -d: -f1)
    last=$(grep -n -F '[A1]' reversed.txt | head -1 | cut -d: -f1)
    [ -n "$first" ] && [ -n "$last" ] && [ "$first" -lt "$last" ] ||
        fail "reversed: [A7] does not come before [A1]"
    if grep -qF -e '[A8]' -e '[A0]' reversed.txt; then fail "reversed: a number outside 1..7"; fi
    grep -qF 'Metastability of' <(grep -A3 -F '[A7]' reversed.txt) ||
        fail "reversed: [A7] is not the 2025 article"
    echo "ok: the biblatex flavour counts down (reversed.yml)"

    # The hostile .bib through biber: cv.bib holds values written again from the model, so
    # nothing runs and the specials show literally.
    rm -f /tmp/bibkit-pwned
    "$bibkit" cv "$tests/hostile.bib" --highlight "Marchand, Élodie" --flavor biblatex -o biblatex \
        2>/dev/null || [ $? -eq 1 ] || fail "hostile biblatex: bibkit cv failed"
    compile_biblatex "hostile biblatex"
    pdftotext cv-biblatex.pdf hostile.txt
    for literal in 'Journal of 100% Safe & Sound Results #1' 'Escaped braces { then }, 100% percent'; do
        tr '\n' ' ' <hostile.txt | grep -qF -- "$literal" || fail "hostile biblatex: '$literal' is not in the PDF"
    done
    if grep -q 'root:' hostile.txt; then fail "hostile biblatex: /etc/passwd was read"; fi
    [ ! -e /tmp/bibkit-pwned ] || fail "hostile biblatex: \\write18 ran"
    echo "ok: the hostile .bib through biber shows its text literally, no command ran"
    exit 0
fi

article='\documentclass{article}
\usepackage[T1]{fontenc}
\usepackage{hyperref}'
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
# Math in a publication's title is math, with the commands the model does not know as names.
grep -qF '$\mathcal{O}(1/\sqrt{T})$ with $x^2 \mathrm{write}18{touch /tmp/bibkit-pwned} \mathrm{input}{/etc/passwd}$ and $\ell_1$' \
    hostile/journal.tex || fail "hostile: the title's math is not re-emitted as sanitized math"
# pdftotext reads math letter by letter: "Rates O(1/", then the \write18 as the text "write18touch".
grep -qF 'Rates O(1/' hostile.txt && grep -qF 'write18touch/tmp/bibkit' hostile.txt ||
    fail "hostile: the title's math is not in the PDF"
echo "ok: hostile text shown literally, no command ran"
