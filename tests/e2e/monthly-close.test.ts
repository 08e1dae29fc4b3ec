/**
 * The seed's lifecycle in the browser: data accumulates (daily reports, production with its GPU
 * evidence), the month's report exists automatically, the supervisor links the evidence folder and
 * submits; the checklist blocks the close until the three sign-offs by different people exist;
 * administration closes (the pack is frozen and downloadable); the admin reopens with a reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiSession, launchBrowser, loginAs, newPage, screenshot } from '../support/browser';
import { arrangeScenario, type Scenario } from './production-arrange';

let browser: Browser;
let s: Scenario;
let reportId: number;
const manager = { email: `gerente-mr-${Date.now()}@e2e.local`, password: 'gerente-e2e-pass' };
const billing = { email: `admin-mr-${Date.now()}@e2e.local`, password: 'billing-e2e-pass' };

async function ok<T = any>(p: Promise<{ status: number; text: string; json(): any }>): Promise<T> {
  const r = await p;
  if (r.status >= 300) throw new Error(`API ${r.status}: ${r.text}`);
  return r.json() as T;
}

beforeAll(async () => {
  browser = await launchBrowser();
  s = await arrangeScenario(`MR${Date.now().toString(36).toUpperCase()}`, { c2: ['100'], c3: ['100'] });
  const dates = Array.from({ length: 20 }, (_, i) => `2025-03-${String(i + 1).padStart(2, '0')}`);
  await ok(
    s.admin.call('POST', '/api/v1/daily-reports/bulk', {
      workOrderId: s.workOrderId,
      siteId: s.siteId,
      dates,
      report: { operationalStatus: 'productivo', signatureStatus: 'en_proceso' },
    }),
  );
  // The supervisor captures production; its GPU record gets its evidence.
  const sup = await apiSession(s.supervisor.email, s.supervisor.password);
  const c2 = s.lines.find((l) => l.subAnnex === 'C-2')!;
  await ok(
    sup.call('PUT', '/api/v1/production/grid', {
      workOrderId: s.workOrderId,
      year: 2025,
      month: 3,
      siteId: s.siteId,
      layer: 'TE',
      baseRevision: 0,
      cells: [{ lineItemId: c2.id, date: '2025-03-03', volume: '5', previous: null }],
    }),
  );
  const board = await ok<{ items: { id: number }[] }>(sup.call('GET', `/api/v1/gpu/board?workOrderId=${s.workOrderId}&year=2025&month=3`));
  for (const g of board.items)
    await ok(sup.call('PATCH', `/api/v1/gpu/${g.id}`, { evidenceUrl: 'https://drive.google.com/drive/folders/gpu-e2e' }));
  await ok(
    s.admin.call('POST', '/api/v1/users', {
      email: manager.email,
      name: 'Gerente E2E',
      role: 'gerente_operaciones',
      password: manager.password,
    }),
  );
  await ok(
    s.admin.call('POST', '/api/v1/users', {
      email: billing.email,
      name: 'Administración E2E',
      role: 'administracion',
      password: billing.password,
    }),
  );
  // Automatic creation: the first write of the month created its report.
  const list = await ok<{ items: { id: number; status: string }[] }>(
    s.admin.call('GET', `/api/v1/monthly-reports?workOrderId=${s.workOrderId}&year=2025&month=3`),
  );
  expect(list.items).toHaveLength(1);
  expect(list.items[0]!.status).toBe('abierto');
  reportId = list.items[0]!.id;
});

afterAll(async () => {
  await browser?.close();
});

async function as(user: { email: string; password: string } | null, run: (page: Page) => Promise<void>) {
  const { context, page } = await newPage(browser);
  try {
    if (user) await loginAs(page, user.email, user.password);
    else await loginAs(page);
    await run(page);
  } finally {
    await context.close();
  }
}

/** Browser state settles asynchronously: poll up to 15 s (vitest's default poll is 1 s). */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

const check = (page: Page, key: string) => page.locator(`[data-testid="mr-check"][data-key="${key}"]`);

describe('monthly close in the browser', () => {
  it('board → evidence → submit → blocked close → sign-offs → close → frozen pack → reopen with reason', async () => {
    // Supervisor: finds the month on the closure board, links the evidence folder and submits.
    await as(s.supervisor, async (page) => {
      await page.goto('/reportes-mensuales');
      await page.getByTestId('board-from').fill('2025-01');
      await page.getByTestId('board-to').fill('2025-04');
      const row = page.locator(`[data-testid="board-row"][data-folio="${s.folio}"]`);
      await poll(() => row.locator('[data-month="2025-3"]').textContent()).toContain('Abierto');
      await screenshot(page, 'monthly-board');
      await row.locator('[data-month="2025-3"] a').click();
      await poll(async () => (await page.getByTestId('page-title').textContent())?.trim()).toBe(`Reporte ${s.folio} - 3/2025`);
      await poll(async () => (await page.getByTestId('mr-folder-name').textContent())?.trim()).toBe(`${s.folio}_Marzo_2025/`);
      await poll(() => check(page, 'evidence_url').getAttribute('data-result')).toBe('falla');
      await page.getByTestId('mr-evidence-input').fill('javascript:alert(1)');
      await page.getByTestId('mr-evidence-save').click();
      await poll(() => page.getByTestId('mr-evidence-error').textContent()).toContain('http');
      await page.getByTestId('mr-evidence-input').fill('https://drive.google.com/drive/folders/e2e-marzo');
      await page.getByTestId('mr-evidence-save').click();
      await poll(() => page.getByTestId('mr-evidence-link').getAttribute('href')).toBe('https://drive.google.com/drive/folders/e2e-marzo');
      await poll(() => check(page, 'evidence_url').getAttribute('data-result')).toBe('ok');
      await page.getByTestId('mr-action-submit').click();
      await poll(async () => (await page.getByTestId('mr-status').textContent())?.trim()).toBe('En Revisión');
      await page.getByTestId('mr-sign-supervisor_reviewed').click();
      await poll(() => page.locator('[data-testid="mr-sign-off"][data-kind="supervisor_reviewed"]').getAttribute('data-signed')).toBe(
        'yes',
      );
      await screenshot(page, 'monthly-review');
    });

    // Administration: the checklist really blocks the close while sign-offs are missing.
    await as(billing, async (page) => {
      await page.goto(`/reportes-mensuales/${reportId}`);
      await poll(() => check(page, 'sign_offs').getAttribute('data-result')).toBe('falla');
      await page.getByTestId('mr-action-close').click();
      await poll(() => page.getByTestId('toast').last().textContent()).toContain('No se puede cerrar');
      await poll(async () => (await page.getByTestId('mr-status').textContent())?.trim()).toBe('En Revisión');
      await page.getByTestId('mr-sign-administration_confirmed').click();
      await poll(() => page.locator('[data-testid="mr-sign-off"][data-kind="administration_confirmed"]').getAttribute('data-signed')).toBe(
        'yes',
      );
    });

    await as(manager, async (page) => {
      await page.goto(`/reportes-mensuales/${reportId}`);
      await page.getByTestId('mr-sign-manager_validated').click();
      await poll(() => check(page, 'sign_offs').getAttribute('data-result')).toBe('ok');
    });

    // Administration closes: status Cerrado, version 1 frozen with its SHA-256, downloadable.
    await as(billing, async (page) => {
      await page.goto(`/reportes-mensuales/${reportId}`);
      await poll(async () => (await page.getByTestId('mr-checklist-progress').textContent())?.trim()).toBe('7 de 7 puntos bloqueantes');
      await page.getByTestId('mr-action-close').click();
      await poll(async () => (await page.getByTestId('mr-status').textContent())?.trim()).toBe('Cerrado');
      await poll(() => page.getByTestId('mr-version').count()).toBe(1);
      await poll(() => page.getByTestId('mr-evidence-input').count()).toBe(0);
      const download = page.waitForEvent('download');
      await page.getByTestId('mr-version-pdf').click();
      expect((await download).suggestedFilename()).toMatch(/_v1\.pdf$/);
      await screenshot(page, 'monthly-closed');
    });

    // Locked: a late grid save by the supervisor is refused.
    const sup = await apiSession(s.supervisor.email, s.supervisor.password);
    const late = await sup.call('PUT', '/api/v1/production/grid', {
      workOrderId: s.workOrderId,
      year: 2025,
      month: 3,
      siteId: s.siteId,
      layer: 'TE',
      baseRevision: 0,
      cells: [{ lineItemId: s.lines[0]!.id, date: '2025-03-04', volume: '1', previous: null }],
    });
    expect(late.status).toBe(409);
    expect(late.json().error.code).toBe('period_closed');

    // Admin reopens with a mandatory reason: version 2, history shows the reason.
    await as(null, async (page) => {
      await page.goto(`/reportes-mensuales/${reportId}`);
      await page.getByTestId('mr-action-reopen').click();
      await poll(() => page.getByTestId('reason-confirm').isDisabled()).toBe(true);
      await page.getByTestId('reason-input').fill('Corrección del volumen del día 3');
      await page.getByTestId('reason-confirm').click();
      await poll(async () => (await page.getByTestId('mr-status').textContent())?.trim()).toBe('Abierto');
      await poll(() => page.getByTestId('page-title').isVisible()).toBe(true);
      await poll(() => page.locator('[data-testid="mr-transition"][data-action="reopen"]').textContent()).toContain(
        'Corrección del volumen del día 3',
      );
      await page.getByTestId('mr-diff-open').click();
      await poll(() => page.getByTestId('mr-diff').textContent()).toContain('Versión 1');
      await screenshot(page, 'monthly-reopened');
    });
  });
});
