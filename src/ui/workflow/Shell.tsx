import type { ComponentChildren } from 'preact';

export type NavKey = 'report' | 'cases' | 'check' | 'settings';

export interface NavLink {
  key: NavKey;
  label: string;
  href: string;
}

/** The frame of every full-size extension page: brand, navigation, skip link, main landmark. */
export function Shell({ current, links, children }: { current: NavKey; links: NavLink[]; children: ComponentChildren }) {
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <span class="brand">
          <span class="brand-mark" aria-hidden="true" />
          PeptideLens
        </span>
        <nav class="topnav" aria-label="PeptideLens pages">
          {links.map((l) => (
            <a key={l.key} href={l.href} aria-current={l.key === current ? 'page' : undefined}>
              {l.label}
            </a>
          ))}
        </nav>
      </header>
      <main id="main" class="page" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
