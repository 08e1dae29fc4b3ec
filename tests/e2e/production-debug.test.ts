import { it } from 'vitest';
import { newPage } from '../support/browser';
import { launchChromium } from './production-arrange';
it('debug', async () => {
  const b = await launchChromium();
  const { page } = await newPage(b);
  page.on('console', (m) => console.log('CONSOLE', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
  page.on('response', (r) => { if (r.status() >= 400) console.log('HTTP', r.status(), r.url()); });
  await page.goto('/login');
  await page.waitForTimeout(3000);
  console.log((await page.content()).slice(0, 1500));
  await b.close();
});
