/**
 * Builders for monthly-report tests: OTs and sites through the real API, then line items,
 * daily reports, production and GPU records inserted with SQL so these tests never depend on the
 * capture modules being finished. Defaults describe a month that passes every blocking checklist
 * item except the sign-offs.
 */
import type pg from 'pg';
import { buildSite, buildWorkOrder } from './builders';
import type { TestApp, TestClient } from './test-app';

let seq = 0;
const uniq = () => `${Date.now().toString(36)}${(++seq).toString(36)}`;

export interface MonthFixture {
  workOrderId: number;
  folio: string;
  siteIds: number[];
  siteNames: string[];
  year: number;
  month: number;
  days: string[];
}

export function monthDates(year: number, month: number): string[] {
  const n = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return Array.from({ length: n }, (_, i) => `${year}-${String(month).padStart(2, '0')}-${String(i + 1).padStart(2, '0')}`);
}

/** An OT whose validity window is exactly the month, with `sites` sites. */
export async function buildMonthOt(
  c: TestClient,
  opts: { year?: number; month?: number; sites?: number; folio?: string; siteIds?: number[] } = {},
): Promise<MonthFixture> {
  const year = opts.year ?? 2025;
  const month = opts.month ?? 3;
  const days = monthDates(year, month);
  const sites = opts.siteIds
    ? opts.siteIds.map((id) => ({ id, name: '' }))
    : await Promise.all(Array.from({ length: opts.sites ?? 1 }, (_, i) => buildSite(c, { name: `Plataforma ${uniq()}-${i}` })));
  const wo = await buildWorkOrder(c, {
    folio: opts.folio ?? `OTE-${uniq()}`,
    siteIds: sites.map((s) => s.id),
    plannedStart: days[0],
    plannedEnd: days[days.length - 1],
  });
  return { workOrderId: wo.id, folio: wo.folio, siteIds: sites.map((s) => s.id), siteNames: sites.map((s) => s.name), year, month, days };
}

export async function unitId(pool: pg.Pool): Promise<number> {
  const r = await pool.query<{ id: number }>(
    `insert into units (code, name) values ('M3', 'Metro cúbico') on conflict (code) do update set name = excluded.name returning id`,
  );
  return r.rows[0]!.id;
}

export async function ensureReport(pool: pg.Pool, familyId: number, year: number, month: number): Promise<number> {
  const r = await pool.query<{ id: number }>(
    `insert into monthly_reports (work_order_id, year, month) values ($1, $2, $3)
     on conflict (work_order_id, year, month) do update set updated_at = monthly_reports.updated_at returning id`,
    [familyId, year, month],
  );
  return r.rows[0]!.id;
}

export async function insertLineItem(
  pool: pg.Pool,
  o: {
    familyId: number;
    subAnnex?: string;
    code?: string;
    concept?: string;
    authorizedVolume?: string;
    puMxn?: string;
    puUsd?: string;
    active?: boolean;
  },
): Promise<number> {
  const code = o.code ?? `2.${++seq}.`;
  const concept = o.concept ?? `Concepto ${code}`;
  const r = await pool.query<{ id: number }>(
    `insert into line_items (family_id, sub_annex, code, concept, concept_norm, unit_id, authorized_volume, pu_mxn, pu_usd, active, sort_key)
     values ($1, $2, $3, $4, lower($4), $5, $6, $7, $8, $9, $10) returning id`,
    [
      o.familyId,
      o.subAnnex ?? 'C-4',
      code,
      concept,
      await unitId(pool),
      o.authorizedVolume ?? '1000',
      o.puMxn ?? '100.0000',
      o.puUsd ?? '0',
      o.active ?? true,
      `${o.subAnnex ?? 'C-4'}|${code.padStart(12, '0')}`,
    ],
  );
  return r.rows[0]!.id;
}

export async function insertDailyReports(
  pool: pg.Pool,
  o: {
    reportId: number;
    siteId: number;
    dates: string[];
    operationalStatus?: string;
    signatureStatus?: string;
    userId?: number | null;
    incident?: boolean;
    incidentUrl?: string | null;
  },
): Promise<void> {
  for (const date of o.dates) {
    await pool.query(
      `insert into daily_reports (monthly_report_id, site_id, date, operational_status, signature_status, created_by, updated_by, incident, incident_url)
       values ($1, $2, $3, $4, $5, $6, $6, $7, $8)
       on conflict (monthly_report_id, site_id, date) do update set operational_status = excluded.operational_status, signature_status = excluded.signature_status`,
      [
        o.reportId,
        o.siteId,
        date,
        o.operationalStatus ?? 'productivo',
        o.signatureStatus ?? 'firmado',
        o.userId ?? null,
        o.incident ?? false,
        o.incidentUrl ?? null,
      ],
    );
  }
}

export async function insertProduction(
  pool: pg.Pool,
  o: {
    lineItemId: number;
    reportId: number;
    siteId: number;
    date: string;
    layer?: 'TE' | 'CMA';
    volume?: string;
    excess?: string;
    userId?: number | null;
  },
): Promise<number> {
  const r = await pool.query<{ id: string }>(
    `insert into production_entries (line_item_id, monthly_report_id, site_id, date, layer, volume, excess_volume, created_by, updated_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $8) returning id`,
    [o.lineItemId, o.reportId, o.siteId, o.date, o.layer ?? 'TE', o.volume ?? '10', o.excess ?? '0', o.userId ?? null],
  );
  return Number(r.rows[0]!.id);
}

export async function insertGpu(
  pool: pg.Pool,
  o: { entryId: number; evidenceUrl?: string | null; status?: string; userId?: number | null },
): Promise<void> {
  await pool.query(`insert into gpu_records (production_entry_id, status, evidence_url, updated_by) values ($1, $2, $3, $4)`, [
    o.entryId,
    o.status ?? 'firmado',
    o.evidenceUrl === undefined ? 'https://drive.google.com/gpu/1' : o.evidenceUrl,
    o.userId ?? null,
  ]);
}

export async function setStatus(
  pool: pg.Pool,
  reportId: number,
  status: 'abierto' | 'en_revision' | 'cerrado' | 'facturado',
): Promise<void> {
  await pool.query(`update monthly_reports set status = $2 where id = $1`, [reportId, status]);
}

/**
 * A month that passes every blocking checklist item except the sign-offs: daily reports every
 * day at every site (Productivo, Firmado), one C-2 entry with GPU evidence, one C-4 entry, an
 * evidence URL. Captured by `capturerId`.
 */
export async function buildCompleteMonth(
  t: TestApp,
  opts: { capturerId?: number | null; sites?: number; year?: number; month?: number } = {},
) {
  const pool = t.database.pool;
  const ot = await buildMonthOt(t.admin, opts);
  const reportId = await ensureReport(pool, ot.workOrderId, ot.year, ot.month);
  for (const siteId of ot.siteIds) await insertDailyReports(pool, { reportId, siteId, dates: ot.days, userId: opts.capturerId ?? null });
  const c2 = await insertLineItem(pool, { familyId: ot.workOrderId, subAnnex: 'C-2', code: '2.1.', puMxn: '1250.5000', puUsd: '10.2500' });
  const c4 = await insertLineItem(pool, { familyId: ot.workOrderId, subAnnex: 'C-4', code: '4.1.', puMxn: '99.9900' });
  const e1 = await insertProduction(pool, {
    lineItemId: c2,
    reportId,
    siteId: ot.siteIds[0]!,
    date: ot.days[3]!,
    volume: '2.5',
    userId: opts.capturerId ?? null,
  });
  await insertGpu(pool, { entryId: e1, userId: opts.capturerId ?? null });
  const e2 = await insertProduction(pool, {
    lineItemId: c4,
    reportId,
    siteId: ot.siteIds[0]!,
    date: ot.days[4]!,
    layer: 'CMA',
    volume: '3',
    userId: opts.capturerId ?? null,
  });
  await pool.query(`update monthly_reports set evidence_url = 'https://drive.google.com/drive/folders/abc' where id = $1`, [reportId]);
  return { ...ot, reportId, lineItems: { c2, c4 }, entries: { e1, e2 } };
}
