/**
 * Applies a previewed catalogue import in one transaction: get-or-create the contract and its
 * sub-annexes, insert new items, update changed ones (set-based statements, no per-row round
 * trips), leave unchanged ones untouched (re-importing the same file writes no item), audit.
 */
import { sql } from 'drizzle-orm';
import { conflict, importHasErrors } from '../../../../domain/errors';
import type { Ctx } from '../../../context';
import type { Db, Tx } from '../../../db/database';
import { missing } from '../../../fail';
import { ensure } from '../../../policy';
import { recordAudit, recordAuditMany, type AuditInput } from '../../audit/record-audit';
import { loadCatalogue, unitIdsByCode } from '../catalogue.repository';
import { findCatalogueJob } from '../catalogue-jobs.repository';
import { diffCatalogue, identityKey, type CatalogueRow } from '../catalogue-rows';

export interface CommitCatalogueResult {
  contractId: number;
  created: number;
  changed: number;
  unchanged: number;
}

async function getOrCreateContract(tx: Tx, number: string): Promise<{ id: number; created: boolean }> {
  const inserted = await tx.execute<{ id: number }>(
    sql`insert into contracts (number) values (${number}) on conflict (number) do nothing returning id`,
  );
  if (inserted.rows[0]) return { id: inserted.rows[0].id, created: true };
  const found = await tx.execute<{ id: number }>(sql`select id from contracts where number = ${number}`);
  return { id: found.rows[0]!.id, created: false };
}

async function subAnnexIds(tx: Tx, contractId: number, labels: string[]): Promise<Map<string, number>> {
  await tx.execute(sql`
    insert into sub_annexes (contract_id, label)
    select ${contractId}, x from jsonb_array_elements_text(${JSON.stringify(labels)}::jsonb) as x
    on conflict (contract_id, label) do nothing`);
  const r = await tx.execute<{ id: number; label: string }>(sql`select id, label from sub_annexes where contract_id = ${contractId}`);
  return new Map(r.rows.map((s) => [s.label, s.id]));
}

function record(row: CatalogueRow, subAnnexes: Map<string, number>, units: Map<string, number>, id?: number) {
  return {
    id: id ?? null,
    sub_annex_id: subAnnexes.get(row.subAnnex),
    code: row.code,
    extra_code: row.extraCode,
    concept: row.concept,
    concept_norm: row.conceptNorm,
    unit_id: units.get(row.unit),
    reference_qty: row.referenceQty,
    pu_mxn: row.puMxn,
    pu_usd: row.puUsd,
    kind: row.kind,
    pue_status: row.pueStatus,
    sanction_date: row.sanctionDate,
    origin_pte: row.originPte,
    origin_ot: row.originOt,
  };
}

const RECORDSET = sql.raw(`x(id int, sub_annex_id int, code text, extra_code text, concept text, concept_norm text, unit_id int,
  reference_qty numeric, pu_mxn numeric, pu_usd numeric, kind catalogue_item_kind, pue_status text, sanction_date date, origin_pte text, origin_ot text)`);

const auditView = (r: CatalogueRow) => ({
  subAnnex: r.subAnnex,
  code: r.code,
  extraCode: r.extraCode,
  concept: r.concept,
  unit: r.unit,
  referenceQty: r.referenceQty,
  puMxn: r.puMxn,
  puUsd: r.puUsd,
  pueStatus: r.pueStatus,
  sanctionDate: r.sanctionDate,
  originPte: r.originPte,
  originOt: r.originOt,
});

export async function commitCatalogueImport(db: Db, ctx: Ctx, jobId: number): Promise<CommitCatalogueResult> {
  ensure(ctx.actor, 'contractCatalogue.write');
  return db.transaction(async (tx) => {
    const job = await findCatalogueJob(tx, jobId, { forUpdate: true });
    if (!job) throw missing(`La importación ${jobId}`);
    if (job.status !== 'preview')
      throw conflict('Esta importación ya se aplicó o se descartó; suba el archivo de nuevo.', { status: job.status });
    if (job.errorCount > 0) throw importHasErrors(job.errorCount, { importId: jobId });
    const { format, contractNumber, rows } = job.preview;

    const contract = await getOrCreateContract(tx, contractNumber);
    // One catalogue import of a contract at a time: the diff below must see the latest state.
    await tx.execute(sql`select id from contracts where id = ${contract.id} for update`);
    const subAnnexes = await subAnnexIds(tx, contract.id, [...new Set(rows.map((r) => r.subAnnex))]);
    const units = await unitIdsByCode(tx);
    const diff = diffCatalogue(format, rows, await loadCatalogue(tx, contract.id));

    if (diff.changed.length) {
      const json = JSON.stringify(diff.changed.map((c) => record(c.row, subAnnexes, units, c.existing.id)));
      await tx.execute(sql`
        update catalogue_items c set sub_annex_id = x.sub_annex_id, code = x.code, extra_code = x.extra_code, concept = x.concept,
          concept_norm = x.concept_norm, unit_id = x.unit_id, reference_qty = x.reference_qty, pu_mxn = x.pu_mxn, pu_usd = x.pu_usd,
          kind = x.kind, pue_status = x.pue_status, sanction_date = x.sanction_date, origin_pte = x.origin_pte, origin_ot = x.origin_ot,
          updated_at = now()
        from jsonb_to_recordset(${json}::jsonb) as ${RECORDSET}
        where c.id = x.id`);
    }
    const createdIds = new Map<string, number>();
    if (diff.created.length) {
      const json = JSON.stringify(diff.created.map((r) => record(r, subAnnexes, units)));
      const inserted = await tx.execute<{ id: number; label: string; code: string; conceptNorm: string; unit: string }>(sql`
        with ins as (
          insert into catalogue_items (contract_id, sub_annex_id, code, extra_code, concept, concept_norm, unit_id, reference_qty,
                                       pu_mxn, pu_usd, kind, pue_status, sanction_date, origin_pte, origin_ot)
          select ${contract.id}, x.sub_annex_id, x.code, x.extra_code, x.concept, x.concept_norm, x.unit_id, x.reference_qty,
                 x.pu_mxn, x.pu_usd, x.kind, x.pue_status, x.sanction_date, x.origin_pte, x.origin_ot
          from jsonb_to_recordset(${json}::jsonb) as ${RECORDSET}
          returning id, sub_annex_id, code, concept_norm, unit_id)
        select ins.id, sa.label, ins.code, ins.concept_norm as "conceptNorm", u.code as unit
        from ins join sub_annexes sa on sa.id = ins.sub_annex_id join units u on u.id = ins.unit_id`);
      for (const r of inserted.rows)
        createdIds.set(identityKey({ subAnnex: r.label, code: r.code, conceptNorm: r.conceptNorm, unit: r.unit }), r.id);
    }

    await recordAudit(tx, ctx, {
      entity: 'catalogue_import',
      entityId: jobId,
      action: 'commit',
      changes: {
        contract: { before: null, after: contractNumber },
        format: { before: null, after: format },
        counts: { before: null, after: { created: diff.created.length, changed: diff.changed.length, unchanged: diff.unchanged } },
      },
    });
    const entries: AuditInput[] = [
      ...diff.created.map((r) => ({
        entity: 'catalogue_item',
        entityId: createdIds.get(identityKey(r)) ?? 0,
        action: 'create',
        before: null,
        after: auditView(r),
      })),
      ...diff.changed.map((c) => ({
        entity: 'catalogue_item',
        entityId: c.existing.id,
        action: 'update',
        before: Object.fromEntries(
          c.fields.map((f) => [f, f === 'unit' ? c.existing.unitCode : (c.existing as unknown as Record<string, unknown>)[f]]),
        ),
        after: Object.fromEntries(c.fields.map((f) => [f, (c.row as unknown as Record<string, unknown>)[f]])),
      })),
    ];
    await recordAuditMany(tx, ctx, entries);
    await tx.execute(sql`
      update import_jobs set status = 'committed', contract_id = ${contract.id}, committed_by = ${ctx.actor.id}, committed_at = now()
      where id = ${jobId}`);
    return { contractId: contract.id, created: diff.created.length, changed: diff.changed.length, unchanged: diff.unchanged };
  });
}
