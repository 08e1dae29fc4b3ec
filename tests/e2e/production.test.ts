/**
 * Issue 4 "Done when", in the browser: a supervisor fills a month of daily reports, pastes a
 * block of volumes copied from a spreadsheet into the grid, saves, sees excess and KPIs update,
 * gets a clear refusal on a signed day and on a conflicting concurrent save, and fills GPU
 * evidence. Screenshots go to test-results/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridKpis } from '../../domain/grid-kpis';
import { formatAmount } from '../../domain/money';
import { launchBrowser, loginAs, newPage, screenshot } from '../support/browser';
import { arrangeScenario, PERIOD, type Scenario } from './production-arrange';

let browser: Browser;
let page: Page;
let s: Scenario;
const q = () => `?ot=${s.workOrderId}&sitio=${s.siteId}&anio=${PERIOD.year}&mes=${PERIOD.month}&capa=TE`;
const line = (i: number) => s.lines[i]!;
const cell = (i: number, day: number) => page.getByTestId(`cell-${line(i).id}-${day}`);
/** The value shown in a day cell (the planned volume is shown small beside it). */
const value = (i: number, day: number) => cell(i, day).locator('.pg-value, .sg-editor').first().textContent();

/** Fires a real paste event carrying text/plain, as Ctrl+V of a block copied from Excel does. */
async function paste(text: string) {
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

async function saveGrid() {
  await page.getByTestId('grid-save').click();
  await expect.poll(() => page.getByTestId('grid-save').getAttribute('aria-busy')).toBeNull();
}

beforeAll(async () => {
  s = await arrangeScenario(`P${Date.now().toString(36).toUpperCase()}`, { c2: ['10', '2000', '50'], c3: ['5'] });
  browser = await launchBrowser();
  ({ page } = await newPage(browser));
  await loginAs(page, s.supervisor.email, s.supervisor.password);
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

describe('production capture in the browser (issue 4)', () => {
  it('a supervisor fills a month of daily reports; days outside the window are closed', async () => {
    await page.goto(`/produccion/reportes-diarios${q()}`);
    const row = page.getByTestId(`daily-row-${s.workOrderId}`);
    await expect.poll(() => row.isVisible()).toBe(true);
    expect(await page.getByTestId(`daily-cell-${s.workOrderId}-21`).getAttribute('aria-disabled')).toBe('true');

    await page.getByTestId(`daily-select-month-${s.workOrderId}`).click();
    await page.getByTestId('field-operationalStatus').selectOption('productivo');
    await page.getByTestId('daily-apply').click();
    await expect.poll(() => page.getByTestId(`daily-productive-${s.workOrderId}`).textContent()).toBe('20');
    expect(await page.getByTestId(`daily-cell-${s.workOrderId}-20`).getAttribute('data-status')).toBe('productivo/pendiente');
    expect(await page.getByTestId(`daily-cell-${s.workOrderId}-21`).getAttribute('data-status')).toBe('');

    // Day 5 is signed: from now on the site's production of that day is frozen.
    await page.getByTestId(`daily-cell-${s.workOrderId}-5`).click();
    await page.getByTestId('field-signatureStatus').selectOption('firmado');
    await page.getByTestId('daily-apply').click();
    await expect.poll(() => page.getByTestId(`daily-cell-${s.workOrderId}-5`).getAttribute('data-status')).toBe('productivo/firmado');

    // A supervisor cannot un-sign: the form says so and offers nothing that would.
    await page.getByTestId(`daily-cell-${s.workOrderId}-5`).click();
    await expect.poll(() => page.getByTestId('unsign-blocked').isVisible()).toBe(true);
    expect(await page.getByTestId('daily-clear').isDisabled()).toBe(true);
    await screenshot(page, 'production-01-daily-reports');
  });

  it('pastes a block from Excel, undoes it, refuses bad values, saves, and shows excess and KPIs', async () => {
    await page.goto(`/produccion${q()}`);
    await expect.poll(() => cell(0, 1).isVisible()).toBe(true);
    expect(await page.getByTestId('kpi-MXN-producedThisMonth').textContent()).toBe('$0.00');

    // Block copied from Excel: es-MX grouping, plain numbers, an empty cell, CRLF rows.
    const block = '4\t3.5\t5\r\n1,234.5\t0.5\t\r\n2\t2\t2\r\n';
    await cell(0, 1).click();
    await paste(block);
    await expect.poll(() => page.getByTestId('unsaved-badge').textContent()).toContain('8');
    expect(await value(1, 1)).toBe('1,234.5');

    // Undo of the last paste before saving.
    await page.getByTestId('production-grid').press('Control+z');
    await expect.poll(() => page.getByTestId('unsaved-badge').count()).toBe(0);
    await cell(0, 1).click();
    await paste(block);
    await expect.poll(() => page.getByTestId('unsaved-badge').textContent()).toContain('8');

    // KPIs follow the edits before saving (same domain function as the server).
    const expectedKpis = gridKpis(
      s.lines.map((l, i) => ({
        authorizedVolume: l.cap,
        puMxn: l.puMxn,
        puUsd: l.puUsd,
        producedBefore: '0',
        producedThisMonth: ['12.5', '1235', '6', '0'][i]!,
      })),
    );
    await expect
      .poll(() => page.getByTestId('kpi-MXN-producedThisMonth').textContent())
      .toBe(`$${formatAmount(expectedKpis.MXN.producedThisMonth)}`);
    expect(await page.getByTestId('kpi-MXN-remaining').textContent()).toBe(`$${formatAmount(expectedKpis.MXN.remaining)}`);

    // A bad value is shown in red with the Spanish reason and is not sent.
    await cell(3, 1).click();
    await page.keyboard.type('-3');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('invalid-cells').textContent()).toContain('No se admiten valores negativos.');
    expect(await cell(3, 1).getAttribute('class')).toContain('pg-invalid');
    await cell(3, 1).click();
    await page.keyboard.press('Delete');
    await expect.poll(() => page.getByTestId('invalid-cells').count()).toBe(0);

    // Fill down (Ctrl+D): line 3's day 1 value copied to the C-3 line below.
    await cell(2, 1).click();
    await page.keyboard.down('Shift');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.up('Shift');
    await page.keyboard.press('Control+d');
    await expect.poll(() => value(3, 1)).toBe('2');
    await screenshot(page, 'production-02-grid-pasted');

    await saveGrid();
    await expect.poll(() => page.getByTestId('grid-message').textContent()).toContain('Producción guardada: 9 celdas escritas.');
    expect(await page.getByTestId('unsaved-badge').count()).toBe(0);

    // Excess: line 1 (cap 10) reaches 12.5 → 2.5 above the cap on day 3; the C-3 line (cap 5) has 2, none.
    await expect.poll(() => cell(0, 3).getAttribute('class')).toContain('pg-excess');
    expect(await cell(0, 3).getAttribute('title')).toContain('Excedente: 2.5');
    expect(await cell(0, 1).getAttribute('class')).not.toContain('pg-excess');
    // The month total, amounts and excess columns are at the far right (columns are virtualized).
    await cell(0, 3).click();
    await page.keyboard.press('End');
    await expect.poll(() => page.getByTestId(`excess-${line(0).id}`).textContent()).toContain('2.5');
    expect(await page.getByTestId(`total-${line(0).id}`).textContent()).toBe('12.5');
    expect(await page.getByTestId(`excess-${line(3).id}`).count()).toBe(0);
    const saved = gridKpis(
      s.lines.map((l, i) => ({
        authorizedVolume: l.cap,
        puMxn: l.puMxn,
        puUsd: l.puUsd,
        producedBefore: '0',
        producedThisMonth: ['12.5', '1235', '6', '2'][i]!,
      })),
    );
    expect(await page.getByTestId('kpi-MXN-producedThisMonth').textContent()).toBe(`$${formatAmount(saved.MXN.producedThisMonth)}`);
    expect(await page.getByTestId('monthly-status').textContent()).toBe('Abierto');

    // After a reload the server's figures are the same as the ones the browser computed.
    await page.reload();
    await expect
      .poll(() => page.getByTestId('kpi-MXN-producedThisMonth').textContent())
      .toBe(`$${formatAmount(saved.MXN.producedThisMonth)}`);
    await screenshot(page, 'production-03-grid-saved-excess');
  });

  it('refuses a signed day: locked in the grid, and 409 day_signed when it is signed while editing', async () => {
    await page.goto(`/produccion${q()}`);
    await expect.poll(() => cell(0, 1).isVisible()).toBe(true);
    expect(await cell(0, 5).getAttribute('class')).toContain('pg-locked');
    expect(await page.getByTestId('day-header-5').getAttribute('title')).toContain('Día firmado');

    // Pasting over the signed day writes around it and says so.
    await cell(2, 4).click();
    await paste('1\t1\t1\r\n');
    await expect.poll(() => page.getByTestId('grid-message').textContent()).toContain('1 celdas bloqueadas no se modificaron');
    expect(await page.getByTestId('unsaved-badge').textContent()).toContain('2');
    await page.getByTestId('production-grid').press('Control+z');

    // Day 7 gets signed by the operations side while the supervisor is typing in it.
    await cell(2, 7).click();
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    const signed = await s.admin.call('PUT', '/api/v1/daily-reports', {
      workOrderId: s.workOrderId,
      siteId: s.siteId,
      date: '2025-03-07',
      operationalStatus: 'productivo',
      signatureStatus: 'firmado',
    });
    expect(signed.status, signed.text).toBe(200);
    await saveGrid();
    await expect.poll(() => page.getByTestId('grid-message').textContent()).toMatch(/firmad/i);
    expect(await page.getByTestId('unsaved-badge').textContent()).toContain('1');
    await screenshot(page, 'production-04-signed-day-refused');
    await page.getByTestId('grid-discard').click();
    await page.getByTestId('confirm-accept').click();
    await expect.poll(() => page.getByTestId('unsaved-badge').count()).toBe(0);
  });

  it('refuses a conflicting concurrent save with the cells listed, reloads them and keeps other edits', async () => {
    await page.goto(`/produccion${q()}`);
    await expect.poll(() => value(0, 2)).toBe('3.5');
    await cell(0, 2).click();
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    await cell(2, 10).click();
    await page.keyboard.type('1.25');
    await page.keyboard.press('Enter');

    // A second session saves the same cell first.
    const g = await s.admin.call(
      'GET',
      `/api/v1/production/grid?workOrderId=${s.workOrderId}&siteId=${s.siteId}&year=2025&month=3&layer=TE`,
    );
    const other = await s.admin.call('PUT', '/api/v1/production/grid', {
      workOrderId: s.workOrderId,
      siteId: s.siteId,
      year: 2025,
      month: 3,
      layer: 'TE',
      baseRevision: g.json().revision,
      cells: [{ lineItemId: line(0).id, date: '2025-03-02', volume: '9', previous: '3.5' }],
    });
    expect(other.status, other.text).toBe(200);

    await saveGrid();
    await expect.poll(() => page.getByTestId('conflict-panel').isVisible()).toBe(true);
    expect(await page.getByTestId('grid-message').textContent()).toContain('Otra persona cambió 1 de estas celdas');
    expect(await page.getByTestId(`conflict-${line(0).id}-2`).textContent()).toContain('valor guardado 9');
    expect(await cell(0, 2).getAttribute('class')).toContain('pg-conflict');
    await screenshot(page, 'production-05-conflict');

    await page.getByTestId('conflict-reload').click();
    await expect.poll(() => value(0, 2)).toBe('9');
    expect(await page.getByTestId('unsaved-badge').textContent()).toContain('1');
    await saveGrid();
    await expect.poll(() => page.getByTestId('grid-message').textContent()).toContain('Producción guardada: 1 celdas escritas.');
  });

  it('warns before leaving with unsaved changes', async () => {
    await cell(2, 11).click();
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    await page.getByTestId('tab-gpu').click();
    await expect.poll(() => page.getByTestId('confirm-dialog').isVisible()).toBe(true);
    expect(await page.getByTestId('confirm-dialog').textContent()).toContain('1 cambios sin guardar');
    await page.keyboard.press('Escape');
    expect(new URL(page.url()).pathname).toBe('/produccion');
    await page.getByTestId('grid-undo').click();
    await expect.poll(() => page.getByTestId('unsaved-badge').count()).toBe(0);
  });

  it('fills GPU evidence: one card per entry, http(s) links only, rendered safely', async () => {
    await page.getByTestId('tab-gpu').click();
    await expect.poll(() => page.getByTestId('gpu-board').isVisible()).toBe(true);
    // Entries with volume > 0 in C-2/C-3: line 1 days 1-3, line 2 days 1-2, line 3 days 1-3 and 10, the C-3 line day 1 → 10 records.
    expect(await page.getByTestId('gpu-counts').textContent()).toContain('10 registros, 0 con evidencia');
    const chips = page.locator('[data-testid^="gpu-chip-"]');
    expect(await chips.count()).toBe(10);
    await chips.first().click();

    await page.getByTestId('gpu-evidence').fill('javascript:alert(1)');
    await expect.poll(() => page.getByTestId('gpu-save').isDisabled()).toBe(true);
    expect(await page.getByTestId('gpu-editor').textContent()).toContain('La URL debe comenzar con http:// o https://');

    const url = 'https://drive.google.com/drive/folders/e2e-gpu-evidence';
    await page.getByTestId('gpu-evidence').fill(url);
    await page.getByTestId('gpu-status').selectOption('en_proceso');
    await page.getByTestId('gpu-save').click();
    await expect.poll(() => page.getByTestId('gpu-counts').textContent()).toContain('10 registros, 1 con evidencia');
    const link = page.getByTestId('gpu-evidence-link');
    await expect.poll(() => link.getAttribute('href')).toBe(url);
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await page.locator('[data-testid^="gpu-chip-"][data-status="en_proceso"]').count()).toBe(1);
    await screenshot(page, 'production-06-gpu-evidence');
  });
});
