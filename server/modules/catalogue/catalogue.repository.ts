/** SQL of the contract catalogue: contracts, sub-annexes, catalogue items. */
import { sql, type SQL } from 'drizzle-orm';
import type { CatalogueItemsQuery } from '../../../contracts/catalogue';
import type { DbOrTx } from '../../db/database';

export type ContractRow = {
  id: number;
  number: string;
  description: string;
};

export async function findContractByNumber(db: DbOrTx, number: string): Promise<ContractRow | undefined> {
  const r = await db.execute<ContractRow>(sql`select id, number, description from contracts where number = ${number}`);
  return r.rows[0];
}

export async function listContracts(db: DbOrTx): Promise<ContractRow[]> {
  const r = await db.execute<ContractRow>(sql`select id, number, description from contracts where active order by number`);
  return r.rows;
}

/** Unit id per canonical code. */
export async function unitIdsByCode(db: DbOrTx): Promise<Map<string, number>> {
  const r = await db.execute<{ id: number; code: string }>(sql`select id, code from units`);
  return new Map(r.rows.map((u) => [u.code, u.id]));
}

/** What a catalogue item is compared on (preview diff) and matched on (annex import). */
export type StoredCatalogueItem = {
  id: number;
  subAnnex: string;
  code: string;
  extraCode: string | null;
  concept: string;
  conceptNorm: string;
  unitId: number;
  unitCode: string;
  referenceQty: string;
  puMxn: string;
  puUsd: string;
  pueStatus: string | null;
  sanctionDate: string | null;
  originPte: string | null;
  originOt: string | null;
};

export async function loadCatalogue(db: DbOrTx, contractId: number): Promise<StoredCatalogueItem[]> {
  const r = await db.execute<StoredCatalogueItem>(sql`
    select ci.id, sa.label as "subAnnex", ci.code, ci.extra_code as "extraCode", ci.concept, ci.concept_norm as "conceptNorm",
           ci.unit_id as "unitId", u.code as "unitCode", ci.reference_qty::text as "referenceQty",
           ci.pu_mxn::text as "puMxn", ci.pu_usd::text as "puUsd", ci.pue_status as "pueStatus",
           ci.sanction_date as "sanctionDate", ci.origin_pte as "originPte", ci.origin_ot as "originOt"
    from catalogue_items ci join sub_annexes sa on sa.id = ci.sub_annex_id join units u on u.id = ci.unit_id
    where ci.contract_id = ${contractId} and ci.active`);
  return r.rows;
}

export type CatalogueItemRow = {
  id: number;
  contractId: number;
  contractNumber: string;
  subAnnex: string;
  code: string;
  extraCode: string | null;
  concept: string;
  unitId: number;
  unitCode: string;
  referenceQty: string;
  puMxn: string;
  puUsd: string;
  kind: 'ordinary' | 'extraordinary';
  pueStatus: string | null;
  sanctionDate: string | null;
  originPte: string | null;
  originOt: string | null;
  active: boolean;
};

const ITEM_COLUMNS = sql`
  ci.id, ci.contract_id as "contractId", c.number as "contractNumber", sa.label as "subAnnex", ci.code, ci.extra_code as "extraCode",
  ci.concept, ci.unit_id as "unitId", u.code as "unitCode", trim_scale(ci.reference_qty)::text as "referenceQty",
  trim_scale(ci.pu_mxn)::text as "puMxn", trim_scale(ci.pu_usd)::text as "puUsd", ci.kind, ci.pue_status as "pueStatus",
  ci.sanction_date as "sanctionDate", ci.origin_pte as "originPte", ci.origin_ot as "originOt", ci.active`;

const ITEM_FROM = sql`from catalogue_items ci join contracts c on c.id = ci.contract_id join sub_annexes sa on sa.id = ci.sub_annex_id join units u on u.id = ci.unit_id`;

function itemFilter(q: Omit<CatalogueItemsQuery, 'limit' | 'offset'>): SQL {
  const conditions: SQL[] = [sql`ci.active`];
  if (q.contractId) conditions.push(sql`ci.contract_id = ${q.contractId}`);
  if (q.subAnnex) conditions.push(sql`sa.label = ${q.subAnnex}`);
  if (q.kind) conditions.push(sql`ci.kind = ${q.kind}`);
  if (q.status === 'none') conditions.push(sql`ci.pue_status is null`);
  else if (q.status) conditions.push(sql`ci.pue_status = ${q.status}`);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    conditions.push(
      sql`(ci.code ilike ${like} or ci.extra_code ilike ${like} or ci.concept ilike ${like} or ci.concept_norm ilike ${like})`,
    );
  }
  return sql.join(conditions, sql` and `);
}

/**
 * Natural order (sub-annex, then code) is computed in SQL with a sortable key: numbers padded so
 * `C-2` < `C-10` and `2.9.` < `2.10.` (the same order as domain/catalogue compareCodes for the
 * codes the contract uses).
 */
const NATURAL_ORDER = sql`
  (select string_agg(case when m[1] ~ '^\\d' then lpad(m[1], 8, '0') else m[1] end, '' order by ord)
     from regexp_matches(sa.label, '(\\d+|\\D+)', 'g') with ordinality as t(m, ord)),
  (select string_agg(case when m[1] ~ '^\\d' then lpad(m[1], 8, '0') else m[1] end, '' order by ord)
     from regexp_matches(ci.code, '(\\d+|\\D+)', 'g') with ordinality as t(m, ord)),
  ci.concept_norm, ci.id`;

export async function listCatalogueItems(db: DbOrTx, q: CatalogueItemsQuery): Promise<{ items: CatalogueItemRow[]; total: number }> {
  const where = itemFilter(q);
  const items = await db.execute<CatalogueItemRow>(
    sql`select ${ITEM_COLUMNS} ${ITEM_FROM} where ${where} order by ci.contract_id, ${NATURAL_ORDER} limit ${q.limit} offset ${q.offset}`,
  );
  const total = await db.execute<{ n: number }>(sql`select count(*)::int as n ${ITEM_FROM} where ${where}`);
  return { items: items.rows, total: total.rows[0]?.n ?? 0 };
}

export async function findCatalogueItem(db: DbOrTx, id: number): Promise<CatalogueItemRow | undefined> {
  const r = await db.execute<CatalogueItemRow>(sql`select ${ITEM_COLUMNS} ${ITEM_FROM} where ci.id = ${id}`);
  return r.rows[0];
}

export async function contractSummaries(
  db: DbOrTx,
): Promise<{ id: number; number: string; description: string; itemCount: number; subAnnexes: { label: string; itemCount: number }[] }[]> {
  const r = await db.execute<{
    id: number;
    number: string;
    description: string;
    itemCount: number;
    subAnnexes: { label: string; itemCount: number }[];
  }>(sql`
    select c.id, c.number, c.description,
      (select count(*)::int from catalogue_items ci where ci.contract_id = c.id and ci.active) as "itemCount",
      coalesce((select json_agg(json_build_object('label', sa.label, 'itemCount',
                  (select count(*)::int from catalogue_items ci where ci.sub_annex_id = sa.id and ci.active)))
                from sub_annexes sa where sa.contract_id = c.id), '[]'::json) as "subAnnexes"
    from contracts c where c.active order by c.number`);
  return r.rows;
}
