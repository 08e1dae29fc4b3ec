import { z } from 'zod';
import { Abilities, BooleanQuery, decimalString, Id, IsoDate, ListQuery, RequiredText, Text } from './common';
import { SiteKind } from './catalogues';

export const WorkOrderKind = z.enum(['initial', 'reprogramming']);
export const WorkOrderStatus = z.enum([
  'asignada',
  'en_ejecucion',
  'suspendida',
  'diferida',
  'diferida_sin_iniciar',
  'terminada',
  'cancelada',
  'por_cancelar',
]);
export type WorkOrderStatus = z.infer<typeof WorkOrderStatus>;
export const SiteRole = z.enum(['main', 'yard', 'platform', 'interconnection']);

export const WorkOrderSite = z.object({
  siteId: Id,
  role: SiteRole,
  name: z.string(),
  kind: SiteKind,
});

export const WorkOrder = z.object({
  id: Id,
  folio: z.string(),
  description: z.string(),
  kind: WorkOrderKind,
  parentId: z.number().int().nullable(),
  reprogrammingNumber: z.number().int(),
  familyId: z.number().int(),
  clientId: z.number().int(),
  clientName: z.string(),
  leaderId: z.number().int().nullable(),
  leaderName: z.string().nullable(),
  clientResponsible: z.string().nullable(),
  officialLetter: z.string().nullable(),
  status: WorkOrderStatus,
  frontId: z.number().int().nullable(),
  frontName: z.string().nullable(),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  requiresYard: z.boolean(),
  yardStart: z.string().nullable(),
  yardEnd: z.string().nullable(),
  amountMxn: z.string(),
  amountUsd: z.string(),
  termDays: z.number().int().nullable(),
  active: z.boolean(),
  sites: z.array(WorkOrderSite),
  /** The family's validity window (initial + reprogrammings), computed by domain/. */
  validity: z.object({ start: z.string().nullable(), end: z.string().nullable() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: Abilities.optional(),
});
export type WorkOrder = z.infer<typeof WorkOrder>;

const SiteAssignment = z.object({ siteId: Id, role: SiteRole.default('main') });

const WorkOrderFields = z.object({
  folio: RequiredText(100),
  description: RequiredText(5000),
  kind: WorkOrderKind.default('initial'),
  parentId: Id.nullish(),
  clientId: Id,
  leaderId: Id.nullish(),
  clientResponsible: Text(200).nullish(),
  officialLetter: Text(100).nullish(),
  status: WorkOrderStatus.optional(),
  frontId: Id.nullish(),
  /** Shorthand: sites with role `main`. */
  siteIds: z.array(Id).max(50).optional(),
  /** Sites with an explicit role (wins over siteIds for the same site). */
  sites: z.array(SiteAssignment).max(50).optional(),
  plannedStart: IsoDate.nullish(),
  plannedEnd: IsoDate.nullish(),
  actualStart: IsoDate.nullish(),
  actualEnd: IsoDate.nullish(),
  requiresYard: z.boolean().optional(),
  yardStart: IsoDate.nullish(),
  yardEnd: IsoDate.nullish(),
  amountMxn: decimalString(2, 'Monto').optional(),
  amountUsd: decimalString(2, 'Monto').optional(),
  termDays: z.number().int().min(0).max(100_000).nullish(),
});

export const CreateWorkOrderBody = WorkOrderFields;
export type CreateWorkOrderBody = z.infer<typeof CreateWorkOrderBody>;
export const UpdateWorkOrderBody = WorkOrderFields.omit({ kind: true, parentId: true })
  .partial()
  .extend({ active: z.boolean().optional() });
export type UpdateWorkOrderBody = z.infer<typeof UpdateWorkOrderBody>;

export const WorkOrderListQuery = ListQuery.extend({
  status: WorkOrderStatus.optional(),
  kind: WorkOrderKind.optional(),
  clientId: Id.optional(),
  siteId: Id.optional(),
  frontId: Id.optional(),
  familyId: Id.optional(),
  initialOnly: BooleanQuery.optional(),
});
