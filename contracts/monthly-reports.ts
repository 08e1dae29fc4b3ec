/**
 * HTTP contract of the monthly report (*carpeta mensual*, spec §3.1): queries, evidence link,
 * closure workflow, checklist, sign-offs, excess acknowledgments, versions and the monthly pack.
 * The legacy-compatible endpoint (spec §3.2) has its own loose schema in `LegacyEvidenceBody`.
 */
import { z } from 'zod';
import { Abilities, Id, Text } from './common';

export const MonthlyStatus = z.enum(['abierto', 'en_revision', 'cerrado', 'facturado']);
export type MonthlyStatus = z.infer<typeof MonthlyStatus>;

export const Month = z.coerce
  .number({ error: 'El mes debe ser un número entre 1 y 12' })
  .int('El mes debe ser un número entero')
  .min(1, 'El mes debe estar entre 1 y 12')
  .max(12, 'El mes debe estar entre 1 y 12');
export const Year = z.coerce
  .number({ error: 'El año debe ser un número de cuatro dígitos' })
  .int('El año debe ser un número entero')
  .min(2000, 'El año debe tener cuatro dígitos (2000–2100)')
  .max(2100, 'El año debe tener cuatro dígitos (2000–2100)');

/** http(s) only, trimmed, at most 2048 characters (the domain's `isHttpUrl` decides). */
export const EvidenceUrl = z.string().trim().min(1, 'La URL del archivo es obligatoria.').max(2048, 'Máximo 2048 caracteres');

export const MonthlyReportListQuery = z.object({
  workOrderId: Id.optional(),
  /** Folio (exact, case-insensitive) of the OT, as the seed's "closed reports for OTE-2025-001". */
  folio: z.string().trim().max(100).optional(),
  year: Year.optional(),
  month: Month.optional(),
  status: MonthlyStatus.optional(),
  /** `current`: the current month in Mexico City (the seed's "all reports for the current month"). */
  period: z.enum(['current']).optional(),
  sort: z.enum(['newest', 'oldest', 'folio']).default('newest'),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
  offset: z.coerce.number().int().min(0).default(0),
});
export type MonthlyReportListQuery = z.infer<typeof MonthlyReportListQuery>;

export const MonthlyReportSummary = z.object({
  id: Id,
  workOrderId: Id,
  folio: z.string(),
  year: z.number().int(),
  month: z.number().int(),
  status: MonthlyStatus,
  statusLabel: z.string(),
  /** `Reporte <folio> - <mes>/<año>`. */
  displayName: z.string(),
  evidenceUrl: z.string().nullable(),
  version: z.number().int(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: Abilities.optional(),
});
export type MonthlyReportSummary = z.infer<typeof MonthlyReportSummary>;

export const MonthlyReportList = z.object({ items: z.array(MonthlyReportSummary), total: z.number().int() });

export const OpenMonthlyReportBody = z.object({ workOrderId: Id, year: Year, month: Month });

export const SetEvidenceBody = z.object({ evidenceUrl: EvidenceUrl });
export const SetEvidenceByPeriodBody = z.object({ workOrderId: Id, year: Year, month: Month, evidenceUrl: EvidenceUrl });

export const EvidenceCheck = z.object({
  url: z.string(),
  reachable: z.boolean(),
  httpStatus: z.number().int().nullable(),
  error: z.string().nullable(),
  checkedAt: z.string(),
});

export const ChecklistRef = z.object({ kind: z.string() }).catchall(z.unknown());
export const ChecklistItem = z.object({
  key: z.string(),
  label_es: z.string(),
  label_en: z.string(),
  result: z.enum(['ok', 'falla', 'aviso']),
  blocking: z.boolean(),
  count: z.number().int(),
  offending: z.array(ChecklistRef),
  message_es: z.string(),
  message_en: z.string(),
});
export const ChecklistResponse = z.object({
  items: z.array(ChecklistItem),
  summary: z.object({
    canClose: z.boolean(),
    failingBlockingKeys: z.array(z.string()),
    warningKeys: z.array(z.string()),
    blockingPassed: z.number().int(),
    blockingTotal: z.number().int(),
  }),
  computedAt: z.string(),
});

export const SignOffKind = z.enum(['supervisor_reviewed', 'manager_validated', 'administration_confirmed']);
export const SignOff = z.object({
  kind: SignOffKind,
  label: z.string(),
  userId: z.number().int(),
  userName: z.string(),
  version: z.number().int(),
  signedAt: z.string(),
});
export const SignOffBody = z.object({ kind: SignOffKind });

export const ClosureAction = z.enum(['submit', 'return', 'close', 'reopen']);
export const TransitionBody = z.object({ action: ClosureAction, reason: Text(1000).optional() });

export const Transition = z.object({
  id: z.number().int(),
  fromStatus: MonthlyStatus,
  toStatus: MonthlyStatus,
  action: z.string(),
  userName: z.string().nullable(),
  reason: z.string().nullable(),
  at: z.string(),
});

export const VersionInfo = z.object({
  version: z.number().int(),
  closedAt: z.string(),
  closedByName: z.string().nullable(),
  reopenedAt: z.string().nullable(),
  reopenedByName: z.string().nullable(),
  reopenReason: z.string().nullable(),
  pdfSha256: z.string().nullable(),
  xlsxSha256: z.string().nullable(),
});

export const MonthlyReportDetail = MonthlyReportSummary.extend({
  familyId: Id,
  description: z.string(),
  evidenceCheck: EvidenceCheck.nullable(),
  closedByName: z.string().nullable(),
  folder: z.object({ root: z.string(), subfolders: z.array(z.string()) }),
  counts: z.object({
    dailyReports: z.number().int(),
    productiveDays: z.number().int(),
    productionEntries: z.number().int(),
    gpuRecords: z.number().int(),
    excessEntries: z.number().int(),
  }),
  signOffs: z.array(SignOff),
  transitions: z.array(Transition),
  versions: z.array(VersionInfo),
  /** Overdue by the seed's schedule (days 1–25 Abierto, 26–29 En Revisión, 30+ Cerrado). */
  overdue: z.boolean(),
  expectedStatus: MonthlyStatus.nullable(),
});
export type MonthlyReportDetail = z.infer<typeof MonthlyReportDetail>;

export const ExcessEntry = z.object({
  id: z.number().int(),
  lineItemId: z.number().int(),
  code: z.string(),
  concept: z.string(),
  siteId: z.number().int(),
  siteName: z.string(),
  date: z.string(),
  layer: z.enum(['TE', 'CMA']),
  volume: z.string(),
  excessVolume: z.string(),
  acknowledged: z.boolean(),
  ackByName: z.string().nullable(),
  ackAt: z.string().nullable(),
  ackReason: z.string().nullable(),
});
export const AcknowledgeExcessBody = z
  .object({
    /** Entries to acknowledge; omit with `all: true` to acknowledge every unresolved entry of the month. */
    entryIds: z.array(z.number().int().positive()).max(100_000).optional(),
    all: z.boolean().optional(),
    reason: z.string().trim().min(1, 'El motivo es obligatorio.').max(1000, 'Máximo 1000 caracteres'),
  })
  .refine((b) => b.all === true || (b.entryIds !== undefined && b.entryIds.length > 0), {
    message: 'Indique los registros o «todos»',
    path: ['entryIds'],
  });

export const DailyReportRow = z.object({
  id: z.number().int(),
  siteId: z.number().int(),
  siteName: z.string(),
  date: z.string(),
  operationalStatus: z.string(),
  signatureStatus: z.string(),
  note: z.string().nullable(),
  incident: z.boolean(),
  incidentUrl: z.string().nullable(),
});

export const ProductionRow = z.object({
  id: z.number().int(),
  lineItemId: z.number().int(),
  subAnnex: z.string(),
  code: z.string(),
  concept: z.string(),
  siteId: z.number().int(),
  siteName: z.string(),
  date: z.string(),
  layer: z.enum(['TE', 'CMA']),
  volume: z.string(),
  excessVolume: z.string(),
});
export const ChildQuery = z.object({
  siteId: Id.optional(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  ids: z
    .string()
    .regex(/^\d+(,\d+)*$/)
    .max(20_000)
    .optional(),
  limit: z.coerce.number().int().min(1).max(100_000).default(1000),
  offset: z.coerce.number().int().min(0).default(0),
});

export const BoardQuery = z.object({
  from: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use AAAA-MM'),
  to: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use AAAA-MM'),
  q: z.string().trim().max(100).optional(),
});
export const BoardCell = z.object({
  year: z.number().int(),
  month: z.number().int(),
  reportId: z.number().int().nullable(),
  status: MonthlyStatus.nullable(),
  overdue: z.boolean(),
  expectedStatus: MonthlyStatus.nullable(),
  signOffs: z.number().int(),
  /** Blocking checklist items passing (null when the report has no data yet or is not computed). */
  checklistPassed: z.number().int().nullable(),
  checklistTotal: z.number().int(),
  hasEvidence: z.boolean(),
});
export const BoardRow = z.object({ workOrderId: Id, folio: z.string(), description: z.string(), cells: z.array(BoardCell) });
export const BoardResponse = z.object({
  months: z.array(z.object({ year: z.number().int(), month: z.number().int() })),
  rows: z.array(BoardRow),
  today: z.string(),
});

export const VersionDiff = z.object({
  from: z.object({ version: z.number().int(), label: z.string() }),
  to: z.object({ version: z.number().int().nullable(), label: z.string() }),
  evidenceUrl: z.object({ before: z.string().nullable(), after: z.string().nullable() }).nullable(),
  totals: z.array(z.object({ key: z.string(), before: z.string(), after: z.string() })),
  production: z.array(
    z.object({
      lineItemId: z.number().int(),
      code: z.string(),
      siteId: z.number().int(),
      date: z.string(),
      layer: z.string(),
      before: z.string().nullable(),
      after: z.string().nullable(),
    }),
  ),
  dailyReports: z.array(z.object({ siteName: z.string(), date: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
  truncated: z.boolean(),
});

export const VersionParams = z.object({ id: Id, version: z.coerce.number().int().min(1).max(100_000) });
