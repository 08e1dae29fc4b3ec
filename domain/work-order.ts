/**
 * Work orders (OTs): business statuses, kinds, sites and fronts.
 */
import type { IsoDate } from './dates.js';
import { isOneOf, type Label } from './labels.js';

/** OT business statuses (legacy `Estatus` level 2). Any status may follow any other (as in the legacy system). */
export const WORK_ORDER_STATUSES = [
  'asignada',
  'en_ejecucion',
  'suspendida',
  'diferida',
  'diferida_sin_iniciar',
  'terminada',
  'cancelada',
  'por_cancelar',
] as const;

export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

/** Display labels. */
export const WORK_ORDER_STATUS_LABELS: Readonly<Record<WorkOrderStatus, Label>> = {
  asignada: { es: 'Asignada', en: 'Assigned' },
  en_ejecucion: { es: 'En ejecución', en: 'In progress' },
  suspendida: { es: 'Suspendida', en: 'Suspended' },
  diferida: { es: 'Diferida', en: 'Deferred' },
  diferida_sin_iniciar: { es: 'Diferida sin iniciar', en: 'Deferred, not started' },
  terminada: { es: 'Terminada', en: 'Finished' },
  cancelada: { es: 'Cancelada', en: 'Cancelled' },
  por_cancelar: { es: 'Por cancelar', en: 'To be cancelled' },
};

/** New OTs start as `Asignada`. */
export const INITIAL_WORK_ORDER_STATUS: WorkOrderStatus = 'asignada';

/** Type guard. */
export function isWorkOrderStatus(value: unknown): value is WorkOrderStatus {
  return isOneOf(WORK_ORDER_STATUSES, value);
}

/** The fields a status change touches. */
export interface WorkOrderStatusFields {
  readonly status: WorkOrderStatus;
  readonly actualEnd: IsoDate | null;
}

/**
 * Applies a status change, keeping the legacy side effect on the actual end date:
 * entering `Terminada` sets `actualEnd` to `today` when it is empty (a date entered by hand is
 * kept), and leaving `Terminada` clears it (the OT is no longer finished, so it has no actual end).
 * Note that clearing the actual end can shrink the validity window back to the planned end.
 * Returns a new object; the input is not mutated.
 */
export function applyStatusChange<T extends WorkOrderStatusFields>(ot: T, newStatus: WorkOrderStatus, today: IsoDate): T {
  if (newStatus === ot.status) return ot;
  if (newStatus === 'terminada') return { ...ot, status: newStatus, actualEnd: ot.actualEnd ?? today };
  if (ot.status === 'terminada') return { ...ot, status: newStatus, actualEnd: null };
  return { ...ot, status: newStatus };
}

/** An initial OT or a reprogramming of one; together they form a *family*. */
export const WORK_ORDER_KINDS = ['initial', 'reprogramming'] as const;
export type WorkOrderKind = (typeof WORK_ORDER_KINDS)[number];
export const WORK_ORDER_KIND_LABELS: Readonly<Record<WorkOrderKind, Label>> = {
  initial: { es: 'OT inicial', en: 'Initial work order' },
  reprogramming: { es: 'Reprogramación', en: 'Reprogramming' },
};

/** What a site physically is. */
export const SITE_KINDS = ['yard', 'vessel', 'platform', 'interconnection'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];
export const SITE_KIND_LABELS: Readonly<Record<SiteKind, Label>> = {
  yard: { es: 'Patio', en: 'Yard' },
  vessel: { es: 'Embarcación', en: 'Vessel' },
  platform: { es: 'Plataforma', en: 'Platform' },
  interconnection: { es: 'Interconexión', en: 'Interconnection' },
};

/**
 * The role a site plays in one OT: its main site (given by the front), the yard of a yard phase,
 * or an additional platform / interconnection. The role, not the kind, picks the validity window.
 */
export const SITE_ROLES = ['main', 'yard', 'platform', 'interconnection'] as const;
export type SiteRole = (typeof SITE_ROLES)[number];
export const SITE_ROLE_LABELS: Readonly<Record<SiteRole, Label>> = {
  main: { es: 'Sitio principal', en: 'Main site' },
  yard: { es: 'Patio (fase de patio)', en: 'Yard (yard phase)' },
  platform: { es: 'Plataforma', en: 'Platform' },
  interconnection: { es: 'Interconexión', en: 'Interconnection' },
};

/** Work fronts. */
export const FRONTS = ['TIERRA', 'BARCO', 'PLATAFORMA'] as const;
export type Front = (typeof FRONTS)[number];
export const FRONT_LABELS: Readonly<Record<Front, Label>> = {
  TIERRA: { es: 'Tierra', en: 'Onshore' },
  BARCO: { es: 'Barco', en: 'Vessel' },
  PLATAFORMA: { es: 'Plataforma', en: 'Platform' },
};

/** The kind of the main site each front works from (legacy frente → site field mapping). */
export function mainSiteKindForFront(front: Front): SiteKind {
  switch (front) {
    case 'TIERRA':
      return 'yard';
    case 'BARCO':
      return 'vessel';
    case 'PLATAFORMA':
      return 'platform';
  }
}
