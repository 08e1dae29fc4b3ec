import { it } from 'vitest';
import { loginAs, newPage, screenshot } from '../support/browser';
import { arrangeScenario, launchChromium } from './production-arrange';
it('debug', async () => {
  const s = await arrangeScenario(`D${Date.now().toString(36).toUpperCase()}`, { c2: ['10', '2000', '50'], c3: ['5'] });
  const b = await launchChromium();
  const { page } = await newPage(b);
  page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
  await loginAs(page);
  await page.goto(`/produccion?ot=${s.workOrderId}&sitio=${s.siteId}&anio=2025&mes=3&capa=TE`);
  await page.waitForTimeout(2500);
  await screenshot(page, 'debug-grid');
  const info = await page.evaluate(() => [...document.querySelectorAll('.sg-row')].map((r) => { const e = r as HTMLElement; const cs = getComputedStyle(e); return `${e.getAttribute('aria-rowindex')} top=${e.style.top} pos=${cs.position} h=${cs.height} rect=${JSON.stringify(e.getBoundingClientRect())}`; }));
  console.log(info.join('\n'));
  await b.close();
}, 120_000);
