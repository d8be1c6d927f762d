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

/**
 * compromise's tokenize() also expands contractions ("won't" → "will not"), a third of its time.
 * Our patterns list contracted forms themselves ("won't|will not"), so we skip that step.
 */
const world = (nlp as unknown as { _world: { compute: Record<string, unknown> } })._world;
function tokenize(text: string) {
  const saved = world.compute.contractions;
  world.compute.contractions = undefined;
  try {
    const doc = nlp.tokenize(text);
    doc.compute(['normal', 'machine', 'offset']);
    return doc;
  } finally {
    world.compute.contractions = saved;
  }
}

/** Amounts written with a unit: "40 mcg", "20-50mcg", "0.1ml", "10 iu", "2 to 3 ml", "10 units". */
const NUMBER_WORD = '(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|ten|fifteen|a hundred|one hundred|hundred)';
const AMOUNT_SRC =
  /(?<![\w.])(?:\d+(?:[.,]\d+)?|\.\d+|NUMWORD)(?:\s*(?:-|–|—|to|or|\/)\s*(?:\d+(?:[.,]\d+)?|\.\d+|NUMWORD))?\s*-?\s*(mcgs?|µg|μg|ug|mics|mgs?|micrograms?|milligrams?|ius?|mls?|cc|ccs|units?|u)(?![a-z])(?!\s*\/\s*(?:d?l|litre|liter|kg\s+of\s+feed)\b)/gi;
const AMOUNT = new RegExp(AMOUNT_SRC.source.replaceAll('NUMWORD', NUMBER_WORD), 'gi');
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

type Term = { text: string; pre?: string; normal?: string; tags: Set<string>; offset?: { start: number; length: number } };

let pluginRegistered = false;

export function createMatcher(set: CompiledRuleSet): Matcher {
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
  // Every proper prefix of a multi-word phrase, so the phrase walk stops as soon as no phrase can follow.
  const prefixes = new Set<string>();
  for (const k of Object.keys(phrases)) {
    const w = k.split(' ');
    for (let i = 1; i < w.length; i++) prefixes.add(w.slice(0, i).join(' '));
  }

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
  const SPLIT = /[-‐-―/]+/;
  const DIGIT = /\d/;
  const RANGE = /\d\s*[-–—]\s*\d/;

  const CONTRACTION = /^(.+?)(n't|'s|'re|'ll|'ve|'m|'d)$/;
  const CONTRACTION_TAIL: Record<string, string> = { "n't": 'not', "'s": 'is', "'re": 'are', "'ll": 'will', "'ve": 'have', "'m": 'am', "'d": 'would' };
  const CONTRACTIONS: Record<string, string[]> = { "won't": ['will', 'not'], "can't": ['can', 'not'], "shan't": ['shall', 'not'], "ain't": ['is', 'not'] };
  /** The lexicon's tags as net hook keys ("#Freq"), made once. */
  const hashTags: Record<string, string[]> = {};
  for (const [k, tags] of Object.entries(phrases)) hashTags[k] = tags.map((t) => '#' + t);

  function cacheOf(sentence: string, hasSubstance: boolean): Set<string> {
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
      let key = '';
      for (let n = 1; n <= maxWords && i + n <= keys.length; n++) {
        const k = keys[i + n - 1]!;
        if (!k) break;
        key = key ? `${key} ${k}` : k;
        const tags = hashTags[key];
        if (!tags && !prefixes.has(key)) break;
        if (tags) for (const t of tags) cache.add(t);
      }
      // Hyphenated words are several terms to compromise ("post-workout" = "post workout").
      if (keys[i]!.includes(' ')) {
        for (const part of keys[i]!.split(' ')) {
          const tags = hashTags[part];
          if (tags) for (const t of tags) cache.add(t);
        }
      }
    }
    if (cache.has('#NumWord')) cache.add('#Num');
    if (hasSubstance) cache.add('#Substance');
    for (const m of sentence.matchAll(AMOUNT)) {
      const unit = m[1]!;
      cache.add('#Num');
      cache.add(VOL.test(unit) ? '#VolAmount' : SYRINGE.test(unit) ? '#SyringeAmount' : '#DoseAmount');
      if (MICRO.test(unit)) cache.add('#MicroDose');
    }
    return cache;
  }

  function mayMatch(sentence: string, hasSubstance: boolean): boolean {
    return candidates(cacheOf(sentence, hasSubstance), true).length > 0;
  }


  /** Tags terms; returns the character spans of the lexicon phrases found (to widen matches to whole phrases). */
  function tagTerms(terms: Term[], spans: { start: number; end: number; tags: string[] }[]): { start: number; end: number }[] {
    const found: { start: number; end: number }[] = [];
    for (const t of terms) {
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
        if ((t.text.charCodeAt(0) === 43 || t.pre?.endsWith('+')) && (FUSED_WEIGHT.test(t.text) || WEIGHT_UNIT.test(terms[terms.indexOf(t) + 1]?.text ?? ''))) t.tags.add('WeightGain');
      }
    }
    const words = terms.map((t) => phraseKey((t.normal || t.text).replace(/^[("'“‘]+|[)"'”’.,;:!?]+$/g, '')));
    for (let i = 0; i < terms.length; i++) {
      let key = '';
      for (let n = 1; n <= maxWords && i + n <= terms.length; n++) {
        const w = words[i + n - 1]!;
        if (!w) break;
        key = key ? `${key} ${w}` : w;
        const tags = phrases[key];
        if (!tags && !prefixes.has(key)) break;
        if (tags) {
          for (let k = i; k < i + n; k++) for (const tag of tags) terms[k]!.tags.add(tag);
          const a = terms[i]!.offset;
          const b = terms[i + n - 1]!.offset;
          if (n > 1 && a && b) found.push({ start: a.start, end: b.start + b.length });
        }
      }
    }
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i]!;
      if (t.tags.has('NumWord')) t.tags.add('Num');
      // compromise splits a range ("4-6") into the number and empty implicit terms ("to 6"):
      // they belong to the number.
      if (!t.text && i > 0 && terms[i - 1]!.tags.has('Num')) t.tags.add('Num');
    }
    return found;
  }

  type NetMatch = { match: string; reason: string; needs: string[]; wants: string[]; minWant: number; minWords: number };
  const hooks = (net as unknown as { hooks: Record<string, NetMatch[]> }).hooks;
  const one = (nlp as unknown as { methods(): { one: { match(d: Term[][], m: NetMatch): { ptrs: number[][] } } } }).methods().one;

  // compromise's own sweep walks every hook key of the net (~600 here) for each sentence; we look
  // up the sentence's words and tags instead, then run compromise's matcher on what passes.
  // (`ifNo` is left to the matcher: our word list is a superset, so it could wrongly exclude.)
  // Each pattern is filed under one of the words or tags it needs, preferring one that few
  // sentences have (not "the", "a", "#Num"); a pattern that needs nothing is filed under each of
  // the words it wants, as compromise's own hooks do.
  const COMMON = new Set(['#Num', 'the', 'a', 'an', 'to', 'of', 'is', 'it', 'and', 'with', 'in', 'for', 'on', 'your', 'my', 'at', 'or', 'be', 'you', 'i', 'that', 'this', 'are', 'per', 'each', 'every']);
  const index = new Map<string, NetMatch[]>();
  {
    const all = new Set<NetMatch>();
    for (const list of Object.values(hooks)) for (const m of list) all.add(m);
    const file = (key: string, m: NetMatch) => {
      const list = index.get(key);
      if (list) list.push(m);
      else index.set(key, [m]);
    };
    for (const m of all) {
      if (m.needs.length) file(m.needs.find((n) => !COMMON.has(n)) ?? m.needs[0]!, m);
      else for (const w of new Set(m.wants)) file(w, m);
    }
  }

  /** Net patterns whose needs (and enough wants) are all in `cache`: the only ones worth running. */
  function candidates(cache: Set<string>, firstOnly = false): NetMatch[] {
    const out: NetMatch[] = [];
    let seen: Set<NetMatch> | null = null;
    for (const key of cache) {
      const list = index.get(key);
      if (!list) continue;
      for (let i = 0; i < list.length; i++) {
        const m = list[i]!;
        if (!passes(m, cache)) continue;
        if (!m.needs.length) {
          seen ??= new Set();
          if (seen.has(m)) continue;
          seen.add(m);
        }
        out.push(m);
        if (firstOnly) return out;
      }
    }
    return out;
  }

  /** Run the candidate patterns on each sentence compromise made of the text. */
  function sweep(document: Term[][], cands: NetMatch[]): { reason: string; terms: Term[] }[] {
    const out: { reason: string; terms: Term[] }[] = [];
    for (const terms of document) {
      for (const m of cands) {
        if (terms.length < m.minWords) continue;
        for (const ptr of one.match([terms], m).ptrs) out.push({ reason: m.reason, terms: terms.slice(ptr[1], ptr[2]) });
      }
    }
    return out;
  }

  function passes(m: NetMatch, cache: Set<string>): boolean {
    for (let i = 0; i < m.needs.length; i++) if (!cache.has(m.needs[i]!)) return false;
    if (m.wants.length) {
      let found = 0;
      for (let i = 0; i < m.wants.length; i++) if (cache.has(m.wants[i]!)) found++;
      if (found < m.minWant) return false;
    }
    return true;
  }

  return {
    mayMatch,
    match(sentence, substances) {
      const cands = candidates(cacheOf(sentence, substances.length > 0));
      if (!cands.length) return [];
      const spans: { start: number; end: number; tags: string[] }[] = substances.map((s) => ({ ...s, tags: ['Substance'] }));
      for (const m of sentence.matchAll(AMOUNT)) {
        const unit = m[1]!;
        const tag = VOL.test(unit) ? 'VolAmount' : SYRINGE.test(unit) ? 'SyringeAmount' : 'DoseAmount';
        // Micrograms and IU are the units of peptide doses; milligrams are also vial sizes.
        const tags = MICRO.test(unit) ? [tag, 'MicroDose', 'Num'] : [tag, 'Num'];
        spans.push({ start: m.index!, end: m.index! + m[0].length, tags });
      }
      const doc = tokenize(sentence);
      const phraseSpans = (doc.docs as Term[][]).flatMap((terms) => tagTerms(terms, spans));
      const widen = [...spans, ...phraseSpans];
      const out: RawMatch[] = [];
      for (const f of sweep(doc.docs as Term[][], cands)) {
        const terms = f.terms;
        if (!terms.length) continue;
        const first = terms[0]!.offset;
        const lastT = terms[terms.length - 1]!;
        if (!first || !lastT.offset) continue;
        let start = first.start;
        let end = lastT.offset.start + lastT.offset.length;
        // Widen to whole amounts ("50mcg" is a term plus an implicit unit term) and whole lexicon
        // phrases; a zero-width implicit term touches the amount it came from.
        for (const sp of widen) if (sp.start <= end && sp.end >= start && (sp.start < end && sp.end > start || !terms[0]!.text || !lastT.text)) {
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
