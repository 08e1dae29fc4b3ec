/**
 * Work orders over HTTP on a real database: the fixed create contract, families and
 * reprogrammings (validity window), cross-field rules with Spanish messages per field, the
 * Terminada side effect on the actual end, sites with roles, list filters, XLSX export, audit.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInMexicoCity } from '../../domain/dates';
import { buildClient, buildSite, buildWorkOrder } from '../support/builders';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let clientId: number;
let siteId: number;
beforeAll(async () => {
  t = await createTestApp();
  clientId = (await buildClient(t.admin, { name: 'Pemex Exploración y Producción' })).id;
  siteId = (await buildSite(t.admin, { name: 'Plataforma Akal-C', kind: 'platform' })).id;
});
afterAll(() => t.close());

const body = (overrides: Record<string, unknown> = {}) => ({
  folio: `OT-${Math.random().toString(36).slice(2, 10)}`,
  description: 'Mantenimiento integral a ductos',
  kind: 'initial',
  parentId: null,
  clientId,
  siteIds: [siteId],
  plannedStart: '2025-03-01',
  plannedEnd: '2025-05-31',
  ...overrides,
});

type Issue = { path: string; message: string };
const issuesOf = (res: { json(): unknown }) => (res.json() as { error: { details: { issues: Issue[] } } }).error.details.issues;

describe('create (fixed contract)', () => {
  it('POST {folio, description, kind, parentId, clientId, siteIds, plannedStart, plannedEnd} → 201 with id; GET returns it', async () => {
    const res = await t.admin.post('/api/v1/work-orders', body({ folio: 'PEP-OT-001' }));
    expect(res.statusCode).toBe(201);
    const wo = res.json();
    expect(wo).toMatchObject({
      id: expect.any(Number),
      folio: 'PEP-OT-001',
      kind: 'initial',
      parentId: null,
      reprogrammingNumber: 0,
      clientId,
      clientName: 'Pemex Exploración y Producción',
      status: 'asignada',
      plannedStart: '2025-03-01',
      plannedEnd: '2025-05-31',
      actualEnd: null,
      sites: [{ siteId, role: 'main', name: 'Plataforma Akal-C', kind: 'platform' }],
      validity: { start: '2025-03-01', end: '2025-05-31' },
    });
    expect(wo.familyId).toBe(wo.id);
    const got = await t.admin.get(`/api/v1/work-orders/${wo.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({ id: wo.id, folio: 'PEP-OT-001' });
    expect(got.json().abilities).toMatchObject({ update: true, createReprogramming: true });
  });

  it('a duplicate folio for an initial OT → 409', async () => {
    await t.admin.post('/api/v1/work-orders', body({ folio: 'PEP-OT-DUP' }));
    const dup = await t.admin.post('/api/v1/work-orders', body({ folio: 'PEP-OT-DUP' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('conflict');
  });

  it('kind initial with a parentId → 400 on body.parentId', async () => {
    const parent = await buildWorkOrder(t.admin, { clientId, siteIds: [siteId] });
    const res = await t.admin.post('/api/v1/work-orders', body({ parentId: parent.id }));
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res)).toContainEqual(
      expect.objectContaining({ path: 'body.parentId', message: 'Solo las reprogramaciones tienen OT inicial' }),
    );
  });

  it('unknown client or site → 400 with a Spanish message per field, nothing created', async () => {
    const before = (await t.admin.get('/api/v1/work-orders')).json().total;
    const res = await t.admin.post('/api/v1/work-orders', body({ clientId: 987654, siteIds: [siteId, 876543] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    const issues = issuesOf(res);
    expect(issues).toContainEqual({ path: 'body.clientId', code: 'invalid', message: 'El cliente no existe' });
    expect(issues).toContainEqual({ path: 'body.sites.1.siteId', code: 'invalid', message: 'El sitio 876543 no existe' });
    expect((await t.admin.get('/api/v1/work-orders')).json().total).toBe(before);
  });

  it('a deactivated client or site is refused (400) for new OTs', async () => {
    const c = await buildClient(t.admin);
    const s = await buildSite(t.admin);
    await t.admin.patch(`/api/v1/clients/${c.id}`, { active: false });
    await t.admin.patch(`/api/v1/sites/${s.id}`, { active: false });
    const res = await t.admin.post('/api/v1/work-orders', body({ clientId: c.id, siteIds: [s.id] }));
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res).map((i) => i.message)).toEqual(
      expect.arrayContaining(['El cliente está desactivado', `El sitio ${s.id} está desactivado`]),
    );
  });

  it('plannedEnd before plannedStart → 400 on body.plannedEnd', async () => {
    const res = await t.admin.post('/api/v1/work-orders', body({ plannedStart: '2025-05-01', plannedEnd: '2025-04-30' }));
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res)).toContainEqual(
      expect.objectContaining({ path: 'body.plannedEnd', message: expect.stringMatching(/no puede ser anterior/) }),
    );
  });

  it('a date that does not exist (2025-02-30) → 400', async () => {
    const res = await t.admin.post('/api/v1/work-orders', body({ plannedStart: '2025-02-30' }));
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res)).toContainEqual(expect.objectContaining({ path: 'body.plannedStart', message: 'La fecha no existe' }));
  });

  it('requiresYard needs yard dates (400 on body.yardStart), and accepts them', async () => {
    const bad = await t.admin.post('/api/v1/work-orders', body({ requiresYard: true }));
    expect(bad.statusCode).toBe(400);
    expect(issuesOf(bad)).toContainEqual(
      expect.objectContaining({ path: 'body.yardStart', message: 'La fase de patio requiere fechas de inicio y término' }),
    );
    const ok = await t.admin.post('/api/v1/work-orders', body({ requiresYard: true, yardStart: '2025-02-01', yardEnd: '2025-02-28' }));
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ requiresYard: true, yardStart: '2025-02-01', yardEnd: '2025-02-28' });
    const inverted = await t.admin.post(
      '/api/v1/work-orders',
      body({ requiresYard: true, yardStart: '2025-02-28', yardEnd: '2025-02-01' }),
    );
    expect(inverted.statusCode).toBe(400);
    expect(issuesOf(inverted)[0]!.path).toBe('body.yardEnd');
  });

  it('stores every legacy field: leader, client responsible, official letter, front, amounts, term', async () => {
    const front = ((await t.admin.get('/api/v1/fronts?q=BARCO')).json().items as { id: number }[])[0]!;
    const res = await t.admin.post(
      '/api/v1/work-orders',
      body({
        leaderId: t.admin.userId,
        clientResponsible: 'Ing. Juan Pérez',
        officialLetter: 'PEP-SPRMNE-123/2025',
        frontId: front.id,
        amountMxn: '1234567.89',
        amountUsd: 98765.4,
        termDays: 92,
        actualStart: '2025-03-03',
      }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      leaderId: t.admin.userId,
      leaderName: 'Administrador',
      clientResponsible: 'Ing. Juan Pérez',
      officialLetter: 'PEP-SPRMNE-123/2025',
      frontId: front.id,
      frontName: 'Barco',
      amountMxn: '1234567.89',
      amountUsd: '98765.40',
      termDays: 92,
      actualStart: '2025-03-03',
      validity: { start: '2025-03-03', end: '2025-05-31' },
    });
    const negative = await t.admin.post('/api/v1/work-orders', body({ amountMxn: '-1' }));
    expect(negative.statusCode).toBe(400);
    const threeDecimals = await t.admin.post('/api/v1/work-orders', body({ amountUsd: '1.005' }));
    expect(threeDecimals.statusCode).toBe(400);
  });

  it('sites carry a role (main, yard, platform, interconnection); explicit roles win over siteIds', async () => {
    const yard = await buildSite(t.admin, { kind: 'yard' });
    const platform = await buildSite(t.admin, { kind: 'platform' });
    const link = await buildSite(t.admin, { kind: 'interconnection' });
    const vessel = await buildSite(t.admin, { kind: 'vessel' });
    const res = await t.admin.post(
      '/api/v1/work-orders',
      body({
        siteIds: [vessel.id, yard.id],
        sites: [
          { siteId: yard.id, role: 'yard' },
          { siteId: platform.id, role: 'platform' },
          { siteId: link.id, role: 'interconnection' },
        ],
      }),
    );
    expect(res.statusCode).toBe(201);
    const roles = Object.fromEntries((res.json().sites as { siteId: number; role: string }[]).map((s) => [s.siteId, s.role]));
    expect(roles).toEqual({ [vessel.id]: 'main', [yard.id]: 'yard', [platform.id]: 'platform', [link.id]: 'interconnection' });
    const badRole = await t.admin.post('/api/v1/work-orders', body({ sites: [{ siteId: yard.id, role: 'dock' }] }));
    expect(badRole.statusCode).toBe(400);
  });
});

describe('families', () => {
  it('a reprogramming has a real FK to its initial OT, gets numbers 1, 2… and extends the family validity window', async () => {
    const initial = (await t.admin.post('/api/v1/work-orders', body({ folio: 'PEP-OT-FAM' }))).json();
    const r1 = await t.admin.post(
      '/api/v1/work-orders',
      body({ folio: 'PEP-OT-FAM', kind: 'reprogramming', parentId: initial.id, plannedStart: '2025-06-01', plannedEnd: '2025-07-31' }),
    );
    expect(r1.statusCode).toBe(201);
    expect(r1.json()).toMatchObject({ kind: 'reprogramming', parentId: initial.id, familyId: initial.id, reprogrammingNumber: 1 });
    const r2 = await t.admin.post(
      '/api/v1/work-orders',
      body({ folio: 'PEP-OT-FAM', kind: 'reprogramming', parentId: initial.id, plannedStart: '2025-08-01', plannedEnd: '2025-09-30' }),
    );
    expect(r2.json().reprogrammingNumber).toBe(2);

    const got = (await t.admin.get(`/api/v1/work-orders/${initial.id}`)).json();
    expect(got.validity).toEqual({ start: '2025-03-01', end: '2025-09-30' });
    expect(got.plannedEnd).toBe('2025-05-31'); // the initial OT's own dates do not change

    const fk = await t.database.pool.query(
      `select confrelid::regclass::text as ref from pg_constraint where conrelid = 'work_orders'::regclass and contype = 'f' and conkey = array[(select attnum from pg_attribute where attrelid = 'work_orders'::regclass and attname = 'parent_id')]`,
    );
    expect(fk.rows[0].ref).toBe('work_orders');

    const family = (await t.admin.get(`/api/v1/work-orders/${r2.json().id}/family`)).json();
    expect(family.items.map((w: { reprogrammingNumber: number }) => w.reprogrammingNumber)).toEqual([0, 1, 2]);
    const listed = (await t.admin.get(`/api/v1/work-orders?familyId=${initial.id}`)).json();
    expect(listed.total).toBe(3);
    expect(r1.json().abilities.createReprogramming).toBe(false);
  });

  it('concurrent reprogrammings of one family get distinct numbers', async () => {
    const initial = (await t.admin.post('/api/v1/work-orders', body({ folio: 'PEP-OT-CONC' }))).json();
    const results = await Promise.all(
      [1, 2, 3, 4].map(() =>
        t.admin.post('/api/v1/work-orders', body({ folio: 'PEP-OT-CONC', kind: 'reprogramming', parentId: initial.id })),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    expect(results.map((r) => r.json().reprogrammingNumber).sort()).toEqual([1, 2, 3, 4]);
  });

  it('a reprogramming of a reprogramming → 400; a reprogramming without parent or with an unknown one → 400', async () => {
    const initial = (await t.admin.post('/api/v1/work-orders', body())).json();
    const r1 = (await t.admin.post('/api/v1/work-orders', body({ kind: 'reprogramming', parentId: initial.id }))).json();
    const nested = await t.admin.post('/api/v1/work-orders', body({ kind: 'reprogramming', parentId: r1.id }));
    expect(nested.statusCode).toBe(400);
    expect(issuesOf(nested)).toContainEqual(expect.objectContaining({ path: 'body.parentId', message: 'Debe ser una OT inicial' }));
    const orphan = await t.admin.post('/api/v1/work-orders', body({ kind: 'reprogramming' }));
    expect(orphan.statusCode).toBe(400);
    expect(issuesOf(orphan)[0]!.path).toBe('body.parentId');
    const unknown = await t.admin.post('/api/v1/work-orders', body({ kind: 'reprogramming', parentId: 999999 }));
    expect(unknown.statusCode).toBe(400);
    expect(issuesOf(unknown)[0]).toMatchObject({ path: 'body.parentId', message: 'La OT inicial no existe' });
  });

  it('a deactivated reprogramming no longer extends the window', async () => {
    const initial = (await t.admin.post('/api/v1/work-orders', body())).json();
    const r1 = (
      await t.admin.post('/api/v1/work-orders', body({ kind: 'reprogramming', parentId: initial.id, plannedEnd: '2025-12-31' }))
    ).json();
    expect((await t.admin.get(`/api/v1/work-orders/${initial.id}`)).json().validity.end).toBe('2025-12-31');
    await t.admin.patch(`/api/v1/work-orders/${r1.id}`, { active: false });
    expect((await t.admin.get(`/api/v1/work-orders/${initial.id}`)).json().validity.end).toBe('2025-05-31');
  });
});

describe('update', () => {
  it('PATCH changes fields and records an audit entry with before/after per changed field and workOrderId', async () => {
    const wo = (await t.admin.post('/api/v1/work-orders', body())).json();
    const res = await t.admin.patch(`/api/v1/work-orders/${wo.id}`, { description: 'Nueva descripción', plannedEnd: '2025-06-30' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ description: 'Nueva descripción', plannedEnd: '2025-06-30', validity: { end: '2025-06-30' } });

    const audit = (await t.admin.get(`/api/v1/audit?entity=work_order&workOrderId=${wo.id}`)).json().items as {
      action: string;
      workOrderId: number;
      changes: Record<string, { before: unknown; after: unknown }>;
    }[];
    const update = audit.find((e) => e.action === 'update')!;
    expect(update.workOrderId).toBe(wo.id);
    expect(update.changes).toEqual({
      description: { before: 'Mantenimiento integral a ductos', after: 'Nueva descripción' },
      plannedEnd: { before: '2025-05-31', after: '2025-06-30' },
    });
    const create = audit.find((e) => e.action === 'create')!;
    expect(create.changes.folio).toEqual({ before: null, after: wo.folio });
  });

  it('entering Terminada sets actualEnd to today in Mexico City; leaving it clears actualEnd', async () => {
    const wo = (await t.admin.post('/api/v1/work-orders', body({ plannedStart: '2025-01-01', plannedEnd: '2025-02-28' }))).json();
    const done = await t.admin.patch(`/api/v1/work-orders/${wo.id}`, { status: 'terminada' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'terminada', actualEnd: todayInMexicoCity() });
    const reopened = await t.admin.patch(`/api/v1/work-orders/${wo.id}`, { status: 'en_ejecucion' });
    expect(reopened.json()).toMatchObject({ status: 'en_ejecucion', actualEnd: null });
    const audit = (await t.admin.get(`/api/v1/audit?entity=work_order&workOrderId=${wo.id}`)).json().items as {
      changes: Record<string, { before: unknown; after: unknown }>;
    }[];
    expect(audit.some((e) => JSON.stringify(e.changes.actualEnd) === JSON.stringify({ before: null, after: todayInMexicoCity() }))).toBe(
      true,
    );
  });

  it('a hand-entered actual end is kept when entering Terminada', async () => {
    const wo = (await t.admin.post('/api/v1/work-orders', body())).json();
    const done = await t.admin.patch(`/api/v1/work-orders/${wo.id}`, {
      status: 'terminada',
      actualStart: '2025-03-02',
      actualEnd: '2025-05-20',
    });
    expect(done.json()).toMatchObject({ status: 'terminada', actualEnd: '2025-05-20' });
  });

  it('PATCH validates like create: dates order against stored values, yard dates, unknown client → 400, unknown OT → 404', async () => {
    const wo = (await t.admin.post('/api/v1/work-orders', body())).json();
    const inverted = await t.admin.patch(`/api/v1/work-orders/${wo.id}`, { plannedEnd: '2025-01-01' });
    expect(inverted.statusCode).toBe(400);
    expect(issuesOf(inverted)[0]!.path).toBe('body.plannedEnd');
    expect((await t.admin.patch(`/api/v1/work-orders/${wo.id}`, { requiresYard: true })).statusCode).toBe(400);
    const client = await t.admin.patch(`/api/v1/work-orders/${wo.id}`, { clientId: 999999 });
    expect(client.statusCode).toBe(400);
    expect(issuesOf(client)[0]).toMatchObject({ path: 'body.clientId', message: 'El cliente no existe' });
    expect((await t.admin.get(`/api/v1/work-orders/${wo.id}`)).json()).toMatchObject({
      plannedEnd: '2025-05-31',
      requiresYard: false,
      clientId,
    });
    expect((await t.admin.patch('/api/v1/work-orders/999999', { description: 'x' })).statusCode).toBe(404);
    expect((await t.admin.get('/api/v1/work-orders/999999')).statusCode).toBe(404);
  });

  it('PATCH replaces the sites with their roles', async () => {
    const wo = (await t.admin.post('/api/v1/work-orders', body())).json();
    const yard = await buildSite(t.admin, { kind: 'yard' });
    const res = await t.admin.patch(`/api/v1/work-orders/${wo.id}`, {
      sites: [
        { siteId, role: 'main' },
        { siteId: yard.id, role: 'yard' },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .sites.map((s: { siteId: number; role: string }) => [s.siteId, s.role])
        .sort(),
    ).toEqual(
      [
        [siteId, 'main'],
        [yard.id, 'yard'],
      ].sort(),
    );
  });

  it('only admin and gerente_operaciones write OTs', async () => {
    const wo = (await t.admin.post('/api/v1/work-orders', body())).json();
    const gerente = await t.userWithRole('gerente_operaciones');
    expect((await gerente.patch(`/api/v1/work-orders/${wo.id}`, { officialLetter: 'OF-1' })).statusCode).toBe(200);
    for (const role of ['supervisor', 'administracion', 'consulta'] as const) {
      const c = await t.userWithRole(role);
      expect((await c.get(`/api/v1/work-orders/${wo.id}`)).statusCode).toBe(200);
      expect((await c.patch(`/api/v1/work-orders/${wo.id}`, { officialLetter: role })).statusCode).toBe(403);
      expect((await c.post('/api/v1/work-orders', body())).statusCode).toBe(403);
    }
    expect((await t.admin.get(`/api/v1/work-orders/${wo.id}`)).json().officialLetter).toBe('OF-1');
  });
});

describe('list and export', () => {
  let otherClient: number;
  let otherSite: number;
  let family: number;
  beforeAll(async () => {
    otherClient = (await buildClient(t.admin, { name: 'Cliente Filtros' })).id;
    otherSite = (await buildSite(t.admin, { name: 'Barco Filtros', kind: 'vessel' })).id;
    const tierra = ((await t.admin.get('/api/v1/fronts?q=TIERRA')).json().items as { id: number }[])[0]!.id;
    family = (
      await t.admin.post(
        '/api/v1/work-orders',
        body({ folio: 'FLT-001', description: 'Soldadura submarina', clientId: otherClient, siteIds: [otherSite], frontId: tierra }),
      )
    ).json().id;
    await t.admin.post(
      '/api/v1/work-orders',
      body({
        folio: 'FLT-001',
        kind: 'reprogramming',
        parentId: family,
        clientId: otherClient,
        siteIds: [otherSite],
        plannedEnd: '2025-08-31',
      }),
    );
    const second = (await t.admin.post('/api/v1/work-orders', body({ folio: 'FLT-002', clientId: otherClient, siteIds: [siteId] }))).json();
    await t.admin.patch(`/api/v1/work-orders/${second.id}`, { status: 'suspendida' });
  });

  const folios = async (query: string) =>
    ((await t.admin.get(`/api/v1/work-orders?${query}`)).json().items as { folio: string; reprogrammingNumber: number }[]).map(
      (w) => `${w.folio}/${w.reprogrammingNumber}`,
    );

  it('filters by q (folio, description, client), status, kind, clientId, siteId, frontId, familyId', async () => {
    expect(await folios('q=flt-')).toEqual(['FLT-001/0', 'FLT-001/1', 'FLT-002/0']);
    expect(await folios('q=submarina')).toEqual(['FLT-001/0']);
    expect(await folios(`q=${encodeURIComponent('cliente filtros')}`)).toEqual(['FLT-001/0', 'FLT-001/1', 'FLT-002/0']);
    expect(await folios(`clientId=${otherClient}&status=suspendida`)).toEqual(['FLT-002/0']);
    expect(await folios(`clientId=${otherClient}&kind=reprogramming`)).toEqual(['FLT-001/1']);
    expect(await folios(`siteId=${otherSite}`)).toEqual(['FLT-001/0', 'FLT-001/1']);
    const tierra = ((await t.admin.get('/api/v1/fronts?q=TIERRA')).json().items as { id: number }[])[0]!.id;
    expect(await folios(`frontId=${tierra}`)).toEqual(['FLT-001/0']);
    expect(await folios(`familyId=${family}`)).toEqual(['FLT-001/0', 'FLT-001/1']);
    expect(await folios(`clientId=${otherClient}&initialOnly=true`)).toEqual(['FLT-001/0', 'FLT-002/0']);
    const page = (await t.admin.get(`/api/v1/work-orders?clientId=${otherClient}&limit=1&offset=2`)).json();
    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(1);
  });

  it('q treats % and _ literally', async () => {
    await t.admin.post('/api/v1/work-orders', body({ folio: 'PCT_100%' }));
    const folios = async (q: string) =>
      ((await t.admin.get(`/api/v1/work-orders?q=${encodeURIComponent(q)}`)).json().items as { folio: string }[]).map((w) => w.folio);
    expect(await folios('_100%')).toEqual(['PCT_100%']);
    expect(await folios('%')).toEqual(['PCT_100%']);
  });

  it('refuses bad filter values with 400', async () => {
    for (const q of ['status=abierta', 'kind=child', 'clientId=abc', 'limit=0', 'limit=100000', 'offset=-1', 'siteId=1.5']) {
      const res = await t.admin.get(`/api/v1/work-orders?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
  });

  it('exports the filtered list as a real XLSX with Spanish headers and values', async () => {
    const res = await t.admin.get(`/api/v1/work-orders/export.xlsx?clientId=${otherClient}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 6)).toEqual(['ID', 'Folio', 'Tipo', 'Descripción', 'Cliente', 'Estatus']);
    expect(ws.rowCount).toBe(4);
    const rows = [2, 3, 4].map((n) => (ws.getRow(n).values as unknown[]).slice(1));
    expect(rows.map((r) => r[1])).toEqual(['FLT-001', 'FLT-001', 'FLT-002']);
    expect(rows[1]![2]).toBe('Reprogramación 1');
    expect(rows[2]![5]).toBe('Suspendida');
    const validityEnd = header.indexOf('Vigencia hasta');
    expect((rows[0]![validityEnd] as Date).toISOString().slice(0, 10)).toBe('2025-08-31');
  });
});
