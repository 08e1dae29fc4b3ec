/**
 * The standard benchmark dataset (spec/quality.md §2, shaped like research/legacy-bench.md §3),
 * generated with set-based SQL straight into a migrated database. Deterministic: every random
 * draw is a hash of (row key, salt) — `hashint8extended` — so the data do not depend on plan or
 * insertion order and two runs produce identical databases.
 */
import type pg from 'pg';

export interface FamilyInfo {
  familyId: number;
  workOrderId: number;
  siteIds: number[];
  items: number;
}

export interface Dataset {
  main: FamilyInfo;
  /** A 300-item family shaped like the main one (S1_300); the main one itself in quick mode. */
  small300: FamilyInfo;
  others: FamilyInfo[];
  counts: Record<string, number>;
}

const U = (key: string, salt: number) => `((hashint8extended((${key})::bigint, ${salt}) & 2147483647)::float8 / 2147483648.0)`;

async function createFamily(
  c: pg.PoolClient,
  folio: string,
  clientId: number,
  siteNames: string[],
  salt: number,
  items: number,
): Promise<FamilyInfo> {
  const siteIds: number[] = [];
  for (const name of siteNames) {
    const r = await c.query<{ id: number }>(`insert into sites (name, kind) values ($1, 'vessel') returning id`, [name]);
    siteIds.push(r.rows[0]!.id);
  }
  const wo = await c.query<{ id: number }>(
    `insert into work_orders (folio, description, kind, client_id, status, planned_start, planned_end, actual_start)
     values ($1, 'Benchmark: mantenimiento integral', 'initial', $2, 'en_ejecucion', '2025-01-01', '2025-12-31', '2025-01-01') returning id`,
    [folio, clientId],
  );
  const id = wo.rows[0]!.id;
  for (const [i, s] of siteIds.entries()) {
    await c.query(`insert into work_order_sites (work_order_id, site_id, role) values ($1, $2, $3)`, [
      id,
      s,
      i === 0 ? 'main' : 'platform',
    ]);
  }
  const k = `${salt}::bigint * 10000000 + i`;
  await c.query(
    `with units as (select array_agg(id order by id) as ids from units)
     insert into line_items (family_id, sub_annex, code, concept, concept_norm, unit_id, authorized_volume, pu_mxn, pu_usd, origin, sort_key)
     select $1, sa, code, 'SUMINISTRO, FABRICACION E INSTALACION DE CONCEPTO ' || lpad((i + 1)::text, 5, '0') || ' SEGUN ESPECIFICACION TECNICA',
            'SUMINISTRO, FABRICACION E INSTALACION DE CONCEPTO ' || lpad((i + 1)::text, 5, '0') || ' SEGUN ESPECIFICACION TECNICA',
            units.ids[1 + floor(${U(k, 2)} * 8)::int], round((200 + ${U(k, 3)} * 1800)::numeric, 2),
            case when usd then 0 else round((50 + ${U(k, 5)} * 49950)::numeric, 4) end,
            case when usd then round((50 + ${U(k, 5)} * 49950)::numeric, 4) else 0 end,
            'annex', lpad(substr(sa, 3), 3, '0') || '|' || lpad((1 + i / 400)::text, 6, '0') || '.' || lpad((1 + i % 400)::text, 6, '0')
     from (select i, (1 + i / 400) || '.' || (1 + i % 400) || '.' as code,
                  case when ${U(k, 1)} < 0.4 then 'C-2' when ${U(k, 1)} < 0.7 then 'C-3' when ${U(k, 1)} < 0.9 then 'C-4' else 'C-5' end as sa,
                  ${U(k, 4)} < 0.30 as usd
           from generate_series(0, $2::int - 1) i) x, units`,
    [id, items],
  );
  await c.query(`insert into monthly_reports (work_order_id, year, month) select $1, 2025, m from generate_series(1, 7) m`, [id]);
  return { familyId: id, workOrderId: id, siteIds, items };
}

/** Production Jan–Jul 2025 (TE ~30 %, CMA ~5 % of item-days), spread over the family's sites. */
async function fillProduction(c: pg.PoolClient, f: FamilyInfo, salt: number): Promise<void> {
  const cell = `${salt}::bigint * 100000000 + li.rn * 1000 + (d - date '2025-01-01')`;
  const sites = `(array[${f.siteIds.join(',')}])[1 + floor(${U(cell, 15)} * ${f.siteIds.length})::int]`;
  await c.query(
    `with li as (select id, row_number() over (order by id) as rn from line_items where family_id = $1),
     days as (select d::date from generate_series(date '2025-01-01', date '2025-07-31', interval '1 day') d),
     cells as (
       select li.id as line_item_id, d, ${sites} as site_id,
              case when ${U(cell, 11)} < 0.30 then round((0.5 + ${U(cell, 12)} * 19.5)::numeric, 3) end as te,
              case when ${U(cell, 13)} < 0.05 then round((0.5 + ${U(cell, 14)} * 9.5)::numeric, 3) end as cma
       from li cross join days)
     insert into production_entries (line_item_id, monthly_report_id, site_id, date, layer, volume)
     select line_item_id, m.id, site_id, d, l.layer::layer, l.v
     from cells join monthly_reports m on m.work_order_id = $1 and m.year = 2025 and m.month = extract(month from d)::int
     cross join lateral (values ('TE', te), ('CMA', cma)) as l(layer, v)
     where l.v is not null
     order by d, line_item_id`, // captured day by day, as in real life: a month's rows are neighbours on disk
    [f.familyId],
  );
  // Excess with the engine's order (date, TE before CMA, site, id), in SQL for the load only.
  await c.query(
    `update production_entries p set excess_volume = x.e
     from (select p.id, greatest(0, least(p.volume, sum(p.volume) over (partition by p.line_item_id order by p.date, p.layer, p.site_id, p.id) - li.authorized_volume)) as e
           from production_entries p join line_items li on li.id = p.line_item_id where li.family_id = $1) x
     where p.id = x.id and x.e > 0`,
    [f.familyId],
  );
  await c.query(
    `insert into gpu_records (production_entry_id, status)
     select p.id, (case when p.date < '2025-07-01' then 'firmado' else 'en_proceso' end)::gpu_status
     from production_entries p join line_items li on li.id = p.line_item_id
     where li.family_id = $1 and li.sub_annex in ('C-2', 'C-3')`,
    [f.familyId],
  );
  await c.query(
    `insert into daily_reports (monthly_report_id, site_id, date, operational_status, signature_status)
     select m.id, s.site_id, d::date, 'productivo', (case when d < '2025-07-01' then 'firmado' else 'pendiente' end)::signature_status
     from generate_series(date '2025-01-01', date '2025-07-31', interval '1 day') d
     cross join unnest($2::int[]) as s(site_id)
     join monthly_reports m on m.work_order_id = $1 and m.year = 2025 and m.month = extract(month from d)::int`,
    [f.familyId, f.siteIds],
  );
}

/** Planned volumes Jan–Aug 2025 in ~20 % of (item, day) cells. */
async function fillPlanned(c: pg.PoolClient, f: FamilyInfo, salt: number): Promise<void> {
  const cell = `${salt}::bigint * 100000000 + li.rn * 1000 + (d::date - date '2025-01-01')`;
  await c.query(
    `with li as (select id, row_number() over (order by id) as rn from line_items where family_id = $1)
     insert into planned_volumes (line_item_id, date, volume)
     select li.id, d::date, round((0.5 + ${U(cell, 22)} * 19.5)::numeric, 3)
     from li cross join generate_series(date '2025-01-01', date '2025-08-31', interval '1 day') d
     where ${U(cell, 21)} < 0.20`,
    [f.familyId],
  );
}

export async function generateDataset(
  pool: pg.Pool,
  opts: { mainItems: number; otherFamilies: number; log: (m: string) => void },
): Promise<Dataset> {
  const c = await pool.connect();
  try {
    await c.query('set max_parallel_workers_per_gather = 0');
    const client = await c.query<{ id: number }>(
      `insert into clients (name) values ('PEMEX Exploración y Producción (benchmark)') returning id`,
    );
    const clientId = client.rows[0]!.id;
    const main = await createFamily(c, 'BENCH-MAIN', clientId, ['BARCO BME-01'], 1, opts.mainItems);
    await fillProduction(c, main, 1);
    await fillPlanned(c, main, 1);
    opts.log(`dataset: main family ${opts.mainItems} line items loaded`);
    let small300 = main;
    if (opts.mainItems !== 300) {
      small300 = await createFamily(c, 'BENCH-300', clientId, ['BARCO BME-300'], 2, 300);
      await fillProduction(c, small300, 2);
      await fillPlanned(c, small300, 2);
    }
    const others: FamilyInfo[] = [];
    for (let i = 0; i < opts.otherFamilies; i++) {
      const salt = 100 + i;
      const f = await createFamily(
        c,
        `BENCH-OT-${String(i + 1).padStart(2, '0')}`,
        clientId,
        [1, 2, 3].map((s) => `Sitio ${i + 1}-${s}`),
        salt,
        300,
      );
      await fillProduction(c, f, salt);
      others.push(f);
    }
    opts.log(`dataset: ${opts.otherFamilies} other families loaded`);
    await c.query('vacuum analyze');
    const counts: Record<string, number> = {};
    for (const t of ['line_items', 'production_entries', 'gpu_records', 'planned_volumes', 'daily_reports', 'production_monthly_totals']) {
      counts[t] = Number((await c.query<{ n: string }>(`select count(*) as n from ${t}`)).rows[0]!.n);
    }
    return { main, small300, others, counts };
  } finally {
    c.release();
  }
}

/** The dataset already in a reused database (BENCH_REUSE_DIR), or null. */
export async function existingDataset(pool: pg.Pool): Promise<Dataset | null> {
  const r = await pool.query<{ id: number; folio: string; sites: number[]; items: number }>(
    `select w.id, w.folio, array(select site_id from work_order_sites s where s.work_order_id = w.id order by role, site_id) as sites,
            (select count(*)::int from line_items l where l.family_id = w.id) as items
     from work_orders w where w.folio like 'BENCH-%' order by w.id`,
  );
  if (!r.rows.length) return null;
  const info = (x: (typeof r.rows)[number]): FamilyInfo => ({ familyId: x.id, workOrderId: x.id, siteIds: x.sites, items: x.items });
  const main = info(r.rows.find((x) => x.folio === 'BENCH-MAIN')!);
  const s300 = r.rows.find((x) => x.folio === 'BENCH-300');
  return { main, small300: s300 ? info(s300) : main, others: r.rows.filter((x) => x.folio.startsWith('BENCH-OT-')).map(info), counts: {} };
}
