// `npm test`: every tier (unit, integration, e2e). Installs what the browser tests need
// (Debian's chromium) when missing, and builds the web UI the e2e tier runs against.
import { execSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  console.log("Chromium not found: installing Debian's chromium package (needed by the e2e tier)…");
  const sudo = process.getuid && process.getuid() !== 0 ? 'sudo ' : '';
  execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, { stdio: 'inherit' });
}
execSync('node scripts/build-web-if-needed.mjs', { stdio: 'inherit' });

const args = process.argv.slice(2);
const result = spawnSync('npx', ['vitest', 'run', ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
