/** SQL of an OT family's line items, their versions and planned volumes. */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import type { CurrentLineItem } from '../annex-imports/annex-diff';

const TS = (col: string) => sql.raw(`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** Every line item of the family (annex and ad-hoc), with its current values. */
export async function currentLineItems(db: DbOrTx, familyId: number, options: { forUpdate?: boolean } = {}): Promise<CurrentLineItem[]> {
  const r = await db.execute<CurrentLineItem>(sql`
    select li.id, li.sub_annex as "subAnnex", li.code, li.concept, li.concept_norm as "conceptNorm", li.unit_id as "unitId", u.code as "unitCode",
           li.authorized_volume::text as "authorizedVolume", li.pu_mxn::text as "puMxn", li.pu_usd::text as "puUsd",
           li.current_version_id as "currentVersionId"
    from line_items li join units u on u.id = li.unit_id
    where li.family_id = ${familyId}
    ${options.forUpdate ? sql`for update of li` : sql``}`);
  return r.rows;
}

export type LineItemRow = {
  id: number;
  familyId: number;
  subAnnex: string;
  code: string;
  concept: string;
  unitId: number;
  unitCode: string;
  authorizedVolume: string;
  puMxn: string;
  puUsd: string;
  origin: 'annex' | 'adhoc';
  versionNumber: number | null;
  catalogueItemId: number | null;
  plannedTotal: string;
};

const LINE_ITEM_COLUMNS = sql`
  li.id, li.family_id as "familyId", li.sub_annex as "subAnnex", li.code, li.concept, li.unit_id as "unitId", u.code as "unitCode",
  trim_scale(li.authorized_volume)::text as "authorizedVolume", trim_scale(li.pu_mxn)::text as "puMxn", trim_scale(li.pu_usd)::text as "puUsd",
  li.origin, av.number as "versionNumber", li.catalogue_item_id as "catalogueItemId",
  coalesce((select trim_scale(sum(pv.volume))::text from planned_volumes pv where pv.line_item_id = li.id), '0') as "plannedTotal"`;

const LINE_ITEM_FROM = sql`from line_items li join units u on u.id = li.unit_id left join annex_versions av on av.id = li.current_version_id`;

/** Natural order: sub-annex then code (the stored sort key), then concept. */
export async function listLineItems(db: DbOrTx, familyId: number): Promise<LineItemRow[]> {
  const r = await db.execute<LineItemRow>(sql`
    select ${LINE_ITEM_COLUMNS} ${LINE_ITEM_FROM}
    where li.family_id = ${familyId} and li.active
    order by li.sort_key collate "C", li.concept_norm collate "C", li.id`);
  return r.rows;
}

export async function findLineItem(db: DbOrTx, id: number): Promise<LineItemRow | undefined> {
  const r = await db.execute<LineItemRow>(sql`select ${LINE_ITEM_COLUMNS} ${LINE_ITEM_FROM} where li.id = ${id}`);
  return r.rows[0];
}

export type AnnexVersionRow = {
  id: number;
  number: number;
  workOrderId: number;
  workOrderFolio: string;
  fileName: string;
  sha256: string;
  capRule: 'replacement' | 'additional';
  counts: Record<string, number>;
  createdBy: string | null;
  createdAt: string;
};

export async function listAnnexVersions(db: DbOrTx, familyId: number): Promise<AnnexVersionRow[]> {
  const r = await db.execute<AnnexVersionRow>(sql`
    select av.id, av.number, av.work_order_id as "workOrderId",
           w.folio || case when w.reprogramming_number > 0 then ' R' || w.reprogramming_number else '' end as "workOrderFolio",
           av.file_name as "fileName", av.sha256, av.cap_rule as "capRule", av.counts, u.name as "createdBy", ${TS('av.created_at')} as "createdAt"
    from annex_versions av join work_orders w on w.id = av.work_order_id left join users u on u.id = av.created_by
    where av.family_id = ${familyId} order by av.number desc`);
  return r.rows;
}

export type LineItemHistoryRow = {
  versionId: number;
  versionNumber: number;
  workOrderFolio: string;
  fileName: string;
  capRule: 'replacement' | 'additional';
  createdAt: string;
  createdBy: string | null;
  statedVolume: string;
  capAfter: string;
  puMxn: string;
  puUsd: string;
  filePuMxn: string | null;
  filePuUsd: string | null;
  sheet: string | null;
  row: number | null;
};

export async function lineItemHistory(db: DbOrTx, lineItemId: number): Promise<LineItemHistoryRow[]> {
  const r = await db.execute<LineItemHistoryRow>(sql`
    select av.id as "versionId", av.number as "versionNumber",
           w.folio || case when w.reprogramming_number > 0 then ' R' || w.reprogramming_number else '' end as "workOrderFolio",
           av.file_name as "fileName", av.cap_rule as "capRule", ${TS('av.created_at')} as "createdAt", u.name as "createdBy",
           trim_scale(liv.stated_volume)::text as "statedVolume", trim_scale(liv.cap_after)::text as "capAfter",
           trim_scale(liv.pu_mxn)::text as "puMxn", trim_scale(liv.pu_usd)::text as "puUsd",
           trim_scale(liv.file_pu_mxn)::text as "filePuMxn", trim_scale(liv.file_pu_usd)::text as "filePuUsd",
           liv.sheet, liv.row_number as "row"
    from line_item_versions liv join annex_versions av on av.id = liv.annex_version_id
    join work_orders w on w.id = av.work_order_id left join users u on u.id = av.created_by
    where liv.line_item_id = ${lineItemId} order by av.number desc`);
  return r.rows;
}

/** Number of the family's newest annex version (0 when none). */
export async function latestVersionNumber(db: DbOrTx, familyId: number): Promise<number> {
  const r = await db.execute<{ n: number }>(
    sql`select coalesce(max(number), 0)::int as n from annex_versions where family_id = ${familyId}`,
  );
  return r.rows[0]?.n ?? 0;
}
