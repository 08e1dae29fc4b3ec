import { describe, expect, it } from 'vitest';
import { changedFields, formatAuditValue } from './audit-values';

const words = { yes: 'Sí', no: 'No' };

describe('formatAuditValue', () => {
  it('reads like the rest of the UI', () => {
    expect(formatAuditValue(null, words)).toBe('—');
    expect(formatAuditValue(true, words)).toBe('Sí');
    expect(formatAuditValue(false, words)).toBe('No');
    expect(formatAuditValue(12, words)).toBe('12');
    expect(formatAuditValue('2025-03-07', words)).toBe('07/03/2025');
    expect(formatAuditValue('2025-03-07T18:00:00.000Z', words)).toBe('07/03/2025 12:00');
    expect(formatAuditValue([1, 2], words)).toBe('1, 2');
    expect(formatAuditValue([], words)).toBe('[]');
    expect(formatAuditValue({ a: 1 }, words)).toBe('{"a":1}');
    expect(
      formatAuditValue(
        [
          { siteId: 4, name: 'Akal-C' },
          { siteId: 5, name: 'Patio' },
        ],
        words,
      ),
    ).toBe('Akal-C, Patio');
  });
  it('shortens very long text', () => {
    const long = 'x'.repeat(500);
    expect(formatAuditValue(long, words).length).toBe(160);
  });
});

describe('changedFields', () => {
  it('sorts fields and hides unchanged ones', () => {
    expect(
      changedFields({
        status: { before: 'asignada', after: 'en_ejecucion' },
        active: { before: true, after: true },
        folio: { before: null, after: 'A-1' },
      }).map(([k]) => k),
    ).toEqual(['folio', 'status']);
  });
});
