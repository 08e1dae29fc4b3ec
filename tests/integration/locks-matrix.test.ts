/**
 * The lock matrix (spec §3.1 locks, quality §3): each write path × each monthly status × the
 * acting role, plus signed days. Abierto: writable; En Revisión: supervisors frozen, operations
 * managers correct; Cerrado/Facturado: every path answers 409 period_closed and nothing changes.
 * Paths covered: grid save, daily report, GPU record, evidence link (modern API and legacy
 * endpoint), excess acknowledgment, and the shared lock used by multi-month writes (annex commits).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../server/context';
import { lockReportsForWrite } from '../../server/modules/monthly-reports/period-lock';
import { buildCompleteMonth, insertLineItem, insertProduction, setStatus } from '../support/builders-monthly';
import { createTestApp, type TestApp, type TestClient } from '../support/test-app';

let t: TestApp;
let manager: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  manager = await t.userWithRole('gerente_operaciones');
});
afterAll(() => t.close());

type Status = 'abierto' | 'en_revision' | 'cerrado' | 'facturado';
type Month = Awaited<ReturnType<typeof prepare>>;

/** A month whose days are unsigned (so only the month status decides), with one excess entry. */
async function prepare(status: Status) {
  const m = await buildCompleteMonth(t);
  const pool = t.database.pool;
  await pool.query(`update daily_reports set signature_status = 'en_proceso' where monthly_report_id = $1`, [m.reportId]);
  const item = await insertLineItem(pool, { familyId: m.workOrderId, subAnnex: 'C-4', code: '4.9.', authorizedVolume: '1' });
  const excessEntry = await insertProduction(pool, {
    lineItemId: item,
    reportId: m.reportId,
    siteId: m.siteIds[0]!,
    date: m.days[7]!,
    volume: '2',
    excess: '1',
  });
  const gpu = await pool.query<{ id: number }>(`select id from gpu_records where production_entry_id = $1`, [m.entries.e1]);
  const supervisor = await t.userWithRole('supervisor', { siteIds: m.siteIds });
  await setStatus(pool, m.reportId, status);
  return { ...m, item, excessEntry, gpuId: gpu.rows[0]!.id, supervisor };
}

/** A fingerprint of everything the write paths can touch in the month. */
async function fingerprint(m: Month): Promise<string> {
  const r = await t.database.pool.query(
    `select
       (select json_agg(json_build_object('v', volume::text, 'a', excess_ack_at is not null) order by id) from production_entries where monthly_report_id = $1) as p,
       (select json_agg(json_build_object('s', operational_status, 'g', signature_status, 'n', note) order by id) from daily_reports where monthly_report_id = $1) as d,
       (select json_agg(json_build_object('n', g.note, 'u', g.evidence_url) order by g.id) from gpu_records g join production_entries e on e.id = g.production_entry_id where e.monthly_report_id = $1) as g,
       (select evidence_url from monthly_reports where id = $1) as e`,
    [m.reportId],
  );
  return JSON.stringify(r.rows[0]);
}

interface Path {
  name: string;
  managerOnly?: boolean;
  run(c: TestClient, m: Month): Promise<{ statusCode: number; code: string | undefined }>;
}

const apiResult = (res: { statusCode: number; json(): { error?: { code?: string } } }) => ({
  statusCode: res.statusCode,
  code: res.statusCode >= 400 ? res.json().error?.code : undefined,
});

const PATHS: Path[] = [
  {
    name: 'grid save',
    run: async (c, m) =>
      apiResult(
        await c.put('/api/v1/production/grid', {
          workOrderId: m.workOrderId,
          year: m.year,
          month: m.month,
          siteId: m.siteIds[0],
          layer: 'TE',
          baseRevision: 0,
          cells: [{ lineItemId: m.lineItems.c4, date: m.days[10], volume: '7.5', previous: null }],
        }),
      ),
  },
  {
    name: 'daily report',
    run: async (c, m) =>
      apiResult(
        await c.put('/api/v1/daily-reports', {
          workOrderId: m.workOrderId,
          siteId: m.siteIds[0],
          date: m.days[2],
          operationalStatus: 'en_espera',
          signatureStatus: 'en_proceso',
          note: 'cambio',
        }),
      ),
  },
  { name: 'GPU record', run: async (c, m) => apiResult(await c.patch(`/api/v1/gpu/${m.gpuId}`, { note: 'nota nueva' })) },
  {
    name: 'evidence link (API)',
    run: async (c, m) =>
      apiResult(await c.put(`/api/v1/monthly-reports/${m.reportId}/evidence`, { evidenceUrl: 'https://drive.google.com/nuevo' })),
  },
  {
    name: 'evidence link (legacy endpoint)',
    run: async (c, m) => {
      const res = await c.post('/operaciones/produccion/guardar_archivo_mensual/', {
        id_ot: m.workOrderId,
        mes: m.month,
        anio: m.year,
        archivo: 'https://drive.google.com/legacy',
      });
      const body = res.json() as { exito: boolean; mensaje: string };
      return { statusCode: res.statusCode, code: res.statusCode === 409 ? 'period_closed' : body.exito ? undefined : body.mensaje };
    },
  },
  {
    name: 'excess acknowledgment',
    managerOnly: true,
    run: async (c, m) =>
      apiResult(
        await c.post(`/api/v1/monthly-reports/${m.reportId}/excess-acknowledgments`, { entryIds: [m.excessEntry], reason: 'No cobrable' }),
      ),
  },
];

const EXPECT: Record<Status, { supervisor: number; manager: number }> = {
  abierto: { supervisor: 200, manager: 200 },
  en_revision: { supervisor: 409, manager: 200 },
  cerrado: { supervisor: 409, manager: 409 },
  facturado: { supervisor: 409, manager: 409 },
};

describe.each(PATHS)('$name', (path) => {
  it.each(Object.keys(EXPECT) as Status[])('month %s', async (status) => {
    for (const who of ['supervisor', 'manager'] as const) {
      const m = await prepare(status);
      const client = who === 'manager' ? manager : m.supervisor;
      const before = await fingerprint(m);
      const result = await path.run(client, m);
      const expected = path.managerOnly && who === 'supervisor' ? 403 : EXPECT[status][who];
      expect({ who, status: result.statusCode }).toEqual({ who, status: expected });
      if (expected === 409) expect(result.code).toBe('period_closed');
      if (expected !== 200) expect(await fingerprint(m)).toBe(before);
      else expect(await fingerprint(m)).not.toBe(before);
    }
  });
});

describe('signed days', () => {
  it('a Firmado daily report freezes that site-day production (409 day_signed) while the month is open', async () => {
    const m = await prepare('abierto');
    await t.database.pool.query(`update daily_reports set signature_status = 'firmado' where monthly_report_id = $1 and date = $2`, [
      m.reportId,
      m.days[10],
    ]);
    const before = await fingerprint(m);
    const res = await manager.put('/api/v1/production/grid', {
      workOrderId: m.workOrderId,
      year: m.year,
      month: m.month,
      siteId: m.siteIds[0],
      layer: 'TE',
      baseRevision: 0,
      cells: [{ lineItemId: m.lineItems.c4, date: m.days[10], volume: '7.5', previous: null }],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('day_signed');
    expect(await fingerprint(m)).toBe(before);
  });

  it('a supervisor cannot un-sign a Firmado day (only an operations manager, audited)', async () => {
    const m = await prepare('abierto');
    await t.database.pool.query(`update daily_reports set signature_status = 'firmado' where monthly_report_id = $1 and date = $2`, [
      m.reportId,
      m.days[2],
    ]);
    const res = await m.supervisor.put('/api/v1/daily-reports', {
      workOrderId: m.workOrderId,
      siteId: m.siteIds[0],
      date: m.days[2],
      operationalStatus: 'productivo',
      signatureStatus: 'pendiente',
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('multi-month writes (annex commits changing caps)', () => {
  it.each(['cerrado', 'facturado'] as const)('lockReportsForWrite refuses when a %s month would change', async (status) => {
    const open = await prepare('abierto');
    const closed = await prepare(status);
    await expect(
      t.database.db.transaction((tx) => lockReportsForWrite(tx, systemCtx().actor, [open.reportId, closed.reportId])),
    ).rejects.toMatchObject({ code: 'period_closed' });
    await expect(t.database.db.transaction((tx) => lockReportsForWrite(tx, systemCtx().actor, [open.reportId]))).resolves.toBeUndefined();
  });
});
