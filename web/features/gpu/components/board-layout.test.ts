import { describe, expect, it } from 'vitest';
import type { GpuRecord } from '../api/gpu-api';
import { boardRows } from './board-layout';

function rec(id: number, lineItemId: number, date: string, siteId: number, layer: 'TE' | 'CMA'): GpuRecord {
  return {
    id,
    productionEntryId: id,
    lineItemId,
    subAnnex: 'C-2',
    code: `2.${lineItemId}.`,
    concept: 'x',
    unit: 'PZA',
    date,
    siteId,
    siteName: `S${siteId}`,
    layer,
    volume: '1',
    excessVolume: '0',
    status: 'pendiente',
    evidenceUrl: null,
    note: null,
    updatedAt: '2025-03-01T00:00:00Z',
    updatedByName: null,
  };
}

describe('GPU board layout', () => {
  it('keeps every record of a day (both layers, several sites): no hidden duplicates', () => {
    const rows = boardRows(
      [
        rec(1, 10, '2025-03-05', 1, 'TE'),
        rec(2, 10, '2025-03-05', 1, 'CMA'),
        rec(3, 10, '2025-03-05', 2, 'TE'),
        rec(4, 11, '2025-03-31', 1, 'TE'),
      ],
      31,
    );
    expect(rows.map((r) => r.lineItemId)).toEqual([10, 11]);
    expect(rows[0]?.days[4]?.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(rows[1]?.days[30]?.map((r) => r.id)).toEqual([4]);
    expect(rows.flatMap((r) => r.days.flat()).length).toBe(4);
  });
});
