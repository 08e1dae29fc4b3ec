import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database';

export function registerHealthRoutes(appBase: FastifyInstance, database: Database) {
  appBase.withTypeProvider<ZodTypeProvider>().get('/api/v1/health', {
    config: { public: true },
    schema: {
      tags: ['Sistema'],
      summary: 'Estado del servicio y de su base de datos',
      response: {
        200: z.object({ status: z.literal('ok'), database: z.enum(['embedded', 'external']) }),
        503: z.object({ status: z.literal('error'), database: z.enum(['embedded', 'external']) }),
      },
    },
    handler: async (_request, reply) => {
      try {
        await database.pool.query('select 1');
        return { status: 'ok' as const, database: database.kind };
      } catch {
        return reply.status(503).send({ status: 'error' as const, database: database.kind });
      }
    },
  });
}
