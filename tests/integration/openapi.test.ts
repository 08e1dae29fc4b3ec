/**
 * The OpenAPI document: public, structurally valid OpenAPI 3, documenting every registered
 * /api/v1 route (compared with the router's own list, so routes added later are covered), with
 * request bodies generated from the same zod schemas that validate them; /api/docs is browsable.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app';

type Schema = {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  enum?: unknown[];
  anyOf?: Schema[];
  items?: Schema;
  $ref?: string;
  nullable?: boolean;
};
type Operation = {
  parameters?: { in: string; name: string; required?: boolean; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
  tags?: string[];
  operationId?: string;
};
type Doc = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components?: Record<string, Record<string, unknown>>;
};

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * Every route the router knows, from `printRoutes` (a tree: each line's segment extends its
 * parent's path; HEAD routes are Fastify's automatic twins of GET and are left out).
 */
function registeredRoutes(app: FastifyInstance): { method: string; url: string }[] {
  const stack: string[] = [];
  const out: { method: string; url: string }[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const at = line.indexOf('── ');
    if (at < 1) continue;
    const depth = (at - 1) / 4;
    const rest = line.slice(at + 3);
    const m = /^(.*) \(([A-Z, ]+)\)$/.exec(rest);
    const segment = m ? m[1]! : rest;
    const url = (depth > 0 ? (stack[depth - 1] ?? '') : '') + segment;
    stack[depth] = url;
    stack.length = depth + 1;
    if (!m) continue;
    for (const method of m[2]!.split(', ')) if (method !== 'HEAD') out.push({ method, url });
  }
  return out;
}

const toOpenApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

let t: TestApp;
let doc: Doc;
beforeAll(async () => {
  t = await createTestApp();
  const res = await t.anonymous('GET', '/api/v1/openapi.json');
  expect(res.statusCode).toBe(200);
  doc = res.json();
});
afterAll(() => t.close());

describe('GET /api/v1/openapi.json', () => {
  it('is public and JSON', async () => {
    const res = await t.anonymous('GET', '/api/v1/openapi.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });

  it('is a structurally valid OpenAPI 3 document', () => {
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info.title).toBe('Carpeta API');
    expect(typeof doc.info.version).toBe('string');
    const operationIds = new Set<string>();
    const refs: string[] = [];
    JSON.stringify(doc, (key, value: unknown) => {
      if (key === '$ref' && typeof value === 'string') refs.push(value);
      return value;
    });
    for (const ref of refs) {
      expect(ref, ref).toMatch(/^#\/components\//);
      const [, , group, name] = ref.split('/');
      expect(doc.components?.[group!]?.[name!], `${ref} resolves`).toBeDefined();
    }
    for (const [path, item] of Object.entries(doc.paths)) {
      expect(path.startsWith('/'), path).toBe(true);
      for (const [method, op] of Object.entries(item)) {
        expect(METHODS, `${method} ${path}`).toContain(method);
        expect(Object.keys(op.responses ?? {}).length, `${method} ${path} has responses`).toBeGreaterThan(0);
        for (const status of Object.keys(op.responses)) expect(status, `${method} ${path}`).toMatch(/^([1-5]\d\d|[1-5]XX|default)$/);
        for (const name of [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])) {
          const param = op.parameters?.find((p) => p.in === 'path' && p.name === name);
          expect(param, `${method} ${path} declares {${name}}`).toBeDefined();
          expect(param!.required).toBe(true);
        }
        for (const p of op.parameters ?? []) expect(['path', 'query', 'header', 'cookie']).toContain(p.in);
        if (op.operationId) {
          expect(operationIds.has(op.operationId), `duplicate operationId ${op.operationId}`).toBe(false);
          operationIds.add(op.operationId);
        }
      }
    }
  });

  it('documents every registered /api/v1 route (and the legacy endpoint), and nothing that does not exist', () => {
    const registered = registeredRoutes(t.app).filter(
      (r) => (r.url.startsWith('/api/v1/') && r.url !== '/api/v1/openapi.json') || r.url.startsWith('/operaciones/'),
    );
    expect(registered.length).toBeGreaterThan(40);
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`)),
    );
    const missing = registered.map((r) => `${r.method} ${toOpenApiPath(r.url)}`).filter((key) => !documented.has(key));
    expect(missing).toEqual([]);
    const known = new Set(registered.map((r) => `${r.method} ${toOpenApiPath(r.url)}`));
    expect([...documented].filter((key) => !known.has(key))).toEqual([]);
  });

  it('covers the foundation endpoints with the expected methods', () => {
    const expected: [string, string][] = [
      ['get', '/api/v1/health'],
      ['post', '/api/v1/auth/login'],
      ['post', '/api/v1/auth/logout'],
      ['get', '/api/v1/auth/session'],
      ['post', '/api/v1/tokens'],
      ['delete', '/api/v1/tokens/{id}'],
      ['get', '/api/v1/users'],
      ['post', '/api/v1/users'],
      ['patch', '/api/v1/users/{id}'],
      ['post', '/api/v1/users/{id}/reset-password'],
      ['post', '/api/v1/sites'],
      ['patch', '/api/v1/sites/{id}'],
      ['get', '/api/v1/sites/export.xlsx'],
      ['post', '/api/v1/clients'],
      ['post', '/api/v1/units'],
      ['post', '/api/v1/fronts'],
      ['get', '/api/v1/work-orders'],
      ['post', '/api/v1/work-orders'],
      ['get', '/api/v1/work-orders/{id}'],
      ['patch', '/api/v1/work-orders/{id}'],
      ['get', '/api/v1/work-orders/export.xlsx'],
      ['get', '/api/v1/audit'],
      ['get', '/api/v1/audit/export.xlsx'],
    ];
    for (const [method, path] of expected) expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    expect(doc.paths['/api/v1/audit']).not.toHaveProperty('post');
  });

  it('request bodies and parameters come from the zod schemas', () => {
    const wo = doc.paths['/api/v1/work-orders']!.post!.requestBody!.content['application/json']!.schema;
    expect(wo.required).toEqual(expect.arrayContaining(['folio', 'description', 'clientId']));
    expect(Object.keys(wo.properties!)).toEqual(
      expect.arrayContaining(['folio', 'description', 'kind', 'parentId', 'clientId', 'siteIds', 'plannedStart', 'plannedEnd']),
    );
    expect(wo.properties!.kind!.enum).toEqual(['initial', 'reprogramming']);
    expect(wo.properties!.siteIds!.type).toBe('array');
    expect(JSON.stringify(wo.properties!.plannedStart)).toContain('\\\\d{4}-\\\\d{2}-\\\\d{2}');

    const site = doc.paths['/api/v1/sites']!.post!.requestBody!.content['application/json']!.schema;
    expect(site.required).toEqual(expect.arrayContaining(['name', 'kind']));
    expect(site.properties!.kind!.enum).toEqual(['yard', 'vessel', 'platform', 'interconnection']);

    const login = doc.paths['/api/v1/auth/login']!.post!.requestBody!.content['application/json']!.schema;
    expect(login.required).toEqual(expect.arrayContaining(['email', 'password']));

    const list = doc.paths['/api/v1/work-orders']!.get!.parameters!.map((p) => `${p.in}:${p.name}`);
    expect(list).toEqual(
      expect.arrayContaining([
        'query:q',
        'query:status',
        'query:kind',
        'query:clientId',
        'query:siteId',
        'query:frontId',
        'query:familyId',
        'query:limit',
        'query:offset',
      ]),
    );
  });

  it('documents the response and error shapes', () => {
    const created = doc.paths['/api/v1/sites']!.post!.responses['201']!.content!['application/json']!.schema;
    expect(Object.keys(created.properties!)).toEqual(expect.arrayContaining(['id', 'name', 'kind', 'active']));
    const error = doc.paths['/api/v1/work-orders']!.post!.responses['400']!.content!['application/json']!.schema;
    expect(error.properties!.error!.required).toEqual(expect.arrayContaining(['code', 'message']));
  });

  it('declares the two ways to authenticate', () => {
    expect(Object.keys(doc.components?.securitySchemes ?? {})).toEqual(expect.arrayContaining(['bearer', 'session']));
  });
});

describe('/api/docs', () => {
  it('serves a browsable HTML page without login', async () => {
    let res = await t.anonymous('GET', '/api/docs');
    if (res.statusCode >= 300 && res.statusCode < 400)
      res = await t.anonymous('GET', new URL(String(res.headers.location), 'http://x/api/docs').pathname);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toMatch(/<html/i);
    expect(res.body).toMatch(/swagger/i);
  });
});
