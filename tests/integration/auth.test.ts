import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('health', () => {
  it('answers the fixed contract without login', async () => {
    const res = await t.anonymous('GET', '/api/v1/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: t.database.kind });
  });
});

describe('login', () => {
  it('returns an httpOnly session cookie and a csrfToken', async () => {
    const res = await t.anonymous('POST', '/api/v1/auth/login', { email: ADMIN.email, password: ADMIN.password });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toHaveProperty('csrfToken');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/carpeta_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('refuses wrong credentials with 401 invalid_credentials', async () => {
    const res = await t.anonymous('POST', '/api/v1/auth/login', { email: ADMIN.email, password: 'nope' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('invalid_credentials');
    expect(typeof res.json().error.message).toBe('string');
  });

  it('refuses unknown e-mails the same way (no user enumeration)', async () => {
    const res = await t.anonymous('POST', '/api/v1/auth/login', { email: 'ghost@test.local', password: 'x' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('invalid_credentials');
  });

  it('rate-limits repeated logins', async () => {
    const limited = await createTestApp({ loginRateLimit: { max: 4, windowMs: 60_000 } }); // the fixture's admin login uses one
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++)
        codes.push((await limited.anonymous('POST', '/api/v1/auth/login', { email: 'a@b.c', password: 'x' })).statusCode);
      expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
      expect(codes[4]).toBe(429);
    } finally {
      await limited.close();
    }
  });
});

describe('session and CSRF', () => {
  it('GET /auth/session returns the user', async () => {
    const res = await t.admin.get('/api/v1/auth/session');
    expect(res.statusCode).toBe(200);
    expect(res.json().user.email).toBe(ADMIN.email);
  });

  it('refuses a cookie-authenticated write without the CSRF header (403 csrf_failed) and changes nothing', async () => {
    const res = await t.admin.request('POST', '/api/v1/sites', { name: 'Sin CSRF', kind: 'yard' }, { 'x-csrf-token': '' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
    const list = await t.admin.get('/api/v1/sites?q=Sin%20CSRF');
    expect(list.json().total).toBe(0);
  });

  it('logout ends the session', async () => {
    const c = await t.login(ADMIN.email, ADMIN.password);
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await c.get('/api/v1/auth/session')).statusCode).toBe(401);
  });
});

describe('API tokens', () => {
  it('are returned once, stored hashed, authenticate without cookie or CSRF, and can be revoked', async () => {
    const res = await t.admin.post('/api/v1/tokens', { name: 'integración' });
    expect(res.statusCode).toBe(201);
    const { token, id } = res.json();
    expect(token).toMatch(/^crp_/);
    const stored = await t.database.pool.query('select token_hash from api_tokens where id = $1', [id]);
    expect(stored.rows[0].token_hash).not.toContain(token);

    const bearer = { authorization: `Bearer ${token}` };
    const created = await t.anonymous('POST', '/api/v1/sites', { name: 'Patio por token', kind: 'yard' }, bearer);
    expect(created.statusCode).toBe(201);

    const list = await t.admin.get('/api/v1/tokens');
    expect(JSON.stringify(list.json())).not.toContain(token);

    expect((await t.admin.delete(`/api/v1/tokens/${id}`)).statusCode).toBe(200);
    const after = await t.anonymous('GET', '/api/v1/sites', undefined, bearer);
    expect(after.statusCode).toBe(401);
  });
});

describe('passwords', () => {
  it('are hashed with scrypt and can be changed', async () => {
    const u = await t.userWithRole('consulta');
    const row = await t.database.pool.query('select password_hash from users where id = $1', [u.userId]);
    expect(row.rows[0].password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    const bad = await u.post('/api/v1/auth/password', { currentPassword: 'wrong', newPassword: 'another-password-1' });
    expect(bad.statusCode).toBe(400);
    const ok = await u.post('/api/v1/auth/password', { currentPassword: 'password-123456', newPassword: 'another-password-1' });
    expect(ok.statusCode).toBe(204);
    await expect(t.login(u.email, 'another-password-1')).resolves.toBeTruthy();
  });
});
