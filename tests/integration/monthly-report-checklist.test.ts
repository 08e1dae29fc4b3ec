/**
 * The pre-closure checklist computed from the data (spec §3.1; seed "Pre-Closure Checklist"):
 * every blocking item broken on purpose and named with its count and offending rows, the
 * warnings, excess acknowledgments, and the evidence reachability check against local servers.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCompleteMonth, insertDailyReports, insertLineItem, insertProduction } from '../support/builders-monthly';
import { createTestApp, type TestApp, type TestClient } from '../support/test-app';

let t: TestApp;
let manager: TestClient;
const servers: http.Server[] = [];
beforeAll(async () => {
  // The reachability tests serve evidence on 127.0.0.1: allowed here as on an intranet deployment.
  t = await createTestApp({ evidenceCheckPrivate: true });
  manager = await t.userWithRole('gerente_operaciones');
});
afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    s.close();
  }
  await t.close();
});

const pool = () => t.database.pool;
type Item = { key: string; result: string; count: number; blocking: boolean; message_es: string; offending: Record<string, unknown>[] };
async function checklist(
  id: number,
): Promise<{ items: Item[]; summary: { canClose: boolean; failingBlockingKeys: string[]; blockingPassed: number } }> {
  const res = await t.admin.get(`/api/v1/monthly-reports/${id}/checklist`);
  expect(res.statusCode).toBe(200);
  return res.json();
}
const item = (c: { items: Item[] }, key: string) => c.items.find((i) => i.key === key)!;

describe('blocking items', () => {
  it('a complete month passes every blocking item except the sign-offs, in spec order', async () => {
    const m = await buildCompleteMonth(t);
    const c = await checklist(m.reportId);
    expect(c.items.filter((i) => i.blocking).map((i) => i.key)).toEqual([
      'daily_reports_complete',
      'gpu_evidence',
      'excess_resolved',
      'evidence_url',
      'production_matches_daily_reports',
      'sign_offs',
      'layers_assigned',
    ]);
    expect(c.summary).toMatchObject({ canClose: false, failingBlockingKeys: ['sign_offs'], blockingPassed: 6 });
    expect(item(c, 'layers_assigned').result).toBe('ok');
  });

  it('1. days without a daily report are counted per site with their day numbers', async () => {
    const m = await buildCompleteMonth(t, { sites: 2 });
    const site = (await pool().query(`select name from sites where id = $1`, [m.siteIds[1]])).rows[0].name;
    await pool().query(`delete from daily_reports where monthly_report_id = $1 and site_id = $2 and date = any($3::date[])`, [
      m.reportId,
      m.siteIds[1],
      [m.days[3], m.days[4], m.days[17]],
    ]);
    const i = item(await checklist(m.reportId), 'daily_reports_complete');
    expect(i).toMatchObject({ result: 'falla', count: 3 });
    expect(i.message_es).toBe(`3 días sin reporte diario en ${site}: 4, 5 y 18`);
    expect(i.offending[0]).toEqual({ kind: 'site_day', siteId: m.siteIds[1], date: m.days[3] });
  });

  it('2. C-2/C-3 production without a GPU evidence link fails', async () => {
    const m = await buildCompleteMonth(t);
    const c3 = await insertLineItem(pool(), { familyId: m.workOrderId, subAnnex: 'C-3', code: '3.1.' });
    const e = await insertProduction(pool(), { lineItemId: c3, reportId: m.reportId, siteId: m.siteIds[0]!, date: m.days[5]! });
    await pool().query(`update gpu_records set evidence_url = null where production_entry_id = $1`, [m.entries.e1]);
    const i = item(await checklist(m.reportId), 'gpu_evidence');
    expect(i).toMatchObject({ result: 'falla', count: 2 });
    expect(i.offending).toEqual(
      expect.arrayContaining([
        { kind: 'production_entry', id: e },
        { kind: 'production_entry', id: m.entries.e1 },
      ]),
    );
  });

  it('3. unresolved excess fails until acknowledged', async () => {
    const m = await buildCompleteMonth(t);
    await pool().query(`update production_entries set excess_volume = 1 where id = $1`, [m.entries.e2]);
    expect(item(await checklist(m.reportId), 'excess_resolved')).toMatchObject({ result: 'falla', count: 1 });
    await manager.post(`/api/v1/monthly-reports/${m.reportId}/excess-acknowledgments`, {
      entryIds: [m.entries.e2],
      reason: 'Fuera de alcance',
    });
    expect(item(await checklist(m.reportId), 'excess_resolved').result).toBe('ok');
  });

  it('4. a missing evidence folder link fails', async () => {
    const m = await buildCompleteMonth(t);
    await pool().query(`update monthly_reports set evidence_url = null where id = $1`, [m.reportId]);
    expect(item(await checklist(m.reportId), 'evidence_url')).toMatchObject({
      result: 'falla',
      count: 1,
      message_es: 'Falta el enlace a la carpeta de evidencia del mes.',
    });
  });

  it('5. TE on an En espera day and production on a Sin actividad day fail; CMA on En espera passes', async () => {
    const m = await buildCompleteMonth(t);
    await insertDailyReports(pool(), {
      reportId: m.reportId,
      siteId: m.siteIds[0]!,
      dates: [m.days[3]!, m.days[4]!],
      operationalStatus: 'en_espera',
    });
    await insertDailyReports(pool(), {
      reportId: m.reportId,
      siteId: m.siteIds[0]!,
      dates: [m.days[12]!],
      operationalStatus: 'sin_actividad',
    });
    const idle = await insertProduction(pool(), {
      lineItemId: m.lineItems.c4,
      reportId: m.reportId,
      siteId: m.siteIds[0]!,
      date: m.days[12]!,
      layer: 'CMA',
    });
    const i = item(await checklist(m.reportId), 'production_matches_daily_reports');
    // e1 is TE on day 4 (now En espera); e2 is CMA on day 5 (En espera: allowed); idle is on a Sin actividad day.
    expect(i).toMatchObject({ result: 'falla', count: 2 });
    expect(i.offending).toEqual([
      { kind: 'production_entry', id: m.entries.e1 },
      { kind: 'production_entry', id: idle },
    ]);
  });

  it('6. sign-offs: missing kinds are listed', async () => {
    const m = await buildCompleteMonth(t);
    const i = item(await checklist(m.reportId), 'sign_offs');
    expect(i).toMatchObject({ result: 'falla', count: 3 });
    expect(i.message_es).toMatch(/Falta la firma de: Supervisor de sitio/);
  });
});

describe('warnings (never block)', () => {
  it('planned line items without production, unsigned days, incidents without a link, prices differing from the catalogue, schedule overdue', async () => {
    const m = await buildCompleteMonth(t);
    const planned = await insertLineItem(pool(), { familyId: m.workOrderId, subAnnex: 'C-5', code: '5.5.' });
    await pool().query(`insert into planned_volumes (line_item_id, date, volume) values ($1, $2, 4)`, [planned, m.days[1]]);
    await pool().query(`update daily_reports set signature_status = 'pendiente' where monthly_report_id = $1 and date = $2`, [
      m.reportId,
      m.days[0],
    ]);
    await pool().query(`update daily_reports set incident = true where monthly_report_id = $1 and date = $2`, [m.reportId, m.days[1]]);
    const contract = await pool().query(`insert into contracts (number) values ($1) returning id`, [`C-${Date.now()}`]);
    const sub = await pool().query(`insert into sub_annexes (contract_id, label) values ($1, 'C-4') returning id`, [contract.rows[0].id]);
    const unit = await pool().query(`select id from units where code = 'M3'`);
    const cat = await pool().query(
      `insert into catalogue_items (contract_id, sub_annex_id, code, concept, concept_norm, unit_id, pu_mxn) values ($1, $2, '4.1.', 'x', 'x', $3, 90) returning id`,
      [contract.rows[0].id, sub.rows[0].id, unit.rows[0].id],
    );
    await pool().query(`update line_items set catalogue_item_id = $1 where id = $2`, [cat.rows[0].id, m.lineItems.c4]);
    const c = await checklist(m.reportId);
    expect(item(c, 'planned_without_production')).toMatchObject({
      result: 'aviso',
      count: 1,
      offending: [{ kind: 'line_item', id: planned }],
    });
    expect(item(c, 'daily_reports_unsigned')).toMatchObject({ result: 'aviso', count: 1 });
    expect(item(c, 'incidents_have_link')).toMatchObject({ result: 'aviso', count: 1 });
    expect(item(c, 'unit_prices_match_catalogue')).toMatchObject({
      result: 'aviso',
      count: 1,
      offending: [{ kind: 'line_item', id: m.lineItems.c4 }],
    });
    expect(item(c, 'closure_schedule')).toMatchObject({ result: 'aviso' }); // March 2025 is long over
    expect(item(c, 'evidence_url_reachable').message_es).toMatch(/no se ha verificado/);
    expect(c.summary.failingBlockingKeys).toEqual(['sign_offs']);
  });
});

describe('excess acknowledgment', () => {
  it('in bulk, with a reason, audited per entry; by operations managers only', async () => {
    const m = await buildCompleteMonth(t);
    const capped = await insertLineItem(pool(), { familyId: m.workOrderId, subAnnex: 'C-4', code: '4.8.', authorizedVolume: '1' });
    const a = await insertProduction(pool(), {
      lineItemId: capped,
      reportId: m.reportId,
      siteId: m.siteIds[0]!,
      date: m.days[6]!,
      volume: '2',
      excess: '1',
    });
    const b = await insertProduction(pool(), {
      lineItemId: capped,
      reportId: m.reportId,
      siteId: m.siteIds[0]!,
      date: m.days[7]!,
      volume: '2',
      excess: '2',
    });
    const supervisor = await t.userWithRole('supervisor', { siteIds: m.siteIds });
    expect(
      (await supervisor.post(`/api/v1/monthly-reports/${m.reportId}/excess-acknowledgments`, { all: true, reason: 'x' })).statusCode,
    ).toBe(403);
    expect(
      (await manager.post(`/api/v1/monthly-reports/${m.reportId}/excess-acknowledgments`, { all: true, reason: '  ' })).statusCode,
    ).toBe(400);
    expect(
      (await manager.post(`/api/v1/monthly-reports/${m.reportId}/excess-acknowledgments`, { entryIds: [m.entries.e1], reason: 'x' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await manager.post(`/api/v1/monthly-reports/${m.reportId}/excess-acknowledgments`, { entryIds: [999999999], reason: 'x' }))
        .statusCode,
    ).toBe(400);
    const res = await manager.post(`/api/v1/monthly-reports/${m.reportId}/excess-acknowledgments`, {
      all: true,
      reason: 'Trabajo adicional no autorizado',
    });
    expect(res.json()).toEqual({ acknowledged: 2 });
    const list = (await manager.get(`/api/v1/monthly-reports/${m.reportId}/excess`)).json().items;
    expect(list.map((e: { id: number; acknowledged: boolean; ackReason: string }) => [e.id, e.acknowledged, e.ackReason])).toEqual([
      [a, true, 'Trabajo adicional no autorizado'],
      [b, true, 'Trabajo adicional no autorizado'],
    ]);
    const audit = await pool().query(
      `select entity_id, reason from audit_log where action = 'acknowledge_excess' and entity_id = any($1::text[])`,
      [[String(a), String(b)]],
    );
    expect(audit.rows).toHaveLength(2);
  });
});

describe('evidence reachability check', () => {
  async function serve(handler: http.RequestListener): Promise<string> {
    const server = http.createServer(handler);
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/folder`;
  }
  async function checkWith(url: string) {
    const m = await buildCompleteMonth(t);
    await pool().query(`update monthly_reports set evidence_url = $2 where id = $1`, [m.reportId, url]);
    const started = Date.now();
    const res = await t.admin.post(`/api/v1/monthly-reports/${m.reportId}/evidence-check`);
    return { m, res, ms: Date.now() - started };
  }

  it('records a reachable link (HEAD 200) and the warning clears', async () => {
    const { m, res } = await checkWith(await serve((_req, r) => r.end('ok')));
    expect(res.json()).toMatchObject({ reachable: true, httpStatus: 200, error: null });
    expect(item(await checklist(m.reportId), 'evidence_url_reachable').result).toBe('ok');
    expect((await t.admin.get(`/api/v1/monthly-reports/${m.reportId}`)).json().evidenceCheck).toMatchObject({ reachable: true });
  });

  it('falls back to GET when HEAD is not allowed', async () => {
    const { res } = await checkWith(await serve((req, r) => r.writeHead(req.method === 'HEAD' ? 405 : 200).end()));
    expect(res.json()).toMatchObject({ reachable: true, httpStatus: 200 });
  });

  it('records an unreachable link (404) as a warning, not a block', async () => {
    const { m, res } = await checkWith(await serve((_req, r) => r.writeHead(404).end()));
    expect(res.json()).toMatchObject({ reachable: false, httpStatus: 404 });
    const c = await checklist(m.reportId);
    expect(item(c, 'evidence_url_reachable')).toMatchObject({ result: 'aviso', blocking: false });
    expect(item(c, 'evidence_url').result).toBe('ok');
  });

  it('never hangs: a server that never answers times out in ~3 s and is recorded', async () => {
    const { res, ms } = await checkWith(await serve(() => undefined));
    expect(res.json()).toMatchObject({ reachable: false, httpStatus: null, error: 'Sin respuesta en 3 s' });
    expect(ms).toBeLessThan(6000);
  });

  it('follows redirects (up to 5) to the final answer', async () => {
    const target = await serve((_req, r) => r.writeHead(404).end());
    const { res } = await checkWith(await serve((_req, r) => r.writeHead(302, { location: target }).end()));
    expect(res.json()).toMatchObject({ reachable: false, httpStatus: 404 });
  });

  it('a refused connection is recorded too', async () => {
    const { res } = await checkWith('http://127.0.0.1:9/none');
    expect(res.json()).toMatchObject({ reachable: false, httpStatus: null });
  });
});
