/**
 * Synthetic sábana de recursos for tests and benchmarks: the layout of the real one (title on
 * row 1, header on row 2: `ID, OK, ANEXO, PARTIDA, CONCEPTO, UNIDAD, VOLUMEN PTE, P.U. M.N.,
 * P.U. USD, IMPORTE PTE M.N., IMPORTE PTE USD`, one column per day, `TOTALES`), real-looking
 * codes, concepts and units, and a seeded PRNG so the same options give the same content.
 * (The zip bytes still differ between runs: the zip library stamps entries with the current time.)
 */
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';

export interface GenerateSabanaOptions {
  /** Data rows (line items). */
  readonly rows: number;
  /** Day columns (default 31). */
  readonly days?: number;
  /** PRNG seed (default 1). */
  readonly seed?: number;
  /** First day, `YYYY-MM-DD` (default `2025-12-01`). */
  readonly firstDay?: string;
  /** Day headers as date cells (default) or Spanish text like the variant the legacy importer missed (`01-dic-25`). */
  readonly dayHeaders?: 'date' | 'text-es';
  /** Every n-th row is marked OK (default 1: all rows). */
  readonly okEvery?: number;
  /** Share of day cells with a planned volume (default 0.3). */
  readonly density?: number;
}

const TEMPLATES: readonly { subAnnex: string; major: number; units: readonly string[]; concepts: readonly string[] }[] = [
  {
    subAnnex: 'C-2',
    major: 2,
    units: ['M', 'TON', 'PIEZA', 'JUNTA', 'M2'],
    concepts: [
      'Tubo de acero al carbón de {n}"Ø, cédula 80',
      'Codo 90° R.L. de acero al carbón de {n}"Ø',
      'Brida cuello soldable 300# de {n}"Ø',
      'Placa de acero A-36 de {n} mm',
    ],
  },
  {
    subAnnex: 'C-3',
    major: 3,
    units: ['TON', 'PIEZA', 'JUNTA', 'H-H', 'DÍA'],
    concepts: [
      'Instalación costa fuera de tubería de {n}"Ø',
      'Soldadura a tope en tubería de {n}"Ø',
      'Válvula de bola de {n}"Ø caja soldable',
      'Inspección radiográfica de junta de {n}"Ø',
    ],
  },
  {
    subAnnex: 'C-4',
    major: 4,
    units: ['JORNADA', 'H-H', 'HORA'],
    concepts: ['OPERARIO ESPECIALISTA (NIVEL {n})', 'AYUDANTE DE OPERARIO (NIVEL {n})', 'SUPERVISOR DE SEGURIDAD (TURNO {n})'],
  },
  {
    subAnnex: 'C-5',
    major: 5,
    units: ['JORNADA', 'DÍA', 'HORA'],
    concepts: ['MÁQUINA DE SOLDAR DIESEL DE {n}0 AMPS', 'GRÚA HIDRÁULICA DE {n}0 TON', 'COMPRESOR DE AIRE DE {n}00 PCM'],
  },
  { subAnnex: 'C-6', major: 6, units: ['HOM/DÍA', 'COMIDA'], concepts: ['SERVICIO DE HOSPEDAJE Y ALIMENTACIÓN TIPO {n}'] },
  { subAnnex: 'C3EXT', major: 3, units: ['SERVICIO', 'LOTE', 'EVENTO'], concepts: ['SERVICIO EXTRAORDINARIO DE LIMPIEZA ZONA {n}'] },
];

const SPANISH_MONTHS = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'];

/** mulberry32: tiny, fast, good enough for test data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

function dayHeader(first: Date, offset: number, style: 'date' | 'text-es'): Date | string {
  const d = new Date(first.getTime() + offset * 86_400_000);
  if (style === 'date') return d;
  const dd = String(d.getUTCDate()).padStart(2, '0');
  return `${dd}-${SPANISH_MONTHS[d.getUTCMonth()]}-${String(d.getUTCFullYear()).slice(2)}`;
}

/** Builds the workbook; returns the .xlsx bytes. */
export async function generateSabana(options: GenerateSabanaOptions): Promise<Buffer> {
  const days = options.days ?? 31;
  const rand = prng(options.seed ?? 1);
  const okEvery = Math.max(1, options.okEvery ?? 1);
  const density = options.density ?? 0.3;
  const first = new Date(`${options.firstDay ?? '2025-12-01'}T00:00:00Z`);

  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  workbook.created = workbook.modified = new Date(Date.UTC(2025, 11, 1));
  const sheet = workbook.addWorksheet('SABANA DE RECURSOS');
  sheet.addRow([null, null, null, null, 'TITULO DE LA PROPUESTA TECNICA']).commit();
  const header: (string | Date)[] = [
    'ID',
    'OK',
    'ANEXO',
    'PARTIDA',
    'CONCEPTO',
    'UNIDAD',
    'VOLUMEN PTE',
    'P.U. M.N.',
    'P.U. USD',
    'IMPORTE PTE M.N.',
    'IMPORTE PTE USD',
  ];
  for (let d = 0; d < days; d++) header.push(dayHeader(first, d, options.dayHeaders ?? 'date'));
  header.push('TOTALES');
  const headerRow = sheet.addRow(header);
  for (let d = 0; d < days; d++) headerRow.getCell(12 + d).numFmt = 'dd-mmm-yy';
  headerRow.commit();

  const nextCode = new Map<string, number>();
  for (let i = 0; i < options.rows; i++) {
    const t = pick(rand, TEMPLATES);
    const n = (nextCode.get(t.subAnnex) ?? 0) + 1;
    nextCode.set(t.subAnnex, n);
    const code = t.subAnnex.endsWith('EXT') ? `${t.subAnnex}-${String(n).padStart(4, '0')}` : `${t.major}.${n}.`;
    const concept = `${pick(rand, t.concepts).replace('{n}', String(1 + Math.floor(rand() * 48)))} (${code})`;
    const volume = Math.round(rand() * 500_000) / 1000;
    const puMxn = Math.round(rand() * 20_000_000) / 100;
    const puUsd = rand() < 0.2 ? Math.round(rand() * 10_000_000) / 100 : 0;
    const planned: (number | null)[] = [];
    let total = 0;
    for (let d = 0; d < days; d++) {
      const v = rand() < density ? Math.round(rand() * 20_000) / 1000 : null;
      planned.push(v);
      total += v ?? 0;
    }
    sheet
      .addRow([
        i + 1,
        i % okEvery === 0 ? 'OK' : null,
        t.subAnnex,
        code,
        concept,
        pick(rand, t.units),
        volume,
        puMxn,
        puUsd,
        Math.round(volume * puMxn * 100) / 100,
        Math.round(volume * puUsd * 100) / 100,
        ...planned,
        Math.round(total * 1000) / 1000,
      ])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}
