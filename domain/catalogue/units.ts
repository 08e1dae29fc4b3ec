/**
 * Units of measure: one canonical list, built from what the real workbooks contain
 * (contract Anexo C, PTE workbook, sábana + PUE sheet; see units.test.ts for the census).
 *
 * Codes: the legacy clave where one existed (PZA, KG, DIA, H-H, HOM/DIA, HORA, JORNADA, M, M2,
 * M3, SERVICIO, TON, JUNTA, COMIDA, EVENTO), otherwise the accent-free spelling the files use
 * (LOTE, LITRO, M2/DIA, SERV/DIA, PAQUETE, SISTEMA, ESTACION, EQUIPO).
 * TRAP: in the contract files `ML` is METRO LINEAL (linear metre), not millilitres as in the
 * legacy unit table; millilitres never occur in a contract for this kind of work.
 * Matching ignores case, accents, dots, spaces and `²`/`³` (`Día`, `HOM/DÍA`, `TON `, `M²`,
 * `M.L.` all resolve).
 */

/** One canonical unit, as the server seeds it. `aliases` are spellings seen or expected. */
export interface CanonicalUnit {
  readonly code: string;
  readonly name_es: string;
  readonly aliases: readonly string[];
}

export const CANONICAL_UNITS: readonly CanonicalUnit[] = [
  { code: 'PZA', name_es: 'PIEZA', aliases: ['PZA', 'PIEZA', 'PIEZAS', 'PZ', 'PZS', 'PZAS'] },
  { code: 'KG', name_es: 'KILOGRAMO', aliases: ['KG', 'KGS', 'KILO', 'KILOS', 'KILOGRAMO', 'KILOGRAMOS'] },
  { code: 'TON', name_es: 'TONELADA', aliases: ['TON', 'TONS', 'TONELADA', 'TONELADAS'] },
  { code: 'M', name_es: 'METRO', aliases: ['M', 'MT', 'MTS', 'METRO', 'METROS'] },
  { code: 'ML', name_es: 'METRO LINEAL', aliases: ['ML', 'M.L.', 'MTL', 'METRO LINEAL', 'METROS LINEALES'] },
  { code: 'M2', name_es: 'METRO CUADRADO', aliases: ['M2', 'M²', 'METRO CUADRADO', 'METROS CUADRADOS'] },
  { code: 'M3', name_es: 'METRO CÚBICO', aliases: ['M3', 'M³', 'METRO CÚBICO', 'METROS CÚBICOS'] },
  { code: 'M2/DIA', name_es: 'METRO CUADRADO POR DÍA', aliases: ['M2/DIA', 'M2/DÍA', 'M²/DÍA'] },
  { code: 'LITRO', name_es: 'LITRO', aliases: ['LITRO', 'LITROS', 'LT', 'LTS', 'L'] },
  { code: 'DIA', name_es: 'DÍA', aliases: ['DIA', 'DÍA', 'DIAS', 'DÍAS'] },
  { code: 'HORA', name_es: 'HORA', aliases: ['HORA', 'HORAS', 'HR', 'HRS', 'H'] },
  { code: 'JORNADA', name_es: 'JORNADA', aliases: ['JORNADA', 'JORNADAS', 'JOR', 'JOR.'] },
  { code: 'H-H', name_es: 'HORA-HOMBRE', aliases: ['H-H', 'HH', 'H/H', 'HORA-HOMBRE', 'HORA HOMBRE', 'HORAS-HOMBRE', 'HORAS HOMBRE'] },
  { code: 'HOM/DIA', name_es: 'HOMBRE-DÍA', aliases: ['HOM/DIA', 'HOM/DÍA', 'HOMBRE/DIA', 'HOMBRE-DIA', 'HOMBRE DIA'] },
  { code: 'SERV/DIA', name_es: 'SERVICIO POR DÍA', aliases: ['SERV/DIA', 'SERV/DÍA', 'SERVICIO/DIA'] },
  { code: 'SERVICIO', name_es: 'SERVICIO', aliases: ['SERVICIO', 'SERVICIOS', 'SERV'] },
  { code: 'COMIDA', name_es: 'COMIDA', aliases: ['COMIDA', 'COMIDAS'] },
  { code: 'EVENTO', name_es: 'EVENTO', aliases: ['EVENTO', 'EVENTOS'] },
  { code: 'JUNTA', name_es: 'JUNTA', aliases: ['JUNTA', 'JUNTAS'] },
  { code: 'LOTE', name_es: 'LOTE', aliases: ['LOTE', 'LOTES'] },
  { code: 'PAQUETE', name_es: 'PAQUETE', aliases: ['PAQUETE', 'PAQUETES', 'PAQ'] },
  { code: 'SISTEMA', name_es: 'SISTEMA', aliases: ['SISTEMA', 'SISTEMAS'] },
  { code: 'ESTACION', name_es: 'ESTACIÓN', aliases: ['ESTACION', 'ESTACIÓN', 'ESTACIONES'] },
  { code: 'EQUIPO', name_es: 'EQUIPO', aliases: ['EQUIPO', 'EQUIPOS'] },
];

/** Lookup key of a unit spelling: upper case, no accents, `²`→2, `³`→3, no dots or spaces. */
export function unitKey(raw: string): string {
  return raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/²/g, '2')
    .replace(/³/g, '3')
    .toUpperCase()
    .replace(/[.\s\u00a0]+/g, '');
}

const BY_KEY: ReadonlyMap<string, CanonicalUnit> = new Map(
  CANONICAL_UNITS.flatMap((u) => [u.code, u.name_es, ...u.aliases].map((a) => [unitKey(a), u] as const)),
);

/** `{ code, name }` of the canonical unit a spelling denotes, or `null` when unknown or blank. */
export function canonicalUnit(raw: string | null | undefined): { code: string; name: string } | null {
  if (typeof raw !== 'string') return null;
  const unit = BY_KEY.get(unitKey(raw));
  return unit === undefined ? null : { code: unit.code, name: unit.name_es };
}

/**
 * True for the unit cells the workbooks use on title and subtotal rows (`''`, `-`, `.`, `NAN`,
 * `NONE`): such a row is not a line item and is skipped, not reported.
 */
export function isBlankUnit(raw: string | null | undefined): boolean {
  if (typeof raw !== 'string') return true;
  const k = unitKey(raw).replace(/[-]/g, '');
  return k === '' || k === 'NAN' || k === 'NONE';
}
