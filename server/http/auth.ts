/**
 * Authentication for every request: a Bearer API token or the session cookie.
 * Cookie-authenticated writes must carry the session's CSRF token in X-CSRF-Token.
 * Routes are private unless their config says `public: true`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, Ctx } from '../context';
import { findSession, findUserByApiToken, type UserRow } from '../modules/users/users.repository';
import { sha256 } from '../modules/auth/tokens';
import type { Db } from '../db/database';
import { sendError } from './errors';
import { SessionCache } from './session-cache';

/** How long a found session is reused without asking the database (see session-cache.ts). */
export const SESSION_CACHE_MS = 2000;

/** Writes under these paths change users or sessions: they clear the session cache. */
const AUTH_STATE_PATHS = ['/api/v1/users', '/api/v1/auth/'];

export const SESSION_COOKIE = 'carpeta_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    authVia: 'cookie' | 'bearer' | null;
    sessionHash: string | null;
    csrfToken: string | null;
    /** The session's user logged in with a temporary password (new account, reset by an admin). */
    mustChangePassword: boolean;
  }
  interface FastifyContextConfig {
    /** No authentication needed (health, login, docs). */
    public?: boolean;
    /** Answer auth failures in the legacy `{exito, mensaje}` shape. */
    legacy?: boolean;
    /** Reachable by a session whose password must be changed first (session, own password change). */
    beforePasswordChange?: boolean;
  }
}

export function actorOf(user: UserRow): Actor {
  return { id: user.id, email: user.email, name: user.name, role: user.role, siteIds: user.siteIds, workOrderIds: user.workOrderIds };
}

/** The command context of an authenticated request. */
export function ctxOf(request: FastifyRequest): Ctx {
  if (!request.actor) throw new Error('ctxOf() on an unauthenticated request');
  const legacy = request.routeOptions.config?.legacy === true;
  return { actor: request.actor, via: legacy ? 'legacy' : request.authVia === 'bearer' ? 'api' : 'web', requestId: request.id };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function deny(request: FastifyRequest, reply: FastifyReply, status: number, code: string, message: string) {
  if (request.routeOptions.config?.legacy) return reply.status(status).send({ exito: false, mensaje: message });
  return sendError(reply, status, code, message);
}

export function registerAuth(app: FastifyInstance, db: Db) {
  app.decorateRequest('actor', null);
  app.decorateRequest('authVia', null);
  app.decorateRequest('sessionHash', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('mustChangePassword', false);
  const cache = new SessionCache(SESSION_CACHE_MS);

  // Before the answer of any write to users or sessions leaves (logout, password, role, scope,
  // deactivation), no request may reuse what the cache holds.
  app.addHook('onSend', async (request) => {
    if (!SAFE_METHODS.has(request.method) && AUTH_STATE_PATHS.some((p) => request.url.startsWith(p))) cache.clear();
  });

  app.addHook('onRequest', async (request, reply) => {
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const user = await findUserByApiToken(db, sha256(header.slice(7).trim()));
      if (!user) return deny(request, reply, 401, 'unauthorized', 'Token de API inválido o revocado');
      request.actor = actorOf(user);
      request.authVia = 'bearer';
    } else {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) {
        const hash = sha256(cookie);
        let found = cache.get(hash);
        if (!found) {
          found = await findSession(db, hash);
          if (found) cache.set(hash, found); // not refreshed on reuse: ttlMs bounds any lookup's age
        }
        if (found) {
          request.actor = actorOf(found.user);
          request.authVia = 'cookie';
          request.sessionHash = hash;
          request.csrfToken = found.csrfToken;
          request.mustChangePassword = found.user.mustChangePassword;
        }
      }
    }

    const config = request.routeOptions.config;
    if (config?.public || !request.routeOptions.url) return; // public route or 404
    if (!request.actor) return deny(request, reply, 401, 'unauthorized', 'Inicie sesión para continuar');
    if (request.authVia === 'cookie' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || sent !== request.csrfToken) {
        return deny(request, reply, 403, 'csrf_failed', 'Falta el token CSRF o no es válido; recargue la página');
      }
    }
    // A temporary password (new account, reset by an admin) opens only the session and the password
    // change, on the server as in the UI. Bearer tokens are not affected: creating one needs a
    // session whose password was already changed.
    if (request.mustChangePassword && !config?.beforePasswordChange) {
      return deny(request, reply, 403, 'password_change_required', 'Cambie su contraseña temporal para continuar');
    }
  });
}
