/**
 * Clients, sites, units and fronts share one shape: list with search and active filter,
 * XLSX export, read, create, update, soft-deactivate (PATCH {active:false}). Every write is
 * audited in its transaction. Only roles with `catalogues.write` may write.
 */
import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams, ListQuery, listOf } from '../../../contracts/common';
import { missing } from '../../fail';
import type { Db } from '../../db/database';
import { ctxOf } from '../../http/auth';
import { sendXlsx } from '../../http/xlsx-reply';
import { ensure } from '../../policy';
import { writeTableXlsx, type Column } from '../../spreadsheets/write-table-xlsx';
import { recordAudit } from '../audit/record-audit';

type AnyRow = Record<string, unknown> & { id: number };

export interface CatalogueSpec {
  /** URL segment and audit entity name, e.g. 'sites'. */
  path: string;
  entity: string;
  tag: string;
  table: PgTable & { id: PgColumn; active: PgColumn };
  searchColumns: PgColumn[];
  orderBy: PgColumn;
  item: z.ZodTypeAny;
  create: z.ZodTypeAny;
  update: z.ZodTypeAny;
  exportColumns: Column<AnyRow>[];
  sheetName: string;
}

function present(row: AnyRow): AnyRow {
  const out: AnyRow = { ...row };
  for (const [k, v] of Object.entries(out)) if (v instanceof Date) out[k] = v.toISOString();
  return out;
}

export function registerCatalogue(appBase: FastifyInstance, db: Db, spec: CatalogueSpec) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const base = `/api/v1/${spec.path}`;
  const table = spec.table as unknown as Record<string, PgColumn>;

  function where(q: z.infer<typeof ListQuery>): SQL | undefined {
    const parts: (SQL | undefined)[] = [];
    // % and _ typed by the user are literal characters, not LIKE wildcards.
    if (q.q) parts.push(or(...spec.searchColumns.map((c) => ilike(c, `%${q.q!.replace(/[\\%_]/g, (m) => `\\${m}`)}%`))));
    if (q.active !== undefined) parts.push(eq(spec.table.active, q.active));
    return and(...parts);
  }

  async function load(id: number): Promise<AnyRow> {
    const rows = (await db.select().from(spec.table).where(eq(spec.table.id, id))) as AnyRow[];
    if (!rows[0]) throw missing(`El registro ${id} de ${spec.entity}`);
    return rows[0];
  }

  app.get(base, {
    schema: { tags: [spec.tag], summary: `Lista de ${spec.entity}`, querystring: ListQuery, response: { 200: listOf(spec.item) } },
    handler: async (request) => {
      const q = request.query;
      const items = (await db
        .select()
        .from(spec.table)
        .where(where(q))
        .orderBy(asc(spec.orderBy))
        .limit(q.limit)
        .offset(q.offset)) as AnyRow[];
      const [count] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(spec.table)
        .where(where(q));
      return { items: items.map(present), total: count?.n ?? 0 };
    },
  });

  app.get(`${base}/export.xlsx`, {
    schema: { tags: [spec.tag], summary: `Exportar ${spec.entity} a XLSX`, querystring: ListQuery },
    handler: async (request, reply) => {
      const items = (await db.select().from(spec.table).where(where(request.query)).orderBy(asc(spec.orderBy))) as AnyRow[];
      return sendXlsx(reply, `${spec.path}.xlsx`, await writeTableXlsx(spec.sheetName, spec.exportColumns, items));
    },
  });

  app.get(`${base}/:id`, {
    schema: { tags: [spec.tag], params: IdParams, response: { 200: spec.item, 404: ErrorBody } },
    handler: async (request) => present(await load(request.params.id)),
  });

  app.post(base, {
    schema: { tags: [spec.tag], body: spec.create, response: { 201: spec.item, 400: ErrorBody, 403: ErrorBody, 409: ErrorBody } },
    handler: async (request, reply) => {
      const ctx = ctxOf(request);
      ensure(ctx.actor, 'catalogues.write');
      const created = await db.transaction(async (tx) => {
        const [row] = (await tx
          .insert(spec.table)
          .values(request.body as Record<string, unknown>)
          .returning()) as AnyRow[];
        if (!row) throw new Error('insert returned nothing');
        await recordAudit(tx, ctx, { entity: spec.entity, entityId: row.id, action: 'create', before: null, after: present(row) });
        return row;
      });
      return reply.status(201).send(present(created));
    },
  });

  app.patch(`${base}/:id`, {
    schema: {
      tags: [spec.tag],
      params: IdParams,
      body: spec.update,
      response: { 200: spec.item, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
    handler: async (request) => {
      const ctx = ctxOf(request);
      ensure(ctx.actor, 'catalogues.write');
      const id = request.params.id;
      return present(
        await db.transaction(async (tx) => {
          const before = (await tx.select().from(spec.table).where(eq(spec.table.id, id)).for('update')) as AnyRow[];
          if (!before[0]) throw missing(`El registro ${id} de ${spec.entity}`);
          const values = { ...(request.body as Record<string, unknown>), updatedAt: new Date() };
          const [after] = (await tx.update(spec.table).set(values).where(eq(spec.table.id, id)).returning()) as AnyRow[];
          if (!after) throw missing(`El registro ${id} de ${spec.entity}`);
          const action =
            'active' in (request.body as object) && before[0].active !== after.active
              ? after.active
                ? 'reactivate'
                : 'deactivate'
              : 'update';
          await recordAudit(tx, ctx, { entity: spec.entity, entityId: id, action, before: present(before[0]), after: present(after) });
          return after;
        }),
      );
    },
  });
  void table;
}
