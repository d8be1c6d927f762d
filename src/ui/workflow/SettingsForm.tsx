import { useState } from 'preact/hooks';
import type { HighlightStyle, Settings } from '../../shared/settings';
import { normaliseHost } from '../../shared/settings';
import { KindBadge } from './KindBadge';

type ToggleKind = keyof Settings['kinds'];
const KINDS: { kind: ToggleKind; hint: string }[] = [
  { kind: 'dosing', hint: 'Doses, cycles and schedules for a peptide no regulator has approved for people.' },
  { kind: 'safety-claim', hint: '“No side effects”, “completely safe” and similar promises.' },
  { kind: 'regulatory-claim', hint: '“FDA approved”, “legal”, “WADA-safe” and other status claims.' },
  { kind: 'efficacy-claim', hint: 'Promises of muscle, fat loss or recovery beyond the evidence.' },
];
const STYLES: { value: HighlightStyle; label: string }[] = [
  { value: 'underline', label: 'Underline' },
  { value: 'background', label: 'Background colour' },
  { value: 'outline', label: 'Outline' },
];

function SiteList({ id, label, sites, onChange, hint }: { id: string; label: string; sites: string[]; onChange: (s: string[]) => void; hint: string }) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');
  const add = () => {
    const host = normaliseHost(draft);
    if (!host || !/^[a-z0-9.-]+$/.test(host) || !host.includes('.')) {
      setError('Enter a site such as forum.example.com.');
      return;
    }
    setError('');
    setDraft('');
    if (!sites.includes(host)) onChange([...sites, host].sort());
  };
  return (
    <div>
      <h3 id={`${id}-label`}>{label}</h3>
      <p class="hint">{hint}</p>
      {sites.length > 0 ? (
        <ul class="site-list" aria-labelledby={`${id}-label`}>
          {sites.map((s) => (
            <li key={s}>
              <span>{s}</span>
              <button type="button" class="link" onClick={() => onChange(sites.filter((x) => x !== s))} aria-label={`Remove ${s}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="hint">None yet.</p>
      )}
      <form
        class="add-site"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label class="visually-hidden" for={`${id}-input`}>
          Add a site to “{label}”
        </label>
        <input id={`${id}-input`} type="text" placeholder="forum.example.com" value={draft} onInput={(e) => setDraft(e.currentTarget.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
        <button type="submit">Add site</button>
        {error && (
          <p id={`${id}-error`} class="error" role="alert">
            {error}
          </p>
        )}
      </form>
    </div>
  );
}

export function SettingsForm({ settings, onChange }: { settings: Settings; onChange: (s: Settings) => void }) {
  const set = (patch: Partial<Settings>) => onChange({ ...settings, ...patch });
  return (
    <div class="stack">
      <fieldset>
        <legend>What to flag</legend>
        {KINDS.map(({ kind, hint }) => (
          <label class="check" key={kind}>
            <input type="checkbox" checked={settings.kinds[kind]} onChange={(e) => set({ kinds: { ...settings.kinds, [kind]: e.currentTarget.checked } })} />
            <span>
              <KindBadge kind={kind} /> <span class="hint">{hint}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>On the page</legend>
        <label class="check">
          <input type="checkbox" checked={settings.infoBadges} onChange={(e) => set({ infoBadges: e.currentTarget.checked })} />
          <span>
            Info badges on mentions <span class="hint">A quiet badge with FDA and WADA status next to a peptide’s name.</span>
          </span>
        </label>
        <div role="radiogroup" aria-labelledby="hl-label" style="margin-top:8px">
          <p id="hl-label">
            <strong>Highlight style</strong>
          </p>
          {STYLES.map((s) => (
            <label class="check" key={s.value}>
              <input type="radio" name="highlight" value={s.value} checked={settings.highlightStyle === s.value} onChange={() => set({ highlightStyle: s.value })} />
              <span>{s.label}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend>Where it runs</legend>
        <label class="check">
          <input type="radio" name="mode" checked={!settings.onlyAllowedSites} onChange={() => set({ onlyAllowedSites: false })} />
          <span>On every site, except the ones below</span>
        </label>
        <label class="check">
          <input type="radio" name="mode" checked={settings.onlyAllowedSites} onChange={() => set({ onlyAllowedSites: true })} />
          <span>Only on sites I choose</span>
        </label>
        <div class="stack" style="margin-top:12px">
          {settings.onlyAllowedSites && (
            <SiteList id="allowed" label="Sites I choose" hint="PeptideLens reads only these sites (and their subdomains)." sites={settings.allowedSites} onChange={(allowedSites) => set({ allowedSites })} />
          )}
          <SiteList id="blocked" label="Sites where it never runs" hint="Paused sites are added here; remove one to resume." sites={settings.blockedSites} onChange={(blockedSites) => set({ blockedSites })} />
        </div>
      </fieldset>
    </div>
  );
}
