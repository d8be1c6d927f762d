#!/usr/bin/env node
// Validates the labelled evaluation corpus (tests/corpus/).
//   node tests/corpus/validate.mjs          -> checks, prints counts, exit 1 on any problem
// Checks: every JSONL line parses and has the required fields; label kinds are known;
// at most one label per kind per sentence; every span is an exact substring of its text;
// each page has a sidecar; every flag / mustNotFlag text occurs in the page's VISIBLE text
// (script/style/noscript/template, [hidden] and inline display:none removed); every
// "hidden" text occurs in the raw HTML but not in the visible text; flags and mustNotFlag
// do not overlap.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';

const here = dirname(fileURLToPath(import.meta.url));
const KINDS = new Set(['efficacy-claim', 'dosing', 'safety-claim', 'regulatory-claim']);
const GENRES = new Set(['shop', 'forum', 'social', 'blog', 'news', 'regulator', 'label', 'educational', 'offtopic']);
const TAGS = new Set([...GENRES, 'negation', 'hedged', 'rebuttal', 'question', 'ruo', 'label-dosing', 'collision', 'typo', 'no-substance-in-sentence']);
const problems = [];
const norm = (s) => s.replace(/\s+/g, ' ').trim();

// ---------- sentences.jsonl ----------
const lines = readFileSync(join(here, 'sentences.jsonl'), 'utf8').split('\n').filter((l) => l.trim());
const ids = new Set();
const kindCount = {}, tagCount = {};
let unlabelled = 0, synthetic = 0;
lines.forEach((line, i) => {
  let o;
  try { o = JSON.parse(line); } catch (e) { problems.push(`line ${i + 1}: JSON parse error ${e.message}`); return; }
  const where = `line ${i + 1} (${o.id})`;
  if (!o.id || ids.has(o.id)) problems.push(`${where}: missing or duplicate id`);
  ids.add(o.id);
  if (typeof o.text !== 'string' || !o.text.trim()) problems.push(`${where}: empty text`);
  if (!Array.isArray(o.labels)) problems.push(`${where}: labels not an array`);
  if (!Array.isArray(o.tags) || !o.tags.some((t) => GENRES.has(t))) problems.push(`${where}: tags must include a genre`);
  for (const t of o.tags ?? []) { if (!TAGS.has(t)) problems.push(`${where}: unknown tag ${t}`); tagCount[t] = (tagCount[t] ?? 0) + 1; }
  if (typeof o.source !== 'string' || !/^(https?:\/\/|synthetic:policy$)/.test(o.source)) problems.push(`${where}: bad source`);
  if (o.source === 'synthetic:policy') synthetic++;
  if (o.context && typeof o.context !== 'object') problems.push(`${where}: context must be an object`);
  const seen = new Set();
  for (const l of o.labels ?? []) {
    if (!KINDS.has(l.kind)) problems.push(`${where}: unknown kind ${l.kind}`);
    if (seen.has(l.kind)) problems.push(`${where}: two labels of kind ${l.kind}`);
    seen.add(l.kind);
    if (!l.span || !o.text.includes(l.span)) problems.push(`${where}: span not in text: ${JSON.stringify(l.span)}`);
    kindCount[l.kind] = (kindCount[l.kind] ?? 0) + 1;
  }
  if ((o.labels ?? []).length === 0) unlabelled++;
  if ((o.tags ?? []).includes('offtopic') && o.labels?.length) problems.push(`${where}: offtopic item has labels`);
});

// ---------- pages ----------
function visibleText(html) {
  const { document } = parseHTML(html);
  for (const el of [...document.querySelectorAll('script, style, noscript, template, [hidden]')]) el.remove();
  for (const el of [...document.querySelectorAll('[style]')]) {
    if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.getAttribute('style'))) el.remove();
  }
  const parts = [];
  const walk = (n) => { for (const c of n.childNodes) { if (c.nodeType === 3) parts.push(c.textContent); else if (c.nodeType === 1) walk(c); } };
  walk(document.documentElement);
  return norm(parts.join(' '));
}
const pagesDir = join(here, 'pages');
const pageStats = [];
for (const f of readdirSync(pagesDir).filter((f) => f.endsWith('.html')).sort()) {
  const side = join(pagesDir, f.replace(/\.html$/, '.labels.json'));
  if (!existsSync(side)) { problems.push(`${f}: no sidecar`); continue; }
  const html = readFileSync(join(pagesDir, f), 'utf8');
  let lab;
  try { lab = JSON.parse(readFileSync(side, 'utf8')); } catch (e) { problems.push(`${f}: sidecar parse error ${e.message}`); continue; }
  if (!/^https?:\/\//.test(lab.source ?? '')) problems.push(`${f}: sidecar source missing`);
  if (!GENRES.has(lab.genre)) problems.push(`${f}: bad genre ${lab.genre}`);
  const vis = visibleText(html);
  const rawNorm = norm(html.replace(/&amp;/g, '&'));
  for (const fl of lab.flags ?? []) {
    if (!KINDS.has(fl.kind)) problems.push(`${f}: unknown flag kind ${fl.kind}`);
    if (!vis.includes(norm(fl.text))) problems.push(`${f}: flag text not visible: ${JSON.stringify(fl.text)}`);
  }
  for (const t of lab.mustNotFlag ?? []) {
    if (!vis.includes(norm(t))) problems.push(`${f}: mustNotFlag text not visible: ${JSON.stringify(t)}`);
    for (const fl of lab.flags ?? []) if (norm(t).includes(norm(fl.text)) || norm(fl.text).includes(norm(t))) problems.push(`${f}: mustNotFlag overlaps flag ${JSON.stringify(fl.text)}`);
  }
  for (const t of lab.hidden ?? []) {
    if (vis.includes(norm(t))) problems.push(`${f}: hidden text is visible: ${JSON.stringify(t)}`);
    if (!rawNorm.includes(norm(t))) problems.push(`${f}: hidden text not in raw HTML: ${JSON.stringify(t)}`);
  }
  if (lab.genre === 'offtopic' && (lab.flags ?? []).length) problems.push(`${f}: offtopic page has flags`);
  pageStats.push(`${f}: ${lab.flags.length} flags, ${lab.mustNotFlag.length} mustNotFlag, ${(lab.hidden ?? []).length} hidden`);
}

console.log(`sentences: ${lines.length} (unlabelled ${unlabelled}, synthetic ${synthetic} = ${(100 * synthetic / lines.length).toFixed(1)}%)`);
console.log('labels by kind:', kindCount);
console.log('tags:', tagCount);
console.log(pageStats.join('\n'));
if (problems.length) { console.error(`\n${problems.length} problem(s):\n` + problems.join('\n')); process.exit(1); }
console.log('\nOK');
