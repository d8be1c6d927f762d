/**
 * compromise, used through our own plugin: the tokenizer of compromise/one (no POS tagger: it
 * is 4x faster and our rules need our tags, not English POS), a tagging pass from the rule set's
 * lexicon (multi-word phrases, hyphens = spaces), numeric amounts and substance mentions tagged
 * from character spans, then every rule pattern at once through a match net (buildNet + sweep).
 */
import nlp from 'compromise/one';
import type { CompiledRuleSet } from '../rules/schema';
import { phraseKey } from '../rules/compile';
import type { Span } from './sentences';

export interface RawMatch {
  rule: number;
  /** Offsets into the sentence given to match(). */
  start: number;
  end: number;
}

export interface Matcher {
  /** Could any pattern be tried here? The cheap pre-check match() makes before compromise runs. */
  mayMatch(sentence: string, hasSubstance: boolean): boolean;
  /** Rule matches in one sentence; compromise runs only when the pre-check lets it through. */
  match(sentence: string, substances: Span[]): RawMatch[];
}

/** A compromise term, as its tokenizer makes it (plus the tags we add). */
export type Term = { text: string; pre: string; post: string; normal?: string; machine?: string; tags: Set<string>; offset?: { start: number; length: number } };

interface World {
  model: unknown;
  compute: Record<string, (view: object) => void>;
  methods: {
    one: {
      tokenize: {
        splitSentences(text: string, world: World): string[];
        splitTerms(text: string, model: unknown): string[];
        splitWhitespace(text: string, model: unknown): Term;
      };
    };
  };
}
const world = (nlp as unknown as { _world: World })._world;
const PLAIN = /^[A-Za-z0-9]+$/;
const PLAIN_LOWER = /^[a-z0-9]+$/;
/** The shortcut holds only while compromise's Unicode table maps no ASCII letter or digit to something else. */
const plainIsSafe = (() => {
  const unicode = (world.model as { one: { unicode: Record<string, string> } }).one.unicode;
  for (const c of 'abcdefghijklmnopqrstuvwxyz0123456789') if (unicode[c] !== undefined && unicode[c] !== c) return false;
  return true;
})();

/**
 * compromise's tokenizer, called step by step as its parse does (sentences → terms → pre/text/post
 * → normal form), then its `machine` and `offset` computes. What nlp.tokenize() adds is left out:
 * - contraction expansion ("won't" → "will not"), a third of its time: our patterns list the
 *   contracted forms themselves ("won't|will not");
 * - the View wrapped around the terms: we only use the terms.
 * Normalizing a term is most of the tokenizer's time (ten regex passes, a Unicode table walk and
 * acronym checks per term). For a term whose text is only ASCII letters and digits every one of
 * those steps leaves the lower-cased text unchanged and `machine` stays unset, so such terms get
 * `normal = text.toLowerCase()` directly; every other term goes through compromise's own normalize
 * and machine. tests/unit/tokenize.test.ts checks the terms equal nlp.tokenize()'s.
 *
 * compromise gives only some terms a machine form. Every term here gets the `machine` field, left
 * undefined unless compromise sets it (which is how an absent one reads, to compromise's matcher
 * and to JSON), right after `normal`: then all terms have one shape (V8 hidden class) and the
 * matcher's optimized code is not thrown away when the first term with a machine form turns up.
 */
export function tokenize(text: string): Term[][] {
  if (!text) return [];
  const { splitSentences, splitTerms, splitWhitespace } = world.methods.one.tokenize;
  const docs: Term[][] = [];
  const rest: Term[] = [];
  for (const sentence of splitSentences(text, world)) {
    const terms = splitTerms(sentence, world.model).map((t) => splitWhitespace(t, world.model));
    for (const t of terms) {
      if (plainIsSafe && PLAIN.test(t.text)) {
        t.normal = t.text.toLowerCase();
        t.machine = undefined;
      } else rest.push(t);
    }
    docs.push(terms);
  }
  if (rest.length) {
    world.compute.normal!({ docs: [rest], world });
    for (const t of rest) t.machine = undefined;
    world.compute.machine!({ docs: [rest], world });
  }
  world.compute.offset!({ document: docs });
  return docs;
}

/** Amounts written with a unit: "40 mcg", "20-50mcg", "0.1ml", "10 iu", "2 to 3 ml", "10 units". */
const NUMBER_WORD = '(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|ten|fifteen|a hundred|one hundred|hundred)';
const AMOUNT_SRC =
  /(?<![\w.])(?:\d+(?:[.,]\d+)?|\.\d+|NUMWORD)(?:\s*(?:-|–|—|to|or|\/)\s*(?:\d+(?:[.,]\d+)?|\.\d+|NUMWORD))?\s*-?\s*(mcgs?|µg|μg|ug|mics|mgs?|micrograms?|milligrams?|ius?|mls?|cc|ccs|units?|u)(?![a-z])(?!\s*\/\s*(?:d?l|litre|liter|kg\s+of\s+feed)\b)/gi;
const AMOUNT = new RegExp(AMOUNT_SRC.source.replaceAll('NUMWORD', NUMBER_WORD), 'gi');
/**
 * Every amount starts with a digit or a number word, so a sentence with neither has none: a much
 * cheaper test than AMOUNT itself, which tries its lookbehind and alternatives at every position.
 */
const AMOUNT_GATE = /\d|ten|fifteen|hundred|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety/i;
const NO_AMOUNTS: RegExpMatchArray[] = [];
/** The amounts of a sentence (AMOUNT matches), found once for the pre-check and the tagging. */
function amountsOf(sentence: string): RegExpMatchArray[] {
  return AMOUNT_GATE.test(sentence) ? [...sentence.matchAll(AMOUNT)] : NO_AMOUNTS;
}
const MICRO = /^(mcgs?|µg|μg|ug|mics|micrograms?|ius?)$/i;
/** A body-weight change written as one word ("7lbs", "+3kg"): one term to the tokenizer, so tagged here. */
const FUSED_WEIGHT = /^[+~]?\d[\d.,]*(?:lbs?|kgs?|kilos?|pounds)$/i;
const WEIGHT_UNIT = /^(?:lbs?|kgs?|kilos?|pounds)$/i;
const VOL = /^(mls?|cc|ccs)$/i;
const SYRINGE = /^(units?|u)$/i;

/**
 * compromise silently fails a group of alternatives right after a wildcard ("per .{0,3} (#A|#B)")
 * and any group holding a multi-word alternative ("(fat|body fat)" after a wildcard), so such
 * groups are expanded into separate patterns.
 */
export function expandPattern(pattern: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of pattern.trim()) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ' ' && depth === 0) {
      if (cur) parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) parts.push(cur);
  let out: string[] = [''];
  let prev = '';
  for (const part of parts) {
    const m = /^\(([^()]*)\)([?*+]?)$/.exec(part);
    const alts = m ? m[1]!.split('|') : null;
    const afterWildcard = /^\.(?:\{\d*,?\d*\}|[?*+])?$/.test(prev);
    let variants: string[];
    if (alts && afterWildcard) {
      // Same bug for any group after a wildcard: one pattern per alternative.
      variants = [...alts];
      if (m![2] === '?') variants.push('');
    } else if (alts && alts.some((a) => a.includes(' '))) {
      const single = alts.filter((a) => !a.includes(' '));
      variants = [...(single.length ? [`(${single.join('|')})${m![2]}`] : []), ...alts.filter((a) => a.includes(' '))];
      if (m![2] === '?') variants.push('');
    } else variants = [part];
    prev = part;
    out = out.flatMap((o) => variants.map((v) => (v ? (o ? `${o} ${v}` : v) : o)));
    if (out.length > 256) throw new Error(`pattern expands to too many variants: ${pattern}`);
  }
  return out;
}

let pluginRegistered = false;

export interface MatcherOptions {
  /** Run every pattern from every term, as compromise's own sweep does (tests compare the two). */
  everyStart?: boolean;
}

export function createMatcher(set: CompiledRuleSet, opts: MatcherOptions = {}): Matcher {
  if (!pluginRegistered) {
    const tags: Record<string, object> = {};
    for (const t of [...set.lexicon.tags, 'Num', 'DoseAmount', 'MicroDose', 'VolAmount', 'SyringeAmount', 'WeightAmount', 'WeightGain', 'Substance']) tags[t] = {};
    nlp.plugin({ tags });
    pluginRegistered = true;
  }
  const matches: { match: string; reason: string }[] = [];
  set.rules.forEach((r, i) => r.patterns.forEach((p) => expandPattern(p).forEach((x) => matches.push({ match: x, reason: String(i) }))));
  const net = nlp.buildNet(matches);
  const { phrases, maxWords } = set.lexicon;
  /**
   * The lexicon as a word tree: both phrase walks (the pre-check's and tagTerms') step from word to
   * word instead of joining ever longer keys and looking each up in `phrases` and in a set of
   * phrase prefixes. A node exists exactly for a phrase or a proper word prefix of one, so a walk
   * stops where no phrase can follow, as before. Maps, not objects: a word like "constructor" is
   * not a phrase (an object lookup found Object's own property and the walk threw).
   */
  interface PhraseNode {
    next: Map<string, PhraseNode>;
    tags: string[] | undefined;
    /** The tags as net hook keys ("#Freq"), made once. */
    hashTags: string[] | undefined;
  }
  // Every node gets all three fields, so all have one shape (V8 hidden class) and code reading them
  // stays monomorphic.
  const root: PhraseNode = { next: new Map(), tags: undefined, hashTags: undefined };
  for (const [k, tags] of Object.entries(phrases)) {
    let node = root;
    for (const w of k.split(' ')) {
      let child = node.next.get(w);
      if (!child) node.next.set(w, (child = { next: new Map(), tags: undefined, hashTags: undefined }));
      node = child;
    }
    node.tags = tags;
    node.hashTags = tags.map((t) => '#' + t);
  }
  /** One step of a walk: a word key, which is several words when it was hyphenated ("post workout"). */
  const step = (node: PhraseNode, key: string): PhraseNode | undefined => {
    if (!key.includes(' ')) return node.next.get(key);
    let at: PhraseNode | undefined = node;
    for (const w of key.split(' ')) if (!(at = at.next.get(w))) return undefined;
    return at;
  };

  /**
   * Would any pattern of the net even be tried on this sentence? The same test compromise's sweep
   * makes (a hook word or tag present, every `need` present, enough `wants`), on a cheap word
   * list built without compromise: lower-cased words, their hyphen/slash parts, contraction
   * expansions, lexicon tags, numbers and amounts. It may say yes too often, never no wrongly,
   * so a sentence it turns away cannot have produced a match (tested on every corpus).
   */
  const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  const EDGE = /^[^a-z0-9#$%+~≈<>µμ\u00c0-\u024f]+|[^a-z0-9%+µμ\u00c0-\u024f]+$/g;
  const SPLITS = /[-‐-―/]/;
  const SLASH_OR_SPACE = /[ /]+/;
  const SPLIT = /[-‐-―/]+/;
  const DIGIT = /\d/;
  const RANGE = /\d\s*[-–—]\s*\d/;

  const CONTRACTION = /^(.+?)(n't|'s|'re|'ll|'ve|'m|'d)$/;
  const CONTRACTION_TAIL: Record<string, string> = { "n't": 'not', "'s": 'is', "'re": 'are', "'ll": 'will', "'ve": 'have', "'m": 'am', "'d": 'would' };
  const CONTRACTIONS: Record<string, string[]> = { "won't": ['will', 'not'], "can't": ['can', 'not'], "shan't": ['shall', 'not'], "ain't": ['is', 'not'] };

  function cacheOf(sentence: string, hasSubstance: boolean, amounts: RegExpMatchArray[]): Set<string> {
    const cache = new Set<string>();
    const raw = sentence.toLowerCase().replace(/[’‘]/g, "'").split(/\s+/);
    const words: string[] = [];
    for (let w of raw) {
      // Most words need no trimming: only call the regex when an end is not a letter or digit.
      if (!isWordChar(w.charCodeAt(0)) || !isWordChar(w.charCodeAt(w.length - 1))) w = w.replace(EDGE, '');
      if (!w) continue;
      words.push(w);
      cache.add(w);
      if (SPLITS.test(w)) for (const part of w.split(SPLIT)) if (part) cache.add(part);
      if (w.includes("'")) {
        const c = CONTRACTIONS[w];
        if (c) c.forEach((x) => cache.add(x));
        const m = CONTRACTION.exec(w);
        if (m) {
          cache.add(m[1]!);
          const tail = CONTRACTION_TAIL[m[2]!]!;
          cache.add(tail);
          if (tail === 'is') cache.add('has');
        }
      }
      if (DIGIT.test(w)) {
        cache.add('#Num');
        if (RANGE.test(w)) cache.add('to');
        if (FUSED_WEIGHT.test(w)) cache.add('#WeightAmount');
        if (w.charCodeAt(0) === 43) cache.add('#WeightGain');
      }
    }
    const keys = words.map((w) => (SPLITS.test(w) ? phraseKey(w) : w));
    for (let i = 0; i < keys.length; i++) {
      let node: PhraseNode | undefined = root;
      for (let n = 1; n <= maxWords && i + n <= keys.length; n++) {
        const k = keys[i + n - 1]!;
        if (!k || !(node = step(node, k))) break;
        if (node.hashTags) for (const t of node.hashTags) cache.add(t);
      }
      // Hyphenated words are several terms to compromise ("post-workout" = "post workout"); a
      // slashed one is one term carrying each part's tags ("cjc/ipamorelin", "gh/slin").
      if (keys[i]!.includes(' ') || keys[i]!.includes('/')) {
        for (const part of keys[i]!.split(SLASH_OR_SPACE)) {
          const tags = root.next.get(part)?.hashTags;
          if (tags) for (const t of tags) cache.add(t);
        }
      }
    }
    if (cache.has('#NumWord')) cache.add('#Num');
    if (hasSubstance) cache.add('#Substance');
    for (const m of amounts) {
      const unit = m[1]!;
      cache.add('#Num');
      cache.add(VOL.test(unit) ? '#VolAmount' : SYRINGE.test(unit) ? '#SyringeAmount' : '#DoseAmount');
      if (MICRO.test(unit)) cache.add('#MicroDose');
    }
    return cache;
  }

  function mayMatch(sentence: string, hasSubstance: boolean): boolean {
    return candidates(cacheOf(sentence, hasSubstance, amountsOf(sentence)), true).length > 0;
  }


  /** Phrase spans carry (no) tags only to have the shape of the amount spans they are widened with. */
  const NO_TAGS: string[] = [];
  /** Tags terms; returns the character spans of the lexicon phrases found (to widen matches to whole phrases). */
  function tagTerms(terms: Term[], spans: { start: number; end: number; tags: string[] }[]): { start: number; end: number; tags: string[] }[] {
    const found: { start: number; end: number; tags: string[] }[] = [];
    for (let ti = 0; ti < terms.length; ti++) {
      const t = terms[ti]!;
      const o = t.offset;
      if (!o) continue;
      const s = o.start;
      const e = o.start + Math.max(o.length, 0);
      for (const sp of spans) {
        const hit = e > s ? s < sp.end && e > sp.start : s >= sp.start && s <= sp.end;
        if (hit) for (const tag of sp.tags) t.tags.add(tag);
      }
      // The "1" of "IGF-1" is part of a name, not a number.
      if (/^[~≈<>+]?\d/.test(t.text) && !t.tags.has('Substance')) {
        t.tags.add('Num');
        if (FUSED_WEIGHT.test(t.text)) t.tags.add('WeightAmount');
        // "+2kg", "+3 kg": a gain in body weight, as results posts write it.
        if ((t.text.charCodeAt(0) === 43 || t.pre.endsWith('+')) && (FUSED_WEIGHT.test(t.text) || WEIGHT_UNIT.test(terms[ti + 1]?.text ?? ''))) t.tags.add('WeightGain');
      }
    }
    // A plain lower-case word is its own phrase key; only others need the edge trim and phraseKey.
    const words = terms.map((t) => {
      const w = t.normal || t.text;
      return PLAIN_LOWER.test(w) ? w : phraseKey(w.replace(/^[("'“‘]+|[)"'”’.,;:!?]+$/g, ''));
    });
    for (let i = 0; i < terms.length; i++) {
      let node: PhraseNode | undefined = root;
      for (let n = 1; n <= maxWords && i + n <= terms.length; n++) {
        const w = words[i + n - 1]!;
        if (!w || !(node = step(node, w))) break;
        const tags = node.tags;
        if (tags) {
          for (let k = i; k < i + n; k++) for (const tag of tags) terms[k]!.tags.add(tag);
          const a = terms[i]!.offset;
          const b = terms[i + n - 1]!.offset;
          if (n > 1 && a && b) found.push({ start: a.start, end: b.start + b.length, tags: NO_TAGS });
        }
      }
    }
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i]!;
      const w = words[i]!;
      if (w.includes('/')) {
        for (const part of w.split(SLASH_OR_SPACE)) {
          const tags = root.next.get(part)?.tags;
          if (tags) for (const tag of tags) t.tags.add(tag);
        }
      }
      if (t.tags.has('NumWord')) t.tags.add('Num');
      // compromise splits a range ("4-6") into the number and empty implicit terms ("to 6"):
      // they belong to the number.
      if (!t.text && i > 0 && terms[i - 1]!.tags.has('Num')) t.tags.add('Num');
    }
    return found;
  }

  /** A compromise match token, as parseMatch makes it (the fields we read). */
  type Reg = { word?: string; tag?: string; fastOr?: Set<string>; choices?: Reg[][]; operator?: string; optional?: boolean; negative?: boolean; start?: boolean; end?: boolean };
  type NetMatch = { match: string; reason: string; regs: Reg[]; needs: string[]; wants: string[]; minWant: number; minWords: number; notIf?: unknown };
  const hooks = (net as unknown as { hooks: Record<string, NetMatch[]> }).hooks;
  const one = (nlp as unknown as { methods(): { one: { match(d: Term[][], m: NetMatch): { ptrs: number[][] } } } }).methods().one;

  // compromise's own sweep walks every hook key of the net (~600 here) for each sentence; we look
  // up the sentence's words and tags instead, then run compromise's matcher on what passes.
  // (`ifNo` is left to the matcher: our word list is a superset, so it could wrongly exclude.)
  // Each pattern is filed under one of the words or tags it needs, preferring one that few
  // sentences have (not "the", "a", "#Num"); a pattern that needs nothing is filed under each of
  // the words it wants, as compromise's own hooks do.
  const COMMON = new Set(['#Num', 'the', 'a', 'an', 'to', 'of', 'is', 'it', 'and', 'with', 'in', 'for', 'on', 'your', 'my', 'at', 'or', 'be', 'you', 'i', 'that', 'this', 'are', 'per', 'each', 'every']);
  /** A pattern as filed under a key, with the needs left to check once the key is found. */
  interface Filed {
    m: NetMatch;
    rest: string[];
  }
  const index = new Map<string, Filed[]>();
  {
    const all = new Set<NetMatch>();
    for (const list of Object.values(hooks)) for (const m of list) all.add(m);
    const file = (key: string, m: NetMatch) => {
      const f = { m, rest: m.needs.filter((n) => n !== key) };
      const list = index.get(key);
      if (list) list.push(f);
      else index.set(key, [f]);
    };
    for (const m of all) {
      if (m.needs.length) file(m.needs.find((n) => !COMMON.has(n)) ?? m.needs[0]!, m);
      else for (const w of new Set(m.wants)) file(w, m);
    }
  }

  /** Net patterns whose needs (and enough wants) are all in `cache`: the only ones worth running. */
  function candidates(cache: Set<string>, firstOnly = false): NetMatch[] {
    const out: NetMatch[] = [];
    // A pattern that needs nothing is filed under each word it wants, so it comes up once for each
    // of them the sentence has; whether it passes does not depend on which, so it is tested once.
    let tried: Set<NetMatch> | null = null;
    for (const key of cache) {
      const list = index.get(key);
      if (!list) continue;
      next: for (let i = 0; i < list.length; i++) {
        const { m, rest } = list[i]!;
        if (!m.needs.length) {
          tried ??= new Set();
          if (tried.has(m)) continue;
          tried.add(m);
        }
        // Every need in the word list (the key it is filed under is), and enough of its wants.
        for (let k = 0; k < rest.length; k++) if (!cache.has(rest[k]!)) continue next;
        if (m.wants.length && m.minWant > 0) {
          let found = 0;
          for (let k = 0; k < m.wants.length && found < m.minWant; k++) if (cache.has(m.wants[k]!)) found++;
          if (found < m.minWant) continue;
        }
        out.push(m);
        if (firstOnly) return out;
      }
    }
    return out;
  }

  /**
   * Where can a pattern start? compromise's matcher tries every term of a sentence as a start, and
   * at most one or two terms of a sentence can match a pattern's first token (1.5 in 15 on the
   * forum text), so most of its work was failing there. For a pattern whose first token is a word,
   * a tag or a list of them (as nearly all are), we test that token on each term ourselves, the
   * way compromise's doesMatch does, and run compromise's matcher only from the terms that pass:
   * the same pattern with a ^ anchor on the first token, over the sentence from that term on.
   * Patterns this cannot be said of (optional, negated or anchored tokens, notIf) run as before.
   */
  interface Starts {
    /** The pattern, its first token anchored (^) so compromise tries the start of each slice only. */
    anchored: NetMatch;
    /** Could this term match the first token? Never false where compromise's doesMatch is true. */
    test: (t: Term) => boolean;
    /** compromise's own minimum: tokens that are neither optional nor negative. */
    minLength: number;
  }
  /** The test for one plain token (a word, a tag or a fastOr list), or null for any other kind. */
  const tokenTest = (r: Reg): ((t: Term) => boolean) | null => {
    const keys = Object.keys(r).sort().join(',');
    const { word, tag, fastOr } = r;
    // doesMatch: the machine form, an alias, the text or the normal form.
    if (keys === 'word') return (t) => t.machine === word || t.text === word || t.normal === word || !!(t as { alias?: string[] }).alias?.includes(word!);
    if (keys === 'tag') return (t) => t.tags.has(tag!);
    // doesMatch (no pos): root, implicit, machine or normal form, or the text.
    if (keys === 'fastOr,operator' && r.operator === 'or')
      return (t) => {
        const u = t as { root?: string; implicit?: string };
        return fastOr!.has(u.root || u.implicit || t.machine || t.normal!) || fastOr!.has(t.text);
      };
    return null;
  };
  const startsOf = new Map<NetMatch, Starts>();
  for (const list of Object.values(hooks)) {
    for (const m of list) {
      if (startsOf.has(m) || m.notIf !== undefined || JSON.stringify(m.regs, (k, v) => (v instanceof Set ? [] : v)).match(/"(start|end)":true/)) continue;
      const r0 = m.regs[0];
      if (!r0) continue;
      let test = tokenTest(r0);
      // An or-block "(#Inject|dose)": a match starts with one of its choices' first token.
      if (!test && Object.keys(r0).sort().join(',') === 'choices,operator' && r0.operator === 'or') {
        const firsts = r0.choices!.map((c) => (Array.isArray(c) && c[0] ? tokenTest(c[0]) : null));
        if (firsts.every((f) => f)) test = (t) => firsts.some((f) => f!(t));
      }
      if (!test) continue;
      startsOf.set(m, {
        anchored: { ...m, regs: [{ ...r0, start: true }, ...m.regs.slice(1)] },
        test,
        minLength: m.regs.filter((r) => r.optional !== true && r.negative !== true).length,
      });
    }
  }

  /**
   * Run the candidate patterns on each sentence compromise made of the text; each match comes back
   * as its rule and its first and last term (a match has at least one).
   */
  function sweep(document: Term[][], cands: NetMatch[]): { reason: string; first: Term; last: Term }[] {
    const out: { reason: string; first: Term; last: Term }[] = [];
    const found = (reason: string, terms: Term[], start: number, end: number) => {
      if (end > start) out.push({ reason, first: terms[start]!, last: terms[end - 1]! });
    };
    for (const terms of document) {
      // The sentence from each start on, made once for all the patterns that start there.
      const from: (Term[] | undefined)[] = [];
      for (const m of cands) {
        if (terms.length < m.minWords) continue;
        const st = opts.everyStart ? undefined : startsOf.get(m);
        if (!st) {
          for (const ptr of one.match([terms], m).ptrs) found(m.reason, terms, ptr[1]!, ptr[2]!);
          continue;
        }
        const slices: Term[][] = [];
        const at: number[] = [];
        for (let p = 0; p + st.minLength <= terms.length; p++) {
          if (st.test(terms[p]!)) {
            slices.push((from[p] ??= terms.slice(p)));
            at.push(p);
          }
        }
        if (!slices.length) continue;
        // Each start is tried on its own; like compromise's own loop, a match hides the starts
        // inside it (the next start tried is where it ended).
        let next = 0;
        for (const ptr of one.match(slices, st.anchored).ptrs) {
          const p = at[ptr[0]!]!;
          if (p < next) continue;
          found(m.reason, terms, p + ptr[1]!, p + ptr[2]!);
          next = p + ptr[2]!;
        }
      }
    }
    return out;
  }

  return {
    mayMatch,
    match(sentence, substances) {
      const amounts = amountsOf(sentence);
      const cands = candidates(cacheOf(sentence, substances.length > 0, amounts));
      if (!cands.length) return [];
      const spans: { start: number; end: number; tags: string[] }[] = substances.map((s) => ({ start: s.start, end: s.end, tags: ['Substance'] }));
      for (const m of amounts) {
        const unit = m[1]!;
        const tag = VOL.test(unit) ? 'VolAmount' : SYRINGE.test(unit) ? 'SyringeAmount' : 'DoseAmount';
        // Micrograms and IU are the units of peptide doses; milligrams are also vial sizes.
        const tags = MICRO.test(unit) ? [tag, 'MicroDose', 'Num'] : [tag, 'Num'];
        spans.push({ start: m.index!, end: m.index! + m[0].length, tags });
      }
      const docs = tokenize(sentence);
      const phraseSpans = docs.flatMap((terms) => tagTerms(terms, spans));
      const widen = [...spans, ...phraseSpans];
      const out: RawMatch[] = [];
      for (const f of sweep(docs, cands)) {
        const firstT = f.first;
        const lastT = f.last;
        const first = firstT.offset;
        if (!first || !lastT.offset) continue;
        let start = first.start;
        let end = lastT.offset.start + lastT.offset.length;
        // Widen to whole amounts ("50mcg" is a term plus an implicit unit term) and whole lexicon
        // phrases; a zero-width implicit term touches the amount it came from.
        for (const sp of widen) if (sp.start <= end && sp.end >= start && (sp.start < end && sp.end > start || !firstT.text || !lastT.text)) {
          start = Math.min(start, sp.start);
          end = Math.max(end, sp.end);
        }
        while (end > start && /[\s.,;:!?)"'”’\]]/.test(sentence[end - 1]!)) end--;
        while (start < end && /[\s("'“‘[]/.test(sentence[start]!)) start++;
        if (end > start) out.push({ rule: Number(f.reason), start, end });
      }
      return out;
    },
  };
}
