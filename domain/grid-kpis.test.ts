import { describe, expect, it } from 'vitest';
import { gridKpis, homologatedAmount, lineAmount, lineAmounts, type KpiLineItem } from './grid-kpis.js';

describe('line amounts', () => {
  it('rounds per line and treats a missing price as no amount', () => {
    expect(lineAmount('76', '11813.30')).toBe('897810.80');
    expect(lineAmount('3', null)).toBe('0.00');
    expect(lineAmounts('2.5', { puMxn: '100.005', puUsd: null })).toEqual({ MXN: '250.01', USD: '0.00' });
  });
});

describe('gridKpis', () => {
  const items: KpiLineItem[] = [
    { authorizedVolume: '10', puMxn: '0.125', puUsd: null, producedBefore: '3', producedThisMonth: '1' },
    { authorizedVolume: '9', puMxn: null, puUsd: '90000', producedBefore: '2', producedThisMonth: '4.5' },
    { authorizedVolume: '1', puMxn: '0.125', puUsd: '0.005', producedBefore: '0', producedThisMonth: '1' },
  ];

  it('computes authorized, before, this month and remaining per currency from rounded line amounts', () => {
    expect(gridKpis(items)).toEqual({
      // line amounts MXN: 1.25, 0, 0.12 (0.125 → half-even) | before 0.38 (0.375→0.38), 0 | month 0.12, 0.12
      MXN: { authorized: '1.37', producedBefore: '0.38', producedThisMonth: '0.24', remaining: '0.75' },
      // USD: 810000 + 0.00 (0.005 → 0.00) | before 180000 | month 405000 + 0.00
      USD: {
        authorized: '810000.00',
        producedBefore: '180000.00',
        producedThisMonth: '405000.00',
        remaining: '225000.00',
      },
    });
  });

  it('goes negative when production exceeds the authorization', () => {
    expect(gridKpis([{ authorizedVolume: '1', puMxn: '10', puUsd: null, producedBefore: '1', producedThisMonth: '1' }]).MXN.remaining).toBe(
      '-10.00',
    );
  });

  it('is all zeros for no line items', () => {
    expect(gridKpis([]).USD).toEqual({
      authorized: '0.00',
      producedBefore: '0.00',
      producedThisMonth: '0.00',
      remaining: '0.00',
    });
  });
});

describe('homologatedAmount', () => {
  it('adds USD at the given rate, rounded once', () => {
    expect(homologatedAmount('1000.00', '10.00', '19.1648')).toBe('1191.65');
  });
});
