/**
 * The checklist the server computes from SQL aggregates (`loadChecklistFacts` +
 * `computeChecklistFromFacts`) equals the per-row checklist (`loadChecklistInput` +
 * `computeChecklist`) on random months: random daily reports, line items (some inactive, some
 * priced off the catalogue), production (some outside the month, with excess, acknowledged or
 * not), GPU records with valid, invalid and undecidable links, plans, and a foreign line item.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeChecklist, type ChecklistItem } from '../../domain/checklist';
import { computeChecklistFromFacts } from '../../domain/checklist-aggregated';
import { loadChecklistFacts, loadChecklistInput } from '../../server/modules/monthly-reports/checklist-data';
import { findMonthlyReport } from '../../server/modules/monthly-reports/monthly-reports.repository';
import { buildMonthOt, ensureReport, unitId } from '../support/builders-monthly';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let users: number[];
beforeAll(async () => {
  t = await createTestApp();
  users = [t.admin.userId, (await t.userWithRole('supervisor')).userId, (await t.userWithRole('gerente_operaciones')).userId];
});
afterAll(() => t.close());

const URLS = [
  null,
  'https://drive.google.com/gpu/1',
  'HTTPS://Drive.Google.com/a?b=c#d',
  'http://127.0.0.1:8080/ok', // undecided by the regular expressions, valid
  'http://999.1.1.1/x', // undecided, invalid
  'https://xn--a.com/', // undecided
  'javascript:alert(1)',
  'http:/x',
  'https://a.com/ b',
  'https://a.com?u=http://x',
  'https://a.com:http://x',
  'https:///x',
  'https://a..b/',
  'https://a.com:123456/',
  'http://1.2.3.4/',
  'https://usr@a.com/',
];
const SUB_ANNEXES = ['C-2', 'C-3', 'C-4', 'C-5', 'C2EXT', 'C-2.', 'ANEXO C-3'];
const capped = (items: ChecklistItem[], cap: number): ChecklistItem[] =>
  items.map((i) => ({
    ...i,
    offending: i.offending.some((o) => o.kind === 'production_entry' || o.kind === 'line_item') ? i.offending.slice(0, cap) : i.offending,
  }));

/** A random month written straight to the tables; returns the report id. */
async function randomMonth(seed: number, withForeign: boolean): Promise<number> {
  let state = seed || 1;
  const rnd = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const pool = t.database.pool;
  const ot = await buildMonthOt(t.admin, { sites: 2 });
  const reportId = await ensureReport(pool, ot.workOrderId, ot.year, ot.month);
  const unit = await unitId(pool);
  await pool.query(`update monthly_reports set evidence_url = $2 where id = $1`, [reportId, pick(URLS)]);

  for (const siteId of ot.siteIds)
    for (const date of ot.days)
      if (rnd() < 0.8)
        await pool.query(
          `insert into daily_reports (monthly_report_id, site_id, date, operational_status, signature_status, incident, incident_url, created_by, updated_by)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [
            reportId,
            siteId,
            date,
            pick(['productivo', 'productivo', 'en_espera', 'suspendido', 'sin_actividad']),
            pick(['firmado', 'pendiente']),
            rnd() < 0.1,
            pick(URLS),
            pick(users),
            pick(users),
          ],
        );

  const contract = await pool.query<{ id: number }>(`insert into contracts (number) values ($1) returning id`, [`C-${seed}-${Date.now()}`]);
  const sub = await pool.query<{ id: number }>(`insert into sub_annexes (contract_id, label) values ($1, 'C-4') returning id`, [
    contract.rows[0]!.id,
  ]);
  const items: number[] = [];
  for (let i = 0; i < 14; i++) {
    let catalogueId: number | null = null;
    if (rnd() < 0.4) {
      const cat = await pool.query<{ id: number }>(
        `insert into catalogue_items (contract_id, sub_annex_id, code, concept, concept_norm, unit_id, pu_mxn, pu_usd) values ($1, $2, $3, 'x', $4, $5, $6, $7) returning id`,
        [contract.rows[0]!.id, sub.rows[0]!.id, `${i}.`, `x${i}`, unit, pick(['100', '100.00', '90']), pick(['0', '0.000', '1.5'])],
      );
      catalogueId = cat.rows[0]!.id;
    }
    const sa = pick(SUB_ANNEXES);
    const r = await pool.query<{ id: number }>(
      `insert into line_items (family_id, sub_annex, code, concept, concept_norm, unit_id, authorized_volume, pu_mxn, pu_usd, active, sort_key, catalogue_item_id)
       values ($1, $2, $3, $4, lower($4), $5, 1000, $6, $7, $8, $9, $10) returning id`,
      [
        ot.workOrderId,
        sa,
        pick(['1.1.', '2.1.', '2.2.', '3.1.', '4.4.']),
        `Concepto ${i}`,
        unit,
        pick(['100', '100.0000', '90']),
        pick(['0', '1.5']),
        rnd() < 0.9,
        `${sa}|${i}`,
        catalogueId,
      ],
    );
    items.push(r.rows[0]!.id);
  }
  if (withForeign) {
    const other = await buildMonthOt(t.admin, { sites: 1 });
    const r = await pool.query<{ id: number }>(
      `insert into line_items (family_id, sub_annex, code, concept, concept_norm, unit_id, authorized_volume, pu_mxn, sort_key) values ($1, 'C-2', '9.9.', 'Ajena', 'ajena', $2, 1000, 1, 'x') returning id`,
      [other.workOrderId, unit],
    );
    items.push(r.rows[0]!.id);
  }

  const dates = [...ot.days, '2025-02-28', '2025-04-01'];
  const cells = new Set<string>();
  for (let k = 0; k < 90; k++) {
    const cell = [pick(items), pick(ot.siteIds), pick(dates), pick(['TE', 'CMA'])] as const;
    if (cells.has(cell.join('|'))) continue;
    cells.add(cell.join('|'));
    const volume = pick(['1', '2.5', '0.000001']);
    const excess = rnd() < 0.3 ? volume : '0';
    const acked = rnd() < 0.3;
    const e = await pool.query<{ id: string }>(
      `insert into production_entries (line_item_id, monthly_report_id, site_id, date, layer, volume, excess_volume, excess_ack_at, excess_ack_by, created_by, updated_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
      [
        cell[0],
        reportId,
        cell[1],
        cell[2],
        cell[3],
        volume,
        excess,
        acked ? new Date() : null,
        acked ? users[0] : null,
        pick(users),
        pick(users),
      ],
    );
    if (rnd() < 0.7)
      await pool.query(`insert into gpu_records (production_entry_id, evidence_url, updated_by) values ($1, $2, $3)`, [
        e.rows[0]!.id,
        pick(URLS),
        pick(users),
      ]);
  }
  for (const id of items)
    for (const date of [ot.days[2]!, ot.days[9]!, '2025-04-02'])
      if (rnd() < 0.4)
        await pool.query(`insert into planned_volumes (line_item_id, date, volume) values ($1, $2, $3)`, [id, date, pick(['0', '1', '3'])]);
  return reportId;
}

describe('checklist from SQL aggregates', () => {
  it('equals the per-row checklist on random months (refs capped, counts and messages identical)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 30 }), fc.integer({ min: 0, max: 4 }), fc.boolean(), async (seed, cap, foreign) => {
        const id = await randomMonth(seed, foreign);
        const report = (await findMonthlyReport(t.database.db, id))!;
        const today = '2025-03-27';
        const expected = capped(computeChecklist(await loadChecklistInput(t.database.db, report, today)), cap);
        expect(computeChecklistFromFacts(await loadChecklistFacts(t.database.db, report, today, cap), cap)).toEqual(expected);
        // The same inside a transaction (the closure's path: reads run one after the other).
        await t.database.db.transaction(async (tx) => {
          expect(computeChecklistFromFacts(await loadChecklistFacts(tx, report, today, cap), cap)).toEqual(expected);
        });
      }),
      { numRuns: 12 },
    );
  });
});
