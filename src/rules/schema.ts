/**
 * Shapes of the rule set: as written in rules/ (Raw*) and as compiled for the engine.
 * Pure data; no fs, no DOM. See rules/README.md for the authoring guide.
 */
import type { ClaimKind, EvidenceGrade, RegulatoryStatus, Severity, SourceRef } from '../engine/types';

export interface RawSource {
  id: string;
  title: string;
  url: string;
  publisher?: string;
  kind: 'primary' | 'guide';
  asOf: string;
  lastChecked: string;
  guideRef?: number;
}

export interface RawStatus {
  code: string;
  summary: string;
  source: string;
  asOf: string;
  lastChecked: string;
}

export interface RawEvidenceArea {
  grade: EvidenceGrade;
  reason: string;
  references?: string[];
}

export interface RawSubstance {
  id: string;
  name: string;
  covered: boolean;
  approvedDrug?: boolean;
  aliases: { strong: string[]; weak?: string[]; gate?: GateClues };
  collisions?: string[];
  fda: RawStatus;
  wada: RawStatus;
  evidence?: Record<string, RawEvidenceArea>;
  reviewed: string;
}

export type ContextMode = 'suppress' | 'ignore';

export interface RawRule {
  id: string;
  kind: Exclude<ClaimKind, 'mention'>;
  severity: Severity;
  substances: string[];
  title: string;
  explanation: string;
  evidence: { area: string; grade?: EvidenceGrade; reason?: string };
  patterns: string[];
  /** Regular expressions (case-insensitive) that veto a match, tested on its surroundings (rules/README.md). */
  except?: string[];
  context?: {
    negation?: ContextMode;
    rebuttal?: ContextMode;
    question?: ContextMode;
    /** Page-level rule: only flagged when the page/section also has flagged human-use copy. */
    requiresHumanUse?: boolean;
  };
  sources: string[];
  reviewed: string;
  examples: { flag: RawExample[]; pass: RawExample[] };
}

/** A string, or a sentence with the page title that puts it in context. */
export type RawExample = string | { text: string; title?: string };
export interface Example {
  text: string;
  title?: string;
}

/**
 * What the page gate looks for first (rules/README.md, "The page gate"): a text node can hold an
 * alias of the substance only if it contains every `all` clue and at least one `any` clue (plain
 * ASCII, compared in any letter case).
 */
export interface GateClues {
  all: string[];
  any: string[];
}

export interface CompiledSubstance {
  id: string;
  name: string;
  covered: boolean;
  approvedDrug: boolean;
  strong: string[];
  weak: string[];
  collisions: string[];
  /** Required for covered substances; null for contrast entries (the gate never looks for them). */
  gate: GateClues | null;
  fda: RegulatoryStatus;
  wada: RegulatoryStatus;
  evidence: Record<string, { grade: EvidenceGrade; reason: string; references: SourceRef[] }>;
}

/** A rule as the engine uses it: defaults filled in, sources resolved, examples normalised. */
export interface CompiledRule extends Omit<RawRule, 'except' | 'context' | 'sources' | 'examples'> {
  except: string[];
  context: Required<NonNullable<RawRule['context']>>;
  sources: SourceRef[];
  examples: { flag: Example[]; pass: Example[] };
}

export interface CompiledLexicon {
  /** Normalised phrase ("post workout") → tags it carries. */
  phrases: Record<string, string[]>;
  /** Longest phrase, in words. */
  maxWords: number;
  tags: string[];
}

export interface CompiledRuleSet {
  version: string;
  lexicon: CompiledLexicon;
  substances: CompiledSubstance[];
  rules: CompiledRule[];
  sources: SourceRef[];
}

/** The slice of the rule set the content script needs: alias data only, no rules. */
export interface PrefilterData {
  version: string;
  substances: Pick<CompiledSubstance, 'id' | 'name' | 'covered' | 'strong' | 'weak' | 'collisions'>[];
}
