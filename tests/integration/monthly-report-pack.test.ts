/**
 * The monthly pack (spec §3.1; seed "Daily reports compiled into PDF or spreadsheet"): PDF text
 * and XLSX content of an OT-month, amounts per currency rounded half-even per line, and the
 * frozen copy kept with its SHA-256 across a reopen.
 */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCompleteMonth, insertProduction } from '../support/builders-monthly';
import { pdfText } from '../support/pdf-text';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let m: Awaited<ReturnType<typeof buildCompleteMonth>>;
let siteName: string;
beforeAll(async () => {
  t = await createTestApp();
  m = await buildCompleteMonth(t);
  siteName = (await t.database.pool.query(`select name from sites where id = $1`, [m.siteIds[0]])).rows[0].name;
  // An acknowledged excess entry on the C-4 line item.
  const e = await insertProduction(t.database.pool, {
    lineItemId: m.lineItems.c4,
    reportId: m.reportId,
    siteId: m.siteIds[0]!,
    date: m.days[8]!,
    layer: 'CMA',
    volume: '1',
    excess: '1',
  });
  await t.database.pool.query(
    `update production_entries set excess_ack_at = now(), excess_ack_by = $2, excess_ack_reason = 'Fuera de contrato' where id = $1`,
    [e, t.admin.userId],
  );
});
afterAll(() => t.close());

describe('PDF', () => {
  it('contains the cover, sign-offs, checklist, daily reports per site, production per site and layer with MXN/USD amounts, GPU links, excess and totals', async () => {
    const res = await t.admin.get(`/api/v1/monthly-reports/${m.reportId}/pack.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`carpeta_${m.folio}_2025-03_v1.pdf`);
    expect(createHash('sha256').update(res.rawPayload).digest('hex')).toBe(res.headers['x-content-sha256']);
    const text = pdfText(res.rawPayload);
    expect(text).toContain(`Reporte ${m.folio} - 3/2025`);
    expect(text).toContain('Carpeta mensual de Marzo 2025');
    expect(text).toContain('https://drive.google.com/drive/folders/abc');
    expect(text).toContain('Lista de verificación previa al cierre');
    expect(text).toContain('Reportes diarios completos');
    expect(text).toContain('Reportes diarios por sitio');
    expect(text).toContain(siteName);
    expect(text).toContain('01/03/2025');
    expect(text).toContain('Producción por sitio y capa');
    expect(text).toContain('TE (tiempo efectivo)');
    expect(text).toContain('CMA (costo mínimo aplicado)');
    // 2.5 × 1,250.50 = 3,126.25 MXN; 2.5 × 10.25 = 25.625 → 25.62 USD (half-even per line).
    expect(text).toContain('3,126.25');
    expect(text).toContain('25.62');
    expect(text).not.toContain('25.63');
    // CMA: 3 × 99.99 = 299.97; the excess entry (1, all excess) adds nothing billable.
    expect(text).toContain('299.97');
    expect(text).toContain('$3,426.22 MXN');
    expect(text).toContain('GPU (generadores) con evidencia');
    expect(text).toContain('https://drive.google.com/gpu/1');
    expect(text).toContain('Excedentes y reconocimientos');
    expect(text).toContain('Fuera de contrato');
  });
});

describe('XLSX', () => {
  it('has one sheet per section with every record and numeric amounts', async () => {
    const res = await t.admin.get(`/api/v1/monthly-reports/${m.reportId}/pack.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Portada',
      'Lista de verificación',
      'Reportes diarios',
      'Producción',
      'GPU',
      'Excedentes',
      'Totales',
    ]);
    expect(wb.getWorksheet('Reportes diarios')!.rowCount).toBe(1 + 31);
    const prod = wb.getWorksheet('Producción')!;
    const rows = prod.getSheetValues().slice(2) as unknown[][];
    const te = rows.find((r) => r[2] === 'TE')!;
    expect(te.slice(3, 5)).toEqual(['C-2', '2.1.']);
    expect(te[13]).toBe(3126.25);
    expect(te[14]).toBe(25.62);
    const gpu = wb.getWorksheet('GPU')!.getRow(2).getCell(8).value as { hyperlink: string };
    expect(gpu.hyperlink).toBe('https://drive.google.com/gpu/1');
    const totals = wb.getWorksheet('Totales')!;
    expect(totals.getRow(totals.rowCount).values).toEqual([undefined, 'Total', undefined, undefined, 1, 3426.22, 25.62]);
  });
});

describe('frozen at closure', () => {
  it('keeps the closed pack as version N with its SHA-256, downloadable after reopening', async () => {
    const manager = await t.userWithRole('gerente_operaciones');
    const billing = await t.userWithRole('administracion');
    const sup = await t.userWithRole('supervisor', { siteIds: m.siteIds });
    await manager.post(`/api/v1/monthly-reports/${m.reportId}/transitions`, { action: 'submit' });
    for (const [c, kind] of [
      [sup, 'supervisor_reviewed'],
      [manager, 'manager_validated'],
      [billing, 'administration_confirmed'],
    ] as const) {
      expect((await c.post(`/api/v1/monthly-reports/${m.reportId}/sign-offs`, { kind })).statusCode).toBe(200);
    }
    const closed = await billing.post(`/api/v1/monthly-reports/${m.reportId}/transitions`, { action: 'close' });
    expect(closed.statusCode).toBe(200);
    const v1 = closed.json().versions[0];
    const xlsx = await t.admin.get(`/api/v1/monthly-reports/${m.reportId}/versions/1/pack.xlsx`);
    expect(createHash('sha256').update(xlsx.rawPayload).digest('hex')).toBe(v1.xlsxSha256);
    const frozenText = pdfText((await t.admin.get(`/api/v1/monthly-reports/${m.reportId}/versions/1/pack.pdf`)).rawPayload);
    expect(frozenText).toContain('Cerrado');
    expect(frozenText).toContain('Gerente de operaciones (validado)');

    await t.admin.post(`/api/v1/monthly-reports/${m.reportId}/transitions`, { action: 'reopen', reason: 'Ajuste' });
    await t.database.pool.query(`update production_entries set volume = 5 where id = $1`, [m.entries.e2]);
    const pdfV1 = await t.admin.get(`/api/v1/monthly-reports/${m.reportId}/versions/1/pack.pdf`);
    expect(createHash('sha256').update(pdfV1.rawPayload).digest('hex')).toBe(v1.pdfSha256);
    const current = pdfText((await t.admin.get(`/api/v1/monthly-reports/${m.reportId}/pack.pdf`)).rawPayload);
    expect(current).toContain('versión 2');
    expect((await t.admin.get(`/api/v1/monthly-reports/${m.reportId}/versions/2/pack.pdf`)).statusCode).toBe(404);
  });
});
