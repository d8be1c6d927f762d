/**
 * The labelled corpus (tests/corpus/) is the product's accuracy contract: a reader trusts the
 * flags only while they are right. Floors sit just under the figures measured when the
 * corpus landed, so a change that makes the engine flag worse fails here.
 */
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/node/engine';
import { evaluate, precision, recall } from '../../bench/corpus';

const engine = loadEngine();
const report = evaluate(engine);
const dev = evaluate(engine, undefined, { sentences: 'dev.jsonl', pages: false });

describe('accuracy on the labelled corpus', () => {
  it('reads the whole corpus', () => {
    expect(report.sentences).toBeGreaterThanOrEqual(250);
    expect(report.pages).toBeGreaterThanOrEqual(8);
  });
  it('flags no off-topic text (Land Rover LR3, Internet Governance Forum, ED50, creatine loading...)', () => {
    expect(report.offTopicFlags).toBe(0);
  });
  it('keeps precision and recall for flags', () => {
    expect(precision(report.overall)).toBeGreaterThanOrEqual(0.95);
    expect(recall(report.overall)).toBeGreaterThanOrEqual(0.93);
  });
  it('holds on the second, separately written set (dev.jsonl)', () => {
    expect(dev.sentences).toBeGreaterThanOrEqual(200);
    expect(dev.offTopicFlags).toBe(0);
    expect(precision(dev.overall)).toBeGreaterThanOrEqual(0.95);
    expect(recall(dev.overall)).toBeGreaterThanOrEqual(0.95);
  });

  it('does not flag negated claims', () => {
    expect(report.negation.correct / report.negation.items).toBeGreaterThanOrEqual(0.9);
  });
});
