/**
 * Arranges the e2e production scenario through the real HTTP API: contract catalogue import, an
 * OT at a new site, its annex imported from a sábana workbook generated here (real catalogue
 * items, caps small enough to produce excess, planned volumes), and a supervisor scoped to it.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { inject } from 'vitest';
import { apiSession } from '../support/browser';

const FIXTURES = new URL('../fixtures/', import.meta.url);
export const PERIOD = { year: 2025, month: 3 };
export type Api = Awaited<ReturnType<typeof apiSession>>;

async function upload(api: Api, url: string, bytes: Buffer, fileName: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
  const res = await fetch(`${inject('baseUrl')}${url}`, {
    method: 'POST',
    headers: { cookie: api.cookie, 'x-csrf-token': api.csrfToken },
    body: form,
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`upload ${url}: ${res.status} ${text}`);
  return JSON.parse(text) as { id: number; counts: Record<string, number> };
}

async function ok<T = any>(p: Promise<{ status: number; text: string; json(): any }>, expected = [200, 201]): Promise<T> {
  const r = await p;
  if (!expected.includes(r.status)) throw new Error(`API ${r.status}: ${r.text}`);
  return r.json() as T;
}

interface CatItem {
  subAnnex: string;
  code: string;
  concept: string;
  unitCode: string;
  puMxn: string;
  puUsd: string;
}

let catalogueReady: Promise<void> | null = null;

/** Imports the contract catalogue once per e2e run (other files may have done it already). */
export function ensureCatalogue(api: Api): Promise<void> {
  catalogueReady ??= (async () => {
    const existing = await ok<{ total: number }>(api.call('GET', '/api/v1/catalogue/items?subAnnex=C-2&limit=1'));
    if (existing.total > 0) return;
    const preview = await upload(
      api,
      '/api/v1/catalogue/imports?format=contract&contractNumber=E2E-CONTRATO',
      await readFile(new URL('anexo-c-contrato.xlsx', FIXTURES)),
      'anexo-c-contrato.xlsx',
    );
    await ok(api.call('POST', `/api/v1/catalogue/imports/${preview.id}/commit`));
  })();
  return catalogueReady;
}

async function catalogueItems(api: Api, subAnnex: string, count: number): Promise<CatItem[]> {
  const list = await ok<{ items: CatItem[] }>(
    api.call('GET', `/api/v1/catalogue/items?subAnnex=${encodeURIComponent(subAnnex)}&limit=50&kind=ordinary`),
  );
  // Distinct codes, priced in MXN, so amounts are visible.
  const seen = new Set<string>();
  const out: CatItem[] = [];
  for (const i of list.items) {
    if (seen.has(i.code) || Number(i.puMxn) <= 0) continue;
    seen.add(i.code);
    out.push(i);
    if (out.length === count) break;
  }
  if (out.length < count) throw new Error(`not enough ${subAnnex} catalogue items`);
  return out;
}

export interface LineSpec {
  item: CatItem;
  cap: string;
  /** Planned volume per day of March 2025 (index 0 = day 1). */
  planned?: (number | null)[];
}

async function sabanaWorkbook(lines: LineSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('SABANA DE RECURSOS');
  ws.addRow([null, null, null, null, 'PROPUESTA TECNICA E2E']);
  const days = Array.from({ length: 31 }, (_, i) => new Date(Date.UTC(PERIOD.year, PERIOD.month - 1, i + 1)));
  ws.addRow(['ID', 'OK', 'ANEXO', 'PARTIDA', 'CONCEPTO', 'UNIDAD', 'VOLUMEN PTE', 'P.U. M.N.', 'P.U. USD', ...days, 'TOTALES']);
  lines.forEach((l, i) =>
    ws.addRow([
      i + 1,
      'OK',
      l.item.subAnnex,
      l.item.code,
      l.item.concept,
      l.item.unitCode,
      Number(l.cap),
      Number(l.item.puMxn),
      Number(l.item.puUsd),
      ...(l.planned ?? []),
    ]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface Scenario {
  admin: Api;
  siteId: number;
  siteName: string;
  workOrderId: number;
  folio: string;
  /** Line item ids in grid order, with their caps and prices. */
  lines: { id: number; code: string; cap: string; puMxn: string; puUsd: string; subAnnex: string }[];
  supervisor: { email: string; password: string };
}

export async function arrangeScenario(tag: string, caps: { c2: string[]; c3: string[] }): Promise<Scenario> {
  const admin = await apiSession();
  await ensureCatalogue(admin);
  const client = await ok<{ id: number }>(admin.call('POST', '/api/v1/clients', { name: `Cliente ${tag}` }));
  const site = await ok<{ id: number; name: string }>(admin.call('POST', '/api/v1/sites', { name: `Plataforma ${tag}`, kind: 'platform' }));
  const folio = `OT-E2E-${tag}`;
  // Window 1–20 March: days 21–31 are outside it (closed to capture).
  const wo = await ok<{ id: number }>(
    admin.call('POST', '/api/v1/work-orders', {
      folio,
      description: 'Mantenimiento a ductos (e2e)',
      kind: 'initial',
      clientId: client.id,
      siteIds: [site.id],
      plannedStart: '2025-03-01',
      plannedEnd: '2025-03-20',
    }),
  );
  const c2 = await catalogueItems(admin, 'C-2', caps.c2.length);
  const c3 = await catalogueItems(admin, 'C-3', caps.c3.length);
  const specs: LineSpec[] = [
    ...c2.map((item, i) => ({ item, cap: caps.c2[i]!, planned: Array.from({ length: 10 }, () => 2) })),
    ...c3.map((item, i) => ({ item, cap: caps.c3[i]! })),
  ];
  const preview = await upload(admin, `/api/v1/work-orders/${wo.id}/annex-imports`, await sabanaWorkbook(specs), `sabana-${tag}.xlsx`);
  if (preview.counts.errors) throw new Error(`annex preview has errors: ${JSON.stringify(preview)}`);
  await ok(admin.call('POST', `/api/v1/annex-imports/${preview.id}/commit`, { capRule: 'replacement' }));
  const grid = await ok<{
    rows: { lineItemId: number; code: string; authorizedVolume: string; puMxn: string | null; puUsd: string | null; subAnnex: string }[];
  }>(admin.call('GET', `/api/v1/production/grid?workOrderId=${wo.id}&siteId=${site.id}&year=2025&month=3&layer=TE`));
  const supervisor = { email: `supervisor-${tag.toLowerCase()}@e2e.local`, password: 'supervisor-e2e-pass' };
  await ok(
    admin.call('POST', '/api/v1/users', {
      email: supervisor.email,
      name: `Supervisor ${tag}`,
      role: 'supervisor',
      password: supervisor.password,
      siteIds: [site.id],
      workOrderIds: [wo.id],
    }),
  );
  return {
    admin,
    siteId: site.id,
    siteName: site.name,
    workOrderId: wo.id,
    folio,
    lines: grid.rows.map((r) => ({
      id: r.lineItemId,
      code: r.code,
      cap: r.authorizedVolume,
      puMxn: r.puMxn ?? '0',
      puUsd: r.puUsd ?? '0',
      subAnnex: r.subAnnex,
    })),
    supervisor,
  };
}
