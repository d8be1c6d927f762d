/**
 * Thin wrappers over browser.storage for the workflow: cases and wrong-flag records in
 * storage.local, the check-text hand-off in storage.session. Writes are verified by reading back;
 * a failed write (quota, a closed profile) leaves the previous value in place and throws a
 * message a person can act on.
 */
import { browser } from 'wxt/browser';
import type { WrongFlagRecord } from '../shared/messages';
import { CASES_KEY, normaliseStore, type CaseStore } from './cases';
import { addWrongFlag, normaliseWrongFlags, WRONG_FLAGS_KEY } from './wrong-flags';

export const CHECK_PREFILL_KEY = 'checkPrefill';

export class StorageError extends Error {}

/** JSON with object keys sorted: Chrome hands stored objects back with their keys sorted. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

async function writeVerified(key: string, value: unknown): Promise<void> {
  const json = canonicalJson(value);
  try {
    await browser.storage.local.set({ [key]: value });
  } catch (e) {
    const msg = String((e as Error)?.message ?? e);
    throw new StorageError(
      /quota/i.test(msg)
        ? 'The browser’s storage for PeptideLens is full. Export a case you no longer need and delete it, then try again. Nothing was changed.'
        : `Could not save: ${msg}. Nothing was changed.`,
    );
  }
  const back = await browser.storage.local.get(key);
  if (canonicalJson(back[key]) !== json) throw new StorageError('The browser did not keep what was saved. Try again; if it keeps failing, export your cases.');
}

export async function loadCases(): Promise<CaseStore> {
  const got = await browser.storage.local.get(CASES_KEY);
  return normaliseStore(got[CASES_KEY]);
}

/**
 * Read the cases, apply `change`, write the result and verify it. `change` is pure; if it throws
 * (a bad name, a rejected import) nothing is written.
 */
export async function updateCases<T>(change: (store: CaseStore) => { store: CaseStore; result: T }): Promise<T> {
  const { store, result } = change(await loadCases());
  await writeVerified(CASES_KEY, store);
  return result;
}

export function onCasesChanged(cb: (store: CaseStore) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && CASES_KEY in changes) cb(normaliseStore(changes[CASES_KEY].newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export async function loadWrongFlags(): Promise<WrongFlagRecord[]> {
  const got = await browser.storage.local.get(WRONG_FLAGS_KEY);
  return normaliseWrongFlags(got[WRONG_FLAGS_KEY]);
}

export async function saveWrongFlags(list: WrongFlagRecord[]): Promise<void> {
  await writeVerified(WRONG_FLAGS_KEY, list);
}

export async function recordWrongFlag(rec: WrongFlagRecord): Promise<void> {
  await saveWrongFlags(addWrongFlag(await loadWrongFlags(), rec));
}

export function onWrongFlagsChanged(cb: (list: WrongFlagRecord[]) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && WRONG_FLAGS_KEY in changes) cb(normaliseWrongFlags(changes[WRONG_FLAGS_KEY].newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** storage.session where the browser has it (Chrome 102+, Firefox 115+), else storage.local. */
function handOffArea() {
  return (browser.storage as unknown as { session?: typeof browser.storage.local }).session ?? browser.storage.local;
}

/** The background leaves the selected text here for the check-text page (not in a long URL). */
export async function setCheckPrefill(text: string): Promise<void> {
  await handOffArea().set({ [CHECK_PREFILL_KEY]: { text, at: Date.now() } });
}

/** Take the hand-off once: read it and remove it. Stale hand-offs (over 5 minutes) are ignored. */
export async function takeCheckPrefill(): Promise<string | null> {
  const area = handOffArea();
  const got = await area.get(CHECK_PREFILL_KEY);
  const v = got[CHECK_PREFILL_KEY] as { text?: unknown; at?: unknown } | undefined;
  if (!v) return null;
  await area.remove(CHECK_PREFILL_KEY);
  if (typeof v.text !== 'string' || typeof v.at !== 'number' || Date.now() - v.at > 5 * 60_000) return null;
  return v.text;
}
