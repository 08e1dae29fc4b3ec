/**
 * Demo monthly closure: walks the demo families' months through the real commands so every
 * screen of the monthly report has something to show — older months closed (with three
 * sign-offs by distinct demo people and a frozen pack), the month before the newest En Revisión,
 * the newest left Abierto. A month whose checklist still blocks stays En Revisión and is logged
 * (the demo never bypasses a rule). Idempotent: months already past a step are skipped.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { isDomainError } from '../../domain/errors';
import type { Role } from '../../domain/roles';
import { actorOf } from '../../server/http/auth';
import type { Ctx } from '../../server/context';
import type { Db } from '../../server/db/database';
import { acknowledgeExcess } from '../../server/modules/monthly-reports/commands/acknowledge-excess';
import { closeMonthlyReport } from '../../server/modules/monthly-reports/commands/close-monthly-report';
import { setEvidenceLink } from '../../server/modules/monthly-reports/commands/set-evidence-link';
import { signOffMonthlyReport } from '../../server/modules/monthly-reports/commands/sign-off-monthly-report';
import { submitMonthlyReport } from '../../server/modules/monthly-reports/commands/submit-monthly-report';
import { createUser } from '../../server/modules/users/commands/create-user';
import { findUserByEmail } from '../../server/modules/users/users.repository';

const DEMO_PEOPLE: { email: string; name: string; role: Role }[] = [
  { email: 'supervisor.cierre@demo.carpeta.local', name: 'Laura Méndez (supervisora)', role: 'supervisor' },
  { email: 'gerente.cierre@demo.carpeta.local', name: 'Jorge Salinas (gerente de operaciones)', role: 'gerente_operaciones' },
  { email: 'administracion.cierre@demo.carpeta.local', name: 'Patricia Ruiz (administración)', role: 'administracion' },
];

async function demoCtx(db: Db, ctx: Ctx, person: (typeof DEMO_PEOPLE)[number], familyIds: number[]): Promise<Ctx> {
  const existing = await findUserByEmail(db, person.email);
  const user =
    existing ??
    (await createUser(db, ctx, {
      email: person.email,
      name: person.name,
      role: person.role,
      // Demo people sign in only if an admin resets their password; nobody knows this one.
      password: randomBytes(18).toString('base64url'),
      ...(person.role === 'supervisor' ? { workOrderIds: familyIds } : {}),
    }));
  return { actor: actorOf(user), via: 'system' };
}

const folderUrl = (folio: string, month: number, year: number) =>
  `https://drive.google.com/drive/folders/demo-${encodeURIComponent(folio)}-${year}-${String(month).padStart(2, '0')}`;

export async function loadDemoMonthly(db: Db, ctx: Ctx, opts: { familyIds: number[]; log?: (m: string) => void }): Promise<void> {
  const log = opts.log ?? (() => undefined);
  if (!opts.familyIds.length) return;
  // One after the other: createUser checks the e-mail before inserting.
  const supervisor = await demoCtx(db, ctx, DEMO_PEOPLE[0]!, opts.familyIds);
  const manager = await demoCtx(db, ctx, DEMO_PEOPLE[1]!, opts.familyIds);
  const billing = await demoCtx(db, ctx, DEMO_PEOPLE[2]!, opts.familyIds);
  const reports = await db.execute<{
    id: number;
    workOrderId: number;
    folio: string;
    year: number;
    month: number;
    status: string;
    evidenceUrl: string | null;
  }>(sql`
    select m.id, m.work_order_id as "workOrderId", w.folio, m.year, m.month, m.status, m.evidence_url as "evidenceUrl"
    from monthly_reports m join work_orders w on w.id = m.work_order_id
    where m.work_order_id = any(${`{${opts.familyIds.join(',')}}`}::int[]) order by m.work_order_id, m.year, m.month`);
  const byFamily = new Map<number, typeof reports.rows>();
  for (const r of reports.rows) byFamily.set(r.workOrderId, [...(byFamily.get(r.workOrderId) ?? []), r]);

  for (const months of byFamily.values()) {
    // The newest month stays Abierto (capture goes on); the one before it stops at En Revisión.
    const walked = months.slice(0, -1);
    for (const [i, r] of walked.entries()) {
      const label = `${r.folio} ${r.month}/${r.year}`;
      if (r.status === 'cerrado' || r.status === 'facturado') continue;
      if (r.status === 'abierto') {
        if (!r.evidenceUrl)
          await setEvidenceLink(db, manager, {
            workOrderId: r.workOrderId,
            year: r.year,
            month: r.month,
            url: folderUrl(r.folio, r.month, r.year),
          });
        await acknowledgeExcess(db, manager, r.id, { all: true, reason: 'Demo: volumen por encima de lo autorizado, no cobrable' }).catch(
          () => undefined,
        );
        await submitMonthlyReport(db, manager, r.id);
      }
      for (const [who, kind] of [
        [supervisor, 'supervisor_reviewed'],
        [manager, 'manager_validated'],
        [billing, 'administration_confirmed'],
      ] as const) {
        await signOffMonthlyReport(db, who, r.id, kind).catch((e: unknown) =>
          log(`demo: ${label}: firma ${kind} no registrada (${e instanceof Error ? e.message : String(e)})`),
        );
      }
      if (i === walked.length - 1) {
        log(`demo: ${label} queda En Revisión`);
        continue;
      }
      try {
        const closed = await closeMonthlyReport(db, billing, r.id);
        log(`demo: ${label} cerrado (versión ${closed.version}, PDF ${closed.pdfSha256.slice(0, 12)}…)`);
      } catch (e) {
        if (!isDomainError(e, 'checklist_blocked')) throw e;
        log(`demo: ${label} queda En Revisión: ${e.message}`);
      }
    }
  }
}
