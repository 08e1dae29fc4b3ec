/**
 * Measures the production grid screen at 3,000 line items × 31 days in headless Chromium (the
 * numbers recorded in docs/decisions/004-grid-library.md). The grid answer is generated here
 * (deterministic, shaped like quality.md §2: C-2/C-3/C-4/C-5 at 40/30/20/10 %, ~30 % of cells with
 * volume, ~20 % planned) and served to the real, built UI through a route stub, so the browser
 * side is measured alone; server times are the benchmark's (`npm run bench`).
 * Prints the figures; asserts only generous bounds (timing is never a unit of truth in CI).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { gridKpis } from '../../domain/grid-kpis';
import { amount, sumAmounts } from '../../domain/money';
import { apiSession, launchBrowser, loginAs, newPage } from '../support/browser';

const N = Number(process.env.GRID_PERF_ROWS ?? 3000);
const DAYS = 31;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function syntheticGrid(workOrderId: number, siteId: number) {
  const r = rng(42);
  const subs = [
    ['C-2', 0.4],
    ['C-3', 0.3],
    ['C-4', 0.2],
    ['C-5', 0.1],
  ] as const;
  const rows: any[] = [];
  const subtotals: any[] = [];
  for (const [sub, share] of subs) {
    const count = Math.round(N * share);
    const firstRow = rows.length;
    for (let i = 0; i < count; i++) {
      const usd = r() < 0.3;
      const pu = (r() * 5000 + 10).toFixed(4);
      const volumes = Array.from({ length: DAYS }, () => (r() < 0.3 ? (r() * 50).toFixed(3) : null));
      const planned = Array.from({ length: DAYS }, () => (r() < 0.2 ? (r() * 50).toFixed(2) : null));
      const monthTotal = volumes.reduce((a, v) => a + (v ? Number(v) : 0), 0).toFixed(3);
      rows.push({
        lineItemId: rows.length + 1,
        subAnnex: sub,
        code: `${sub.slice(2)}.${i + 1}.`,
        concept: `Concepto sintético ${sub} ${i + 1} para medir la sábana`,
        unit: 'PZA',
        authorizedVolume: String(Math.round(r() * 2000)),
        puMxn: usd ? null : pu,
        puUsd: usd ? pu : null,
        origin: 'annex',
        requiresGpu: sub === 'C-2' || sub === 'C-3',
        producedBefore: (r() * 300).toFixed(3),
        volumes,
        excess: volumes.map(() => null),
        monthTotal,
        amountMxn: usd ? '0.00' : amount(monthTotal, pu),
        amountUsd: usd ? amount(monthTotal, pu) : '0.00',
        excessTotal: '0',
        producedThisMonthElsewhere: '0',
        planned,
        otherLayer: volumes.map(() => null),
      });
    }
    const part = rows.slice(firstRow);
    subtotals.push({
      subAnnex: sub,
      firstRow,
      lineItemCount: count,
      authorizedMxn: sumAmounts(part.map((x) => (x.puMxn ? amount(x.authorizedVolume, x.puMxn) : '0'))),
      authorizedUsd: sumAmounts(part.map((x) => (x.puUsd ? amount(x.authorizedVolume, x.puUsd) : '0'))),
      monthMxn: sumAmounts(part.map((x) => x.amountMxn)),
      monthUsd: sumAmounts(part.map((x) => x.amountUsd)),
    });
  }
  const kpis = gridKpis(
    rows.map((x) => ({
      authorizedVolume: x.authorizedVolume,
      puMxn: x.puMxn,
      puUsd: x.puUsd,
      producedBefore: x.producedBefore,
      producedThisMonth: x.monthTotal,
    })),
  );
  return {
    familyId: workOrderId,
    folio: 'OT-PERF',
    year: 2025,
    month: 7,
    siteId,
    siteName: 'Plataforma perf',
    layer: 'TE',
    revision: 1,
    window: { start: '2025-01-01', end: '2025-12-31' },
    monthlyReport: { id: 1, status: 'abierto', evidenceUrl: null },
    days: Array.from({ length: DAYS }, (_, i) => ({
      date: `2025-07-${String(i + 1).padStart(2, '0')}`,
      day: i + 1,
      lockedReason: null,
      dailyReport: null,
    })),
    rows,
    subtotals,
    kpis,
    abilities: { edit: true },
  };
}

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page } = await newPage(browser));
  await loginAs(page);
}, 120_000);
afterAll(async () => browser?.close());

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

/** Scrolls the grid with one step per animation frame and returns the frame intervals (ms). */
async function scrollFrames(p: Page, axis: 'top' | 'left', step: number, frames: number): Promise<number[]> {
  return p.evaluate(
    ({ axis, step, frames }) =>
      new Promise<number[]>((resolve) => {
        const el = document.querySelector('[data-testid="production-grid"]') as HTMLElement;
        const times: number[] = [];
        let last = performance.now();
        let n = 0;
        const tick = (now: number) => {
          times.push(now - last);
          last = now;
          if (axis === 'top') el.scrollTop += step;
          else el.scrollLeft += step;
          if (++n < frames) requestAnimationFrame(tick);
          else resolve(times.slice(1));
        };
        requestAnimationFrame(tick);
      }),
    { axis, step, frames },
  );
}

it(`grid at ${N} line items × ${DAYS} days: first render, scrolling, typing, paste`, async () => {
  const api = await apiSession();
  const client = (await api.call('POST', '/api/v1/clients', { name: `Cliente perf ${Date.now()}` })).json();
  const site = (await api.call('POST', '/api/v1/sites', { name: `Plataforma perf ${Date.now()}`, kind: 'platform' })).json();
  const wo = (
    await api.call('POST', '/api/v1/work-orders', {
      folio: `OT-PERF-${Date.now()}`,
      description: 'perf',
      kind: 'initial',
      clientId: client.id,
      siteIds: [site.id],
      plannedStart: '2025-01-01',
      plannedEnd: '2025-12-31',
    })
  ).json();
  const body = JSON.stringify(syntheticGrid(wo.id, site.id));
  await page.route('**/api/v1/production/grid?*', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));

  const cdp = process.env.GRID_PERF_PROFILE ? await page.context().newCDPSession(page) : null;
  const profile = async (label: string, fn: () => Promise<unknown>) => {
    if (!cdp) return fn();
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
    await fn();
    const { profile: prof } = (await cdp.send('Profiler.stop')) as {
      profile: {
        nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
        samples: number[];
        timeDeltas: number[];
      };
    };
    const self = new Map<string, number>();
    const byId = new Map(prof.nodes.map((n) => [n.id, n]));
    prof.samples.forEach((id, i) => {
      const n = byId.get(id)!;
      const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${(n.callFrame as any).columnNumber}`;
      self.set(key, (self.get(key) ?? 0) + (prof.timeDeltas[i] ?? 0) / 1000);
    });
    console.log(
      `PROFILE ${label}\n` +
        [...self]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 25)
          .map(([k, v]) => `${v.toFixed(1).padStart(8)} ms  ${k}`)
          .join('\n'),
    );
  };
  const t0 = Date.now();
  await page.goto(`/produccion?ot=${wo.id}&sitio=${site.id}&anio=2025&mes=7&capa=TE`);
  await page.getByTestId('cell-1-1').waitFor();
  const firstRender = Date.now() - t0;
  const domCells = await page.locator('[role="gridcell"]').count();

  let down: number[] = [];
  await profile('scroll', async () => (down = await scrollFrames(page, 'top', 400, 150)));
  const wheel = await scrollFrames(page, 'top', -100, 150);
  const right = await scrollFrames(page, 'left', 60, 60);
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid="production-grid"]') as HTMLElement;
    el.scrollTop = 0;
    el.scrollLeft = 0;
  });
  await page.getByTestId('cell-1-1').waitFor();

  // Typing one cell: keystroke → committed → KPI recomputed over all rows.
  const kpiText = () => page.getByTestId('grid-kpis').textContent();
  const before = await kpiText();
  await page.getByTestId('cell-1-1').click();
  const t1 = Date.now();
  await profile('type', async () => {
    await page.keyboard.type('123.5');
    await page.keyboard.press('Enter');
    await expect.poll(kpiText, { interval: 5 }).not.toBe(before);
  });
  const typeToKpi = Date.now() - t1;

  // Pasting a 100 × 31 block (3,100 cells).
  const block = Array.from({ length: 100 }, (_, i) => Array.from({ length: DAYS }, (_, d) => ((i * 31 + d) % 97) / 4).join('\t')).join(
    '\r\n',
  );
  await page.getByTestId('cell-2-1').click();
  const t2 = Date.now();
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, block);
  await page.getByTestId('unsaved-badge').waitFor();
  const pasteMs = Date.now() - t2;

  const heap = await page.evaluate(() => (performance as any).memory?.usedJSHeapSize ?? 0);
  const result = {
    rows: N,
    days: DAYS,
    payloadKb: Math.round(body.length / 1024),
    firstRenderMs: firstRender,
    domCells,
    scrollDown400px: {
      p50: pct(down, 50).toFixed(1),
      p95: pct(down, 95).toFixed(1),
      max: Math.max(...down).toFixed(1),
      frames: down.length,
    },
    scrollWheel100px: {
      p50: pct(wheel, 50).toFixed(1),
      p95: pct(wheel, 95).toFixed(1),
      max: Math.max(...wheel).toFixed(1),
      frames: wheel.length,
    },
    scrollRight: {
      p50: pct(right, 50).toFixed(1),
      p95: pct(right, 95).toFixed(1),
      max: Math.max(...right).toFixed(1),
      frames: right.length,
    },
    typeToKpiMs: typeToKpi,
    paste3100CellsMs: pasteMs,
    jsHeapMb: Math.round(heap / 1048576),
  };
  console.log(`GRID_PERF ${JSON.stringify(result)}`);
  expect(domCells).toBeLessThan(2500); // virtualized: a screenful, not 3,000 × 40
  expect(firstRender).toBeLessThan(15_000);
}, 180_000);
