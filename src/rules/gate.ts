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

/**
 * The letter cases a clue is looked for in: lower, UPPER and Capitalized ("lr" → lr, LR, Lr).
 * Text is written in these (a word in lower case, in capitals, or with a capital first letter);
 * a clue in mIxEd case inside a word ("lR3") is not looked for. Every case variant would double
 * the query's work per letter (14 tests instead of 7 for IGF-1 LR3's clues).
 */
export function caseForms(clue: string): string[] {
  const lo = clue.toLowerCase();
  return [...new Set([lo, clue.toUpperCase(), lo.charAt(0).toUpperCase() + lo.slice(1)])];
}

/**
 * `string()`, not `.`: Blink's XPath makes a node-set for `.` on every Text node it tests, and
 * `string()` reads the node's text directly, which halved the query on a 1.8 MB page (27,560 Text
 * nodes: ~9-14 ms with `.` and every case variant, ~5-7 ms with `string()` and caseForms).
 */
const containsAny = (clues: string[]) => clues.flatMap(caseForms).map((v) => `contains(string(),'${v}')`).join(' or ');

/** The XPath predicates for one substance's clues: one [...] per clue group, most selective first. */
function predicate(g: GateClues): string {
  return [...g.all.map((c) => `[${containsAny([c])}]`), `[${containsAny(g.any)}]`].join('');
}

/** The same test as the XPath query, in script (tests use it to check clues against every alias match). */
export function passesClues(text: string, g: GateClues): boolean {
  const has = (c: string) => caseForms(c).some((f) => text.includes(f));
  return g.all.every(has) && g.any.some(has);
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
