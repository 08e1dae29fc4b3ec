/**
 * Checks whether an evidence URL answers, with one short deadline for the whole check (HEAD, then
 * GET when the server does not allow HEAD), so the check never hangs. Only the status line is
 * read; the body is discarded. Any failure is a result (a warning), never an exception.
 */
export interface ProbeResult {
  reachable: boolean;
  httpStatus: number | null;
  error: string | null;
}

export const EVIDENCE_CHECK_TIMEOUT_MS = 3000;

export async function probeUrl(url: string, timeoutMs = EVIDENCE_CHECK_TIMEOUT_MS): Promise<ProbeResult> {
  const signal = AbortSignal.timeout(timeoutMs);
  const attempt = async (method: 'HEAD' | 'GET') => {
    const res = await fetch(url, { method, redirect: 'follow', signal, headers: { 'user-agent': 'Carpeta evidence check' } });
    await res.body?.cancel().catch(() => undefined);
    return res.status;
  };
  try {
    let status = await attempt('HEAD');
    if (status === 405 || status === 501) status = await attempt('GET');
    return { reachable: status < 400, httpStatus: status, error: status < 400 ? null : `El servidor respondió HTTP ${status}` };
  } catch (e) {
    const timedOut = signal.aborted;
    return {
      reachable: false,
      httpStatus: null,
      error: timedOut
        ? `Sin respuesta en ${timeoutMs / 1000} s`
        : `No se pudo conectar (${(e as { cause?: { code?: string } }).cause?.code ?? 'error de red'})`,
    };
  }
}
