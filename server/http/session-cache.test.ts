import { describe, expect, it } from 'vitest';
import type { SessionLookup } from '../modules/users/users.repository';
import { SessionCache } from './session-cache';

const found = (id: number) => ({ user: { id }, csrfToken: `t${id}` }) as unknown as SessionLookup;

describe('SessionCache', () => {
  it('gives a found session back for ttlMs after it was looked up, never longer', () => {
    const cache = new SessionCache(2000);
    cache.set('a', found(1), 10_000);
    expect(cache.get('a', 10_000)).toEqual(found(1));
    expect(cache.get('a', 11_999)).toEqual(found(1));
    expect(cache.get('a', 12_000)).toBeUndefined();
    expect(cache.get('a', 10_500)).toBeUndefined(); // an expired entry is gone, not revived
    expect(cache.get('b', 10_000)).toBeUndefined();
  });

  it('forgets everything on clear(), and keeps nothing when ttlMs is 0', () => {
    const cache = new SessionCache(2000);
    cache.set('a', found(1), 0);
    cache.set('b', found(2), 0);
    cache.clear();
    expect(cache.get('a', 1)).toBeUndefined();
    expect(cache.get('b', 1)).toBeUndefined();
    const off = new SessionCache(0);
    off.set('a', found(1), 0);
    expect(off.get('a', 0)).toBeUndefined();
  });

  it('stays bounded: past 10,000 sessions it starts over', () => {
    const cache = new SessionCache(60_000);
    for (let i = 0; i < 10_000; i++) cache.set(`s${i}`, found(i), 0);
    expect(cache.get('s0', 1)).toEqual(found(0));
    cache.set('one-more', found(-1), 0);
    expect(cache.get('s0', 1)).toBeUndefined();
    expect(cache.get('one-more', 1)).toEqual(found(-1));
  });
});
