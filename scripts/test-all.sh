#!/usr/bin/env bash
# The one command that runs every test: `npm test`. Installs what a fresh machine lacks
# (Debian's chromium for the e2e tests), builds the extension, then runs unit and e2e suites.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
npx tsc --noEmit -p .
npx tsx scripts/check-rules.ts
npx vitest run
npx wxt build >/dev/null
# Firefox build must keep working and lint clean (web-ext exits non-zero on any error).
npx wxt build -b firefox >/dev/null
npx web-ext lint --source-dir .output/firefox-mv2 --output text >/dev/null
npx playwright test
