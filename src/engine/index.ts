/**
 * The engine: a document (ordered blocks) in, findings out. Pure TypeScript; runs in Node and in
 * the extension's background. Cheap prefilter first; compromise only on text that can matter.
 */
import type { CompiledRuleSet } from '../rules/schema';
import { prefilterData } from '../rules/compile';
import { createPrefilter, type Prefilter } from './prefilter';
import { textToDocument } from './blocks';
import { scanDocument, type ScanOptions } from './scan';
import type { DocumentInput, ScanResult } from './types';

export interface Engine {
  readonly rulesVersion: string;
  readonly rules: CompiledRuleSet;
  readonly prefilter: Prefilter;
  scan(doc: DocumentInput, opts?: ScanOptions): ScanResult;
  /** Plain text (paragraphs split on blank lines); offsets index into `text`. */
  scanText(text: string, title?: string): ScanResult;
}

export function createEngine(rules: CompiledRuleSet): Engine {
  const prefilter = createPrefilter(prefilterData(rules));
  const scan = (doc: DocumentInput, opts?: ScanOptions): ScanResult => ({ rulesVersion: rules.version, findings: scanDocument(rules, prefilter, doc, opts) });
  return {
    rulesVersion: rules.version,
    rules,
    prefilter,
    scan,
    scanText: (text, title) => scan(textToDocument(text, title)),
  };
}

export type { DocumentInput, ScanResult, Finding, Block } from './types';
