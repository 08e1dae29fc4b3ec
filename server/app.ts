/**
 * Builds the HTTP application: plugins, authentication, every module's routes, the OpenAPI
 * document and the built web UI. No listening here (tests use it in-process or on a port).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Config } from './config';
import type { Database } from './db/database';
import { registerAuth } from './http/auth';
import { registerErrorHandling, sendError } from './http/errors';
import { registerAuditRoutes } from './modules/audit/audit.routes';
import { registerAuthRoutes } from './modules/auth/auth.routes';
import { registerCatalogueRoutes } from './modules/catalogues/catalogues.routes';
import { registerCatalogueImportRoutes } from './modules/catalogue/catalogue.routes';
import { registerAnnexImportRoutes } from './modules/annex-imports/annex-imports.routes';
import { registerLineItemRoutes } from './modules/line-items/line-items.routes';
import { registerHealthRoutes } from './modules/health/health.routes';
import { registerUserRoutes } from './modules/users/users.routes';
import { registerWorkOrderRoutes } from './modules/work-orders/work-orders.routes';
import { registerMonthlyReportRoutes } from './modules/monthly-reports/monthly-reports.routes';
import { registerLegacyRoutes } from './modules/legacy/legacy.routes';
import { registerProductionRoutes } from './modules/production/production.routes';
import { registerDailyReportRoutes } from './modules/daily-reports/daily-reports.routes';
import { registerGpuRoutes } from './modules/gpu/gpu.routes';

z.config(z.locales.es());

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WEB_DIST = path.join(ROOT, 'dist', 'web');

export interface AppOptions {
  config: Config;
  database: Database;
  logger?: boolean | object;
}

export async function buildApp({ config, database, logger = false }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    genReqId: (req) =>
      typeof req.headers['x-request-id'] === 'string' && req.headers['x-request-id'].length <= 64
        ? req.headers['x-request-id']
        : randomUUID(),
    bodyLimit: 10 * 1024 * 1024,
    trustProxy: true,
    ajv: { customOptions: { coerceTypes: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    if (config.serverTiming) reply.header('server-timing', `app;dur=${reply.elapsedTime.toFixed(2)}`);
  });

  registerErrorHandling(app);
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      error: { code: 'rate_limited', message: `Demasiados intentos; espere ${Math.ceil(ctx.ttl / 1000)} s e intente de nuevo` },
    }),
  });
  await app.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Carpeta API',
        version: '1',
        description: 'API de Carpeta. Autenticación: cookie de sesión + X-CSRF-Token, o Authorization: Bearer <token>.',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'carpeta_session' } },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // The docs page and the UI's static files are public; the API and the legacy endpoint are not.
  app.addHook('onRoute', (route) => {
    const isApi = route.url.startsWith('/api/') && !route.url.startsWith('/api/docs');
    if (!isApi && !route.url.startsWith('/operaciones/')) route.config = { ...(route.config as object), public: true };
  });
  // After the hook: `await register` adds the plugin's routes at once, and the hook must see them.
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' }, uiHooks: {} });

  registerAuth(app, database.db);

  app.get('/api/v1/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  registerHealthRoutes(app, database);
  registerAuthRoutes(app, database.db, config);
  registerUserRoutes(app, database.db);
  registerCatalogueRoutes(app, database.db);
  registerCatalogueImportRoutes(app, database.db, config);
  registerAnnexImportRoutes(app, database.db, config);
  registerLineItemRoutes(app, database.db);
  registerWorkOrderRoutes(app, database.db);
  registerAuditRoutes(app, database.db);
  registerMonthlyReportRoutes(app, database.db, config);
  registerLegacyRoutes(app, database.db);
  registerProductionRoutes(app, database.db);
  registerDailyReportRoutes(app, database.db);
  registerGpuRoutes(app, database.db);

  if (fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    // serve: false — files go through the public '/*' route below; routes the plugin would add per file are private (401).
    await app.register(fastifyStatic, { root: WEB_DIST, serve: false });
    // Single-page app: any non-API GET serves index.html.
    app.get('/*', { config: { public: true }, schema: { hide: true } }, (request, reply) => {
      const url = request.url.split('?')[0] ?? '/';
      if (url.startsWith('/api/') || url.startsWith('/operaciones/'))
        return sendError(reply, 404, 'not_found', `Ruta no encontrada: ${url}`);
      const file = path.join(WEB_DIST, path.normalize(url));
      if (file.startsWith(WEB_DIST) && fs.existsSync(file) && fs.statSync(file).isFile())
        return reply.sendFile(path.relative(WEB_DIST, file));
      return reply.type('text/html').sendFile('index.html');
    });
  }

  return app;
}
