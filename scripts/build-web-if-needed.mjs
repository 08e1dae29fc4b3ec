// Builds the web UI (vite) when dist/web is missing or older than any source it depends on.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const out = path.resolve('dist/web/index.html');
const sources = ['web', 'contracts', 'domain', 'vite.config.ts'];

function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of fs.readdirSync(p)) max = Math.max(max, newest(path.join(p, e)));
  return max;
}

const built = fs.existsSync(out) ? fs.statSync(out).mtimeMs : 0;
const latest = Math.max(...sources.map(newest));
if (!fs.existsSync('web/index.html')) {
  console.log('web/index.html not found: skipping the UI build');
} else if (built < latest || process.argv.includes('--force')) {
  console.log('Building the web UI…');
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
}
