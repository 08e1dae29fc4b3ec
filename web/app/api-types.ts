/**
 * Types of the HTTP API, inferred from the zod contracts (type-only: no zod code reaches the
 * bundle from here). Request bodies use `z.input` because the server applies defaults/transforms.
 */
import type { z } from 'zod';
import type * as Audit from '../../contracts/audit';
import type * as Auth from '../../contracts/auth';
import type * as Catalogues from '../../contracts/catalogues';
import type * as Users from '../../contracts/users';
import type * as WorkOrders from '../../contracts/work-orders';

export interface ListResponse<T> {
  items: T[];
  total: number;
}

export type Role = z.infer<typeof Auth.Role>;
export type SessionUser = z.infer<typeof Auth.SessionUser>;
export type LoginBody = z.input<typeof Auth.LoginBody>;
export type LoginResponse = z.infer<typeof Auth.LoginResponse>;
export type SessionResponse = z.infer<typeof Auth.SessionResponse>;
export type ChangePasswordBody = z.input<typeof Auth.ChangePasswordBody>;
export type ApiToken = z.infer<typeof Auth.ApiToken>;
export type CreatedToken = z.infer<typeof Auth.CreatedToken>;
export type CreateTokenBody = z.input<typeof Auth.CreateTokenBody>;

export type User = z.infer<typeof Users.User>;
export type CreateUserBody = z.input<typeof Users.CreateUserBody>;
export type UpdateUserBody = z.input<typeof Users.UpdateUserBody>;
export type ResetPasswordBody = z.input<typeof Users.ResetPasswordBody>;

export type SiteKind = z.infer<typeof Catalogues.SiteKind>;
export type Client = z.infer<typeof Catalogues.Client>;
export type Site = z.infer<typeof Catalogues.Site>;
export type Unit = z.infer<typeof Catalogues.Unit>;
export type Front = z.infer<typeof Catalogues.Front>;
export type CreateClientBody = z.input<typeof Catalogues.CreateClientBody>;
export type CreateSiteBody = z.input<typeof Catalogues.CreateSiteBody>;
export type CreateUnitBody = z.input<typeof Catalogues.CreateUnitBody>;
export type CreateFrontBody = z.input<typeof Catalogues.CreateFrontBody>;

export type WorkOrder = z.infer<typeof WorkOrders.WorkOrder>;
export type WorkOrderStatus = z.infer<typeof WorkOrders.WorkOrderStatus>;
export type WorkOrderKind = z.infer<typeof WorkOrders.WorkOrderKind>;
export type SiteRole = z.infer<typeof WorkOrders.SiteRole>;
export type WorkOrderSite = z.infer<typeof WorkOrders.WorkOrderSite>;
export type CreateWorkOrderBody = z.input<typeof WorkOrders.CreateWorkOrderBody>;
export type UpdateWorkOrderBody = z.input<typeof WorkOrders.UpdateWorkOrderBody>;

export type AuditEntry = z.infer<typeof Audit.AuditEntry>;

/** Closed value lists, kept here as runtime arrays so selects can list them (checked against the contracts' types). */
export const ROLES = ['admin', 'gerente_operaciones', 'supervisor', 'administracion', 'consulta'] as const satisfies readonly Role[];
export const SITE_KINDS = ['yard', 'vessel', 'platform', 'interconnection'] as const satisfies readonly SiteKind[];
export const SITE_ROLES = ['main', 'yard', 'platform', 'interconnection'] as const satisfies readonly SiteRole[];
export const WORK_ORDER_KINDS = ['initial', 'reprogramming'] as const satisfies readonly WorkOrderKind[];
export const WORK_ORDER_STATUSES = [
  'asignada',
  'en_ejecucion',
  'suspendida',
  'diferida',
  'diferida_sin_iniciar',
  'terminada',
  'cancelada',
  'por_cancelar',
] as const satisfies readonly WorkOrderStatus[];
