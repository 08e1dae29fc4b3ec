/**
 * Sets or clears the daily reports of some days of one family at one site, in one transaction
 * (a single-day PUT/DELETE is the one-date case). Rules (spec §3.3, §3.1):
 * every date inside the site's validity window (422 outside_window); the month writable
 * (lockPeriodForWrite: 409 period_closed); clearing deletes the report; changing or clearing a
 * `Firmado` report is un-signing, reserved to operations managers and admins, and audited as such.
 */
import { normalizeDailyReportNote } from '../../../../domain/daily-report';
import { yearMonthOf } from '../../../../domain/dates';
import type { Ctx } from '../../../context';
import type { Db } from '../../../db/database';
import { fail, invalid } from '../../../fail';
import { can } from '../../../policy';
import { recordAuditMany, type AuditInput } from '../../audit/record-audit';
import { lockPeriodForWrite } from '../../monthly-reports/period-lock';
import { assertInWindow, ensureCanWrite, loadFamilySite } from '../../production/family-site';
import { deleteReports, lockReports, upsertReports, type DailyFields, type DailyReportRow } from '../daily-reports.repository';

export interface SetDailyReportsInput {
  workOrderId: number;
  siteId: number;
  dates: string[];
  /** null = clear those days. */
  report: {
    operationalStatus: DailyFields['operationalStatus'];
    signatureStatus?: DailyFields['signatureStatus'] | undefined;
    note?: string | null | undefined;
    incident?: boolean | undefined;
    incidentUrl?: string | null | undefined;
  } | null;
}

export interface SetDailyReportsResult {
  written: number;
  deleted: number;
  unchanged: number;
  familyId: number;
}

function same(a: DailyReportRow, b: DailyFields): boolean {
  return (
    a.operationalStatus === b.operationalStatus &&
    a.signatureStatus === b.signatureStatus &&
    a.note === b.note &&
    a.incident === b.incident &&
    a.incidentUrl === b.incidentUrl
  );
}

const snapshot = (r: DailyReportRow | DailyFields) => ({
  operationalStatus: r.operationalStatus,
  signatureStatus: r.signatureStatus,
  note: r.note,
  incident: r.incident,
  incidentUrl: r.incidentUrl,
});

function fieldsOf(report: NonNullable<SetDailyReportsInput['report']>): DailyFields {
  const note = normalizeDailyReportNote(report.note);
  if (!note.ok) throw invalid([{ path: 'note', code: 'too_long', message: 'La nota admite máximo 255 caracteres' }]);
  return {
    operationalStatus: report.operationalStatus,
    signatureStatus: report.signatureStatus ?? 'pendiente',
    note: note.value,
    incident: report.incident ?? false,
    incidentUrl: report.incidentUrl?.trim() || null,
  };
}

export async function setDailyReports(db: Db, ctx: Ctx, input: SetDailyReportsInput): Promise<SetDailyReportsResult> {
  const dates = [...new Set(input.dates)].sort();
  const months = new Set(dates.map((d) => `${yearMonthOf(d).year}-${yearMonthOf(d).month}`));
  if (months.size !== 1) throw invalid([{ path: 'dates', code: 'one_month', message: 'Todos los días deben ser del mismo mes' }]);
  const { year, month } = yearMonthOf(dates[0]!);
  const fields = input.report ? fieldsOf(input.report) : null;

  return db.transaction(async (tx) => {
    const fs = await loadFamilySite(tx, input.workOrderId, input.siteId);
    ensureCanWrite(ctx.actor, fs);
    for (const d of dates) assertInWindow(fs, d);
    const period = await lockPeriodForWrite(tx, ctx.actor, { familyId: fs.familyId, year, month });
    const existing = await lockReports(tx, period.monthlyReportId, fs.siteId, dates);

    const toWrite: string[] = [];
    const toDelete: DailyReportRow[] = [];
    let unchanged = 0;
    for (const d of dates) {
      const cur = existing.get(d);
      if (fields ? cur && same(cur, fields) : !cur) {
        unchanged++;
        continue;
      }
      if (cur?.signatureStatus === 'firmado' && !can(ctx.actor, 'production.correct')) {
        throw fail('forbidden', `El día ${d} está firmado: solo un gerente de operaciones puede modificarlo o quitar la firma`, {
          date: d,
          siteId: fs.siteId,
        });
      }
      if (fields) toWrite.push(d);
      else toDelete.push(cur!);
    }

    const written = fields ? await upsertReports(tx, period.monthlyReportId, fs.siteId, toWrite, fields, ctx.actor.id) : [];
    await deleteReports(
      tx,
      toDelete.map((r) => r.id),
    );

    const audits: AuditInput[] = [];
    for (const w of written) {
      const before = existing.get(w.date);
      const unsign = before?.signatureStatus === 'firmado' && fields!.signatureStatus !== 'firmado';
      audits.push({
        entity: 'daily_report',
        entityId: w.id,
        action: !before
          ? 'create'
          : unsign
            ? 'unsign'
            : fields!.signatureStatus === 'firmado' && before.signatureStatus !== 'firmado'
              ? 'sign'
              : 'update',
        before: before ? { siteId: fs.siteId, date: w.date, ...snapshot(before) } : null,
        after: { siteId: fs.siteId, date: w.date, ...snapshot(fields!) },
        workOrderId: fs.familyId,
      });
    }
    for (const r of toDelete) {
      audits.push({
        entity: 'daily_report',
        entityId: r.id,
        action: r.signatureStatus === 'firmado' ? 'unsign_delete' : 'delete',
        before: { siteId: fs.siteId, date: r.date, ...snapshot(r) },
        after: null,
        workOrderId: fs.familyId,
      });
    }
    await recordAuditMany(tx, ctx, audits);
    return { written: written.length, deleted: toDelete.length, unchanged, familyId: fs.familyId };
  });
}
