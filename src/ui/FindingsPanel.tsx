/**
 * The accessible way to every finding: a compact corner button ("PeptideLens: 3 flags") that opens
 * a list; each entry jumps to its flag and opens its popover. Arrow keys move through the list.
 * One entry per finding carries the stable test hooks (data-finding, data-severity, data-kind,
 * data-rule, data-text). Props only.
 */
import type { Finding } from '../engine/types';
import { claimWords } from './words';

export interface FindingsPanelProps {
  findings: Finding[];
  flags: number;
  open: boolean;
  onToggle(): void;
  onSelect(index: number, from: HTMLElement): void;
}

const clip = (s: string, n = 90) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

function moveFocus(e: KeyboardEvent) {
  const items = [...((e.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('.pl-item'))];
  const at = items.indexOf((e.target as HTMLElement).closest('.pl-item') as HTMLElement);
  let next = -1;
  if (e.key === 'ArrowDown' || e.key === 'j') next = Math.min(items.length - 1, at + 1);
  else if (e.key === 'ArrowUp' || e.key === 'k') next = Math.max(0, at - 1);
  else if (e.key === 'Home') next = 0;
  else if (e.key === 'End') next = items.length - 1;
  if (next < 0) return;
  e.preventDefault();
  items[next]?.focus();
}

export function FindingsPanel({ findings, flags, open, onToggle, onSelect }: FindingsPanelProps) {
  const infos = findings.length - flags;
  const label =
    `PeptideLens: ${flags} flag${flags === 1 ? '' : 's'}` + (infos ? ` · ${infos} note${infos === 1 ? '' : 's'}` : '');
  return (
    <section class="pl-panel" aria-label="PeptideLens findings" hidden={findings.length === 0}>
      <ol class="pl-list" id="pl-list" hidden={!open} aria-label="Claims found on this page" onKeyDown={moveFocus}>
        {findings.map((f, i) => (
          <li key={i}>
            <button
              type="button"
              class="pl-item"
              data-finding={i}
              data-severity={f.severity}
              data-kind={f.kind}
              data-rule={f.ruleId}
              data-text={f.text}
              onClick={(e) => onSelect(i, e.currentTarget)}
            >
              <span class="pl-item-kind">{f.severity === 'flag' ? claimWords(f.kind) : `${f.substanceName} status`}</span>
              <span class="pl-item-text">“{clip(f.text)}”</span>
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        class="pl-toggle"
        data-has-flags={flags > 0 ? 'true' : 'false'}
        aria-expanded={open}
        aria-controls="pl-list"
        aria-keyshortcuts="Alt+Shift+L"
        onClick={onToggle}
      >
        {label}
      </button>
    </section>
  );
}
