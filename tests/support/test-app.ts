/**
 * The real app on a fresh database, driven over HTTP (in-process inject, or a real port).
 * `client(role)` gives a logged-in client that sends the session cookie and CSRF token.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../server/app';
import { bootstrap } from '../../server/bootstrap';
import { loadConfig, type Config } from '../../server/config';
import { systemCtx } from '../../server/context';
import type { Database } from '../../server/db/database';
import { createUser } from '../../server/modules/users/commands/create-user';
import type { Role } from '../../contracts/auth';
import { createTestDatabase } from './test-db';

export const ADMIN = { email: 'admin@test.local', password: 'admin-password-123' };
export const PASSWORD = 'password-123456';

export interface TestClient {
  email: string;
  userId: number;
  csrfToken: string;
  cookie: string;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  admin: TestClient;
  login(email: string, password: string): Promise<TestClient>;
  /** Creates a user with this role (and scope) and logs it in. */
  userWithRole(role: Role, scope?: { siteIds?: number[]; workOrderIds?: number[] }): Promise<TestClient>;
  anonymous(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

let userCounter = 0;

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config: Config = {
    ...loadConfig({}),
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
    loginRateLimit: { max: 1000, windowMs: 60_000 },
    ...overrides,
  };
  await bootstrap(database, config);
  const app = await buildApp({ config, database });
  await app.ready();

  async function send(opts: InjectOptions) {
    return app.inject(opts);
  }

  async function login(email: string, password: string): Promise<TestClient> {
    const res = await send({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`login failed for ${email}: ${res.statusCode} ${res.body}`);
    const setCookie = res.headers['set-cookie'];
    const cookie = (Array.isArray(setCookie) ? setCookie[0] : setCookie)!.split(';')[0]!;
    const body = res.json() as { csrfToken: string; user: { id: number } };
    const request = (method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
      send({
        method: method as InjectOptions['method'],
        url,
        headers: { cookie, 'x-csrf-token': body.csrfToken, ...headers },
        ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
      });
    return {
      email,
      userId: body.user.id,
      csrfToken: body.csrfToken,
      cookie,
      request,
      get: (url) => request('GET', url),
      post: (url, b) => request('POST', url, b ?? {}),
      patch: (url, b) => request('PATCH', url, b ?? {}),
      put: (url, b) => request('PUT', url, b ?? {}),
      delete: (url) => request('DELETE', url),
    };
  }

  const admin = await login(ADMIN.email, ADMIN.password);

  return {
    app,
    database,
    config,
    admin,
    login,
    async userWithRole(role, scope = {}) {
      const email = `${role}.${++userCounter}.${Date.now()}@test.local`;
      await createUser(database.db, systemCtx(), { email, name: `Usuario ${role} ${userCounter}`, role, password: PASSWORD, ...scope });
      return login(email, PASSWORD);
    },
    anonymous: (method, url, payload, headers = {}) =>
      send({
        method: method as InjectOptions['method'],
        url,
        headers,
        ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
      }),
    async close() {
      await app.close();
      await database.close();
    },
  };
}
