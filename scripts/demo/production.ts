/**
 * Demo data for issue 4: months of daily reports, production (TE and CMA) and GPU progress for
 * demo OT families, written through the real commands (same validation, locks, excess engine,
 * GPU upkeep and audit as the UI). Deterministic: a seeded PRNG per family and month.
 *
 * Call after the families have line items (annex imported):
 *   await loadDemoProduction(db, systemCtx('cli'), { familyIds: [12, 15], months: [{ year: 2025, month: 5 }, …] });
 * Months before the last one get every report signed and most GPU records advanced; the last month
 * is left open and in progress. Days outside a site's window are skipped, as the server requires.
 */
import { sql } from 'drizzle-orm';
import { monthDays } from '../../domain/dates';
import { isDayInWindow } from '../../domain/validity-window';
import type { Ctx } from '../../server/context';
import type { Db } from '../../server/db/database';
import { setDailyReports } from '../../server/modules/daily-reports/commands/set-daily-reports';
import { updateGpuRecord } from '../../server/modules/gpu/commands/update-gpu';
import { saveGrid } from '../../server/modules/production/commands/save-grid';
import { familySites, loadFamily, siteWindow } from '../../server/modules/production/family-site';

export interface DemoProductionOptions {
  familyIds: number[];
  months: { year: number; month: number }[];
  log?: (message: string) => void;
}

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type DayStatus = 'productivo' | 'en_espera' | 'sin_actividad';

export async function loadDemoProduction(
  db: Db,
  ctx: Ctx,
  opts: DemoProductionOptions,
): Promise<{ entries: number; dailyReports: number; gpuUpdated: number }> {
  const log = opts.log ?? (() => undefined);
  const months = [...opts.months].sort((a, b) => a.year - b.year || a.month - b.month);
  const totals = { entries: 0, dailyReports: 0, gpuUpdated: 0 };
  for (const familyId of opts.familyIds) {
    const family = await loadFamily(db, familyId);
    const items = (
      await db.execute<{ id: number; cap: string }>(sql`
      select id, authorized_volume::text as cap from line_items where family_id = ${family.familyId} and active order by sort_key, id`)
    ).rows;
    if (!items.length) {
      log(`demo producción: la OT ${family.initial.folio} no tiene partidas; se omite`);
      continue;
    }
    for (const [mi, { year, month }] of months.entries()) {
      const last = mi === months.length - 1;
      for (const site of familySites(family)) {
        const window = siteWindow(family, site.role);
        const rnd = prng(familyId * 10_007 + year * 13 + month * 101 + site.siteId);
        const days = monthDays(year, month).filter((d) => isDayInWindow(window, d));
        if (!days.length) continue;
        const status = new Map<string, DayStatus>(
          days.map((d) => {
            const r = rnd();
            return [d, r < 0.8 ? 'productivo' : r < 0.93 ? 'en_espera' : 'sin_actividad'];
          }),
        );
        // Production consistent with the day's status: TE on productive days, CMA on standby days.
        for (const layer of ['TE', 'CMA'] as const) {
          const cells: { lineItemId: number; date: string; volume: string }[] = [];
          for (const d of days) {
            const st = status.get(d)!;
            if (layer === 'TE' ? st !== 'productivo' : st !== 'en_espera') continue;
            for (const it of items) {
              if (rnd() >= (layer === 'TE' ? 0.25 : 0.1)) continue;
              // Around the daily share of the cap, sometimes more, so some line items end in excess.
              const daily = Math.max(Number(it.cap) / (12 * months.length), 0.5);
              cells.push({ lineItemId: it.id, date: d, volume: (daily * (0.3 + rnd() * 1.6)).toFixed(3) });
            }
          }
          if (!cells.length) continue;
          const r = await saveGrid(db, ctx, {
            workOrderId: familyId,
            year,
            month,
            siteId: site.siteId,
            layer,
            baseRevision: Number.MAX_SAFE_INTEGER,
            cells,
          });
          totals.entries += r.inserted + r.updated;
        }
        // Daily reports after production (a signed day freezes its production).
        for (const st of ['productivo', 'en_espera', 'sin_actividad'] as const) {
          const dates = days.filter((d) => status.get(d) === st);
          if (!dates.length) continue;
          const signature = last ? 'en_proceso' : 'firmado';
          const r = await setDailyReports(db, ctx, {
            workOrderId: familyId,
            siteId: site.siteId,
            dates,
            report: {
              operationalStatus: st,
              signatureStatus: signature,
              note: st === 'en_espera' ? 'Espera por condiciones climatológicas' : null,
            },
          });
          totals.dailyReports += r.written;
        }
      }
      // GPU progress: past months mostly signed with evidence, the open month partly started.
      const gpus = (
        await db.execute<{ id: number; code: string }>(sql`
        select g.id, l.code from gpu_records g join production_entries p on p.id = g.production_entry_id join line_items l on l.id = p.line_item_id
        join monthly_reports m on m.id = p.monthly_report_id where m.work_order_id = ${family.familyId} and m.year = ${year} and m.month = ${month}
        order by g.id`)
      ).rows;
      const rnd = prng(familyId * 31 + month);
      for (const g of gpus) {
        const r = rnd();
        const status = last
          ? r < 0.2
            ? 'en_proceso'
            : r < 0.3
              ? 'falta_firma_cliente'
              : null
          : r < 0.85
            ? 'firmado'
            : 'falta_firma_cliente';
        if (!status) continue;
        const folder = `${family.initial.folio}_${year}-${String(month).padStart(2, '0')}`;
        await updateGpuRecord(db, ctx, g.id, {
          status,
          evidenceUrl: `https://drive.example.com/${encodeURIComponent(folder)}/GPU_Evidencias/${encodeURIComponent(g.code)}-${g.id}`,
        });
        totals.gpuUpdated += 1;
      }
      log(`demo producción: ${family.initial.folio} ${month}/${year} listo`);
    }
  }
  return totals;
}
