import type { CompiledRuleSet } from '../rules/schema';
import type { Prefilter } from './prefilter';
import type { DocumentInput, Finding } from './types';

// Placeholder until the matcher lands; keeps the contract compiling for the CLI and page work.
export function scanDocument(_rules: CompiledRuleSet, _prefilter: Prefilter, _doc: DocumentInput): Finding[] {
  return [];
}
