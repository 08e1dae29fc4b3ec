/**
 * Saves a production grid (spec §3.4) in ONE transaction:
 * validate every cell → find the cells that really change → lock the month, the saved days and the
 * touched line items (lockForSave) → refuse closed months, outside-window and signed days → optimistic-concurrency check
 * against fresh values → recompute excess with the domain engine → write inserts, updates, deletes
 * and excess changes set-based → keep GPU records → one audit entry with every changed cell (before/after).
 */
import { sql } from 'drizzle-orm';
import { staleGrid, daySigned, gpuHasEvidence, DomainError } from '../../../../domain/errors';
import { lastDayOfMonth, firstDayOfMonth } from '../../../../domain/dates';
import { parseVolume, NUMBER_PARSE_ERROR_MESSAGES } from '../../../../domain/money';
import { requiresGpu } from '../../../../domain/gpu';
import type { LineItemExcessEntry } from '../../../../domain/excess';
import type { SaveGridBody, SaveGridResponse } from '../../../../contracts/production';
import type { Ctx } from '../../../context';
import type { Db } from '../../../db/database';
import { invalid } from '../../../fail';
import { assertInWindow, ensureCanWrite, familyContext, familySite } from '../family-site';
import { lockForSave } from '../lock-for-save';
import { assertWritable } from '../../monthly-reports/period-lock';
import {
  auditGridSaveQuery,
  gridAuditCte,
  canon,
  CURRENT_REVISION,
  deleteEntriesQueries,
  entriesAndBeforeQuery,
  gpuEvidenceOf,
  insertEntriesQuery,
  parseEntriesAndBefore,
  parseSaveStart,
  saveStartQuery,
  updateVolumesQuery,
  type StoredEntry,
} from '../production.repository';
import { batchedTransaction } from '../../../db/batched-transaction';
import { prepared } from '../../../db/prepared';
import { excessAfterChanges } from '../recompute-excess';
import { figuresFromEntries, kpisOf } from '../grid-figures';

interface ParsedCell {
  index: number;
  lineItemId: number;
  date: string;
  /** {@link cellKey} of (lineItemId, date). */
  key: number;
  volume: string;
  previous: string | undefined;
}

const MAX_ISSUES = 50;

/** Saves of at most this many line items take their locks in their first statement (saveStart). */
const EARLY_LOCK_MAX_LINE_ITEMS = 200;

/**
 * A cell of one grid (line item × day of the month) as a number: lineItemId × 32 + day. Numbers
 * instead of `"id|date"` strings keep a 93,000-cell save from allocating a string per cell.
 */
export const cellKey = (lineItemId: number, isoDate: string): number => lineItemId * 32 + Number(isoDate.slice(8, 10));
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const PLAIN_VOLUME = /^\d{1,12}(?:\.\d{1,6})?$/;

/** Canonical text of a plain volume without decimal.js (the common case of a 93,000-cell save). */
function plainCanonical(text: string): string {
  let t = text.replace(/^0+(?=\d)/, '');
  if (t.includes('.')) t = t.replace(/0+$/, '').replace(/\.$/, '');
  return t;
}

export function parseCellVolume(v: string | number | null | undefined): ReturnType<typeof parseVolume> {
  // An empty cell (null, blank) means 0: the entry is deleted.
  if (v === null || v === undefined || v === 0 || v === '0' || (typeof v === 'string' && v.trim() === ''))
    return { ok: true, value: '0' } as ReturnType<typeof parseVolume>;
  const text = typeof v === 'string' ? v.trim() : Number.isFinite(v) ? String(v) : '';
  if (PLAIN_VOLUME.test(text)) return { ok: true, value: plainCanonical(text) } as ReturnType<typeof parseVolume>;
  return parseVolume(typeof v === 'string' ? v.trim() : v);
}

/** Pure validation of the payload (numbers, dates in the month, duplicates). */
export function parseCells(input: SaveGridBody): ParsedCell[] {
  const first = firstDayOfMonth(input.year, input.month);
  const last = lastDayOfMonth(input.year, input.month);
  const issues: { path: string; message: string; code: string }[] = [];
  const seen = new Set<number>();
  const cells: ParsedCell[] = [];
  input.cells.forEach((c, index) => {
    if (issues.length >= MAX_ISSUES) return;
    const vol = parseCellVolume(c.volume);
    if (!vol.ok) {
      issues.push({
        path: `cells.${index}.volume`,
        code: vol.error,
        message: `Celda ${index + 1}: ${NUMBER_PARSE_ERROR_MESSAGES[vol.error].es} (máximo 6 decimales, sin negativos)`,
      });
      return;
    }
    let previous: string | undefined;
    if (c.previous !== undefined) {
      const p = parseCellVolume(c.previous);
      if (!p.ok) {
        issues.push({ path: `cells.${index}.previous`, code: p.error, message: `Celda ${index + 1}: valor anterior inválido` });
        return;
      }
      previous = p.value;
    }
    // A well-formed date between the month's first and last day is a real day of that month.
    if (!ISO_DATE.test(c.date) || c.date < first || c.date > last) {
      issues.push({
        path: `cells.${index}.date`,
        code: 'not_in_month',
        message: `Celda ${index + 1}: la fecha ${c.date} no pertenece a ${input.month}/${input.year}`,
      });
      return;
    }
    const key = cellKey(c.lineItemId, c.date);
    if (seen.has(key)) {
      issues.push({
        path: `cells.${index}`,
        code: 'duplicate',
        message: `Celda ${index + 1}: la partida ${c.lineItemId} del ${c.date} viene repetida`,
      });
      return;
    }
    seen.add(key);
    cells.push({ index, lineItemId: c.lineItemId, date: c.date, key, volume: vol.value, previous });
  });
  if (issues.length) throw invalid(issues);
  return cells;
}

/**
 * A small save reads a few hundred rows by index: starting parallel workers (~10 ms each on this
 * machine kind) cost more than the scan they share (measured: S2b's entry read 64 ms with 2
 * workers, S2b p50 70 → 43 ms without). Large saves keep them.
 */
const NO_PARALLEL_WORKERS = sql`set local max_parallel_workers_per_gather = 0`;

/**
 * The entries read's generic plan (index on line item and date, whatever the values) is the plan
 * its custom plans choose, but its estimate for an array parameter is 10× theirs, so the planner
 * would keep re-planning it every time: forced, for that statement only.
 */
const GENERIC_PLANS = sql`set local plan_cache_mode = force_generic_plan`;
const DEFAULT_PLANS = sql`set local plan_cache_mode to default`;

type Op = { kind: 'insert' | 'update' | 'delete'; cell: ParsedCell; stored: StoredEntry | undefined };

export async function saveGrid(db: Db, ctx: Ctx, input: SaveGridBody): Promise<SaveGridResponse> {
  const cells = parseCells(input);
  const { layer, siteId, year, month } = input;
  const monthStart = firstDayOfMonth(year, month);
  const monthEnd = lastDayOfMonth(year, month);
  const submitted = [...new Set(cells.map((c) => c.lineItemId))];
  const lockEarly = submitted.length <= EARLY_LOCK_MAX_LINE_ITEMS;

  // Round trip 1 (with BEGIN): the family, the report (never created here: a save that changes
  // nothing must not create the month's report), line items, stored cells and the current
  // revision; a small save also takes its locks in that statement and reads, in the next one (a
  // new snapshot, after the locks), the entries the excess engine needs. A large save locks only
  // what really changes, below.
  // A small save's reads are prepared statements (parsed once per connection, planned once their
  // generic plan is as cheap): they run hundreds of times a second with a few values each.
  const startQuery = saveStartQuery(
    { workOrderId: input.workOrderId, year, month, siteId, layer, from: monthStart, to: monthEnd },
    submitted,
    lockEarly ? { dates: [...new Set(cells.map((c) => c.date))] } : undefined,
  );
  const first = lockEarly
    ? [
        NO_PARALLEL_WORKERS,
        prepared(startQuery),
        GENERIC_PLANS,
        prepared(entriesAndBeforeQuery(submitted, monthStart, year, month)),
        DEFAULT_PLANS,
      ]
    : [startQuery];
  return batchedTransaction(db, first, async (results1, batch) => {
    const [startResult, earlyEntries] = lockEarly ? [results1[1], results1[3]] : results1;
    const tx = batch.tx;
    const start = parseSaveStart(startResult!.rows[0] as Parameters<typeof parseSaveStart>[0], lockEarly);
    const fs = familySite(familyContext(input.workOrderId, start.members), siteId);
    ensureCanWrite(ctx.actor, fs);
    const reportId = start.reportId;
    const items = new Map(start.items.map((li) => [li.id, li]));
    const unknown = cells.filter((c) => !items.has(c.lineItemId)).slice(0, MAX_ISSUES);
    if (unknown.length) {
      throw invalid(
        unknown.map((c) => ({
          path: `cells.${c.index}.lineItemId`,
          code: 'unknown_line_item',
          message: `La partida ${c.lineItemId} no pertenece a la OT ${fs.initial.folio}`,
        })),
      );
    }

    const stored0 = start.stored;
    const intended = cells.filter((c) => (c.previous !== undefined ? c.volume !== c.previous : c.volume !== (stored0.get(c.key) ?? '0')));
    let unchanged = cells.length - intended.length;

    if (!intended.length) {
      return {
        revision: start.revision,
        inserted: 0,
        updated: 0,
        deleted: 0,
        unchanged,
        excessChanged: 0,
        gpuCreated: 0,
        gpuDeleted: 0,
        rows: [],
        ...(input.withKpis
          ? { kpis: await kpisOf(tx, { familyId: fs.familyId, monthlyReportId: reportId, siteId, layer, year, month }) }
          : {}),
      };
    }

    const touched = [...new Set(intended.map((c) => c.lineItemId))].sort((a, b) => a - b);
    // Refusals keep their precedence: a closed month, then the window, then signed days.
    const periodRef = { familyId: fs.familyId, year, month };
    let period: { monthlyReportId: number; signed: Set<string> };
    if (start.locked && reportId !== null) {
      assertWritable(ctx.actor, periodRef, start.locked.status);
      period = { monthlyReportId: reportId, signed: start.locked.signed };
    } else {
      period = await lockForSave(tx, ctx.actor, periodRef, { siteId, dates: [...new Set(intended.map((c) => c.date))] }, touched);
    }
    for (const c of intended) assertInWindow(fs, c.date);
    const signed = period.signed;
    const onSigned = intended.find((c) => signed.has(c.date));
    if (onSigned) throw daySigned({ siteId, date: onSigned.date });

    // Read after the line-item locks (in round trip 1 for a small save, which locked every
    // submitted line item first): every save of these line items committed before us is seen.
    const touchedSet = new Set(touched);
    const { entries, before } = earlyEntries
      ? parseEntriesAndBefore((earlyEntries.rows as StoredEntry[]).filter((e) => touchedSet.has(e.lineItemId)))
      : parseEntriesAndBefore((await tx.execute<StoredEntry>(entriesAndBeforeQuery(touched, monthStart, year, month))).rows);
    const byCell = new Map<number, StoredEntry>();
    // `entries` runs past the month (the excess engine needs the later ones); cells are this month's.
    for (const e of entries)
      if (e.siteId === siteId && e.layer === layer && e.date <= monthEnd) byCell.set(cellKey(e.lineItemId, e.date), e);

    const stale: { lineItemId: number; siteId: number; date: string; layer: string; current: string | null; revision: number | null }[] =
      [];
    const ops: Op[] = [];
    for (const c of intended) {
      const stored = byCell.get(c.key);
      const current = stored ? canon(stored.volume) : '0';
      if (current === c.volume) {
        unchanged++;
        continue;
      }
      const conflict = c.previous !== undefined ? current !== c.previous : stored !== undefined && stored.revision > input.baseRevision;
      if (conflict) {
        stale.push({
          lineItemId: c.lineItemId,
          siteId,
          date: c.date,
          layer,
          current: stored ? current : null,
          revision: stored?.revision ?? null,
        });
        continue;
      }
      ops.push({ kind: !stored ? 'insert' : c.volume === '0' ? 'delete' : 'update', cell: c, stored });
    }
    if (stale.length) {
      const e = staleGrid(stale);
      throw new DomainError('stale_grid', {
        message: `Otra persona modificó ${stale.length === 1 ? '1 celda' : `${stale.length} celdas`} después de que usted cargó la sábana; recargue y vuelva a capturar.`,
        details: { ...e.details, cells: stale },
      });
    }

    const deletes = ops.filter((o) => o.kind === 'delete');
    const evidence = await gpuEvidenceOf(
      tx,
      deletes.map((o) => o.stored!.id),
    );
    const withEvidence = evidence.find((g) => g.hasEvidence);
    if (withEvidence) throw gpuHasEvidence(withEvidence.entryId);

    // The engine runs over the entries as they will be after this save.
    const deletedIds = new Set(deletes.map((o) => o.stored!.id));
    const newVolume = new Map<number, string>();
    for (const o of ops) if (o.kind === 'update') newVolume.set(o.stored!.id, o.cell.volume);
    const walk: LineItemExcessEntry[] = [];
    for (const e of entries) {
      if (deletedIds.has(e.id)) continue;
      walk.push({
        id: e.id,
        lineItemId: e.lineItemId,
        date: e.date,
        layer: e.layer,
        siteId: e.siteId,
        volume: newVolume.get(e.id) ?? canon(e.volume),
      });
    }
    const inserts = ops.filter((o) => o.kind === 'insert');
    for (const o of inserts)
      walk.push({
        id: -o.cell.key, // not stored yet: a negative id (a cell has one entry, so ids never break a tie)
        lineItemId: o.cell.lineItemId,
        date: o.cell.date,
        layer,
        siteId,
        volume: o.cell.volume,
      });
    const capMap = new Map(touched.map((id) => [id, items.get(id)!.cap]));
    const excess = excessAfterChanges(walk, capMap, before);

    const userId = ctx.actor.id;
    const updates = ops.filter((o) => o.kind === 'update');
    const excessIds: number[] = [];
    const excessValues: string[] = [];
    for (const e of entries) {
      if (deletedIds.has(e.id) || newVolume.has(e.id)) continue;
      const next = excess.get(e.id) ?? '0';
      if (canon(e.excess) !== next) {
        excessIds.push(e.id);
        excessValues.push(next);
      }
    }
    // Every changed cell, before → after, in one audit entry (built as text: ~28,000 cells at most),
    // written by the save's last statement.
    const changes: string[] = [];
    for (const o of ops) {
      const before = o.stored ? `"${canon(o.stored.volume)}"` : 'null';
      const after = o.kind === 'delete' ? 'null' : `"${o.cell.volume}"`;
      changes.push(`"${o.cell.lineItemId}|${o.cell.date}":{"before":${before},"after":${after}}`);
    }
    const audit = gridAuditCte(
      {
        actorId: userId,
        actorLabel: ctx.actor.id === null ? ctx.actor.name : `${ctx.actor.name} <${ctx.actor.email}>`,
        via: ctx.via,
        requestId: ctx.requestId ?? null,
        workOrderId: fs.familyId,
      },
      { siteId, layer, year, month },
      `{${changes.join(',')}}`,
    );
    const last = excessIds.length ? 'excess' : inserts.length ? 'insert' : updates.length ? 'update' : 'excess';

    // Round trip 2 (with COMMIT, unless KPIs are asked for): deletes, updates, inserts with their
    // GPU records, excess-only changes; the audit entry rides on the last of them.
    const writes = deleteEntriesQueries([...deletedIds]);
    const gpuDeleteIndex = writes.length ? 0 : -1;
    const updateIndex = updates.length ? writes.length : -1;
    if (updates.length)
      writes.push(
        updateVolumesQuery(
          userId,
          {
            ids: updates.map((o) => o.stored!.id),
            volumes: updates.map((o) => o.cell.volume),
            excess: updates.map((o) => excess.get(o.stored!.id) ?? '0'),
          },
          last === 'update' ? audit : undefined,
        ),
      );
    const insertIndex = inserts.length ? writes.length : -1;
    if (inserts.length)
      writes.push(
        insertEntriesQuery(
          { monthlyReportId: period.monthlyReportId, siteId, layer, userId },
          {
            lineItemIds: inserts.map((o) => o.cell.lineItemId),
            dates: inserts.map((o) => o.cell.date),
            volumes: inserts.map((o) => o.cell.volume),
            excess: inserts.map((o) => excess.get(-o.cell.key) ?? '0'),
          },
          touched.filter((id) => requiresGpu(items.get(id)!.subAnnex, '1')),
          last === 'insert' ? audit : undefined,
        ),
      );
    if (last === 'excess') writes.push(auditGridSaveQuery(audit, { ids: excessIds, values: excessValues }));
    // A save of deletes only hands out no revision: it answers the newest one.
    const revisionIndex = updates.length || inserts.length ? -1 : writes.length;
    if (revisionIndex >= 0) writes.push(CURRENT_REVISION);
    // A small save's writes are prepared too (their plans do not depend on how many cells).
    const statements = lockEarly ? writes.map(prepared) : writes;
    const results = input.withKpis ? await batch.run(statements) : await batch.commit(statements);
    const gpuDeleted = gpuDeleteIndex >= 0 ? (results[gpuDeleteIndex]!.rowCount ?? 0) : 0;
    const updatedRevision = updateIndex >= 0 ? ((results[updateIndex]!.rows[0] as { revision: number | null }).revision ?? 0) : 0;
    const insertedRow =
      insertIndex >= 0 ? (results[insertIndex]!.rows[0] as { inserted: number; revision: number | null; gpu: number }) : null;
    const inserted = insertedRow?.inserted ?? 0;
    const insertedRevision = insertedRow?.revision ?? 0;
    const gpuCreated = insertedRow?.gpu ?? 0;

    return {
      revision: revisionIndex >= 0 ? (results[revisionIndex]!.rows[0] as { v: number }).v : Math.max(updatedRevision, insertedRevision),
      inserted,
      updated: updates.length,
      deleted: deletes.length,
      unchanged,
      excessChanged:
        excessIds.length +
        updates.filter((o) => canon(o.stored!.excess) !== (excess.get(o.stored!.id) ?? '0')).length +
        inserts.filter((o) => (excess.get(-o.cell.key) ?? '0') !== '0').length,
      gpuCreated,
      gpuDeleted,
      rows: figuresFromEntries(
        touched.map((id) => items.get(id)!),
        walk,
        excess,
        { siteId, layer, year, month },
      ),
      ...(input.withKpis
        ? { kpis: await kpisOf(tx, { familyId: fs.familyId, monthlyReportId: period.monthlyReportId, siteId, layer, year, month }) }
        : {}),
    };
  });
}
