/** Bad input and authorization on the grid API: always a clear 4xx, never a 500, nothing changed. */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app';
import { buildProductionFamily, getGrid, productionSnapshot, saveCells } from '../support/builders-production';

let t: TestApp;
let f: Awaited<ReturnType<typeof buildProductionFamily>>;
let other: Awaited<ReturnType<typeof buildProductionFamily>>;
const g = () => ({ workOrderId: f.workOrderId, siteId: f.siteId, year: 2025, month: 3 });

beforeAll(async () => {
  t = await createTestApp();
  f = await buildProductionFamily(t);
  other = await buildProductionFamily(t);
  await saveCells(t.admin, g(), [{ lineItemId: f.lineItemIds[0]!, date: '2025-03-01', volume: '1.25', previous: null }]);
});
afterAll(() => t.close());

describe('bad input', () => {
  const cases: [string, unknown, string][] = [
    ['negative', '-1', 'cells.0.volume'],
    ['negative number', -0.5, 'cells.0.volume'],
    ['NaN text', 'NaN', 'cells.0.volume'],
    ['Infinity text', 'Infinity', 'cells.0.volume'],
    ['7 decimals', '1.1234567', 'cells.0.volume'],
    ['es-MX grouping is for the browser to parse, not the API', '1,234.5', 'cells.0.volume'],
    ['SQL injection', '1; drop table production_entries; --', 'cells.0.volume'],
    ['HTML injection', '<script>alert(1)</script>', 'cells.0.volume'],
    ['too large', '1e15', 'cells.0.volume'],
  ];
  for (const [name, volume, path] of cases) {
    it(`refuses ${name} with 400 naming the cell, and changes nothing`, async () => {
      const before = await productionSnapshot(t.database.pool, f.familyId);
      const res = await saveCells(
        t.admin,
        g(),
        [
          { lineItemId: f.lineItemIds[1]!, date: '2025-03-02', volume: '3' },
          { lineItemId: f.lineItemIds[0]!, date: '2025-03-02', volume },
        ].reverse(),
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(res.json().error.details.issues[0].path).toBe(path);
      expect(res.json().error.message).toMatch(/Celda 1/);
      expect(await productionSnapshot(t.database.pool, f.familyId)).toEqual(before);
    });
  }

  it('refuses Feb 30, a date of another month, unknown and foreign line items, duplicates and a bad layer', async () => {
    const before = await productionSnapshot(t.database.pool, f.familyId);
    const feb = await saveCells(t.admin, { ...g(), month: 2 }, [{ lineItemId: f.lineItemIds[0]!, date: '2025-02-30', volume: '1' }]);
    expect(feb.statusCode).toBe(400);
    const otherMonth = await saveCells(t.admin, g(), [{ lineItemId: f.lineItemIds[0]!, date: '2025-04-01', volume: '1' }]);
    expect(otherMonth.json().error.details.issues[0]).toMatchObject({ path: 'cells.0.date', code: 'not_in_month' });
    const unknown = await saveCells(t.admin, g(), [{ lineItemId: 99_999_999, date: '2025-03-01', volume: '1' }]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.issues[0]).toMatchObject({ path: 'cells.0.lineItemId', code: 'unknown_line_item' });
    const foreign = await saveCells(t.admin, g(), [{ lineItemId: other.lineItemIds[0]!, date: '2025-03-01', volume: '1' }]);
    expect(foreign.statusCode).toBe(400);
    const dup = await saveCells(t.admin, g(), [
      { lineItemId: f.lineItemIds[0]!, date: '2025-03-03', volume: '1' },
      { lineItemId: f.lineItemIds[0]!, date: '2025-03-03', volume: '2' },
    ]);
    expect(dup.json().error.details.issues[0].code).toBe('duplicate');
    const layer = await t.admin.put('/api/v1/production/grid', { ...g(), layer: 'XX', baseRevision: 0, cells: [] });
    expect(layer.statusCode).toBe(400);
    const wrongSite = await saveCells(t.admin, { ...g(), siteId: other.siteId }, [
      { lineItemId: f.lineItemIds[0]!, date: '2025-03-01', volume: '1' },
    ]);
    expect(wrongSite.statusCode).toBe(400);
    const missingOt = await saveCells(t.admin, { ...g(), workOrderId: 99_999_999 }, []);
    expect(missingOt.statusCode).toBe(404);
    const malformed = await t.admin.request('PUT', '/api/v1/production/grid', '{"cells": [', { 'content-type': 'application/json' });
    expect(malformed.statusCode).toBe(400);
    const badQuery = await t.admin.get(`/api/v1/production/grid?workOrderId=abc&siteId=1&year=2025&month=13`);
    expect(badQuery.statusCode).toBe(400);
    expect(await productionSnapshot(t.database.pool, f.familyId)).toEqual(before);
  });

  it('property: arbitrary junk volumes never produce a 500 or a change', async () => {
    const before = await productionSnapshot(t.database.pool, f.familyId);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 30 }).filter((s) => !/^\s*\+?(\d+(\.\d{0,6})?|\.\d{1,6})([eE][+-]?\d+)?\s*$/.test(s)),
          fc.double({ noDefaultInfinity: true, noNaN: true, max: -1e-9 }),
          fc.constantFrom('1e400', '--1', '0x10', '1.0000001', ' ', '１'),
        ),
        async (volume) => {
          const res = await saveCells(t.admin, g(), [{ lineItemId: f.lineItemIds[2]!, date: '2025-03-09', volume }]);
          if (typeof volume === 'string' && volume.trim() === '') return res.statusCode === 200; // blank = empty cell = nothing to write
          expect(res.statusCode).toBeGreaterThanOrEqual(400);
          expect(res.statusCode).toBeLessThan(500);
          return true;
        },
      ),
      { numRuns: 60 },
    );
    expect(await productionSnapshot(t.database.pool, f.familyId)).toEqual(before);
  });
});

describe('authorization', () => {
  it('anonymous: 401 on read and write', async () => {
    expect(
      (await t.anonymous('GET', `/api/v1/production/grid?workOrderId=${f.workOrderId}&siteId=${f.siteId}&year=2025&month=3`)).statusCode,
    ).toBe(401);
    expect((await t.anonymous('PUT', '/api/v1/production/grid', { ...g(), layer: 'TE', baseRevision: 0, cells: [] })).statusCode).toBe(401);
  });

  it('consulta and administración read but cannot write (403), and nothing changes', async () => {
    for (const role of ['consulta', 'administracion'] as const) {
      const c = await t.userWithRole(role);
      const grid = await getGrid(c, g());
      expect(grid.statusCode).toBe(200);
      expect(grid.json().abilities.edit).toBe(false);
      const before = await productionSnapshot(t.database.pool, f.familyId);
      const res = await saveCells(c, g(), [{ lineItemId: f.lineItemIds[0]!, date: '2025-03-04', volume: '1' }]);
      expect(res.statusCode).toBe(403);
      expect(await productionSnapshot(t.database.pool, f.familyId)).toEqual(before);
    }
  });

  it('a supervisor writes only at their sites or OTs', async () => {
    const outside = await t.userWithRole('supervisor', { siteIds: [other.siteId] });
    expect((await getGrid(outside, g())).json().abilities.edit).toBe(false);
    const refused = await saveCells(outside, g(), [{ lineItemId: f.lineItemIds[0]!, date: '2025-03-04', volume: '1' }]);
    expect(refused.statusCode).toBe(403);
    const bySite = await t.userWithRole('supervisor', { siteIds: [f.siteId] });
    expect((await saveCells(bySite, g(), [{ lineItemId: f.lineItemIds[0]!, date: '2025-03-04', volume: '1' }])).statusCode).toBe(200);
    const byOt = await t.userWithRole('supervisor', { workOrderIds: [f.workOrderId] });
    expect((await saveCells(byOt, g(), [{ lineItemId: f.lineItemIds[0]!, date: '2025-03-05', volume: '1' }])).statusCode).toBe(200);
  });

  it('exports the grid to XLSX', async () => {
    const res = await t.admin.get(`/api/v1/production/grid.xlsx?workOrderId=${f.workOrderId}&siteId=${f.siteId}&year=2025&month=3`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('documents the grid, daily-report and GPU endpoints in OpenAPI', async () => {
    const doc = (await t.anonymous('GET', '/api/v1/openapi.json')).json();
    for (const p of [
      '/api/v1/production/grid',
      '/api/v1/daily-reports/grid',
      '/api/v1/daily-reports',
      '/api/v1/daily-reports/bulk',
      '/api/v1/gpu/board',
      '/api/v1/gpu/{id}',
    ]) {
      expect(doc.paths[p], p).toBeDefined();
    }
  });
});
