/**
 * Authorization matrix.
 * 1. Automatic, over every route the router knows (so routes added later are covered):
 *    anonymous → 401 on every private route; a `consulta` user writes nothing anywhere.
 * 2. Explicit, for the foundation endpoints with VALID bodies: each endpoint × each role
 *    (anonymous included) → the expected status.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../contracts/auth';
import { buildClient, buildSite, buildWorkOrder } from '../support/builders';
import { createTestApp, PASSWORD, type TestApp, type TestClient } from '../support/test-app';

/** Every route the router knows (parsed from `printRoutes`; HEAD twins of GET left out). */
function registeredRoutes(app: FastifyInstance): { method: string; url: string }[] {
  const stack: string[] = [];
  const out: { method: string; url: string }[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const at = line.indexOf('── ');
    if (at < 1) continue;
    const depth = (at - 1) / 4;
    const rest = line.slice(at + 3);
    const m = /^(.*) \(([A-Z, ]+)\)$/.exec(rest);
    const url = (depth > 0 ? (stack[depth - 1] ?? '') : '') + (m ? m[1]! : rest);
    stack[depth] = url;
    stack.length = depth + 1;
    if (m) for (const method of m[2]!.split(', ')) if (method !== 'HEAD') out.push({ method, url });
  }
  return out;
}

/** The only API routes reachable without a login; adding one must be a conscious change here. */
const PUBLIC_API = new Set(['GET /api/v1/health', 'POST /api/v1/auth/login', 'POST /api/v1/auth/logout', 'GET /api/v1/openapi.json']);
const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const fill = (url: string) => url.replace(/:\w+/g, '1').replace(/\*/g, 'x');

let t: TestApp;
let routes: { method: string; url: string }[];
beforeAll(async () => {
  t = await createTestApp();
  // Real rows with id 1 so that requests reach authorization instead of stopping at "not found".
  const wo = await buildWorkOrder(t.admin);
  expect(wo.id).toBe(1);
  routes = registeredRoutes(t.app).filter(
    (r) => (r.url.startsWith('/api/') && !r.url.startsWith('/api/docs')) || r.url.startsWith('/operaciones/'),
  );
});
afterAll(() => t.close());

/** Row counts of every public table except sessions and API tokens (logins and token use touch them). */
async function snapshot(): Promise<Record<string, number>> {
  const tables = await t.database.pool.query<{ name: string }>(
    `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('sessions', 'api_tokens') order by 1`,
  );
  const counts = await t.database.pool.query<{ name: string; n: number }>(
    tables.rows.map((r) => `select '${r.name}' as name, count(*)::int as n from "${r.name}"`).join(' union all '),
  );
  return Object.fromEntries(counts.rows.map((r) => [r.name, r.n]));
}

/** Contents of the rows that exist, to catch updates that keep counts (PATCH, PUT). */
async function fingerprint(): Promise<string> {
  const r = await t.database.pool.query(`
    select md5(string_agg(x, '|' order by x)) as h from (
      select 'wo' || row_to_json(w)::text as x from work_orders w union all
      select 'site' || row_to_json(s)::text from sites s union all
      select 'client' || row_to_json(c)::text from clients c union all
      select 'user' || (row_to_json(u)::jsonb - 'updated_at')::text from users u
    ) t`);
  return r.rows[0].h;
}

describe('automatic, over every registered route', () => {
  it('finds the routes of every module', () => {
    const urls = new Set(routes.map((r) => r.url));
    for (const url of [
      '/api/v1/work-orders',
      '/api/v1/sites',
      '/api/v1/users',
      '/api/v1/audit',
      '/api/v1/monthly-reports',
      '/api/v1/production/grid',
    ])
      expect(urls).toContain(url);
    expect(routes.length).toBeGreaterThan(60);
  });

  it('anonymous → 401 unauthorized on every non-public route, nothing changed', async () => {
    const before = await snapshot();
    const wrong: string[] = [];
    for (const r of routes) {
      const key = `${r.method} ${r.url}`;
      const res = await t.anonymous(r.method, fill(r.url), WRITE.has(r.method) ? {} : undefined);
      if (PUBLIC_API.has(key)) {
        if (res.statusCode === 401 && r.url !== '/api/v1/auth/login') wrong.push(`${key} is public but answered 401`);
        continue;
      }
      const body = res.json() as { error?: { code?: string }; exito?: boolean };
      const legacy = r.url.startsWith('/operaciones/');
      const ok = res.statusCode === 401 && (legacy ? body.exito === false : body.error?.code === 'unauthorized');
      if (!ok) wrong.push(`${key} → ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
    expect(wrong).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('an invalid bearer token is refused like anonymous', async () => {
    for (const r of routes.filter((x) => !PUBLIC_API.has(`${x.method} ${x.url}`)).slice(0, 20)) {
      const res = await t.anonymous(r.method, fill(r.url), WRITE.has(r.method) ? {} : undefined, { authorization: 'Bearer crp_falso' });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('consulta gets a non-2xx answer on every write route (auth and tokens aside) and the database is unchanged', async () => {
    const consulta = await t.userWithRole('consulta');
    const writes = routes.filter((r) => WRITE.has(r.method) && !r.url.startsWith('/api/v1/auth/') && !r.url.startsWith('/api/v1/tokens'));
    expect(writes.length).toBeGreaterThan(20);
    const [before, rows] = [await snapshot(), await fingerprint()];
    const wrong: string[] = [];
    const seen: Record<number, number> = {};
    for (const r of writes) {
      const res = await consulta.request(r.method, fill(r.url), r.method === 'DELETE' ? undefined : {});
      seen[res.statusCode] = (seen[res.statusCode] ?? 0) + 1;
      const legacyRefusal = r.url.startsWith('/operaciones/') && (res.json() as { exito?: boolean }).exito === false;
      if ((res.statusCode < 300 && !legacyRefusal) || res.statusCode >= 500)
        wrong.push(`${r.method} ${r.url} → ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
    expect(wrong).toEqual([]);
    expect(await snapshot()).toEqual(before);
    expect(await fingerprint()).toBe(rows);
    expect(seen[403]).toBeGreaterThan(0);
  });

  it('consulta gets 403 (not just any error) on writes with valid bodies to the foundation routes', async () => {
    const consulta = await t.userWithRole('consulta');
    const before = await snapshot();
    const cases: [string, string, unknown][] = [
      ['POST', '/api/v1/sites', { name: 'Consulta intenta', kind: 'yard' }],
      ['PATCH', '/api/v1/sites/1', { name: 'Consulta renombra' }],
      ['POST', '/api/v1/clients', { name: 'Consulta intenta' }],
      ['PATCH', '/api/v1/clients/1', { active: false }],
      ['POST', '/api/v1/units', { code: 'CNS', name: 'Consulta' }],
      ['POST', '/api/v1/fronts', { code: 'CNS', name: 'Consulta' }],
      ['POST', '/api/v1/work-orders', { folio: 'CNS-1', description: 'x', kind: 'initial', clientId: 1, siteIds: [1] }],
      ['PATCH', '/api/v1/work-orders/1', { status: 'cancelada' }],
      ['POST', '/api/v1/users', { email: 'cns@test.local', name: 'x', role: 'admin', password: 'password-123456' }],
      ['PATCH', `/api/v1/users/${consulta.userId}`, { role: 'admin' }],
      ['POST', '/api/v1/users/1/reset-password', { password: 'password-123456' }],
    ];
    for (const [method, url, body] of cases) {
      const res = await consulta.request(method, url, body);
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    expect(await snapshot()).toEqual(before);
  });
});

type Who = Role | 'anonymous';
const ROLES: Who[] = ['admin', 'gerente_operaciones', 'supervisor', 'administracion', 'consulta', 'anonymous'];

describe('explicit matrix of the foundation endpoints (valid bodies)', () => {
  const clients = {} as Record<Role, TestClient>;
  let n = 0;
  const uniq = () => `${++n}-${Date.now().toString(36)}`;
  let ids: { site: number; client: number; unit: number; front: number; wo: number; user: number };

  beforeAll(async () => {
    for (const role of ROLES) if (role !== 'anonymous') clients[role] = role === 'admin' ? t.admin : await t.userWithRole(role);
    const unit = (await t.admin.post('/api/v1/units', { code: 'MTX', name: 'Matriz' })).json();
    const front = (await t.admin.post('/api/v1/fronts', { code: 'MTX', name: 'Matriz' })).json();
    const user = (
      await t.admin.post('/api/v1/users', { email: 'matriz@test.local', name: 'Matriz', role: 'consulta', password: PASSWORD })
    ).json();
    const client = await buildClient(t.admin);
    const site = await buildSite(t.admin);
    const wo = await buildWorkOrder(t.admin, { clientId: client.id, siteIds: [site.id] });
    ids = { site: site.id, client: client.id, unit: unit.id, front: front.id, wo: wo.id, user: user.id };
  });

  const all = (status: number, anonymous = 401) =>
    Object.fromEntries(ROLES.map((r) => [r, r === 'anonymous' ? anonymous : status])) as Record<Who, number>;
  const only = (allowed: Role[], ok: number) =>
    Object.fromEntries(ROLES.map((r) => [r, r === 'anonymous' ? 401 : allowed.includes(r as Role) ? ok : 403])) as Record<Who, number>;
  const WRITERS: Role[] = ['admin', 'gerente_operaciones'];
  const AUDITORS: Role[] = ['admin', 'gerente_operaciones', 'administracion', 'consulta'];

  type Case = { method: string; url: () => string; body?: () => unknown; expect: Record<Who, number> };
  const matrix: Record<string, Case> = {
    'GET /health': { method: 'GET', url: () => '/api/v1/health', expect: all(200, 200) },
    'GET /auth/session': { method: 'GET', url: () => '/api/v1/auth/session', expect: all(200) },
    'POST /auth/password': {
      method: 'POST',
      url: () => '/api/v1/auth/password',
      body: () => ({ currentPassword: PASSWORD, newPassword: PASSWORD }),
      expect: { ...all(204), admin: 400 },
    },
    'GET /tokens': { method: 'GET', url: () => '/api/v1/tokens', expect: all(200) },
    'POST /tokens': { method: 'POST', url: () => '/api/v1/tokens', body: () => ({ name: `matriz ${uniq()}` }), expect: all(201) },
    'GET /sites': { method: 'GET', url: () => '/api/v1/sites', expect: all(200) },
    'GET /sites/:id': { method: 'GET', url: () => `/api/v1/sites/${ids.site}`, expect: all(200) },
    'GET /sites/export.xlsx': { method: 'GET', url: () => '/api/v1/sites/export.xlsx', expect: all(200) },
    'POST /sites': {
      method: 'POST',
      url: () => '/api/v1/sites',
      body: () => ({ name: `Sitio ${uniq()}`, kind: 'vessel' }),
      expect: only(WRITERS, 201),
    },
    'PATCH /sites/:id': {
      method: 'PATCH',
      url: () => `/api/v1/sites/${ids.site}`,
      body: () => ({ notes: uniq() }),
      expect: only(WRITERS, 200),
    },
    'GET /clients': { method: 'GET', url: () => '/api/v1/clients', expect: all(200) },
    'POST /clients': {
      method: 'POST',
      url: () => '/api/v1/clients',
      body: () => ({ name: `Cliente ${uniq()}` }),
      expect: only(WRITERS, 201),
    },
    'PATCH /clients/:id': {
      method: 'PATCH',
      url: () => `/api/v1/clients/${ids.client}`,
      body: () => ({ notes: uniq() }),
      expect: only(WRITERS, 200),
    },
    'GET /units': { method: 'GET', url: () => '/api/v1/units', expect: all(200) },
    'POST /units': {
      method: 'POST',
      url: () => '/api/v1/units',
      body: () => ({ code: `U${uniq()}`, name: 'Unidad' }),
      expect: only(WRITERS, 201),
    },
    'PATCH /units/:id': {
      method: 'PATCH',
      url: () => `/api/v1/units/${ids.unit}`,
      body: () => ({ name: `Matriz ${uniq()}` }),
      expect: only(WRITERS, 200),
    },
    'GET /fronts': { method: 'GET', url: () => '/api/v1/fronts', expect: all(200) },
    'POST /fronts': {
      method: 'POST',
      url: () => '/api/v1/fronts',
      body: () => ({ code: `F${uniq()}`, name: 'Frente' }),
      expect: only(WRITERS, 201),
    },
    'PATCH /fronts/:id': {
      method: 'PATCH',
      url: () => `/api/v1/fronts/${ids.front}`,
      body: () => ({ name: `Matriz ${uniq()}` }),
      expect: only(WRITERS, 200),
    },
    'GET /work-orders': { method: 'GET', url: () => '/api/v1/work-orders', expect: all(200) },
    'GET /work-orders/:id': { method: 'GET', url: () => `/api/v1/work-orders/${ids.wo}`, expect: all(200) },
    'GET /work-orders/:id/family': { method: 'GET', url: () => `/api/v1/work-orders/${ids.wo}/family`, expect: all(200) },
    'GET /work-orders/export.xlsx': { method: 'GET', url: () => '/api/v1/work-orders/export.xlsx', expect: all(200) },
    'POST /work-orders': {
      method: 'POST',
      url: () => '/api/v1/work-orders',
      body: () => ({
        folio: `MTX-${uniq()}`,
        description: 'Matriz',
        kind: 'initial',
        parentId: null,
        clientId: ids.client,
        siteIds: [ids.site],
        plannedStart: '2025-01-01',
        plannedEnd: '2025-12-31',
      }),
      expect: only(WRITERS, 201),
    },
    'POST /work-orders (reprogramming)': {
      method: 'POST',
      url: () => '/api/v1/work-orders',
      body: () => ({
        folio: `MTX-R-${uniq()}`,
        description: 'Reprogramación',
        kind: 'reprogramming',
        parentId: ids.wo,
        clientId: ids.client,
        siteIds: [ids.site],
        plannedEnd: '2026-01-31',
      }),
      expect: only(WRITERS, 201),
    },
    'PATCH /work-orders/:id': {
      method: 'PATCH',
      url: () => `/api/v1/work-orders/${ids.wo}`,
      body: () => ({ officialLetter: uniq() }),
      expect: only(WRITERS, 200),
    },
    'GET /users': { method: 'GET', url: () => '/api/v1/users', expect: only(['admin'], 200) },
    'GET /users/:id': { method: 'GET', url: () => `/api/v1/users/${ids.user}`, expect: only(['admin'], 200) },
    'GET /users/export.xlsx': { method: 'GET', url: () => '/api/v1/users/export.xlsx', expect: only(['admin'], 200) },
    'POST /users': {
      method: 'POST',
      url: () => '/api/v1/users',
      body: () => ({ email: `m${uniq()}@test.local`, name: 'Matriz', role: 'consulta', password: PASSWORD }),
      expect: only(['admin'], 201),
    },
    'PATCH /users/:id': {
      method: 'PATCH',
      url: () => `/api/v1/users/${ids.user}`,
      body: () => ({ name: `Matriz ${uniq()}` }),
      expect: only(['admin'], 200),
    },
    'POST /users/:id/reset-password': {
      method: 'POST',
      url: () => `/api/v1/users/${ids.user}/reset-password`,
      body: () => ({ password: PASSWORD }),
      expect: only(['admin'], 204),
    },
    'GET /audit': { method: 'GET', url: () => '/api/v1/audit', expect: only(AUDITORS, 200) },
    'GET /audit/export.xlsx': { method: 'GET', url: () => '/api/v1/audit/export.xlsx', expect: only(AUDITORS, 200) },
  };

  it.each(Object.keys(matrix))('%s', async (name) => {
    const c = matrix[name]!;
    const got: Record<string, number> = {};
    for (const role of ROLES) {
      const body = c.body?.();
      const res: LightMyRequestResponse =
        role === 'anonymous' ? await t.anonymous(c.method, c.url(), body) : await clients[role].request(c.method, c.url(), body);
      got[role] = res.statusCode;
      if (res.statusCode >= 400)
        expect(res.json().error.code, `${role}: ${res.body}`).toEqual(
          res.statusCode === 401 ? 'unauthorized' : res.statusCode === 403 ? 'forbidden' : expect.any(String),
        );
    }
    expect(got).toEqual(c.expect);
  });
});
