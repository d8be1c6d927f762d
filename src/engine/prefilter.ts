/**
 * The cheap first pass: which covered substances does a text mention, and where.
 * Plain regular expressions built from the rule set's alias data; no compromise, so the content
 * script can run it on every page at almost no cost.
 */
import type { PrefilterData } from '../rules/schema';

export interface Mention {
  substance: string;
  start: number;
  end: number;
  /** True when only a weak alias (e.g. a bare "LR3") matched. */
  weak: boolean;
}

export interface Prefilter {
  /** Fast yes/no: could this text mention any substance of the rule set? */
  test(text: string): boolean;
  /** Fast yes/no for covered substances only (the ones whose claims are flagged). */
  testCovered(text: string): boolean;
  /** Every mention, in text order, overlaps resolved in favour of the longer match. */
  mentions(text: string): Mention[];
  /** Indexes of the texts that may mention a substance: one regex pass over all of them. */
  candidates(texts: string[]): Set<number>;
  /**
   * Substances whose weak aliases are off for this whole page: its title or any block has their
   * collision context (a Land Rover forum says "LR3" in posts that never say "Land Rover").
   */
  weakBlocked(texts: string[]): Set<string>;
}

/** Joins texts with a NUL, which no alias pattern can match across, and maps hits back. */
export function scanJoined(texts: string[], re: RegExp): Set<number> {
  const out = new Set<number>();
  const joined = texts.join('\u0000');
  re.lastIndex = 0;
  let block = 0;
  let blockEnd = texts.length ? texts[0]!.length : 0;
  for (const m of joined.matchAll(re)) {
    while (m.index! > blockEnd && block < texts.length - 1) blockEnd += 1 + texts[++block]!.length;
    out.add(block);
  }
  return out;
}

interface Compiled {
  id: string;
  covered: boolean;
  strong: RegExp;
  weak: RegExp | null;
  collisions: RegExp | null;
}

const alt = (xs: string[]) => xs.map((x) => `(?:${x})`).join('|');

export function createPrefilter(data: PrefilterData): Prefilter {
  const subs: Compiled[] = data.substances.map((s) => ({
    id: s.id,
    covered: s.covered,
    strong: new RegExp(alt(s.strong), 'gi'),
    weak: s.weak.length ? new RegExp(alt(s.weak), 'gi') : null,
    collisions: s.collisions.length ? new RegExp(alt(s.collisions), 'i') : null,
  }));
  const any = new RegExp(alt(data.substances.flatMap((s) => [...s.strong, ...s.weak])), 'i');
  const anyGlobal = new RegExp(any.source, 'gi');
  const covered = data.substances.filter((s) => s.covered);
  const anyCovered = new RegExp(alt(covered.flatMap((s) => [...s.strong, ...s.weak])) || '(?!)', 'i');

  function mentions(text: string): Mention[] {
    const found: Mention[] = [];
    for (const s of subs) {
      for (const m of text.matchAll(s.strong)) {
        if (m[0].length) found.push({ substance: s.id, start: m.index!, end: m.index! + m[0].length, weak: false });
      }
      if (s.weak && !(s.collisions && s.collisions.test(text))) {
        for (const m of text.matchAll(s.weak)) {
          if (m[0].length) found.push({ substance: s.id, start: m.index!, end: m.index! + m[0].length, weak: true });
        }
      }
    }
    found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
    const out: Mention[] = [];
    for (const m of found) {
      const last = out[out.length - 1];
      if (last && m.start < last.end) continue;
      out.push(m);
    }
    return out;
  }

  return {
    test: (text) => any.test(text),
    candidates: (texts) => scanJoined(texts, anyGlobal),
    weakBlocked(texts) {
      const out = new Set<string>();
      for (const s of subs) if (s.weak && s.collisions && texts.some((t) => s.collisions!.test(t))) out.add(s.id);
      return out;
    },
    testCovered: (text) => anyCovered.test(text) && mentions(text).some((m) => subs.find((s) => s.id === m.substance)?.covered),
    mentions,
  };
}
