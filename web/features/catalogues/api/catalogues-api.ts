import { api, apiUrl } from '../../../app/api-client';
import type {
  Client,
  CreateClientBody,
  CreateFrontBody,
  CreateSiteBody,
  CreateUnitBody,
  Front,
  ListResponse,
  Site,
  Unit,
} from '../../../app/api-types';

/** The four simple catalogues share one API shape under `/api/v1/<kind>`. */
export type CatalogueKind = 'clients' | 'sites' | 'units' | 'fronts';

export interface CatalogueItems {
  clients: Client;
  sites: Site;
  units: Unit;
  fronts: Front;
}

export interface CatalogueBodies {
  clients: CreateClientBody;
  sites: CreateSiteBody;
  units: CreateUnitBody;
  fronts: CreateFrontBody;
}

export interface CatalogueListParams {
  q?: string;
  active?: boolean;
  limit?: number;
  offset?: number;
}

export const catalogueKeys = {
  all: (kind: CatalogueKind) => ['catalogue', kind] as const,
  list: (kind: CatalogueKind, params: CatalogueListParams) => ['catalogue', kind, 'list', params] as const,
};

function query(params: CatalogueListParams) {
  return { q: params.q, active: params.active, limit: params.limit, offset: params.offset };
}

export function listCatalogue<K extends CatalogueKind>(kind: K, params: CatalogueListParams, signal?: AbortSignal) {
  return api.get<ListResponse<CatalogueItems[K]>>(`/${kind}`, query(params), { signal });
}

export function createCatalogueItem<K extends CatalogueKind>(kind: K, body: CatalogueBodies[K]) {
  return api.post<CatalogueItems[K]>(`/${kind}`, body);
}

export function updateCatalogueItem<K extends CatalogueKind>(
  kind: K,
  id: number,
  body: Partial<CatalogueBodies[K]> & { active?: boolean },
) {
  return api.patch<CatalogueItems[K]>(`/${kind}/${id}`, body);
}

/** XLSX of the list as filtered on screen. */
export function catalogueExportUrl(kind: CatalogueKind, params: CatalogueListParams): string {
  return apiUrl(`/${kind}/export.xlsx`, { q: params.q, active: params.active });
}
