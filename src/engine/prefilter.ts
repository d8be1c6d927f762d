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
  /** Indexes of the texts that may mention a substance: one regex test per text. */
  candidates(texts: string[]): Set<number>;
  /**
   * Substances whose weak aliases are off for this whole page: its title or any block has their
   * collision context (a Land Rover forum says "LR3" in posts that never say "Land Rover").
   */
  weakBlocked(texts: string[]): Set<string>;
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
    // One test per text rather than one pass over the texts joined: joining a 10 MB page cost
    // more (~40 ms, most of it allocation and GC) than the regex itself (~22 ms), and the alias
    // patterns look at nothing across a text's edge (no '.', negated class or lookbehind), so
    // both ways find the same texts.
    candidates(texts) {
      const out = new Set<number>();
      for (let i = 0; i < texts.length; i++) if (any.test(texts[i]!)) out.add(i);
      return out;
    },
    weakBlocked(texts) {
      const out = new Set<string>();
      for (const s of subs) if (s.weak && s.collisions && texts.some((t) => s.collisions!.test(t))) out.add(s.id);
      return out;
    },
    testCovered: (text) => anyCovered.test(text) && mentions(text).some((m) => subs.find((s) => s.id === m.substance)?.covered),
    mentions,
  };
}
