/**
 * Builders for production tests: line items of a family written straight into the database
 * (the annex import is built elsewhere; these tests must not depend on it), plus small helpers
 * to drive the grid API.
 */
import pg from 'pg';
import type { TestApp, TestClient } from './test-app';
import { buildSite, buildWorkOrder } from './builders';

/** Natural sort key for tests: sub-annex number then code parts, zero-padded. */
export function testSortKey(subAnnex: string, code: string): string {
  const pad = (s: string) => s.replace(/\d+/g, (d) => d.padStart(6, '0'));
  return `${pad(subAnnex)}|${pad(code)}`;
}

export interface LineItemSpec {
  subAnnex?: string;
  code?: string;
  concept?: string;
  cap?: string;
  puMxn?: string;
  puUsd?: string;
  origin?: 'annex' | 'adhoc';
}

let codeSeq = 0;

export async function buildLineItems(pool: pg.Pool, familyId: number, specs: LineItemSpec[]): Promise<number[]> {
  const unit = await pool.query<{ id: number }>(`select id from units order by id limit 1`);
  const ids: number[] = [];
  for (const s of specs) {
    const subAnnex = s.subAnnex ?? 'C-2';
    const code = s.code ?? `${(codeSeq = codeSeq + 1)}.1.`;
    const concept = s.concept ?? `CONCEPTO ${code}`;
    const r = await pool.query<{ id: number }>(
      `insert into line_items (family_id, sub_annex, code, concept, concept_norm, unit_id, authorized_volume, pu_mxn, pu_usd, origin, sort_key)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) returning id`,
      [
        familyId,
        subAnnex,
        code,
        concept,
        concept.toUpperCase(),
        unit.rows[0]!.id,
        s.cap ?? '100',
        s.puMxn ?? '10',
        s.puUsd ?? '0',
        s.origin ?? 'annex',
        testSortKey(subAnnex, code),
      ],
    );
    ids.push(r.rows[0]!.id);
  }
  return ids;
}

/** An OT (March–May 2025 by default) at one new site, with line items. */
export async function buildProductionFamily(
  t: TestApp,
  opts: { items?: LineItemSpec[]; workOrder?: Record<string, unknown>; sites?: number } = {},
) {
  const siteIds: number[] = [];
  for (let i = 0; i < (opts.sites ?? 1); i++) siteIds.push((await buildSite(t.admin)).id);
  const wo = await buildWorkOrder(t.admin, { siteIds, ...opts.workOrder });
  const lineItemIds = await buildLineItems(
    t.database.pool,
    wo.familyId,
    opts.items ?? [{ subAnnex: 'C-2' }, { subAnnex: 'C-3' }, { subAnnex: 'C-4' }],
  );
  return { workOrderId: wo.id, familyId: wo.familyId, folio: wo.folio, siteId: siteIds[0]!, siteIds, lineItemIds };
}

export interface GridRef {
  workOrderId: number;
  siteId: number;
  year: number;
  month: number;
  layer?: 'TE' | 'CMA';
}

export async function getGrid(c: TestClient, g: GridRef) {
  return c.get(
    `/api/v1/production/grid?workOrderId=${g.workOrderId}&siteId=${g.siteId}&year=${g.year}&month=${g.month}&layer=${g.layer ?? 'TE'}`,
  );
}

export async function saveCells(
  c: TestClient,
  g: GridRef,
  cells: { lineItemId: number; date: string; volume: unknown; previous?: unknown }[],
  baseRevision = 0,
) {
  return c.put('/api/v1/production/grid', {
    workOrderId: g.workOrderId,
    siteId: g.siteId,
    year: g.year,
    month: g.month,
    layer: g.layer ?? 'TE',
    baseRevision,
    cells,
  });
}

/** All production rows of a family, for "nothing changed" assertions. */
export async function productionSnapshot(pool: pg.Pool, familyId: number) {
  const r = await pool.query(
    `select p.line_item_id, p.date::text, p.site_id, p.layer, p.volume::text, p.excess_volume::text, p.revision::text
     from production_entries p join line_items l on l.id = p.line_item_id where l.family_id = $1 order by 1,2,3,4`,
    [familyId],
  );
  return r.rows;
}
