#!/usr/bin/env node
// Launcher for `npx peptidelens`: registers tsx so Node can run the TypeScript CLI directly.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/cli/main.ts', import.meta.url).href);
