/** Build the extension once if there is no build yet (`npm test` builds first anyway). */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR } from './fixtures';

export default function globalSetup(): void {
  if (existsSync(join(EXTENSION_DIR, 'manifest.json'))) return;
  console.log('PeptideLens: no build in .output/chrome-mv3, running `npx wxt build`…');
  execSync('npx wxt build', { stdio: 'inherit' });
}
