/**
 * The evidence-link check is not a way into the app's own network (SSRF): by default it refuses to
 * connect to loopback, private, link-local (cloud metadata) and other internal addresses — given
 * as IP literals, as names that resolve to them, or reached by a redirect — and records why.
 * CARPETA_EVIDENCE_CHECK_PRIVATE=1 (tested in monthly-report-checklist.test.ts) allows them.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isInternalAddress, probeUrl } from '../../server/modules/monthly-reports/evidence-reachability';
import { buildCompleteMonth } from '../support/builders-monthly';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let server: http.Server;
let hits = 0;
let base = '';
beforeAll(async () => {
  t = await createTestApp();
  server = http.createServer((_req, res) => {
    hits++;
    res.end('secret');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  await t.close();
});

describe('internal addresses', () => {
  it('are recognised in every range, IPv4 and IPv6 (mapped too); public ones are not', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '::1',
      '::',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '::ffff:169.254.169.254',
    ])
      expect(isInternalAddress(a), a).toBe(true);
    for (const a of ['8.8.8.8', '1.1.1.1', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])
      expect(isInternalAddress(a), a).toBe(false);
  });

  it('are never contacted: IP literal, a name resolving to loopback, IPv6 loopback', async () => {
    const port = (server.address() as AddressInfo).port;
    for (const url of [`${base}/x`, `http://localhost:${port}/x`, `http://[::1]:${port}/x`, 'http://169.254.169.254/latest/meta-data/']) {
      const r = await probeUrl(url, { timeoutMs: 2000 });
      expect(r, url).toEqual({
        reachable: false,
        httpStatus: null,
        error: 'El enlace apunta a una red interna; no se verifica desde el servidor',
      });
    }
    expect(hits).toBe(0);
    // The same local server is reachable when internal addresses are allowed.
    expect(await probeUrl(`${base}/x`, { allowPrivate: true })).toMatchObject({ reachable: true, httpStatus: 200 });
    expect(hits).toBeGreaterThan(0);
  });

  it('the API records the refusal as the check result (a warning), without contacting the address', async () => {
    hits = 0;
    const m = await buildCompleteMonth(t);
    await t.database.pool.query(`update monthly_reports set evidence_url = $2 where id = $1`, [m.reportId, `${base}/carpeta`]);
    const res = await t.admin.post(`/api/v1/monthly-reports/${m.reportId}/evidence-check`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ reachable: false, httpStatus: null, error: expect.stringContaining('red interna') });
    expect(hits).toBe(0);
  });
});
