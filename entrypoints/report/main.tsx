/**
 * The report page, three views on one extension page:
 *   report.html?tab=<id>   the page report of a tab (filters, exports, save to case)
 *   report.html?cases      the case files (list, import)
 *   report.html?case=<id>  one case (pages, findings, export, rename, delete)
 */
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Finding } from '../../src/engine/types';
import type { Message, PageReport, PageReportResponse, WrongFlagRecord } from '../../src/shared/messages';
import { deleteCase, importCase, parseCaseFile, removePage, renameCase, savePageToCase, sortedCases, suggestCaseName, type Case, type CaseStore } from '../../src/workflow/cases';
import { exportCase, exportReport, summaryLine, type ExportFormat } from '../../src/workflow/export';
import { NOT_MEDICAL_ADVICE } from '../../src/workflow/labels';
import { loadCases, loadWrongFlags, onCasesChanged, onWrongFlagsChanged, updateCases } from '../../src/workflow/storage';
import { isFlaggedWrong, makeWrongFlag } from '../../src/workflow/wrong-flags';
import { CaseList, SaveToCase } from '../../src/ui/workflow/CaseList';
import { CountsByKind } from '../../src/ui/workflow/CountsByKind';
import { copyText, downloadText, formatLocal, safeHref } from '../../src/ui/workflow/dom';
import { ExportBar } from '../../src/ui/workflow/ExportBar';
import { ALL_SHOWN, applyFilters, Filters, type FilterState } from '../../src/ui/workflow/Filters';
import { FindingsTable } from '../../src/ui/workflow/FindingsTable';
import { navLinks } from '../../src/ui/workflow/nav';
import { Shell } from '../../src/ui/workflow/Shell';
import '../../src/ui/workflow/workflow.css';
import { StatusLine } from '../../src/ui/workflow/StatusLine';

const params = new URLSearchParams(location.search);
const tabParam = params.get('tab');
const tabId = tabParam !== null && /^\d+$/.test(tabParam) ? Number(tabParam) : null;
const caseId = params.get('case');
const extensionVersion = browser.runtime.getManifest().version;
const newId = () => crypto.randomUUID();
const errText = (e: unknown) => String((e as Error)?.message ?? e);

function useCases(): CaseStore | null {
  const [store, setStore] = useState<CaseStore | null>(null);
  useEffect(() => {
    void loadCases().then(setStore);
    return onCasesChanged(setStore);
  }, []);
  return store;
}

function useWrongFlags(): WrongFlagRecord[] {
  const [list, setList] = useState<WrongFlagRecord[]>([]);
  useEffect(() => {
    void loadWrongFlags().then(setList);
    return onWrongFlagsChanged(setList);
  }, []);
  return list;
}

async function sendWrongFlag(f: Finding, url: string, rulesVersion: string): Promise<void> {
  const record = makeWrongFlag(f, url, rulesVersion, new Date().toISOString());
  const res = (await browser.runtime.sendMessage({ type: 'wrong-flag', record } satisfies Message)) as { ok: boolean; error?: string } | undefined;
  if (!res?.ok) throw new Error(res?.error ?? 'The background did not record it.');
}

function PageMeta({ r }: { r: PageReport }) {
  const href = safeHref(r.url);
  return (
    <dl class="meta-list">
      <div>
        <dt>Page</dt>
        <dd class="url">
          {href ? (
            <a href={href} target="_blank" rel="noopener noreferrer">
              {r.url}
            </a>
          ) : (
            r.url
          )}
        </dd>
      </div>
      <div>
        <dt>Scanned</dt>
        <dd>{formatLocal(r.scannedAt)}</dd>
      </div>
      <div>
        <dt>Extension</dt>
        <dd>{r.extensionVersion}</dd>
      </div>
      <div>
        <dt>Rule set</dt>
        <dd>{r.rulesVersion}</dd>
      </div>
    </dl>
  );
}

// ---------------------------------------------------------------- page report

function PageReportView({ tabId }: { tabId: number }) {
  const [report, setReport] = useState<PageReport | null | undefined>(undefined);
  const [loadError, setLoadError] = useState('');
  const [error, setError] = useState('');
  const [filters, setFilters] = useState<FilterState>(ALL_SHOWN);
  const [exportStatus, setExportStatus] = useState('');
  const [caseName, setCaseName] = useState('');
  const [caseStatus, setCaseStatus] = useState('');
  const [caseError, setCaseError] = useState('');
  const store = useCases();
  const wrong = useWrongFlags();

  useEffect(() => {
    browser.runtime
      .sendMessage({ type: 'get-page-report', tabId } satisfies Message)
      .then((res) => {
        const r = res as PageReportResponse | undefined;
        if (r?.ok) {
          setReport(r.report);
          if (r.report) {
            setCaseName(suggestCaseName(r.report.url));
            document.title = `PeptideLens report: ${r.report.title || r.report.url}`;
          }
        } else setLoadError(r?.error ?? 'The background did not answer.');
      })
      .catch((e) => setLoadError(errText(e)));
  }, []);

  const shown = useMemo(() => (report ? applyFilters(report.findings, filters) : []), [report, filters]);
  if (loadError) return <p class="error-box" role="alert">Could not load the report: {loadError}</p>;
  if (report === undefined) return <p class="hint">Loading the report…</p>;
  if (report === null) {
    return (
      <div class="page-head">
        <h1>No report for this tab</h1>
        <p class="meta">The tab was closed, or PeptideLens has not read it (paused, or not a web page).</p>
      </div>
    );
  }

  const filtered: PageReport = { ...report, findings: shown.map((s) => s.finding) };
  const partial = shown.length !== report.findings.length;
  const make = (format: ExportFormat) => exportReport(filtered, format, { extensionVersion });

  return (
    <>
      <div class="page-head">
        <h1>{report.title || 'Untitled page'}</h1>
        <PageMeta r={report} />
      </div>
      <p class="notice">{NOT_MEDICAL_ADVICE}</p>
      {error && (
        <p class="error-box" role="alert" style="margin-top:12px">
          {error}
        </p>
      )}

      <section class="section" aria-labelledby="sum-h">
        <h2 id="sum-h">Summary</h2>
        <div class="card stack" style="gap:10px">
          <p>{summaryLine(report.findings)}</p>
          <CountsByKind findings={report.findings} />
        </div>
      </section>

      <section class="section" aria-labelledby="share-h">
        <h2 id="share-h">Export and save</h2>
        <div class="card stack" style="gap:12px">
          <ExportBar
            label={partial ? `Export the ${shown.length} shown of ${report.findings.length}` : 'Export'}
            onDownload={(f) => {
              downloadText(make(f));
              setExportStatus(`Downloaded ${make(f).fileName}.`);
            }}
            onCopy={(f) =>
              copyText(make(f).text).then(
                () => setExportStatus('Moderation note copied to the clipboard.'),
                (e) => setExportStatus(`Could not copy: ${errText(e)}`),
              )
            }
            status={exportStatus}
          />
          <SaveToCase
            name={caseName}
            caseNames={store ? sortedCases(store).map((c) => c.name) : []}
            onName={setCaseName}
            status={caseStatus}
            error={caseError}
            onSave={() => {
              setCaseError('');
              updateCases((s) => {
                const r = savePageToCase(s, caseName, report, new Date().toISOString(), newId);
                return { store: r.store, result: r };
              }).then(
                (r) => setCaseStatus(`${r.replaced ? 'Updated this page in' : 'Saved to'} case “${r.case.name}” (${r.case.pages.length} page${r.case.pages.length === 1 ? '' : 's'}).`),
                (e) => setCaseError(errText(e)),
              );
            }}
          />
        </div>
      </section>

      <section class="section" aria-labelledby="find-h">
        <h2 id="find-h">Findings</h2>
        {report.findings.length > 0 && <Filters findings={report.findings} state={filters} onChange={setFilters} />}
        <p class="hint" role="status" style="margin:10px 0">
          {report.findings.length > 0 ? `Showing ${shown.length} of ${report.findings.length}.` : ''}
        </p>
        <FindingsTable
          items={shown}
          emptyText={report.findings.length ? 'No finding matches these filters.' : 'No claims flagged on this page.'}
          onShow={(index) => {
            browser.tabs
              .sendMessage(tabId, { type: 'show-finding', index } satisfies Message)
              .then(() => browser.tabs.update(tabId, { active: true }))
              .catch(() => setError('The page did not answer; it may have been closed or reloaded.'));
          }}
          onWrong={(f) => sendWrongFlag(f, report.url, report.rulesVersion).catch((e) => setError(errText(e)))}
          isWrong={(f) => isFlaggedWrong(wrong, f, report.url)}
        />
      </section>
    </>
  );
}

// ---------------------------------------------------------------- cases

function CasesView() {
  const store = useCases();
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  const onFile = async (file: File | undefined) => {
    setStatus('');
    setError('');
    if (!file) return;
    const parsed = parseCaseFile(await file.text());
    if (!parsed.ok) {
      setError(`“${file.name}” was not imported. ${parsed.error} Your existing cases are unchanged.`);
      return;
    }
    try {
      const r = await updateCases((s) => {
        const out = importCase(s, parsed.file, newId);
        return { store: out.store, result: out };
      });
      setStatus(`Imported case “${r.case.name}” with ${r.case.pages.length} page${r.case.pages.length === 1 ? '' : 's'}${r.renamedFrom ? ` (a case named “${r.renamedFrom}” already exists, so it was renamed)` : ''}.`);
    } catch (e) {
      setError(`Not imported: ${errText(e)}`);
    }
  };

  return (
    <>
      <div class="page-head">
        <h1>Case files</h1>
        <p class="meta">Pages and their findings, collected under a name. Stored on this computer only.</p>
      </div>
      {store ? <CaseList cases={sortedCases(store)} caseHref={(c) => `/report.html?case=${encodeURIComponent(c.id)}`} /> : <p class="hint">Loading…</p>}
      <section class="section" aria-labelledby="imp-h">
        <h2 id="imp-h">Import a case</h2>
        <div class="card stack" style="gap:8px">
          <label for="import-file">Case file (JSON exported from PeptideLens)</label>
          <input
            id="import-file"
            type="file"
            accept=".json,application/json"
            onChange={(e) => {
              const input = e.currentTarget;
              void onFile(input.files?.[0]).finally(() => (input.value = ''));
            }}
          />
          <StatusLine error={error} status={status} />
        </div>
      </section>
    </>
  );
}

function CaseView({ id }: { id: string }) {
  const store = useCases();
  const wrong = useWrongFlags();
  const c: Case | undefined = store?.cases.find((x) => x.id === id);
  const [name, setName] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  if (!store) return <p class="hint">Loading…</p>;
  if (!c) {
    return (
      <div class="page-head">
        <h1>Case not found</h1>
        <p class="meta">
          It may have been deleted. <a href="/report.html?cases">See all case files</a>.
        </p>
      </div>
    );
  }
  const now = () => new Date().toISOString();
  const run = (f: (s: CaseStore) => CaseStore, ok: string) =>
    updateCases((s) => ({ store: f(s), result: null })).then(
      () => {
        setError('');
        setStatus(ok);
      },
      (e) => setError(errText(e)),
    );
  const total = c.pages.reduce((n, p) => n + p.findings.length, 0);

  return (
    <>
      <div class="page-head">
        <p class="meta">
          <a href="/report.html?cases">Case files</a> /
        </p>
        <h1>{c.name}</h1>
        <p class="meta">
          {c.pages.length} page{c.pages.length === 1 ? '' : 's'} · {total} finding{total === 1 ? '' : 's'} · created {formatLocal(c.createdAt)} · updated {formatLocal(c.updatedAt)}
        </p>
      </div>
      <p class="notice">{NOT_MEDICAL_ADVICE}</p>

      <section class="section" aria-labelledby="manage-h">
        <h2 id="manage-h">Export and manage</h2>
        <div class="card stack" style="gap:12px">
          <ExportBar label="Export case" onDownload={(f) => downloadText(exportCase(c, f, { extensionVersion }))} />
          <form
            class="toolbar"
            onSubmit={(e) => {
              e.preventDefault();
              if (name === null) return;
              try {
                renameCase(store, c.id, name, now());
              } catch (err) {
                setError(errText(err));
                return;
              }
              void run((s) => renameCase(s, c.id, name, now()), `Renamed to “${name.trim()}”.`).then(() => setName(null));
            }}
          >
            <label for="rename" class="label">
              Name
            </label>
            <input id="rename" type="text" maxLength={120} value={name ?? c.name} onInput={(e) => setName(e.currentTarget.value)} />
            <button type="submit">Rename</button>
            <span class="spacer" />
            {confirming ? (
              <>
                <span>Delete “{c.name}” and its {c.pages.length} pages?</span>
                <button type="button" class="danger" onClick={() => void run((s) => deleteCase(s, c.id), 'Deleted.').then(() => location.assign('/report.html?cases'))}>
                  Yes, delete
                </button>
                <button type="button" onClick={() => setConfirming(false)}>
                  Cancel
                </button>
              </>
            ) : (
              <button type="button" class="danger" onClick={() => setConfirming(true)}>
                Delete case
              </button>
            )}
          </form>
          <StatusLine error={error} status={status} />
        </div>
      </section>

      <section class="section" aria-labelledby="pages-h">
        <h2 id="pages-h">Pages</h2>
        <div class="card">
          {c.pages.map((p, i) => (
            <article class="case-page" key={p.url} aria-labelledby={`page-${i}`}>
              <div class="toolbar">
                <h3 id={`page-${i}`}>
                  {i + 1}. {p.title || p.url}
                </h3>
                <span class="spacer" />
                <button type="button" class="link" onClick={() => void run((s) => removePage(s, c.id, p.url, now()), 'Page removed from the case.')} aria-label={`Remove page ${i + 1} from the case`}>
                  Remove page
                </button>
              </div>
              <PageMeta r={p} />
              <p class="meta">Saved {formatLocal(p.savedAt)} · {summaryLine(p.findings)}</p>
              <FindingsTable
                items={p.findings.map((finding, index) => ({ finding, index }))}
                emptyText="No claims flagged on this page."
                headingLevel={4}
                idPrefix={`page-${i}-finding`}
                onWrong={(f) => sendWrongFlag(f, p.url, p.rulesVersion).catch((e) => setError(errText(e)))}
                isWrong={(f) => isFlaggedWrong(wrong, f, p.url)}
              />
            </article>
          ))}
          {c.pages.length === 0 && <p class="empty">This case has no pages.</p>}
        </div>
      </section>
    </>
  );
}

function App() {
  const current = tabId !== null ? 'report' : 'cases';
  return (
    <Shell current={current} links={navLinks(tabId)}>
      {tabId !== null ? <PageReportView tabId={tabId} /> : caseId ? <CaseView id={caseId} /> : <CasesView />}
    </Shell>
  );
}

document.title = tabId !== null ? 'PeptideLens report' : 'PeptideLens case files';
render(<App />, document.getElementById('app')!);
