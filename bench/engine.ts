/**
 * Engine throughput on generated forum text, against naive compromise over the whole text, in the
 * same process. Figures are MB/s and the ratio engine / naive (higher is better).
 */
import nlp from 'compromise';
import { loadEngine } from '../src/node/engine';
import type { Block } from '../src/engine/types';

// Sentence lengths are those of real forum posts: the mix averages ~75 bytes a sentence, so 1 in 50
// sentences about the peptide gives ~260 of them per MB — the density of the 5,000-post
// page (~485 peptide sentences in 1.85 MB).

// A small deterministic PRNG so every run scans the same text.
function rng(seed: number) {
  return () => ((seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

const CHATTER = [
  'Hit a new squat PR today, legs are toast.',
  'Anyone tried the new oat protein bars from the store down the road?',
  'My training partner keeps skipping leg day and it shows.',
  'Deload week went fine, back at it on Monday.',
  'Sleep has been rubbish since the baby arrived, any tips?',
  'I run my cardio fasted in the morning, feels better that way.',
  'Creatine loading is pointless, just take 5 g a day and be patient.',
  'The Land Rover LR3 needs new air suspension again, what a money pit.',
  'Bench is stuck at 100 kg, thinking of switching to a 5/3/1 template.',
  'Meal prep Sunday: rice, chicken, broccoli, repeat.',
  'The gym changed the music and now it is all podcasts at full volume.',
  'What shoes do you all lift in, flat or raised heel?',
  'Switched my split to upper/lower four days a week and honestly my knees feel a lot better than on the old bro split.',
  'Does anyone else find that sleeping eight hours makes a bigger difference to their lifts than any supplement they have tried?',
  'My coach wants me to film every top set from the side so we can check bar path, which is annoying but probably worth it.',
  'Tried the new gym across town last weekend and the squat racks were all taken by people doing curls, classic.',
  'I finally hit a two plate overhead press after about three years of grinding, so today was a good day.',
  'If your lower back is sore after deadlifts every single time, get someone to look at your setup before adding weight.',
];
// The same chatter without word collisions (no "Land Rover LR3", no creatine loading).
const PLAIN = CHATTER.filter((s) => !/LR3|loading/.test(s));
// A bodybuilding forum: gym chatter with its own collisions (creatine loading), but the car-forum
// "LR3" belongs to the collision-dense row, not to every 18th sentence of a training forum.
const FORUM = CHATTER.filter((s) => !/Land Rover/.test(s));

const PEPTIDE = [
  'Been running IGF-1 LR3 at 40mcg ED post-workout, split bilat.',
  'LR3 IGF-1 is supposed to cause hyperplasia, my arms look fuller already.',
  'Add 2 ml bac water to the 1 mg vial of IGF1-LR3 and 10 units is 50 mcg.',
  'IGF-1 LR3 has no side effects if you eat enough carbs.',
  'Their Long R3 IGF-1 is FDA approved and pharmaceutical grade, no worries.',
  'I stack IGF-1 LR3 with GH for 4 weeks on, 4 weeks off.',
];

export function generateForum(bytes: number, peptideEvery: number, seed = 7, chatter: 'forum' | 'plain' | 'cars' = 'forum'): { blocks: Block[]; size: number } {
  const r = rng(seed);
  const blocks: Block[] = [];
  let size = 0;
  let sentences = 0;
  let post = 0;
  while (size < bytes) {
    const n = 2 + Math.floor(r() * 5);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      sentences++;
      const usePeptide = peptideEvery > 0 && sentences % peptideEvery === 0;
      const pool = usePeptide ? PEPTIDE : chatter === 'forum' ? FORUM : chatter === 'plain' ? PLAIN : CHATTER;
      parts.push(pool[Math.floor(r() * pool.length)]!);
    }
    const text = parts.join(' ');
    blocks.push({ text, role: 'post', section: `post-${post++}`, offset: size });
    size += text.length + 2;
  }
  return { blocks, size };
}

/**
 * Median time of one run (ms), in steady state: first a warm-up of at least `warmMs` (and one run),
 * so V8 has compiled and settled the hot code (a 1 MB scan is still getting faster over its first
 * ~10 runs), then at least `minRuns` runs and `minMs` in all. A full GC first (when node runs with
 * --expose-gc, as `npm run bench` does), so one row does not pay for another's garbage.
 */
function time(fn: () => void, minMs = 1000, minRuns = 5, warmMs = 1000): number {
  (globalThis as { gc?: () => void }).gc?.();
  const w0 = performance.now();
  do fn();
  while (performance.now() - w0 < warmMs);
  const times: number[] = [];
  const t0 = performance.now();
  do {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  } while (times.length < minRuns || performance.now() - t0 < minMs);
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export function runEngineBench(): void {
  const engine = loadEngine();
  const mb = (n: number) => n / 1e6;
  // Naive baseline: compromise (full build) over the whole text. It is slow, so it reads a 200 KB
  // sample of the same generated text; MB/s is a rate, so the comparison stays like for like.
  const sample = generateForum(200_000, 50);
  const sampleText = sample.blocks.map((b) => b.text).join('\n\n');
  const naiveMs = time(() => nlp(sampleText).match('#Value #Unit').out('array'), 0, 3, 0);
  const naiveMBs = mb(sample.size) / (naiveMs / 1000);
  console.log(`naive compromise, whole text            ${naiveMBs.toFixed(2).padStart(8)} MB/s  (baseline, 200 KB sample; medians of runs after a warm-up)`);

  const rows: [string, number, number, 'forum' | 'plain' | 'cars'][] = [
    ['mixed forum, 1 MB (1 in 50 peptide)', 1_000_000, 50, 'forum'],
    ['mixed forum, 10 MB (1 in 50 peptide)', 10_000_000, 50, 'forum'],
    ['no covered substance, 10 MB', 10_000_000, 0, 'plain'],
    ['no covered substance, 10 MB, car-forum "LR3" in 1 of 18 sentences', 10_000_000, 0, 'cars'],
  ];
  for (const [name, bytes, every, chatter] of rows) {
    const doc = generateForum(bytes, every, 7, chatter);
    let flags = 0;
    const ms = time(() => {
      flags = engine.scan({ title: 'Training log', blocks: doc.blocks }).findings.filter((f) => f.severity === 'flag').length;
    }, bytes > 5e6 ? 0 : 1000, bytes > 5e6 ? 3 : 5);
    const mbs = mb(doc.size) / (ms / 1000);
    console.log(`${name.padEnd(40)} ${mbs.toFixed(2).padStart(8)} MB/s  ${(mbs / naiveMBs).toFixed(0).padStart(6)}× naive   (${flags} flags)`);
  }
  const heap = process.memoryUsage().heapUsed / 1e6;
  console.log(`heap after engine runs: ${heap.toFixed(0)} MB`);
}

if (import.meta.url === `file://${process.argv[1]}`) runEngineBench();
