/**
 * What one finding means, in plain words. Props only: the page container decides where it sits,
 * when it opens and where focus goes back. Page text is rendered as text, never as HTML.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Finding } from '../engine/types';
import { gradeLabel, NOT_MEDICAL_ADVICE } from '../workflow/labels';
import { claimWords } from './words';

export interface PopoverPos {
  top?: number;
  bottom?: number;
  left: number;
  maxHeight: number;
}

export interface PopoverProps {
  finding: Finding;
  /** Viewport position (the host is fixed at 0,0): below the text (top) or above it (bottom). */
  pos: PopoverPos;
  reported: boolean;
  onClose(): void;
  onReportWrong(): void;
}

const safeUrl = (url: string) => (/^https?:\/\//i.test(url) ? url : undefined);

export function Popover({ finding: f, pos, reported, onClose, onReportWrong }: PopoverProps) {
  const ref = useRef<HTMLDivElement>(null);
  // Focus moves into the dialog when it opens (or shows another finding).
  useEffect(() => ref.current?.focus({ preventScroll: true }), [f]);
  const titleId = 'pl-pop-title';
  return (
    <div
      ref={ref}
      class="pl-pop"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      tabIndex={-1}
      data-severity={f.severity}
      data-kind={f.kind}
      style={{
        left: `${pos.left}px`,
        maxHeight: `${pos.maxHeight}px`,
        ...(pos.bottom !== undefined ? { bottom: `${pos.bottom}px` } : { top: `${pos.top ?? 0}px` }),
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div class="pl-pop-head">
        <div>
          <span class="pl-pop-kind">{f.severity === 'flag' ? claimWords(f.kind) : `About ${f.substanceName}`}</span>
          <h2 id={titleId}>{f.title}</h2>
        </div>
        <button type="button" class="pl-close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <blockquote class="pl-quote">“{f.text}”</blockquote>
      <p>{f.explanation}</p>
      <dl class="pl-facts">
        <dt>Evidence</dt>
        <dd>
          <span class="pl-grade">{gradeLabel(f.evidence.grade)}</span>. {f.evidence.reason}
        </dd>
        <dt>FDA</dt>
        <dd>
          {f.fda.summary} <span class="pl-asof">(as of {f.fda.asOf})</span>
        </dd>
        <dt>WADA</dt>
        <dd>
          {f.wada.summary} <span class="pl-asof">(as of {f.wada.asOf})</span>
        </dd>
      </dl>
      {f.sources.length > 0 && (
        <>
          <h3>References</h3>
          <ul class="pl-refs">
            {f.sources.map((s) => (
              <li key={s.id}>
                <a href={safeUrl(s.url)} target="_blank" rel="noopener noreferrer">
                  {s.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <div class="pl-foot">
        <p class="pl-nma">{NOT_MEDICAL_ADVICE.split('.')[0]}.</p>
        <button type="button" class="pl-wrong" disabled={reported} onClick={onReportWrong}>
          {reported ? 'Thanks, noted' : 'This flag is wrong'}
        </button>
      </div>
    </div>
  );
}
