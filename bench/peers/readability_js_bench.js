// readability_js_bench.js - the npm peer for HTML extraction: @mozilla/readability on jsdom.
// Usage: node readability_js_bench.js DATA_DIR OUT.jsonl
// Extracts every WCXB development page (decompression included, as for chorus),
// writes the articles as JSON Lines for wcxb_score.py, and prints pages per
// second of CPU time in the same form as chorus's benchmark.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
let JSDOM, Readability;
try {
  ({ JSDOM, VirtualConsole } = require('jsdom'));
  ({ Readability } = require('@mozilla/readability'));
} catch (e) {
  console.log('  @mozilla/readability: not installed (npm ci --prefix bench/peers)');
  process.exit(0);
}
var VirtualConsole;
const root = path.join(process.argv[2], 'wcxb-dev-articles', 'html');
const files = fs.readdirSync(root).filter((f) => f.endsWith('.html.gz')).sort();
const out = fs.openSync(process.argv[3], 'w');
const quiet = new VirtualConsole(); // pages' own script and CSS errors are not ours to print
const start = process.cpuUsage();
for (const f of files) {
  const html = zlib.gunzipSync(fs.readFileSync(path.join(root, f))).toString('utf8');
  let article = null;
  try {
    const dom = new JSDOM(html, { virtualConsole: quiet });
    article = new Readability(dom.window.document).parse();
    dom.window.close();
  } catch (e) {
    article = null;
  }
  fs.writeSync(out, JSON.stringify({
    path: f,
    title: article ? article.title : null,
    author: article ? article.byline : null,
    published: article ? article.publishedTime : null,
    text: article ? article.textContent : '',
  }) + '\n');
}
fs.closeSync(out);
const used = process.cpuUsage(start);
const seconds = (used.user + used.system) / 1e6;
console.log(`  @mozilla/readability: ${files.length} pages, ${seconds.toFixed(1)} s CPU, ${(files.length / seconds).toFixed(0)} pages/s on one core`);
console.log(`RATE @mozilla/readability ${(files.length / seconds).toFixed(3)}`);
