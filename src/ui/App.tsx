/** Everything we draw in the page's shadow root, from props the page controller owns. */
import type { Finding } from '../engine/types';
import { FindingsPanel } from './FindingsPanel';
import { Popover, type PopoverPos } from './Popover';

export interface AppProps {
  findings: Finding[];
  flags: number;
  listOpen: boolean;
  /** Polite screen-reader announcement ("PeptideLens found 3 claims on this page"). */
  announcement: string;
  popover: { index: number; pos: PopoverPos; reported: boolean } | null;
  onToggleList(): void;
  onSelect(index: number, from: HTMLElement): void;
  onClosePopover(): void;
  onReportWrong(index: number): void;
}

export function App(p: AppProps) {
  const open = p.popover && p.findings[p.popover.index] ? p.popover : null;
  return (
    <>
      <div class="sr-only" role="status" aria-live="polite">
        {p.announcement}
      </div>
      <FindingsPanel findings={p.findings} flags={p.flags} open={p.listOpen} onToggle={p.onToggleList} onSelect={p.onSelect} />
      {open && (
        <Popover
          finding={p.findings[open.index]}
          pos={open.pos}
          reported={open.reported}
          onClose={p.onClosePopover}
          onReportWrong={() => p.onReportWrong(open.index)}
        />
      )}
    </>
  );
}
