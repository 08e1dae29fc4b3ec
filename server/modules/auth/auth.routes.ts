/** Login, logout, session, own password change and personal API tokens. */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiToken,
  ChangePasswordBody,
  CreatedToken,
  CreateTokenBody,
  LoginBody,
  LoginResponse,
  SessionResponse,
} from '../../../contracts/auth';
import { ErrorBody, IdParams } from '../../../contracts/common';
import { fail, invalid, missing } from '../../fail';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import { apiTokens, sessions, users } from '../../db/schema';
import { actorOf, ctxOf, SESSION_COOKIE } from '../../http/auth';
import { ensure } from '../../policy';
import { recordAudit } from '../audit/record-audit';
import { presentSessionUser } from '../users/users.presenter';
import { findUserByEmail, findUserById } from '../users/users.repository';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords';
import { newApiToken, randomToken, sha256 } from './tokens';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const presentToken = (t: typeof apiTokens.$inferSelect) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: iso(t.lastUsedAt),
  revokedAt: iso(t.revokedAt),
});

export function registerAuthRoutes(appBase: FastifyInstance, db: Db, config: Config) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  app.post('/api/v1/auth/login', {
    config: {
      public: true,
      rateLimit: { max: config.loginRateLimit.max, timeWindow: config.loginRateLimit.windowMs },
    },
    schema: {
      tags: ['Sesión'],
      summary: 'Iniciar sesión',
      body: LoginBody,
      response: { 200: LoginResponse, 401: ErrorBody, 429: ErrorBody },
    },
    handler: async (request, reply) => {
      const user = await findUserByEmail(db, request.body.email);
      const ok = await verifyPassword(request.body.password, user?.passwordHash ?? DUMMY_HASH);
      if (!user || !ok || !user.active) throw fail('invalid_credentials', 'Correo o contraseña incorrectos');
      const raw = randomToken();
      const csrfToken = randomToken(24);
      const expiresAt = new Date(Date.now() + config.sessionTtlHours * 3600_000);
      await db.transaction(async (tx) => {
        await tx.delete(sessions).where(sql`${sessions.expiresAt} < now()`);
        await tx.insert(sessions).values({ id: sha256(raw), userId: user.id, csrfToken, expiresAt });
        await recordAudit(
          tx,
          { actor: actorOf(user), via: 'web', requestId: request.id },
          { entity: 'session', entityId: user.id, action: 'login' },
        );
      });
      reply.setCookie(SESSION_COOKIE, raw, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
        expires: expiresAt,
      });
      return { user: presentSessionUser(user), csrfToken };
    },
  });

  app.post('/api/v1/auth/logout', {
    config: { public: true },
    schema: { tags: ['Sesión'], summary: 'Cerrar sesión', response: { 204: z.null() } },
    handler: async (request, reply) => {
      if (request.sessionHash) await db.delete(sessions).where(eq(sessions.id, request.sessionHash));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  });

  app.get('/api/v1/auth/session', {
    config: { beforePasswordChange: true },
    schema: { tags: ['Sesión'], summary: 'Sesión actual', response: { 200: SessionResponse, 401: ErrorBody } },
    handler: async (request) => {
      const user = await findUserById(db, request.actor!.id!);
      if (!user) throw fail('unauthorized', 'Inicie sesión para continuar');
      return { user: presentSessionUser(user), csrfToken: request.csrfToken };
    },
  });

  app.post('/api/v1/auth/password', {
    config: { beforePasswordChange: true },
    schema: { tags: ['Sesión'], summary: 'Cambiar mi contraseña', body: ChangePasswordBody, response: { 204: z.null(), 400: ErrorBody } },
    handler: async (request, reply) => {
      const ctx = ctxOf(request);
      const user = await findUserById(db, ctx.actor.id!);
      if (!user || !(await verifyPassword(request.body.currentPassword, user.passwordHash))) {
        throw invalid([{ path: 'body.currentPassword', message: 'Contraseña incorrecta' }]);
      }
      const passwordHash = await hashPassword(request.body.newPassword);
      await db.transaction(async (tx) => {
        await tx.update(users).set({ passwordHash, mustChangePassword: false, updatedAt: new Date() }).where(eq(users.id, user.id));
        // Other sessions of this user end; the current one stays.
        await tx.delete(sessions).where(and(eq(sessions.userId, user.id), sql`${sessions.id} <> ${request.sessionHash ?? ''}`));
        await recordAudit(tx, ctx, {
          entity: 'user',
          entityId: user.id,
          action: 'change_password',
          changes: { password: { before: '***', after: '***' } },
        });
      });
      return reply.status(204).send(null);
    },
  });

  app.get('/api/v1/tokens', {
    schema: { tags: ['Tokens de API'], summary: 'Mis tokens de API', response: { 200: z.object({ items: z.array(ApiToken) }) } },
    handler: async (request) => {
      const rows = await db.select().from(apiTokens).where(eq(apiTokens.userId, request.actor!.id!)).orderBy(desc(apiTokens.createdAt));
      return { items: rows.map(presentToken) };
    },
  });

  app.post('/api/v1/tokens', {
    schema: {
      tags: ['Tokens de API'],
      summary: 'Crear un token de API (se muestra una sola vez; se guarda cifrado)',
      body: CreateTokenBody,
      response: { 201: CreatedToken, 403: ErrorBody },
    },
    handler: async (request, reply) => {
      const ctx = ctxOf(request);
      ensure(ctx.actor, 'tokens.own');
      const token = newApiToken();
      const row = await db.transaction(async (tx) => {
        const [t] = await tx
          .insert(apiTokens)
          .values({ userId: ctx.actor.id!, name: request.body.name, tokenHash: sha256(token), prefix: token.slice(0, 10) })
          .returning();
        await recordAudit(tx, ctx, { entity: 'api_token', entityId: t!.id, action: 'create', after: { name: t!.name, prefix: t!.prefix } });
        return t!;
      });
      return reply.status(201).send({ ...presentToken(row), token });
    },
  });

  app.delete('/api/v1/tokens/:id', {
    schema: { tags: ['Tokens de API'], summary: 'Revocar un token', params: IdParams, response: { 200: ApiToken, 404: ErrorBody } },
    handler: async (request) => {
      const ctx = ctxOf(request);
      return db.transaction(async (tx) => {
        const mine = ctx.actor.role === 'admin' ? sql`true` : eq(apiTokens.userId, ctx.actor.id!);
        const [t] = await tx
          .update(apiTokens)
          .set({ revokedAt: new Date() })
          .where(and(eq(apiTokens.id, request.params.id), mine, isNull(apiTokens.revokedAt)))
          .returning();
        if (!t) throw missing(`El token ${request.params.id}`);
        await recordAudit(tx, ctx, {
          entity: 'api_token',
          entityId: t.id,
          action: 'revoke',
          changes: { revokedAt: { before: null, after: t.revokedAt?.toISOString() } },
        });
        return presentToken(t);
      });
    },
  });
}
