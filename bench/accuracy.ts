/** `npm run bench:accuracy`: precision, recall and F1 on the labelled corpus. `--misses` lists every error. */
import { loadEngine } from '../src/node/engine';
import { evaluate, f1, precision, recall, type Counts } from './corpus';

const r = evaluate(loadEngine());
const row = (name: string, c: Counts) =>
  `${name.padEnd(18)} P ${precision(c).toFixed(3)}  R ${recall(c).toFixed(3)}  F1 ${f1(c).toFixed(3)}   (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;

console.log(`PeptideLens accuracy on tests/corpus: ${r.sentences} sentences, ${r.pages} pages (flags only)`);
console.log(row('overall', r.overall));
for (const [k, c] of Object.entries(r.perKind)) console.log(row(k, c));
console.log(`negation handled     ${r.negation.correct}/${r.negation.items}`);
console.log(`flags on off-topic   ${r.offTopicFlags}`);
if (process.argv.includes('--misses')) for (const m of r.misses) console.log(`${m.type.toUpperCase()} ${m.where} [${m.kind}] ${JSON.stringify(m.text)} :: ${m.detail}`);
