/**
 * The session lookups of the last moment, per session hash, so a burst of requests of one
 * browser reads its session once (ADR 006, addendum 3): with 50 people saving, the lookup was a
 * third of each save's round trips. Only found sessions are kept, for `ttlMs`; every write to
 * users or sessions made through this server clears the whole cache before its answer leaves, so
 * a logout, a deactivation, a role, scope or password change holds from the next request. Writes
 * made elsewhere (the CLI, another instance) hold after at most `ttlMs`.
 */
import type { SessionLookup } from '../modules/users/users.repository';

const MAX_ENTRIES = 10_000;

export class SessionCache {
  private readonly entries = new Map<string, { until: number; found: SessionLookup }>();

  constructor(private readonly ttlMs: number) {}

  get(hash: string, now = Date.now()): SessionLookup | undefined {
    const e = this.entries.get(hash);
    if (!e) return undefined;
    if (e.until > now) return e.found;
    this.entries.delete(hash);
    return undefined;
  }

  set(hash: string, found: SessionLookup, now = Date.now()): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(hash, { until: now + this.ttlMs, found });
  }

  clear(): void {
    this.entries.clear();
  }
}
