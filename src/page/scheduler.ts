/**
 * Keeping the page's main thread free: long work runs in slices of a few milliseconds, and DOM
 * changes are only collected when they happen, then handled later in one batch.
 */

/** Yield to the page: let input, rendering and the page's own tasks run before we continue. */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Run `step(budgetMs)` until it returns true, yielding between slices. The first slice also waits
 * for a yield when the previous slice (of any sliced work) began more than half a budget ago,
 * so phases run back to back do not add up into one long task.
 */
export async function runSliced(step: (budgetMs: number) => boolean, budgetMs = 8, signal?: AbortSignal): Promise<boolean> {
  if (performance.now() - sliceStart > budgetMs / 2) await yieldToPage();
  while (!signal?.aborted) {
    sliceStart = performance.now();
    if (step(budgetMs)) return true;
    await yieldToPage();
  }
  return false;
}

/** When the current slice of sliced work began (see runSliced). */
let sliceStart = -Infinity;

export interface ChangeBatch {
  /** Nodes whose subtree changed (parents of added/removed nodes, changed text, toggled attributes). */
  targets: Set<Node>;
  /** Added subtrees (cheap check: do they mention anything before we re-read their section?). */
  added: Node[];
  removedSomething: boolean;
}

/**
 * A MutationObserver whose callback only records what changed; `onBatch` runs once per quiet
 * period (after `delayMs`, or at most `maxWaitMs` after the first change) on idle time.
 */
export function watchChanges(
  ignore: (n: Node) => boolean,
  onBatch: (batch: ChangeBatch) => void,
  { delayMs = 120, maxWaitMs = 600 } = {},
): { observe(root: Node): void; disconnect(): void; flush(): void; pending(): boolean } {
  let batch: ChangeBatch = { targets: new Set(), added: [], removedSomething: false };
  let timer: ReturnType<typeof setTimeout> | 0 = 0;
  let first = 0;

  const fire = () => {
    timer = 0;
    first = 0;
    const b = batch;
    batch = { targets: new Set(), added: [], removedSomething: false };
    if (b.targets.size) onBatch(b);
  };
  const schedule = () => {
    const now = performance.now();
    if (!first) first = now;
    if (timer) clearTimeout(timer);
    timer = setTimeout(fire, now - first > maxWaitMs ? 0 : delayMs);
  };

  const collect = (records: MutationRecord[]) => {
    let any = false;
    for (const r of records) {
      if (ignore(r.target)) continue;
      if (r.type === 'childList') {
        for (const n of r.addedNodes) if (!ignore(n)) batch.added.push(n);
        if (r.removedNodes.length) batch.removedSomething = true;
      }
      batch.targets.add(r.type === 'characterData' ? (r.target.parentNode ?? r.target) : r.target);
      any = true;
    }
    if (any) schedule();
  };
  const mo = new MutationObserver(collect);
  const opts: MutationObserverInit = {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    // Only attributes that show or hide content ("show more", tabs, <details>).
    attributeFilter: ['hidden', 'style', 'class', 'open', 'aria-hidden', 'aria-expanded'],
  };
  return {
    observe: (root) => mo.observe(root, opts),
    disconnect: () => {
      mo.disconnect();
      if (timer) clearTimeout(timer);
    },
    flush: () => {
      collect(mo.takeRecords());
      if (timer) clearTimeout(timer);
      fire();
    },
    pending: () => timer !== 0,
  };
}
