/**
 * Check text: paste a post or a product description, see the same findings as on a page.
 * The background runs the engine ('scan-text'); text chosen with the context menu arrives through
 * session storage (takeCheckPrefill), never through the URL.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Finding } from '../../src/engine/types';
import type { Message, ScanResponse, WrongFlagRecord } from '../../src/shared/messages';
import { summaryLine } from '../../src/workflow/export';
import { NOT_MEDICAL_ADVICE } from '../../src/workflow/labels';
import { loadWrongFlags, onWrongFlagsChanged, takeCheckPrefill } from '../../src/workflow/storage';
import { isFlaggedWrong, makeWrongFlag } from '../../src/workflow/wrong-flags';
import { CheckText } from '../../src/ui/workflow/CheckText';
import { CountsByKind } from '../../src/ui/workflow/CountsByKind';
import { FindingsTable } from '../../src/ui/workflow/FindingsTable';
import { navLinks } from '../../src/ui/workflow/nav';
import { Shell } from '../../src/ui/workflow/Shell';
import '../../src/ui/workflow/workflow.css';

/** Pasted text has no page; wrong-flag records name it this way. */
const PASTED_URL = 'peptidelens:check-text';
const errText = (e: unknown) => String((e as Error)?.message ?? e);

function Check() {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ findings: Finding[]; rulesVersion: string } | null>(null);
  const [error, setError] = useState('');
  const [wrong, setWrong] = useState<WrongFlagRecord[]>([]);

  const check = async (t: string) => {
    if (!t.trim()) return;
    setBusy(true);
    setError('');
    try {
      const res = (await browser.runtime.sendMessage({ type: 'scan-text', text: t } satisfies Message)) as ScanResponse | undefined;
      if (res?.ok) setResult({ findings: res.result.findings, rulesVersion: res.result.rulesVersion });
      else setError(res?.error ?? 'The background did not answer.');
    } catch (e) {
      setError(errText(e));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    void loadWrongFlags().then(setWrong);
    const off = onWrongFlagsChanged(setWrong);
    takeCheckPrefill().then(
      (t) => {
        if (t) {
          setText(t);
          void check(t);
        }
      },
      (e) => setError(errText(e)),
    );
    return off;
  }, []);

  return (
    <Shell current="check" links={navLinks()}>
      <div class="page-head">
        <h1>Check text</h1>
        <p class="meta">See what PeptideLens would flag in a piece of text before it goes live.</p>
      </div>
      <div class="card">
        <CheckText text={text} onText={setText} onCheck={() => void check(text)} busy={busy} />
      </div>
      {error && (
        <p class="error-box" role="alert" style="margin-top:16px">
          Could not check the text: {error}
        </p>
      )}
      <section class="section" aria-labelledby="res-h" aria-busy={busy}>
        <h2 id="res-h">Results</h2>
        <p role="status" class="meta" style="margin-bottom:10px">
          {result ? summaryLine(result.findings) : busy ? 'Checking…' : 'Nothing checked yet.'}
        </p>
        {result && (
          <div class="stack" style="gap:12px">
            <CountsByKind findings={result.findings} />
            {result.findings.length > 0 && <p class="notice">{NOT_MEDICAL_ADVICE}</p>}
            <FindingsTable
              items={result.findings.map((finding, index) => ({ finding, index }))}
              emptyText="No claims flagged in this text."
              onWrong={(f) => {
                const record = makeWrongFlag(f, PASTED_URL, result.rulesVersion, new Date().toISOString());
                browser.runtime.sendMessage({ type: 'wrong-flag', record } satisfies Message).catch((e) => setError(errText(e)));
              }}
              isWrong={(f) => isFlaggedWrong(wrong, f, PASTED_URL)}
            />
          </div>
        )}
      </section>
    </Shell>
  );
}

render(<Check />, document.getElementById('app')!);
