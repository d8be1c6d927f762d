import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { peptideLensRules } from './src/rules/vite-plugin';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact(), peptideLensRules()],
    // PL_PROFILE=1: readable function names and lines in CPU profiles (bench/profile-page.ts).
    ...(process.env.PL_PROFILE ? { build: { minify: false } } : {}),
  }),
  manifest: ({ browser }) => ({
    name: 'PeptideLens',
    description: 'Flags peptide marketing claims (IGF-1 LR3) with evidence, FDA and WADA status. Reads pages locally; sends nothing.',
    permissions: ['storage', 'contextMenus', 'activeTab'],
    // Every page gets only the gate; the lens is imported by it on pages that name a covered
    // substance (web-accessible, with a per-session URL in Chrome so pages cannot probe for it).
    content_scripts: [{ matches: ['<all_urls>'], run_at: 'document_idle', js: ['gate.js'], css: ['highlights.css'] }],
    web_accessible_resources: [{ resources: ['lens.js'], matches: ['<all_urls>'], use_dynamic_url: true }],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'peptidelens@example.org', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
