import type { Case } from '../../workflow/cases';
import { formatLocal } from './dom';

export function CaseList({ cases, caseHref }: { cases: readonly Case[]; caseHref: (c: Case) => string }) {
  if (cases.length === 0) {
    return <p class="card empty">No case files yet. Open a page report and choose “Save to case”.</p>;
  }
  return (
    <table aria-label="Case files">
      <thead>
        <tr>
          <th scope="col">Case</th>
          <th scope="col">Pages</th>
          <th scope="col">Findings</th>
          <th scope="col">Last updated</th>
        </tr>
      </thead>
      <tbody>
        {cases.map((c) => (
          <tr key={c.id}>
            <td>
              <a href={caseHref(c)}>{c.name}</a>
            </td>
            <td class="num">{c.pages.length}</td>
            <td class="num">{c.pages.reduce((n, p) => n + p.findings.length, 0)}</td>
            <td>{formatLocal(c.updatedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "Save to case": a name field suggesting the site's domain and offering existing case names. */
export function SaveToCase({
  name,
  caseNames,
  onName,
  onSave,
  status,
  error,
}: {
  name: string;
  caseNames: readonly string[];
  onName: (n: string) => void;
  onSave: () => void;
  status?: string;
  error?: string;
}) {
  return (
    <form
      class="stack"
      style="gap:6px"
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <div class="toolbar">
        <label for="case-name" class="label">
          Case name
        </label>
        <input id="case-name" type="text" list="case-names" value={name} onInput={(e) => onName(e.currentTarget.value)} maxLength={120} aria-describedby="case-hint" />
        <datalist id="case-names">
          {caseNames.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
        <button type="submit" class="primary">
          Save to case
        </button>
      </div>
      <p id="case-hint" class="hint">
        A new name starts a case; an existing name adds this page to it. Saved on this computer only.
      </p>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : (
        <p class="status" role="status">
          {status ?? ''}
        </p>
      )}
    </form>
  );
}
