/**
 * Words that are names of Object's own properties ("constructor", "__proto__") are ordinary words
 * to the lexicon lookups: a sentence saying one is scanned like any other (it used to throw).
 */
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/node/engine';

const engine = loadEngine();
const kindsIn = (text: string) => engine.scanText(text).findings.filter((f) => f.severity === 'flag').map((f) => f.kind);

describe('lexicon lookups', () => {
  it.each(['constructor', '__proto__', 'hasOwnProperty', 'toString'])('scans a sentence saying "%s"', (word) => {
    expect(kindsIn(`IGF-1 LR3 at 40 mcg daily post-workout, ${word} aside.`)).toContain('dosing');
  });
});
