import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../server/context';
import { generateSabana } from '../../server/spreadsheets/generate-sabana';
import { importContractCatalogue } from '../../server/modules/catalogue/commands/import-contract-catalogue';
import { buildWorkOrder } from '../support/builders';
import { createTestApp, type TestApp, type TestClient } from '../support/test-app';

const FIXTURES = new URL('../fixtures/', import.meta.url);
const CONTRACT = '648233801';

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

function upload(c: TestClient, workOrderId: number, bytes: Buffer, fileName = 'anexo.xlsx') {
  const m = multipart(bytes, fileName);
  return c.request('POST', `/api/v1/work-orders/${workOrderId}/annex-imports`, m.body, { 'content-type': m.contentType });
}

type Row = {
  anexo?: string | null;
  code: string | number;
  concept: string;
  unit: string;
  volume: number | string | { formula: string };
  mxn?: number;
  usd?: number;
  days?: (number | null)[];
};

/** A sábana-shaped workbook (header on row 2, OK column, day columns as dates or Spanish text). */
async function sabana(rows: Row[], options: { days?: number; first?: string; textDays?: boolean; okAll?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('SABANA DE RECURSOS');
  ws.addRow([null, null, null, null, 'TITULO DE LA PROPUESTA TECNICA']);
  const days = options.days ?? 0;
  const first = new Date(`${options.first ?? '2025-12-01'}T00:00:00Z`);
  const months = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'];
  const dayHeaders = Array.from({ length: days }, (_, i) => {
    const d = new Date(first.getTime() + i * 86_400_000);
    return options.textDays
      ? `${String(d.getUTCDate()).padStart(2, '0')}-${months[d.getUTCMonth()]}-${String(d.getUTCFullYear()).slice(2)}`
      : d;
  });
  ws.addRow(['ID', 'OK', 'ANEXO', 'PARTIDA', 'CONCEPTO', 'UNIDAD', 'VOLUMEN PTE', 'P.U. M.N.', 'P.U. USD', ...dayHeaders, 'TOTALES']);
  rows.forEach((r, i) =>
    ws.addRow([i + 1, 'OK', r.anexo ?? null, r.code, r.concept, r.unit, r.volume, r.mxn ?? 0, r.usd ?? 0, ...(r.days ?? [])]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let t: TestApp;
type CatItem = { id: number; code: string; concept: string; unit: string; subAnnex: string; mxn: string; usd: string };
const cat: Record<string, CatItem> = {};

async function catalogueItem(subAnnex: string, code: string, conceptLike = '%'): Promise<CatItem> {
  const r = await t.database.pool.query(
    `select ci.id, ci.code, ci.concept, u.code as unit, sa.label as "subAnnex", trim_scale(ci.pu_mxn)::text as mxn, trim_scale(ci.pu_usd)::text as usd
     from catalogue_items ci join sub_annexes sa on sa.id = ci.sub_annex_id join units u on u.id = ci.unit_id
     where sa.label = $1 and ci.code = $2 and ci.concept ilike $3 order by ci.id limit 1`,
    [subAnnex, code, conceptLike],
  );
  if (!r.rows[0]) throw new Error(`no catalogue item ${subAnnex} ${code}`);
  return r.rows[0];
}

const row = (c: CatItem, volume: Row['volume'], extra: Partial<Row> = {}): Row => ({
  anexo: c.subAnnex,
  code: c.code,
  concept: c.concept,
  unit: c.unit,
  volume,
  mxn: Number(c.mxn),
  usd: Number(c.usd),
  ...extra,
});

async function lineItems(workOrderId: number) {
  const res = await t.admin.get(`/api/v1/work-orders/${workOrderId}/line-items`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function snapshot() {
  const r = await t.database.pool.query(`
    select (select count(*) from line_items)::int as li, (select count(*) from annex_versions)::int as av, (select count(*) from line_item_versions)::int as liv,
           (select count(*) from planned_volumes)::int as pv, (select coalesce(sum(authorized_volume), 0)::text from line_items) as caps`);
  return r.rows[0];
}

beforeAll(async () => {
  t = await createTestApp();
  const ctx = systemCtx('cli');
  await importContractCatalogue(t.database.db, ctx, {
    bytes: await readFile(new URL('anexo-c-contrato.xlsx', FIXTURES)),
    fileName: 'anexo-c-contrato.xlsx',
    contractNumber: CONTRACT,
  });
  await importContractCatalogue(t.database.db, ctx, {
    format: 'pue',
    bytes: await readFile(new URL('ot-annex-sabana.xlsx', FIXTURES)),
    fileName: 'pues.xlsx',
    contractNumber: CONTRACT,
  });
  cat.c29 = await catalogueItem('C-2', '2.9.');
  cat.c210 = await catalogueItem('C-2', '2.10.');
  cat.c21 = await catalogueItem('C-2', '2.1.');
  cat.c31 = await catalogueItem('C-3', '3.1.');
  cat.c44 = await catalogueItem('C-4-1', '4.4.');
  cat.c10 = (
    await t.database.pool.query(
      `select ci.code from catalogue_items ci join sub_annexes sa on sa.id = ci.sub_annex_id where sa.label = 'C-10' limit 1`,
    )
  ).rows[0]
    ? await catalogueItem(
        'C-10',
        (
          await t.database.pool.query(
            `select ci.code from catalogue_items ci join sub_annexes sa on sa.id = ci.sub_annex_id where sa.label = 'C-10' order by ci.id limit 1`,
          )
        ).rows[0].code,
      )
    : cat.c31;
}, 60_000);
afterAll(() => t.close());

describe('the real fixtures', () => {
  it('PTE workbook (.xlsm, sheet ANEXO C, machine header on row 11): preview then commit version 1', async () => {
    const wo = await buildWorkOrder(t.admin);
    const res = await upload(t.admin, wo.id, await readFile(new URL('ot-annex-pte.xlsm', FIXTURES)), 'ot-annex-pte.xlsm');
    expect(res.statusCode, res.body).toBe(201);
    const preview = res.json();
    expect(preview).toMatchObject({ status: 'preview', shape: 'pte', sheet: 'ANEXO C', headerRow: 11, baseVersion: 0 });
    expect(preview.counts).toMatchObject({ rows: 1, new: 1, changedVolume: 0, removed: 0, errors: 0 });
    expect(preview.items[0]).toMatchObject({
      subAnnex: 'C-2',
      code: '2.4.',
      unitCode: 'TON',
      statedVolume: '2',
      puMxn: '172634.6',
      change: 'new',
    });
    expect((await lineItems(wo.id)).items).toHaveLength(0);

    const commit = await t.admin.post(`/api/v1/annex-imports/${preview.id}/commit`, { capRule: 'replacement' });
    expect(commit.statusCode, commit.body).toBe(200);
    expect(commit.json()).toMatchObject({ status: 'committed', version: { number: 1, capRule: 'replacement' } });
    const list = await lineItems(wo.id);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      code: '2.4.',
      authorizedVolume: '2',
      puMxn: '172634.6',
      amountMxn: '345269.20',
      amountUsd: '0.00',
      versionNumber: 1,
    });
    expect(list.versions[0]).toMatchObject({ number: 1, fileName: 'ot-annex-pte.xlsm', capRule: 'replacement' });
    expect(list.versions[0].sha256).toBe(preview.sha256);
  });

  it('sábana de recursos: only OK rows, 31 day columns found', async () => {
    const wo = await buildWorkOrder(t.admin);
    const res = await upload(t.admin, wo.id, await readFile(new URL('ot-annex-sabana.xlsx', FIXTURES)), 'ot-annex-sabana.xlsx');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ shape: 'sabana', sheet: 'SABANA DE RECURSOS', headerRow: 2 });
    expect(res.json().counts).toMatchObject({ rows: 2, new: 2, errors: 0, rowsNotSelected: 15 });
    expect(res.json().items.map((i: { code: string }) => i.code)).toEqual(['2.2.', '2.3.']);
    expect((await t.admin.post(`/api/v1/annex-imports/${res.json().id}/commit`)).statusCode).toBe(200);
    expect((await lineItems(wo.id)).items.map((i: { code: string }) => i.code)).toEqual(['2.2.', '2.3.']);
  });
});

describe('programme, versions and stable identity', () => {
  let wo: { id: number; familyId: number };
  let firstIds: Record<string, number> = {};

  it('reads Spanish text day headers (01-dic-25) and stores the programme per day', async () => {
    wo = await buildWorkOrder(t.admin, { plannedStart: '2025-12-01', plannedEnd: '2026-03-31' });
    const file = await sabana(
      [
        row(cat.c210!, 10, { days: [1, null, 2.5] }),
        row(cat.c29!, 5, { days: [null, 3] }),
        row(cat.c10!, 1),
        row(cat.c44!, 8, { anexo: 'C-4-1', days: [0.125] }),
      ],
      { days: 3, textDays: true },
    );
    const res = await upload(t.admin, wo.id, file, 'sabana-dic.xlsx');
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p.counts).toMatchObject({ rows: 4, new: 4, errors: 0, plannedCells: 4 });
    expect(p.planned).toEqual([
      { date: '2025-12-01', cells: 2 },
      { date: '2025-12-02', cells: 1 },
      { date: '2025-12-03', cells: 1 },
    ]);
    expect((await t.admin.post(`/api/v1/annex-imports/${p.id}/commit`)).statusCode).toBe(200);
    const planned = await t.database.pool.query(
      `select li.code, pv.date, pv.volume::text from planned_volumes pv join line_items li on li.id = pv.line_item_id where li.family_id = $1 order by li.code, pv.date`,
      [wo.familyId],
    );
    expect(planned.rows.map((r) => `${r.code} ${r.date} ${Number(r.volume)}`)).toEqual([
      '2.10. 2025-12-01 1',
      '2.10. 2025-12-03 2.5',
      '2.9. 2025-12-02 3',
      '4.4. 2025-12-01 0.125',
    ]);
  });

  it('lists line items in natural order: C-2 before C-4-1 before C-10, 2.9. before 2.10.', async () => {
    const list = await lineItems(wo.id);
    expect(list.items.map((i: { subAnnex: string; code: string }) => `${i.subAnnex} ${i.code}`)).toEqual([
      'C-2 2.9.',
      'C-2 2.10.',
      'C-4-1 4.4.',
      `${cat.c10!.subAnnex} ${cat.c10!.code}`,
    ]);
    expect(list.subAnnexes.map((s: { subAnnex: string }) => s.subAnnex)).toEqual(['C-2', 'C-4-1', cat.c10!.subAnnex]);
    const totalMxn = list.items.reduce((s: number, i: { amountMxn: string }) => s + Math.round(Number(i.amountMxn) * 100), 0);
    expect(Math.round(Number(list.totals.amountMxn) * 100)).toBe(totalMxn);
    firstIds = Object.fromEntries(list.items.map((i: { code: string; id: number }) => [i.code, i.id]));
  });

  it('a re-import with changed volumes shows the diff and creates version 2 without breaking what pointed at version 1', async () => {
    // production captured against version 1: 6 units of 2.9. (cap 5 → 1 excess)
    const mr = await t.database.pool.query(`insert into monthly_reports (work_order_id, year, month) values ($1, 2025, 12) returning id`, [
      wo.familyId,
    ]);
    const site = (await t.database.pool.query(`select site_id from work_order_sites where work_order_id = $1 limit 1`, [wo.id])).rows[0]
      .site_id;
    const entry = await t.database.pool.query(
      `insert into production_entries (line_item_id, monthly_report_id, site_id, date, layer, volume, excess_volume) values ($1, $2, $3, '2025-12-02', 'TE', 6, 1) returning id`,
      [firstIds['2.9.'], mr.rows[0].id, site],
    );
    const file = await sabana([row(cat.c210!, 10), row(cat.c29!, 7), row(cat.c21!, 3)]);
    const res = await upload(t.admin, wo.id, file, 'sabana-v2.xlsx');
    const p = res.json();
    expect(p.baseVersion).toBe(1);
    expect(p.counts).toMatchObject({ rows: 3, new: 1, changedVolume: 1, changedPrice: 0, unchanged: 1, removed: 2, errors: 0 });
    expect(p.items.find((i: { code: string }) => i.code === '2.9.')).toMatchObject({
      change: 'volume',
      currentVolume: '5',
      statedVolume: '7',
      lineItemId: firstIds['2.9.'],
    });
    expect(p.removed.map((r: { code: string }) => r.code).sort()).toEqual(['4.4.', cat.c10!.code].sort());

    const commit = await t.admin.post(`/api/v1/annex-imports/${p.id}/commit`, { capRule: 'replacement' });
    expect(commit.statusCode, commit.body).toBe(200);
    expect(commit.json().version.number).toBe(2);
    const list = await lineItems(wo.id);
    const byCode = Object.fromEntries(list.items.map((i: { code: string }) => [i.code, i]));
    expect(byCode['2.9.']).toMatchObject({ id: firstIds['2.9.'], authorizedVolume: '7', versionNumber: 2 });
    // not listed: keeps the cap of the version that last stated it
    expect(byCode['4.4.']).toMatchObject({ id: firstIds['4.4.'], authorizedVolume: '8', versionNumber: 1 });
    expect(byCode['2.1.']).toMatchObject({ authorizedVolume: '3', versionNumber: 2 });
    // production still points at the same line item, and its excess was recomputed with the new cap
    const e = await t.database.pool.query(`select line_item_id, excess_volume::text as excess from production_entries where id = $1`, [
      entry.rows[0].id,
    ]);
    expect(e.rows[0].line_item_id).toBe(firstIds['2.9.']);
    expect(Number(e.rows[0].excess)).toBe(0);
    // the history shows both versions
    const h = (await t.admin.get(`/api/v1/work-orders/${wo.id}/line-items/${firstIds['2.9.']}/history`)).json();
    expect(
      h.entries.map((x: { versionNumber: number; statedVolume: string; capAfter: string }) => [
        x.versionNumber,
        x.statedVolume,
        x.capAfter,
      ]),
    ).toEqual([
      [2, '7', '7'],
      [1, '5', '5'],
    ]);
    const audit = await t.database.pool.query(
      `select changes from audit_log where entity = 'line_item' and entity_id = $1 and action = 'update'`,
      [String(firstIds['2.9.'])],
    );
    expect(audit.rows[0].changes.authorizedVolume).toEqual({ before: '5', after: '7' });
  });

  it('the additional cap rule adds the stated volume to the current cap, and is stored on the version', async () => {
    const file = await sabana([row(cat.c29!, 2)]);
    const p = (await upload(t.admin, wo.id, file, 'adicional.xlsx')).json();
    const commit = await t.admin.post(`/api/v1/annex-imports/${p.id}/commit`, { capRule: 'additional' });
    expect(commit.json().version).toMatchObject({ number: 3, capRule: 'additional' });
    const list = await lineItems(wo.id);
    expect(list.items.find((i: { code: string }) => i.code === '2.9.').authorizedVolume).toBe('9');
    expect(list.versions[0]).toMatchObject({ number: 3, capRule: 'additional' });
  });

  it('lowering a cap under production recomputes excess in the same transaction', async () => {
    const p = (await upload(t.admin, wo.id, await sabana([row(cat.c29!, 4)]), 'baja.xlsx')).json();
    expect((await t.admin.post(`/api/v1/annex-imports/${p.id}/commit`)).statusCode).toBe(200);
    const e = await t.database.pool.query(`select excess_volume::text as excess from production_entries where line_item_id = $1`, [
      firstIds['2.9.'],
    ]);
    expect(Number(e.rows[0].excess)).toBe(2);
  });

  it('refuses to change caps of line items with production in a closed month (409 period_closed), nothing changes', async () => {
    await t.database.pool.query(`update monthly_reports set status = 'cerrado' where work_order_id = $1 and year = 2025 and month = 12`, [
      wo.familyId,
    ]);
    const before = await snapshot();
    const p = (await upload(t.admin, wo.id, await sabana([row(cat.c29!, 50)]), 'cerrado.xlsx')).json();
    const res = await t.admin.post(`/api/v1/annex-imports/${p.id}/commit`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('period_closed');
    expect(res.json().error.message).toMatch(/12\/2025/);
    expect(await snapshot()).toEqual(before);
    // a file that leaves that cap alone still goes through
    const ok = (await upload(t.admin, wo.id, await sabana([row(cat.c29!, 4), row(cat.c31!, 1)]), 'ok.xlsx')).json();
    expect((await t.admin.post(`/api/v1/annex-imports/${ok.id}/commit`)).statusCode).toBe(200);
    await t.database.pool.query(`update monthly_reports set status = 'abierto' where work_order_id = $1`, [wo.familyId]);
  });

  it('keeps the programme of a closed month as it was; open months take the file', async () => {
    const f = await buildWorkOrder(t.admin, { plannedStart: '2025-12-01', plannedEnd: '2026-03-31' });
    const planned = async () =>
      (
        await t.database.pool.query(
          `select pv.date, pv.volume::text as v from planned_volumes pv join line_items li on li.id = pv.line_item_id where li.family_id = $1 order by pv.date`,
          [f.familyId],
        )
      ).rows.map((r) => `${r.date}=${Number(r.v)}`);
    // Dec 30 – Jan 2: two days in each month.
    const file = (days: number[]) => sabana([row(cat.c29!, 10, { days })], { days: 4, first: '2025-12-30' });
    const first = (await upload(t.admin, f.id, await file([1, 2, 3, 4]), 'v1.xlsx')).json();
    expect((await t.admin.post(`/api/v1/annex-imports/${first.id}/commit`)).statusCode).toBe(200);
    expect(await planned()).toEqual(['2025-12-30=1', '2025-12-31=2', '2026-01-01=3', '2026-01-02=4']);

    await t.database.pool.query(`insert into monthly_reports (work_order_id, year, month, status) values ($1, 2025, 12, 'cerrado')`, [
      f.familyId,
    ]);
    const second = (await upload(t.admin, f.id, await file([9, 9, 9, 9]), 'v2.xlsx')).json();
    // The preview already says which part of the programme stays as closed.
    expect(second.counts).toMatchObject({ plannedCells: 4, plannedInClosedMonths: 2 });
    expect((await t.admin.post(`/api/v1/annex-imports/${second.id}/commit`)).statusCode).toBe(200);
    expect(await planned()).toEqual(['2025-12-30=1', '2025-12-31=2', '2026-01-01=9', '2026-01-02=9']);
    const versions = await t.database.pool.query(`select counts from annex_versions where family_id = $1 order by number`, [f.familyId]);
    expect(versions.rows[1].counts).toMatchObject({ plannedCells: 2, plannedKeptClosed: 2 });

    // Reopened, the same file restates December too.
    await t.database.pool.query(`update monthly_reports set status = 'abierto' where work_order_id = $1`, [f.familyId]);
    const third = (await upload(t.admin, f.id, await file([7, 7, 7, 7]), 'v3.xlsx')).json();
    expect(third.counts.plannedInClosedMonths).toBe(0);
    expect((await t.admin.post(`/api/v1/annex-imports/${third.id}/commit`)).statusCode).toBe(200);
    expect(await planned()).toEqual(['2025-12-30=7', '2025-12-31=7', '2026-01-01=7', '2026-01-02=7']);
  });

  it('refuses a stale preview (another version was committed since) and a second commit', async () => {
    const a = (await upload(t.admin, wo.id, await sabana([row(cat.c29!, 4)]), 'a.xlsx')).json();
    const b = (await upload(t.admin, wo.id, await sabana([row(cat.c29!, 6)]), 'b.xlsx')).json();
    expect((await t.admin.post(`/api/v1/annex-imports/${a.id}/commit`)).statusCode).toBe(200);
    const stale = await t.admin.post(`/api/v1/annex-imports/${b.id}/commit`);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/cambió desde esta vista previa/);
    expect((await t.admin.post(`/api/v1/annex-imports/${a.id}/commit`)).statusCode).toBe(409);
  });
});

describe('prices', () => {
  it('the catalogue price wins when > 0, and the preview shows where the file differed', async () => {
    const wo = await buildWorkOrder(t.admin);
    const p = (await upload(t.admin, wo.id, await sabana([row(cat.c21!, 1, { mxn: 99 })]))).json();
    expect(p.items[0]).toMatchObject({ puMxn: cat.c21!.mxn, filePuMxn: '99', filePriceDiffers: true });
    expect(p.counts.filePriceDiffers).toBe(1);
    await t.admin.post(`/api/v1/annex-imports/${p.id}/commit`);
    const v = await t.database.pool.query(
      `select trim_scale(pu_mxn)::text as pu, trim_scale(file_pu_mxn)::text as file from line_item_versions liv join annex_versions av on av.id = liv.annex_version_id where av.work_order_id = $1`,
      [wo.id],
    );
    expect(v.rows).toEqual([{ pu: cat.c21!.mxn, file: '99' }]);
  });
});

describe('row errors', () => {
  it('lists every row error with sheet, row, column and a Spanish reason; commit is refused; errors.xlsx has OBSERVACIONES first', async () => {
    const wo = await buildWorkOrder(t.admin);
    const before = await snapshot();
    const file = await sabana([
      row(cat.c21!, 1),
      row(cat.c21!, 1, { unit: 'PARSEC' }),
      row(cat.c21!, 1, { concept: 'Tubo de oro macizo' }),
      row(cat.c21!, 1, { unit: 'TON' }),
      row(cat.c21!, 1, { code: '2.9999.' }),
      row(cat.c21!, 1, { code: '9.9.', concept: 'Concepto que no existe en ningún lado' }),
      row(cat.c21!, 'doce'),
    ]);
    const res = await upload(t.admin, wo.id, file, 'con-errores.xlsx');
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p.counts.errors).toBe(7);
    const reasons = p.errors.map((e: { row: number; column: string; reason: string }) => `${e.row}|${e.column}|${e.reason}`);
    expect(reasons[0]).toMatch(/^4\|UNIDAD\|Unidad desconocida: PARSEC/);
    expect(reasons[1]).toMatch(/^5\|CONCEPTO\|La partida 2.1. existe en el catálogo pero con otro concepto/);
    expect(reasons[2]).toMatch(/^6\|UNIDAD\|La partida 2.1. existe en el catálogo con otra unidad: archivo «TON», catálogo «M»/);
    expect(reasons[3]).toMatch(/^7\|PARTIDA\|Partida incorrecta: 2.9999. no existe en el catálogo; ese concepto es la partida .*2\.1\./);
    expect(reasons[4]).toMatch(/^8\|PARTIDA\|La partida 9.9. no está en el catálogo del contrato/);
    expect(reasons[5]).toMatch(/^9\|VOLUMEN PTE\|Número no válido/);
    expect(reasons[6]).toMatch(/^9\|PARTIDA\|Partida repetida en el archivo: 2.1. \(también en la fila 3\)/);
    expect(p.errors.every((e: { sheet: string }) => e.sheet === 'SABANA DE RECURSOS')).toBe(true);

    const commit = await t.admin.post(`/api/v1/annex-imports/${p.id}/commit`);
    expect(commit.statusCode).toBe(422);
    expect(commit.json().error.code).toBe('import_has_errors');
    expect(await snapshot()).toEqual(before);

    const x = await t.admin.get(`/api/v1/annex-imports/${p.id}/errors.xlsx`);
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('OBSERVACIONES');
    expect(ws.getRow(1).getCell(5).value).toBe('PARTIDA');
    expect(ws.rowCount).toBe(7);
    expect(String(ws.getRow(2).getCell(1).value)).toMatch(/Fila 4: .*PARSEC/);
    expect(ws.getRow(2).getCell(7).value).toBe('PARSEC');
    expect(String(ws.getRow(6).getCell(1).value)).toMatch(/Fila 8/);
    expect(ws.getRow(6).getCell(5).value).toBe('9.9.');
  });

  it('a sábana with no OK row says so', async () => {
    const wo = await buildWorkOrder(t.admin);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('SABANA DE RECURSOS');
    ws.addRow(['ID', 'OK', 'ANEXO', 'PARTIDA', 'CONCEPTO', 'UNIDAD', 'VOLUMEN PTE', 'P.U. M.N.']);
    ws.addRow([1, null, 'C-2', '2.1.', cat.c21!.concept, 'M', 1, 1]);
    const p = (await upload(t.admin, wo.id, Buffer.from(await wb.xlsx.writeBuffer()))).json();
    expect(p.errors[0].reason).toMatch(/no contiene partidas marcadas con OK/);
  });
});

describe('bad files change nothing', () => {
  async function expectRefused(bytes: Buffer, reason: RegExp, fileName = 'malo.xlsx') {
    const wo = await buildWorkOrder(t.admin);
    const jobs = (await t.database.pool.query(`select count(*)::int as n from import_jobs`)).rows[0].n;
    const before = await snapshot();
    const res = await upload(t.admin, wo.id, bytes, fileName);
    expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().error.message).toMatch(reason);
    expect(await snapshot()).toEqual(before);
    expect((await t.database.pool.query(`select count(*)::int as n from import_jobs`)).rows[0].n).toBe(jobs);
    return res;
  }

  it('empty', async () => {
    expect((await expectRefused(Buffer.alloc(0), /vacío/)).json().error.code).toBe('unsupported_file');
  });
  it('corrupt', async () => {
    await expectRefused(
      Buffer.concat([
        Buffer.from([0x50, 0x4b, 0x03, 0x04]),
        Buffer.alloc(2000, 7),
        Buffer.from([0x50, 0x4b, 0x05, 0x06]),
        Buffer.alloc(18),
      ]),
      /dañado|incompleto|no es un libro/,
    );
  });
  it('truncated', async () => {
    const pte = await readFile(new URL('ot-annex-pte.xlsm', FIXTURES));
    await expectRefused(pte.subarray(0, Math.floor(pte.length / 2)), /incompleto o dañado/);
  });
  it('password-protected', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
      Buffer.from('EncryptedPackage', 'utf16le'),
      Buffer.alloc(512),
    ]);
    await expectRefused(ole, /contraseña/);
  });
  it('not Excel', async () => {
    await expectRefused(Buffer.from('%PDF-1.4\n1 0 obj\n'), /no es un libro de Excel/, 'anexo.pdf');
  });
  it('wrong sheet (no annex header anywhere)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Hoja1').addRow(['Nombre', 'Teléfono']);
    await expectRefused(Buffer.from(await wb.xlsx.writeBuffer()), /No se encontró la fila de encabezados/);
  });
  it('formulas without computed values', async () => {
    await expectRefused(await sabana([row(cat.c21!, { formula: 'A1*2' })]), /fórmula sin valor calculado/);
  });
  it('huge (50,000 rows)', async () => {
    const huge = await generateSabana({ rows: 50_000, days: 0 });
    await expectRefused(huge, /máximo permitido/);
  }, 60_000);
});

describe('limits and permissions', () => {
  it('a file above the configured size gets 413 with a clear message', async () => {
    const small = await createTestApp({ maxUploadBytes: 4096 });
    try {
      const wo = await buildWorkOrder(small.admin);
      const res = await upload(small.admin, wo.id, await readFile(new URL('ot-annex-pte.xlsm', FIXTURES)));
      expect(res.statusCode).toBe(413);
      expect(res.json().error.code).toBe('payload_too_large');
      expect(res.json().error.message).toMatch(/tamaño máximo permitido/);
    } finally {
      await small.close();
    }
  });

  it('only roles with annex.import upload or commit; anyone signed in reads', async () => {
    const wo = await buildWorkOrder(t.admin);
    const file = await sabana([row(cat.c21!, 1)]);
    for (const role of ['consulta', 'supervisor', 'administracion'] as const) {
      const c = await t.userWithRole(role);
      expect((await upload(c, wo.id, file)).statusCode).toBe(403);
    }
    const p = (await upload(t.admin, wo.id, file)).json();
    const viewer = await t.userWithRole('consulta');
    expect((await viewer.get(`/api/v1/annex-imports/${p.id}`)).statusCode).toBe(200);
    expect((await viewer.post(`/api/v1/annex-imports/${p.id}/commit`)).statusCode).toBe(403);
    const manager = await t.userWithRole('gerente_operaciones');
    expect((await manager.post(`/api/v1/annex-imports/${p.id}/commit`)).statusCode).toBe(200);
    expect((await viewer.get(`/api/v1/work-orders/${wo.id}/line-items`)).statusCode).toBe(200);
    expect((await t.anonymous('GET', `/api/v1/work-orders/${wo.id}/line-items`)).statusCode).toBe(401);
  });
});

describe('discarding previews', () => {
  it('discards on request (not once applied), and previews older than 7 days when a new one is made', async () => {
    const wo = await buildWorkOrder(t.admin, { plannedStart: '2025-12-01', plannedEnd: '2026-03-31' });
    const file = await sabana([row(cat.c29!, 3)]);
    const applied = (await upload(t.admin, wo.id, file)).json();
    expect((await t.admin.post(`/api/v1/annex-imports/${applied.id}/commit`)).statusCode).toBe(200);
    const refused = await t.admin.post(`/api/v1/annex-imports/${applied.id}/discard`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/ya se aplicó/);

    const supervisor = await t.userWithRole('supervisor');
    const p = (await upload(t.admin, wo.id, file)).json();
    expect((await supervisor.post(`/api/v1/annex-imports/${p.id}/discard`)).statusCode).toBe(403);
    const d = await t.admin.post(`/api/v1/annex-imports/${p.id}/discard`);
    expect(d.statusCode).toBe(200);
    expect(d.json()).toMatchObject({ status: 'discarded', counts: p.counts });
    expect((await t.admin.post(`/api/v1/annex-imports/${p.id}/commit`)).statusCode).toBe(409);

    // An abandoned preview (8 days old) is discarded when the next preview is made; a fresh one stays.
    const old = (await upload(t.admin, wo.id, file)).json();
    const recent = (await upload(t.admin, wo.id, file)).json();
    const aged = await t.database.pool.query(`update import_jobs set created_at = now() - interval '8 days' where id = $1`, [old.id]);
    expect(aged.rowCount).toBe(1);
    expect((await upload(t.admin, wo.id, file)).statusCode).toBe(201);
    const jobs = await t.database.pool.query(
      `select id, status, length(file) > 0 as "hasFile" from import_jobs where id = any($1) order by id`,
      [[old.id, recent.id]],
    );
    expect(jobs.rows).toEqual([
      { id: old.id, status: 'discarded', hasFile: false },
      { id: recent.id, status: 'preview', hasFile: true },
    ]);
  });
});

describe('ad-hoc line items', () => {
  it('adds a catalogue item with cap 0 until an annex version authorizes it (same line item)', async () => {
    const wo = await buildWorkOrder(t.admin);
    const res = await t.admin.post(`/api/v1/work-orders/${wo.id}/line-items`, { catalogueItemId: cat.c31!.id });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ origin: 'adhoc', authorizedVolume: '0', versionNumber: null, code: '3.1.', puMxn: cat.c31!.mxn });
    const dup = await t.admin.post(`/api/v1/work-orders/${wo.id}/line-items`, { catalogueItemId: cat.c31!.id });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toMatch(/ya existe en esta OT/);
    expect(
      (await (await t.userWithRole('supervisor')).post(`/api/v1/work-orders/${wo.id}/line-items`, { catalogueItemId: cat.c21!.id }))
        .statusCode,
    ).toBe(403);
    expect((await t.admin.post(`/api/v1/work-orders/${wo.id}/line-items`, { catalogueItemId: 999999 })).statusCode).toBe(400);

    const p = (await upload(t.admin, wo.id, await sabana([row(cat.c31!, 12)]))).json();
    expect(p.items[0]).toMatchObject({ change: 'new', lineItemId: res.json().id });
    await t.admin.post(`/api/v1/annex-imports/${p.id}/commit`);
    const item = (await lineItems(wo.id)).items[0];
    expect(item).toMatchObject({ id: res.json().id, authorizedVolume: '12', versionNumber: 1, origin: 'adhoc' });
  });
});

describe('OpenAPI', () => {
  it('documents the annex and catalogue endpoints', async () => {
    const doc = (await t.anonymous('GET', '/api/v1/openapi.json')).json();
    for (const path of [
      '/api/v1/work-orders/{id}/annex-imports',
      '/api/v1/annex-imports/{id}',
      '/api/v1/annex-imports/{id}/commit',
      '/api/v1/annex-imports/{id}/errors.xlsx',
      '/api/v1/work-orders/{id}/line-items',
      '/api/v1/catalogue/imports',
      '/api/v1/catalogue/imports/{id}/commit',
      '/api/v1/catalogue/items',
    ])
      expect(doc.paths[path], path).toBeDefined();
  });
});
