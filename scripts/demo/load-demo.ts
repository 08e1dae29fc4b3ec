/**
 * `npm run demo` / `npm start -- --demo`: a realistic dataset so a newcomer sees every screen
 * with data. Everything goes through the same commands as the UI (rules, locks, audit).
 * Idempotent: does nothing when the demo client already exists.
 */
import { sql } from 'drizzle-orm';
import type { Role } from '../../contracts/auth';
import { systemCtx, type Ctx } from '../../server/context';
import type { Db } from '../../server/db/database';
import { clients, sites } from '../../server/db/schema';
import { createUser } from '../../server/modules/users/commands/create-user';
import { createWorkOrder } from '../../server/modules/work-orders/commands/create-work-order';

export const DEMO_PASSWORD = 'carpeta-demo-2025';
export const DEMO_CLIENT = 'Pemex Exploración y Producción';

export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: 'gerente@demo.carpeta', name: 'Laura Méndez (Gerente de operaciones)', role: 'gerente_operaciones' },
  { email: 'supervisor@demo.carpeta', name: 'Jorge Hernández (Supervisor)', role: 'supervisor' },
  { email: 'supervisor2@demo.carpeta', name: 'Ana Cruz (Supervisora)', role: 'supervisor' },
  { email: 'administracion@demo.carpeta', name: 'Roberto Díaz (Administración)', role: 'administracion' },
  { email: 'auditor@demo.carpeta', name: 'Patricia Ruiz (Consulta)', role: 'consulta' },
];

const SITES = [
  { name: 'Patio Dos Bocas', kind: 'yard' },
  { name: 'Patio Ciudad del Carmen', kind: 'yard' },
  { name: 'BPD Blue Giant', kind: 'vessel' },
  { name: 'HOS Iron Horse', kind: 'vessel' },
  { name: 'Plataforma ABK-A', kind: 'platform' },
  { name: 'Plataforma YAXCHE-C', kind: 'platform' },
  { name: 'Plataforma TENTOK-A', kind: 'platform' },
  { name: 'Interconexión POKCHE', kind: 'interconnection' },
] as const;

export interface DemoContext {
  db: Db;
  ctx: Ctx;
  log: (m: string) => void;
  familyIds: number[];
  userIds: Record<string, number>;
  siteIds: Record<string, number>;
}

async function optional<T>(path: string, name: string): Promise<T | undefined> {
  try {
    return ((await import(path)) as Record<string, T>)[name];
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw err;
  }
}

export async function loadDemo(db: Db, opts: { log: (m: string) => void }): Promise<void> {
  const exists = await db.execute<{ n: number }>(sql`select count(*)::int as n from clients where name = ${DEMO_CLIENT}`);
  if ((exists.rows[0]?.n ?? 0) > 0) {
    opts.log('demo: dataset already loaded');
    return;
  }
  const ctx = systemCtx('system');
  opts.log('demo: loading clients, sites, users and work orders');

  const [client] = await db.insert(clients).values({ name: DEMO_CLIENT, taxId: 'PEP920716-7XA' }).returning();
  await db.insert(clients).values({ name: 'Contratista Integral del Golfo' });
  const siteRows = await db
    .insert(sites)
    .values(SITES.map((s) => ({ name: s.name, kind: s.kind })))
    .returning();
  const siteIds = Object.fromEntries(siteRows.map((s) => [s.name, s.id]));
  const fronts = await db.execute<{ id: number; code: string }>(sql`select id, code from fronts`);
  const front = (code: string) => fronts.rows.find((f) => f.code === code)?.id ?? null;

  const userIds: Record<string, number> = {};
  for (const u of DEMO_USERS) {
    const scope =
      u.email === 'supervisor@demo.carpeta'
        ? { siteIds: [siteIds['Plataforma ABK-A']!, siteIds['BPD Blue Giant']!, siteIds['Patio Dos Bocas']!] }
        : u.email === 'supervisor2@demo.carpeta'
          ? { siteIds: [siteIds['Plataforma YAXCHE-C']!, siteIds['HOS Iron Horse']!] }
          : {};
    userIds[u.email] = (await createUser(db, ctx, { ...u, password: DEMO_PASSWORD, ...scope })).id;
  }
  const leaderId = userIds['gerente@demo.carpeta']!;

  const ot1 = await createWorkOrder(db, ctx, {
    folio: 'OT-GRZ-801-25-001',
    description: 'Rehabilitación de ductos de recolección en plataforma ABK-A, incluye fabricación previa en patio',
    kind: 'initial',
    clientId: client!.id,
    leaderId,
    clientResponsible: 'Ing. Miguel Ángel Torres',
    officialLetter: 'PEP-SPRMSO-GMO-0123-2025',
    status: 'en_ejecucion',
    frontId: front('PLATAFORMA'),
    sites: [
      { siteId: siteIds['Plataforma ABK-A']!, role: 'main' },
      { siteId: siteIds['Patio Dos Bocas']!, role: 'yard' },
    ],
    plannedStart: '2025-05-01',
    plannedEnd: '2025-08-31',
    actualStart: '2025-05-05',
    requiresYard: true,
    yardStart: '2025-04-01',
    yardEnd: '2025-05-15',
    amountMxn: '48500000.00',
    amountUsd: '1250000.00',
    termDays: 123,
  });
  await createWorkOrder(db, ctx, {
    folio: 'OT-GRZ-801-25-001',
    description: 'Reprogramación 1: extensión de plazo y volúmenes por trabajos adicionales en ABK-A',
    kind: 'reprogramming',
    parentId: ot1.id,
    clientId: client!.id,
    leaderId,
    officialLetter: 'PEP-SPRMSO-GMO-0311-2025',
    status: 'en_ejecucion',
    frontId: front('PLATAFORMA'),
    sites: [{ siteId: siteIds['Plataforma ABK-A']!, role: 'main' }],
    plannedStart: '2025-09-01',
    plannedEnd: '2025-10-31',
    amountMxn: '9800000.00',
    termDays: 61,
  });
  const ot2 = await createWorkOrder(db, ctx, {
    folio: 'OT-GRZ-801-25-014',
    description: 'Servicio de mantenimiento a estructuras desde embarcación BPD Blue Giant en YAXCHE-C',
    kind: 'initial',
    clientId: client!.id,
    leaderId,
    clientResponsible: 'Ing. Sofía Aguilar',
    officialLetter: 'PEP-SPRMSO-GMO-0287-2025',
    status: 'en_ejecucion',
    frontId: front('BARCO'),
    sites: [
      { siteId: siteIds['BPD Blue Giant']!, role: 'main' },
      { siteId: siteIds['Plataforma YAXCHE-C']!, role: 'platform' },
    ],
    plannedStart: '2025-06-01',
    plannedEnd: '2025-12-31',
    actualStart: '2025-06-03',
    amountMxn: '31250000.00',
    amountUsd: '2100000.00',
    termDays: 214,
  });
  await createWorkOrder(db, ctx, {
    folio: 'OT-GRZ-801-25-014',
    description: 'Reprogramación 1: ampliación de alcance a interconexión POKCHE',
    kind: 'reprogramming',
    parentId: ot2.id,
    clientId: client!.id,
    status: 'asignada',
    frontId: front('BARCO'),
    sites: [{ siteId: siteIds['Interconexión POKCHE']!, role: 'interconnection' }],
    plannedStart: '2026-01-01',
    plannedEnd: '2026-03-31',
  });
  await createWorkOrder(db, ctx, {
    folio: 'OT-GRZ-801-24-087',
    description: 'Fabricación de spools en patio para TENTOK-A (terminada)',
    kind: 'initial',
    clientId: client!.id,
    leaderId,
    status: 'terminada',
    frontId: front('TIERRA'),
    sites: [{ siteId: siteIds['Patio Ciudad del Carmen']!, role: 'main' }],
    plannedStart: '2024-10-01',
    plannedEnd: '2025-02-28',
    actualStart: '2024-10-07',
    actualEnd: '2025-02-20',
    amountMxn: '6200000.00',
    termDays: 150,
  });

  const demo: DemoContext = { db, ctx, log: opts.log, familyIds: [ot1.id, ot2.id], userIds, siteIds };

  // Later capabilities extend the dataset when their loaders exist.
  const loadDemoAnnexes = await optional<(db: Db, ctx: Ctx, o: { familyIds: number[] }) => Promise<void>>('./annexes', 'loadDemoAnnexes');
  if (loadDemoAnnexes) await loadDemoAnnexes(db, ctx, { familyIds: demo.familyIds });
  const loadDemoProduction = await optional<
    (
      db: Db,
      ctx: Ctx,
      o: { familyIds: number[]; months: { year: number; month: number }[]; userIds: Record<string, number> },
    ) => Promise<void>
  >('./production', 'loadDemoProduction');
  if (loadDemoProduction) {
    await loadDemoProduction(db, ctx, {
      familyIds: demo.familyIds,
      months: [
        { year: 2025, month: 6 },
        { year: 2025, month: 7 },
      ],
      userIds,
    });
  }
  const loadDemoMonthly = await optional<(db: Db, ctx: Ctx, o: { familyIds: number[]; userIds: Record<string, number> }) => Promise<void>>(
    './monthly',
    'loadDemoMonthly',
  );
  if (loadDemoMonthly) await loadDemoMonthly(db, ctx, { familyIds: demo.familyIds, userIds });

  opts.log(`demo: ready — users ${DEMO_USERS.map((u) => u.email).join(', ')} with password ${DEMO_PASSWORD}`);
}
