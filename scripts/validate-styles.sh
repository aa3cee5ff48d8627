#!/usr/bin/env bash
# scripts/validate-styles.sh [STYLE.csl...]
#
# Validates the project's own CSL styles (styles/*.csl by default) against the CSL 1.0.2
# RELAX NG schema (csl.rnc, compact syntax) with jing. The schema is not in the repository (it
# belongs to the CSL project): it is looked for in $CSL_SCHEMA_DIR, then ../shared/csl/schema,
# then /usr/share/citation-style-language/schema; get it with
#   git clone --branch v1.0.2 https://github.com/citation-style-language/schema
#   export CSL_SCHEMA_DIR=$PWD/schema/schemas/styles
# Exit codes: 0 valid, 1 invalid, 77 skipped (no jing or no schema; ctest reports a skip).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v jing >/dev/null 2>&1; then
    echo "validate-styles: jing is missing (apt-get install jing): skipped" >&2
    exit 77
fi
schema=""
for dir in "${CSL_SCHEMA_DIR:-}" ../shared/csl/schema /usr/share/citation-style-language/schema; do
    if [[ -n "$dir" && -f "$dir/csl.rnc" ]]; then schema="$dir/csl.rnc"; break; fi
done
if [[ -z "$schema" ]]; then
    echo "validate-styles: no csl.rnc in \$CSL_SCHEMA_DIR, ../shared/csl/schema or" \
         "/usr/share/citation-style-language/schema: skipped" >&2
    exit 77
fi
styles=("$@")
[[ ${#styles[@]} -gt 0 ]] || styles=(styles/*.csl)
# jing warns about optional Java libraries on stderr; keep only its verdicts.
if jing -c "$schema" "${styles[@]}" 2> >(grep -v '^\[warning\]' >&2); then
    echo "validate-styles: ${styles[*]} valid against $schema"
else
    exit 1
fi
