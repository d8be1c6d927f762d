/**
 * The accessible way to every finding: a compact corner button ("PeptideLens: 3 flags") that opens
 * a list; each entry jumps to its flag and opens its popover. Arrow keys move through the list.
 * One entry per finding carries the stable test hooks (data-finding, data-severity, data-kind,
 * data-rule, data-text).
 *
 * Plain DOM, not Preact: a 5,000-post page has ~1,100 entries, and diffing them as a component on
 * every batch of findings cost ~70 ms of the page's main thread. Entries are made once per finding
 * (kept by identity), in short slices (`step`), inside a list that stays display:none until
 * opened, so they cost no style or layout either.
 */
import type { ClaimKind, Severity } from '../engine/types';
import { claimWords } from './words';

export interface ListEntry {
  severity: Severity;
  kind: ClaimKind;
  ruleId: string;
  text: string;
  substanceName: string;
}

export interface FindingsList {
  readonly el: HTMLElement;
  /** What to show; counts and the toggle update now, entries on the following steps. */
  set(entries: readonly ListEntry[], flags: number): void;
  /** Work for at most `budgetMs`; true when the entries match the last set(). */
  step(budgetMs: number): boolean;
  readonly open: boolean;
  setOpen(open: boolean): void;
  /** Open the list (entries completed now) and focus its first entry. */
  focusFirst(): void;
}

const clip = (s: string, n = 90) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

export function createFindingsList(onSelect: (index: number, from: HTMLElement) => void): FindingsList {
  const doc = document;
  const section = doc.createElement('section');
  section.className = 'pl-panel';
  section.setAttribute('aria-label', 'PeptideLens findings');
  section.hidden = true;
  const ol = doc.createElement('ol');
  ol.className = 'pl-list';
  ol.id = 'pl-list';
  ol.hidden = true;
  ol.setAttribute('aria-label', 'Claims found on this page');
  const toggle = doc.createElement('button');
  toggle.type = 'button';
  toggle.className = 'pl-toggle';
  toggle.setAttribute('aria-controls', 'pl-list');
  toggle.setAttribute('aria-keyshortcuts', 'Alt+Shift+L');
  toggle.setAttribute('aria-expanded', 'false');
  section.append(ol, toggle);

  const items = new WeakMap<ListEntry, HTMLLIElement>();
  let wanted: readonly ListEntry[] = [];
  let made = 0;
  let placed = true;
  let open = false;

  const make = (e: ListEntry): HTMLLIElement => {
    const li = doc.createElement('li');
    const b = doc.createElement('button');
    b.type = 'button';
    b.className = 'pl-item';
    b.dataset.severity = e.severity;
    b.dataset.kind = e.kind;
    b.dataset.rule = e.ruleId;
    b.dataset.text = e.text;
    const kind = doc.createElement('span');
    kind.className = 'pl-item-kind';
    kind.textContent = e.severity === 'flag' ? claimWords(e.kind) : `${e.substanceName} status`;
    const text = doc.createElement('span');
    text.className = 'pl-item-text';
    text.textContent = `“${clip(e.text)}”`;
    b.append(kind, text);
    li.append(b);
    items.set(e, li);
    return li;
  };

  /** Entries in the wanted order, with their current index: only what changed is moved. */
  const place = () => {
    const lis = wanted.map((e) => items.get(e)!);
    const keep = new Set<Element>(lis);
    for (let c = ol.firstElementChild; c; ) {
      const next = c.nextElementSibling;
      if (!keep.has(c)) c.remove();
      c = next;
    }
    let cur = ol.firstElementChild;
    lis.forEach((li, i) => {
      if (li === cur) cur = cur.nextElementSibling;
      else ol.insertBefore(li, cur);
      const b = li.firstElementChild as HTMLElement;
      const at = String(i);
      if (b.getAttribute('data-finding') !== at) b.setAttribute('data-finding', at);
    });
    placed = true;
  };

  const step = (budgetMs: number): boolean => {
    if (placed) return true;
    const until = performance.now() + budgetMs;
    while (made < wanted.length) {
      const e = wanted[made++];
      if (!items.has(e)) make(e);
      if ((made & 63) === 0 && performance.now() > until) return false;
    }
    place();
    return true;
  };

  ol.addEventListener('click', (e) => {
    const b = (e.target as Element).closest<HTMLElement>('.pl-item');
    if (b) onSelect(Number(b.dataset.finding), b);
  });
  ol.addEventListener('keydown', (e) => {
    const list = [...ol.querySelectorAll<HTMLElement>('.pl-item')];
    const at = list.indexOf((e.target as HTMLElement).closest('.pl-item') as HTMLElement);
    let next = -1;
    if (e.key === 'ArrowDown' || e.key === 'j') next = Math.min(list.length - 1, at + 1);
    else if (e.key === 'ArrowUp' || e.key === 'k') next = Math.max(0, at - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = list.length - 1;
    if (next < 0) return;
    e.preventDefault();
    list[next]?.focus();
  });

  const api: FindingsList = {
    el: section,
    get open() {
      return open;
    },
    set(entries, flags) {
      wanted = entries;
      made = 0;
      placed = false;
      const infos = entries.length - flags;
      const label = `PeptideLens: ${flags} flag${flags === 1 ? '' : 's'}` + (infos ? ` · ${infos} note${infos === 1 ? '' : 's'}` : '');
      if (toggle.textContent !== label) toggle.textContent = label;
      const has = flags > 0 ? 'true' : 'false';
      if (toggle.dataset.hasFlags !== has) toggle.dataset.hasFlags = has;
      if (section.hidden !== (entries.length === 0)) section.hidden = entries.length === 0;
      // An open list is being read: keep it complete.
      if (open) step(Infinity);
    },
    step,
    setOpen(value) {
      open = value;
      if (open) step(Infinity);
      ol.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
    },
    focusFirst() {
      api.setOpen(true);
      ol.querySelector<HTMLElement>('.pl-item')?.focus();
    },
  };
  toggle.addEventListener('click', () => api.setOpen(!open));
  return api;
}
