import type { Command } from 'commander';
import { Role } from '../../contracts/auth';
import { generatePassword } from '../../server/modules/auth/passwords';
import { createUser } from '../../server/modules/users/commands/create-user';
import { resetPassword } from '../../server/modules/users/commands/reset-password';
import { updateUser } from '../../server/modules/users/commands/update-user';
import { findUserByEmail, listUsers } from '../../server/modules/users/users.repository';
import { withDatabase } from './open';

function fail(message: string): never {
  process.stderr.write(`Error: ${message}\n`);
  process.exit(1);
}

export function registerUserCommands(program: Command) {
  const user = program.command('user').description('Cuentas de usuario');

  user
    .command('create')
    .description('Crear un usuario (sin --password se genera una contraseña de un solo uso)')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .requiredOption('--role <role>', `uno de: ${Role.options.join(', ')}`)
    .option('--password <password>')
    .action(async (o: { email: string; name: string; role: string; password?: string }) => {
      const role = Role.safeParse(o.role);
      if (!role.success) fail(`rol inválido: ${o.role} (use ${Role.options.join(', ')})`);
      if (o.password !== undefined && o.password.length < 10) fail('la contraseña debe tener al menos 10 caracteres');
      const password = o.password ?? generatePassword();
      await withDatabase(async ({ db }, ctx) => {
        const u = await createUser(db, ctx, {
          email: o.email,
          name: o.name,
          role: role.data,
          password,
          mustChangePassword: o.password === undefined,
        });
        process.stdout.write(`Usuario creado: #${u.id} ${u.email} (${u.role})\n`);
        if (!o.password) process.stdout.write(`Contraseña de un solo uso: ${password}\n`);
      });
    });

  user
    .command('reset-password')
    .description('Asignar una nueva contraseña (se pedirá cambiarla al iniciar sesión)')
    .requiredOption('--email <email>')
    .option('--password <password>')
    .action(async (o: { email: string; password?: string }) => {
      if (o.password !== undefined && o.password.length < 10) fail('la contraseña debe tener al menos 10 caracteres');
      const password = o.password ?? generatePassword();
      await withDatabase(async ({ db }, ctx) => {
        const u = await findUserByEmail(db, o.email);
        if (!u) fail(`no existe el usuario ${o.email}`);
        await resetPassword(db, ctx, u.id, password);
        process.stdout.write(`Contraseña restablecida para ${u.email}\n`);
        if (!o.password) process.stdout.write(`Contraseña de un solo uso: ${password}\n`);
      });
    });

  user
    .command('deactivate')
    .requiredOption('--email <email>')
    .action(async (o: { email: string }) => {
      await withDatabase(async ({ db }, ctx) => {
        const u = await findUserByEmail(db, o.email);
        if (!u) fail(`no existe el usuario ${o.email}`);
        await updateUser(db, ctx, u.id, { active: false });
        process.stdout.write(`Usuario desactivado: ${u.email}\n`);
      });
    });

  user.command('list').action(async () => {
    await withDatabase(async ({ db }) => {
      const { items } = await listUsers(db, { limit: 10_000, offset: 0 });
      for (const u of items) process.stdout.write(`#${u.id}\t${u.email}\t${u.role}\t${u.active ? 'activo' : 'inactivo'}\n`);
    });
  });
}
