/**
 * The page gate's data, made at build time from the substances' gate clues (rules/README.md,
 * "The page gate"). Pure strings: the content script gets a ready XPath query and two regex
 * sources, nothing else of the rule set.
 */
import type { CompiledRuleSet, GateClues } from './schema';

export interface GateData {
  version: string;
  /**
   * XPath (relative to a context node) for the Text nodes that may hold an alias of a covered
   * substance: they contain every `all` clue and one `any` clue of some covered substance.
   * Evaluated in native code, so a page's text is never copied into script just to find out
   * that it names nothing.
   */
  query: string;
  /** Case-insensitive regex sources: any strong / weak alias of a covered substance ('(?!)' if none). */
  strong: string;
  weak: string;
}

/** Every upper/lower-case spelling of a clue ("lr" → lr, lR, Lr, LR). */
export function caseVariants(clue: string): string[] {
  let out = [''];
  for (const ch of clue) {
    const lo = ch.toLowerCase();
    const up = ch.toUpperCase();
    out = out.flatMap((o) => (lo === up ? [o + ch] : [o + lo, o + up]));
  }
  return out;
}

const containsAny = (clues: string[]) => clues.flatMap(caseVariants).map((v) => `contains(.,'${v}')`).join(' or ');

/** The XPath predicates for one substance's clues: one [...] per clue group, most selective first. */
function predicate(g: GateClues): string {
  return [...g.all.map((c) => `[${containsAny([c])}]`), `[${containsAny(g.any)}]`].join('');
}

/** The same test as the XPath query, in script (tests use it to check clues against every alias match). */
export function passesClues(text: string, g: GateClues): boolean {
  const t = text.toLowerCase();
  return g.all.every((c) => t.includes(c)) && g.any.some((c) => t.includes(c));
}

const alt = (xs: string[]) => xs.map((x) => `(?:${x})`).join('|') || '(?!)';

export function gateData(set: CompiledRuleSet): GateData {
  const covered = set.substances.filter((s) => s.covered && s.gate);
  const preds = covered.map((s) => predicate(s.gate!));
  return {
    version: set.version,
    query: preds.length ? (preds.length === 1 ? `.//text()${preds[0]}` : preds.map((p) => `.//text()${p}`).join(' | ')) : '',
    strong: alt(covered.flatMap((s) => s.strong)),
    weak: alt(covered.flatMap((s) => s.weak)),
  };
}
