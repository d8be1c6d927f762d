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
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'peptidelens@example.org', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
