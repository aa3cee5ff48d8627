// bench/citeproc_js_bench.mjs STYLE.csl LOCALE_DIR ITEMS.json [RUNS] [OUT.html]
//
// citeproc-js's side of bench/csl.sh: the bibliography of every item in ITEMS.json (CSL-JSON),
// in the html output format, timed in-process (node's start-up, reading the files and
// JSON.parse are outside the timing, as bench/csl_render.cpp leaves out the same on bibkit's
// side). A run is: build CSL.Engine (parse the style, load the locale), updateItems(all ids in
// file order), makeBibliography(). Prints one line: `citeproc-js <best ms> <entries>`.
// Needs `citeproc` (npm) resolvable from the working directory (bench/csl.sh installs it).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [stylePath, localeDir, itemsPath, runsArg, outPath] = process.argv.slice(2);
if (!stylePath || !localeDir || !itemsPath) {
  console.error('usage: citeproc_js_bench.mjs STYLE.csl LOCALE_DIR ITEMS.json [RUNS] [OUT]');
  process.exit(2);
}
const require = createRequire(join(process.cwd(), 'package.json'));
const CSL = require('citeproc');

const style = readFileSync(stylePath, 'utf8');
const items = JSON.parse(readFileSync(itemsPath, 'utf8'));
const byId = new Map(items.map((item) => [String(item.id), item]));
const ids = items.map((item) => String(item.id));
const locales = new Map();
const sys = {
  retrieveLocale(lang) {
    if (!locales.has(lang)) {
      try {
        locales.set(lang, readFileSync(join(localeDir, `locales-${lang}.xml`), 'utf8'));
      } catch {
        locales.set(lang, false);
      }
    }
    return locales.get(lang);
  },
  retrieveItem(id) {
    return byId.get(String(id));
  },
};

function render() {
  const engine = new CSL.Engine(sys, style);
  engine.setOutputFormat('html');
  engine.updateItems(ids);
  const [meta, entries] = engine.makeBibliography();
  return meta.bibstart + entries.join('') + meta.bibend;
}

const runs = Math.max(1, Number(runsArg || 1));
let best = Infinity;
let output = '';
for (let i = 0; i < runs; i++) {
  const start = process.hrtime.bigint();
  output = render();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  best = Math.min(best, ms);
}
if (outPath) writeFileSync(outPath, output);
const entries = (output.match(/<div class="csl-entry">/g) || []).length;
console.log(`citeproc-js ${best.toFixed(1)} ${entries}`);
