/**
 * Node-only: read rules/ from disk and compile it. Used by the CLI, the tests, the benchmarks and
 * the Vite plugin that bundles the compiled rule set into the extension.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { compileRuleSet, RuleSetError, type RawRuleSetFiles, type RuleFile } from './compile';
import type { CompiledRuleSet } from './schema';

export const DEFAULT_RULES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../rules');

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

export function readRuleFiles(dir = DEFAULT_RULES_DIR): RawRuleSetFiles {
  const problems: string[] = [];
  const read = (abs: string): RuleFile => {
    const path = relative(dir, abs).split(sep).join('/');
    try {
      return { path, data: parse(readFileSync(abs, 'utf8')) };
    } catch (e) {
      problems.push(`${path}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
      return { path, data: null };
    }
  };
  const all = walk(dir);
  const sourcesPath = all.find((p) => relative(dir, p) === 'sources.yaml');
  const lexiconPath = all.find((p) => relative(dir, p) === 'lexicon.yaml');
  if (!sourcesPath) throw new RuleSetError([`${dir}: sources.yaml is missing`]);
  if (!lexiconPath) throw new RuleSetError([`${dir}: lexicon.yaml is missing`]);
  const files: RawRuleSetFiles = {
    sources: read(sourcesPath),
    lexicon: read(lexiconPath),
    substances: all.filter((p) => relative(dir, p).startsWith('substances' + sep)).map(read),
    rules: all.filter((p) => p !== sourcesPath && p !== lexiconPath && !relative(dir, p).startsWith('substances' + sep)).map(read),
  };
  if (problems.length) throw new RuleSetError(problems);
  return files;
}

export function loadRuleSetFromDisk(dir = DEFAULT_RULES_DIR): CompiledRuleSet {
  return compileRuleSet(readRuleFiles(dir));
}
