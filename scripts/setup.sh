#!/usr/bin/env bash
# Installs what bibkit needs from Debian packages, and nothing when it is all there already.
#   scripts/setup.sh build   compilers, CMake and the libraries (for the demo)
#   scripts/setup.sh test    build + GoogleTest, Google Benchmark, BibTeX (the oracle), mandoc,
#                            pandoc and python3-jsonschema (the CSL-JSON oracle and schema check),
#                            python3-feedparser, python3-icalendar and xmllint (feed consumers),
#                            jing (CSL style validation) and the CSL styles and locales
#                            (/usr/share/citation-style-language: `--style apa` finds them),
#                            pdflatex with moderncv (texlive-latex-recommended, -extra) and
#                            pdftotext (poppler-utils), which compile and read the CV sections,
#                            biber (and biblatex with it) for the CV's biblatex flavour,
#                            and chromium (the standalone page opened headless)
#   scripts/setup.sh fuzz    test + clang and its libFuzzer/sanitizer runtime
set -euo pipefail

level=${1:-test}
packages=(g++ cmake ninja-build ccache pkg-config libboost-dev libcli11-dev libicu-dev nlohmann-json3-dev libyaml-cpp-dev libcurl4-openssl-dev libpugixml-dev
          libcmark-dev libkainjow-mustache-dev)
case "$level" in
build) ;;
test | fuzz)
    packages+=(libgtest-dev libgmock-dev libbenchmark-dev texlive-binaries texlive-base mandoc groff-base python3 time
               pandoc python3-jsonschema libcpp-httplib-dev python3-feedparser python3-icalendar libxml2-utils
               jing citation-style-language-styles citation-style-language-locales chromium
               texlive-latex-recommended texlive-latex-extra poppler-utils biber)
    if [[ $level == fuzz ]]; then packages+=(clang libclang-rt-14-dev); fi ;;
*) echo "usage: $0 [build|test|fuzz]" >&2; exit 2 ;;
esac

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "setup: installing ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
