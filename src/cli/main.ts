/**
 * peptidelens — scan saved pages and exports for IGF-1 LR3 claims, locally.
 *
 *   npm run scan -- [--format json|jsonl|md|csv] [--rules DIR] INPUT...
 *   npx peptidelens page.html notes.txt export.jsonl
 *
 * Exit codes: 0 every input was read (flags or not); 1 nothing could be scanned (bad arguments,
 * rule set missing or invalid); 2 at least one input could not be read (the others were scanned).
 * No network, ever.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Engine } from '../engine/index';
import { loadEngine } from '../node/engine';
import { toCsv, toJson, toJsonl, toMarkdown, type DocumentReport, type InputError, type ScanReport } from './formats';
import { fromStdin, readPath, readStdin, STDIN_SOURCE, type ReadResult } from './inputs';

const FORMATS = ['json', 'jsonl', 'md', 'csv'] as const;
type Format = (typeof FORMATS)[number];

export const EXIT_OK = 0;
export const EXIT_USAGE = 1;
export const EXIT_INPUT = 2;

const HELP = `peptidelens — flag IGF-1 LR3 efficacy, dosing, safety and regulatory claims in saved pages and exports.

Usage:
  peptidelens [--format json|jsonl|md|csv] [--rules DIR] INPUT...
  npm run scan -- [options] INPUT...

Inputs:
  page.html, page.htm   visible text of a saved page (scripts, hidden and editable content skipped)
  notes.txt, notes.md   plain text; offsets index into the file text
  export.jsonl          one record per line: {"id": "...", "text": "..."} or {"id": "...", "html": "..."}
  -                     stdin (read as HTML when it starts with "<", else as text)

Options:
  -f, --format FORMAT   json (default), jsonl (one finding per line), md (moderation note), csv
  -r, --rules DIR       rule set folder (default: the bundled rules/)
  -h, --help            this help
  -V, --version         version of the scanner and of the rule set

Exit codes:
  0  every input was read (whether or not anything was flagged)
  1  nothing scanned: bad arguments, or the rule set is missing or invalid
  2  some inputs could not be read (each is named on stderr; the rest were scanned)

Runs entirely on this machine; nothing is sent anywhere. Not medical advice.
`;

const say = (line: string) => process.stderr.write(`peptidelens: ${line}\n`);

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function render(format: Format, report: ScanReport): string {
  switch (format) {
    case 'jsonl':
      return toJsonl(report);
    case 'md':
      return toMarkdown(report);
    case 'csv':
      return toCsv(report);
    default:
      return toJson(report);
  }
}

function errorLine(e: InputError): string {
  return `${e.source}${e.line !== undefined ? `:${e.line}` : ''}: ${e.message}`;
}

function write(text: string): Promise<void> {
  return new Promise((done) => {
    if (!text) return done();
    process.stdout.write(text, () => done());
  });
}

function loadRules(dir: string | undefined): { engine: Engine } | { error: string } {
  try {
    return { engine: loadEngine(dir === undefined ? undefined : resolve(dir)) };
  } catch (e) {
    const err = e as Error & { problems?: string[]; code?: string };
    const where = dir ?? 'rules/';
    if (Array.isArray(err.problems)) {
      const shown = err.problems.slice(0, 20);
      const more = err.problems.length - shown.length;
      return {
        error:
          `rule set ${where} is invalid (${err.problems.length} problem${err.problems.length === 1 ? '' : 's'}):\n  ` +
          shown.join('\n  ') +
          (more > 0 ? `\n  … and ${more} more (npm run rules:check)` : ''),
      };
    }
    if (err.code === 'ENOENT') return { error: `rule set ${where} not found` };
    return { error: `cannot load rule set ${where}: ${String(err.message ?? err).split('\n')[0]}` };
  }
}

export async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        rules: { type: 'string', short: 'r' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'V' },
      },
    });
  } catch (e) {
    say(`${(e as Error).message.split('\n')[0]}`);
    say('try --help');
    return EXIT_USAGE;
  }
  const { values, positionals } = args;
  if (values.help) {
    await write(HELP);
    return EXIT_OK;
  }
  if (values.version) {
    const r = loadRules(values.rules);
    await write(`peptidelens ${packageVersion()}${'engine' in r ? ` (rules ${r.engine.rulesVersion})` : ''}\n`);
    return EXIT_OK;
  }
  const format = (values.format ?? 'json').toLowerCase() as Format;
  if (!FORMATS.includes(format)) {
    say(`unknown format "${values.format}" (use json, jsonl, md or csv)`);
    return EXIT_USAGE;
  }
  if (positionals.length === 0) {
    say('no input given (a file path, or - for stdin); try --help');
    return EXIT_USAGE;
  }

  const scannedAt = new Date().toISOString();
  const loaded = loadRules(values.rules);
  if ('error' in loaded) {
    say(loaded.error);
    // Keep stdout machine-readable even so.
    const report: ScanReport = { rulesVersion: null, scannedAt, documents: [], errors: [{ source: values.rules ?? 'rules/', message: loaded.error.split('\n')[0]! }] };
    if (format === 'json') await write(toJson(report));
    return EXIT_USAGE;
  }
  const engine = loaded.engine;

  const report: ScanReport = { rulesVersion: engine.rulesVersion, scannedAt, documents: [], errors: [] };
  let stdinUsed = false;
  for (const input of positionals) {
    let res: ReadResult;
    if (input === '-') {
      if (stdinUsed) {
        res = { documents: [], errors: [{ source: STDIN_SOURCE, message: 'stdin given more than once; read once' }] };
      } else {
        stdinUsed = true;
        const buf = await readStdin();
        res = Buffer.isBuffer(buf) ? fromStdin(buf) : { documents: [], errors: [{ source: STDIN_SOURCE, message: buf.error }] };
      }
    } else {
      res = readPath(input);
    }
    for (const e of res.errors) {
      say(errorLine(e));
      report.errors.push(e);
    }
    for (const { source, doc } of res.documents) {
      const d: DocumentReport = { source, findings: [] };
      if (doc.title !== undefined) d.title = doc.title;
      try {
        d.findings = engine.scan(doc).findings;
      } catch (e) {
        const err: InputError = { source, message: `scan failed (${String((e as Error)?.message ?? e).split('\n')[0]})` };
        say(errorLine(err));
        report.errors.push(err);
        continue;
      }
      report.documents.push(d);
    }
  }

  await write(render(format, report));
  return report.errors.length ? EXIT_INPUT : EXIT_OK;
}

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  // "peptidelens … | head" closes the pipe early: not an error worth a stack trace.
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    say(`internal error: ${String((e as Error)?.message ?? e).split('\n')[0]}`);
    process.exitCode = EXIT_USAGE;
  },
);
