/**
 * Validate and compile the rule set from parsed YAML objects. Pure: the caller reads the files.
 * Every problem is reported with its file; nothing half-valid is compiled.
 */
import type { EvidenceGrade, RegulatoryStatus, SourceRef } from '../engine/types';
import type {
  CompiledLexicon,
  CompiledRule,
  CompiledRuleSet,
  CompiledSubstance,
  Example,
  GateClues,
  PrefilterData,
  RawRule,
  RawSource,
  RawStatus,
  RawSubstance,
} from './schema';

export interface RuleFile {
  /** Path relative to rules/, with forward slashes, e.g. "igf-1-lr3/dosing/dose-amount.yaml". */
  path: string;
  data: unknown;
}

export interface RawRuleSetFiles {
  sources: RuleFile;
  lexicon: RuleFile;
  substances: RuleFile[];
  rules: RuleFile[];
}

export class RuleSetError extends Error {
  constructor(public readonly problems: string[]) {
    super(`rule set is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  ` + problems.join('\n  '));
    this.name = 'RuleSetError';
  }
}

const GRADES: EvidenceGrade[] = ['approved-label', 'clinical', 'early-human', 'preclinical', 'unsupported'];
const KINDS = ['efficacy-claim', 'dosing', 'safety-claim', 'regulatory-claim'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrArr = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** YAML turns unquoted dates into Date objects; accept both. */
function dateStr(v: unknown): string | undefined {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  if (typeof v === 'string' && DATE.test(v)) return v;
  return undefined;
}

function checkRegex(src: string, where: string, problems: string[]): void {
  try {
    new RegExp(src, 'iu');
  } catch (e) {
    problems.push(`${where}: invalid regular expression ${JSON.stringify(src)}: ${(e as Error).message}`);
  }
}

function compileSources(file: RuleFile, problems: string[]): Map<string, SourceRef & { raw: RawSource }> {
  const out = new Map<string, SourceRef & { raw: RawSource }>();
  if (!Array.isArray(file.data)) {
    problems.push(`${file.path}: expected a list of sources`);
    return out;
  }
  file.data.forEach((s, i) => {
    const where = `${file.path}[${i}]`;
    if (!isObj(s)) return void problems.push(`${where}: expected an object`);
    const id = s.id;
    if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(id)) return void problems.push(`${where}: id must be kebab-case`);
    if (out.has(id)) problems.push(`${where}: duplicate source id "${id}"`);
    if (typeof s.title !== 'string' || !s.title) problems.push(`${where} (${id}): title missing`);
    if (typeof s.url !== 'string' || !s.url) problems.push(`${where} (${id}): url missing`);
    else if (s.kind === 'primary' && !/^https:\/\//.test(s.url)) problems.push(`${where} (${id}): a primary source needs an https url`);
    if (s.kind !== 'primary' && s.kind !== 'guide') problems.push(`${where} (${id}): kind must be primary or guide`);
    const asOf = dateStr(s.asOf);
    const lastChecked = dateStr(s.lastChecked);
    if (!asOf) problems.push(`${where} (${id}): asOf must be a YYYY-MM-DD date`);
    if (!lastChecked) problems.push(`${where} (${id}): lastChecked must be a YYYY-MM-DD date`);
    const raw = { ...(s as unknown as RawSource), asOf: asOf ?? '', lastChecked: lastChecked ?? '' };
    out.set(id, { id, title: String(s.title ?? ''), url: String(s.url ?? ''), asOf: asOf ?? '', raw });
  });
  return out;
}

function refs(ids: unknown, where: string, sources: Map<string, SourceRef>, problems: string[]): SourceRef[] {
  if (!isStrArr(ids) || ids.length === 0) {
    problems.push(`${where}: needs a non-empty list of source ids`);
    return [];
  }
  const out: SourceRef[] = [];
  for (const id of ids) {
    const s = sources.get(id);
    if (!s) problems.push(`${where}: unknown source "${id}"`);
    else out.push({ id: s.id, title: s.title, url: s.url, asOf: s.asOf });
  }
  return out;
}

function compileStatus(v: unknown, where: string, sources: Map<string, SourceRef>, problems: string[]): RegulatoryStatus {
  const fallback: RegulatoryStatus = { code: '', summary: '', asOf: '', lastChecked: '', source: { id: '', title: '', url: '', asOf: '' } };
  if (!isObj(v)) {
    problems.push(`${where}: missing`);
    return fallback;
  }
  const r = v as unknown as RawStatus;
  const asOf = dateStr(v.asOf);
  const lastChecked = dateStr(v.lastChecked);
  if (typeof r.code !== 'string' || !r.code) problems.push(`${where}.code missing`);
  if (typeof r.summary !== 'string' || !r.summary) problems.push(`${where}.summary missing`);
  if (!asOf) problems.push(`${where}.asOf must be a YYYY-MM-DD date`);
  if (!lastChecked) problems.push(`${where}.lastChecked must be a YYYY-MM-DD date`);
  const [source] = refs([r.source], `${where}.source`, sources, problems);
  return { code: r.code, summary: r.summary, asOf: asOf ?? '', lastChecked: lastChecked ?? '', source: source ?? fallback.source };
}

function compileSubstance(file: RuleFile, sources: Map<string, SourceRef>, problems: string[]): CompiledSubstance | null {
  const s = file.data;
  const where = file.path;
  if (!isObj(s)) {
    problems.push(`${where}: expected an object`);
    return null;
  }
  const raw = s as unknown as RawSubstance;
  const expectedId = file.path.replace(/^substances\//, '').replace(/\.ya?ml$/, '');
  if (raw.id !== expectedId) problems.push(`${where}: id "${raw.id}" must equal the file name "${expectedId}"`);
  if (typeof raw.name !== 'string' || !raw.name) problems.push(`${where}: name missing`);
  if (typeof raw.covered !== 'boolean') problems.push(`${where}: covered must be true or false`);
  if (!dateStr(s.reviewed)) problems.push(`${where}: reviewed must be a YYYY-MM-DD date`);
  const aliases = isObj(s.aliases) ? s.aliases : {};
  const strong = isStrArr(aliases.strong) ? aliases.strong : [];
  const weak = isStrArr(aliases.weak) ? aliases.weak : [];
  const collisions = isStrArr(s.collisions) ? s.collisions : [];
  if (strong.length === 0) problems.push(`${where}: aliases.strong needs at least one pattern`);
  [...strong, ...weak, ...collisions].forEach((p) => checkRegex(p, where, problems));
  const gate = compileGate(aliases.gate, `${where}: aliases.gate`, raw.covered === true, problems);
  const evidence: CompiledSubstance['evidence'] = {};
  if (isObj(s.evidence)) {
    for (const [area, e] of Object.entries(s.evidence)) {
      const w = `${where}: evidence.${area}`;
      if (!isObj(e)) {
        problems.push(`${w}: expected an object`);
        continue;
      }
      if (!GRADES.includes(e.grade as EvidenceGrade)) problems.push(`${w}.grade must be one of ${GRADES.join(', ')}`);
      if (typeof e.reason !== 'string' || !e.reason) problems.push(`${w}.reason missing`);
      evidence[area] = {
        grade: e.grade as EvidenceGrade,
        reason: String(e.reason ?? ''),
        references: refs(e.references, `${w}.references`, sources, problems),
      };
    }
  }
  return {
    id: raw.id,
    name: raw.name,
    covered: raw.covered,
    approvedDrug: raw.approvedDrug === true,
    strong,
    weak,
    collisions,
    gate,
    fda: compileStatus(s.fda, `${where}: fda`, sources, problems),
    wada: compileStatus(s.wada, `${where}: wada`, sources, problems),
    evidence,
  };
}

/** Gate clues: short plain ASCII strings (the page turns each into its letter-case variants). */
function compileGate(raw: unknown, where: string, covered: boolean, problems: string[]): GateClues | null {
  if (raw === undefined) {
    if (covered) problems.push(`${where} missing: a covered substance needs clues for the page gate`);
    return null;
  }
  if (!isObj(raw) || !isStrArr(raw.all ?? []) || !isStrArr(raw.any)) {
    problems.push(`${where}: expected { all: [strings], any: [strings] }`);
    return null;
  }
  const all = (raw.all ?? []) as string[];
  const any = raw.any as string[];
  if (!any.length) problems.push(`${where}.any needs at least one clue`);
  for (const c of [...all, ...any]) {
    // Short, plain and quote-free: each clue goes into the page's XPath query in three cases (gate.ts).
    if (!/^[\x20-\x26\x28-\x7e]{1,8}$/.test(c) || (c.match(/[a-z]/gi) ?? []).length > 5) problems.push(`${where}: clue "${c}" must be 1-8 plain ASCII characters, at most 5 letters, no quote`);
  }
  return { all: all.map((c) => c.toLowerCase()), any: any.map((c) => c.toLowerCase()) };
}

function compileRule(
  file: RuleFile,
  substances: Map<string, CompiledSubstance>,
  sources: Map<string, SourceRef>,
  problems: string[],
): CompiledRule | null {
  const r = file.data;
  const where = file.path;
  if (!isObj(r)) {
    problems.push(`${where}: expected an object`);
    return null;
  }
  const raw = r as unknown as RawRule;
  const expectedId = file.path.replace(/\.ya?ml$/, '');
  if (raw.id !== expectedId) problems.push(`${where}: id "${raw.id}" must equal the path "${expectedId}"`);
  if (!KINDS.includes(raw.kind)) problems.push(`${where}: kind must be one of ${KINDS.join(', ')}`);
  else if (!expectedId.includes(`/${raw.kind}/`)) problems.push(`${where}: a ${raw.kind} rule belongs in a "${raw.kind}/" folder`);
  if (raw.severity !== 'flag' && raw.severity !== 'info') problems.push(`${where}: severity must be flag or info`);
  if (!isStrArr(raw.substances) || raw.substances.length === 0) problems.push(`${where}: substances must list substance ids or "covered"`);
  else for (const id of raw.substances) if (id !== 'covered' && !substances.has(id)) problems.push(`${where}: unknown substance "${id}"`);
  if (typeof raw.title !== 'string' || !raw.title) problems.push(`${where}: title missing`);
  if (typeof raw.explanation !== 'string' || raw.explanation.length < 20) problems.push(`${where}: explanation missing or too short`);
  if (!isStrArr(raw.patterns) || raw.patterns.length === 0) problems.push(`${where}: patterns must be a non-empty list`);
  const except = r.except === undefined ? [] : isStrArr(r.except) ? r.except : (problems.push(`${where}: except must be a list of regular expressions`), []);
  except.forEach((x) => checkRegex(x, `${where}: except`, problems));
  const reviewed = dateStr(r.reviewed);
  if (!reviewed) problems.push(`${where}: reviewed must be a YYYY-MM-DD date`);
  const ev = isObj(r.evidence) ? r.evidence : null;
  if (!ev || typeof ev.area !== 'string') problems.push(`${where}: evidence.area missing`);
  else {
    if (ev.grade !== undefined && !GRADES.includes(ev.grade as EvidenceGrade)) problems.push(`${where}: evidence.grade must be one of ${GRADES.join(', ')}`);
    if ((ev.grade === undefined) !== (ev.reason === undefined)) problems.push(`${where}: evidence.grade and evidence.reason go together`);
    if (ev.grade === undefined && isStrArr(raw.substances)) {
      for (const id of raw.substances) {
        const subs = id === 'covered' ? [...substances.values()].filter((s) => s.covered) : [substances.get(id)].filter(Boolean);
        for (const s of subs) if (s && !s.evidence[ev.area as string]) problems.push(`${where}: substance "${s.id}" has no evidence area "${ev.area}"`);
      }
    }
  }
  const ex = isObj(r.examples) ? r.examples : {};
  const examples = (v: unknown, key: string): Example[] => {
    if (!Array.isArray(v)) return [];
    return v.flatMap((e, i) => {
      if (typeof e === 'string') return [{ text: e }];
      if (isObj(e) && typeof e.text === 'string' && (e.title === undefined || typeof e.title === 'string')) return [{ text: e.text, title: e.title as string | undefined }];
      problems.push(`${where}: examples.${key}[${i}] must be a string or {text, title}`);
      return [];
    });
  };
  const flag = examples(ex.flag, 'flag');
  const pass = examples(ex.pass, 'pass');
  if (flag.length === 0) problems.push(`${where}: examples.flag needs at least one example`);
  if (pass.length === 0) problems.push(`${where}: examples.pass needs at least one example`);
  for (const f of flag) if (!/\[\[.+?\]\]/.test(f.text)) problems.push(`${where}: flag example lacks a [[marked span]]: ${JSON.stringify(f.text)}`);
  const ctx = isObj(r.context) ? r.context : {};
  const mode = (v: unknown, key: string, dflt: 'suppress' | 'ignore') => {
    if (v === undefined) return dflt;
    if (v !== 'suppress' && v !== 'ignore') problems.push(`${where}: context.${key} must be suppress or ignore`);
    return v as 'suppress' | 'ignore';
  };
  return {
    id: raw.id,
    kind: raw.kind,
    severity: raw.severity,
    substances: raw.substances ?? [],
    title: raw.title,
    explanation: typeof raw.explanation === 'string' ? raw.explanation.trim() : '',
    evidence: ev ? { area: String(ev.area), grade: ev.grade as EvidenceGrade | undefined, reason: ev.reason as string | undefined } : { area: '' },
    patterns: raw.patterns ?? [],
    except,
    context: {
      negation: mode(ctx.negation, 'negation', 'suppress'),
      rebuttal: mode(ctx.rebuttal, 'rebuttal', 'suppress'),
      question: mode(ctx.question, 'question', 'ignore'),
      requiresHumanUse: ctx.requiresHumanUse === true,
    },
    sources: refs(raw.sources, `${where}: sources`, sources, problems),
    reviewed: reviewed ?? '',
    examples: { flag, pass },
  };
}

/** Lexicon keys are lower-case words joined by single spaces; hyphens count as spaces. */
export function phraseKey(text: string): string {
  return text.toLowerCase().replace(/[-\u2010-\u2014]/g, ' ').replace(/\s+/g, ' ').trim();
}

const TAG = /^[A-Z][A-Za-z]+$/;

function compileLexicon(file: RuleFile, problems: string[]): CompiledLexicon {
  const lex: CompiledLexicon = { phrases: {}, maxWords: 1, tags: [] };
  const d = file.data;
  if (!isObj(d) || !isObj(d.tags)) {
    problems.push(`${file.path}: expected "tags:" mapping tag names to word lists`);
    return lex;
  }
  if (!dateStr(d.reviewed)) problems.push(`${file.path}: reviewed must be a YYYY-MM-DD date`);
  for (const [tag, words] of Object.entries(d.tags)) {
    if (!TAG.test(tag)) problems.push(`${file.path}: tag "${tag}" must be CamelCase letters`);
    if (!Array.isArray(words) || words.length === 0) {
      problems.push(`${file.path}: tag ${tag} needs a list of words`);
      continue;
    }
    lex.tags.push(tag);
    for (const w of words) {
      const key = phraseKey(String(w));
      if (!key) continue;
      const tags = (lex.phrases[key] ??= []);
      if (!tags.includes(tag)) tags.push(tag);
      lex.maxWords = Math.max(lex.maxWords, key.split(' ').length);
    }
  }
  return lex;
}

/** A short stable hash (FNV-1a) so a rule-set version changes whenever any rule does. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function compileRuleSet(files: RawRuleSetFiles): CompiledRuleSet {
  const problems: string[] = [];
  const sourceMap = compileSources(files.sources, problems);
  const sources = new Map<string, SourceRef>([...sourceMap].map(([k, v]) => [k, { id: v.id, title: v.title, url: v.url, asOf: v.asOf }]));
  const lexicon = compileLexicon(files.lexicon, problems);
  const substances = new Map<string, CompiledSubstance>();
  for (const f of files.substances) {
    const s = compileSubstance(f, sources, problems);
    if (s) {
      if (substances.has(s.id)) problems.push(`${f.path}: duplicate substance id "${s.id}"`);
      substances.set(s.id, s);
    }
  }
  const rules: CompiledRule[] = [];
  for (const f of files.rules) {
    const r = compileRule(f, substances, sources, problems);
    if (r) rules.push(r);
  }
  if (problems.length) throw new RuleSetError(problems);
  rules.sort((a, b) => a.id.localeCompare(b.id));
  const dates = [...rules.map((r) => r.reviewed)].sort();
  const body = JSON.stringify({ s: [...substances.values()], r: rules, src: [...sources.values()], l: lexicon });
  return {
    version: `${dates[dates.length - 1] ?? '0000-00-00'}+${hash(body)}`,
    lexicon,
    substances: [...substances.values()],
    rules,
    sources: [...sources.values()],
  };
}

export function prefilterData(set: CompiledRuleSet): PrefilterData {
  return {
    version: set.version,
    substances: set.substances.map(({ id, name, covered, strong, weak, collisions }) => ({ id, name, covered, strong, weak, collisions })),
  };
}
