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
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({ baseURL: base, locale: 'es-MX', viewport: { width: 1440, height: 860 } });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByTestId('login-email').fill('gerente@demo.carpeta');
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));

  // A demo month with production: the first monthly report in review (or any).
  const api = async (url: string) => (await page.request.get(url)).json();
  const reports = (await api('/api/v1/monthly-reports?status=en_revision')).items.length
    ? await api('/api/v1/monthly-reports?status=en_revision')
    : await api('/api/v1/monthly-reports');
  const mr = reports.items[0] as { id: number; workOrderId: number; year: number; month: number };
  const wo = (await api(`/api/v1/work-orders/${mr.workOrderId}`)) as { sites: { siteId: number; role: string }[] };
  const site = (wo.sites.find((s) => s.role === 'main') ?? wo.sites[0])!.siteId;
  const period = `anio=${mr.year}&mes=${mr.month}`;

  const shots: [string, string][] = [
    ['work-orders', '/ots'],
    ['production-grid', `/produccion?ot=${mr.workOrderId}&sitio=${site}&${period}&capa=TE`],
    ['daily-reports', `/produccion/reportes-diarios?sitio=${site}&${period}`],
    ['gpu-board', `/produccion/gpu?ot=${mr.workOrderId}&${period}`],
    ['monthly-reports', '/reportes-mensuales'],
    ['monthly-report', `/reportes-mensuales/${mr.id}`],
    ['annex', `/ots/${mr.workOrderId}/anexo`],
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
