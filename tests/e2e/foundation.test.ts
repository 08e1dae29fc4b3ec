/**
 * Issue 2 "done when": a user logs in in the browser, creates a site, a client and an OT family
 * (initial + reprogramming), and sees every change in the audit viewer.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginAs, newPage, screenshot } from '../support/browser';

let browser: Browser;
let page: Page;
const stamp = Date.now().toString(36).toUpperCase();
const SITE = `Plataforma E2E-${stamp}`;
const CLIENT = `Cliente E2E ${stamp}`;
const FOLIO = `OT-E2E-${stamp}`;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page } = await newPage(browser));
});
afterAll(async () => {
  await browser?.close();
});

/** Selects the option whose visible text contains `text` (labels may carry a detail suffix). */
async function selectByText(testId: string, text: string) {
  const select = page.getByTestId(testId);
  const value = await select.evaluate((el, t) => [...(el as HTMLSelectElement).options].find((o) => o.text.includes(t))?.value ?? '', text);
  expect(value).not.toBe('');
  await select.selectOption(value);
}

async function createCatalogueRecord(path: string, fill: (p: Page) => Promise<void>) {
  await page.goto(path);
  await page.getByTestId('new-button').click();
  await fill(page);
  await page.getByTestId('save-button').click();
}

describe('foundation in the browser', () => {
  it('logs in', async () => {
    await loginAs(page);
    await expect(page.getByTestId('current-user-name')).toBeDefined();
    await page.getByTestId('nav-work-orders').waitFor();
  });

  it('creates a site and a client', async () => {
    await createCatalogueRecord('/catalogos/sitios', async (p) => {
      await p.getByTestId('field-name').fill(SITE);
      await p.getByTestId('field-kind').selectOption('platform');
    });
    await page.getByTestId('sites-row').filter({ hasText: SITE }).waitFor();
    await screenshot(page, 'foundation-sites');

    await createCatalogueRecord('/catalogos/clientes', async (p) => {
      await p.getByTestId('field-name').fill(CLIENT);
    });
    await page.getByTestId('clients-row').filter({ hasText: CLIENT }).waitFor();
  });

  it('creates an initial OT and a reprogramming that extends the validity window', async () => {
    await page.goto('/ots/nueva');
    await page.getByTestId('field-folio').fill(FOLIO);
    await page.getByTestId('field-description').fill('Rehabilitación de ductos (prueba e2e)');
    await selectByText('field-clientId', CLIENT);
    if ((await page.getByTestId('field-sites.0.siteId').count()) === 0) await page.getByTestId('add-site').click();
    await selectByText('field-sites.0.siteId', SITE);
    await page.getByTestId('field-plannedStart').fill('01/03/2025');
    await page.getByTestId('field-plannedEnd').fill('31/05/2025');
    await page.getByTestId('save-button').click();
    await page.getByTestId('work-order-detail').waitFor();
    expect(await page.getByTestId('work-order-detail').innerText()).toContain(FOLIO);
    await screenshot(page, 'foundation-work-order');

    await page.getByTestId('new-reprogramming').click();
    await page.getByTestId('field-description').fill('Reprogramación e2e: extensión de plazo');
    const folio = page.getByTestId('field-folio');
    if ((await folio.inputValue()) === '') await folio.fill(FOLIO);
    if ((await page.getByTestId('field-clientId').inputValue()) === '') await selectByText('field-clientId', CLIENT);
    await page.getByTestId('field-plannedStart').fill('01/06/2025');
    await page.getByTestId('field-plannedEnd').fill('31/08/2025');
    await page.getByTestId('save-button').click();
    await page.getByTestId('work-order-detail').waitFor();
    await page.getByTestId('family-row').nth(1).waitFor();
    expect(await page.getByTestId('family-row').count()).toBe(2);
    expect(await page.getByTestId('wo-validity').innerText()).toContain('31/08/2025');
    await screenshot(page, 'foundation-reprogramming');
  });

  it('shows every change in the audit viewer', async () => {
    await page.goto('/auditoria');
    await page.getByTestId('audit-row').first().waitFor();
    await screenshot(page, 'foundation-audit');
    const text = await page.locator('body').innerText();
    expect(text).toContain(SITE);
    expect(text).toContain(CLIENT);
    expect(text).toContain('Rehabilitación de ductos (prueba e2e)');
    expect(text).toContain('Reprogramación e2e: extensión de plazo');
  });

  it('switches the UI to English', async () => {
    await page.getByTestId('lang-switch').selectOption('en');
    await page.getByTestId('nav-work-orders').waitFor();
    expect(await page.getByTestId('nav-work-orders').innerText()).toMatch(/Work orders/i);
    await page.getByTestId('lang-switch').selectOption('es');
  });
});
