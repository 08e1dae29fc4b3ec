import { z } from 'zod';
import { Id } from './common';

export const Role = z.enum(['admin', 'gerente_operaciones', 'supervisor', 'administracion', 'consulta']);
export type Role = z.infer<typeof Role>;

export const LoginBody = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
});

export const SessionUser = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  role: Role,
  locale: z.string(),
  mustChangePassword: z.boolean(),
  siteIds: z.array(z.number().int()),
  workOrderIds: z.array(z.number().int()),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const LoginResponse = z.object({ user: SessionUser, csrfToken: z.string() });
export const SessionResponse = z.object({ user: SessionUser, csrfToken: z.string().nullable() });

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(10, 'La contraseña debe tener al menos 10 caracteres').max(1024),
});

export const CreateTokenBody = z.object({ name: z.string().trim().min(1).max(100) });
export const ApiToken = z.object({
  id: Id,
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const CreatedToken = ApiToken.extend({ token: z.string() });
