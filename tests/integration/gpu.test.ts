import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app';
import { buildProductionFamily, saveCells } from '../support/builders-production';

let t: TestApp;
let f: Awaited<ReturnType<typeof buildProductionFamily>>;
const board = (q = '') => t.admin.get(`/api/v1/gpu/board?workOrderId=${f.workOrderId}&year=2025&month=3${q}`);

beforeAll(async () => {
  t = await createTestApp();
  f = await buildProductionFamily(t, {
    sites: 2,
    items: [
      { subAnnex: 'C-2', code: '2.1.' },
      { subAnnex: 'C-3', code: '3.1.' },
      { subAnnex: 'C2EXT', code: 'C2EXT-01' },
      { subAnnex: 'C3EXT', code: 'C3EXT-01' },
      { subAnnex: 'C-4', code: '4.1.' },
      { subAnnex: 'C-20', code: '20.1.' },
    ],
  });
  const [c2, c3, c2ext, c3ext, c4, c20] = f.lineItemIds as [number, number, number, number, number, number];
  const day = '2025-03-03';
  // Same line item and day in both layers and at both sites: four entries, four GPU cells.
  for (const siteId of f.siteIds) {
    for (const layer of ['TE', 'CMA'] as const) {
      const res = await saveCells(t.admin, { workOrderId: f.workOrderId, siteId, year: 2025, month: 3, layer }, [
        { lineItemId: c2, date: day, volume: '1' },
        ...(siteId === f.siteIds[0] && layer === 'TE'
          ? [c3, c2ext, c3ext, c4, c20].map((li) => ({ lineItemId: li, date: day, volume: '2' }))
          : []),
      ]);
      expect(res.statusCode, res.body).toBe(200);
    }
  }
});
afterAll(() => t.close());

describe('GPU records', () => {
  it('exist exactly for entries > 0 in C-2, C-3, C2EXT, C3EXT; start pendiente; one board cell per entry', async () => {
    const b = (await board()).json();
    expect(b.items).toHaveLength(7); // 4 × C-2 (2 sites × 2 layers) + C-3 + C2EXT + C3EXT
    expect(new Set(b.items.map((i: { subAnnex: string }) => i.subAnnex))).toEqual(new Set(['C-2', 'C-3', 'C2EXT', 'C3EXT']));
    expect(b.items.every((i: { status: string }) => i.status === 'pendiente')).toBe(true);
    const c2 = b.items.filter((i: { subAnnex: string }) => i.subAnnex === 'C-2');
    expect(new Set(c2.map((i: { siteId: number; layer: string }) => `${i.siteId}|${i.layer}`)).size).toBe(4);
    expect(b.counts).toMatchObject({ total: 7, pendiente: 7, withEvidence: 0 });
    const invariant = await t.database.pool.query(
      `select count(*) filter (where g.id is null and l.sub_annex in ('C-2','C-3','C2EXT','C3EXT'))::int as missing,
              count(*) filter (where g.id is not null and l.sub_annex not in ('C-2','C-3','C2EXT','C3EXT'))::int as extra
       from production_entries p join line_items l on l.id = p.line_item_id left join gpu_records g on g.production_entry_id = p.id where l.family_id = $1`,
      [f.familyId],
    );
    expect(invariant.rows[0]).toEqual({ missing: 0, extra: 0 });
  });

  it('filters by site, layer, status, sub-annex, text and missing evidence; exports XLSX', async () => {
    expect((await board(`&siteId=${f.siteIds[1]}`)).json().items).toHaveLength(2);
    expect((await board('&layer=CMA')).json().items).toHaveLength(2);
    expect((await board('&subAnnex=C3EXT')).json().items).toHaveLength(1);
    expect((await board('&q=2.1.')).json().items).toHaveLength(4);
    expect((await board('&status=firmado')).json().items).toHaveLength(0);
    expect((await board('&missingEvidence=true')).json().items).toHaveLength(7);
    const x = await t.admin.get(`/api/v1/gpu/board.xlsx?workOrderId=${f.workOrderId}&year=2025&month=3&layer=TE`);
    expect(x.statusCode).toBe(200);
    expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await board('&status=bogus')).statusCode).toBe(400);
  });

  it('status moves forward for supervisors, backwards only for managers (audited); evidence is http(s) only', async () => {
    const id = (await board('&subAnnex=C-3')).json().items[0].id;
    const supervisor = await t.userWithRole('supervisor', { siteIds: [f.siteIds[0]!] });
    const fwd = await supervisor.patch(`/api/v1/gpu/${id}`, {
      status: 'falta_firma_cliente',
      evidenceUrl: 'https://drive.example.com/gpu/3-1',
    });
    expect(fwd.statusCode, fwd.body).toBe(200);
    expect(fwd.json()).toMatchObject({ status: 'falta_firma_cliente', evidenceUrl: 'https://drive.example.com/gpu/3-1' });
    const back = await supervisor.patch(`/api/v1/gpu/${id}`, { status: 'pendiente' });
    expect(back.statusCode).toBe(409);
    expect(back.json().error.code).toBe('illegal_transition');
    for (const url of ['javascript:alert(1)', 'ftp://x/y', 'drive.example.com', '<img src=x>']) {
      const bad = await supervisor.patch(`/api/v1/gpu/${id}`, { evidenceUrl: url });
      expect(bad.statusCode, url).toBe(400);
    }
    const manager = await t.userWithRole('gerente_operaciones');
    const mb = await manager.patch(`/api/v1/gpu/${id}`, { status: 'en_proceso', reason: 'Falta la firma de la hoja 2' });
    expect(mb.statusCode).toBe(200);
    const audit = await t.database.pool.query(
      `select action, reason, changes from audit_log where entity = 'gpu_record' and entity_id = $1 order by id`,
      [String(id)],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['status', 'status_backwards']);
    expect(audit.rows[1]).toMatchObject({
      reason: 'Falta la firma de la hoja 2',
      changes: { status: { before: 'falta_firma_cliente', after: 'en_proceso' } },
    });
    expect((await (await t.userWithRole('consulta')).patch(`/api/v1/gpu/${id}`, { status: 'firmado' })).statusCode).toBe(403);
    const otherSite = await t.userWithRole('supervisor', { siteIds: [f.siteIds[1]!] });
    expect((await otherSite.patch(`/api/v1/gpu/${id}`, { status: 'firmado' })).statusCode).toBe(403);
    expect((await t.admin.patch('/api/v1/gpu/99999999', { status: 'firmado' })).statusCode).toBe(404);
    expect((await t.admin.patch(`/api/v1/gpu/${id}`, {})).statusCode).toBe(400);
  });

  it('a closed month refuses GPU changes with 409 period_closed', async () => {
    const id = (await board('&subAnnex=C2EXT')).json().items[0].id;
    await t.database.pool.query(`update monthly_reports set status = 'cerrado' where work_order_id = $1 and month = 3`, [f.familyId]);
    try {
      const res = await t.admin.patch(`/api/v1/gpu/${id}`, { status: 'firmado' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('period_closed');
      expect((await board()).json().abilities).toEqual({ edit: false, moveBackwards: false });
      const row = await t.database.pool.query(`select status from gpu_records where id = $1`, [id]);
      expect(row.rows[0].status).toBe('pendiente');
    } finally {
      await t.database.pool.query(`update monthly_reports set status = 'abierto' where work_order_id = $1 and month = 3`, [f.familyId]);
    }
  });
});
