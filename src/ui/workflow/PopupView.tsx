import type { PageReport } from '../../shared/messages';
import { gradeLabel, NOT_MEDICAL_ADVICE } from '../../workflow/labels';
import { CountsByKind } from './CountsByKind';
import { KindBadge } from './KindBadge';

export type PopupState =
  | { status: 'loading' }
  | { status: 'ready'; report: PageReport | null; host: string; paused: boolean; scannable: boolean };

export interface PopupActions {
  onShow: (index: number) => void;
  onPause: () => void;
  onResume: () => void;
  onOpenReport: () => void;
  onOpenCheck: () => void;
  onOpenCases: () => void;
  onOpenSettings: () => void;
}

export function PopupView({ state, error, ...a }: { state: PopupState; error?: string } & PopupActions) {
  const report = state.status === 'ready' ? state.report : null;
  // The list shows flags; mentions (info) are counted and live in the full report. `i` stays the
  // index in the report, which is what the page's 'show-finding' expects.
  const flagged = (report?.findings ?? []).map((f, i) => ({ f, i })).filter(({ f }) => f.severity === 'flag');
  const flags = flagged.length;
  const infos = (report?.findings.length ?? 0) - flags;
  return (
    <div class="popup">
      <header class="popup-head">
        <div class="row">
          <span class="brand">
            <span class="brand-mark" aria-hidden="true" />
            <h1 style="font-size:1.05rem">PeptideLens</h1>
          </span>
        </div>
        {state.status === 'ready' && state.host && <p class="site">{state.host}</p>}
      </header>
      <main class="popup-body">
        {error && (
          <p class="error-box" role="alert">
            {error}
          </p>
        )}
        {state.status === 'loading' && <p class="hint">Reading this tab…</p>}
        {state.status === 'ready' && state.paused && (
          <div class="card stack" style="gap:8px">
            <p>
              <strong>Paused on {state.host}.</strong> PeptideLens does not read this site.
            </p>
            <div>
              <button type="button" class="primary" onClick={a.onResume}>
                Resume on this site
              </button>
            </div>
          </div>
        )}
        {state.status === 'ready' && !state.paused && !state.scannable && <p class="hint">PeptideLens reads web pages (http and https). Nothing to check on this tab.</p>}
        {state.status === 'ready' && !state.paused && state.scannable && !report && <p class="hint">No report for this tab yet. If the page is still loading, open this again in a moment.</p>}
        {state.status === 'ready' && !state.paused && report && (
          <>
            <div class="stack" style="gap:6px">
              <p>
                <span class="big-count" data-testid="flag-count">
                  {flags}
                </span>{' '}
                {flags === 1 ? 'claim flagged' : 'claims flagged'} on this page
              </p>
              <CountsByKind findings={report.findings} />
            </div>
            {flagged.length > 0 && (
              <ol class="mini-findings" aria-label="Findings on this page">
                {flagged.map(({ f, i }) => (
                  <li class="mini-finding" key={i} data-kind={f.kind}>
                    <div class="row">
                      <KindBadge kind={f.kind} />
                      <span class="grade">
                        Evidence: <strong>{gradeLabel(f.evidence.grade)}</strong>
                      </span>
                    </div>
                    <blockquote class="quote">“{f.text}”</blockquote>
                    <div class="row">
                      <button type="button" onClick={() => a.onShow(i)} aria-label={`Show on page: ${f.text.slice(0, 80)}`}>
                        Show on page
                      </button>
                    </div>
                  </li>
                ))}
              </ol>
            )}
            {infos > 0 && (
              <p class="hint">
                Also {infos} {infos === 1 ? 'mention' : 'mentions'} with status information; see the full report.
              </p>
            )}
            <p class="hint">{NOT_MEDICAL_ADVICE}</p>
          </>
        )}
      </main>
      <footer class="popup-foot">
        {state.status === 'ready' && report && (
          <button type="button" class="primary" onClick={a.onOpenReport}>
            Open full report
          </button>
        )}
        {state.status === 'ready' && state.scannable && !state.paused && (
          <button type="button" onClick={a.onPause}>
            Pause on this site
          </button>
        )}
        <button type="button" class="link" onClick={a.onOpenCheck}>
          Check text
        </button>
        <button type="button" class="link" onClick={a.onOpenCases}>
          Case files
        </button>
        <button type="button" class="link" onClick={a.onOpenSettings}>
          Settings
        </button>
      </footer>
    </div>
  );
}
