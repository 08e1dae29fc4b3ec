import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n';
import type { Capability } from '../permissions';

export interface NavItem {
  to: string;
  labelKey: MessageKey;
  testId: string;
  icon: () => ReactNode;
  /** Shown only to roles with this capability. */
  capability?: Capability;
}

export interface NavSection {
  titleKey: MessageKey;
  items: NavItem[];
}

/** Paths of every screen, in one place (links elsewhere use these helpers). */
export const paths = {
  home: '/',
  login: '/login',
  production: '/produccion',
  dailyReports: '/produccion/reportes-diarios',
  gpuBoard: '/produccion/gpu',
  monthlyReports: '/reportes-mensuales',
  monthlyReport: (id: number | string) => `/reportes-mensuales/${id}`,
  estimates: '/estimaciones',
  workOrders: '/ots',
  newWorkOrder: '/ots/nueva',
  workOrder: (id: number | string) => `/ots/${id}`,
  editWorkOrder: (id: number | string) => `/ots/${id}/editar`,
  annex: (id: number | string) => `/ots/${id}/anexo`,
  contractCatalogue: '/catalogos/anexo-c',
  clients: '/catalogos/clientes',
  sites: '/catalogos/sitios',
  units: '/catalogos/unidades',
  fronts: '/catalogos/frentes',
  audit: '/auditoria',
  users: '/admin/usuarios',
  account: '/mi-cuenta',
} as const;
