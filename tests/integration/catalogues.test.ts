/**
 * Catalogues (clients, sites, units, fronts) over HTTP on a real database: the fixed site
 * contract, list filters, soft deactivation, case-insensitive uniqueness, XLSX export, the seeded
 * reference data and the audit entry every write leaves.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function auditOf(entity: string, id: number) {
  const res = await t.admin.get(`/api/v1/audit?entity=${entity}`);
  expect(res.statusCode).toBe(200);
  return (
    res.json().items as {
      entityId: string;
      action: string;
      actorId: number;
      changes: Record<string, { before: unknown; after: unknown }>;
    }[]
  ).filter((e) => e.entityId === String(id));
}

async function readXlsx(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { name: ws.name, rows };
}

describe('sites', () => {
  it('POST {name, kind} → 201 with id (the fixed contract), then GET returns it', async () => {
    const res = await t.admin.post('/api/v1/sites', { name: 'Patio Dos Bocas', kind: 'yard' });
    expect(res.statusCode).toBe(201);
    const site = res.json();
    expect(site).toMatchObject({ id: expect.any(Number), name: 'Patio Dos Bocas', kind: 'yard', active: true });
    const got = await t.admin.get(`/api/v1/sites/${site.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual(site);
  });

  it('accepts every site kind and refuses an unknown one with 400', async () => {
    for (const kind of ['yard', 'vessel', 'platform', 'interconnection']) {
      expect((await t.admin.post('/api/v1/sites', { name: `Sitio de tipo ${kind}`, kind })).statusCode).toBe(201);
    }
    const bad = await t.admin.post('/api/v1/sites', { name: 'Sitio raro', kind: 'submarine' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    expect(bad.json().error.details.issues[0].path).toBe('body.kind');
  });

  it('names are unique ignoring case (409 conflict with a Spanish message), on create and on rename', async () => {
    await t.admin.post('/api/v1/sites', { name: 'Akal-C', kind: 'platform' });
    const dup = await t.admin.post('/api/v1/sites', { name: 'AKAL-c', kind: 'platform' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('conflict');
    expect(dup.json().error.message).toMatch(/Ya existe/);
    const other = (await t.admin.post('/api/v1/sites', { name: 'Akal-J', kind: 'platform' })).json();
    const rename = await t.admin.patch(`/api/v1/sites/${other.id}`, { name: 'akal-c' });
    expect(rename.statusCode).toBe(409);
    expect((await t.admin.get(`/api/v1/sites/${other.id}`)).json().name).toBe('Akal-J');
  });

  it('trims names so " X " and "X" collide', async () => {
    expect((await t.admin.post('/api/v1/sites', { name: '  Barco Ocean  ', kind: 'vessel' })).json().name).toBe('Barco Ocean');
    expect((await t.admin.post('/api/v1/sites', { name: 'barco ocean', kind: 'vessel' })).statusCode).toBe(409);
  });

  it('PATCH updates fields; PATCH {active:false} deactivates and {active:true} reactivates, each audited with before/after', async () => {
    const site = (await t.admin.post('/api/v1/sites', { name: 'Plataforma Ku-A', kind: 'platform' })).json();
    const patched = await t.admin.patch(`/api/v1/sites/${site.id}`, { notes: 'Complejo Ku' });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().notes).toBe('Complejo Ku');

    const off = await t.admin.patch(`/api/v1/sites/${site.id}`, { active: false });
    expect(off.json().active).toBe(false);
    expect((await t.admin.get(`/api/v1/sites/${site.id}`)).statusCode).toBe(200); // soft: still readable
    const on = await t.admin.patch(`/api/v1/sites/${site.id}`, { active: true });
    expect(on.json().active).toBe(true);

    const entries = await auditOf('site', site.id);
    expect(entries.map((e) => e.action).sort()).toEqual(['create', 'deactivate', 'reactivate', 'update']);
    const create = entries.find((e) => e.action === 'create')!;
    expect(create.actorId).toBe(t.admin.userId);
    expect(create.changes.name).toEqual({ before: null, after: 'Plataforma Ku-A' });
    expect(entries.find((e) => e.action === 'update')!.changes.notes).toEqual({ before: null, after: 'Complejo Ku' });
    expect(entries.find((e) => e.action === 'deactivate')!.changes.active).toEqual({ before: true, after: false });
    expect(entries.find((e) => e.action === 'reactivate')!.changes.active).toEqual({ before: false, after: true });
  });

  it('lists with q (case-insensitive substring) and active filters, with a total', async () => {
    const a = (await t.admin.post('/api/v1/sites', { name: 'Filtro Uno', kind: 'yard' })).json();
    await t.admin.post('/api/v1/sites', { name: 'Filtro Dos', kind: 'yard' });
    await t.admin.patch(`/api/v1/sites/${a.id}`, { active: false });

    const all = (await t.admin.get('/api/v1/sites?q=filtro')).json();
    expect(all.total).toBe(2);
    expect(all.items.map((s: { name: string }) => s.name).sort()).toEqual(['Filtro Dos', 'Filtro Uno']);
    const active = (await t.admin.get('/api/v1/sites?q=FILTRO&active=true')).json();
    expect(active.items.map((s: { name: string }) => s.name)).toEqual(['Filtro Dos']);
    const inactive = (await t.admin.get('/api/v1/sites?q=filtro&active=false')).json();
    expect(inactive.items.map((s: { name: string }) => s.name)).toEqual(['Filtro Uno']);
    const paged = (await t.admin.get('/api/v1/sites?q=filtro&limit=1&offset=1')).json();
    expect(paged.items).toHaveLength(1);
    expect(paged.total).toBe(2);
  });

  it('search treats % and _ as plain characters, not wildcards', async () => {
    await t.admin.post('/api/v1/sites', { name: 'Avance 100% patio', kind: 'yard' });
    await t.admin.post('/api/v1/sites', { name: 'Patio_Norte', kind: 'yard' });
    const names = async (q: string) =>
      ((await t.admin.get(`/api/v1/sites?q=${encodeURIComponent(q)}`)).json().items as { name: string }[]).map((s) => s.name);
    expect(await names('%')).toEqual(['Avance 100% patio']);
    expect(await names('_')).toEqual(['Patio_Norte']);
    expect(await names('0% p')).toEqual(['Avance 100% patio']);
    expect(await names('\\')).toEqual([]);
  });

  it('unknown id → 404 not_found on GET and PATCH, and a bad id → 400', async () => {
    const get = await t.admin.get('/api/v1/sites/999999');
    expect(get.statusCode).toBe(404);
    expect(get.json().error.code).toBe('not_found');
    expect(get.json().error.message).toMatch(/no existe/);
    expect((await t.admin.patch('/api/v1/sites/999999', { notes: 'x' })).statusCode).toBe(404);
    expect((await t.admin.get('/api/v1/sites/abc')).statusCode).toBe(400);
  });

  it('exports a real XLSX workbook with the header row and the values', async () => {
    await t.admin.post('/api/v1/sites', { name: 'Exportable Patio', kind: 'yard' });
    const res = await t.admin.get('/api/v1/sites/export.xlsx?q=exportable');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('sites.xlsx');
    const { name, rows } = await readXlsx(res.rawPayload);
    expect(name).toBe('Sitios');
    expect(rows[0]).toEqual(['ID', 'Sitio', 'Tipo', 'Activo']);
    expect(rows).toHaveLength(2);
    expect(rows[1]!.slice(1)).toEqual(['Exportable Patio', 'Patio', 'Sí']);
  });
});

describe('clients', () => {
  it('create, get, patch, deactivate; unique name ignoring case; audit before/after', async () => {
    const res = await t.admin.post('/api/v1/clients', { name: 'Pemex Exploración y Producción', taxId: 'PEP920716-7XA' });
    expect(res.statusCode).toBe(201);
    const client = res.json();
    expect(client).toMatchObject({ id: expect.any(Number), taxId: 'PEP920716-7XA', active: true });
    const dup = await t.admin.post('/api/v1/clients', { name: 'PEMEX EXPLORACIÓN Y PRODUCCIÓN' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toMatch(/Ya existe/);

    const patched = await t.admin.patch(`/api/v1/clients/${client.id}`, { name: 'PEP', active: false });
    expect(patched.json()).toMatchObject({ name: 'PEP', active: false });
    const entries = await auditOf('client', client.id);
    const deactivate = entries.find((e) => e.action === 'deactivate')!;
    expect(deactivate.changes.name).toEqual({ before: 'Pemex Exploración y Producción', after: 'PEP' });
    expect(deactivate.changes.active).toEqual({ before: true, after: false });
  });

  it('lists, searches by RFC too, exports', async () => {
    await t.admin.post('/api/v1/clients', { name: 'Cliente Buscable', taxId: 'XAXX010101000' });
    const found = (await t.admin.get('/api/v1/clients?q=xaxx0101')).json();
    expect(found.items.map((c: { name: string }) => c.name)).toEqual(['Cliente Buscable']);
    const { rows } = await readXlsx((await t.admin.get('/api/v1/clients/export.xlsx?q=buscable')).rawPayload);
    expect(rows[0]).toEqual(['ID', 'Cliente', 'RFC', 'Activo']);
    expect(rows[1]!.slice(1)).toEqual(['Cliente Buscable', 'XAXX010101000', 'Sí']);
  });

  it('requires a name (400 with a Spanish message on body.name)', async () => {
    const res = await t.admin.post('/api/v1/clients', { name: '   ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues).toContainEqual(expect.objectContaining({ path: 'body.name', message: 'Obligatorio' }));
  });

  it('unknown id → 404', async () => {
    expect((await t.admin.get('/api/v1/clients/424242')).statusCode).toBe(404);
    expect((await t.admin.patch('/api/v1/clients/424242', { name: 'x' })).statusCode).toBe(404);
  });
});

describe('units', () => {
  it('are seeded with the canonical list; ML is metro lineal (not millilitres) with its aliases', async () => {
    const res = await t.admin.get('/api/v1/units?limit=5000');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; name: string; aliases: string[] }[];
    const codes = items.map((u) => u.code);
    for (const code of ['ML', 'M2', 'M3', 'KG', 'PZA', 'LOTE']) expect(codes).toContain(code);
    const ml = items.find((u) => u.code === 'ML')!;
    expect(ml.name).toBe('METRO LINEAL');
    expect(ml.aliases).toEqual(expect.arrayContaining(['ML', 'M.L.', 'METRO LINEAL']));
    expect(JSON.stringify(items)).not.toMatch(/MILIL/i);
  });

  it('codes are stored upper-case and unique ignoring case; a unit can be created, renamed and deactivated', async () => {
    const dup = await t.admin.post('/api/v1/units', { code: 'ml', name: 'Mililitro' });
    expect(dup.statusCode).toBe(409);
    const res = await t.admin.post('/api/v1/units', { code: 'bbl', name: 'Barril', aliases: ['BL', 'BARRILES'] });
    expect(res.statusCode).toBe(201);
    const unit = res.json();
    expect(unit).toMatchObject({ code: 'BBL', aliases: ['BL', 'BARRILES'] });
    const patched = await t.admin.patch(`/api/v1/units/${unit.id}`, { name: 'BARRIL', active: false });
    expect(patched.json()).toMatchObject({ name: 'BARRIL', active: false });
    expect((await t.admin.get('/api/v1/units?q=bbl&active=false')).json().total).toBe(1);
    const entries = await auditOf('unit', unit.id);
    expect(entries.map((e) => e.action).sort()).toEqual(['create', 'deactivate']);
  });

  it('exports with aliases', async () => {
    const { rows } = await readXlsx((await t.admin.get('/api/v1/units/export.xlsx?q=metro%20lineal')).rawPayload);
    expect(rows[0]).toEqual(['Clave', 'Unidad', 'Alias', 'Activo']);
    const ml = rows.find((r) => r[0] === 'ML')!;
    expect(ml[1]).toBe('METRO LINEAL');
    expect(String(ml[2])).toContain('M.L.');
  });
});

describe('fronts', () => {
  it('are seeded TIERRA, BARCO, PLATAFORMA', async () => {
    const items = (await t.admin.get('/api/v1/fronts')).json().items as { code: string; name: string; active: boolean }[];
    expect(items.map((f) => f.code).sort()).toEqual(expect.arrayContaining(['BARCO', 'PLATAFORMA', 'TIERRA']));
    expect(items.find((f) => f.code === 'TIERRA')).toMatchObject({ name: 'Tierra', active: true });
  });

  it('create/patch/deactivate, unique code ignoring case, export, audit', async () => {
    expect((await t.admin.post('/api/v1/fronts', { code: 'tierra', name: 'Otra tierra' })).statusCode).toBe(409);
    const front = (await t.admin.post('/api/v1/fronts', { code: 'dique', name: 'Dique' })).json();
    expect(front.code).toBe('DIQUE');
    expect((await t.admin.patch(`/api/v1/fronts/${front.id}`, { active: false })).json().active).toBe(false);
    const { rows } = await readXlsx((await t.admin.get('/api/v1/fronts/export.xlsx')).rawPayload);
    expect(rows[0]).toEqual(['Clave', 'Frente', 'Activo']);
    expect(rows).toContainEqual(['DIQUE', 'Dique', 'No']);
    const entries = await auditOf('front', front.id);
    expect(entries.find((e) => e.action === 'create')!.changes.code).toEqual({ before: null, after: 'DIQUE' });
  });
});

describe('writes and roles', () => {
  it('a failed write (conflict) leaves no audit entry and no row', async () => {
    const before = await t.database.pool.query<{ n: number }>('select count(*)::int as n from audit_log');
    const sites = await t.database.pool.query<{ n: number }>('select count(*)::int as n from sites');
    expect((await t.admin.post('/api/v1/sites', { name: 'patio dos bocas', kind: 'yard' })).statusCode).toBe(409);
    expect((await t.database.pool.query('select count(*)::int as n from audit_log')).rows[0].n).toBe(before.rows[0]!.n);
    expect((await t.database.pool.query('select count(*)::int as n from sites')).rows[0].n).toBe(sites.rows[0]!.n);
  });

  it('gerente_operaciones writes catalogues; consulta and supervisor read but get 403 on writes', async () => {
    const gerente = await t.userWithRole('gerente_operaciones');
    expect((await gerente.post('/api/v1/clients', { name: 'Cliente del gerente' })).statusCode).toBe(201);
    for (const role of ['consulta', 'supervisor', 'administracion'] as const) {
      const c = await t.userWithRole(role);
      expect((await c.get('/api/v1/clients')).statusCode).toBe(200);
      const res = await c.post('/api/v1/clients', { name: `Rol ${role} intenta` });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    expect((await t.admin.get('/api/v1/clients?q=Rol%20')).json().total).toBe(0);
  });
});
