// bench/citation_js_bench.mjs filter IN.bib OUT.bib
// bench/citation_js_bench.mjs convert IN.bib [RUNS] [OUT.json]
//
// citation-js's side of bench/peers.sh. citation-js (npm @citation-js/core with
// @citation-js/plugin-bibtex) throws on a whole make-corpus file: its lexer rejects TeX it does
// not know (`\/`, `\MF\ `). `filter` keeps the entries it reads one by one (and every @string,
// @preamble and @comment) so that both tools get the same, readable input; `convert` then times
// BibTeX → CSL-JSON in-process (node's start-up and reading the file are outside the timing):
// `new Cite(text, {generateGraph: false})` and format('data'). Without generateGraph:false
// every item keeps a copy of the whole input and memory grows with the square of the file.
// Prints one line: `citation-js <best ms> <items>`. Needs the packages resolvable from the
// working directory (bench/peers.sh installs them).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(join(process.cwd(), 'package.json'));
const { Cite } = require('@citation-js/core');
require('@citation-js/plugin-bibtex');

const [mode, input, third, outPath] = process.argv.slice(2);
if (!input || (mode !== 'filter' && mode !== 'convert')) {
  console.error('usage: citation_js_bench.mjs filter IN.bib OUT.bib | convert IN.bib [RUNS] [OUT]');
  process.exit(2);
}
const text = readFileSync(input, 'utf8');

if (mode === 'filter') {
  const kept = [];
  let dropped = 0;
  for (const chunk of text.split(/\n(?=@)/)) {
    if (/^@\s*(string|preamble|comment)/i.test(chunk)) {
      kept.push(chunk);
      continue;
    }
    try {
      new Cite(chunk, { generateGraph: false });
      kept.push(chunk);
    } catch {
      ++dropped;
    }
  }
  writeFileSync(third, kept.join('\n'));
  console.log(`filtered ${kept.length} ${dropped}`);
} else {
  const runs = Number(third ?? 1);
  let best = Infinity;
  let data = [];
  for (let i = 0; i < runs; ++i) {
    const start = performance.now();
    data = new Cite(text, { generateGraph: false }).format('data');
    best = Math.min(best, performance.now() - start);
  }
  if (outPath) writeFileSync(outPath, data);
  console.log(`citation-js ${best.toFixed(0)} ${JSON.parse(data).length}`);
}
