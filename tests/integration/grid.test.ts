import { SaveGridResponse } from '../../contracts/production';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app';
import { buildProductionFamily, getGrid, productionSnapshot, saveCells } from '../support/builders-production';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('production grid: load and save', () => {
  it('loads rows in natural order with subtotals, locks and KPIs', async () => {
    const f = await buildProductionFamily(t, {
      items: [
        { subAnnex: 'C-3', code: '3.1.', cap: '10', puMxn: '100' },
        { subAnnex: 'C-2', code: '2.10.', cap: '5', puUsd: '2.5', puMxn: '0' },
        { subAnnex: 'C-2', code: '2.9.', cap: '20', puMxn: '1.5' },
      ],
    });
    const res = await getGrid(t.admin, { workOrderId: f.workOrderId, siteId: f.siteId, year: 2025, month: 3 });
    expect(res.statusCode).toBe(200);
    const g = res.json();
    expect(g.rows.map((r: { code: string }) => r.code)).toEqual(['2.9.', '2.10.', '3.1.']);
    expect(g.subtotals).toEqual([
      expect.objectContaining({ subAnnex: 'C-2', firstRow: 0, lineItemCount: 2, authorizedMxn: '30.00', authorizedUsd: '12.50' }),
      expect.objectContaining({ subAnnex: 'C-3', firstRow: 2, lineItemCount: 1, authorizedMxn: '1000.00' }),
    ]);
    expect(g.days).toHaveLength(31);
    expect(g.days.every((d: { lockedReason: unknown }) => d.lockedReason === null)).toBe(true);
    expect(g.kpis.MXN).toEqual({ authorized: '1030.00', producedBefore: '0.00', producedThisMonth: '0.00', remaining: '1030.00' });
    expect(g.monthlyReport).toBeNull();
    expect(g.abilities.edit).toBe(true);
  });

  it('saves only changed cells, computes amounts, creates the monthly report, and zero deletes', async () => {
    const f = await buildProductionFamily(t, { items: [{ subAnnex: 'C-4', cap: '100', puMxn: '2.005' }] });
    const g = { workOrderId: f.workOrderId, siteId: f.siteId, year: 2025, month: 3 };
    const li = f.lineItemIds[0]!;
    const s1 = await saveCells(t.admin, g, [
      { lineItemId: li, date: '2025-03-01', volume: '1.5', previous: null },
      { lineItemId: li, date: '2025-03-02', volume: 2, previous: null },
      { lineItemId: li, date: '2025-03-03', volume: '0', previous: null },
    ]);
    expect(s1.statusCode).toBe(200);
    expect(s1.json()).toMatchObject({ inserted: 2, updated: 0, deleted: 0, unchanged: 1 });
    expect(s1.json().rows[0]).toMatchObject({ monthTotal: '3.5', amountMxn: '7.02' });
    // The answer is serialised as built (no response validation at runtime): it must be the contract exactly.
    expect(SaveGridResponse.parse(s1.json())).toEqual(s1.json());
    const loaded = (await getGrid(t.admin, g)).json();
    expect(loaded.rows[0].volumes.slice(0, 3)).toEqual(['1.5', '2', null]);
    expect(loaded.monthlyReport.status).toBe('abierto');
    expect(loaded.kpis.MXN.producedThisMonth).toBe('7.02');

    const s2 = await saveCells(
      t.admin,
      g,
      [
        { lineItemId: li, date: '2025-03-01', volume: '', previous: '1.5' },
        { lineItemId: li, date: '2025-03-02', volume: '2.000', previous: '2' },
      ],
      loaded.revision,
    );
    expect(s2.json()).toMatchObject({ inserted: 0, updated: 0, deleted: 1, unchanged: 1 });
    const snap = await productionSnapshot(t.database.pool, f.familyId);
    expect(snap.map((r) => [r.date, r.volume])).toEqual([['2025-03-02', '2.000000']]);
    // One audit entry per save, holding every changed cell before → after (unchanged cells are not in it).
    const audit = await t.database.pool.query(
      `select entity_id, action, changes from audit_log where entity = 'production_grid' and work_order_id = $1 order by id`,
      [f.familyId],
    );
    expect(audit.rows.map((r) => [r.entity_id, r.action])).toEqual([
      [`${f.siteId}:TE:2025-03`, 'save'],
      [`${f.siteId}:TE:2025-03`, 'save'],
    ]);
    expect(audit.rows[0].changes).toEqual({
      [`${li}|2025-03-01`]: { before: null, after: '1.5' },
      [`${li}|2025-03-02`]: { before: null, after: '2' },
    });
    expect(audit.rows[1].changes).toEqual({ [`${li}|2025-03-01`]: { before: '1.5', after: null } });
  });
});

describe('production grid: cells of later months', () => {
  it('a save never mistakes the same day of a later month for its own cell', async () => {
    const f = await buildProductionFamily(t, { items: [{ subAnnex: 'C-4', cap: '1000' }] });
    const li = f.lineItemIds[0]!;
    const april = { workOrderId: f.workOrderId, siteId: f.siteId, year: 2025, month: 4 };
    const march = { ...april, month: 3 };
    const later = await saveCells(t.admin, april, [
      { lineItemId: li, date: '2025-04-05', volume: '9', previous: null },
      { lineItemId: li, date: '2025-04-06', volume: '8', previous: null },
    ]);
    expect(later.json()).toMatchObject({ inserted: 2 });

    const withPrevious = await saveCells(t.admin, march, [{ lineItemId: li, date: '2025-03-05', volume: '1', previous: null }]);
    expect(withPrevious.statusCode).toBe(200);
    expect(withPrevious.json()).toMatchObject({ inserted: 1, updated: 0 });
    const byRevision = await saveCells(t.admin, march, [{ lineItemId: li, date: '2025-03-06', volume: '2' }], later.json().revision);
    expect(byRevision.json()).toMatchObject({ inserted: 1, updated: 0 });

    const snap = await productionSnapshot(t.database.pool, f.familyId);
    expect(snap.map((r) => [r.date, r.volume])).toEqual([
      ['2025-03-05', '1.000000'],
      ['2025-03-06', '2.000000'],
      ['2025-04-05', '9.000000'],
      ['2025-04-06', '8.000000'],
    ]);
  });
});

describe('production grid: locks', () => {
  it('refuses a day outside the validity window with 422 outside_window and writes nothing', async () => {
    const f = await buildProductionFamily(t, { workOrder: { plannedStart: '2025-03-10', plannedEnd: '2025-03-20' } });
    const g = { workOrderId: f.workOrderId, siteId: f.siteId, year: 2025, month: 3 };
    const grid = (await getGrid(t.admin, g)).json();
    expect(grid.days[8].lockedReason).toBe('outside_window');
    expect(grid.days[9].lockedReason).toBeNull();
    expect(grid.days[20].lockedReason).toBe('outside_window');
    const res = await saveCells(t.admin, g, [
      { lineItemId: f.lineItemIds[0]!, date: '2025-03-10', volume: '1', previous: null },
      { lineItemId: f.lineItemIds[0]!, date: '2025-03-21', volume: '1', previous: null },
    ]);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('outside_window');
    expect(res.json().error.details.date).toBe('2025-03-21');
    expect(await productionSnapshot(t.database.pool, f.familyId)).toEqual([]);
  });

  it('freezes a signed day (409 day_signed) but accepts other days and unchanged cells of that day', async () => {
    const f = await buildProductionFamily(t);
    const g = { workOrderId: f.workOrderId, siteId: f.siteId, year: 2025, month: 3 };
    const li = f.lineItemIds[0]!;
    expect((await saveCells(t.admin, g, [{ lineItemId: li, date: '2025-03-05', volume: '4', previous: null }])).statusCode).toBe(200);
    const sign = await t.admin.put('/api/v1/daily-reports', {
      workOrderId: f.workOrderId,
      siteId: f.siteId,
      date: '2025-03-05',
      operationalStatus: 'productivo',
      signatureStatus: 'firmado',
    });
    expect(sign.statusCode).toBe(200);
    expect((await getGrid(t.admin, g)).json().days[4].lockedReason).toBe('day_signed');
    const before = await productionSnapshot(t.database.pool, f.familyId);
    const refused = await saveCells(t.admin, g, [
      { lineItemId: li, date: '2025-03-06', volume: '1', previous: null },
      { lineItemId: li, date: '2025-03-05', volume: '5', previous: '4' },
    ]);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'day_signed', details: { date: '2025-03-05', siteId: f.siteId } });
    const zero = await saveCells(t.admin, g, [{ lineItemId: li, date: '2025-03-05', volume: 0, previous: '4' }]);
    expect(zero.json().error.code).toBe('day_signed');
    expect(await productionSnapshot(t.database.pool, f.familyId)).toEqual(before);
    // The same value on the signed day is not a change: the rest of the save lands.
    const ok = await saveCells(t.admin, g, [
      { lineItemId: li, date: '2025-03-05', volume: '4' },
      { lineItemId: li, date: '2025-03-06', volume: '1' },
    ]);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ inserted: 1, unchanged: 1 });
  });

  it('refuses every write to a closed or invoiced month with 409 period_closed', async () => {
    const f = await buildProductionFamily(t);
    const g = { workOrderId: f.workOrderId, siteId: f.siteId, year: 2025, month: 4 };
    const li = f.lineItemIds[0]!;
    expect((await saveCells(t.admin, g, [{ lineItemId: li, date: '2025-04-01', volume: '1', previous: null }])).statusCode).toBe(200);
    for (const status of ['cerrado', 'facturado']) {
      await t.database.pool.query(`update monthly_reports set status = $1 where work_order_id = $2 and year = 2025 and month = 4`, [
        status,
        f.familyId,
      ]);
      const before = await productionSnapshot(t.database.pool, f.familyId);
      const res = await saveCells(t.admin, g, [{ lineItemId: li, date: '2025-04-01', volume: '2', previous: '1' }]);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('period_closed');
      expect(await productionSnapshot(t.database.pool, f.familyId)).toEqual(before);
      const grid = (await getGrid(t.admin, g)).json();
      expect(grid.days.every((d: { lockedReason: string }) => d.lockedReason === 'period_closed')).toBe(true);
      expect(grid.abilities.edit).toBe(false);
    }
  });

  it('En Revisión freezes supervisors but lets an operations manager correct', async () => {
    const f = await buildProductionFamily(t);
    const g = { workOrderId: f.workOrderId, siteId: f.siteId, year: 2025, month: 5 };
    const li = f.lineItemIds[0]!;
    const supervisor = await t.userWithRole('supervisor', { siteIds: [f.siteId] });
    const manager = await t.userWithRole('gerente_operaciones');
    expect((await saveCells(supervisor, g, [{ lineItemId: li, date: '2025-05-02', volume: '1', previous: null }])).statusCode).toBe(200);
    await t.database.pool.query(
      `update monthly_reports set status = 'en_revision' where work_order_id = $1 and year = 2025 and month = 5`,
      [f.familyId],
    );
    const sup = await saveCells(supervisor, g, [{ lineItemId: li, date: '2025-05-02', volume: '2', previous: '1' }]);
    expect(sup.statusCode).toBe(409);
    expect(sup.json().error.code).toBe('period_closed');
    const man = await saveCells(manager, g, [{ lineItemId: li, date: '2025-05-02', volume: '2', previous: '1' }]);
    expect(man.statusCode).toBe(200);
  });
});

describe('production grid: optimistic concurrency', () => {
  it('two real clients: the second save on a changed cell gets 409 stale_grid listing it; nothing is lost', async () => {
    const f = await buildProductionFamily(t);
    const g = { workOrderId: f.workOrderId, siteId: f.siteId, year: 2025, month: 3 };
    const li = f.lineItemIds[0]!;
    const alice = await t.userWithRole('gerente_operaciones');
    const bob = await t.userWithRole('gerente_operaciones');
    const a0 = (await getGrid(alice, g)).json();
    const b0 = (await getGrid(bob, g)).json();
    expect((await saveCells(alice, g, [{ lineItemId: li, date: '2025-03-03', volume: '7', previous: null }], a0.revision)).statusCode).toBe(
      200,
    );
    const before = await productionSnapshot(t.database.pool, f.familyId);
    const stale = await saveCells(
      bob,
      g,
      [
        { lineItemId: li, date: '2025-03-03', volume: '9', previous: null },
        { lineItemId: li, date: '2025-03-04', volume: '1', previous: null },
      ],
      b0.revision,
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_grid');
    expect(stale.json().error.details.cells).toEqual([
      expect.objectContaining({ lineItemId: li, date: '2025-03-03', layer: 'TE', siteId: f.siteId, current: '7' }),
    ]);
    expect(await productionSnapshot(t.database.pool, f.familyId)).toEqual(before);
    // Without `previous`, the revision alone detects it too.
    const byRevision = await saveCells(bob, g, [{ lineItemId: li, date: '2025-03-03', volume: '9' }], b0.revision);
    expect(byRevision.json().error.code).toBe('stale_grid');
    // After reloading, Bob's save lands.
    const b1 = (await getGrid(bob, g)).json();
    expect((await saveCells(bob, g, [{ lineItemId: li, date: '2025-03-03', volume: '9', previous: '7' }], b1.revision)).statusCode).toBe(
      200,
    );
  });

  it('a deletion by someone else is a conflict too, and re-sending what is already stored is not', async () => {
    const f = await buildProductionFamily(t);
    const g = { workOrderId: f.workOrderId, siteId: f.siteId, year: 2025, month: 3 };
    const li = f.lineItemIds[0]!;
    await saveCells(t.admin, g, [{ lineItemId: li, date: '2025-03-08', volume: '3', previous: null }]);
    const other = await t.userWithRole('admin');
    await saveCells(other, g, [{ lineItemId: li, date: '2025-03-08', volume: '0', previous: '3' }]);
    const res = await saveCells(t.admin, g, [{ lineItemId: li, date: '2025-03-08', volume: '4', previous: '3' }]);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.cells[0]).toMatchObject({ current: null, revision: null });
    const idem = await saveCells(t.admin, g, [{ lineItemId: li, date: '2025-03-08', volume: '0', previous: '3' }]);
    expect(idem.statusCode).toBe(200);
    expect(idem.json()).toMatchObject({ unchanged: 1, deleted: 0 });
  });

  it('concurrent saves of different cells (same and different line items) all land', async () => {
    const f = await buildProductionFamily(t, { items: Array.from({ length: 4 }, () => ({ subAnnex: 'C-2', cap: '50' })) });
    const g = { workOrderId: f.workOrderId, siteId: f.siteId, year: 2025, month: 3 };
    const rev = (await getGrid(t.admin, g)).json().revision;
    const clients = await Promise.all(Array.from({ length: 8 }, () => t.userWithRole('gerente_operaciones')));
    const results = await Promise.all(
      clients.map((c, k) =>
        saveCells(
          c,
          g,
          f.lineItemIds.map((li) => ({
            lineItemId: li,
            date: `2025-03-${String(k + 1).padStart(2, '0')}`,
            volume: String(k + 1),
            previous: null,
          })),
          rev,
        ),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
    const grid = (await getGrid(t.admin, g)).json();
    for (const row of grid.rows) expect(row.volumes.slice(0, 8)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    // 36 per line item against a cap of 50: no excess, and the monthly totals agree with the rows.
    const totals = await t.database.pool.query(
      `select sum(volume)::text as v from production_monthly_totals t join line_items l on l.id = t.line_item_id where l.family_id = $1`,
      [f.familyId],
    );
    expect(Number(totals.rows[0].v)).toBe(36 * 4);
  });
});

describe('production grid: zero deletes and GPU evidence', () => {
  it('deleting an entry whose GPU has evidence is refused with 409 gpu_has_evidence', async () => {
    const f = await buildProductionFamily(t, { items: [{ subAnnex: 'C-3' }] });
    const g = { workOrderId: f.workOrderId, siteId: f.siteId, year: 2025, month: 3 };
    const li = f.lineItemIds[0]!;
    await saveCells(t.admin, g, [
      { lineItemId: li, date: '2025-03-01', volume: '1', previous: null },
      { lineItemId: li, date: '2025-03-02', volume: '1', previous: null },
    ]);
    const gpus = await t.database.pool.query(
      `select g.id, p.date::text from gpu_records g join production_entries p on p.id = g.production_entry_id where p.line_item_id = $1 order by p.date`,
      [li],
    );
    expect(gpus.rows).toHaveLength(2);
    await t.admin.patch(`/api/v1/gpu/${gpus.rows[0].id}`, { evidenceUrl: 'https://drive.example.com/gpu/1' });
    const refused = await saveCells(t.admin, g, [{ lineItemId: li, date: '2025-03-01', volume: 0, previous: '1' }]);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('gpu_has_evidence');
    const ok = await saveCells(t.admin, g, [{ lineItemId: li, date: '2025-03-02', volume: 0, previous: '1' }]);
    expect(ok.json()).toMatchObject({ deleted: 1, gpuDeleted: 1 });
    const left = await t.database.pool.query(
      `select count(*)::int as n from gpu_records g join production_entries p on p.id = g.production_entry_id where p.line_item_id = $1`,
      [li],
    );
    expect(left.rows[0].n).toBe(1);
  });
});

describe('production grid: no-op saves', () => {
  it('a save that changes nothing writes nothing and does not create the monthly report', async () => {
    const f = await buildProductionFamily(t);
    const g = { workOrderId: f.workOrderId, siteId: f.siteId, year: 2025, month: 5 };
    const res = await saveCells(t.admin, g, [
      { lineItemId: f.lineItemIds[0]!, date: '2025-05-01', volume: 0 },
      { lineItemId: f.lineItemIds[1]!, date: '2025-05-02', volume: '', previous: null },
    ]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ inserted: 0, updated: 0, deleted: 0, unchanged: 2, rows: [] });
    const reports = await t.database.pool.query(`select count(*)::int as n from monthly_reports where work_order_id = $1`, [f.familyId]);
    expect(reports.rows[0].n).toBe(0);
    const withKpis = await t.admin.put('/api/v1/production/grid', { ...g, layer: 'TE', baseRevision: 0, cells: [], withKpis: true });
    expect(withKpis.json().kpis.MXN.authorized).toBe('3000.00');
  });
});

describe('production grid: the save answer matches a fresh load', () => {
  it('returns the same figures as the grid for every touched row (excess, elsewhere, amounts)', async () => {
    const f = await buildProductionFamily(t, {
      sites: 2,
      items: [
        { subAnnex: 'C-2', cap: '5', puMxn: '3.3333', puUsd: '1.005' },
        { subAnnex: 'C-4', cap: '50', puMxn: '0.5' },
      ],
    });
    const [a, b] = f.lineItemIds as [number, number];
    const other = { workOrderId: f.workOrderId, siteId: f.siteIds[1]!, year: 2025, month: 3, layer: 'CMA' as const };
    await saveCells(t.admin, other, [
      { lineItemId: a, date: '2025-03-01', volume: '2.5' },
      { lineItemId: b, date: '2025-03-02', volume: '1' },
    ]);
    const g = { workOrderId: f.workOrderId, siteId: f.siteId, year: 2025, month: 3 };
    const saved = (
      await saveCells(t.admin, g, [
        { lineItemId: a, date: '2025-03-01', volume: '2.125' },
        { lineItemId: a, date: '2025-03-02', volume: '1.75' },
        { lineItemId: b, date: '2025-03-03', volume: '0.333333' },
      ])
    ).json();
    const loaded = (await getGrid(t.admin, g)).json();
    for (const row of saved.rows) {
      const full = loaded.rows.find((r: { lineItemId: number }) => r.lineItemId === row.lineItemId);
      const { lineItemId, volumes, excess, monthTotal, amountMxn, amountUsd, excessTotal, producedThisMonthElsewhere } = full;
      expect(row).toEqual({ lineItemId, volumes, excess, monthTotal, amountMxn, amountUsd, excessTotal, producedThisMonthElsewhere });
    }
    const rowA = saved.rows.find((r: { lineItemId: number }) => r.lineItemId === a);
    expect(rowA).toMatchObject({
      monthTotal: '3.875',
      producedThisMonthElsewhere: '2.5',
      excessTotal: '1.375',
      amountMxn: '12.92',
      amountUsd: '3.89',
    });
  });
});
