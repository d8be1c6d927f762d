/** `npm run bench:accuracy`: precision, recall and F1 on the labelled corpus. `--misses` lists every error. */
import { loadEngine } from '../src/node/engine';
import { evaluate, f1, precision, recall, type Counts } from './corpus';

const engine = loadEngine();
const row = (name: string, c: Counts) =>
  `${name.padEnd(18)} P ${precision(c).toFixed(3)}  R ${recall(c).toFixed(3)}  F1 ${f1(c).toFixed(3)}   (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;

for (const [label, r] of [
  ['development corpus (sentences.jsonl + pages/)', evaluate(engine)],
  ['second set (dev.jsonl: written without looking at the rules; first scored P 0.897 R 0.734, then used for one round of fixes)', evaluate(engine, undefined, { sentences: 'dev.jsonl', pages: false })],
  ['third set (holdout.jsonl + holdout-pages/: first scored P 0.812 R 0.711, then one round of general fixes)', evaluate(engine, undefined, { sentences: 'holdout.jsonl', pages: 'holdout-pages' })],
  ['fourth set (final.jsonl: first scored P 0.896 R 0.720, then one round of general fixes)', evaluate(engine, undefined, { sentences: 'final.jsonl', pages: false })],
  ['fifth set (sealed.jsonl: first scored P 0.895 R 0.843 blind, then one round of general fixes)', evaluate(engine, undefined, { sentences: 'sealed.jsonl', pages: false })],
  ['sixth set (blind.jsonl: scored P 0.959 R 0.869 blind, then one round of general fixes)', evaluate(engine, undefined, { sentences: 'blind.jsonl', pages: false })],
  ['blind pages (blind-pages/: first scored P 0.804 R 0.872 blind, then one round of general fixes)', evaluate(engine, undefined, { sentences: 'none', pages: 'blind-pages' })],
  ['seventh set (blind2.jsonl + blind2-pages/: first scored blind P 0.892 R 0.744 on sentences, P 0.957 R 0.938 on pages, then one round of general fixes)', evaluate(engine, undefined, { sentences: 'blind2.jsonl', pages: 'blind2-pages' })],
  ['eighth set (blind3.jsonl + blind3-pages/: first scored blind P 0.912 R 0.726 on sentences, P 0.808 R 0.933 on pages, then one round of general fixes)', evaluate(engine, undefined, { sentences: 'blind3.jsonl', pages: 'blind3-pages' })],
  ['ninth set (blind4.jsonl + blind4-pages/: first scored blind P 0.922 R 0.790 on sentences, P 0.933 R 0.778 on pages, then one round of general fixes)', evaluate(engine, undefined, { sentences: 'blind4.jsonl', pages: 'blind4-pages' })],
  ['tenth set (blind5.jsonl + blind5-pages/: first scored blind P 0.911 R 0.828 on sentences, P 1.000 R 0.912 on pages, then one round of general fixes)', evaluate(engine, undefined, { sentences: 'blind5.jsonl', pages: 'blind5-pages' })],
  ['eleventh set (blind6.jsonl + blind6-pages/: first scored blind P 0.956 R 0.869 on sentences, P 0.794 R 0.900 on pages, then one round of general fixes)', evaluate(engine, undefined, { sentences: 'blind6.jsonl', pages: 'blind6-pages' })],
  ['twelfth set (blind7.jsonl + blind7-pages/: first scored blind P 0.896 R 0.869 on sentences, P 0.741 R 0.690 on pages; after the eleventh set\'s round P 0.897 R 0.879 and P 0.741 R 0.690; then one round of general fixes, mostly page structure)', evaluate(engine, undefined, { sentences: 'blind7.jsonl', pages: 'blind7-pages' })],
  ['thirteenth set (blind8-pages/, pages only: first scored blind P 0.875 R 0.836, then a few general fixes)', evaluate(engine, undefined, { sentences: 'none', pages: 'blind8-pages' })],
  ['fourteenth set (blind10.jsonl, sentences only: first scored blind P 0.853 R 0.827, then a fix for mocked quotations)', evaluate(engine, undefined, { sentences: 'blind10.jsonl', pages: false })],
  ['fifteenth set (blind9-pages/, pages only: first scored blind P 0.857 R 0.692, then a fix for relayed reading and anecdotes)', evaluate(engine, undefined, { sentences: 'none', pages: 'blind9-pages' })],
  ['sixteenth set (blind11-pages/, pages only: first scored blind P 0.652 R 0.768, then one round of general fixes: forum quote markup, route questions, other-peptide headings)', evaluate(engine, undefined, { sentences: 'none', pages: 'blind11-pages' })],
  ['seventeenth set (blind12-pages/, pages only: first scored blind P 0.787 R 0.762, then one round of general fixes: tag lists, comparisons, lab methods)', evaluate(engine, undefined, { sentences: 'none', pages: 'blind12-pages' })],
  ['eighteenth set (blind13-pages/, pages only: first scored blind P 0.607 R 0.739, 3 flags off-topic, then one round of general fixes: quotes answered under them, bylines, AAA batteries)', evaluate(engine, undefined, { sentences: 'none', pages: 'blind13-pages' })],
  ['nineteenth set (blind14-pages/, pages only: first scored blind P 0.881 R 0.787, then a few general fixes: investigators as attribution, "you will read online that", time off, recovery vouched for)', evaluate(engine, undefined, { sentences: 'none', pages: 'blind14-pages' })],
  ['twentieth set (blind15-pages/, pages only: first scored blind P 0.879 R 0.906, then a few general fixes: quoted claim lists answered below, questions without a question mark)', evaluate(engine, undefined, { sentences: 'none', pages: 'blind15-pages' })],
] as const) {
  console.log(`\n${label}: ${r.sentences} sentences, ${r.pages} pages (flags only)`);
  console.log(row('overall', r.overall));
  for (const [k, c] of Object.entries(r.perKind)) console.log(row(k, c));
  console.log(`negation handled     ${r.negation.correct}/${r.negation.items}`);
  console.log(`flags on off-topic   ${r.offTopicFlags}`);
  if (process.argv.includes('--misses')) for (const m of r.misses) console.log(`${m.type.toUpperCase()} ${m.where} [${m.kind}] ${JSON.stringify(m.text)} :: ${m.detail}`);
}
