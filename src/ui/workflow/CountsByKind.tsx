import type { Finding } from '../../engine/types';
import { countByKind } from '../../workflow/labels';
import { KindBadge } from './KindBadge';

export function CountsByKind({ findings, label = 'Findings by kind' }: { findings: readonly Finding[]; label?: string }) {
  const counts = countByKind(findings);
  if (counts.length === 0) return null;
  return (
    <ul class="counts" aria-label={label}>
      {counts.map((c) => (
        <li key={c.kind}>
          <KindBadge kind={c.kind} count={c.count} />
        </li>
      ))}
    </ul>
  );
}
