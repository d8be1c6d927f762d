/**
 * Toolbar popup: flags on the current tab, "show on page", pause on this site, open the report.
 * The tab comes from tabs.query({active, currentWindow}) — no "tabs" permission needed for its id;
 * its URL is visible through activeTab when the user opened the popup. `?tab=<id>` overrides the
 * tab (used when the popup is opened as a page, e.g. in tests).
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Message, PageReportResponse } from '../../src/shared/messages';
import { isSiteEnabled, normaliseHost, type Settings } from '../../src/shared/settings';
import { loadSettings, onSettingsChanged, saveSettings } from '../../src/shared/settings-store';
import { PopupView, type PopupState } from '../../src/ui/workflow/PopupView';
import '../../src/ui/workflow/workflow.css';

const param = new URLSearchParams(location.search).get('tab');
const asPage = param !== null;

async function currentTab(): Promise<{ id: number | null; url: string }> {
  if (asPage) return { id: Number(param), url: '' };
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { id: tab?.id ?? null, url: tab?.url ?? '' };
}

function hostOf(url: string): string {
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) ? normaliseHost(u.hostname) : '';
  } catch {
    return '';
  }
}

function pause(s: Settings, host: string): Settings {
  return {
    ...s,
    blockedSites: s.blockedSites.includes(host) ? s.blockedSites : [...s.blockedSites, host],
    allowedSites: s.allowedSites.filter((x) => x !== host),
  };
}

function resume(s: Settings, host: string): Settings {
  const blockedSites = s.blockedSites.filter((x) => host !== x && !host.endsWith('.' + x));
  const next = { ...s, blockedSites };
  if (s.onlyAllowedSites && !isSiteEnabled(next, host)) next.allowedSites = [...s.allowedSites, host];
  return next;
}

function Popup() {
  const [state, setState] = useState<PopupState>({ status: 'loading' });
  const [tabId, setTabId] = useState<number | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    let host = '';
    const refresh = async (s?: Settings) => {
      const tab = await currentTab();
      setTabId(tab.id);
      const settingsNow = s ?? (await loadSettings());
      setSettings(settingsNow);
      let report = null;
      if (tab.id !== null) {
        const res = (await browser.runtime.sendMessage({ type: 'get-page-report', tabId: tab.id } satisfies Message)) as PageReportResponse | undefined;
        if (res?.ok) report = res.report;
        else if (res && !res.ok) setError(`Could not read this tab’s report: ${res.error}`);
      }
      host = hostOf(tab.url) || hostOf(report?.url ?? '');
      setState({ status: 'ready', report, host, scannable: !!host, paused: !!host && !isSiteEnabled(settingsNow, host) });
    };
    refresh().catch((e) => setError(String(e?.message ?? e)));
    return onSettingsChanged((s) => void refresh(s).catch((e) => setError(String(e?.message ?? e))));
  }, []);

  const host = state.status === 'ready' ? state.host : '';
  const open = (path: string) => {
    void browser.tabs.create({ url: browser.runtime.getURL(path as '/report.html') }).then(() => asPage || window.close());
  };
  const change = (f: (s: Settings, h: string) => Settings) => {
    if (!settings || !host) return;
    saveSettings(f(settings, host)).catch((e) => setError(`Could not save the setting: ${e?.message ?? e}`));
  };

  return (
    <PopupView
      state={state}
      error={error}
      onShow={(index) => {
        if (tabId === null) return;
        browser.tabs
          .sendMessage(tabId, { type: 'show-finding', index } satisfies Message)
          .then(() => asPage || window.close())
          .catch(() => setError('The page did not answer. Reload it and try again.'));
      }}
      onPause={() => change(pause)}
      onResume={() => change(resume)}
      onOpenReport={() => tabId !== null && open(`/report.html?tab=${tabId}`)}
      onOpenCheck={() => open('/check.html')}
      onOpenCases={() => open('/report.html?cases')}
      onOpenSettings={() => {
        void browser.runtime.openOptionsPage().then(() => asPage || window.close());
      }}
    />
  );
}

render(<Popup />, document.getElementById('app')!);
