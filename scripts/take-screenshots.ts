/**
 * Refreshes the README screenshots: `npx tsx scripts/take-screenshots.ts http://localhost:3000`
 * against a server started with `npm run demo` (demo users, password carpeta-demo-2025).
 */
import fs from 'node:fs';
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:3000';
const out = 'docs/screenshots';
const password = 'carpeta-demo-2025';

async function main() {
  fs.mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ baseURL: base, locale: 'es-MX', viewport: { width: 1440, height: 860 } });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByTestId('login-email').fill('gerente@demo.carpeta');
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));

  const shots: [string, string][] = [
    ['work-orders', '/ots'],
    ['production-grid', '/produccion'],
    ['daily-reports', '/produccion/reportes-diarios'],
    ['monthly-reports', '/reportes-mensuales'],
    ['contract-catalogue', '/catalogos/anexo-c'],
    ['audit', '/auditoria'],
  ];
  for (const [name, path] of shots) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${out}/${name}.png` });
    console.log(`${out}/${name}.png`);
  }
  await browser.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
