/**
 * Checks whether an evidence URL answers, with one short deadline for the whole check (HEAD, then
 * GET when the server does not allow HEAD; up to 5 redirects), so the check never hangs. Only the
 * status line is read; the body is discarded. Any failure is a result (a warning), never an
 * exception.
 *
 * The app must not become a way to probe the network it runs in (SSRF): unless
 * `CARPETA_EVIDENCE_CHECK_PRIVATE=1` (an intranet deployment whose evidence lives on internal
 * servers), every address a request would connect to — the link's and each redirect's, checked
 * when the connection is made, so DNS cannot swap it afterwards — must be public: no loopback,
 * private, link-local (cloud metadata), carrier-grade NAT, multicast or reserved ranges.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

export interface ProbeResult {
  reachable: boolean;
  httpStatus: number | null;
  error: string | null;
}

export interface ProbeOptions {
  timeoutMs?: number;
  /** Allow loopback/private/link-local addresses (CARPETA_EVIDENCE_CHECK_PRIVATE=1). */
  allowPrivate?: boolean;
}

export const EVIDENCE_CHECK_TIMEOUT_MS = 3000;
const MAX_REDIRECTS = 5;

const internal = new net.BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  internal.addSubnet(prefix, bits, 'ipv4');
for (const [prefix, bits] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  internal.addSubnet(prefix, bits, 'ipv6');

/** True for an address the check must not reach by default (IPv4-mapped IPv6 judged as its IPv4). */
export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return internal.check(mapped[1]!, 'ipv4');
  const family = net.isIP(address);
  if (family === 0) return true; // not an address: refuse rather than guess
  return internal.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

class InternalAddressError extends Error {
  readonly code = 'EINTERNAL';
}

/** dns.lookup that refuses internal addresses: used by the connection itself (no rebinding gap). */
const guardedLookup: net.LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '', 0);
    const list = addresses as dns.LookupAddress[];
    if (!list.length || list.some((a) => isInternalAddress(a.address)))
      return callback(new InternalAddressError(`${hostname} resolves to an internal address`), '', 0);
    if ((options as dns.LookupAllOptions).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
    return callback(null, list[0]!.address, list[0]!.family);
  });
};

function request(
  url: URL,
  method: 'HEAD' | 'GET',
  signal: AbortSignal,
  allowPrivate: boolean,
): Promise<{ status: number; location: string | null }> {
  return new Promise((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    // An IP literal is never looked up: judge it here.
    if (!allowPrivate && net.isIP(host) && isInternalAddress(host)) return reject(new InternalAddressError(`${host} is internal`));
    const req = (url.protocol === 'https:' ? https : http).request(
      url,
      { method, signal, headers: { 'user-agent': 'Carpeta evidence check' }, ...(allowPrivate ? {} : { lookup: guardedLookup }) },
      (res) => {
        res.resume(); // the body is not read
        const location = res.headers.location;
        resolve({ status: res.statusCode ?? 0, location: typeof location === 'string' ? location : null });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function follow(start: string, method: 'HEAD' | 'GET', signal: AbortSignal, allowPrivate: boolean): Promise<number> {
  let url = new URL(start);
  for (let hop = 0; ; hop++) {
    const { status, location } = await request(url, method, signal, allowPrivate);
    if (status < 300 || status >= 400 || !location || hop === MAX_REDIRECTS) return status;
    url = new URL(location, url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return status;
  }
}

export async function probeUrl(url: string, opts: ProbeOptions = {}): Promise<ProbeResult> {
  const timeoutMs = opts.timeoutMs ?? EVIDENCE_CHECK_TIMEOUT_MS;
  const allowPrivate = opts.allowPrivate ?? false;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    let status = await follow(url, 'HEAD', signal, allowPrivate);
    if (status === 405 || status === 501) status = await follow(url, 'GET', signal, allowPrivate);
    return { reachable: status < 400, httpStatus: status, error: status < 400 ? null : `El servidor respondió HTTP ${status}` };
  } catch (e) {
    if (e instanceof InternalAddressError)
      return { reachable: false, httpStatus: null, error: 'El enlace apunta a una red interna; no se verifica desde el servidor' };
    return {
      reachable: false,
      httpStatus: null,
      error: signal.aborted
        ? `Sin respuesta en ${timeoutMs / 1000} s`
        : `No se pudo conectar (${(e as { code?: string; cause?: { code?: string } }).code ?? (e as { cause?: { code?: string } }).cause?.code ?? 'error de red'})`,
    };
  }
}
