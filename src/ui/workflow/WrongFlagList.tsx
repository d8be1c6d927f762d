import type { WrongFlagRecord } from '../../shared/messages';
import { kindLabel } from '../../workflow/labels';
import { formatLocal } from './dom';

export function WrongFlagList({ records, onRemove }: { records: readonly WrongFlagRecord[]; onRemove: (r: WrongFlagRecord) => void }) {
  if (records.length === 0) return <p class="hint">You have not marked any flag as wrong.</p>;
  return (
    <table aria-label="Flags you marked as wrong">
      <thead>
        <tr>
          <th scope="col">Quote</th>
          <th scope="col">Kind and rule</th>
          <th scope="col">Page</th>
          <th scope="col">When</th>
          <th scope="col">
            <span class="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {records.map((r) => (
          <tr key={`${r.ruleId}|${r.url}|${r.quote}`}>
            <td>“{r.quote}”</td>
            <td>
              {kindLabel(r.kind)}
              <div class="rule-id">{r.ruleId}</div>
            </td>
            <td class="url">{r.url}</td>
            <td>{formatLocal(r.at)}</td>
            <td>
              <button type="button" class="link" onClick={() => onRemove(r)} aria-label={`Remove the record for “${r.quote.slice(0, 60)}”`}>
                Remove
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
