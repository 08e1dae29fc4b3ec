import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app';
import { buildSite, buildWorkOrder } from '../support/builders';
import { buildProductionFamily, saveCells } from '../support/builders-production';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const put = (c: TestApp['admin'], body: Record<string, unknown>) =>
  c.put('/api/v1/daily-reports', { operationalStatus: 'productivo', ...body });
const reportsOf = async (familyId: number) =>
  (
    await t.database.pool.query(
      `select d.date::text, d.site_id, d.operational_status, d.signature_status, d.note from daily_reports d join monthly_reports m on m.id = d.monthly_report_id where m.work_order_id = $1 order by 1, 2`,
      [familyId],
    )
  ).rows;

describe('daily reports', () => {
  it('grid: the site OTs × days, window per OT, productive days; PUT creates, clearing deletes', async () => {
    const site = await buildSite(t.admin);
    const a = await buildWorkOrder(t.admin, {
      siteIds: [site.id],
      plannedStart: '2025-03-10',
      plannedEnd: '2025-06-30',
      folio: `A-${Date.now()}`,
    });
    const b = await buildWorkOrder(t.admin, {
      siteIds: [site.id],
      plannedStart: '2025-01-01',
      plannedEnd: '2025-02-28',
      folio: `B-${Date.now()}`,
    });
    for (const [date, status] of [
      ['2025-03-10', 'productivo'],
      ['2025-03-11', 'en_espera'],
      ['2025-03-12', 'productivo'],
    ] as const) {
      const res = await put(t.admin, { workOrderId: a.id, siteId: site.id, date, operationalStatus: status, note: '  Maniobras  ' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ date, operationalStatus: status, signatureStatus: 'pendiente', note: 'Maniobras' });
    }
    const grid = (await t.admin.get(`/api/v1/daily-reports/grid?siteId=${site.id}&year=2025&month=3`)).json();
    expect(grid.rows.map((r: { familyId: number }) => r.familyId)).toEqual([a.id]); // B's window misses March
    expect(
      (await t.admin.get(`/api/v1/daily-reports/grid?siteId=${site.id}&year=2025&month=2`))
        .json()
        .rows.map((r: { familyId: number }) => r.familyId),
    ).toEqual([b.id]);
    const row = grid.rows[0];
    expect(row.days).toHaveLength(31);
    expect(row.days[8]).toMatchObject({ inWindow: false, lockedReason: 'outside_window', report: null });
    expect(row.days[9].report.operationalStatus).toBe('productivo');
    expect(row.productiveDays).toBe(2);
    expect(row.monthlyReport.status).toBe('abierto');
    const pd = (await t.admin.get(`/api/v1/daily-reports/productive-days?workOrderId=${a.id}&year=2025&month=3`)).json();
    expect(pd).toMatchObject({ total: 2, calendarDays: 2, bySite: [{ siteId: site.id, productiveDays: 2 }] });

    const del = await t.admin.delete(`/api/v1/daily-reports?workOrderId=${a.id}&siteId=${site.id}&date=2025-03-11`);
    expect(del.statusCode).toBe(204);
    expect((await reportsOf(a.id)).map((r) => r.date)).toEqual(['2025-03-10', '2025-03-12']);
    const audit = await t.database.pool.query(
      `select action from audit_log where entity = 'daily_report' and work_order_id = $1 order by id`,
      [a.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['create', 'create', 'create', 'delete']);
  });

  it('refuses days outside the window (422), bad input (400) and closed months (409), changing nothing', async () => {
    const f = await buildProductionFamily(t, { workOrder: { plannedStart: '2025-03-05', plannedEnd: '2025-03-25' } });
    const base = { workOrderId: f.workOrderId, siteId: f.siteId };
    const out = await put(t.admin, { ...base, date: '2025-03-26' });
    expect(out.statusCode).toBe(422);
    expect(out.json().error.code).toBe('outside_window');
    const bulkOut = await t.admin.post('/api/v1/daily-reports/bulk', {
      ...base,
      dates: ['2025-03-05', '2025-03-04'],
      report: { operationalStatus: 'productivo' },
    });
    expect(bulkOut.statusCode).toBe(422);
    for (const body of [
      { ...base, date: '2025-02-30' },
      { ...base, date: '2025-03-06', operationalStatus: 'trabajando' },
      { ...base, date: '2025-03-06', note: 'x'.repeat(256) },
      { ...base, date: '2025-03-06', incident: true, incidentUrl: 'javascript:alert(1)' },
      { ...base, date: "2025-03-06'; drop table daily_reports; --" },
    ]) {
      const res = await put(t.admin, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await put(t.admin, { ...base, workOrderId: 99_999_999, date: '2025-03-06' })).statusCode).toBe(404);
    expect(await reportsOf(f.familyId)).toEqual([]);

    expect((await put(t.admin, { ...base, date: '2025-03-06' })).statusCode).toBe(200);
    await t.database.pool.query(`update monthly_reports set status = 'cerrado' where work_order_id = $1`, [f.familyId]);
    const closed = await put(t.admin, { ...base, date: '2025-03-07' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('period_closed');
    expect((await t.admin.delete(`/api/v1/daily-reports?workOrderId=${f.workOrderId}&siteId=${f.siteId}&date=2025-03-06`)).statusCode).toBe(
      409,
    );
    expect((await reportsOf(f.familyId)).map((r) => r.date)).toEqual(['2025-03-06']);
  });

  it('signing freezes the day; un-signing needs an operations manager and is audited', async () => {
    const f = await buildProductionFamily(t);
    const supervisor = await t.userWithRole('supervisor', { siteIds: [f.siteId] });
    const base = { workOrderId: f.workOrderId, siteId: f.siteId, date: '2025-03-15' };
    expect((await put(supervisor, { ...base, signatureStatus: 'falta_firma_cliente' })).statusCode).toBe(200);
    expect((await put(supervisor, { ...base, signatureStatus: 'firmado' })).statusCode).toBe(200);
    const g = { workOrderId: f.workOrderId, siteId: f.siteId, year: 2025, month: 3 };
    expect((await saveCells(supervisor, g, [{ lineItemId: f.lineItemIds[0]!, date: '2025-03-15', volume: '1' }])).json().error.code).toBe(
      'day_signed',
    );

    const unsign = await put(supervisor, { ...base, signatureStatus: 'en_proceso' });
    expect(unsign.statusCode).toBe(403);
    expect(unsign.json().error.message).toMatch(/gerente de operaciones/);
    expect(
      (await supervisor.delete(`/api/v1/daily-reports?workOrderId=${f.workOrderId}&siteId=${f.siteId}&date=2025-03-15`)).statusCode,
    ).toBe(403);
    expect((await reportsOf(f.familyId))[0].signature_status).toBe('firmado');

    const manager = await t.userWithRole('gerente_operaciones');
    expect((await put(manager, { ...base, signatureStatus: 'en_proceso' })).statusCode).toBe(200);
    const audit = await t.database.pool.query(
      `select action, changes, actor_id from audit_log where entity = 'daily_report' and work_order_id = $1 order by id`,
      [f.familyId],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['create', 'sign', 'unsign']);
    expect(audit.rows[2].changes.signatureStatus).toEqual({ before: 'firmado', after: 'en_proceso' });
    expect(audit.rows[2].actor_id).toBe(manager.userId);
    expect((await saveCells(supervisor, g, [{ lineItemId: f.lineItemIds[0]!, date: '2025-03-15', volume: '1' }])).statusCode).toBe(200);
  });

  it('bulk sets many days at once and clears them, all or nothing', async () => {
    const f = await buildProductionFamily(t);
    const base = { workOrderId: f.workOrderId, siteId: f.siteId };
    const dates = Array.from({ length: 10 }, (_, i) => `2025-04-${String(i + 1).padStart(2, '0')}`);
    const set = await t.admin.post('/api/v1/daily-reports/bulk', {
      ...base,
      dates,
      report: { operationalStatus: 'en_espera', signatureStatus: 'en_proceso' },
    });
    expect(set.json()).toEqual({ written: 10, deleted: 0, unchanged: 0 });
    const again = await t.admin.post('/api/v1/daily-reports/bulk', {
      ...base,
      dates,
      report: { operationalStatus: 'en_espera', signatureStatus: 'en_proceso' },
    });
    expect(again.json()).toEqual({ written: 0, deleted: 0, unchanged: 10 });
    const mixed = await t.admin.post('/api/v1/daily-reports/bulk', {
      ...base,
      dates: ['2025-04-30', '2025-05-01'],
      report: { operationalStatus: 'productivo' },
    });
    expect(mixed.statusCode).toBe(400);
    const clear = await t.admin.post('/api/v1/daily-reports/bulk', { ...base, dates: dates.slice(0, 4), clear: true });
    expect(clear.json()).toEqual({ written: 0, deleted: 4, unchanged: 0 });
    expect(await reportsOf(f.familyId)).toHaveLength(6);
  });

  it('authorization: consulta and out-of-scope supervisors cannot write; anonymous gets 401', async () => {
    const f = await buildProductionFamily(t);
    const base = { workOrderId: f.workOrderId, siteId: f.siteId, date: '2025-03-02' };
    expect((await put(await t.userWithRole('consulta'), base)).statusCode).toBe(403);
    expect((await put(await t.userWithRole('supervisor', { siteIds: [(await buildSite(t.admin)).id] }), base)).statusCode).toBe(403);
    expect((await t.anonymous('PUT', '/api/v1/daily-reports', { ...base, operationalStatus: 'productivo' })).statusCode).toBe(401);
    expect((await t.anonymous('GET', `/api/v1/daily-reports/grid?siteId=${f.siteId}&year=2025&month=3`)).statusCode).toBe(401);
    expect(await reportsOf(f.familyId)).toEqual([]);
  });
});

describe('monthly report creation', () => {
  it('100 concurrent first writes to one OT-month create exactly one monthly report and all succeed', async () => {
    const f = await buildProductionFamily(t, {
      workOrder: { plannedStart: '2025-01-01', plannedEnd: '2025-12-31' },
      items: Array.from({ length: 5 }, () => ({ subAnnex: 'C-4' })),
    });
    const g = { workOrderId: f.workOrderId, siteId: f.siteId, year: 2025, month: 7 };
    const writes = Array.from({ length: 100 }, (_, i) => {
      const date = `2025-07-${String((i % 31) + 1).padStart(2, '0')}`;
      if (i % 2 === 0)
        return put(t.admin, { workOrderId: f.workOrderId, siteId: f.siteId, date: `2025-07-${String((i % 31) + 1).padStart(2, '0')}` });
      return saveCells(t.admin, g, [{ lineItemId: f.lineItemIds[i % 5]!, date, volume: String(i) }], Number.MAX_SAFE_INTEGER);
    });
    const results = await Promise.all(writes);
    expect(results.filter((r) => r.statusCode !== 200).map((r) => r.body)).toEqual([]);
    const reports = await t.database.pool.query(`select id from monthly_reports where work_order_id = $1 and year = 2025 and month = 7`, [
      f.familyId,
    ]);
    expect(reports.rows).toHaveLength(1);
  });

  it('production and daily reports of a reprogramming file under the initial OT', async () => {
    const f = await buildProductionFamily(t);
    const rep = await t.admin.post('/api/v1/work-orders', {
      folio: f.folio,
      description: 'Reprogramación',
      kind: 'reprogramming',
      parentId: f.workOrderId,
      clientId: (await t.database.pool.query(`select client_id from work_orders where id = $1`, [f.workOrderId])).rows[0].client_id,
      siteIds: [f.siteId],
      plannedStart: '2025-03-01',
      plannedEnd: '2025-08-31',
    });
    expect(rep.statusCode, rep.body).toBe(201);
    const repId = rep.json().id;
    // The reprogramming extends the window to August.
    expect((await put(t.admin, { workOrderId: repId, siteId: f.siteId, date: '2025-08-10' })).statusCode).toBe(200);
    expect(
      (
        await saveCells(t.admin, { workOrderId: repId, siteId: f.siteId, year: 2025, month: 8 }, [
          { lineItemId: f.lineItemIds[0]!, date: '2025-08-10', volume: '1' },
        ])
      ).statusCode,
    ).toBe(200);
    const owners = await t.database.pool.query(`select distinct work_order_id from monthly_reports where work_order_id in ($1, $2)`, [
      f.workOrderId,
      repId,
    ]);
    expect(owners.rows).toEqual([{ work_order_id: f.workOrderId }]);
  });
});
