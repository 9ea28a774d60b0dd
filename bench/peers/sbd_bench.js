// sbd_bench.js - the peer for sentence splitting: the sbd package from npm.
// Reads {"text": ...} lines and prints sentences and documents per second in
// the same form as chorus's own benchmark, so that run.sh can divide the rates.
'use strict';
const fs = require('fs');
let sbd;
try {
  sbd = require('sbd');
} catch (e) {
  console.log('  sbd: not installed (npm ci --prefix bench/peers)');
  process.exit(0);
}
const docs = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean)
  .map((line) => JSON.parse(line).text);
const start = process.hrtime.bigint();
let sentences = 0;
for (const text of docs) {
  sentences += sbd.sentences(text, { newline_boundaries: true }).length;
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`  sbd: ${docs.length} documents, ${sentences} sentences, ${(docs.length / seconds).toFixed(0)} documents/s`);
console.log(`RATE sbd ${(docs.length / seconds).toFixed(3)}`);
