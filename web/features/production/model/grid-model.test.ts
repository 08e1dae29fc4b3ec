import { describe, expect, it } from 'vitest';
import { gridKpis } from '../../../../domain/grid-kpis';
import { baseSubtotals, cellKey, displayRows, isSavedText, liveGrid, mergeSaved, saveCells } from './grid-model';
import type { GridResponse, GridRow } from './grid-types';

function row(id: number, over: Partial<GridRow> = {}): GridRow {
  return {
    lineItemId: id,
    subAnnex: 'C-2',
    code: `2.${id}.`,
    concept: `Concepto ${id}`,
    unit: 'PZA',
    authorizedVolume: '10',
    puMxn: '100',
    puUsd: null,
    origin: 'annex',
    requiresGpu: true,
    producedBefore: '2',
    volumes: [null, '1.5', null],
    excess: [null, null, null],
    monthTotal: '1.5',
    amountMxn: '150.00',
    amountUsd: '0.00',
    excessTotal: '0',
    producedThisMonthElsewhere: '1',
    planned: [null, '2', null],
    otherLayer: [null, null, null],
    ...over,
  };
}

function grid(): GridResponse {
  const rows = [row(1), row(2, { puMxn: null, puUsd: '3.3333', amountMxn: '0.00', amountUsd: '5.00' }), row(3, { subAnnex: 'C-3' })];
  return {
    familyId: 1,
    folio: 'OT-1',
    year: 2025,
    month: 3,
    siteId: 9,
    siteName: 'Patio',
    layer: 'TE',
    revision: 7,
    window: { start: '2025-03-01', end: null },
    monthlyReport: null,
    days: ['2025-03-01', '2025-03-02', '2025-03-03'].map((date, i) => ({ date, day: i + 1, lockedReason: null, dailyReport: null })),
    rows,
    subtotals: [
      {
        subAnnex: 'C-2',
        firstRow: 0,
        lineItemCount: 2,
        authorizedMxn: '1000.00',
        authorizedUsd: '33.33',
        monthMxn: '150.00',
        monthUsd: '5.00',
      },
      {
        subAnnex: 'C-3',
        firstRow: 2,
        lineItemCount: 1,
        authorizedMxn: '1000.00',
        authorizedUsd: '0.00',
        monthMxn: '150.00',
        monthUsd: '0.00',
      },
    ],
    kpis: gridKpis([]),
    abilities: { edit: true },
  };
}

describe('production grid model', () => {
  it('puts each subtotal row before its line items', () => {
    expect(displayRows(grid())).toEqual([
      { kind: 'subtotal', subtotal: 0 },
      { kind: 'item', index: 0 },
      { kind: 'item', index: 1 },
      { kind: 'subtotal', subtotal: 1 },
      { kind: 'item', index: 2 },
    ]);
  });

  it('applies edits to the row, its subtotal and the KPIs exactly as the domain computes them', () => {
    const data = grid();
    const base = baseSubtotals(data);
    expect(base[0]?.days).toEqual(['0', '3', '0']);
    const drafts = new Map([
      [cellKey(1, 1), '1,000.25'],
      [cellKey(1, 2), ''],
    ]);
    const live = liveGrid(data, base, drafts);
    expect(live.rows.get(0)).toEqual({
      volumes: ['1000.25', null, null],
      monthTotal: '1000.25',
      amountMxn: '100025.00',
      amountUsd: '0.00',
    });
    expect(live.subtotals[0]).toEqual({ days: ['1000.25', '1.5', '0'], monthTotal: '1001.75', monthMxn: '100025.00', monthUsd: '5.00' });
    const expected = gridKpis(
      data.rows.map((r, i) => ({
        authorizedVolume: r.authorizedVolume,
        puMxn: r.puMxn,
        puUsd: r.puUsd,
        producedBefore: r.producedBefore,
        producedThisMonth: i === 0 ? '1001.25' : '2.5',
      })),
    );
    expect(live.kpis).toEqual(expected);
  });

  it('keeps invalid cells out of the figures and out of the save, with the Spanish reason', () => {
    const data = grid();
    const drafts = new Map([
      [cellKey(1, 1), '-4'],
      [cellKey(2, 3), '2.5'],
    ]);
    const live = liveGrid(data, baseSubtotals(data), drafts);
    expect(live.invalid).toEqual([{ key: '1:1', rowIndex: 0, day: 1, reason: 'No se admiten valores negativos.' }]);
    expect(live.rows.has(0)).toBe(false);
    expect(saveCells(data, drafts, live.parsed)).toEqual([{ lineItemId: 2, date: '2025-03-03', volume: '2.5', previous: null }]);
  });

  it('sends the loaded value as previous and zero for a cleared cell', () => {
    const data = grid();
    const drafts = new Map([[cellKey(3, 2), '0']]);
    const live = liveGrid(data, baseSubtotals(data), drafts);
    expect(saveCells(data, drafts, live.parsed)).toEqual([{ lineItemId: 3, date: '2025-03-02', volume: '0', previous: '1.5' }]);
  });

  it('recognises a value typed back to what is saved, in any format', () => {
    const r = row(1);
    expect(isSavedText(r, 2, '1.50')).toBe(true);
    expect(isSavedText(r, 2, '2')).toBe(false);
    expect(isSavedText(r, 1, '')).toBe(true);
    expect(isSavedText(r, 1, '0')).toBe(true);
    expect(isSavedText(r, 1, 'x')).toBe(false);
  });

  it('merges the figures a save returns and recomputes the subtotal amounts', () => {
    const data = grid();
    const merged = mergeSaved(
      data,
      [
        {
          lineItemId: 1,
          volumes: ['3', null, null],
          excess: ['1', null, null],
          monthTotal: '3',
          amountMxn: '300.00',
          amountUsd: '0.00',
          excessTotal: '1',
          producedThisMonthElsewhere: '1',
        },
      ],
      9,
      data.kpis,
    );
    expect(merged.revision).toBe(9);
    expect(merged.rows[0]?.excess[0]).toBe('1');
    expect(merged.subtotals[0]?.monthMxn).toBe('300.00');
  });
});

describe('live KPIs', () => {
  it('are exactly gridKpis over every row, for any edits (property)', async () => {
    const fc = await import('fast-check');
    const volume = fc.oneof(
      fc.constant(null),
      fc.integer({ min: 1, max: 10_000_000 }).map((n) => String(n / 1000)),
    );
    const price = fc.oneof(
      fc.constant(null),
      fc.integer({ min: 1, max: 99_999_999 }).map((n) => String(n / 10_000)),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            volumes: fc.array(volume, { minLength: 3, maxLength: 3 }),
            puMxn: price,
            puUsd: price,
            elsewhere: volume,
            before: volume,
          }),
          { minLength: 1, maxLength: 8 },
        ),
        fc.array(
          fc.tuple(
            fc.nat(7),
            fc.integer({ min: 1, max: 3 }),
            fc.oneof(
              fc.constant(''),
              fc.integer({ min: 0, max: 5_000_000 }).map((n) => String(n / 1000)),
            ),
          ),
          { maxLength: 10 },
        ),
        (specs, edits) => {
          const data = grid();
          data.rows = specs.map((sp, i) => {
            const total = sp.volumes.reduce((a, v) => a + (v ? Number(v) * 1000 : 0), 0) / 1000;
            return row(i + 1, {
              subAnnex: 'C-2',
              volumes: sp.volumes,
              monthTotal: String(total),
              puMxn: sp.puMxn,
              puUsd: sp.puUsd,
              producedThisMonthElsewhere: sp.elsewhere ?? '0',
              producedBefore: sp.before ?? '0',
            });
          });
          data.subtotals = [
            {
              subAnnex: 'C-2',
              firstRow: 0,
              lineItemCount: data.rows.length,
              authorizedMxn: '0.00',
              authorizedUsd: '0.00',
              monthMxn: '0.00',
              monthUsd: '0.00',
            },
          ];
          const drafts = new Map(edits.filter(([r]) => r < data.rows.length).map(([r, d, text]) => [cellKey(r + 1, d), text]));
          const live = liveGrid(data, baseSubtotals(data), drafts);
          const full = gridKpis(
            data.rows.map((r, i) => {
              const figures = live.rows.get(i);
              const month = figures ? figures.monthTotal : r.monthTotal;
              return {
                authorizedVolume: r.authorizedVolume,
                puMxn: r.puMxn,
                puUsd: r.puUsd,
                producedBefore: r.producedBefore,
                producedThisMonth: String((Number(r.producedThisMonthElsewhere) * 1000 + Number(month) * 1000) / 1000),
              };
            }),
          );
          expect(live.kpis).toEqual(full);
        },
      ),
      { numRuns: 200 },
    );
  });
});
