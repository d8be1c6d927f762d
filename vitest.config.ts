import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { peptideLensRules } from './src/rules/vite-plugin';

export default defineConfig({
  plugins: [preact(), peptideLensRules()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    testTimeout: 30_000,
  },
});
