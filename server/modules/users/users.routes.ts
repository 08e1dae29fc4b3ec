import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Role } from '../../../contracts/auth';
import { ErrorBody, IdParams, ListQuery, listOf } from '../../../contracts/common';
import { CreateUserBody, ResetPasswordBody, UpdateUserBody, User } from '../../../contracts/users';
import { missing } from '../../fail';
import type { Db } from '../../db/database';
import { ctxOf } from '../../http/auth';
import { sendXlsx } from '../../http/xlsx-reply';
import { ensure } from '../../policy';
import { writeTableXlsx } from '../../spreadsheets/write-table-xlsx';
import { createUser } from './commands/create-user';
import { resetPassword } from './commands/reset-password';
import { updateUser } from './commands/update-user';
import { presentUser } from './users.presenter';
import { findUserById, listUsers } from './users.repository';

const UserListQuery = ListQuery.extend({ role: Role.optional() });
const ROLE_ES: Record<string, string> = {
  admin: 'Administrador',
  gerente_operaciones: 'Gerente de operaciones',
  supervisor: 'Supervisor',
  administracion: 'Administración',
  consulta: 'Consulta',
};

export function registerUserRoutes(appBase: FastifyInstance, db: Db) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const tags = ['Usuarios'];

  app.get('/api/v1/users', {
    schema: { tags, querystring: UserListQuery, response: { 200: listOf(User), 403: ErrorBody } },
    handler: async (request) => {
      ensure(request.actor!, 'users.manage');
      const r = await listUsers(db, request.query);
      return { items: r.items.map(presentUser), total: r.total };
    },
  });

  app.get('/api/v1/users/export.xlsx', {
    schema: { tags, querystring: UserListQuery },
    handler: async (request, reply) => {
      ensure(request.actor!, 'users.manage');
      const r = await listUsers(db, { ...request.query, limit: 100_000, offset: 0 });
      const buffer = await writeTableXlsx(
        'Usuarios',
        [
          { header: 'ID', value: (u) => u.id },
          { header: 'Correo', width: 32, value: (u) => u.email },
          { header: 'Nombre', width: 32, value: (u) => u.name },
          { header: 'Rol', width: 24, value: (u) => ROLE_ES[u.role] },
          { header: 'Activo', value: (u) => (u.active ? 'Sí' : 'No') },
        ],
        r.items,
      );
      return sendXlsx(reply, 'usuarios.xlsx', buffer);
    },
  });

  // Names for pickers (OT leader, audit filter): readable by every authenticated user.
  app.get('/api/v1/users/options', {
    schema: {
      tags,
      summary: 'Usuarios para selectores (id, nombre, rol)',
      response: {
        200: z.object({ items: z.array(z.object({ id: z.number().int(), name: z.string(), role: Role, active: z.boolean() })) }),
      },
    },
    handler: async () => {
      const r = await listUsers(db, { limit: 10_000, offset: 0 });
      return { items: r.items.map((u) => ({ id: u.id, name: u.name, role: u.role, active: u.active })) };
    },
  });

  app.get('/api/v1/users/:id', {
    schema: { tags, params: IdParams, response: { 200: User, 403: ErrorBody, 404: ErrorBody } },
    handler: async (request) => {
      ensure(request.actor!, 'users.manage');
      const u = await findUserById(db, request.params.id);
      if (!u) throw missing(`El usuario ${request.params.id}`);
      return presentUser(u);
    },
  });

  app.post('/api/v1/users', {
    schema: { tags, body: CreateUserBody, response: { 201: User, 400: ErrorBody, 403: ErrorBody, 409: ErrorBody } },
    handler: async (request, reply) => reply.status(201).send(presentUser(await createUser(db, ctxOf(request), request.body))),
  });

  app.patch('/api/v1/users/:id', {
    schema: {
      tags,
      params: IdParams,
      body: UpdateUserBody,
      response: { 200: User, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
    handler: async (request) => presentUser(await updateUser(db, ctxOf(request), request.params.id, request.body)),
  });

  app.post('/api/v1/users/:id/reset-password', {
    schema: { tags, params: IdParams, body: ResetPasswordBody, response: { 204: z.null(), 403: ErrorBody, 404: ErrorBody } },
    handler: async (request, reply) => {
      await resetPassword(db, ctxOf(request), request.params.id, request.body.password);
      return reply.status(204).send(null);
    },
  });
}
