/**
 * The import wizards in the browser: the contract's Anexo C and its PUE sheet into the catalogue,
 * then an OT's annex from the PTE workbook (version 1) and the sábana (version 2), shown grouped
 * by sub-annex with totals; a non-Excel file gets a clear error.
 */
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, launchBrowser, loginAs, newPage, screenshot } from '../support/browser';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
// The same contract the other e2e files import (one contract with a catalogue keeps OT annexes unambiguous).
const CONTRACT = 'E2E-CONTRATO';

let browser: Browser;
let page: Page;
let close: () => Promise<void>;
let workOrderId: number;

beforeAll(async () => {
  browser = await launchBrowser();
  const opened = await newPage(browser);
  page = opened.page;
  close = () => opened.context.close();
  await loginAs(page);
  const api = await apiSession();
  const client = (await api.call('POST', '/api/v1/clients', { name: `Cliente anexo ${Date.now()}` })).json();
  const site = (await api.call('POST', '/api/v1/sites', { name: `Plataforma anexo ${Date.now()}`, kind: 'platform' })).json();
  const wo = await api.call('POST', '/api/v1/work-orders', {
    folio: `OT-ANEXO-${Date.now().toString(36)}`,
    description: 'Rehabilitación de techumbre',
    kind: 'initial',
    clientId: client.id,
    siteIds: [site.id],
    plannedStart: '2025-12-01',
    plannedEnd: '2026-01-31',
  });
  if (wo.status !== 201) throw new Error(wo.text);
  workOrderId = wo.json().id;
}, 60_000);

afterAll(async () => {
  await close?.();
  await browser?.close();
});

async function importCatalogue(format: 'contract' | 'pue', file: string) {
  await page.goto('/catalogos/anexo-c');
  await page.getByTestId('catalogue-import-open').click();
  await page.locator('select[name="format"]').selectOption(format);
  await page.locator('input[name="contract"]').fill(CONTRACT);
  await page.getByTestId('catalogue-file').setInputFiles(fixture(file));
  await page.getByTestId('catalogue-upload').click();
  await page.getByTestId('catalogue-import-preview').waitFor();
  const summary = await page.getByTestId('catalogue-summary').textContent();
  await page.getByTestId('catalogue-commit').click();
  await page.getByTestId('catalogue-committed').waitFor({ timeout: 30_000 });
  return summary ?? '';
}

async function importAnnex(file: string) {
  await page.getByTestId('annex-import-open').click();
  await page.getByTestId('annex-upload-file').setInputFiles(fixture(file));
  await page.getByTestId('annex-upload-submit').click();
  await page.getByTestId('annex-wizard-preview').waitFor({ timeout: 30_000 });
}

describe('import wizards', () => {
  it('imports the contract catalogue and the PUE sheet through the UI', async () => {
    expect(await importCatalogue('contract', 'anexo-c-contrato.xlsx')).toMatch(/^1,?464 partidas en el archivo/);
    await screenshot(page, 'catalogue-import-contract');
    expect(await importCatalogue('pue', 'ot-annex-sabana.xlsx')).toMatch(/^3,?056 partidas en el archivo/);
    await page.keyboard.press('Escape');
    await page.getByTestId('catalogue-search').fill('2.10.');
    await expect.poll(async () => page.getByTestId('catalogue-row').count(), { timeout: 15_000 }).toBeGreaterThan(0);
  }, 90_000);

  it('imports the PTE workbook (version 1) and the sábana (version 2) into the OT annex', async () => {
    await page.goto(`/ots/${workOrderId}/anexo`);
    await page.getByTestId('annex-page').waitFor();
    await importAnnex('ot-annex-pte.xlsm');
    await expect.poll(async () => page.getByTestId('count-new').textContent()).toContain('1');
    await screenshot(page, 'annex-import-preview');
    await page.getByTestId('annex-commit').click();
    await page.getByTestId('annex-committed').waitFor();
    await page.getByTestId('annex-done').click();
    await expect.poll(async () => page.getByTestId('annex-row').count()).toBe(1);

    await importAnnex('ot-annex-sabana.xlsx');
    await expect.poll(async () => page.getByTestId('count-new').textContent()).toContain('2');
    await expect.poll(async () => page.getByTestId('count-removed').textContent()).toContain('1');
    await page.getByTestId('cap-rule-replacement').check();
    await page.getByTestId('annex-commit').click();
    await page.getByTestId('annex-committed').waitFor();
    await page.getByTestId('annex-done').click();
    await expect.poll(async () => page.getByTestId('annex-row').count()).toBe(3);
    const codes = await page.getByTestId('annex-row').locator('td:first-child').allTextContents();
    expect(codes).toEqual(['2.2.', '2.3.', '2.4.']);
    await expect.poll(async () => page.getByTestId('annex-version').count()).toBe(2);
    expect(await page.getByTestId('annex-total-mxn').textContent()).toMatch(/MXN/);
    await screenshot(page, 'annex-page');
  }, 90_000);

  it('"Otro archivo" discards the preview on the server and nothing changes', async () => {
    const uploaded = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith(`/work-orders/${workOrderId}/annex-imports`),
    );
    await importAnnex('ot-annex-sabana.xlsx');
    const { id } = (await (await uploaded).json()) as { id: number };
    const discarded = page.waitForResponse((r) => r.url().endsWith(`/annex-imports/${id}/discard`));
    await page.getByTestId('annex-other-file').click();
    expect((await discarded).status()).toBe(200);
    await page.getByTestId('annex-upload-file').waitFor();
    const api = await apiSession();
    expect((await api.call('GET', `/api/v1/annex-imports/${id}`)).json().status).toBe('discarded');
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('annex-row').count()).toBe(3);
  }, 60_000);

  it('a file that is not Excel gets a clear error and nothing changes', async () => {
    await page.getByTestId('annex-import-open').click();
    await page
      .getByTestId('annex-upload-file')
      .setInputFiles({ name: 'anexo.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 no es excel') });
    await page.getByTestId('annex-upload-submit').click();
    await expect.poll(async () => page.getByTestId('annex-upload-error').textContent()).toMatch(/no es un libro de Excel/);
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('annex-row').count()).toBe(3);
  }, 60_000);
});
