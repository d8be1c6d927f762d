/**
 * Settings (storage.sync through settings-store.ts: synced where the browser syncs) and the local
 * list of flags the user marked as wrong, with a JSON export they can send us by hand.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { WrongFlagRecord } from '../../src/shared/messages';
import type { Settings } from '../../src/shared/settings';
import { loadSettings, onSettingsChanged, saveSettings } from '../../src/shared/settings-store';
import { loadWrongFlags, onWrongFlagsChanged, saveWrongFlags } from '../../src/workflow/storage';
import { removeWrongFlag, wrongFlagsToJson } from '../../src/workflow/wrong-flags';
import { downloadText } from '../../src/ui/workflow/dom';
import { navLinks } from '../../src/ui/workflow/nav';
import { SettingsForm } from '../../src/ui/workflow/SettingsForm';
import { Shell } from '../../src/ui/workflow/Shell';
import { WrongFlagList } from '../../src/ui/workflow/WrongFlagList';
import '../../src/ui/workflow/workflow.css';
import { StatusLine } from '../../src/ui/workflow/StatusLine';

const extensionVersion = browser.runtime.getManifest().version;
const errText = (e: unknown) => String((e as Error)?.message ?? e);

function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [wrong, setWrong] = useState<WrongFlagRecord[]>([]);
  const [confirmClear, setConfirmClear] = useState(false);

  useEffect(() => {
    void loadSettings().then(setSettings);
    void loadWrongFlags().then(setWrong);
    const a = onSettingsChanged(setSettings);
    const b = onWrongFlagsChanged(setWrong);
    return () => {
      a();
      b();
    };
  }, []);

  const change = (s: Settings) => {
    setSettings(s);
    setError('');
    saveSettings(s).then(
      () => setStatus('Settings saved.'),
      (e) => setError(`Could not save: ${errText(e)}`),
    );
  };

  return (
    <Shell current="settings" links={navLinks()}>
      <div class="page-head">
        <h1>Settings</h1>
        <p class="meta">Changes are saved as you make them and follow you to other computers where your browser syncs.</p>
      </div>
      {settings ? <SettingsForm settings={settings} onChange={change} /> : <p class="hint">Loading…</p>}
      <StatusLine error={error} status={status} />

      <section class="section" aria-labelledby="wrong-h">
        <h2 id="wrong-h">Flags you marked as wrong</h2>
        <div class="stack" style="gap:10px">
          <p class="hint">
            Kept on this computer only; PeptideLens never sends them. To help us fix a rule, download the list and send it to us.
          </p>
          <WrongFlagList records={wrong} onRemove={(r) => void saveWrongFlags(removeWrongFlag(wrong, r)).catch((e) => setError(errText(e)))} />
          {wrong.length > 0 && (
            <div class="toolbar">
              <button type="button" class="primary" onClick={() => downloadText({ fileName: 'peptidelens-wrong-flags.json', mimeType: 'application/json;charset=utf-8', text: wrongFlagsToJson(wrong, extensionVersion) })}>
                Download as JSON
              </button>
              {confirmClear ? (
                <>
                  <span>Remove all {wrong.length} records?</span>
                  <button
                    type="button"
                    class="danger"
                    onClick={() =>
                      void saveWrongFlags([])
                        .then(() => setConfirmClear(false))
                        .catch((e) => setError(errText(e)))
                    }
                  >
                    Yes, remove all
                  </button>
                  <button type="button" onClick={() => setConfirmClear(false)}>
                    Cancel
                  </button>
                </>
              ) : (
                <button type="button" class="danger" onClick={() => setConfirmClear(true)}>
                  Remove all
                </button>
              )}
            </div>
          )}
        </div>
      </section>

      <section class="section" aria-labelledby="about-h">
        <h2 id="about-h">About</h2>
        <p class="hint">
          PeptideLens {extensionVersion} reads pages on this computer and sends nothing anywhere. It points at claims and what the cited sources say; it is not medical advice.
        </p>
      </section>
    </Shell>
  );
}

render(<Options />, document.getElementById('app')!);
