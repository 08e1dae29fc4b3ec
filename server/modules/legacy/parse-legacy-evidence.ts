/**
 * Reads the legacy body `{id_ot, mes, anio, archivo}` in the order the legacy view did: missing
 * OT/month/year first (Python's `all([...])`, so 0 and "" count as missing), then a missing URL —
 * both HTTP 200 with the verbatim messages — then the stricter checks (HTTP 400). Numbers may
 * arrive as numbers or numeric strings, as Django's `int()` accepted.
 */
import { isValidMonth, isValidYear } from '../../../domain/dates';
import { isHttpUrl } from '../../../domain/evidence-link';
import { err, ok, type Result } from '../../../domain/result';

export interface LegacyEvidence {
  workOrderId: number;
  month: number;
  year: number;
  url: string;
}

type Failure = { status: number; message: string };

const falsy = (v: unknown) => v === undefined || v === null || v === false || v === 0 || v === '' || (Array.isArray(v) && v.length === 0);

function integer(v: unknown): number | null {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? v : null;
  if (typeof v === 'string' && /^\s*\d{1,10}\s*$/.test(v)) return Number(v.trim());
  return null;
}

export function parseLegacyEvidence(raw: unknown): { ok: true; value: LegacyEvidence } | ({ ok: false } & Failure) {
  const r = read(raw);
  return r.ok ? r : { ok: false, ...r.error };
}

function read(raw: unknown): Result<LegacyEvidence, Failure> {
  let body: unknown = raw;
  if (typeof raw === 'string' || Buffer.isBuffer(raw)) {
    try {
      body = JSON.parse(String(raw));
    } catch {
      return err({ status: 400, message: 'El cuerpo de la petición no es JSON válido.' });
    }
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    return err({ status: 400, message: 'El cuerpo debe ser un objeto JSON con id_ot, mes, anio y archivo.' });
  const b = body as Record<string, unknown>;
  if (falsy(b.id_ot) || falsy(b.mes) || falsy(b.anio)) return err({ status: 200, message: 'Faltan datos obligatorios (OT, Mes o Año).' });
  if (falsy(b.archivo)) return err({ status: 200, message: 'La URL del archivo es obligatoria.' });
  const id = integer(b.id_ot);
  if (id === null || id < 1 || id > 2_147_483_647)
    return err({ status: 400, message: 'El id de la OT (id_ot) debe ser un número entero positivo.' });
  const month = integer(b.mes);
  if (month === null || !isValidMonth(month)) return err({ status: 400, message: 'El mes debe ser un número entre 1 y 12.' });
  const year = integer(b.anio);
  if (year === null || !isValidYear(year)) return err({ status: 400, message: 'El año debe tener cuatro dígitos (entre 2000 y 2100).' });
  const url = typeof b.archivo === 'string' ? b.archivo.trim() : '';
  if (!isHttpUrl(url)) return err({ status: 400, message: 'La URL debe comenzar con http:// o https:// y ser un enlace válido.' });
  return ok({ workOrderId: id, month, year, url });
}
