/**
 * Shared pieces of the HTTP API contract (zod schemas used by the server to validate and
 * by the OpenAPI document; the web client imports the same types).
 */
import { z } from 'zod';

/** Every error answer of the API has this shape. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

const IdNumber = z
  .number({ error: 'Identificador inválido: debe ser un número entero positivo' })
  .int('Identificador inválido: debe ser un número entero positivo')
  .positive('Identificador inválido: debe ser un número entero positivo')
  .max(2_147_483_647, 'Identificador inválido: fuera de rango');
/**
 * A row id: a positive integer, or its decimal digits (path and query strings arrive as text).
 * Not `z.coerce`, which would take `true`, `[5]` or `"0x1"` for an id.
 */
export const Id = z.union([
  IdNumber,
  z
    .string()
    .regex(/^[0-9]{1,10}$/, 'Identificador inválido: debe ser un número entero positivo')
    .transform(Number)
    .pipe(IdNumber),
]);
export const IdParams = z.object({ id: Id });

/** ISO calendar date `YYYY-MM-DD` that really exists (no Feb 30). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Fecha inválida: use AAAA-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const dt = new Date(Date.UTC(y, m - 1, d));
    return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d && y >= 1900 && y <= 2200;
  }, 'La fecha no existe');

/** A decimal amount as a string (exact), at most `scale` decimals, not negative. */
export function decimalString(scale: number, label = 'Número') {
  const re = new RegExp(`^\\d{1,14}(\\.\\d{1,${scale}})?$`);
  return z
    .union([z.string(), z.number()])
    .transform((v) => (typeof v === 'number' ? String(v) : v.trim()))
    .refine((s) => re.test(s), `${label} inválido: máximo ${scale} decimales, sin signo negativo`);
}

export const Text = (max: number) => z.string().trim().max(max, `Máximo ${max} caracteres`);
export const RequiredText = (max: number) => Text(max).min(1, 'Obligatorio');

export const BooleanQuery = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const ListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  active: BooleanQuery.optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
  offset: z.coerce.number().int().min(0).default(0),
});

export function listOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

/** What the caller may do with a record, so the UI never guesses. */
export const Abilities = z.record(z.string(), z.boolean());
