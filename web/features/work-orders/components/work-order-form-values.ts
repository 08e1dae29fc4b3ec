/**
 * The OT form's state (text as typed) and its conversion to the API body. Pure, so the rules
 * (dates typed DD/MM/AAAA, amounts typed with grouping, yard window only with a yard phase)
 * are unit-tested without a browser.
 */
import type { CreateWorkOrderBody, SiteRole, UpdateWorkOrderBody, WorkOrder, WorkOrderKind, WorkOrderStatus } from '../../../app/api-types';
import { amountInputToPlain, formatAmount, formatDate, parseDisplayDate } from '../../../app/format';
import type { MessageKey } from '../../../app/i18n';

export interface SiteRow {
  /** Stable React key for the row. */
  key: number;
  siteId: string;
  role: SiteRole;
}

export interface ParentChoice {
  value: number;
  label: string;
}

export interface WorkOrderFormValues {
  kind: WorkOrderKind;
  parent: ParentChoice | null;
  folio: string;
  description: string;
  clientId: string;
  leaderId: string;
  frontId: string;
  status: WorkOrderStatus;
  clientResponsible: string;
  officialLetter: string;
  sites: SiteRow[];
  plannedStart: string;
  plannedEnd: string;
  actualStart: string;
  actualEnd: string;
  requiresYard: boolean;
  yardStart: string;
  yardEnd: string;
  amountMxn: string;
  amountUsd: string;
  termDays: string;
}

export const DATE_FIELDS = ['plannedStart', 'plannedEnd', 'actualStart', 'actualEnd', 'yardStart', 'yardEnd'] as const;
type DateField = (typeof DATE_FIELDS)[number];

let rowKey = 0;
export function newSiteRow(siteId = '', role: SiteRole = 'main'): SiteRow {
  rowKey += 1;
  return { key: rowKey, siteId, role };
}

export function emptyWorkOrderValues(): WorkOrderFormValues {
  return {
    kind: 'initial',
    parent: null,
    folio: '',
    description: '',
    clientId: '',
    leaderId: '',
    frontId: '',
    status: 'asignada',
    clientResponsible: '',
    officialLetter: '',
    sites: [],
    plannedStart: '',
    plannedEnd: '',
    actualStart: '',
    actualEnd: '',
    requiresYard: false,
    yardStart: '',
    yardEnd: '',
    amountMxn: '',
    amountUsd: '',
    termDays: '',
  };
}

const idText = (id: number | null) => (id === null ? '' : String(id));

export function workOrderToValues(wo: WorkOrder): WorkOrderFormValues {
  return {
    kind: wo.kind,
    parent: wo.parentId === null ? null : { value: wo.parentId, label: wo.folio },
    folio: wo.folio,
    description: wo.description,
    clientId: String(wo.clientId),
    leaderId: idText(wo.leaderId),
    frontId: idText(wo.frontId),
    status: wo.status,
    clientResponsible: wo.clientResponsible ?? '',
    officialLetter: wo.officialLetter ?? '',
    sites: wo.sites.map((s) => newSiteRow(String(s.siteId), s.role)),
    plannedStart: wo.plannedStart ? formatDate(wo.plannedStart) : '',
    plannedEnd: wo.plannedEnd ? formatDate(wo.plannedEnd) : '',
    actualStart: wo.actualStart ? formatDate(wo.actualStart) : '',
    actualEnd: wo.actualEnd ? formatDate(wo.actualEnd) : '',
    requiresYard: wo.requiresYard,
    yardStart: wo.yardStart ? formatDate(wo.yardStart) : '',
    yardEnd: wo.yardEnd ? formatDate(wo.yardEnd) : '',
    amountMxn: formatAmount(wo.amountMxn),
    amountUsd: formatAmount(wo.amountUsd),
    termDays: wo.termDays === null ? '' : String(wo.termDays),
  };
}

/**
 * A new reprogramming starts from its initial OT: same folio, description, client, leader,
 * front and sites; dates, amounts and the official letter are the reprogramming's own.
 */
export function reprogrammingValues(parent: WorkOrder): WorkOrderFormValues {
  const fromParent = workOrderToValues(parent);
  return {
    ...emptyWorkOrderValues(),
    kind: 'reprogramming',
    parent: { value: parent.id, label: parent.folio },
    folio: fromParent.folio,
    description: fromParent.description,
    clientId: fromParent.clientId,
    leaderId: fromParent.leaderId,
    frontId: fromParent.frontId,
    clientResponsible: fromParent.clientResponsible,
    sites: fromParent.sites,
    requiresYard: fromParent.requiresYard,
  };
}

export type BuildResult<B> = { ok: true; body: B } | { ok: false; errors: Record<string, MessageKey> };

const textOrNull = (s: string) => (s.trim() ? s.trim() : null);
const idOrNull = (s: string) => (s ? Number(s) : null);

function commonFields(values: WorkOrderFormValues, errors: Record<string, MessageKey>) {
  const dates = {} as Record<DateField, string | null>;
  for (const field of DATE_FIELDS) {
    const parsed = parseDisplayDate(values[field]);
    if (!parsed.ok) {
      errors[field] = 'common.invalidDate';
      dates[field] = null;
    } else {
      dates[field] = parsed.iso;
    }
  }
  if (!values.folio.trim()) errors.folio = 'common.required';
  if (!values.description.trim()) errors.description = 'common.required';
  if (!values.clientId) errors.clientId = 'common.required';

  const termText = values.termDays.trim().replace(/,/g, '');
  let termDays: number | null = null;
  if (termText) {
    const n = Number(termText);
    if (!Number.isInteger(n) || n < 0) errors.termDays = 'wo.termDaysInvalid';
    else termDays = n;
  }

  const sites = values.sites.filter((s) => s.siteId).map((s) => ({ siteId: Number(s.siteId), role: s.role }));
  const amount = (text: string) => amountInputToPlain(text) || '0';

  return {
    folio: values.folio.trim(),
    description: values.description.trim(),
    clientId: Number(values.clientId),
    leaderId: idOrNull(values.leaderId),
    frontId: idOrNull(values.frontId),
    status: values.status,
    clientResponsible: textOrNull(values.clientResponsible),
    officialLetter: textOrNull(values.officialLetter),
    sites,
    plannedStart: dates.plannedStart,
    plannedEnd: dates.plannedEnd,
    actualStart: dates.actualStart,
    actualEnd: dates.actualEnd,
    requiresYard: values.requiresYard,
    // Without a yard phase its window is meaningless: clear it rather than keep stale dates.
    yardStart: values.requiresYard ? dates.yardStart : null,
    yardEnd: values.requiresYard ? dates.yardEnd : null,
    amountMxn: amount(values.amountMxn),
    amountUsd: amount(values.amountUsd),
    termDays,
  };
}

export function buildCreateBody(values: WorkOrderFormValues): BuildResult<CreateWorkOrderBody> {
  const errors: Record<string, MessageKey> = {};
  const fields = commonFields(values, errors);
  if (values.kind === 'reprogramming' && !values.parent) errors.parentId = 'wo.parentRequired';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    body: { ...fields, kind: values.kind, parentId: values.kind === 'reprogramming' ? (values.parent?.value ?? null) : null },
  };
}

export function buildUpdateBody(values: WorkOrderFormValues): BuildResult<UpdateWorkOrderBody> {
  const errors: Record<string, MessageKey> = {};
  const fields = commonFields(values, errors);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: fields };
}

/** Calendar days from start to end inclusive, for the term hint; `null` when unknown. */
export function inclusiveDays(startText: string, endText: string): number | null {
  const start = parseDisplayDate(startText);
  const end = parseDisplayDate(endText);
  if (!start.ok || !end.ok || !start.iso || !end.iso) return null;
  const ms = Date.parse(`${end.iso}T00:00:00Z`) - Date.parse(`${start.iso}T00:00:00Z`);
  const days = Math.round(ms / 86_400_000) + 1;
  return days > 0 ? days : null;
}
