/**
 * Password hashing with scrypt (memory-hard: N=2^15, r=8 → 32 MiB per hash), from Node's
 * crypto so no native dependency is needed. Format: scrypt$N$r$p$salt$hash (base64url).
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { concurrencyLimit } from './concurrency-limit';

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEYLEN = 32;
const MAXMEM = 64 * 1024 * 1024;

/**
 * At most two hashes at once: each holds 32 MiB outside the JS heap, so a burst of logins (50 in
 * the benchmark's S6) cannot add more than 64 MiB to the app's memory, nor take every libuv thread
 * that file and DNS work share. Measured: 50 concurrent logins took the app's peak RSS from
 * ~290 MB to 379–419 MB with libuv's 4 threads hashing at once.
 */
const hashingSlots = concurrencyLimit(2);

function scrypt(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return hashingSlots(
    () => new Promise((resolve, reject) => scryptCb(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key)))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFKC'), salt, KEYLEN, { N, r: R, p: P, maxmem: MAXMEM });
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, hash] = stored.split('$');
  if (alg !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password.normalize('NFKC'), Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAXMEM,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A readable one-time password for first start and resets (≈ 95 bits). */
export function generatePassword(): string {
  return randomBytes(12).toString('base64url').replace(/[-_]/g, 'x') + '-' + randomBytes(3).toString('hex');
}

/** A hash computed once to spend the same time when the e-mail is unknown (no user enumeration). */
export const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
