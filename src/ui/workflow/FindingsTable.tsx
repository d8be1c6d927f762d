import type { Finding } from '../../engine/types';
import { gradeLabel, kindLabel, severityLabel } from '../../workflow/labels';
import { safeHref } from './dom';
import { KindBadge } from './KindBadge';
import { Quote } from './Quote';

export interface FindingsTableProps {
  /** Findings to show, each with its index in the page report (for "show on page"). */
  items: readonly { finding: Finding; index: number }[];
  /** Called with the report index; omitted where there is no page to show (case files, check text). */
  onShow?: (index: number) => void;
  /** "This flag is wrong"; omitted where it makes no sense. */
  onWrong?: (finding: Finding) => void;
  isWrong?: (finding: Finding) => boolean;
  emptyText?: string;
  /** Level of each finding's title heading (3 under a section, 4 under a page in a case). */
  headingLevel?: 3 | 4;
  /** Prefix for element ids, unique per list on the page. */
  idPrefix?: string;
}

function Source({ title, url, asOf }: { title: string; url: string; asOf: string }) {
  const href = safeHref(url);
  return (
    <li>
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {title}
        </a>
      ) : (
        title
      )}
      {asOf && <span class="hint"> (as of {asOf})</span>}
    </li>
  );
}

export function FindingItem({ finding: f, index, onShow, onWrong, isWrong, headingLevel = 3, idPrefix = 'finding' }: { finding: Finding; index: number } & Omit<FindingsTableProps, 'items' | 'emptyText'>) {
  const H = headingLevel === 4 ? 'h4' : 'h3';
  const wrong = isWrong?.(f) ?? false;
  const headingId = `${idPrefix}-${index}-title`;
  const seen = new Set<string>();
  const refs = f.sources.filter((s) => !seen.has(s.url) && seen.add(s.url));
  return (
    <li class="finding card" aria-labelledby={headingId} data-kind={f.kind} data-severity={f.severity}>
      <div class="finding-head">
        <span class="finding-num">#{index + 1}</span>
        <KindBadge kind={f.kind} />
        <span class="grade">
          {severityLabel(f.severity)} · Evidence: <strong>{gradeLabel(f.evidence.grade)}</strong>
        </span>
      </div>
      <H id={headingId} class="finding-title">
        <span class="visually-hidden">{kindLabel(f.kind)}: </span>
        {f.title}
      </H>
      <Quote finding={f} />
      <dl class="facts">
        <dt>Why it matters</dt>
        <dd>{f.explanation}</dd>
        <dt>Evidence</dt>
        <dd>
          <strong>{gradeLabel(f.evidence.grade)}.</strong> {f.evidence.reason}
        </dd>
        <dt>FDA</dt>
        <dd>
          {f.fda.summary} <span class="hint">(as of {f.fda.asOf})</span>
        </dd>
        <dt>WADA</dt>
        <dd>
          {f.wada.summary} <span class="hint">(as of {f.wada.asOf})</span>
        </dd>
        <dt>Rule</dt>
        <dd class="rule-id">{f.ruleId}</dd>
        {refs.length > 0 && (
          <>
            <dt>Sources</dt>
            <dd>
              <details>
                <summary>References ({refs.length})</summary>
                <ul class="refs">
                  {refs.map((s) => (
                    <Source key={s.url} {...s} />
                  ))}
                </ul>
              </details>
            </dd>
          </>
        )}
      </dl>
      {(onShow || onWrong) && (
        <div class="finding-actions">
          {onShow && (
            <button type="button" onClick={() => onShow(index)} aria-describedby={headingId}>
              Show on page
            </button>
          )}
          {onWrong && (
            <button type="button" class="link" aria-pressed={wrong} disabled={wrong} onClick={() => onWrong(f)} aria-describedby={headingId}>
              {wrong ? 'Marked as wrong — thank you' : 'This flag is wrong'}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

export function FindingsTable({ items, emptyText = 'No claims flagged.', ...rest }: FindingsTableProps) {
  if (items.length === 0) return <p class="card empty">{emptyText}</p>;
  return (
    <ol class="findings" aria-label="Findings">
      {items.map(({ finding, index }) => (
        <FindingItem key={index} finding={finding} index={index} {...rest} />
      ))}
    </ol>
  );
}
