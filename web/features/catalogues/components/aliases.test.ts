import { describe, expect, it } from 'vitest';
import { parseAliases } from './aliases';

describe('parseAliases', () => {
  it('splits, trims and removes repeats', () => {
    expect(parseAliases('M3, m³ ;M3\n metro cúbico ,')).toEqual(['M3', 'm³', 'metro cúbico']);
    expect(parseAliases('')).toEqual([]);
  });
});
