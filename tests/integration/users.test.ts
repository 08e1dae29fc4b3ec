/**
 * User administration: roles and supervisor scope, admin-only access, deactivation ending
 * sessions, password reset, the last-admin guard (also under concurrency), e-mail uniqueness,
 * and the CLI (`user create`, `user reset-password`) against the same database.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../contracts/auth';
import { buildSite, buildWorkOrder } from '../support/builders';
import { ADMIN, createTestApp, PASSWORD, type TestApp } from '../support/test-app';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

let seq = 0;
const newUser = (role: Role, extra: Record<string, unknown> = {}) => ({
  email: `usuario${++seq}@test.local`,
  name: `Usuario ${seq}`,
  role,
  password: 'contraseña-segura-1',
  ...extra,
});

describe('admin creates users', () => {
  it('of each role; a supervisor with site and OT scope; the new user can log in', async () => {
    for (const role of ['admin', 'gerente_operaciones', 'administracion', 'consulta'] as const) {
      const res = await t.admin.post('/api/v1/users', newUser(role));
      expect(res.statusCode, role).toBe(201);
      expect(res.json()).toMatchObject({ id: expect.any(Number), role, active: true, mustChangePassword: false, locale: 'es-MX' });
      expect(res.json()).not.toHaveProperty('passwordHash');
    }
    const site = await buildSite(t.admin);
    const wo = await buildWorkOrder(t.admin);
    const body = newUser('supervisor', { siteIds: [site.id], workOrderIds: [wo.id] });
    const res = await t.admin.post('/api/v1/users', body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ role: 'supervisor', siteIds: [site.id], workOrderIds: [wo.id] });
    const session = await t.login(body.email, body.password);
    const me = (await session.get('/api/v1/auth/session')).json().user;
    expect(me).toMatchObject({ role: 'supervisor', siteIds: [site.id], workOrderIds: [wo.id] });
    expect((await t.admin.get(`/api/v1/users/${res.json().id}`)).json().email).toBe(body.email);
  });

  it('e-mails are stored lower-case and unique ignoring case (409)', async () => {
    const body = newUser('consulta', { email: 'Duplicado@Test.Local' });
    const res = await t.admin.post('/api/v1/users', body);
    expect(res.json().email).toBe('duplicado@test.local');
    const dup = await t.admin.post('/api/v1/users', { ...newUser('consulta'), email: 'DUPLICADO@test.local' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/Ya existe un usuario/) });
  });

  it('refuses bad input with 400 and Spanish messages: e-mail, short password, unknown role, unknown site', async () => {
    const bad = await t.admin.post('/api/v1/users', newUser('consulta', { email: 'no-es-correo', password: 'corta' }));
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.issues.map((i: { path: string; message: string }) => `${i.path}: ${i.message}`);
    expect(paths).toEqual(
      expect.arrayContaining(['body.email: Correo electrónico inválido', 'body.password: La contraseña debe tener al menos 10 caracteres']),
    );
    expect((await t.admin.post('/api/v1/users', newUser('jefe' as Role))).statusCode).toBe(400);
    const site = await t.admin.post('/api/v1/users', newUser('supervisor', { siteIds: [999999] }));
    expect(site.statusCode).toBe(400);
    expect(site.json().error.code).toBe('validation_failed');
  });

  it('lists with filters and exports to XLSX', async () => {
    const list = (await t.admin.get('/api/v1/users?role=supervisor')).json();
    expect(list.total).toBeGreaterThan(0);
    expect(list.items.every((u: { role: string }) => u.role === 'supervisor')).toBe(true);
    const res = await t.admin.get('/api/v1/users/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('only admins manage users', () => {
  it('non-admins get 403 on every /api/v1/users route and nothing changes', async () => {
    const target = (await t.admin.post('/api/v1/users', newUser('consulta'))).json();
    const count = (await t.database.pool.query('select count(*)::int as n from users')).rows[0].n;
    for (const role of ['gerente_operaciones', 'supervisor', 'administracion', 'consulta'] as const) {
      const c = await t.userWithRole(role);
      const calls = [
        c.get('/api/v1/users'),
        c.get('/api/v1/users/export.xlsx'),
        c.get(`/api/v1/users/${target.id}`),
        c.post('/api/v1/users', newUser('admin')),
        c.patch(`/api/v1/users/${target.id}`, { role: 'admin' }),
        c.patch(`/api/v1/users/${c.userId}`, { role: 'admin' }),
        c.post(`/api/v1/users/${target.id}/reset-password`, { password: 'contraseña-nueva-1' }),
      ];
      for (const res of await Promise.all(calls)) {
        expect(res.statusCode, `${role}: ${res.body}`).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
      }
    }
    expect((await t.database.pool.query('select count(*)::int as n from users')).rows[0].n).toBe(count + 4);
    expect((await t.admin.get(`/api/v1/users/${target.id}`)).json()).toMatchObject({ role: 'consulta', mustChangePassword: false });
  });
});

describe('deactivation and passwords', () => {
  it('users are never deleted, even by hand-written SQL (production entries keep their ids without a foreign key)', async () => {
    const id = (await t.admin.post('/api/v1/users', newUser('supervisor'))).json().id;
    await expect(t.database.pool.query('delete from users where id = $1', [id])).rejects.toThrow(/never deleted/);
    expect((await t.database.pool.query('select count(*)::int as n from users where id = $1', [id])).rows[0].n).toBe(1);
  });

  it('deactivating a user ends their sessions and API tokens, and their login fails; reactivating restores login', async () => {
    const body = newUser('gerente_operaciones');
    const id = (await t.admin.post('/api/v1/users', body)).json().id;
    const session = await t.login(body.email, body.password);
    const { token } = (await session.post('/api/v1/tokens', { name: 'mío' })).json();

    const res = await t.admin.patch(`/api/v1/users/${id}`, { active: false });
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    expect((await session.get('/api/v1/auth/session')).statusCode).toBe(401);
    expect((await t.anonymous('GET', '/api/v1/sites', undefined, { authorization: `Bearer ${token}` })).statusCode).toBe(401);
    expect((await t.database.pool.query('select count(*)::int as n from sessions where user_id = $1', [id])).rows[0].n).toBe(0);
    const login = await t.anonymous('POST', '/api/v1/auth/login', { email: body.email, password: body.password });
    expect(login.statusCode).toBe(401);
    expect(login.json().error.code).toBe('invalid_credentials');

    const audit = (await t.admin.get(`/api/v1/audit?entity=user&entityId=${id}`)).json().items;
    expect(audit[0]).toMatchObject({ action: 'deactivate', changes: { active: { before: true, after: false } } });

    await t.admin.patch(`/api/v1/users/${id}`, { active: true });
    await expect(t.login(body.email, body.password)).resolves.toBeTruthy();
  });

  it('reset-password sets mustChangePassword, ends sessions, old password fails, new one works; changing it clears the flag', async () => {
    const body = newUser('consulta');
    const id = (await t.admin.post('/api/v1/users', body)).json().id;
    const old = await t.login(body.email, body.password);
    const res = await t.admin.post(`/api/v1/users/${id}/reset-password`, { password: 'temporal-12345' });
    expect(res.statusCode).toBe(204);
    expect((await old.get('/api/v1/auth/session')).statusCode).toBe(401);
    expect((await t.anonymous('POST', '/api/v1/auth/login', { email: body.email, password: body.password })).statusCode).toBe(401);
    const fresh = await t.login(body.email, 'temporal-12345');
    expect((await fresh.get('/api/v1/auth/session')).json().user.mustChangePassword).toBe(true);
    expect((await t.admin.get(`/api/v1/users/${id}`)).json().mustChangePassword).toBe(true);
    // Until it is changed, the temporary password opens nothing else — on the server, not just the UI.
    for (const res of [await fresh.get('/api/v1/sites'), await fresh.post('/api/v1/tokens', { name: 'antes de cambiar' })]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('password_change_required');
    }
    expect(
      (await fresh.post('/api/v1/auth/password', { currentPassword: 'temporal-12345', newPassword: 'definitiva-12345' })).statusCode,
    ).toBe(204);
    expect((await fresh.get('/api/v1/auth/session')).json().user.mustChangePassword).toBe(false);
    expect((await fresh.get('/api/v1/sites')).statusCode).toBe(200);
    expect((await t.admin.post('/api/v1/users/999999/reset-password', { password: 'temporal-12345' })).statusCode).toBe(404);
    expect((await t.admin.post(`/api/v1/users/${id}/reset-password`, { password: 'corta' })).statusCode).toBe(400);
  });

  it('PATCH of an unknown user → 404', async () => {
    expect((await t.admin.patch('/api/v1/users/999999', { name: 'Nadie' })).statusCode).toBe(404);
  });
});

describe('the last active admin', () => {
  it('cannot be deactivated or demoted (409); with another admin active it can', async () => {
    const fresh = await createTestApp();
    try {
      const self = fresh.admin.userId;
      const off = await fresh.admin.patch(`/api/v1/users/${self}`, { active: false });
      expect(off.statusCode).toBe(409);
      expect(off.json().error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/último administrador/) });
      expect((await fresh.admin.patch(`/api/v1/users/${self}`, { role: 'consulta' })).statusCode).toBe(409);
      expect((await fresh.admin.get('/api/v1/auth/session')).json().user.role).toBe('admin');

      const second = await fresh.userWithRole('admin');
      await fresh.admin.patch(`/api/v1/users/${second.userId}`, { active: false }); // inactive admins do not count
      expect((await fresh.admin.patch(`/api/v1/users/${self}`, { role: 'gerente_operaciones' })).statusCode).toBe(409);
      await fresh.admin.patch(`/api/v1/users/${second.userId}`, { active: true });
      const again = await fresh.login(second.email, PASSWORD);
      expect((await again.patch(`/api/v1/users/${self}`, { role: 'gerente_operaciones' })).statusCode).toBe(200);
      expect((await again.patch(`/api/v1/users/${second.userId}`, { active: false })).statusCode).toBe(409);
    } finally {
      await fresh.close();
    }
  });

  it('two admins deactivating each other at the same time cannot leave zero active admins', async () => {
    const fresh = await createTestApp();
    try {
      const other = await fresh.userWithRole('admin');
      for (let round = 0; round < 4; round++) {
        const [a, b] = await Promise.all([
          fresh.admin.patch(`/api/v1/users/${other.userId}`, { active: false }),
          other.patch(`/api/v1/users/${fresh.admin.userId}`, { active: false }),
        ]);
        const admins = (await fresh.database.pool.query(`select count(*)::int as n from users where role = 'admin' and active`)).rows[0].n;
        expect(admins).toBe(1);
        expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
        // Put both back for the next round (through SQL: whichever admin lost its sessions).
        await fresh.database.pool.query(`update users set active = true where role = 'admin'`);
        if (a.statusCode === 200) Object.assign(other, await fresh.login(other.email, PASSWORD));
        else Object.assign(fresh.admin, await fresh.login(ADMIN.email, ADMIN.password));
      }
    } finally {
      await fresh.close();
    }
  });
});

describe('CLI', () => {
  const cli = (...args: string[]) =>
    run('npx', ['tsx', 'scripts/cli.ts', ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: t.database.url }, timeout: 60_000 });

  it('user create makes a user that can log in, audited with via = cli', async () => {
    const { stdout } = await cli(
      'user',
      'create',
      '--email',
      'cli.user@test.local',
      '--name',
      'Desde CLI',
      '--role',
      'supervisor',
      '--password',
      'desde-cli-12345',
    );
    expect(stdout).toMatch(/Usuario creado: #\d+ cli\.user@test\.local \(supervisor\)/);
    const session = await t.login('cli.user@test.local', 'desde-cli-12345');
    expect((await session.get('/api/v1/auth/session')).json().user).toMatchObject({ role: 'supervisor', name: 'Desde CLI' });
    const audit = await t.database.pool.query(`select via, actor_id, action from audit_log where entity = 'user' and entity_id = $1`, [
      String(session.userId),
    ]);
    expect(audit.rows).toEqual([{ via: 'cli', actor_id: null, action: 'create' }]);
  }, 90_000);

  it('user reset-password sets a new password that must be changed', async () => {
    const { stdout } = await cli('user', 'reset-password', '--email', 'cli.user@test.local', '--password', 'nueva-cli-12345');
    expect(stdout).toContain('Contraseña restablecida para cli.user@test.local');
    expect(
      (await t.anonymous('POST', '/api/v1/auth/login', { email: 'cli.user@test.local', password: 'desde-cli-12345' })).statusCode,
    ).toBe(401);
    const session = await t.login('cli.user@test.local', 'nueva-cli-12345');
    expect((await session.get('/api/v1/auth/session')).json().user.mustChangePassword).toBe(true);
  }, 90_000);

  it('refuses a bad role, a short password and a duplicate e-mail with exit code 1 and a Spanish message', async () => {
    await expect(
      cli('user', 'create', '--email', 'x@test.local', '--name', 'X', '--role', 'jefe', '--password', 'desde-cli-12345'),
    ).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('rol inválido'),
    });
    await expect(
      cli('user', 'create', '--email', 'x@test.local', '--name', 'X', '--role', 'consulta', '--password', 'corta'),
    ).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('al menos 10 caracteres'),
    });
    await expect(
      cli('user', 'create', '--email', 'CLI.USER@test.local', '--name', 'X', '--role', 'consulta', '--password', 'desde-cli-12345'),
    ).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Ya existe un usuario'),
    });
    expect((await t.database.pool.query(`select count(*)::int as n from users where email = 'x@test.local'`)).rows[0].n).toBe(0);
  }, 90_000);
});
