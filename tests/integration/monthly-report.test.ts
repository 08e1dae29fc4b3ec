/**
 * The monthly report model and its queries (seed: model, get-or-create, child relationships,
 * querying, database constraints, troubleshooting) through the modern API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkOrder } from '../support/builders';
import {
  buildCompleteMonth,
  buildMonthOt,
  ensureReport,
  insertDailyReports,
  insertLineItem,
  insertProduction,
  setStatus,
} from '../support/builders-monthly';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const pool = () => t.database.pool;

describe('model', () => {
  it('opens a month Abierto, displayed "Reporte <folio> - <mes>/<año>", with timestamps, the proposed folder and child counts', async () => {
    const ot = await buildMonthOt(t.admin, { folio: 'OTE-2025-001' });
    const res = await t.admin.post('/api/v1/monthly-reports', { workOrderId: ot.workOrderId, year: 2025, month: 3 });
    expect(res.statusCode).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({
      workOrderId: ot.workOrderId,
      year: 2025,
      month: 3,
      status: 'abierto',
      statusLabel: 'Abierto',
      displayName: 'Reporte OTE-2025-001 - 3/2025',
      evidenceUrl: null,
      version: 1,
    });
    expect(r.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(r.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(r.folder).toEqual({
      root: 'OTE-2025-001_Marzo_2025/',
      subfolders: [
        'OTE-2025-001_Marzo_2025/Fotos_Diarias/',
        'OTE-2025-001_Marzo_2025/Reportes_Operativos/',
        'OTE-2025-001_Marzo_2025/GPU_Evidencias/',
        'OTE-2025-001_Marzo_2025/Incidentes/',
      ],
    });
    expect(r.counts).toEqual({ dailyReports: 0, productiveDays: 0, productionEntries: 0, gpuRecords: 0, excessEntries: 0 });
    expect(r.abilities.submit).toBe(true);
  });

  it('duplicate creation is idempotent (200, same id), never an IntegrityError', async () => {
    const ot = await buildMonthOt(t.admin);
    const first = await t.admin.post('/api/v1/monthly-reports', { workOrderId: ot.workOrderId, year: 2025, month: 3 });
    const second = await t.admin.post('/api/v1/monthly-reports', { workOrderId: ot.workOrderId, year: 2025, month: 3 });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(200);
    expect(second.json().id).toBe(first.json().id);
  });

  it('100 concurrent first writes create exactly one report and all succeed', async () => {
    const ot = await buildMonthOt(t.admin);
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => t.admin.post('/api/v1/monthly-reports', { workOrderId: ot.workOrderId, year: 2025, month: 4 })),
    );
    expect(answers.every((a) => a.statusCode === 200 || a.statusCode === 201)).toBe(true);
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    const n = await pool().query(`select count(*)::int as n from monthly_reports where work_order_id = $1 and year = 2025 and month = 4`, [
      ot.workOrderId,
    ]);
    expect(n.rows[0].n).toBe(1);
  });

  it('the database refuses a second row for the same (OT, year, month), a month outside 1–12 and a bad year', async () => {
    const ot = await buildMonthOt(t.admin);
    await ensureReport(pool(), ot.workOrderId, 2025, 5);
    await expect(
      pool().query(`insert into monthly_reports (work_order_id, year, month) values ($1, 2025, 5)`, [ot.workOrderId]),
    ).rejects.toThrow(/unique|duplicate/i);
    await expect(
      pool().query(`insert into monthly_reports (work_order_id, year, month) values ($1, 2025, 13)`, [ot.workOrderId]),
    ).rejects.toThrow(/check/i);
    await expect(
      pool().query(`insert into monthly_reports (work_order_id, year, month) values ($1, 99, 1)`, [ot.workOrderId]),
    ).rejects.toThrow(/check/i);
  });

  it.each([
    [{ month: 13 }, 'mes'],
    [{ month: 0 }, 'mes'],
    [{ year: 25 }, 'año'],
    [{ year: 'abc' }, 'año'],
  ])('refuses %o with 400 and a Spanish message, creating nothing', async (override, word) => {
    const ot = await buildMonthOt(t.admin);
    const res = await t.admin.post('/api/v1/monthly-reports', { workOrderId: ot.workOrderId, year: 2025, month: 3, ...override });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error)).toMatch(new RegExp(word, 'i'));
    const n = await pool().query(`select count(*)::int as n from monthly_reports where work_order_id = $1`, [ot.workOrderId]);
    expect(n.rows[0].n).toBe(0);
  });

  it('unknown OT → 404', async () => {
    const res = await t.admin.post('/api/v1/monthly-reports', { workOrderId: 999999, year: 2025, month: 3 });
    expect(res.statusCode).toBe(404);
  });

  it('a reprogramming files under its family initial OT', async () => {
    const ot = await buildMonthOt(t.admin);
    const re = await buildWorkOrder(t.admin, {
      kind: 'reprogramming',
      parentId: ot.workOrderId,
      folio: ot.folio,
      siteIds: ot.siteIds,
      plannedStart: '2025-04-01',
      plannedEnd: '2025-06-30',
    });
    const res = await t.admin.post('/api/v1/monthly-reports', { workOrderId: re.id, year: 2025, month: 3 });
    expect(res.json().workOrderId).toBe(ot.workOrderId);
  });

  it('child relations: its daily reports (productive days counted) and its production', async () => {
    const m = await buildCompleteMonth(t);
    await insertDailyReports(pool(), {
      reportId: m.reportId,
      siteId: m.siteIds[0]!,
      dates: m.days.slice(0, 2),
      operationalStatus: 'en_espera',
    });
    const detail = (await t.admin.get(`/api/v1/monthly-reports/${m.reportId}`)).json();
    expect(detail.counts).toMatchObject({
      dailyReports: m.days.length,
      productiveDays: m.days.length - 2,
      productionEntries: 2,
      gpuRecords: 1,
    });
    const daily = (await t.admin.get(`/api/v1/monthly-reports/${m.reportId}/daily-reports?limit=5`)).json();
    expect(daily.items).toHaveLength(5);
    expect(daily.items[0]).toMatchObject({ date: m.days[0], operationalStatus: 'en_espera' });
    const prod = (await t.admin.get(`/api/v1/monthly-reports/${m.reportId}/production`)).json();
    expect(prod.items.map((p: { code: string }) => p.code)).toEqual(['2.1.', '4.1.']);
  });

  it('deprecated line items (inactive) are excluded from the production list, counts and checklist', async () => {
    const m = await buildCompleteMonth(t);
    const old = await insertLineItem(pool(), { familyId: m.workOrderId, subAnnex: 'C-3', code: '3.9.', active: false });
    // No GPU and a Sin actividad day: would fail two blocking items if it counted.
    await insertProduction(pool(), { lineItemId: old, reportId: m.reportId, siteId: m.siteIds[0]!, date: m.days[9]!, volume: '5' });
    const prod = (await t.admin.get(`/api/v1/monthly-reports/${m.reportId}/production`)).json();
    expect(prod.items.map((p: { code: string }) => p.code)).not.toContain('3.9.');
    expect((await t.admin.get(`/api/v1/monthly-reports/${m.reportId}`)).json().counts.productionEntries).toBe(2);
    const checklist = (await t.admin.get(`/api/v1/monthly-reports/${m.reportId}/checklist`)).json();
    expect(checklist.items.find((i: { key: string }) => i.key === 'gpu_evidence').result).toBe('ok');
  });
});

describe('evidence link (modern API)', () => {
  it('sets an http(s) link, get-or-creating the month, and audits it', async () => {
    const ot = await buildMonthOt(t.admin);
    const res = await t.admin.put('/api/v1/monthly-reports/evidence', {
      workOrderId: ot.workOrderId,
      year: 2025,
      month: 3,
      evidenceUrl: 'https://drive.google.com/drive/folders/xyz',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'abierto', evidenceUrl: 'https://drive.google.com/drive/folders/xyz' });
    const audit = await pool().query(
      `select action, via, changes from audit_log where entity = 'monthly_report' and entity_id = $1 and action = 'set_evidence'`,
      [String(res.json().id)],
    );
    expect(audit.rows[0]).toMatchObject({
      via: 'web',
      changes: { evidenceUrl: { before: null, after: 'https://drive.google.com/drive/folders/xyz' } },
    });
  });

  it.each(['javascript:alert(1)', 'ftp://x.org/a', 'drive.google.com/x', 'http:/x', 'https://exa mple.com'])(
    'refuses %s with 400, changing nothing',
    async (url) => {
      const m = await buildCompleteMonth(t);
      const res = await t.admin.put(`/api/v1/monthly-reports/${m.reportId}/evidence`, { evidenceUrl: url });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/http/);
      expect((await t.admin.get(`/api/v1/monthly-reports/${m.reportId}`)).json().evidenceUrl).toBe(
        'https://drive.google.com/drive/folders/abc',
      );
    },
  );

  it.each(['cerrado', 'facturado'] as const)('refuses to change the link of a %s month (409 period_closed)', async (status) => {
    const m = await buildCompleteMonth(t);
    await setStatus(pool(), m.reportId, status);
    const res = await t.admin.put(`/api/v1/monthly-reports/${m.reportId}/evidence`, { evidenceUrl: 'https://drive.google.com/other' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('period_closed');
  });

  it('consulta reads the link but cannot write it (403)', async () => {
    const m = await buildCompleteMonth(t);
    const consulta = await t.userWithRole('consulta');
    expect((await consulta.get(`/api/v1/monthly-reports/${m.reportId}`)).json().evidenceUrl).toBe(
      'https://drive.google.com/drive/folders/abc',
    );
    const res = await consulta.put(`/api/v1/monthly-reports/${m.reportId}/evidence`, { evidenceUrl: 'https://drive.google.com/other' });
    expect(res.statusCode).toBe(403);
  });

  it('a supervisor outside the OT cannot read or write it', async () => {
    const m = await buildCompleteMonth(t);
    const sup = await t.userWithRole('supervisor');
    expect((await sup.get(`/api/v1/monthly-reports/${m.reportId}`)).statusCode).toBe(403);
    expect((await sup.put(`/api/v1/monthly-reports/${m.reportId}/evidence`, { evidenceUrl: 'https://x.org/a' })).statusCode).toBe(403);
    const list = (await sup.get(`/api/v1/monthly-reports?workOrderId=${m.workOrderId}`)).json();
    expect(list.items).toHaveLength(0);
  });
});

describe('queries of the seed', () => {
  it('filters by workOrderId, year, month and status and returns {items:[…]} with the contract fields', async () => {
    const ot = await buildMonthOt(t.admin, { folio: `OTE-Q-${Date.now()}` });
    const a = await ensureReport(pool(), ot.workOrderId, 2025, 1);
    const b = await ensureReport(pool(), ot.workOrderId, 2025, 2);
    const c = await ensureReport(pool(), ot.workOrderId, 2024, 12);
    await setStatus(pool(), a, 'cerrado');
    await setStatus(pool(), c, 'cerrado');
    const all = (await t.admin.get(`/api/v1/monthly-reports?workOrderId=${ot.workOrderId}`)).json();
    expect(all.items.map((i: { id: number }) => i.id)).toEqual([b, a, c]);
    for (const key of ['id', 'workOrderId', 'year', 'month', 'status', 'evidenceUrl']) expect(all.items[0]).toHaveProperty(key);
    // Closed reports of a given OT (by folio), newest first.
    const closed = (await t.admin.get(`/api/v1/monthly-reports?folio=${ot.folio}&status=cerrado`)).json();
    expect(closed.items.map((i: { id: number }) => i.id)).toEqual([a, c]);
    const open = (await t.admin.get(`/api/v1/monthly-reports?workOrderId=${ot.workOrderId}&status=abierto`)).json();
    expect(open.items.map((i: { id: number }) => i.id)).toEqual([b]);
    const one = (await t.admin.get(`/api/v1/monthly-reports?workOrderId=${ot.workOrderId}&year=2025&month=2`)).json();
    expect(one.items.map((i: { id: number }) => i.id)).toEqual([b]);
  });

  it('all reports of the current month across OTs', async () => {
    const now = new Date(new Date().toLocaleString('en-US', { timeZone: 'America/Mexico_City' }));
    const y = now.getFullYear();
    const mo = now.getMonth() + 1;
    const ot1 = await buildMonthOt(t.admin);
    const ot2 = await buildMonthOt(t.admin);
    const r1 = await ensureReport(pool(), ot1.workOrderId, y, mo);
    const r2 = await ensureReport(pool(), ot2.workOrderId, y, mo);
    const res = (await t.admin.get('/api/v1/monthly-reports?period=current')).json();
    const ids = res.items.map((i: { id: number }) => i.id);
    expect(ids).toEqual(expect.arrayContaining([r1, r2]));
    expect(res.items.every((i: { year: number; month: number }) => i.year === y && i.month === mo)).toBe(true);
  });

  it('rejects bad filters with 400', async () => {
    expect((await t.admin.get('/api/v1/monthly-reports?month=13')).statusCode).toBe(400);
    expect((await t.admin.get('/api/v1/monthly-reports?status=borrador')).statusCode).toBe(400);
    expect((await t.admin.get('/api/v1/monthly-reports?year=1999')).statusCode).toBe(400);
  });

  it('exports the list to XLSX', async () => {
    const res = await t.admin.get('/api/v1/monthly-reports/export.xlsx?status=abierto');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('closure board: OTs × months with status, sign-offs, checklist progress and overdue flags', async () => {
    const ot = await buildMonthOt(t.admin, { folio: `OTE-B-${Date.now()}` });
    const r = await ensureReport(pool(), ot.workOrderId, 2025, 3);
    await t.admin.get(`/api/v1/monthly-reports/${r}/checklist`); // caches the progress
    const res = await t.admin.get(`/api/v1/monthly-reports/board?from=2025-02&to=2025-04&q=${ot.folio}`);
    expect(res.statusCode).toBe(200);
    const board = res.json();
    expect(board.months).toEqual([
      { year: 2025, month: 2 },
      { year: 2025, month: 3 },
      { year: 2025, month: 4 },
    ]);
    const row = board.rows.find((x: { workOrderId: number }) => x.workOrderId === ot.workOrderId);
    expect(row.cells[0]).toMatchObject({ reportId: null, status: null, overdue: false });
    // March 2025 is long past: it should be Cerrado, so an Abierto report is overdue.
    expect(row.cells[1]).toMatchObject({
      reportId: r,
      status: 'abierto',
      overdue: true,
      expectedStatus: 'cerrado',
      signOffs: 0,
      checklistTotal: 7,
    });
    expect(typeof row.cells[1].checklistPassed).toBe('number');
    expect((await t.admin.get('/api/v1/monthly-reports/board?from=2025-05&to=2025-01')).statusCode).toBe(400);
  });
});
