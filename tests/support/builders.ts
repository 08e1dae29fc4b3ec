/** Test data builders with overrides, going through the real API (so rules and audit apply). */
import type { TestClient } from './test-app';

let seq = 0;
const next = () => `${Date.now().toString(36)}${(++seq).toString(36)}`;

async function created<T = { id: number }>(res: { statusCode: number; body: string; json(): unknown }): Promise<T> {
  if (res.statusCode !== 201) throw new Error(`expected 201, got ${res.statusCode}: ${res.body}`);
  return res.json() as T;
}

export async function buildClient(c: TestClient, overrides: Record<string, unknown> = {}) {
  return created<{ id: number; name: string }>(await c.post('/api/v1/clients', { name: `Cliente ${next()}`, ...overrides }));
}

export async function buildSite(c: TestClient, overrides: Record<string, unknown> = {}) {
  return created<{ id: number; name: string }>(await c.post('/api/v1/sites', { name: `Sitio ${next()}`, kind: 'platform', ...overrides }));
}

export async function buildWorkOrder(c: TestClient, overrides: Record<string, unknown> = {}) {
  const clientId = (overrides.clientId as number | undefined) ?? (await buildClient(c)).id;
  const siteIds = (overrides.siteIds as number[] | undefined) ?? [(await buildSite(c)).id];
  return created<{
    id: number;
    folio: string;
    familyId: number;
    sites: { siteId: number }[];
    validity: { start: string | null; end: string | null };
  }>(
    await c.post('/api/v1/work-orders', {
      folio: `OT-${next()}`,
      description: 'Mantenimiento a ductos',
      kind: 'initial',
      clientId,
      siteIds,
      plannedStart: '2025-03-01',
      plannedEnd: '2025-05-31',
      ...overrides,
    }),
  );
}
