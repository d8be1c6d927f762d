/**
 * "This flag is wrong": records kept locally so a person can send them to us by hand.
 * Pure functions over the stored list; nothing here touches the network.
 */
import type { Finding } from '../engine/types';
import type { WrongFlagRecord } from '../shared/messages';

export const WRONG_FLAGS_KEY = 'wrongFlags';
export const WRONG_FLAGS_FORMAT = 'peptidelens-wrong-flags';
/** Oldest records are dropped past this many (a few hundred KB at most). */
export const MAX_WRONG_FLAGS = 1000;

export function makeWrongFlag(f: Pick<Finding, 'ruleId' | 'kind' | 'text' | 'sentence'>, url: string, rulesVersion: string, at: string, note?: string): WrongFlagRecord {
  const rec: WrongFlagRecord = { ruleId: f.ruleId, kind: f.kind, quote: f.text, sentence: f.sentence, url, rulesVersion, at };
  if (note && note.trim()) rec.note = note.trim().slice(0, 2000);
  return rec;
}

export function sameFlag(a: WrongFlagRecord, b: WrongFlagRecord): boolean {
  return a.ruleId === b.ruleId && a.quote === b.quote && a.url === b.url;
}

/** Keep only well-formed records (storage may hold anything after a hand edit). */
export function normaliseWrongFlags(raw: unknown): WrongFlagRecord[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (r): r is WrongFlagRecord =>
      typeof r === 'object' && r !== null && ['ruleId', 'kind', 'quote', 'sentence', 'url', 'rulesVersion', 'at'].every((k) => typeof (r as Record<string, unknown>)[k] === 'string'),
  );
}

/** Validate a record that arrived in a message; returns null when it is not one. */
export function checkWrongFlag(raw: unknown): WrongFlagRecord | null {
  const [r] = normaliseWrongFlags([raw]);
  if (!r) return null;
  const clip = (s: string, n: number) => s.slice(0, n);
  const rec: WrongFlagRecord = {
    ruleId: clip(r.ruleId, 300),
    kind: clip(r.kind, 60),
    quote: clip(r.quote, 5000),
    sentence: clip(r.sentence, 10000),
    url: clip(r.url, 4096),
    rulesVersion: clip(r.rulesVersion, 100),
    at: clip(r.at, 40),
  };
  if (typeof r.note === 'string' && r.note.trim()) rec.note = clip(r.note.trim(), 2000);
  return rec;
}

/** Add a record; the same flag reported again replaces the older record (newest first). */
export function addWrongFlag(list: readonly WrongFlagRecord[], rec: WrongFlagRecord): WrongFlagRecord[] {
  return [rec, ...list.filter((r) => !sameFlag(r, rec))].slice(0, MAX_WRONG_FLAGS);
}

export function removeWrongFlag(list: readonly WrongFlagRecord[], rec: WrongFlagRecord): WrongFlagRecord[] {
  return list.filter((r) => !sameFlag(r, rec));
}

export function isFlaggedWrong(list: readonly WrongFlagRecord[], f: Pick<Finding, 'ruleId' | 'text'>, url: string): boolean {
  return list.some((r) => r.ruleId === f.ruleId && r.quote === f.text && r.url === url);
}

export function wrongFlagsToJson(list: readonly WrongFlagRecord[], extensionVersion: string, exportedAt = new Date().toISOString()): string {
  return JSON.stringify({ format: WRONG_FLAGS_FORMAT, version: 1, exportedAt, extensionVersion, records: list }, null, 2);
}
