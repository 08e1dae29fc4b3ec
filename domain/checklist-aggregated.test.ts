import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVIDENCE_URL_PATTERNS, checklistFactsFromInput, classifyEvidenceUrl, computeChecklistFromFacts } from './checklist-aggregated.js';
import {
  computeChecklist,
  type ChecklistDailyReport,
  type ChecklistInput,
  type ChecklistItem,
  type ChecklistLineItem,
  type ChecklistPlannedVolume,
  type ChecklistProductionEntry,
} from './checklist.js';
import { OPERATIONAL_STATUSES } from './daily-report.js';
import { isHttpUrl } from './evidence-link.js';
import { MONTHLY_REPORT_STATUSES } from './monthly-report-status.js';
import { SIGNATURE_STATUSES } from './signature-status.js';
import { SIGN_OFF_KINDS } from './sign-off.js';
import { makeWindow } from './validity-window.js';

const YEAR = 2025;
const MONTH = 3;
const inMonth = Array.from({ length: 31 }, (_, i) => `2025-03-${String(i + 1).padStart(2, '0')}`);
/** Mostly days of the month, a few outside (they must be ignored by both paths). */
const dateArb = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...inMonth) },
  { weight: 1, arbitrary: fc.constantFrom('2025-02-28', '2025-04-01') },
);
const urlArb = fc.constantFrom(
  null,
  '',
  'https://drive.google.com/gpu/1',
  'http://example.com/a b',
  'javascript:alert(1)',
  'http:/x',
  'ftp://files.example.com/x',
  'HTTPS://EXAMPLE.COM',
  'http://127.0.0.1:8080/x',
  'http://999.1.1.1/',
  'http://a:99999/',
  'https://xn--a.com/',
);
const subAnnexArb = fc.constantFrom<string | null>('C-2', 'C-3', 'C2EXT', 'C-2.', 'ANEXO C3EXT', 'C-4', 'C-5', 'C-4-1', null, 'S/A');
const volumeArb = fc.constantFrom('0', '1', '2.5', '0.000001', '10');

/** Random per-row input in the canonical order the server loads (entries, line items and plans by id). */
const inputArb: fc.Arbitrary<ChecklistInput> = fc
  .record({
    siteCount: fc.integer({ min: 1, max: 3 }),
    windows: fc.array(
      fc.tuple(
        fc.constantFrom<string | null>(null, '2025-02-15', '2025-03-01', '2025-03-10'),
        fc.constantFrom<string | null>(null, '2025-03-05', '2025-03-31', '2025-04-30'),
      ),
      { minLength: 3, maxLength: 3 },
    ),
    reportCells: fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: 4 }), dateArb), { maxLength: 60, selector: ([s, d]) => `${s}|${d}` }),
    reportProps: fc.array(
      fc.tuple(fc.constantFrom(...OPERATIONAL_STATUSES), fc.constantFrom(...SIGNATURE_STATUSES), fc.boolean(), urlArb),
      { minLength: 60, maxLength: 60 },
    ),
    items: fc.uniqueArray(
      fc.record({
        id: fc.integer({ min: 1, max: 40 }),
        code: fc.constantFrom('1.1.', '2.1.', '2.2.', '3.1.', '4.4.', '5.5.', 'C3EXT-0977'),
        puMxn: fc.constantFrom<string | null>(null, '0', '100', '100.00', '5.5'),
        puUsd: fc.constantFrom<string | null>(null, '0', '1.25'),
        catalogue: fc.option(
          fc.record({
            puMxn: fc.constantFrom<string | null>(null, '100', '5.50'),
            puUsd: fc.constantFrom<string | null>(null, '0', '1.250'),
          }),
          { nil: null },
        ),
      }),
      { maxLength: 25, selector: (l) => l.id },
    ),
    entries: fc.uniqueArray(
      fc.record({
        id: fc.integer({ min: 1, max: 500 }),
        lineItemId: fc.integer({ min: 1, max: 42 }),
        siteId: fc.integer({ min: 1, max: 4 }),
        date: dateArb,
        layer: fc.constantFrom<'TE' | 'CMA' | null>('TE', 'CMA', 'TE', 'CMA', null),
        subAnnex: subAnnexArb,
        volume: volumeArb,
        excessVolume: fc.constantFrom('0', '0', '0.5', '1'),
        excessAcknowledged: fc.boolean(),
        coveredByNewerCap: fc.boolean(),
        gpu: fc.option(fc.tuple(fc.constantFrom(...SIGNATURE_STATUSES), urlArb), { nil: undefined }),
      }),
      { maxLength: 80, selector: (e) => e.id },
    ),
    planned: fc.uniqueArray(
      fc.record({ lineItemId: fc.integer({ min: 1, max: 42 }), date: dateArb, volume: fc.constantFrom('0', '1', '-1', '2.5') }),
      {
        maxLength: 40,
        selector: (p) => `${p.lineItemId}|${p.date}`,
      },
    ),
    signOffs: fc.uniqueArray(fc.record({ kind: fc.constantFrom(...SIGN_OFF_KINDS), userId: fc.integer({ min: 1, max: 4 }) }), {
      maxLength: 3,
      selector: (s) => s.kind,
    }),
    capturedByUserIds: fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 4 }),
    evidenceUrl: urlArb,
    reachable: fc.option(fc.boolean(), { nil: undefined }),
    status: fc.constantFrom(...MONTHLY_REPORT_STATUSES),
    today: fc.constantFrom('2025-03-10', '2025-03-27', '2025-04-15'),
  })
  .map((r): ChecklistInput => {
    const sites = Array.from({ length: r.siteCount }, (_, i) => ({
      id: i + 1,
      name: `Sitio ${i + 1}`,
      window: makeWindow(r.windows[i]![0], r.windows[i]![1]),
    }));
    const dailyReports: ChecklistDailyReport[] = r.reportCells.map(([siteId, date], i) => {
      const [operationalStatus, signatureStatus, incident, incidentLink] = r.reportProps[i]!;
      return { siteId, date, operationalStatus, signatureStatus, incident, incidentLink };
    });
    const lineItems: ChecklistLineItem[] = [...r.items].sort((a, b) => a.id - b.id);
    const entries = [...r.entries].sort((a, b) => a.id - b.id);
    const productionEntries: ChecklistProductionEntry[] = entries.map(({ gpu: _gpu, ...e }) => e);
    const gpuRecords = entries.flatMap((e) => (e.gpu ? [{ productionEntryId: e.id, status: e.gpu[0], evidenceUrl: e.gpu[1] }] : []));
    const plannedVolumes: ChecklistPlannedVolume[] = [...r.planned].sort((a, b) => a.lineItemId - b.lineItemId);
    return {
      year: YEAR,
      month: MONTH,
      today: r.today,
      status: r.status,
      sites,
      dailyReports,
      productionEntries,
      gpuRecords,
      lineItems,
      plannedVolumes,
      evidenceUrl: r.evidenceUrl,
      evidenceReachability:
        r.reachable === undefined || r.evidenceUrl === null
          ? null
          : { url: r.evidenceUrl, reachable: r.reachable, checkedAt: '2025-03-09T10:00:00Z' },
      signOffs: r.signOffs,
      capturedByUserIds: r.capturedByUserIds,
    };
  });

/** The per-row items with lists of production entries and line items cut after `cap` refs. */
const capped = (items: ChecklistItem[], cap: number): ChecklistItem[] =>
  items.map((i) => ({
    ...i,
    offending: i.offending.some((o) => o.kind === 'production_entry' || o.kind === 'line_item') ? i.offending.slice(0, cap) : i.offending,
  }));

describe('computeChecklistFromFacts', () => {
  it('equals the per-row checklist on random months', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(computeChecklistFromFacts(checklistFactsFromInput(input, Infinity), Infinity)).toEqual(computeChecklist(input));
      }),
      { numRuns: 400 },
    );
  });

  it('lists only the first refs when capped, keeping counts and messages', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 0, max: 5 }), (input, cap) => {
        expect(computeChecklistFromFacts(checklistFactsFromInput(input, cap), cap)).toEqual(capped(computeChecklist(input), cap));
      }),
      { numRuns: 300 },
    );
  });

  it('names at most ten codes then "y N más", like the per-row path', () => {
    const entries: ChecklistProductionEntry[] = Array.from({ length: 30 }, (_, i) => ({
      id: 1000 + i,
      lineItemId: i + 1,
      siteId: 1,
      date: '2025-03-02',
      layer: 'TE',
      subAnnex: 'C-2',
      volume: '1',
      excessVolume: '1',
      excessAcknowledged: false,
      coveredByNewerCap: false,
    }));
    const input: ChecklistInput = {
      year: YEAR,
      month: MONTH,
      today: '2025-03-10',
      status: 'abierto',
      sites: [{ id: 1, name: 'Plataforma', window: makeWindow('2025-03-01', '2025-03-31') }],
      dailyReports: [],
      productionEntries: entries,
      gpuRecords: [],
      lineItems: entries.map((e) => ({
        id: e.lineItemId,
        code: `2.${e.lineItemId}.`,
        puMxn: '1',
        puUsd: null,
        catalogue: { puMxn: '2', puUsd: null },
      })),
      plannedVolumes: [],
      evidenceUrl: null,
      evidenceReachability: null,
      signOffs: [],
      capturedByUserIds: [],
    };
    const items = computeChecklistFromFacts(checklistFactsFromInput(input, 3), 3);
    const gpu = items.find((i) => i.key === 'gpu_evidence')!;
    expect(gpu).toMatchObject({ result: 'falla', count: 30 });
    expect(gpu.offending).toEqual([1000, 1001, 1002].map((id) => ({ kind: 'production_entry', id })));
    expect(gpu.message_es).toBe(
      '30 registros de producción C-2/C-3 sin GPU con evidencia (partidas 2.1., 2.2., 2.3., 2.4., 2.5., 2.6., 2.7., 2.8., 2.9., 2.10. y 20 más).',
    );
    expect(items).toEqual(capped(computeChecklist(input), 3));
  });
});

describe('classifyEvidenceUrl (the patterns the SQL uses)', () => {
  const plainUrl = new RegExp(`^[hH][tT][tT][pP][sS]?://${EVIDENCE_URL_PATTERNS.authority.slice(1, -1)}([/?#][!-~]*)?$`);
  const printable = fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 });
  it('"valid" URLs are accepted by isHttpUrl', () => {
    const texts = fc.oneof(
      fc.stringMatching(plainUrl),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      printable.map((s) => `https://${s}`),
      fc.tuple(fc.stringMatching(plainUrl), printable).map(([u, s]) => `${u}${s}`),
      fc.constantFrom(
        'https://a.com?u=http://x',
        'https://a.com:http://x',
        'https:///x',
        'https://a..b/',
        'https://a.com:123456/',
        'https://-.a/',
      ),
    );
    fc.assert(
      fc.property(texts, (text) => {
        if (classifyEvidenceUrl(text) === 'valid') expect(isHttpUrl(text)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('"invalid" strings are rejected by isHttpUrl', () => {
    const texts = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }).map((s) => `http://${s}`),
      fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => `https://a.com/${s}`),
      fc.webUrl().map((u) => `${u} `),
      fc.constantFrom(`https://a.com/${'x'.repeat(2100)}`, 'http:/x', 'javascript:alert(1)', 'https://a.com/\u0000', 'http://a\u007f.com'),
    );
    fc.assert(
      fc.property(texts, (text) => {
        if (classifyEvidenceUrl(text) === 'invalid') expect(isHttpUrl(text)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('classifies typical links', () => {
    expect(classifyEvidenceUrl('https://drive.google.com/drive/folders/abc?usp=sharing')).toBe('valid');
    expect(classifyEvidenceUrl('HTTP://Example.COM:8080/a%20b#x')).toBe('valid');
    expect(classifyEvidenceUrl('https://a.com?u=http://x')).toBe('valid');
    expect(classifyEvidenceUrl('http://127.0.0.1:3000/folder')).toBe('uncertain');
    expect(classifyEvidenceUrl('https://xn--bcher-kva.example/')).toBe('uncertain');
    expect(classifyEvidenceUrl('https://user@example.com/')).toBe('uncertain');
    expect(classifyEvidenceUrl('https://a.com/ b')).toBe('invalid');
    expect(classifyEvidenceUrl('mailto:a@b.c')).toBe('invalid');
    expect(classifyEvidenceUrl('')).toBe('invalid');
  });
});
