import type { ClaimKind, Finding, Severity } from '../../engine/types';
import { CLAIM_KINDS } from '../../engine/types';
import { severityLabel } from '../../workflow/labels';
import { KindBadge } from './KindBadge';

export interface FilterState {
  kinds: Record<ClaimKind, boolean>;
  severities: Record<Severity, boolean>;
}

export const ALL_SHOWN: FilterState = {
  kinds: { 'efficacy-claim': true, dosing: true, 'safety-claim': true, 'regulatory-claim': true, mention: true },
  severities: { flag: true, info: true },
};

export function applyFilters(findings: readonly Finding[], s: FilterState): { finding: Finding; index: number }[] {
  return findings.map((finding, index) => ({ finding, index })).filter(({ finding }) => s.kinds[finding.kind] !== false && s.severities[finding.severity] !== false);
}

export function Filters({ findings, state, onChange }: { findings: readonly Finding[]; state: FilterState; onChange: (s: FilterState) => void }) {
  const kinds = CLAIM_KINDS.filter((k) => findings.some((f) => f.kind === k));
  const severities = (['flag', 'info'] as const).filter((s) => findings.some((f) => f.severity === s));
  return (
    <div class="filters">
      <fieldset>
        <legend>Kind</legend>
        <div class="options">
          {kinds.map((k) => (
            <label class="check" key={k}>
              <input type="checkbox" checked={state.kinds[k]} onChange={(e) => onChange({ ...state, kinds: { ...state.kinds, [k]: e.currentTarget.checked } })} />
              <KindBadge kind={k} count={findings.filter((f) => f.kind === k).length} />
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Severity</legend>
        <div class="options">
          {severities.map((s) => (
            <label class="check" key={s}>
              <input type="checkbox" checked={state.severities[s]} onChange={(e) => onChange({ ...state, severities: { ...state.severities, [s]: e.currentTarget.checked } })} />
              <span>
                {severityLabel(s)} <span class="hint">({findings.filter((f) => f.severity === s).length})</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
