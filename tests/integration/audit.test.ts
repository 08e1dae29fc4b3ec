/**
 * The audit trail: every write through the API leaves who/when/what/before/after; filters and
 * XLSX export; append-only at the database level; no API route writes it; who may read it.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInMexicoCity } from '../../domain/dates';
import { buildClient, buildSite, buildWorkOrder } from '../support/builders';
import { createTestApp, type TestApp, type TestClient } from '../support/test-app';

type Entry = {
  id: number;
  at: string;
  actorId: number | null;
  actorLabel: string;
  via: string;
  entity: string;
  entityId: string;
  action: string;
  changes: Record<string, { before: unknown; after: unknown }>;
  workOrderId: number | null;
};

let t: TestApp;
let gerente: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  gerente = await t.userWithRole('gerente_operaciones');
});
afterAll(() => t.close());

async function entries(query: string): Promise<Entry[]> {
  const res = await t.admin.get(`/api/v1/audit?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

describe('what is recorded', () => {
  it('a write records actor, time, entity, id, action and before/after of each changed field', async () => {
    const startedAt = Date.now();
    const site = await buildSite(t.admin, { name: 'Auditado', kind: 'yard' });
    const [created] = await entries(`entity=site&entityId=${site.id}`);
    expect(created).toMatchObject({
      actorId: t.admin.userId,
      actorLabel: expect.stringContaining(t.admin.email),
      via: 'web',
      entity: 'site',
      entityId: String(site.id),
      action: 'create',
      workOrderId: null,
    });
    expect(created!.changes).toMatchObject({
      name: { before: null, after: 'Auditado' },
      kind: { before: null, after: 'yard' },
      active: { before: null, after: true },
    });
    expect(created!.changes).not.toHaveProperty('updatedAt');
    const at = Date.parse(created!.at);
    expect(at).toBeGreaterThanOrEqual(startedAt - 5_000);
    expect(at).toBeLessThanOrEqual(Date.now() + 5_000);

    await t.admin.patch(`/api/v1/sites/${site.id}`, { name: 'Auditado 2' });
    const [update] = await entries(`entity=site&entityId=${site.id}&limit=1`);
    expect(update!.action).toBe('update');
    expect(update!.changes).toEqual({ name: { before: 'Auditado', after: 'Auditado 2' } });
  });

  it('an update that changes nothing (empty or same-values PATCH) leaves no entry', async () => {
    const site = await buildSite(t.admin, { name: 'Sin cambios', kind: 'yard' });
    const before = await entries(`entity=site&entityId=${site.id}`);
    expect((await t.admin.patch(`/api/v1/sites/${site.id}`, {})).statusCode).toBe(200);
    expect((await t.admin.patch(`/api/v1/sites/${site.id}`, { name: 'Sin cambios' })).statusCode).toBe(200);
    expect(await entries(`entity=site&entityId=${site.id}`)).toHaveLength(before.length);
  });

  it('the audit row is written in the same transaction as the change (its request id matches)', async () => {
    const res = await t.admin.request(
      'POST',
      '/api/v1/clients',
      { name: 'Cliente con request id' },
      { 'x-request-id': 'req-audit-test-1' },
    );
    expect(res.statusCode).toBe(201);
    const row = await t.database.pool.query('select entity, entity_id, request_id from audit_log where request_id = $1', [
      'req-audit-test-1',
    ]);
    expect(row.rows).toEqual([{ entity: 'client', entity_id: String(res.json().id), request_id: 'req-audit-test-1' }]);
  });

  it('writes with an API token are recorded with via = api', async () => {
    const { token } = (await t.admin.post('/api/v1/tokens', { name: 'auditoría' })).json();
    const res = await t.anonymous('POST', '/api/v1/clients', { name: 'Cliente por API' }, { authorization: `Bearer ${token}` });
    expect(res.statusCode).toBe(201);
    const [e] = await entries(`entity=client&entityId=${res.json().id}`);
    expect(e).toMatchObject({ via: 'api', actorId: t.admin.userId, action: 'create' });
  });

  it('user writes never put the password hash in the audit', async () => {
    const res = await t.admin.post('/api/v1/users', {
      email: 'auditado@test.local',
      name: 'Auditado',
      role: 'consulta',
      password: 'una-contraseña-larga',
    });
    expect(res.statusCode).toBe(201);
    await t.admin.post(`/api/v1/users/${res.json().id}/reset-password`, { password: 'otra-contraseña-larga' });
    const list = await entries(`entity=user&entityId=${res.json().id}`);
    expect(list.map((e) => e.action).sort()).toEqual(['create', 'reset_password']);
    const text = JSON.stringify(list);
    expect(text).not.toMatch(/scrypt|passwordHash|contraseña-larga/);
  });
});

describe('filters', () => {
  it('by actorId, entity, workOrderId and date range (business day in Mexico City)', async () => {
    const wo = await buildWorkOrder(gerente);
    await t.admin.patch(`/api/v1/work-orders/${wo.id}`, { description: 'Cambiada por admin' });
    const byGerente = await entries(`actorId=${gerente.userId}`);
    expect(byGerente.length).toBeGreaterThanOrEqual(3); // client, site, work order
    expect(byGerente.every((e) => e.actorId === gerente.userId)).toBe(true);
    expect(new Set(byGerente.map((e) => e.entity))).toEqual(new Set(['client', 'site', 'work_order', 'session']));

    const byEntity = await entries('entity=work_order');
    expect(byEntity.length).toBeGreaterThan(0);
    expect(byEntity.every((e) => e.entity === 'work_order')).toBe(true);

    const byOt = await entries(`workOrderId=${wo.id}`);
    expect(byOt.map((e) => [e.action, e.actorId])).toEqual([
      ['update', t.admin.userId],
      ['create', gerente.userId],
    ]);

    const today = todayInMexicoCity();
    expect((await entries(`workOrderId=${wo.id}&from=${today}&to=${today}`)).length).toBe(2);
    expect((await entries(`workOrderId=${wo.id}&to=${addDays(today, -1)}`)).length).toBe(0);
    expect((await entries(`workOrderId=${wo.id}&from=${addDays(today, 1)}`)).length).toBe(0);
    expect((await entries(`workOrderId=${wo.id}&actorId=${gerente.userId}`)).map((e) => e.action)).toEqual(['create']);
  });

  it('paginates newest first with a total', async () => {
    const res = (await t.admin.get('/api/v1/audit?limit=2&offset=0')).json();
    expect(res.items).toHaveLength(2);
    expect(res.total).toBeGreaterThan(2);
    expect(res.items[0].id).toBeGreaterThan(res.items[1].id);
  });

  it('refuses bad filters with 400', async () => {
    for (const q of ['from=2025-02-30', 'to=ayer', 'actorId=abc', 'workOrderId=-1', 'limit=0']) {
      const res = await t.admin.get(`/api/v1/audit?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
  });

  it('exports the filtered trail to a real XLSX', async () => {
    const client = await buildClient(t.admin, { name: 'Exportado a bitácora' });
    const res = await t.admin.get(`/api/v1/audit/export.xlsx?entity=client&entityId=${client.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      'ID',
      'Fecha y hora (UTC)',
      'Usuario',
      'Vía',
      'Entidad',
      'ID entidad',
      'Acción',
      'OT',
      'Motivo',
      'Cambios',
    ]);
    expect(ws.rowCount).toBe(2);
    const row = (ws.getRow(2).values as unknown[]).slice(1);
    expect(row.slice(4, 7)).toEqual(['client', String(client.id), 'create']);
    expect(String(row[9])).toContain('name: ∅ → Exportado a bitácora');
  });
});

describe('append-only', () => {
  it('UPDATE, DELETE and TRUNCATE on audit_log fail at the database level', async () => {
    const before = (await t.database.pool.query('select count(*)::int as n, max(id) as max from audit_log')).rows[0];
    await expect(t.database.pool.query(`update audit_log set action = 'tampered'`)).rejects.toThrow(/append-only/);
    await expect(t.database.pool.query(`update audit_log set changes = '{}' where id = $1`, [before.max])).rejects.toThrow(/append-only/);
    await expect(t.database.pool.query('delete from audit_log')).rejects.toThrow(/append-only/);
    await expect(t.database.pool.query('delete from audit_log where id = $1', [before.max])).rejects.toThrow(/append-only/);
    await expect(t.database.pool.query('truncate audit_log')).rejects.toThrow(/append-only/);
    const after = (await t.database.pool.query('select count(*)::int as n, max(id) as max from audit_log')).rows[0];
    expect(after).toEqual(before);
    expect((await t.database.pool.query(`select count(*)::int as n from audit_log where action = 'tampered'`)).rows[0].n).toBe(0);
  });

  it('no API route writes or deletes audit entries (404 for every write method)', async () => {
    const before = (await t.database.pool.query('select count(*)::int as n from audit_log')).rows[0].n;
    const [first] = await entries('limit=1');
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      for (const url of ['/api/v1/audit', `/api/v1/audit/${first!.id}`, '/api/v1/audit/export.xlsx']) {
        const res = await t.admin.request(method, url, method === 'DELETE' ? undefined : { action: 'x' });
        expect(res.statusCode, `${method} ${url}`).toBe(404);
        expect(res.json().error.code).toBe('not_found');
      }
    }
    expect((await t.database.pool.query('select count(*)::int as n from audit_log')).rows[0].n).toBe(before);
  });
});

describe('who may read it', () => {
  it('supervisor → 403; consulta, administracion and gerente → 200; anonymous → 401', async () => {
    const supervisor = await t.userWithRole('supervisor');
    const denied = await supervisor.get('/api/v1/audit');
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('forbidden');
    expect((await supervisor.get('/api/v1/audit/export.xlsx')).statusCode).toBe(403);
    for (const role of ['consulta', 'administracion'] as const) {
      const c = await t.userWithRole(role);
      expect((await c.get('/api/v1/audit')).statusCode).toBe(200);
      expect((await c.get('/api/v1/audit/export.xlsx')).statusCode).toBe(200);
    }
    expect((await gerente.get('/api/v1/audit')).statusCode).toBe(200);
    expect((await t.anonymous('GET', '/api/v1/audit')).statusCode).toBe(401);
  });
});
