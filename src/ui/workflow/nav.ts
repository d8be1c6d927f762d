import type { NavLink } from './Shell';

/** Links between the full-size extension pages (relative: they share the extension origin). */
export function navLinks(tabId?: number | null): NavLink[] {
  return [
    ...(tabId != null ? [{ key: 'report' as const, label: 'Page report', href: `/report.html?tab=${tabId}` }] : []),
    { key: 'cases', label: 'Case files', href: '/report.html?cases' },
    { key: 'check', label: 'Check text', href: '/check.html' },
    { key: 'settings', label: 'Settings', href: '/options.html' },
  ];
}
