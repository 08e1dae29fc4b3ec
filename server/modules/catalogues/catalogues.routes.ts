import type { FastifyInstance } from 'fastify';
import * as c from '../../../contracts/catalogues';
import type { Db } from '../../db/database';
import { clients, fronts, sites, units } from '../../db/schema';
import { registerCatalogue } from './catalogue-crud';

const SITE_KIND_ES = { yard: 'Patio', vessel: 'Embarcación', platform: 'Plataforma', interconnection: 'Interconexión' } as const;
const yesNo = (v: unknown) => (v ? 'Sí' : 'No');

export function registerCatalogueRoutes(app: FastifyInstance, db: Db) {
  registerCatalogue(app, db, {
    path: 'clients',
    entity: 'client',
    tag: 'Catálogos',
    table: clients,
    searchColumns: [clients.name, clients.taxId],
    orderBy: clients.name,
    item: c.Client,
    create: c.CreateClientBody,
    update: c.UpdateClientBody,
    sheetName: 'Clientes',
    exportColumns: [
      { header: 'ID', value: (r) => r.id },
      { header: 'Cliente', width: 40, value: (r) => r.name as string },
      { header: 'RFC', value: (r) => r.taxId as string },
      { header: 'Activo', value: (r) => yesNo(r.active) },
    ],
  });
  registerCatalogue(app, db, {
    path: 'sites',
    entity: 'site',
    tag: 'Catálogos',
    table: sites,
    searchColumns: [sites.name],
    orderBy: sites.name,
    item: c.Site,
    create: c.CreateSiteBody,
    update: c.UpdateSiteBody,
    sheetName: 'Sitios',
    exportColumns: [
      { header: 'ID', value: (r) => r.id },
      { header: 'Sitio', width: 40, value: (r) => r.name as string },
      { header: 'Tipo', value: (r) => SITE_KIND_ES[r.kind as keyof typeof SITE_KIND_ES] },
      { header: 'Activo', value: (r) => yesNo(r.active) },
    ],
  });
  registerCatalogue(app, db, {
    path: 'units',
    entity: 'unit',
    tag: 'Catálogos',
    table: units,
    searchColumns: [units.code, units.name],
    orderBy: units.code,
    item: c.Unit,
    create: c.CreateUnitBody,
    update: c.UpdateUnitBody,
    sheetName: 'Unidades',
    exportColumns: [
      { header: 'Clave', value: (r) => r.code as string },
      { header: 'Unidad', width: 30, value: (r) => r.name as string },
      { header: 'Alias', width: 40, value: (r) => (r.aliases as string[]).join(', ') },
      { header: 'Activo', value: (r) => yesNo(r.active) },
    ],
  });
  registerCatalogue(app, db, {
    path: 'fronts',
    entity: 'front',
    tag: 'Catálogos',
    table: fronts,
    searchColumns: [fronts.code, fronts.name],
    orderBy: fronts.code,
    item: c.Front,
    create: c.CreateFrontBody,
    update: c.UpdateFrontBody,
    sheetName: 'Frentes',
    exportColumns: [
      { header: 'Clave', value: (r) => r.code as string },
      { header: 'Frente', width: 30, value: (r) => r.name as string },
      { header: 'Activo', value: (r) => yesNo(r.active) },
    ],
  });
}
