/**
 * What we draw in the page's shadow root with Preact, from props the page controller owns: the
 * polite announcement and the popover. (The findings list is plain DOM: see findings-list.ts.)
 */
import type { Finding } from '../engine/types';
import { Popover, type PopoverPos } from './Popover';

export interface AppProps {
  /** Polite screen-reader announcement ("PeptideLens found 3 claims on this page"). */
  announcement: string;
  popover: { finding: Finding; pos: PopoverPos; reported: boolean } | null;
  onClosePopover(): void;
  onReportWrong(): void;
}

export function App(p: AppProps) {
  return (
    <>
      <div class="sr-only" role="status" aria-live="polite">
        {p.announcement}
      </div>
      {p.popover && (
        <Popover
          finding={p.popover.finding}
          pos={p.popover.pos}
          reported={p.popover.reported}
          onClose={p.onClosePopover}
          onReportWrong={p.onReportWrong}
        />
      )}
    </>
  );
}
