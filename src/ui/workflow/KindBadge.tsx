import type { ClaimKind } from '../../engine/types';
import { kindLabel } from '../../workflow/labels';

/** A distinct shape per kind, so colour is never the only cue (the label is always there too). */
const ICON: Record<ClaimKind, string> = {
  dosing: '▲',
  'safety-claim': '◆',
  'regulatory-claim': '■',
  'efficacy-claim': '●',
  mention: '○',
};

export function KindBadge({ kind, count }: { kind: ClaimKind; count?: number }) {
  return (
    <span class={`kind kind-${kind}`} data-kind={kind}>
      <span class="kind-icon" aria-hidden="true">
        {ICON[kind] ?? '•'}
      </span>
      <span>
        {kindLabel(kind)}
        {count !== undefined && <span class="n">: {count}</span>}
      </span>
    </span>
  );
}
