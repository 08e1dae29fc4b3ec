/**
 * The legacy-compatible endpoint (spec §3.2; seed "API Endpoint Reference"), against a running
 * server over real HTTP: verbatim messages, response shape, get-or-create Abierto, the stricter
 * checks, auth (session + CSRF, Bearer), and internal errors without stacks or SQL.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkOrder } from '../support/builders';
import { buildMonthOt, ensureReport, setStatus } from '../support/builders-monthly';
import { createTestApp, type TestApp, type TestClient } from '../support/test-app';

const PATH = '/operaciones/produccion/guardar_archivo_mensual/';
const URL_OK = 'https://drive.google.com/drive/folders/1AbC';

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(() => t.close());

async function post(
  body: unknown,
  auth: { client?: TestClient; bearer?: string; csrf?: string | null; contentType?: string } = { client: undefined },
) {
  const headers: Record<string, string> = { 'content-type': auth.contentType ?? 'application/json' };
  const client = auth.client ?? (auth.bearer ? undefined : t.admin);
  if (auth.bearer) headers.authorization = `Bearer ${auth.bearer}`;
  else if (client) {
    headers.cookie = client.cookie;
    if (auth.csrf !== null) headers['x-csrf-token'] = auth.csrf ?? client.csrfToken;
  }
  const res = await fetch(`${base}${PATH}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, text, json: JSON.parse(text) as { exito: boolean; mensaje: string; archivo?: string } };
}

async function anonymous(body: unknown) {
  const res = await fetch(`${base}${PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as { exito: boolean; mensaje: string } };
}

describe('the legacy contract, verbatim', () => {
  it('success: 200 {exito:true, mensaje, archivo}; the report is created Abierto with the link', async () => {
    const ot = await buildMonthOt(t.admin);
    const r = await post({ id_ot: ot.workOrderId, mes: 3, anio: 2025, archivo: URL_OK });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ exito: true, mensaje: 'Evidencia vinculada al Reporte Mensual correctamente.', archivo: URL_OK });
    const row = await t.database.pool.query(
      `select status, evidence_url from monthly_reports where work_order_id = $1 and year = 2025 and month = 3`,
      [ot.workOrderId],
    );
    expect(row.rows).toEqual([{ status: 'abierto', evidence_url: URL_OK }]);
    const audit = await t.database.pool.query(
      `select via from audit_log where entity = 'monthly_report' and action = 'set_evidence' order by id desc limit 1`,
    );
    expect(audit.rows[0].via).toBe('legacy');
  });

  it('updates the link of an existing month (get-or-create, one row), numbers may be numeric strings', async () => {
    const ot = await buildMonthOt(t.admin);
    await post({ id_ot: ot.workOrderId, mes: 3, anio: 2025, archivo: URL_OK });
    const r = await post({ id_ot: String(ot.workOrderId), mes: '3', anio: '2025', archivo: 'https://drive.google.com/drive/folders/2' });
    expect(r.json).toMatchObject({ exito: true, archivo: 'https://drive.google.com/drive/folders/2' });
    const n = await t.database.pool.query(`select count(*)::int as n from monthly_reports where work_order_id = $1`, [ot.workOrderId]);
    expect(n.rows[0].n).toBe(1);
  });

  it.each([
    [{ mes: 3, anio: 2025, archivo: URL_OK }],
    [{ id_ot: 1, anio: 2025, archivo: URL_OK }],
    [{ id_ot: 1, mes: 3, archivo: URL_OK }],
    [{ id_ot: 0, mes: 3, anio: 2025, archivo: URL_OK }],
    [{ id_ot: '', mes: 3, anio: 2025 }],
    [{}],
  ])('missing OT, month or year %o → 200 {exito:false, "Faltan datos obligatorios (OT, Mes o Año)."}', async (body) => {
    const r = await post(body);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ exito: false, mensaje: 'Faltan datos obligatorios (OT, Mes o Año).' });
  });

  it.each([[{}], [{ archivo: '' }], [{ archivo: null }]])(
    'missing URL %o → 200 {exito:false, "La URL del archivo es obligatoria."}',
    async (extra) => {
      const ot = await buildMonthOt(t.admin);
      const r = await post({ id_ot: ot.workOrderId, mes: 3, anio: 2025, ...extra });
      expect(r.status).toBe(200);
      expect(r.json).toEqual({ exito: false, mensaje: 'La URL del archivo es obligatoria.' });
      const n = await t.database.pool.query(`select count(*)::int as n from monthly_reports where work_order_id = $1`, [ot.workOrderId]);
      expect(n.rows[0].n).toBe(0);
    },
  );
});

describe('stricter checks, same shape', () => {
  it('unknown OT → 404', async () => {
    const r = await post({ id_ot: 987654, mes: 3, anio: 2025, archivo: URL_OK });
    expect(r.status).toBe(404);
    expect(r.json).toEqual({ exito: false, mensaje: 'La OT 987654 no existe.' });
  });

  it.each([
    [{ mes: 13 }, /mes/],
    [{ mes: -1 }, /mes/],
    [{ mes: 'marzo' }, /mes/],
    [{ anio: 25 }, /año/],
    [{ anio: 3000 }, /año/],
    [{ id_ot: 'abc' }, /OT/],
    [{ archivo: 'javascript:alert(1)' }, /http/],
    [{ archivo: 'ftp://files/x' }, /http/],
    [{ archivo: 12345 }, /http/],
  ])('%o → 400 with a clear Spanish message, nothing created', async (override, message) => {
    const ot = await buildMonthOt(t.admin);
    const r = await post({ id_ot: ot.workOrderId, mes: 3, anio: 2025, archivo: URL_OK, ...override });
    expect(r.status).toBe(400);
    expect(r.json.exito).toBe(false);
    expect(r.json.mensaje).toMatch(message);
    const n = await t.database.pool.query(`select count(*)::int as n from monthly_reports where work_order_id = $1`, [ot.workOrderId]);
    expect(n.rows[0].n).toBe(0);
  });

  it('malformed JSON → 400 in the legacy shape', async () => {
    const r = await post('{"id_ot": 1, ');
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ exito: false, mensaje: 'El cuerpo de la petición no es JSON válido.' });
  });

  it('JSON sent as text/plain is accepted (the legacy view read the raw body)', async () => {
    const ot = await buildMonthOt(t.admin);
    const r = await post({ id_ot: ot.workOrderId, mes: 3, anio: 2025, archivo: URL_OK }, { contentType: 'text/plain' });
    expect(r.json.exito).toBe(true);
  });

  it.each(['cerrado', 'facturado'] as const)('a %s month → 409, link unchanged', async (status) => {
    const ot = await buildMonthOt(t.admin);
    const id = await ensureReport(t.database.pool, ot.workOrderId, 2025, 3);
    await setStatus(t.database.pool, id, status);
    const r = await post({ id_ot: ot.workOrderId, mes: 3, anio: 2025, archivo: URL_OK });
    expect(r.status).toBe(409);
    expect(r.json.exito).toBe(false);
    expect(r.json.mensaje).toMatch(/3\/2025/);
    const row = await t.database.pool.query(`select evidence_url from monthly_reports where id = $1`, [id]);
    expect(row.rows[0].evidence_url).toBeNull();
  });

  it('a supervisor during En Revisión → 409 (capture frozen)', async () => {
    const ot = await buildMonthOt(t.admin);
    const id = await ensureReport(t.database.pool, ot.workOrderId, 2025, 3);
    await setStatus(t.database.pool, id, 'en_revision');
    const sup = await t.userWithRole('supervisor', { siteIds: ot.siteIds });
    const r = await post({ id_ot: ot.workOrderId, mes: 3, anio: 2025, archivo: URL_OK }, { client: sup });
    expect(r.status).toBe(409);
    expect(r.json.mensaje).toMatch(/En Revisión/);
  });

  it('a reprogramming id files the evidence under the family initial OT', async () => {
    const ot = await buildMonthOt(t.admin);
    const re = await buildWorkOrder(t.admin, {
      kind: 'reprogramming',
      parentId: ot.workOrderId,
      folio: ot.folio,
      siteIds: ot.siteIds,
      plannedStart: '2025-04-01',
      plannedEnd: '2025-06-30',
    });
    const r = await post({ id_ot: re.id, mes: 3, anio: 2025, archivo: URL_OK });
    expect(r.json.exito).toBe(true);
    const rows = await t.database.pool.query(`select work_order_id from monthly_reports where work_order_id in ($1, $2)`, [
      ot.workOrderId,
      re.id,
    ]);
    expect(rows.rows).toEqual([{ work_order_id: ot.workOrderId }]);
  });
});

describe('authentication and authorization', () => {
  it('not logged in → 401 {exito:false}', async () => {
    const r = await anonymous({ id_ot: 1, mes: 3, anio: 2025, archivo: URL_OK });
    expect(r.status).toBe(401);
    expect(r.json.exito).toBe(false);
    expect(typeof r.json.mensaje).toBe('string');
  });

  it('cookie session without the CSRF token → 403 {exito:false}', async () => {
    const ot = await buildMonthOt(t.admin);
    const r = await post({ id_ot: ot.workOrderId, mes: 3, anio: 2025, archivo: URL_OK }, { client: t.admin, csrf: null });
    expect(r.status).toBe(403);
    expect(r.json.exito).toBe(false);
  });

  it('read-only users and supervisors outside the OT → 403', async () => {
    const ot = await buildMonthOt(t.admin);
    const consulta = await t.userWithRole('consulta');
    expect((await post({ id_ot: ot.workOrderId, mes: 3, anio: 2025, archivo: URL_OK }, { client: consulta })).status).toBe(403);
    const stranger = await t.userWithRole('supervisor');
    const r = await post({ id_ot: ot.workOrderId, mes: 3, anio: 2025, archivo: URL_OK }, { client: stranger });
    expect(r.status).toBe(403);
    expect(r.json.exito).toBe(false);
  });

  it('a Bearer API token works without cookie or CSRF; a bad token → 401', async () => {
    const token = (await t.admin.post('/api/v1/tokens', { name: 'drive-sync' })).json().token as string;
    const ot = await buildMonthOt(t.admin);
    const r = await post({ id_ot: ot.workOrderId, mes: 3, anio: 2025, archivo: URL_OK }, { bearer: token });
    expect(r.status).toBe(200);
    expect(r.json.exito).toBe(true);
    const bad = await post({ id_ot: ot.workOrderId, mes: 3, anio: 2025, archivo: URL_OK }, { bearer: 'nope' });
    expect(bad.status).toBe(401);
    expect(bad.json.exito).toBe(false);
  });
});

describe('internal errors', () => {
  it('answer 500 "Error interno al guardar evidencia: …" without stack traces or SQL', async () => {
    const ot = await buildMonthOt(t.admin);
    await t.database.pool.query(`alter table monthly_reports rename column evidence_url to evidence_url_tmp`);
    try {
      const r = await post({ id_ot: ot.workOrderId, mes: 3, anio: 2025, archivo: URL_OK });
      expect(r.status).toBe(500);
      expect(r.json.exito).toBe(false);
      expect(r.json.mensaje.startsWith('Error interno al guardar evidencia: ')).toBe(true);
      expect(r.text).not.toMatch(/evidence_url|select|update|column|at \w+ \(/i);
    } finally {
      await t.database.pool.query(`alter table monthly_reports rename column evidence_url_tmp to evidence_url`);
    }
  });
});
