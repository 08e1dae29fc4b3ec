/**
 * Bad input on the foundation endpoints: malformed JSON, wrong types, huge strings, negative and
 * NaN numbers, impossible dates, unknown ids, SQL/HTML injection. Always a 4xx with
 * `{error:{code,message}}` (never a 500, a stack trace or SQL) and nothing changed. Property-based
 * (fast-check) for arbitrary bodies and query strings.
 */
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClient, buildSite, buildWorkOrder } from '../support/builders';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let clientId: number;
let siteId: number;
let workOrderId: number;
beforeAll(async () => {
  t = await createTestApp();
  clientId = (await buildClient(t.admin, { name: 'Cliente base' })).id;
  siteId = (await buildSite(t.admin, { name: 'Sitio base' })).id;
  workOrderId = (await buildWorkOrder(t.admin, { clientId, siteIds: [siteId] })).id;
});
afterAll(() => t.close());

/** Row counts of every public table (sessions excepted: logins create them) and the audit log. */
async function snapshot(): Promise<Record<string, number>> {
  const tables = await t.database.pool.query<{ name: string }>(
    `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'sessions' order by 1`,
  );
  const sql = tables.rows.map((r) => `select '${r.name}' as name, count(*)::int as n from "${r.name}"`).join(' union all ');
  const counts = await t.database.pool.query<{ name: string; n: number }>(sql);
  return Object.fromEntries(counts.rows.map((r) => [r.name, r.n]));
}

const LEAKS =
  /\bat .+\.(ts|js):\d+|node_modules|\bselect\b.+\bfrom\b|\binsert into\b|\bupdate\b.+\bset\b|syntax error|DrizzleQueryError|Failed query|stack/i;

/** A 4xx with the API's error shape, no stack trace, no SQL. */
function expectClientError(res: LightMyRequestResponse, label = '') {
  expect(res.statusCode, `${label} → ${res.statusCode} ${res.body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, label).toBeLessThan(500);
  const body = res.json() as { error: { code: string; message: string } };
  expect(typeof body.error.code, label).toBe('string');
  expect(typeof body.error.message, label).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(res.body, label).not.toMatch(LEAKS);
}

/** Runs `fn`, asserting that no table changed. */
async function unchanged(fn: () => Promise<void>) {
  const before = await snapshot();
  await fn();
  expect(await snapshot()).toEqual(before);
}

function raw(method: string, url: string, payload: string, contentType = 'application/json') {
  return t.admin.request(method, url, payload, { 'content-type': contentType });
}

const validWorkOrder = (overrides: Record<string, unknown> = {}) => ({
  folio: `OT-${Math.random().toString(36).slice(2, 10)}`,
  description: 'Mantenimiento',
  kind: 'initial',
  parentId: null,
  clientId,
  siteIds: [siteId],
  plannedStart: '2025-03-01',
  plannedEnd: '2025-05-31',
  ...overrides,
});

describe('malformed requests', () => {
  it('malformed or empty JSON, wrong content type → 4xx, nothing changed', async () => {
    await unchanged(async () => {
      for (const [url, method] of [
        ['/api/v1/work-orders', 'POST'],
        ['/api/v1/sites', 'POST'],
        [`/api/v1/clients/${clientId}`, 'PATCH'],
        ['/api/v1/users', 'POST'],
      ] as const) {
        for (const payload of ['{"name": ', '{name: "x"}', "{'a':1}", '[1,2', '{"a":NaN}', '{"a":1}}', 'null', '"texto"', '', '\u0000']) {
          expectClientError(await raw(method, url, payload), `${method} ${url} ${JSON.stringify(payload)}`);
        }
        expectClientError(await raw(method, url, 'name=x', 'application/x-www-form-urlencoded'), `${method} ${url} form`);
        expectClientError(await raw(method, url, '<xml/>', 'text/xml'), `${method} ${url} xml`);
      }
    });
    const res = await raw('POST', '/api/v1/sites', '{"name": ');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', message: 'El cuerpo de la petición no es JSON válido' });
  });

  it('prototype-pollution keys are refused', async () => {
    await unchanged(async () => {
      expectClientError(await raw('POST', '/api/v1/sites', '{"name":"x","kind":"yard","__proto__":{"admin":true}}'));
      expectClientError(await raw('POST', '/api/v1/sites', '{"name":"x","kind":"yard","constructor":{"prototype":{"admin":true}}}'));
    });
  });
});

describe('wrong types, huge strings, negative and NaN numbers, impossible dates', () => {
  const workOrderCases: [string, Record<string, unknown>][] = [
    ['folio number', { folio: 123 }],
    ['folio empty', { folio: '   ' }],
    ['folio 100 KB', { folio: 'x'.repeat(100_000) }],
    ['description 100 KB', { description: 'y'.repeat(100_000) }],
    ['description object', { description: { es: 'x' } }],
    ['kind unknown', { kind: 'child' }],
    ['clientId string', { clientId: 'uno' }],
    ['clientId boolean', { clientId: true }],
    ['clientId array', { clientId: [clientId] }],
    ['clientId negative', { clientId: -1 }],
    ['clientId zero', { clientId: 0 }],
    ['clientId fraction', { clientId: 1.5 }],
    ['clientId NaN string', { clientId: 'NaN' }],
    ['clientId huge', { clientId: 2 ** 31 }],
    ['clientId hex string', { clientId: '0x1' }],
    ['clientId missing', { clientId: undefined }],
    ['siteIds string', { siteIds: String(siteId) }],
    ['siteIds with null', { siteIds: [null] }],
    ['siteIds negative', { siteIds: [-siteId] }],
    ['siteIds too many', { siteIds: Array.from({ length: 51 }, (_, i) => i + 1) }],
    ['plannedStart Feb 30', { plannedStart: '2025-02-30' }],
    ['plannedStart month 13', { plannedStart: '2025-13-01' }],
    ['plannedStart DD/MM/YYYY', { plannedStart: '01/03/2025' }],
    ['plannedStart timestamp', { plannedStart: '2025-03-01T00:00:00Z' }],
    ['plannedEnd number', { plannedEnd: 20250531 }],
    ['termDays negative', { termDays: -5 }],
    ['termDays NaN string', { termDays: 'NaN' }],
    ['termDays fraction', { termDays: 1.5 }],
    ['amountMxn negative', { amountMxn: '-100.00' }],
    ['amountMxn NaN', { amountMxn: 'NaN' }],
    ['amountMxn Infinity', { amountMxn: 'Infinity' }],
    ['amountMxn exponent', { amountMxn: '1e5' }],
    ['amountMxn too many decimals', { amountMxn: '1.001' }],
    ['amountUsd negative number', { amountUsd: -0.01 }],
    ['requiresYard string', { requiresYard: 'sí' }],
    ['status unknown', { status: 'abierta' }],
    ['sites bad role', { sites: [{ siteId, role: 'muelle' }] }],
    ['leaderId unknown', { leaderId: 999_999 }],
    ['frontId unknown', { frontId: 999_999 }],
    ['clientId unknown', { clientId: 999_999 }],
    ['siteIds unknown', { siteIds: [999_999] }],
    ['parentId unknown', { kind: 'reprogramming', parentId: 999_999 }],
  ];

  it.each(workOrderCases)('POST /work-orders with %s → 4xx, nothing changed', async (label, overrides) => {
    await unchanged(async () => expectClientError(await t.admin.post('/api/v1/work-orders', validWorkOrder(overrides)), label));
  });

  it('PATCH /work-orders/:id with bad values → 4xx and the OT is unchanged', async () => {
    const before = (await t.admin.get(`/api/v1/work-orders/${workOrderId}`)).json();
    await unchanged(async () => {
      for (const [label, body] of workOrderCases.filter(
        ([l]) => !l.startsWith('parentId') && !l.startsWith('kind') && !l.endsWith('missing'),
      )) {
        expectClientError(await t.admin.patch(`/api/v1/work-orders/${workOrderId}`, body), label);
      }
      expectClientError(await t.admin.patch(`/api/v1/work-orders/${workOrderId}`, { plannedEnd: '2025-01-01' }), 'end before stored start');
      expectClientError(await t.admin.patch(`/api/v1/work-orders/${workOrderId}`, { active: 'no' }), 'active string');
    });
    expect((await t.admin.get(`/api/v1/work-orders/${workOrderId}`)).json()).toEqual(before);
  });

  it('catalogue writes with bad values → 4xx, nothing changed', async () => {
    await unchanged(async () => {
      for (const body of [
        { name: 'x'.repeat(100_000), kind: 'yard' },
        { name: 123, kind: 'yard' },
        { name: ['a'], kind: 'yard' },
        { name: '', kind: 'yard' },
        { name: 'Sitio', kind: 'YARD' },
        { name: 'Sitio', kind: null },
        { name: 'Sitio' },
        { name: 'Sitio', kind: 'yard', notes: 'n'.repeat(2001) },
      ]) {
        expectClientError(await t.admin.post('/api/v1/sites', body), JSON.stringify(body).slice(0, 80));
      }
      for (const body of [{ name: null }, { active: 'sí' }, { active: 1 }, { taxId: 'R'.repeat(21) }, { name: 'z'.repeat(100_000) }]) {
        expectClientError(await t.admin.patch(`/api/v1/clients/${clientId}`, body), JSON.stringify(body).slice(0, 80));
      }
      expectClientError(await t.admin.post('/api/v1/units', { code: 'X', name: 'X', aliases: 'X' }), 'aliases string');
      expectClientError(await t.admin.post('/api/v1/units', { code: 'X', name: 'X', aliases: [''] }), 'aliases empty');
      expectClientError(await t.admin.post('/api/v1/fronts', { code: 42, name: 'X' }), 'front code number');
    });
  });

  it('a NUL byte in a text value → 400 (PostgreSQL cannot store it), nothing changed', async () => {
    await unchanged(async () => {
      expectClientError(await t.admin.post('/api/v1/sites', { name: 'Sitio\u0000nulo', kind: 'yard' }), 'site NUL');
      expectClientError(await t.admin.patch(`/api/v1/clients/${clientId}`, { notes: 'a\u0000b' }), 'client NUL');
      expectClientError(await t.admin.post('/api/v1/work-orders', validWorkOrder({ description: '\u0000' })), 'OT NUL');
      expectClientError(await t.admin.get('/api/v1/work-orders?q=%00'), 'search NUL');
      expectClientError(await t.admin.get('/api/v1/sites?q=a%00b'), 'site search NUL');
    });
  });

  it('bad path ids and query strings → 4xx, unknown ids → 404', async () => {
    await unchanged(async () => {
      for (const url of [
        '/api/v1/work-orders/abc',
        '/api/v1/work-orders/-1',
        '/api/v1/work-orders/0',
        '/api/v1/work-orders/1.5',
        '/api/v1/work-orders/2147483648',
        "/api/v1/sites/1'%20or%201=1",
        '/api/v1/clients/%00',
      ]) {
        expectClientError(await t.admin.get(url), url);
      }
      for (const url of [
        '/api/v1/work-orders/2147483647',
        '/api/v1/sites/999999',
        '/api/v1/clients/999999',
        '/api/v1/units/999999',
        '/api/v1/fronts/999999',
        '/api/v1/users/999999',
      ]) {
        const res = await t.admin.get(url);
        expect(res.statusCode, url).toBe(404);
        expectClientError(res, url);
      }
      for (const url of ['/api/v1/sites/999999', '/api/v1/clients/999999', '/api/v1/work-orders/999999', '/api/v1/users/999999']) {
        const res = await t.admin.patch(url, { name: 'Nadie', description: 'Nadie' });
        expect(res.statusCode, url).toBe(404);
      }
      for (const q of [
        `q=${'q'.repeat(100_000)}`,
        'limit=-1',
        'limit=NaN',
        'clientId=1e3',
        'clientId=0x1',
        'offset=abc',
        'active=quizá',
        'clientId=1;drop',
        'status=asignada&status=terminada',
      ]) {
        expectClientError(await t.admin.get(`/api/v1/work-orders?${q}`), q.slice(0, 40));
      }
      expectClientError(await t.admin.get('/api/v1/audit?from=2025-02-30'), 'audit from');
      expectClientError(await t.admin.get('/api/v1/audit?to=2025-02-29'), 'audit to (2025 is not a leap year)');
    });
  });
});

describe('injection strings', () => {
  const SQL = `'; drop table sites; --`;
  const HTML = `<script>alert("x")</script><img src=x onerror=alert(1)>`;

  it('are stored literally when valid, served as JSON, and the tables are intact', async () => {
    const site = await t.admin.post('/api/v1/sites', { name: SQL, kind: 'yard', notes: HTML });
    expect(site.statusCode).toBe(201);
    expect(site.headers['content-type']).toMatch(/^application\/json/);
    expect(site.json()).toMatchObject({ name: SQL, notes: HTML });
    const got = await t.admin.get(`/api/v1/sites/${site.json().id}`);
    expect(got.json()).toMatchObject({ name: SQL, notes: HTML });
    expect(got.headers['content-type']).toMatch(/^application\/json/);
    expect(got.headers['x-content-type-options']).toBe('nosniff');

    const client = await t.admin.post('/api/v1/clients', { name: HTML, taxId: `1' OR '1'='1` });
    expect(client.json()).toMatchObject({ name: HTML, taxId: `1' OR '1'='1` });
    const wo = await t.admin.post(
      '/api/v1/work-orders',
      validWorkOrder({ folio: `OT'); delete from work_orders; --`, description: HTML, clientId: client.json().id }),
    );
    expect(wo.statusCode).toBe(201);
    expect(wo.json()).toMatchObject({ folio: `OT'); delete from work_orders; --`, description: HTML, clientName: HTML });

    const tables = await t.database.pool.query(
      `select count(*)::int as n from information_schema.tables where table_schema = 'public' and table_name in ('sites', 'work_orders', 'clients')`,
    );
    expect(tables.rows[0].n).toBe(3);
    expect((await t.admin.get(`/api/v1/work-orders/${workOrderId}`)).statusCode).toBe(200);
  });

  it('in searches are plain text: they match only rows containing them', async () => {
    await unchanged(async () => {
      expect((await t.admin.get(`/api/v1/sites?q=${encodeURIComponent(`' or '1'='1`)}`)).json().total).toBe(0);
      expect((await t.admin.get(`/api/v1/work-orders?q=${encodeURIComponent(`') or true --`)}`)).json().total).toBe(0);
      expect((await t.admin.get(`/api/v1/sites?q=${encodeURIComponent('drop table')}`)).json().total).toBe(1);
      expect((await t.admin.get(`/api/v1/audit?entity=${encodeURIComponent(`site' or 1=1 --`)}`)).json().total).toBe(0);
    });
  });

  it('a stored HTML string is returned escaped inside JSON and as a plain cell in XLSX', async () => {
    const res = await t.admin.get(`/api/v1/sites/export.xlsx?q=${encodeURIComponent('drop table')}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('property-based (fast-check)', () => {
  const text = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.constantFrom(
      '',
      ' ',
      '\u0000',
      `'; drop table sites; --`,
      '<script>x</script>',
      '2025-02-30',
      'NaN',
      '-1',
      '1e309',
      '%',
      '_',
      '\\',
      'null',
      'x'.repeat(5000),
    ),
  );
  const num = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 1, 2 ** 31, Number.MAX_SAFE_INTEGER, 1.5));
  const value: fc.Arbitrary<unknown> = fc.oneof(
    text,
    num,
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.oneof(num, text), { maxLength: 4 }),
    fc.jsonValue({ maxDepth: 2 }),
  );
  const WO_KEYS = [
    'folio',
    'description',
    'kind',
    'parentId',
    'clientId',
    'siteIds',
    'sites',
    'plannedStart',
    'plannedEnd',
    'actualStart',
    'actualEnd',
    'status',
    'termDays',
    'amountMxn',
    'requiresYard',
    'yardStart',
    'frontId',
    'leaderId',
  ];
  const SITE_KEYS = ['name', 'kind', 'notes', 'active'];
  const CLIENT_KEYS = ['name', 'taxId', 'notes', 'active'];

  /** Objects over the endpoint's keys with arbitrary values (mostly wrong), plus arbitrary JSON. */
  function bodies(keys: string[], valid: () => Record<string, unknown>) {
    const keyed = fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length });
    const mutated = fc.tuple(fc.constantFrom(...keys), value).map(([k, v]) => ({ ...valid(), [k]: v }));
    return fc.oneof(
      keyed,
      mutated,
      fc.jsonValue({ maxDepth: 3 }),
      fc.anything({ maxDepth: 2 }).map((v) => ({ v })),
    );
  }

  async function count(table: string): Promise<number> {
    return (await t.database.pool.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]!.n;
  }
  async function auditCount(): Promise<number> {
    return count('audit_log');
  }

  function checkAnswer(res: LightMyRequestResponse) {
    if (res.statusCode >= 500) throw new Error(`${res.statusCode}: ${res.body}`);
    if (res.statusCode >= 400) {
      const body = res.json() as { error?: { code?: unknown; message?: unknown } };
      if (typeof body.error?.code !== 'string' || typeof body.error.message !== 'string') throw new Error(`bad error shape: ${res.body}`);
      if (LEAKS.test(res.body)) throw new Error(`leak: ${res.body}`);
    }
  }

  it('POST /api/v1/work-orders: never 5xx; error shape on 4xx; a row only on 201', async () => {
    await fc.assert(
      fc.asyncProperty(bodies(WO_KEYS, validWorkOrder), async (payload) => {
        const [rows, audits] = [await count('work_orders'), await auditCount()];
        const res = await t.admin.post('/api/v1/work-orders', payload);
        checkAnswer(res);
        const created = res.statusCode === 201 ? 1 : 0;
        expect(await count('work_orders')).toBe(rows + created);
        expect(await auditCount()).toBe(audits + created);
      }),
      { numRuns: 150 },
    );
  });

  it('POST /api/v1/sites: never 5xx; error shape on 4xx; a row only on 201', async () => {
    await fc.assert(
      fc.asyncProperty(
        bodies(SITE_KEYS, () => ({ name: `Sitio ${Math.random()}`, kind: 'platform' })),
        async (payload) => {
          const [rows, audits] = [await count('sites'), await auditCount()];
          const res = await t.admin.post('/api/v1/sites', payload);
          checkAnswer(res);
          const created = res.statusCode === 201 ? 1 : 0;
          expect(await count('sites')).toBe(rows + created);
          expect(await auditCount()).toBe(audits + created);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('PATCH /api/v1/clients/:id: never 5xx; the row changes only on 200', async () => {
    const target = await buildClient(t.admin, { name: 'Cliente propiedad' });
    const read = async () => (await t.database.pool.query('select * from clients where id = $1', [target.id])).rows[0];
    await fc.assert(
      fc.asyncProperty(
        bodies(CLIENT_KEYS, () => ({ name: `Cliente ${Math.random()}` })),
        fc.constantFrom(String(target.id), '999999', '0', 'abc'),
        async (payload, id) => {
          const [before, rows, audits] = [await read(), await count('clients'), await auditCount()];
          const res = await t.admin.patch(`/api/v1/clients/${id}`, payload);
          checkAnswer(res);
          expect(await count('clients')).toBe(rows);
          if (res.statusCode === 200) {
            // Audited when a field really changed (an update that changes nothing leaves no entry).
            const fields = ({ updated_at: _u, created_at: _c, ...rest }: Record<string, unknown>) => rest;
            const changed = JSON.stringify(fields(await read())) !== JSON.stringify(fields(before));
            expect(await auditCount()).toBe(audits + (changed ? 1 : 0));
          } else {
            expect(await read()).toEqual(before);
            expect(await auditCount()).toBe(audits);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('GET /api/v1/work-orders with arbitrary query strings: 200 or 400, never 5xx', async () => {
    const keys = [
      'q',
      'status',
      'kind',
      'clientId',
      'siteId',
      'frontId',
      'familyId',
      'limit',
      'offset',
      'active',
      'initialOnly',
      'unknown',
    ];
    const query = fc.dictionary(fc.constantFrom(...keys), fc.oneof(text, fc.integer().map(String), fc.double().map(String)), {
      maxKeys: 5,
    });
    await fc.assert(
      fc.asyncProperty(query, async (params) => {
        const qs = Object.entries(params)
          .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
          .join('&');
        const res = await t.admin.get(`/api/v1/work-orders?${qs}`);
        checkAnswer(res);
        expect([200, 400]).toContain(res.statusCode);
      }),
      { numRuns: 200 },
    );
  });
});
