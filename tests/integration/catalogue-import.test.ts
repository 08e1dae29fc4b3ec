import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../support/test-app';

const FIXTURES = new URL('../fixtures/', import.meta.url);
const CONTRACT = 'PEP-640-CRD-001-2025';

function multipart(bytes: Buffer, fileName: string) {
  const boundary = `----carpeta${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    body: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

async function upload(c: TestClient, url: string, bytes: Buffer, fileName = 'catalogo.xlsx') {
  const m = multipart(bytes, fileName);
  return c.request('POST', url, m.body, { 'content-type': m.contentType });
}

async function count(t: TestApp, table: string): Promise<number> {
  const r = await t.database.pool.query(`select count(*)::int as n from ${table}`);
  return r.rows[0].n as number;
}

let t: TestApp;
let contractFile: Buffer;
let sabanaFile: Buffer;
beforeAll(async () => {
  t = await createTestApp();
  contractFile = await readFile(new URL('anexo-c-contrato.xlsx', FIXTURES));
  sabanaFile = await readFile(new URL('ot-annex-sabana.xlsx', FIXTURES));
});
afterAll(() => t.close());

describe('contract catalogue import (Anexo C)', () => {
  let importId: number;

  it('previews the contract file with exact counts per sub-annex and changes nothing', async () => {
    const res = await upload(
      t.admin,
      `/api/v1/catalogue/imports?format=contract&contractNumber=${CONTRACT}`,
      contractFile,
      'anexo-c-contrato.xlsx',
    );
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    importId = body.id;
    expect(body.status).toBe('preview');
    expect(body.counts.bySubAnnex).toEqual({ 'C-2': 501, 'C-3': 649, 'C-4': 88, 'C-4-1': 27, 'C-5': 185, 'C-5-1': 10, 'C-6': 4 });
    expect(body.counts).toMatchObject({ total: 1464, merged: 1, new: 1463, changed: 0, unchanged: 0, errors: 0 });
    expect(body.warnings[0].reason).toMatch(/4.7. repetida/);
    expect(body.skippedSheets.map((s: { sheet: string }) => s.sheet)).toEqual(['Anexo C-CR']);
    expect(body.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await count(t, 'catalogue_items')).toBe(0);
    expect(await count(t, 'contracts')).toBe(0);
  });

  it('commits in one go: contract, canonical sub-annexes, items with canonical units and exact prices', async () => {
    const res = await t.admin.post(`/api/v1/catalogue/imports/${importId}/commit`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('committed');
    expect(await count(t, 'catalogue_items')).toBe(1463);
    const labels = await t.database.pool.query(`select label from sub_annexes order by label`);
    expect(labels.rows.map((r) => r.label)).toEqual(['C-2', 'C-3', 'C-4', 'C-4-1', 'C-5', 'C-5-1', 'C-6']);
    const item = await t.database.pool.query(
      `select ci.code, u.code as unit, ci.pu_mxn::text as mxn, ci.reference_qty::text as qty from catalogue_items ci join units u on u.id = ci.unit_id
       join sub_annexes sa on sa.id = ci.sub_annex_id where sa.label = 'C-2' and ci.code = '2.1.'`,
    );
    expect(item.rows).toEqual([{ code: '2.1.', unit: 'M', mxn: '11813.3000', qty: '76.000000' }]);
    const audit = await t.database.pool.query(
      `select count(*)::int as n from audit_log where entity = 'catalogue_item' and action = 'create'`,
    );
    expect(audit.rows[0].n).toBe(1463);
  });

  it('refuses a second commit of the same preview', async () => {
    const res = await t.admin.post(`/api/v1/catalogue/imports/${importId}/commit`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/ya se aplicó/);
  });

  it('re-importing the same file is idempotent: everything unchanged, no duplicates', async () => {
    const res = await upload(t.admin, `/api/v1/catalogue/imports?contractNumber=${CONTRACT}`, contractFile);
    expect(res.json().counts).toMatchObject({ total: 1464, new: 0, changed: 0, unchanged: 1463 });
    expect((await t.admin.post(`/api/v1/catalogue/imports/${res.json().id}/commit`)).statusCode).toBe(200);
    expect(await count(t, 'catalogue_items')).toBe(1463);
  });

  it('a discarded preview keeps its view, drops its file and can no longer be applied', async () => {
    const p = (await upload(t.admin, `/api/v1/catalogue/imports?contractNumber=${CONTRACT}`, contractFile)).json();
    const viewer = await t.userWithRole('consulta');
    expect((await viewer.post(`/api/v1/catalogue/imports/${p.id}/discard`)).statusCode).toBe(403);
    const d = await t.admin.post(`/api/v1/catalogue/imports/${p.id}/discard`);
    expect(d.statusCode).toBe(200);
    expect(d.json()).toMatchObject({ id: p.id, status: 'discarded', counts: p.counts });
    const file = await t.database.pool.query(`select length(file) as n from import_jobs where id = $1`, [p.id]);
    expect(file.rows[0].n).toBe(0);
    expect((await t.admin.post(`/api/v1/catalogue/imports/${p.id}/commit`)).statusCode).toBe(409);
    expect((await t.admin.post(`/api/v1/catalogue/imports/${p.id}/discard`)).statusCode).toBe(409);
    expect((await t.admin.post(`/api/v1/catalogue/imports/999999/discard`)).statusCode).toBe(404);
    const audit = await t.database.pool.query(`select action from audit_log where entity = 'import_job' and entity_id = $1 order by id`, [
      String(p.id),
    ]);
    expect(audit.rows).toEqual([{ action: 'preview' }, { action: 'discard' }]);
  });
});

describe('PUE catalogue import (sheet PUE´s BME)', () => {
  it('imports 3,056 PUE rows, twice without duplicating them', async () => {
    const first = await upload(t.admin, `/api/v1/catalogue/imports?format=pue&contractNumber=${CONTRACT}`, sabanaFile, 'sabana.xlsx');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().counts).toMatchObject({ total: 3056, new: 3056, errors: 0 });
    expect(first.json().counts.bySubAnnex.C3EXT).toBe(1697);
    expect((await t.admin.post(`/api/v1/catalogue/imports/${first.json().id}/commit`)).statusCode).toBe(200);
    const again = await upload(t.admin, `/api/v1/catalogue/imports?format=pue&contractNumber=${CONTRACT}`, sabanaFile, 'sabana.xlsx');
    expect(again.json().counts).toMatchObject({ total: 3056, new: 0, changed: 0, unchanged: 3056 });
    expect((await t.admin.post(`/api/v1/catalogue/imports/${again.json().id}/commit`)).statusCode).toBe(200);
    const r = await t.database.pool.query(`select count(*)::int as n from catalogue_items where kind = 'extraordinary'`);
    expect(r.rows[0].n).toBe(3056);
    const pue = await t.database.pool.query(
      `select code, extra_code, pue_status, sanction_date from catalogue_items where extra_code = 'C3EXT-0977'`,
    );
    expect(pue.rows).toHaveLength(1);
  });
});

describe('catalogue browser', () => {
  it('searches by code or concept and filters by sub-annex, kind and status', async () => {
    const byCode = await t.admin.get('/api/v1/catalogue/items?q=2.1.&subAnnex=C-2&limit=5');
    expect(byCode.statusCode).toBe(200);
    expect(byCode.json().items[0].code).toBe('2.1.');
    const byConcept = (await t.admin.get('/api/v1/catalogue/items?q=operario&limit=500')).json();
    expect(byConcept.total).toBeGreaterThan(0);
    expect(byConcept.items.every((i: { concept: string }) => /operario/i.test(i.concept))).toBe(true);
    const cancelled = (await t.admin.get('/api/v1/catalogue/items?status=CANCELADA&limit=1')).json();
    expect(cancelled.total).toBe(252);
    const c2 = (await t.admin.get('/api/v1/catalogue/items?subAnnex=C-2&kind=ordinary&limit=20')).json();
    expect(c2.total).toBe(501);
    // natural order: 2.9. before 2.10.
    const codes = (await t.admin.get('/api/v1/catalogue/items?subAnnex=C-2&kind=ordinary&limit=12'))
      .json()
      .items.map((i: { code: string }) => i.code);
    expect(codes.indexOf('2.9.')).toBeLessThan(codes.indexOf('2.10.'));
  });

  it('any signed-in user can read; exports to XLSX', async () => {
    const viewer = await t.userWithRole('consulta');
    expect((await viewer.get('/api/v1/catalogue/items?limit=1')).statusCode).toBe(200);
    const res = await viewer.get('/api/v1/catalogue/items/export.xlsx?subAnnex=C-6');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(5);
    expect((await viewer.get('/api/v1/catalogue/contracts')).json().items[0].number).toBe(CONTRACT);
  });

  it('refuses imports to roles without contractCatalogue.write, and anonymous callers', async () => {
    const viewer = await t.userWithRole('consulta');
    const res = await upload(viewer, `/api/v1/catalogue/imports?contractNumber=${CONTRACT}`, contractFile);
    expect(res.statusCode).toBe(403);
    expect((await t.anonymous('GET', '/api/v1/catalogue/items')).statusCode).toBe(401);
  });
});
