/**
 * User settings: one object in storage.sync (synced where the browser syncs).
 * Pure helpers here; the storage calls are in src/shared/settings-store.ts.
 */
import type { ClaimKind } from '../engine/types';

export type HighlightStyle = 'underline' | 'background' | 'outline';

export interface Settings {
  /** Claim kinds shown; a kind set to false is neither highlighted nor counted. */
  kinds: Record<Exclude<ClaimKind, 'mention'>, boolean>;
  /** Quiet status badges on substance mentions. */
  infoBadges: boolean;
  highlightStyle: HighlightStyle;
  /** Hostnames where PeptideLens never runs (pause on this site). */
  blockedSites: string[];
  /** When true, PeptideLens runs only on `allowedSites`. */
  onlyAllowedSites: boolean;
  allowedSites: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  kinds: { 'efficacy-claim': true, dosing: true, 'safety-claim': true, 'regulatory-claim': true },
  infoBadges: true,
  highlightStyle: 'underline',
  blockedSites: [],
  onlyAllowedSites: false,
  allowedSites: [],
};

export const SETTINGS_KEY = 'settings';

/** Normalise whatever storage held (older versions, hand edits) into a complete Settings. */
export function normaliseSettings(raw: unknown): Settings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Settings>;
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').map(normaliseHost).filter(Boolean) : []);
  return {
    kinds: { ...DEFAULT_SETTINGS.kinds, ...(typeof r.kinds === 'object' && r.kinds ? r.kinds : {}) },
    infoBadges: typeof r.infoBadges === 'boolean' ? r.infoBadges : DEFAULT_SETTINGS.infoBadges,
    highlightStyle: (['underline', 'background', 'outline'] as const).includes(r.highlightStyle as HighlightStyle)
      ? (r.highlightStyle as HighlightStyle)
      : DEFAULT_SETTINGS.highlightStyle,
    blockedSites: list(r.blockedSites),
    onlyAllowedSites: r.onlyAllowedSites === true,
    allowedSites: list(r.allowedSites),
  };
}

export function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/[/:].*$/, '').replace(/^www\./, '');
}

/** Does a hostname match a site entry (the site itself or any subdomain of it)? */
function hostMatches(host: string, site: string): boolean {
  return host === site || host.endsWith('.' + site);
}

export function isSiteEnabled(settings: Settings, hostname: string): boolean {
  const host = normaliseHost(hostname);
  if (settings.blockedSites.some((s) => hostMatches(host, s))) return false;
  if (settings.onlyAllowedSites) return settings.allowedSites.some((s) => hostMatches(host, s));
  return true;
}
